"""Events: statements about one incident grouped together, and the last grouping."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import NotFound
from . import base
from .base import Database


def create_event(db: Database) -> int:
    """A new, empty event; grouping fills in its members, place, days and automatic name."""
    at = base.now()
    cursor = db.execute(
        "INSERT INTO events (auto_name, created_at, updated_at) VALUES ('', ?, ?)", [at, at]
    )
    return int(cursor.lastrowid or 0)


def create_events(db: Database, count: int) -> list[int]:
    """``count`` new, empty events, in one write; their ids in order. Call it inside
    ``transaction``: the write lock keeps any other writer from adding events meanwhile, so the
    rows above the highest id before are these."""
    if count <= 0:
        return []
    before = db.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
    at = base.now()
    db.execute_many("INSERT INTO events (auto_name, created_at, updated_at) VALUES ('', ?, ?)",
                    [(at, at)] * count)
    return [row[0] for row in db.execute("SELECT id FROM events WHERE id > ? ORDER BY id", [before]).fetchall()]


def describe_events(db: Database, described: dict[int, tuple[str | None, str | None, str | None, str]]) -> None:
    """Set events' grouping fields in one write: event id -> (place, first day, last day, automatic name)."""
    at = base.now()
    db.execute_many("UPDATE events SET place = ?, first_day = ?, last_day = ?, auto_name = ?, updated_at = ? "
                    "WHERE id = ?", [(*fields, at, event_id) for event_id, fields in described.items()])


def delete_events(db: Database, event_ids: Sequence[int]) -> None:
    rows = [(event_id,) for event_id in event_ids]
    db.execute_many("DELETE FROM event_statements WHERE event_id = ?", rows)
    db.execute_many("DELETE FROM events WHERE id = ?", rows)


def update_event(db: Database, event_id: int, fields: dict[str, Any]) -> None:
    allowed = {"name", "auto_name", "place", "first_day", "last_day"}
    columns = {k: v for k, v in fields.items() if k in allowed}
    if not columns:
        return
    assignments = ", ".join(f"{column} = ?" for column in columns)
    db.execute(f"UPDATE events SET {assignments}, updated_at = ? WHERE id = ?",
               [*columns.values(), base.now(), event_id])


def delete_event(db: Database, event_id: int) -> None:
    db.execute("DELETE FROM event_statements WHERE event_id = ?", [event_id])
    db.execute("DELETE FROM events WHERE id = ?", [event_id])


def event_ids(db: Database) -> list[int]:
    return [row[0] for row in db.execute("SELECT id FROM events ORDER BY id").fetchall()]


def get_event(db: Database, event_id: int) -> dict[str, Any]:
    """An event's row with its statement count, outlets and open conflicts."""
    rows = _event_rows(db, "WHERE e.id = ?", [event_id])
    if not rows:
        raise NotFound(f"There is no event with id {event_id}; `quotetrack events` lists them.")
    return rows[0]


def list_events(db: Database, since: str | None = None) -> list[dict[str, Any]]:
    """Events with members, largest first (then latest); ``since`` keeps those whose last day is on or after it."""
    where, params = "", []
    if since:
        where = "WHERE e.last_day >= ?"
        params.append(since)
    return _event_rows(db, where, params)


def _event_rows(db: Database, where: str, params: list[Any]) -> list[dict[str, Any]]:
    rows = list(db.query(
        "SELECT e.id, e.name, e.auto_name, e.place, e.first_day, e.last_day, "
        "(SELECT count(*) FROM event_statements es WHERE es.event_id = e.id) AS statements "
        f"FROM events e {where} ORDER BY statements DESC, coalesce(e.last_day, '') DESC, e.id DESC", params,
    ))
    ids = [row["id"] for row in rows]
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    outlets: dict[int, list[str]] = {}
    for row in db.query(
        "SELECT es.event_id, so.outlet FROM event_statements es "
        "JOIN statements st ON st.id = es.statement_id JOIN sources so ON so.id = st.source_id "
        f"WHERE es.event_id IN ({marks}) AND so.outlet IS NOT NULL "
        "GROUP BY es.event_id, so.outlet ORDER BY es.event_id, min(coalesce(so.published, '')), so.outlet", ids,
    ):
        outlets.setdefault(row["event_id"], []).append(row["outlet"])
    conflicts = {
        row["event_id"]: row["n"] for row in db.query(
            "SELECT ea.event_id, count(*) AS n FROM conflicts c "
            "JOIN event_statements ea ON ea.statement_id = c.a_id "
            "JOIN event_statements eb ON eb.statement_id = c.b_id "
            f"WHERE ea.event_id = eb.event_id AND c.status = 'open' AND ea.event_id IN ({marks}) "
            "GROUP BY ea.event_id", ids,
        )
    }
    for row in rows:
        row["sources"] = outlets.get(row["id"], [])
        row["open_conflicts"] = conflicts.get(row["id"], 0)
    return [row for row in rows if row["statements"]]


def event_statement_ids(db: Database, event_id: int) -> list[int]:
    return [row[0] for row in db.execute(
        "SELECT statement_id FROM event_statements WHERE event_id = ? ORDER BY statement_id", [event_id]
    ).fetchall()]


def event_memberships(db: Database) -> dict[int, int]:
    """statement id -> event id, for every statement in an event."""
    return {r[0]: r[1] for r in db.execute("SELECT statement_id, event_id FROM event_statements").fetchall()}


def event_pins(db: Database, event_id: int | None = None) -> dict[int, int]:
    """statement id -> event id, for statements an editor placed (merges and splits)."""
    sql = "SELECT statement_id, event_id FROM event_statements WHERE placed_by = 'editor'"
    params: list[Any] = []
    if event_id is not None:
        sql += " AND event_id = ?"
        params.append(event_id)
    return {r[0]: r[1] for r in db.execute(sql, params).fetchall()}


def events_of_statements(db: Database, ids: Sequence[int]) -> dict[int, int]:
    out: dict[int, int] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        out.update((r[0], r[1]) for r in db.execute(
            "SELECT statement_id, event_id FROM event_statements "
            f"WHERE statement_id IN ({', '.join('?' for _ in chunk)})", chunk,
        ).fetchall())
    return out


def add_event_members(db: Database, event_id: int, ids: Sequence[int], placed_by: str) -> None:
    """Put statements in an event (moving them out of any other)."""
    place_statements(db, [(statement_id, event_id) for statement_id in ids], placed_by)


def place_statements(db: Database, placements: Sequence[tuple[int, int]], placed_by: str) -> None:
    """Put each (statement id, event id) statement in its event, moving it out of any other, in one write."""
    db.execute_many(
        "INSERT INTO event_statements (statement_id, event_id, placed_by) VALUES (?, ?, ?) "
        "ON CONFLICT (statement_id) DO UPDATE SET event_id = excluded.event_id, "
        "placed_by = excluded.placed_by",
        [(statement_id, event_id, placed_by) for statement_id, event_id in placements],
    )


def clear_auto_memberships(db: Database) -> None:
    db.execute("DELETE FROM event_statements WHERE placed_by = 'auto'")


def record_grouping(db: Database, statements: int, last_statement_id: int) -> None:
    db.execute(
        "INSERT INTO event_grouping (id, statements, last_statement_id, at) VALUES (1, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET statements = excluded.statements, "
        "last_statement_id = excluded.last_statement_id, at = excluded.at",
        [statements, last_statement_id, base.now()],
    )


def grouping_is_current(db: Database) -> bool:
    """True when no statement was added or removed since events were last grouped."""
    row = db.execute("SELECT statements, last_statement_id FROM event_grouping WHERE id = 1").fetchone()
    if row is None:
        return False
    now_row = db.execute("SELECT count(*), coalesce(max(id), 0) FROM statements").fetchone()
    return (row[0], row[1]) == (now_row[0], now_row[1])


ArticleRow = tuple[int, str | None, str | None, str]


def event_articles(db: Database, source_ids: Sequence[int] | None = None) -> list[ArticleRow]:
    """(source id, title, published, article text) for every source kept with its text and
    holding a statement (or for those of ``source_ids``): what grouping reads to tell which
    incident an article reports."""
    sql = ("SELECT so.id, so.title, so.published, so.article_text FROM sources so "
           "WHERE so.article_text IS NOT NULL "
           "AND EXISTS (SELECT 1 FROM statements st WHERE st.source_id = so.id)")
    if source_ids is None:
        return [(r[0], r[1], r[2], r[3]) for r in db.execute(sql + " ORDER BY so.id").fetchall()]
    out: list[ArticleRow] = []
    ids = sorted(set(source_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        out.extend((r[0], r[1], r[2], r[3]) for r in db.execute(
            sql + f" AND so.id IN ({', '.join('?' for _ in chunk)}) ORDER BY so.id", chunk).fetchall())
    return out
