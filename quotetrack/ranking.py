"""How a found conflict ranks: the rule's score weighed by what the two sides are.

``conflicts.compare`` scores how strong the evidence is in the two texts; an editor also needs
to know how far it is a dispute between sources. Sides from one article, a speaker restating
himself, a side of a few words (often a fragment read apart from its sentence), a quote that is
the other cut short rank lower; a figure that rises from one day to the next is a changing story,
shown as a timeline (``evidence.Counts.timeline``) and ranked below disputes between sources of
the same days. Each weight that applies says so in a caveat, so the order can be read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache

from .conflicts import Verdict
from .evidence import Count, Counts, DenialCue, Evidence, OppositeWords, SelfContradiction, claim_of
from .models import Conflict, Statement
from .text import fold, tokenize

SAME_ARTICLE = 0.6
SAME_SPEAKER = 0.75
FRAGMENT = 0.5
FRAGMENT_WORDS = 4  # a side with fewer words than this is likely a fragment
CUT_SHORT = 0.5
HEADLINE = 0.5  # a headline squeezes a claim; the body tells it in the source's words
ALIKE = 0.5  # share of words in common (Jaccard) that makes two statements one claim told twice
RISING = 0.5
TIMELINE_POINTS = 8  # the most points a timeline shows
CHANGING = "a changing story"  # how a timeline's caveat starts
STEP = 0.5  # a step of a longer timeline, shown whole by the conflict spanning most days
STEP_NOTE = "one step of a longer timeline: the conflict between its farthest days leads it"


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
    if is_headline(a) or is_headline(b):
        factor *= HEADLINE
        verdict.caveats.append("one side is a headline: the article's body may tell it in the source's words")
    if _rising(verdict, a, b):
        factor *= RISING
    verdict.score = round(verdict.score * factor, 3)


def is_headline(statement: Statement) -> bool:
    """The statement is its article's headline (the outlet's summary of the story)."""
    title = statement.source.title if statement.source else None
    return bool(title) and _joined(statement.text) in _joined(title or "")


def _same_article(a: Statement, b: Statement) -> bool:
    return a.source is not None and b.source is not None and a.source.id is not None and a.source.id == b.source.id


def _alike(first: Sequence[str], second: Sequence[str]) -> bool:
    """Most words in common: the same claim told twice rather than two claims."""
    one, two = set(first), set(second)
    return bool(one and two) and len(one & two) / len(one | two) >= ALIKE


# Remembered: detection weighs and checks for headlines the same statements pair after pair.
@lru_cache(maxsize=1 << 15)
def _words(text: str) -> tuple[str, ...]:
    return tuple(fold(token.text) for token in tokenize(text) if token.text[:1].isalnum())


@lru_cache(maxsize=1 << 15)
def _joined(text: str) -> str:
    return " ".join(_words(text))


def _cut_short(first: Sequence[str], second: Sequence[str]) -> bool:
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
    counts = claim_of(verdict.evidence)
    day_a, day_b = reported_day(a), reported_day(b)
    if not isinstance(counts, Counts) or day_a is None or day_b is None or day_a == day_b:
        return False
    if counts.a_number.kind and counts.b_number.kind and counts.a_number.kind != counts.b_number.kind:
        return False  # "seven confirmed" then "159 probable": two kinds of count, no rise
    value_a, value_b = _point(counts.a_number), _point(counts.b_number)
    if value_a is None or value_b is None or (value_b - value_a) * (day_b - day_a).days <= 0:
        return False
    points = sorted([(day_a.isoformat(), counts.a_number.text), (day_b.isoformat(), counts.b_number.text)])
    # The rule's own note on figures of different days says less than the timeline does.
    verdict.caveats[:] = [c for c in verdict.caveats if not c.startswith("figures given on different days")]
    verdict.evidence, verdict.caveats[:] = with_timeline(verdict.evidence, verdict.caveats,
                                                         [(text, day) for day, text in points])
    return True


def timeline_of(evidence: Evidence) -> tuple[tuple[str, str], ...]:
    """The timeline a conflict's evidence carries: (figure, ISO day), in order of days."""
    counts = claim_of(evidence)
    return counts.timeline if isinstance(counts, Counts) else ()


def with_timeline(evidence: Evidence, caveats: Sequence[str],
                  points: Iterable[tuple[str, str]]) -> tuple[Evidence, list[str]]:
    """The evidence and caveats of a rising figure, showing every point of its timeline: each
    figure as written with its day, by day (at most ``TIMELINE_POINTS``, first and last kept)."""
    ordered = sorted(set(points), key=lambda point: (point[1], point[0]))
    if len(ordered) > TIMELINE_POINTS:
        ordered = [*ordered[:TIMELINE_POINTS - 1], ordered[-1]]
    counts = claim_of(evidence)
    assert isinstance(counts, Counts)
    marked = replace(counts, timeline=tuple(ordered))
    evidence = replace(evidence, inner=marked) if isinstance(evidence, SelfContradiction) else marked
    days = [date.fromisoformat(day) for _, day in ordered]
    span = (days[-1] - days[0]).days
    years = days[0].year != days[-1].year
    steps = " → ".join(f"{text} ({_human(day, years)})" for (text, _), day in zip(ordered, days, strict=True))
    kept = [c for c in caveats if not c.startswith(CHANGING)]
    return evidence, [*kept, f"{CHANGING}: the figure rose over {span} day{'s' if span != 1 else ''}, "
                             f"{steps}; not a contradiction between sources of the same day"]


def days_apart(a: Statement, b: Statement) -> int:
    day_a, day_b = reported_day(a), reported_day(b)
    return abs((day_b - day_a).days) if day_a and day_b else 0


def timeline_step(score: float, caveats: Sequence[str], step: bool) -> tuple[float, list[str]]:
    """A chain conflict's score and caveats as a step of its timeline (``STEP``, its note last)
    or as its lead; applied once, undone when a step becomes the lead (halving and doubling are
    exact)."""
    marked = STEP_NOTE in caveats
    others = [c for c in caveats if c != STEP_NOTE]
    if step:
        return (score if marked else score * STEP), [*others, STEP_NOTE]
    return (score / STEP if marked else score), others


def fold_repeats(conflicts: Sequence[Conflict],
                 event_of: Mapping[int, int] | None = None) -> list[tuple[Conflict, list[Conflict]]]:
    """Conflicts as an editor reads them, best first: one dispute told by several pairs of
    statements is shown once, by its best-ranked conflict, with the other pairs under it. One
    dispute is two figures of the same thing set against each other (three outlets repeat
    "84,000", two repeat "9,000 to 15,000"), one figure's timeline (1 → 3 → 9 → 10, every step
    of it), one undated figure set against the dated ones, one account against its opposite
    told by several statements ("armed" / "unarmed"), or a claim and its denials: one
    statement's denial contradicted by several statements of what it denies, and one claim
    denied by several statements. Conflicts fold only with others of the same status, so no
    review is hidden under another."""
    order = {id(conflict): n for n, conflict in enumerate(conflicts)}
    group_of: dict[object, int] = {}  # a dispute key -> the group holding it
    groups: list[list[Conflict]] = []
    for conflict in conflicts:
        keys = _dispute_keys(conflict) + _event_count_keys(conflict, event_of or {})
        held = sorted({group_of[key] for key in keys if key in group_of})
        if not held:
            groups.append([conflict])
            held = [len(groups) - 1]
        else:
            groups[held[0]].append(conflict)
            for other in held[1:]:  # this conflict ties two groups: one dispute after all
                groups[held[0]].extend(groups[other])
                groups[other] = []
                group_of.update((key, held[0]) for key, index in group_of.items() if index == other)
        group_of.update((key, held[0]) for key in keys)
    shown = []
    for told in groups:  # in the order of each group's best conflict
        if not told:
            continue
        told.sort(key=lambda conflict: order[id(conflict)])
        lead = told[0]
        close = [c for c in told if c.score >= told[0].score * LEAD_SHARE]
        if isinstance(claim_of(lead.evidence), DenialCue):
            lead = min((c for c in close if isinstance(claim_of(c.evidence), DenialCue)), key=_first_told)
        elif isinstance(claim_of(lead.evidence), OppositeWords):
            # An account and its reversal: the first telling against the last shows the whole turn.
            lead = max((c for c in close if isinstance(claim_of(c.evidence), OppositeWords)),
                       key=lambda c: (days_apart(c.a, c.b), c.score))
        shown.append((lead, [c for c in told if c is not lead]))
    return shown


# A denial's conflicts scored at least this share of its best may lead it.
LEAD_SHARE = 0.8


def _first_told(conflict: Conflict) -> tuple[date, float]:
    """A denial answers what was said before it: of the statements it contradicts about as
    surely as the best (``LEAD_SHARE``), the one told first leads (then the best scored)."""
    claim = claim_of(conflict.evidence)
    assert isinstance(claim, DenialCue)
    other = conflict.b if claim.side == "a" else conflict.a
    return reported_day(other) or date.max, -conflict.score


def _event_count_keys(conflict: Conflict, event_of: Mapping[int, int]) -> list[tuple[object, ...]]:
    """Counts of what happened to the same people at one event (both statements in it): however
    many sources give however many figures (20, 39, 43 killed), the question is one, what the toll
    is; the event's figure table sets them side by side. A figure that rose over the days stays its
    own entry, a changing story shown with its dates."""
    claim = claim_of(conflict.evidence)
    if not isinstance(claim, Counts) or claim.timeline or conflict.a.id is None or conflict.b.id is None:
        return []
    event = event_of.get(conflict.a.id)
    if event is None or event != event_of.get(conflict.b.id):
        return []
    role = claim.thing.split()[0] if claim.thing else None
    return [(conflict.status, "event count", event, role)] if role else []


def _dispute_keys(conflict: Conflict) -> list[tuple[object, ...]]:
    """What a conflict disputes, the same for every pair of statements telling one dispute; a
    denial is told both by its denying statement and by the statement it denies."""
    claim = claim_of(conflict.evidence)
    if isinstance(claim, DenialCue):
        denying, denied = (conflict.a, conflict.b) if claim.side == "a" else (conflict.b, conflict.a)
        return [key for key in ((conflict.status, "denial", denying.id), (conflict.status, "denied", denied.id))
                if key[-1] is not None]
    if isinstance(claim, OppositeWords):
        # "armed" / "unarmed" told by several statements on each side: one account against another
        words = frozenset(claim.words)
        return [(conflict.status, "opposite", words, side.id) for side in (conflict.a, conflict.b)
                if side.id is not None]
    if not isinstance(claim, Counts):
        return []
    if claim.timeline:
        # Every conflict of one rising figure carries the whole timeline (detect._join_timelines):
        # the story is one entry, led by the conflict that spans the most days.
        return [(conflict.status, "timeline", claim.thing, claim.timeline)]
    undated = [side for side in (conflict.a, conflict.b) if reported_day(side) is None]
    if len(undated) == 1 and undated[0].id is not None:
        # A figure nobody dated, set against the dated figures of the same thing: the question
        # is one (when was it given?), however many figures it meets.
        return [(conflict.status, "undated", claim.thing, undated[0].id)]
    points = (_point(claim.a_number), _point(claim.b_number))
    if points[0] is None or points[1] is None:
        return []
    # To three significant figures: "238,000 died" and "more than 238,000" give one figure; and
    # by what happened to those counted, however they are named ("nine bodies" / "16 people").
    role = claim.thing.split()[0] if claim.thing else None
    return [(conflict.status, role, frozenset(float(f"{point:.3g}") for point in points))]
