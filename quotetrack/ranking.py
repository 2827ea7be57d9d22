"""How a found conflict ranks: the rule's score weighed by what the two sides are.

``conflicts.compare`` scores how strong the evidence is in the two texts; an editor also needs
to know how far it is a dispute between sources. Sides from one article, a speaker restating
himself, a side of a few words (often a fragment read apart from its sentence), a quote that is
the other cut short rank lower; a figure that rises from one day to the next is a changing story,
shown as a timeline (``evidence.Counts.timeline``) and ranked below disputes between sources of
the same days. Each weight that applies says so in a caveat, so the order can be read.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from .conflicts import Verdict
from .evidence import Count, Counts, SelfContradiction
from .models import Statement
from .text import fold, tokenize

SAME_ARTICLE = 0.6
SAME_SPEAKER = 0.75
FRAGMENT = 0.5
FRAGMENT_WORDS = 4  # a side with fewer words than this is likely a fragment
CUT_SHORT = 0.5
ALIKE = 0.5  # share of words in common (Jaccard) that makes two statements one claim told twice
RISING = 0.5


def weigh(verdict: Verdict, a: Statement, b: Statement) -> None:
    """Weigh a conflict's score for ranking, in place; ``a`` is the older statement."""
    factor = 1.0
    words_a, words_b = _words(a.text), _words(b.text)
    same_speaker = a.speaker.id is not None and a.speaker.id == b.speaker.id
    if _same_article(a, b) and (same_speaker or _alike(words_a, words_b)):
        # An article that reports a dispute quotes both sides: only a restatement ranks lower.
        factor *= SAME_ARTICLE
        verdict.caveats.append("both sides come from one article: check that it is not one claim told twice")
    if same_speaker or verdict.type in ("self", "altered"):
        factor *= SAME_SPEAKER
    shortest = min(len(words_a), len(words_b))
    if shortest < FRAGMENT_WORDS:
        factor *= FRAGMENT
        verdict.caveats.append(f"one side is only {shortest} word{'s' if shortest != 1 else ''}:"
                               " check that it was read whole")
    elif verdict.type == "altered" and _cut_short(words_a, words_b):
        factor *= CUT_SHORT
        verdict.caveats.append("one quote is the other cut short, not reworded")
    if _rising(verdict, a, b):
        factor *= RISING
    verdict.score = round(verdict.score * factor, 3)


def _same_article(a: Statement, b: Statement) -> bool:
    return a.source is not None and b.source is not None and a.source.id is not None and a.source.id == b.source.id


def _alike(first: list[str], second: list[str]) -> bool:
    """Most words in common: the same claim told twice rather than two claims."""
    one, two = set(first), set(second)
    return bool(one and two) and len(one & two) / len(one | two) >= ALIKE


def _words(text: str) -> list[str]:
    return [fold(token.text) for token in tokenize(text) if token.text[:1].isalnum()]


def _cut_short(first: list[str], second: list[str]) -> bool:
    short, long_ = sorted((first, second), key=len)
    return any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def reported_day(statement: Statement) -> date | None:
    """When a figure was given: the day it was said, else the day its source was published."""
    return statement.said_on or (statement.source.published if statement.source else None)


def _point(count: Count) -> float | None:
    if count.value is not None:
        return count.value
    bounds = [x for x in (count.low, count.high) if x is not None]
    return sum(bounds) / len(bounds) if bounds else None


def _human(day: date, years: bool) -> str:
    return f"{day.day} {day:%B}" + (f" {day.year}" if years else "")


def _rising(verdict: Verdict, a: Statement, b: Statement) -> bool:
    """A count that is higher when given later: a timeline, not a dispute. Marks the evidence."""
    evidence = verdict.evidence
    counts = evidence.inner if isinstance(evidence, SelfContradiction) else evidence
    day_a, day_b = reported_day(a), reported_day(b)
    if not isinstance(counts, Counts) or day_a is None or day_b is None or day_a == day_b:
        return False
    value_a, value_b = _point(counts.a_number), _point(counts.b_number)
    if value_a is None or value_b is None or (value_b - value_a) * (day_b - day_a).days <= 0:
        return False
    points = sorted([(day_a, counts.a_number.text), (day_b, counts.b_number.text)])
    timeline = replace(counts, timeline=tuple((text, day.isoformat()) for day, text in points))
    verdict.evidence = replace(evidence, inner=timeline) if isinstance(evidence, SelfContradiction) else timeline
    days = abs((day_b - day_a).days)
    years = points[0][0].year != points[-1][0].year
    steps = " → ".join(f"{text} ({_human(day, years)})" for day, text in points)
    # The rule's own note on figures of different days says less than the timeline does.
    verdict.caveats[:] = [c for c in verdict.caveats if not c.startswith("figures given on different days")]
    verdict.caveats.append(f"a changing story: the figure rose over {days} day{'s' if days != 1 else ''}, "
                           f"{steps}; not a contradiction between sources of the same day")
    return True
