"""Contradictions between two statements, decided by rules an editor can read.

``compare(a, b)`` answers one question for a pair: do they make the same claim ("same"), make
different claims ("unrelated"), or contradict each other ("conflict")? A conflict has a type:

- ``polarity``: one asserts what the other denies (a negation cue, a denial verb, or words of
  opposite meaning from ``data/opposites.tsv``) about the same claim;
- ``number``: the same claim with counts of the same thing that cannot both be true;
- ``date``: the same event put on different dates;
- ``misattribution``: the same quote, near word for word, given to different speakers;
- ``altered``: the same speaker's direct quote with words changed, added or dropped;
- ``self``: one speaker contradicting himself or herself (the polarity or number evidence inside).

Every verdict carries its evidence (the cue, the two counts, the two dates, the word diff) and
caveats for the editor; a polarity or number conflict between statements about different dates
is kept, with a caveat naming both dates and a lower score.

The module decides; it neither stores nor prints. Lexicons live in ``quotetrack/data/``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..evidence import Counts, DenialCue, Similarity
from ..models import Statement
from ..text import Normalizer, default_normalizer
from .attribution import as_self_contradiction, quote_conflict, same_speaker
from .dates import add_date_caveat, date_conflict, dated_apart, same_days
from .numbers import incident_count_conflict, number_conflict
from .polarity import (
    act_conflict,
    before_the_claim,
    denial_met,
    may_focus,
    polarity_conflict,
    report_denied,
    winners_conflict,
)
from .reading import credited_to_report, read
from .similarity import CONFLICT_CLAIM, UNRELATED, claim_similarity, covered_overlap, names_differ, overlap, same_claim
from .verdict import CLAIM_TYPES, CONFLICT_TYPES, DEFAULT_MIN_SCORE, RELATIONS, Verdict

__all__ = [
    "CLAIM_TYPES",
    "CONFLICT_TYPES",
    "DEFAULT_MIN_SCORE",
    "RELATIONS",
    "Verdict",
    "claim_keys",
    "claim_similarity",
    "compare",
    "compare_in_event",
    "denied_keys",
    "find_conflicts",
    "incident_conflict",
]


def compare(a: Statement, b: Statement, *, normalizer: Normalizer | None = None) -> Verdict:
    """The relation between two statements, with the type, score, evidence and caveats of a
    conflict. Statements need not be stored: speakers are compared by id when both have one,
    by name otherwise, and an empty name is an unknown speaker (never a different one)."""
    normalizer = normalizer or default_normalizer()
    first, second = read(a.text, normalizer), read(b.text, normalizer)
    similarity = overlap(first.content, second.content, first.weight, second.weight)
    if similarity < UNRELATED and (first.cues or second.cues):
        # A denial may be about words the other only implies ("casualties" / "killed").
        similarity = max(similarity, covered_overlap(first, second))
    met = bool(first.cues or second.cues) and denial_met(first, second)
    if met and similarity < CONFLICT_CLAIM:
        # A clause denied word for word inside long statements: the claim is one, whatever else.
        similarity = CONFLICT_CLAIM
    if similarity < UNRELATED and min(len(first.content), len(second.content)) > 2 and not may_focus(first, second):
        # Too little in common for any rule (but one about a single state or thing, which two
        # sides of a dispute word differently): most candidates of a rescan end here, cheaply.
        return Verdict("unrelated", None, round(similarity, 3), Similarity(round(similarity, 3)))
    speaker_same = same_speaker(a, b)

    quote_verdict = quote_conflict(a, b, first, second, speaker_same)
    if quote_verdict is not None:
        return quote_verdict

    if names_differ(first, second):
        # Two names in one place are two things ("North Korea" / "South Korea"), unless each is
        # named the winner of one contest: then the names are the dispute.
        verdict = winners_conflict(first, second, similarity)
        if verdict is None:
            return Verdict("unrelated", None, round(similarity, 3), Similarity(round(similarity, 3)))
    else:
        verdict = polarity_conflict(first, second, similarity) or number_conflict(first, second, similarity)
    if verdict is not None and verdict.type == "number" and dated_apart(a, b):
        # The counts of two incidents, each dated in its own words: neither figures nor days dispute.
        return Verdict("unrelated", None, round(similarity, 3), Similarity(round(similarity, 3)))
    if verdict is not None:
        if isinstance(verdict.evidence, DenialCue):
            before_the_claim(verdict, verdict.evidence, (first, second), (a, b))
        add_date_caveat(verdict, a, b)
        if speaker_same is True:
            if _two_kinds(verdict):
                return Verdict("unrelated", None, round(similarity, 3), Similarity(round(similarity, 3)))
            verdict = as_self_contradiction(verdict, a, b)
        return verdict

    date_verdict = date_conflict(a, b, first, second, similarity, normalizer)
    if date_verdict is not None:
        return date_verdict
    relation = "same" if same_claim(first, second) and same_days(a, b) else "unrelated"
    return Verdict(relation, None, round(similarity, 3), Similarity(round(similarity, 3)))


def compare_in_event(a: Statement, b: Statement, *, normalizer: Normalizer | None = None) -> Verdict:
    """``compare`` for two statements known to be about one incident (the same event): counts
    of its victims are compared however differently the statements are worded, a rise over the
    days excepted (see ``numbers.incident_count_conflict``)."""
    normalizer = normalizer or default_normalizer()
    verdict = compare(a, b, normalizer=normalizer)
    if verdict.relation == "conflict":
        return verdict
    return incident_conflict(a, b, normalizer=normalizer) or verdict


def incident_conflict(a: Statement, b: Statement, *, normalizer: Normalizer | None = None) -> Verdict | None:
    """The conflict between the victim counts of two statements about one incident, between how
    they judge its acts, or between a report and a denial of "the report", that ``compare``
    found unrelated by their wording, if any (``compare_in_event`` without ``compare``)."""
    normalizer = normalizer or default_normalizer()
    first, second = read(a.text, normalizer), read(b.text, normalizer)
    # Counts of its victims, how its acts are judged, and a report and its denial, however
    # differently worded.
    found = incident_count_conflict(a, b, first, second) or act_conflict(first, second, one_incident=True) or (
        report_denied(first, second, (credited_to_report(a.text, a.context), credited_to_report(b.text, b.context)),
                      (_name_stems(a, normalizer), _name_stems(b, normalizer))))
    if found is None:
        return None
    add_date_caveat(found, a, b)
    if same_speaker(a, b) is not True:
        return found
    return None if _two_kinds(found) else as_self_contradiction(found, a, b)


def _two_kinds(verdict: Verdict) -> bool:
    """The verdict sets two kinds of count against each other ("138 suspected" / "18 confirmed"):
    two sources' figures an editor weighs side by side, but one speaker giving both contradicts
    nothing."""
    evidence = verdict.evidence
    return (isinstance(evidence, Counts) and bool(evidence.a_number.kind and evidence.b_number.kind)
            and evidence.a_number.kind != evidence.b_number.kind)


def _name_stems(statement: Statement, normalizer: Normalizer) -> frozenset[str]:
    """The content stems of a statement's speaker's name ("AVM" -> {"avm"})."""
    name = statement.speaker.name.strip() if statement.speaker.name else ""
    return frozenset(read(name, normalizer).content) if name else frozenset()


def find_conflicts(
    new: Statement,
    candidates: Sequence[Statement],
    *,
    normalizer: Normalizer | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
) -> list[tuple[Statement, Verdict]]:
    """The candidates that conflict with ``new``, best first, scored at least ``min_score``."""
    normalizer = normalizer or default_normalizer()
    found = []
    for candidate in candidates:
        if candidate is new or (new.id is not None and candidate.id == new.id):
            continue
        verdict = compare(candidate, new, normalizer=normalizer)
        if verdict.relation == "conflict" and verdict.score >= min_score:
            found.append((candidate, verdict))
    found.sort(key=lambda pair: pair[1].score, reverse=True)
    return found


def claim_keys(text: str, normalizer: Normalizer | None = None) -> frozenset[str]:
    """The words a statement claims, as the rules compare them (stems, equivalents made one word),
    with the broader words they imply: "the strike killed civilians" also says "casualties".
    Index statements under these to find the ones a denial may be about (``denied_keys``)."""
    return read(text, normalizer or default_normalizer()).covers


def denied_keys(text: str, normalizer: Normalizer | None = None) -> list[tuple[str, ...]]:
    """What each denial in a statement denies, as the same words as ``claim_keys``: "there were
    no indications of civilian casualties" denies ("civilian", "casualti"). A statement whose
    ``claim_keys`` hold most of one of these is worth comparing with it, whatever else it says."""
    return [cue.scope for cue in read(text, normalizer or default_normalizer()).cues if not cue.cancelled]
