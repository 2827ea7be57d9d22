"""A story's dossier and timeline as plain data: who spoke, when, which claims recur, what is disputed.

``timeline`` orders statements by the day they are about and marks the gaps between days and
the statements in dispute; ``build`` gathers a dossier from the record. Nothing here renders:
``quotetrack.render`` shows a dossier in the terminal (``terminal``), as HTML (``html``) and as
Markdown (``markdown``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import events, record, store
from .claims import cluster_statements
from .events import EventSummary
from .figures import FigureRow
from .models import Conflict, Speaker, Statement
from .store import Database

# Conflicts that mark a statement as disputed: an editor's dismissal takes it out of dispute.
DISPUTE_STATUSES = ("open", "confirmed")


@dataclass
class Entry:
    """A statement on the timeline, placed on the day it is about (or was said, or published)."""

    statement: Statement
    day: date | None
    basis: str  # "event", "said", "published" or "undated"
    disputes: list[Conflict] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": "statement",
            "day": self.day.isoformat() if self.day else None,
            "basis": self.basis,
            "disputed_by": [_dispute(c, self.statement) for c in self.disputes],
            "statement": self.statement.to_dict(),
        }


@dataclass
class Gap:
    """Days with nothing on record between two dated statements."""

    after: date
    before: date

    @property
    def days(self) -> int:
        return (self.before - self.after).days - 1

    def to_dict(self) -> dict[str, Any]:
        return {"type": "gap", "after": self.after.isoformat(), "before": self.before.isoformat(),
                "days": self.days}


def _dispute(conflict: Conflict, statement: Statement) -> dict[str, Any]:
    other = conflict.b if conflict.a.id == statement.id else conflict.a
    return {"conflict": conflict.id, "type": conflict.type, "status": conflict.status,
            "with_statement": other.id, "with_speaker": other.speaker.name}


def placed(statement: Statement) -> tuple[date | None, str]:
    """The day a statement belongs on: what it is about, else when it was said, else published."""
    if statement.event_date:
        return statement.event_date, "event"
    if statement.said_on:
        return statement.said_on, "said"
    if statement.source and statement.source.published:
        return statement.source.published, "published"
    return None, "undated"


def _said(statement: Statement) -> date:
    return statement.said_on or (statement.source.published if statement.source else None) or date.max


def timeline(statements: Sequence[Statement], conflicts: Sequence[Conflict] = ()) -> list[Entry | Gap]:
    """Statements by event date, then said date; gaps between days; undated ones last."""
    disputes: dict[int, list[Conflict]] = {}
    for conflict in conflicts:
        if conflict.status in DISPUTE_STATUSES:
            for side in (conflict.a, conflict.b):
                disputes.setdefault(side.id or 0, []).append(conflict)
    entries = [Entry(s, *placed(s), disputes=disputes.get(s.id or 0, [])) for s in statements]
    entries.sort(key=lambda e: (e.day is None, e.day or date.max, _said(e.statement), e.statement.id or 0))
    items: list[Entry | Gap] = []
    previous: date | None = None
    for entry in entries:
        if entry.day and previous and (entry.day - previous).days > 1:
            items.append(Gap(previous, entry.day))
        previous = entry.day or previous
        items.append(entry)
    return items


# --- the dossier ---

Clusterer = Callable[[Database, list[Statement]], Sequence[Sequence[Statement]]]


@dataclass
class Dossier:
    filters: dict[str, str | None]
    statements: list[Statement]
    speakers: list[tuple[Speaker, int]]
    timeline: list[Entry | Gap]
    disputes: list[Conflict]
    # Each cluster a list of this dossier's statements making one claim; None when no matcher ran.
    clusters: list[list[Statement]] | None = None
    generated_at: str | None = None
    # The events these statements belong to, each with its table of reported figures.
    figures: list[tuple[EventSummary, list[FigureRow]]] = field(default_factory=list)

    @property
    def title(self) -> str:
        chosen = [f"{k} {v}" for k, v in self.filters.items() if v]
        return "Dossier" + (f": {', '.join(chosen)}" if chosen else ": the whole record")

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "filters": self.filters,
            "generated_at": self.generated_at,
            "speakers": [s.to_dict() | {"statements": n} for s, n in self.speakers],
            "timeline": [item.to_dict() for item in self.timeline],
            "clusters": None if self.clusters is None else [
                {"claim": c[0].text, "count": len(c), "statements": [s.id for s in c]} for c in self.clusters
            ],
            "disputes": [c.to_dict() for c in self.disputes],
            "figures": [{"event": event.to_dict(), "rows": [row.to_dict() for row in rows]}
                        for event, rows in self.figures if rows],
        }


def build(
    db: Database, *, speaker: str | None = None, tag: str | None = None, outlet: str | None = None,
    since: date | None = None, until: date | None = None,
    clusterer: Clusterer | None = cluster_statements,
) -> Dossier:
    """The dossier for the statements the filters select (all of them without filters).

    ``clusterer`` groups the dossier's statements by claim; pass None to leave clusters out.
    """
    statements = record.list_statements(db, speaker=speaker, tag=tag, outlet=outlet, since=since, until=until)
    ids = [s.id for s in statements if s.id is not None]
    conflicts = store.list_conflicts(db, statement_ids=ids) if ids else []
    disputes = sorted((c for c in conflicts if c.status in DISPUTE_STATUSES),
                      key=lambda c: (c.status != "open", -c.score, c.id or 0))
    counts: dict[int, int] = {}
    by_id: dict[int, Speaker] = {}
    for statement in statements:
        key = statement.speaker.id or 0
        counts[key] = counts.get(key, 0) + 1
        by_id[key] = statement.speaker
    speakers = sorted(((by_id[k], n) for k, n in counts.items()), key=lambda p: (-p[1], p[0].name.casefold()))
    clusters = None
    if clusterer is not None:
        wanted = {s.id: s for s in statements}
        clusters = []
        for cluster in clusterer(db, statements):
            members = [wanted[s.id] for s in cluster if s.id in wanted]
            if len(members) >= 2:
                clusters.append(members)
    return Dossier(
        filters={"speaker": speaker, "tag": tag, "outlet": outlet,
                 "since": since.isoformat() if since else None, "until": until.isoformat() if until else None},
        statements=statements, speakers=speakers, timeline=timeline(statements, conflicts),
        disputes=disputes, clusters=clusters, generated_at=store.now(),
        figures=events.figure_tables(db, ids) if ids else [],
    )
