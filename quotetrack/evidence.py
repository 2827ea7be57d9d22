"""What a conflict's evidence says, as typed records, and the one place that writes it as JSON.

The conflict rules (``quotetrack.conflicts``) build these; the store saves ``to_json`` of them
and reads them back with ``from_json``; the renderers read their attributes. The JSON shape is
the one the database and ``--json`` have always held: a flat object whose keys tell the kind
(``{"cue": "not", "cue_span": [11, 14], "side": "b"}``).

This module imports nothing of quotetrack's, so the models and the store can use it without
loading the rules.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

Span = tuple[int, int]  # characters [start, end) in the statement's text


@dataclass(frozen=True)
class Days:
    """The two days the statements are about (ISO dates): the whole evidence of a ``date``
    conflict, and a caveat on a polarity or number conflict between different days."""

    a_date: str
    b_date: str


@dataclass(frozen=True)
class DenialCue:
    """One side denies the other's claim: the cue, where it stands, and which side holds it."""

    cue: str
    cue_span: Span
    side: str  # "a" | "b"
    days: Days | None = None


@dataclass(frozen=True)
class OppositeWords:
    """A word in one statement whose opposite is in the other ("rose" / "fell")."""

    words: tuple[str, str]  # in a, in b
    spans: tuple[Span, Span]
    days: Days | None = None


@dataclass(frozen=True)
class Count:
    """One count as the evidence shows it (``quotetrack.text.Quantity`` as read)."""

    text: str
    value: float | None
    low: float | None
    high: float | None
    thing: str | None
    role: str | None
    span: Span
    kind: str | None = None  # "confirmed", "suspected": how it was counted, when the words say


@dataclass(frozen=True)
class Counts:
    """Counts of the same thing that cannot both be true."""

    a_number: Count
    b_number: Count
    thing: str  # what both count ("killed", "strike")
    days: Days | None = None
    # A figure that rose as days passed: (figure as written, ISO day) in order of days, shown
    # as a changing story rather than as a dispute (``quotetrack.ranking``).
    timeline: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class AlteredQuote:
    """The same speaker's quote with words changed: a word diff from a to b."""

    diff: tuple[tuple[str, str], ...]  # ("=", word), ("-", dropped), ("+", added)
    similarity: float
    changes_meaning: bool = False


@dataclass(frozen=True)
class Misattribution:
    """The same words given to two different speakers."""

    a_speaker: str | None
    b_speaker: str | None
    similarity: float


@dataclass(frozen=True)
class SelfContradiction:
    """A speaker contradicting himself or herself: the polarity or number evidence inside."""

    kind: str  # the inner conflict's type: "polarity" | "number"
    inner: ClaimEvidence
    earlier: str | None = None  # "a" | "b": which was said first, when both days are known


@dataclass(frozen=True)
class Similarity:
    """No conflict: how far the two make the same claim (0-1), and whether word for word."""

    similarity: float
    verbatim: bool = False


@dataclass(frozen=True)
class OtherEvidence:
    """Evidence of a shape this version does not know (an older version's, a hand-edited
    import), kept as it was so that it is saved and exported unchanged."""

    data: dict[str, Any]


ClaimEvidence = DenialCue | OppositeWords | Counts
Evidence = (
    Days | DenialCue | OppositeWords | Counts | AlteredQuote | Misattribution | SelfContradiction | Similarity
    | OtherEvidence
)
NO_EVIDENCE = OtherEvidence({})


def claim_of(evidence: Evidence) -> Evidence:
    """The evidence about the claim: the inner evidence of a self-contradiction, else itself."""
    return evidence.inner if isinstance(evidence, SelfContradiction) else evidence


def counted_thing(evidence: Evidence) -> str | None:
    """What the two counts of a number conflict count, if it is one."""
    claim = claim_of(evidence)
    return claim.thing if isinstance(claim, Counts) else None


# --- the JSON shape ------------------------------------------------------------------------


def to_json(evidence: Evidence) -> dict[str, Any]:
    """The evidence as the database and ``--json`` hold it (key order included)."""
    out: dict[str, Any]
    if isinstance(evidence, OtherEvidence):
        return dict(evidence.data)
    if isinstance(evidence, Similarity):
        return {"similarity": evidence.similarity} | ({"verbatim": True} if evidence.verbatim else {})
    if isinstance(evidence, Days):
        return {"a_date": evidence.a_date, "b_date": evidence.b_date}
    if isinstance(evidence, SelfContradiction):
        out = {"kind": evidence.kind, **to_json(evidence.inner)}
        return out | ({"earlier": evidence.earlier} if evidence.earlier is not None else {})
    if isinstance(evidence, AlteredQuote):
        out = {"diff": [list(pair) for pair in evidence.diff], "similarity": evidence.similarity}
        return out | ({"changes_meaning": True} if evidence.changes_meaning else {})
    if isinstance(evidence, Misattribution):
        return {"a_speaker": evidence.a_speaker, "b_speaker": evidence.b_speaker, "similarity": evidence.similarity}
    if isinstance(evidence, DenialCue):
        out = {"cue": evidence.cue, "cue_span": list(evidence.cue_span), "side": evidence.side}
    elif isinstance(evidence, OppositeWords):
        out = {"opposites": list(evidence.words), "spans": [list(span) for span in evidence.spans]}
    else:
        out = {"a_number": _count_json(evidence.a_number), "b_number": _count_json(evidence.b_number),
               "thing": evidence.thing}  # fmt: skip
        if evidence.timeline:
            out["timeline"] = [list(point) for point in evidence.timeline]
    return out | (to_json(evidence.days) if evidence.days else {})


def from_json(data: dict[str, Any]) -> Evidence:
    """The typed evidence of a JSON object; a shape it cannot read exactly stays ``OtherEvidence``,
    so that writing it again gives the same object."""
    try:
        evidence = _read(data)
    except (KeyError, TypeError, ValueError, IndexError):
        return OtherEvidence(dict(data))
    if json.dumps(to_json(evidence)) != json.dumps(data):
        return OtherEvidence(dict(data))
    return evidence


def _read(data: dict[str, Any]) -> Evidence:
    days = Days(data["a_date"], data["b_date"]) if "a_date" in data and "b_date" in data else None
    if "kind" in data:
        inner = _read({key: value for key, value in data.items() if key not in ("kind", "earlier")})
        if not isinstance(inner, DenialCue | OppositeWords | Counts):
            raise ValueError("a self-contradiction holds polarity or number evidence")
        return SelfContradiction(data["kind"], inner, data.get("earlier"))
    if "cue" in data:
        return DenialCue(data["cue"], _span(data["cue_span"]), data["side"], days)
    if "opposites" in data:
        first, second = data["opposites"]
        span_a, span_b = data["spans"]
        return OppositeWords((first, second), (_span(span_a), _span(span_b)), days)
    if "a_number" in data:
        timeline = tuple((text, day) for text, day in data.get("timeline", ()))
        return Counts(_count(data["a_number"]), _count(data["b_number"]), data["thing"], days, timeline)
    if "diff" in data:
        diff = tuple((op, word) for op, word in data["diff"])
        return AlteredQuote(diff, data["similarity"], bool(data.get("changes_meaning", False)))
    if "a_speaker" in data:
        return Misattribution(data["a_speaker"], data["b_speaker"], data["similarity"])
    if days is not None:
        return days
    if "similarity" in data:
        return Similarity(data["similarity"], bool(data.get("verbatim", False)))
    return OtherEvidence(dict(data))


def _span(value: Sequence[int]) -> Span:
    start, end = value
    return start, end


def _count(data: dict[str, Any]) -> Count:
    return Count(data["text"], data["value"], data["low"], data["high"], data["thing"], data["role"],
                 _span(data["span"]), data.get("kind"))  # fmt: skip


def _count_json(count: Count) -> dict[str, Any]:
    out = {"text": count.text, "value": count.value, "low": count.low, "high": count.high,
           "thing": count.thing, "role": count.role, "span": list(count.span)}  # fmt: skip
    return out | ({"kind": count.kind} if count.kind else {})  # a count of no kind is written as before
