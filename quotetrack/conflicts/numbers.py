"""Number conflicts: counts of the same thing, in the same claim, that cannot both be true; and,
when the caller knows two statements are about one incident, counts of its victims however worded."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from functools import lru_cache

from ..evidence import Count, Counts
from ..models import Statement
from ..text import Quantity, default_normalizer
from ..text.numbers import told_of_a_whole
from ..text.quantities import FIGURE, counts_a_crowd
from .lexicon import denial_verbs, floor_things
from .reading import STRONG_BOUNDARY, Reading
from .similarity import CONFLICT_CLAIM
from .verdict import Verdict, scaled

FLOOR_COUNT = 0.7  # "fourteen bodies recovered" against a toll: a floor, not the same figure
# The floor of a number conflict's score: two figures, or a figure and a bound ("more than 100").
EXACT_BASE, BOUNDED_BASE = 0.5, 0.4
MAGNITUDE_SHARE = 0.8  # what is left of a bound's score when one side is a vague magnitude
# Counts compared across wordings at one incident: what happened to the victims is the claim.
INCIDENT_ROLES = frozenset({"killed", "wounded", "casualties", "missing"})
# The score of such a conflict: the rule fired, but nothing in the wording vouches for it.
INCIDENT_SCORE = 0.6
# "at least 20" against 43: a floor that another toll far exceeds, at this share of the score.
FLOOR_TOLL = 0.7
FLOOR_GAP = 1.5
# ... and when either side is undated, a rise cannot be told from a dispute.
UNDATED = 0.7
# "we have so far found six bodies" against sixteen: the lower count was given as the count
# so far, so the two may be one count still rising: at this share of the score.
PROVISIONAL = 0.6


def _as_toll(count: Quantity, other: Quantity) -> Quantity:
    """A count of bodies found is at least the toll of the killed: against a toll, read it as
    that floor, of whoever the toll counts ("fourteen bodies" / "eleven miners died"); against
    another count of bodies it is compared as it stands."""
    floors = floor_things()
    if count.role and count.role == other.role and count.thing in floors and other.thing not in floors:
        return replace(count, thing=other.thing, value=None, high=None)
    return count


def number_conflict(first: Reading, second: Reading, similarity: float) -> Verdict | None:
    """Counts of the same thing, in the same claim, that cannot both be true."""
    if similarity < CONFLICT_CLAIM:
        return None
    for found_a, found_b, count_a, count_b in _clashing(first, second):
        if _same_frame(first, count_a, second, count_b):
            return _verdict(found_a, found_b, count_a, count_b, _score(count_a, count_b, similarity))
    return None


def _score(count_a: Quantity, count_b: Quantity, similarity: float) -> float:
    """Two figures score above a figure and a bound; a loose count (a vague magnitude, a ceiling
    given as the figure) far from a figure, surest of nothing but the order of magnitude, scores
    below both at any similarity."""
    if _loosely(count_a, count_b):
        return round(scaled(BOUNDED_BASE, similarity) * MAGNITUDE_SHARE, 3)
    return scaled(EXACT_BASE if _exact(count_a, count_b) else BOUNDED_BASE, similarity)


def incident_count_conflict(a: Statement, b: Statement, first: Reading, second: Reading) -> Verdict | None:
    """Counts of the same victims of one incident that cannot both be true, however differently
    the two statements are worded ("we have confirmed 84 dead" / "131 bodies were brought to the
    hospital"). The caller vouches that both statements are about the same incident (one event);
    only casualty counts are compared, since the victims are then the same.

    A higher figure given on a later day is the toll rising: found all the same, and shown as a
    timeline by the ranking (``ranking.weigh``), not as a dispute between sources. A lower later
    figure, or two figures of the same day, is a dispute. Without both days a rise cannot be
    told from a dispute: found, with a caveat saying so, at a lower score.
    """
    day_a, day_b = reported_day(a), reported_day(b)
    for found_a, found_b, count_a, count_b, floor in _incident_counts(first, second):
        verdict = _verdict(found_a, found_b, count_a, count_b,
                           INCIDENT_SCORE if _exact(count_a, count_b) else INCIDENT_SCORE - 0.1)
        if floor:
            verdict.score = round(verdict.score * FLOOR_TOLL, 3)
            verdict.caveats.append(f"{floor!r} is a floor, so both can be true; but the two tolls differ:"
                                   " check which is current")
        if day_a is None or day_b is None:
            verdict.score = round(verdict.score * UNDATED, 3)
            verdict.caveats.append("one side gives no day: the figure may have risen between them")
        elif day_a != day_b and found_a.kind == found_b.kind:  # two kinds of count are no rise nor fall
            earlier, later = (count_a, count_b) if day_a < day_b else (count_b, count_a)
            if later.point < earlier.point:
                verdict.caveats.append(f"the later figure ({max(day_a, day_b)}) is lower:"
                                       " a correction or a dispute, not a rising toll")
        return verdict
    return None


def counts_victims(count: Quantity) -> bool:
    """The count is one an incident's tolls are compared by: a count of victims (killed,
    wounded, missing), or a figure given as a correction ("the count should read 64,000")."""
    return count.role in INCIDENT_ROLES or count.corrects


def _incident_counts(first: Reading, second: Reading) -> Iterator[tuple[Quantity, Quantity, Quantity, Quantity, str]]:
    """Each pair of casualty counts of the two statements that give different tolls, with the
    words of the floor when one is only a floor of the other ("at least 20" / "43": both can be
    true, yet they are two tolls), else "" (they cannot both be true).

    When the two statements agree on a toll ("130 injured" in both), another count of those
    victims in one of them is a part of it ("37 injured flown to the capital"), not a second toll."""
    agreed = _agreed_keys(first, second)
    for found_a in first.quantities:
        for found_b in second.quantities:
            if any(q.earlier or q.forecast or q.vague or q.part_of for q in (found_a, found_b)):
                continue  # "several", "dozens": too vague to set against a figure on weak evidence
            if _of_the_whole(first, found_a) or _of_the_whole(second, found_b):
                continue  # "Of the 58, 30 were confirmed dead": a part told of its whole
            if _denied(first, found_a) or _denied(second, found_b):
                continue  # "dismissed reports that 900 were killed": not the speaker's own toll
            count_a, count_b = _as_toll(found_a, found_b), _as_toll(found_b, found_a)
            if _corrected(count_a, count_b) or _corrected(count_b, count_a):
                yield found_a, found_b, count_a, count_b, ""
                continue
            if (count_a.role not in INCIDENT_ROLES and count_a.key != (None, FIGURE) and not counts_a_crowd(count_a)) \
                    or not count_a.comparable(count_b) or count_a.key in agreed:
                continue  # victims, or "the number" / "the crowd" / the protesters the story is about
            if not count_a.overlaps(count_b) or count_a.clearly_apart(count_b):
                # "up to 120,000" against "25,000": a ceiling given as the figure, far above
                yield found_a, found_b, count_a, count_b, ""
                continue
            low, high = sorted((count_a, count_b), key=lambda q: q.point)
            if low.high is None and low.low is not None and low.point > 0 and high.point >= low.point * FLOOR_GAP:
                yield found_a, found_b, count_a, count_b, (found_a if low is count_a else found_b).text


def _agreed_keys(first: Reading, second: Reading) -> set[tuple[str | None, str | None]]:
    """What both statements count alike: a toll both give as a figure, the same figure."""
    return {a.key for a in first.quantities for b in second.quantities
            if a.role and a.comparable(b) and _bounded(a) and _bounded(b) and a.overlaps(b)
            and not (a.earlier or b.earlier)}


def _bounded(count: Quantity) -> bool:
    """A figure, or a figure give or take ("about 300"): no floor, ceiling or magnitude."""
    return not count.vague and count.low is not None and count.high is not None


def _corrected(correction: Quantity, other: Quantity) -> bool:
    """``correction`` is given as the correction of ``other``: a figure the statement calls a
    correction ("owing to a misprint, the count should read 64,000") set against a toll that
    reads like its misprint (84,000: one digit wrong, or two swapped). A correction that says
    what it counts is compared as any toll is."""
    if not correction.corrects or correction.key[0] is not None or other.role not in INCIDENT_ROLES:
        return False
    if correction.value is None or other.value is None or correction.value == other.value:
        return False
    return _misprint(str(int(correction.value)), str(int(other.value)))


def _misprint(written: str, other: str) -> bool:
    """``written`` reads as ``other`` with one digit wrong ("270000" / "170000") or two
    neighbours swapped ("17000" / "71000")."""
    if len(written) != len(other):
        return False
    wrong = [k for k, (x, y) in enumerate(zip(written, other, strict=True)) if x != y]
    if len(wrong) == 1:
        return True
    return len(wrong) == 2 and wrong[1] == wrong[0] + 1 and written[wrong[0]] == other[wrong[1]] \
        and written[wrong[1]] == other[wrong[0]]


def reported_day(statement: Statement) -> date | None:
    """When a statement's figures were given: the day it was said, else the day it was published."""
    if statement.said_on:
        return statement.said_on
    return statement.source.published if statement.source else None


def _loosely(count_a: Quantity, count_b: Quantity) -> bool:
    """The two counts differ only loosely: one is vague, or both can be true (a ceiling far above)."""
    return count_a.vague or count_b.vague or count_a.overlaps(count_b)


def _exact(count_a: Quantity, count_b: Quantity) -> bool:
    return count_a.value is not None and count_b.value is not None


def _clashing(first: Reading, second: Reading) -> Iterator[tuple[Quantity, Quantity, Quantity, Quantity]]:
    """Each pair of counts of the same thing (as read, then as compared) that cannot both be true;
    not a part of a toll both statements give alike (``_agreed_keys``)."""
    agreed = _agreed_keys(first, second)
    for found_a in first.quantities:
        for found_b in second.quantities:
            if found_a.earlier or found_b.earlier or found_a.forecast or found_b.forecast:
                continue  # "up from 12", "expected to pass 4,500": not the count the statement gives
            if _of_the_whole(first, found_a) or _of_the_whole(second, found_b):
                continue  # "Of the 58, 30 were confirmed dead": a part told of its whole
            if _denied(first, found_a) or _denied(second, found_b):
                continue  # "denied reports that 40,000 jobs would go": the figure of another
            count_a, count_b = _as_toll(found_a, found_b), _as_toll(found_b, found_a)
            if count_a.part_of or count_b.part_of or count_a.key == (None, None) == count_b.key:
                continue
            if not count_a.comparable(count_b):
                # "a few thousand people" / "9,400 employees": a part larger than its whole;
                # not a share the statement gives of a whole of its own ("23, including 9 children")
                if count_a.whole_of(count_b) and count_b.more_than(count_a) and not _share(second, count_b) \
                        or count_b.whole_of(count_a) and count_a.more_than(count_b) and not _share(first, count_a):
                    yield found_a, found_b, count_a, count_b
                continue
            if _kinds_apart(count_a, count_b) and count_a.role not in INCIDENT_ROLES or count_a.key in agreed:
                continue  # "20 confirmed cases" / "900 suspected cases": two measures, not two figures
            if count_a.vague or count_b.vague:
                if not count_a.clearly_apart(count_b):
                    continue  # "dozens" and "150": loose words, a near miss
            elif count_a.overlaps(count_b) and not count_a.clearly_apart(count_b):
                continue  # "at least 12" and "20"; "up to 40" and "30"
            yield found_a, found_b, count_a, count_b


def _share(reading: Reading, part: Quantity) -> bool:
    """The statement gives ``part`` as a share of a whole it counts too: "killed 23 people,
    including 9 children"."""
    return any(whole.role == part.role and whole.end <= part.start and whole.whole_of(part)
               for whole in reading.quantities)


def _kinds_apart(count_a: Quantity, count_b: Quantity) -> bool:
    """Both counts say how they were counted, and not alike: "confirmed" and "suspected"."""
    return bool(count_a.kind and count_b.kind and count_a.kind != count_b.kind)


# Words that end what a denial takes in: "denied the toll was 300, saying 40 were killed".
_DENIAL_ENDS = frozenset({".", ";", "!", "?", "but", "saying", "said", "adding", "added", "while"})


def _of_the_whole(reading: Reading, count: Quantity) -> bool:
    return told_of_a_whole(reading.text, count.start)


def _denied(reading: Reading, count: Quantity) -> bool:
    """The count is a figure the statement denies, after a denial verb in its sentence ("denied
    reports that it would cut 40,000 jobs", "rejected claims that 300 were killed") or before
    words that call it false ("the claims of 900 dead are untrue"): a figure
    put forward by others, not the speaker's own count. A claim and its denial are a polarity
    question, not two counts."""
    verbs = denial_verbs()
    if any(disputed is count and cue.text.split()[0].lower() not in verbs for cue, disputed in reading.disputed):
        return True  # "the claims of 900 dead are untrue": words after it call it false
    for cue in reading.cues:
        if cue.cancelled or cue.end > count.start or cue.text.split()[0].lower() not in verbs:
            continue
        if not any(word in _DENIAL_ENDS for word, start, _ in reading.words if cue.end <= start < count.start):
            return True
    return False


def _verdict(found_a: Quantity, found_b: Quantity, count_a: Quantity, count_b: Quantity, score: float) -> Verdict:
    evidence = Counts(_shown(found_a), _shown(found_b), " ".join(part for part in count_a.key if part))
    verdict = Verdict("conflict", "number", score, evidence)
    if count_a.thing == FIGURE and not (found_a.corrects or found_b.corrects):
        verdict.caveats.append("neither statement says what its figure counts ('the number', 'the official"
                               " figure'): check that both count the same")
    if count_a.whole_of(count_b) or count_b.whole_of(count_a):
        whole, part = (found_a, found_b) if count_a.whole_of(count_b) else (found_b, found_a)
        verdict.caveats.append(f"{part.text!r} are people too: they cannot outnumber {whole.text!r}")
    for loose, figure in ((found_a, found_b), (found_b, found_a)):
        if loose.vague:
            verdict.caveats.append(f"{loose.text!r} gives an order of magnitude, not a figure:"
                                   f" {figure.text!r} is far outside it")
            break
        if loose.loose and _loosely(count_a, count_b):
            verdict.caveats.append(f"{loose.text!r} is a ceiling given as the figure: {figure.text!r} is far"
                                   " below it, though both can be true")
            break
    floors = [q.text for q, read in ((found_a, count_a), (found_b, count_b)) if q is not read]
    if floors:
        verdict.caveats.append(
            f"{floors[0]!r} counts what was found so far, a floor for the toll, not the toll:"
            " check what each figure counts"
        )
        verdict.score = round(verdict.score * FLOOR_COUNT, 3)
    for correction, other in ((found_a, found_b), (found_b, found_a)):
        if correction.corrects and not other.corrects:
            verdict.caveats.append(f"{correction.text!r} is given as a correction: check whether it corrects"
                                   f" {other.text!r}")
            break
    if found_a.kind != found_b.kind:
        verdict.caveats.append(_kinds_caveat(found_a, found_b))
    so_far = _so_far(found_a, found_b) or _so_far(found_b, found_a)
    if so_far:
        verdict.caveats.append(f"{so_far!r} is the count so far: a later count may be higher")
        verdict.score = round(verdict.score * PROVISIONAL, 3)
    return verdict


def _so_far(found: Quantity, other: Quantity) -> str:
    """The words of ``found`` when it is given as the count so far ("we have so far found
    six bodies") and is the lower of the two: the other may be the same count, later. A count so
    far above the other is no rise from it ("" then)."""
    if found.provisional and other.point > found.point:
        return found.text
    return ""


def _kinds_caveat(count_a: Quantity, count_b: Quantity) -> str:
    """Say how each count was counted: "'88' counts suspected cases, 'five' confirmed ones"."""
    if count_a.kind and count_b.kind:
        return (f"two kinds of count: {count_a.text!r} is {count_a.kind}, {count_b.text!r} {count_b.kind};"
                " both can stand: check which each source means")
    given, other = (count_a, count_b) if count_a.kind else (count_b, count_a)
    return f"{given.text!r} is a count of {given.kind} ones only; {other.text!r} does not say which kind it is"


def _same_frame(first: Reading, count_a: Quantity, second: Reading, count_b: Quantity) -> bool:
    """Both counts sit in the same claim: the words right around them are shared.

    "conducted two strikes" and "one strike destroyed one building" count strikes in two
    different claims (all the strikes, and the one that hit the building).
    """
    if count_a.role and count_a.role == count_b.role:
        return True  # "nine died" and "killed 31": the role is the claim
    near_a = _near_words(first, count_a)
    near_b = _near_words(second, count_b)
    if not near_a or not near_b:
        return True
    return bool(near_a & near_b)


def _near_words(reading: Reading, count: Quantity) -> set[str]:
    """Content stems of the three words either side of a count, the count itself left out."""
    before = [w for w, _, e in reading.words if e <= count.start][-3:]
    after = [w for w, s, _ in reading.words if s >= count.end][:3]
    stems: set[str] = set()
    for word in before + after:
        if word in STRONG_BOUNDARY or word == ",":
            continue
        stems.update(_word_tokens(word))
    return stems


@lru_cache(maxsize=65536)
def _word_tokens(word: str) -> tuple[str, ...]:
    """The content tokens of one word, numbers left out."""
    return tuple(t for t in default_normalizer().tokens(word) if not t[0].isdigit())



def _shown(quantity: Quantity) -> Count:
    """A count as the evidence shows it: as written and as read."""
    return Count(quantity.text, quantity.value, quantity.low, quantity.high, quantity.thing, quantity.role,
                 (quantity.start, quantity.end), quantity.kind)  # fmt: skip
