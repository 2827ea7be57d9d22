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
# A gap longer than this many days ends a period of the timeline: what follows is shown as a new
# section (likely another story, or a new turn of this one), not as a row of empty days.
FOLD_AFTER_DAYS = 30


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

    @property
    def folded(self) -> bool:
        """Long enough to end a period of the timeline (FOLD_AFTER_DAYS)."""
        return self.days > FOLD_AFTER_DAYS

    def to_dict(self) -> dict[str, Any]:
        return {"type": "gap", "after": self.after.isoformat(), "before": self.before.isoformat(),
                "days": self.days, "folded": self.folded}


@dataclass
class Period:
    """A stretch of the timeline with no long gap inside: its entries and short gaps, in order."""

    items: list[Entry | Gap]

    @property
    def first(self) -> date | None:
        return next((i.day for i in self.items if isinstance(i, Entry) and i.day), None)

    @property
    def last(self) -> date | None:
        return next((i.day for i in reversed(self.items) if isinstance(i, Entry) and i.day), None)

    @property
    def label(self) -> str:
        """``2026-04-05 – 2026-04-09``, one day alone, or ``undated``."""
        first, last = self.first, self.last
        if first is None or last is None:
            return "undated"
        return first.isoformat() if first == last else f"{first.isoformat()} – {last.isoformat()}"


def periods(items: Sequence[Entry | Gap]) -> list[Period]:
    """The timeline cut at its long gaps (which are dropped) and before its undated statements."""
    out: list[Period] = []
    current: list[Entry | Gap] = []
    dated = False  # the current period holds a dated statement: kept as it grows, not searched for
    for item in items:
        starts_undated = isinstance(item, Entry) and item.day is None and dated
        if (isinstance(item, Gap) and item.folded) or starts_undated:
            if current:
                out.append(Period(current))
            current, dated = ([] if isinstance(item, Gap) else [item]), False
            continue
        current.append(item)
        dated = dated or (isinstance(item, Entry) and bool(item.day))
    if current:
        out.append(Period(current))
    return out


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
    # The editor's title (`report --title`); None: one made from the filters.
    heading: str | None = None
    # The event chosen with `report --event`, named in the title.
    event: EventSummary | None = None

    @property
    def title(self) -> str:
        if self.heading:
            return self.heading
        chosen = [f"{k} {v}" for k, v in self.filters.items() if v and k != "event"]
        if self.event is not None:
            chosen.insert(0, f"event {self.event.id} ({self.event.name})")
        return "Dossier" + (f": {', '.join(chosen)}" if chosen else ": the whole record")

    @property
    def periods(self) -> list[Period]:
        """The timeline in periods, cut at its long gaps."""
        return periods(self.timeline)

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
    since: date | None = None, until: date | None = None, event: int | None = None,
    title: str | None = None, clusterer: Clusterer | None = cluster_statements,
) -> Dossier:
    """The dossier for the statements the filters select (all of them without filters).

    ``event``: only the statements of this event (`quotetrack events` lists them); ``title``
    replaces the one made from the filters. ``clusterer`` groups the dossier's statements by
    claim; pass None to leave clusters out.
    """
    statements = record.list_statements(db, speaker=speaker, tag=tag, outlet=outlet, since=since, until=until)
    chosen_event = None
    if event is not None:
        chosen_event = events.event_summary(db, event)  # NotFound names the id
        in_event = set(store.event_statement_ids(db, event))
        statements = [s for s in statements if s.id in in_event]
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
                 "since": since.isoformat() if since else None, "until": until.isoformat() if until else None,
                 "event": str(event) if event is not None else None},
        heading=" ".join(title.split()) if title and title.strip() else None, event=chosen_event,
        statements=statements, speakers=speakers, timeline=timeline(statements, conflicts),
        disputes=disputes, clusters=clusters, generated_at=store.now(),
        figures=events.figure_tables(db, ids) if ids else [],
    )
