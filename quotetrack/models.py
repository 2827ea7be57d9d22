"""Typed records passed between storage, extraction, matching, conflicts and reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .evidence import NO_EVIDENCE, Evidence, to_json

SPEAKER_KINDS = ("person", "organisation", "document")
# quote: the speaker's own words in quote marks; reported: paraphrase ("X said that …");
# written: a written statement or release; report: the outlet's own assertion.
STATEMENT_KINDS = ("quote", "reported", "written", "report")


@dataclass
class Speaker:
    name: str
    title: str | None = None
    affiliation: str | None = None
    kind: str = "person"
    aliases: list[str] = field(default_factory=list)
    id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return json_fields(self, "id", "name", "title", "affiliation", "kind", "aliases")


@dataclass
class Source:
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    id: int | None = None
    # The article's tags (`ingest --tag`, a manifest, front matter); its statements carry them.
    tags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return json_fields(self, "id", "outlet", "url", "title", "published", "tags")


@dataclass
class Statement:
    text: str
    speaker: Speaker
    kind: str = "quote"
    source: Source | None = None
    said_on: date | None = None
    event_date: date | None = None
    place: str | None = None
    tags: list[str] = field(default_factory=list)
    context: str | None = None
    relayed_to: str | None = None
    created_at: str | None = None
    id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return json_fields(self, "id", "text", "kind", "speaker", "source", "said_on", "event_date", "place", "tags",
                           "context", "relayed_to", "created_at")


def json_fields(record: Any, *names: str) -> dict[str, Any]:
    """The named fields of a record, in that order, as JSON values (see ``json_value``)."""
    return {name: json_value(getattr(record, name)) for name in names}


def json_value(value: Any) -> Any:
    """A field as --json prints it: a date as ISO text, a record as its ``to_dict()``, a list copied."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [json_value(item) for item in value]
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if to_dict is not None else value


CONFLICT_STATUSES = ("open", "confirmed", "dismissed")
CONFLICT_TYPES = ("polarity", "number", "date", "misattribution", "altered", "self")


@dataclass(frozen=True)
class Review:
    """An editor's last review of a conflict: who, when (ISO time), and the note left with it.

    Compared as a whole: a review that differs from the one an editor read was made meanwhile.
    """

    by: str | None = None
    at: str | None = None
    note: str | None = None


NOT_REVIEWED = Review()


@dataclass
class Conflict:
    a: Statement
    b: Statement
    type: str
    score: float
    evidence: Evidence = NO_EVIDENCE
    caveats: list[str] = field(default_factory=list)
    status: str = "open"
    review: Review = NOT_REVIEWED
    created_at: str | None = None
    id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        # The evidence is typed records, written in its one JSON shape (quotetrack.evidence); the
        # review's fields stand where --json has always had them.
        return (json_fields(self, "id", "type", "score", "status") | {"note": self.review.note}
                | json_fields(self, "caveats") | {"evidence": to_json(self.evidence)}
                | json_fields(self, "a", "b", "created_at")
                | {"reviewed_at": self.review.at, "reviewed_by": self.review.by})
