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
        return {
            "id": self.id,
            "name": self.name,
            "title": self.title,
            "affiliation": self.affiliation,
            "kind": self.kind,
            "aliases": list(self.aliases),
        }


@dataclass
class Source:
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "outlet": self.outlet,
            "url": self.url,
            "title": self.title,
            "published": iso(self.published),
        }


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
        return {
            "id": self.id,
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker.to_dict(),
            "source": self.source.to_dict() if self.source else None,
            "said_on": iso(self.said_on),
            "event_date": iso(self.event_date),
            "place": self.place,
            "tags": list(self.tags),
            "context": self.context,
            "relayed_to": self.relayed_to,
            "created_at": self.created_at,
        }


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


CONFLICT_STATUSES = ("open", "confirmed", "dismissed")
CONFLICT_TYPES = ("polarity", "number", "date", "misattribution", "altered", "self")


@dataclass
class Conflict:
    a: Statement
    b: Statement
    type: str
    score: float
    evidence: Evidence = NO_EVIDENCE
    caveats: list[str] = field(default_factory=list)
    status: str = "open"
    note: str | None = None
    created_at: str | None = None
    reviewed_at: str | None = None
    reviewed_by: str | None = None
    id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "score": self.score,
            "status": self.status,
            "note": self.note,
            "caveats": list(self.caveats),
            "evidence": to_json(self.evidence),
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
            "created_at": self.created_at,
            "reviewed_at": self.reviewed_at,
            "reviewed_by": self.reviewed_by,
        }
