"""Statements, their tags and their rows in the full-text index."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from ..errors import ConstraintViolation, Duplicate, NotFound
from ..models import Source, Speaker, Statement
from . import base
from .base import Database, Where, marks, to_date, to_iso
from .changes import log_change
from .sources import source_tags, tags_of
from .speakers import aliases_by_speaker, get_speaker, insert_alias

_STATEMENT_COLUMNS = (
    "text", "kind", "speaker_id", "source_id", "said_on", "event_date", "place", "context",
    "relayed_to", "cue", "confidence", "text_start", "text_end", "speaker_start", "speaker_end",
)


def insert_statement(
    db: Database, statement: Statement, norm: str, extraction: dict[str, Any] | None = None
) -> int:
    """Store one statement whose speaker (and source, if any) already have ids."""
    assert statement.speaker.id is not None
    extraction = extraction or {}
    values = {
        "text": statement.text,
        "kind": statement.kind,
        "speaker_id": statement.speaker.id,
        "source_id": statement.source.id if statement.source else None,
        "said_on": to_iso(statement.said_on),
        "event_date": to_iso(statement.event_date),
        "place": statement.place,
        "context": statement.context,
        "relayed_to": statement.relayed_to,
        "cue": extraction.get("cue"),
        "confidence": extraction.get("confidence"),
        "text_start": extraction.get("start"),
        "text_end": extraction.get("end"),
        "speaker_start": extraction.get("speaker_start"),
        "speaker_end": extraction.get("speaker_end"),
    }
    try:
        cursor = db.execute(
            f"INSERT INTO statements ({', '.join(values)}, created_at) "
            f"VALUES ({', '.join('?' for _ in values)}, ?)",
            [*values.values(), statement.created_at or base.now()],
        )
    except ConstraintViolation as exc:
        if "statements" in exc.detail and "UNIQUE" in exc.detail.upper():
            raise Duplicate(
                f"{statement.speaker.name} already has this statement from the same source on record."
            ) from None
        raise
    statement_id = int(cursor.lastrowid or 0)
    set_tags(db, statement_id, statement.tags)
    index_statement(db, statement_id, norm)
    log_change(db, "create", "statement", statement_id, {"text": statement.text})
    return statement_id


def find_duplicate(db: Database, text: str, speaker_id: int, source_id: int | None) -> int | None:
    row = db.execute(
        "SELECT id FROM statements WHERE speaker_id = ? AND coalesce(source_id, 0) = ? AND text = ?",
        [speaker_id, source_id or 0, text],
    ).fetchone()
    return row[0] if row else None


def set_tags(db: Database, statement_id: int, tags: Iterable[str]) -> None:
    db.execute("DELETE FROM statement_tags WHERE statement_id = ?", [statement_id])
    for tag in dict.fromkeys(tags):
        db.execute("INSERT INTO statement_tags (statement_id, tag) VALUES (?, ?)", [statement_id, tag])


_SELECT_STATEMENTS = """
SELECT st.*, sp.name AS sp_name, sp.title AS sp_title, sp.affiliation AS sp_affiliation,
       sp.kind AS sp_kind, so.outlet AS so_outlet, so.url AS so_url, so.title AS so_title,
       so.published AS so_published
FROM statements st
JOIN speakers sp ON sp.id = st.speaker_id
LEFT JOIN sources so ON so.id = st.source_id
"""


def _statements_from_rows(db: Database, rows: list[dict[str, Any]]) -> list[Statement]:
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    aliases = aliases_by_speaker(db, sorted({row["speaker_id"] for row in rows}))
    tags = tags_of(db, "statement_tags", "statement_id", ids)
    article_tags = source_tags(db, sorted({row["source_id"] for row in rows if row["source_id"] is not None}))
    statements = []
    for row in rows:
        speaker = Speaker(
            id=row["speaker_id"], name=row["sp_name"], title=row["sp_title"],
            affiliation=row["sp_affiliation"], kind=row["sp_kind"],
            aliases=aliases.get(row["speaker_id"], []),
        )
        source = None
        if row["source_id"] is not None:
            source = Source(
                id=row["source_id"], outlet=row["so_outlet"], url=row["so_url"],
                title=row["so_title"], published=to_date(row["so_published"]),
                tags=article_tags.get(row["source_id"], []),
            )
        statements.append(Statement(
            id=row["id"], text=row["text"], kind=row["kind"], speaker=speaker, source=source,
            said_on=to_date(row["said_on"]), event_date=to_date(row["event_date"]), place=row["place"],
            tags=tags.get(row["id"], []), context=row["context"], relayed_to=row["relayed_to"],
            created_at=row["created_at"],
        ))
    return statements


def get_statement(db: Database, statement_id: int) -> Statement:
    rows = list(db.query(_SELECT_STATEMENTS + " WHERE st.id = ?", [statement_id]))
    if not rows:
        raise NotFound(f"There is no statement with id {statement_id}; `quotetrack list` shows ids.")
    return _statements_from_rows(db, rows)[0]


def get_statements(db: Database, ids: Sequence[int]) -> list[Statement]:
    """Statements by id, in the order asked; unknown ids are left out."""
    found: dict[int, Statement] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        rows = list(db.query(
            _SELECT_STATEMENTS + f" WHERE st.id IN ({', '.join('?' for _ in chunk)})", chunk
        ))
        found.update((s.id, s) for s in _statements_from_rows(db, rows) if s.id is not None)
    return [found[i] for i in ids if i in found]


def extraction_details_many(db: Database, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Where extracted statements stand in their articles, by statement id (only those extracted)."""
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        for row in db.query(
            "SELECT id, cue, confidence, text_start AS start, text_end AS end, speaker_start, speaker_end "
            f"FROM statements WHERE id IN ({', '.join('?' for _ in chunk)}) "
            "AND (cue IS NOT NULL OR text_start IS NOT NULL)", chunk,
        ):
            found[row.pop("id")] = row
    return found


def extraction_details(db: Database, statement_id: int) -> dict[str, Any]:
    row = next(db.query(
        "SELECT cue, confidence, text_start, text_end, speaker_start, speaker_end, source_id "
        "FROM statements WHERE id = ?", [statement_id],
    ), None)
    if row is None:
        raise NotFound(f"There is no statement with id {statement_id}.")
    return row


def list_statements(
    db: Database,
    *,
    speaker_ids: Sequence[int] | None = None,
    outlet: str | None = None,
    tag: str | None = None,
    since: date | None = None,
    until: date | None = None,
    kind: str | None = None,
    source_id: int | None = None,
    limit: int | None = None,
    oldest_first: bool = False,
) -> list[Statement]:
    """Filtered statements, newest first (by the date said, else the date recorded)."""
    where = Where()
    where.add_if(speaker_ids is not None, f"st.speaker_id IN ({marks(speaker_ids or [])})", *(speaker_ids or []))
    where.add_if(outlet, "so.outlet = ? COLLATE NOCASE", outlet)
    # A statement has a tag of its own or from its article (source_tags).
    where.add_if(tag, "(st.id IN (SELECT statement_id FROM statement_tags WHERE tag = ?) "
                      "OR st.source_id IN (SELECT source_id FROM source_tags WHERE tag = ?))", tag, tag)
    when = "coalesce(st.said_on, so.published, substr(st.created_at, 1, 10))"
    where.add_if(since, f"{when} >= ?", since.isoformat() if since else None)
    where.add_if(until, f"{when} <= ?", until.isoformat() if until else None)
    where.add_if(kind, "st.kind = ?", kind)
    where.add_if(source_id is not None, "st.source_id = ?", source_id)
    sql = f"{_SELECT_STATEMENTS}{where}"
    params = where.params
    direction = "ASC" if oldest_first else "DESC"
    sql += f" ORDER BY {when} {direction}, st.id {direction}"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return _statements_from_rows(db, list(db.query(sql, params)))


def statement_ids(db: Database) -> set[int]:
    """The ids of every statement on record."""
    return {int(row[0]) for row in db.execute("SELECT id FROM statements").fetchall()}


def count_statements(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM statements").fetchone()[0])


def update_statement(db: Database, statement_id: int, fields: dict[str, Any], norm: str | None) -> None:
    """Update columns of a statement (dates as ``date``), its tags, and its index row."""
    before = get_statement(db, statement_id)
    columns = {k: v for k, v in fields.items() if k in _STATEMENT_COLUMNS}
    columns = {k: to_iso(v) if isinstance(v, date) else v for k, v in columns.items()}
    if columns:
        assignments = ", ".join(f"{column} = ?" for column in columns)
        try:
            db.execute(
                f"UPDATE statements SET {assignments} WHERE id = ?", [*columns.values(), statement_id]
            )
        except ConstraintViolation:
            raise Duplicate(
                "That change would make this statement a copy of one already on record."
            ) from None
    if "tags" in fields:
        set_tags(db, statement_id, fields["tags"])
    if norm is not None or "speaker_id" in columns or "source_id" in columns:
        index_statement(db, statement_id, norm)
    log_change(db, "update", "statement", statement_id, {
        "before": {k: before.to_dict().get(k) for k in fields},
        "after": {k: to_iso(v) if isinstance(v, date) else v for k, v in fields.items()},
    })


def delete_statement(db: Database, statement_id: int, log: bool = True) -> None:
    statement = get_statement(db, statement_id)
    db.execute("DELETE FROM statements_fts WHERE rowid = ?", [statement_id])
    db.execute("DELETE FROM statements WHERE id = ?", [statement_id])
    if log:
        log_change(db, "delete", "statement", statement_id, statement.to_dict())


# --- the full-text index row of each statement ---


def index_statement(db: Database, statement_id: int, norm: str | None) -> None:
    """(Re)write a statement's row in the full-text index; norm None keeps the stored tokens."""
    row = db.execute(
        "SELECT st.text, sp.name, so.outlet, "
        f"(SELECT {db.ALIASES_AGG} FROM speaker_aliases WHERE speaker_id = sp.id) "
        "FROM statements st JOIN speakers sp ON sp.id = st.speaker_id "
        "LEFT JOIN sources so ON so.id = st.source_id WHERE st.id = ?",
        [statement_id],
    ).fetchone()
    if row is None:
        return
    if norm is None:
        old = db.execute("SELECT norm FROM statements_fts WHERE rowid = ?", [statement_id]).fetchone()
        norm = old[0] if old else ""
    text, name, outlet, aliases = row
    db.execute("DELETE FROM statements_fts WHERE rowid = ?", [statement_id])
    db.execute(
        "INSERT INTO statements_fts (rowid, text, speaker, outlet, norm) VALUES (?, ?, ?, ?, ?)",
        [statement_id, text, " ".join(filter(None, [name, aliases])), outlet or "", norm],
    )


def reindex_speaker(db: Database, speaker_id: int) -> None:
    for (statement_id,) in db.execute(
        "SELECT id FROM statements WHERE speaker_id = ?", [speaker_id]
    ).fetchall():
        index_statement(db, statement_id, None)


def set_norm(db: Database, statement_id: int, norm: str) -> None:
    db.execute("UPDATE statements_fts SET norm = ? WHERE rowid = ?", [norm, statement_id])


def statement_texts(db: Database, after_id: int = 0, batch: int = 5000) -> Iterator[tuple[int, str]]:
    """Every statement's id and text, in id order, a batch at a time (for reindexing)."""
    return _by_id_pages(db, "SELECT id, text FROM statements WHERE id > ? ORDER BY id LIMIT ?",
                        after_id, batch)


def claim_index(db: Database, after_id: int = 0, batch: int = 5000) -> Iterator[tuple[int, str, str]]:
    """Every statement's id, text and stored claim tokens, in id order, a batch at a time."""
    return _by_id_pages(
        db,
        "SELECT s.id, s.text, coalesce(f.norm, '') FROM statements s "
        "LEFT JOIN statements_fts f ON f.rowid = s.id WHERE s.id > ? ORDER BY s.id LIMIT ?",
        after_id, batch,
    )


def _by_id_pages(db: Database, sql: str, after_id: int, batch: int) -> Iterator[Any]:
    """The rows of ``sql`` (id first; parameters: the last id read, the page size), page by page:
    each page is read whole, so the caller may write to rows it has been given."""
    while True:
        rows = db.execute(sql, [after_id, batch]).fetchall()
        if not rows:
            return
        yield from rows
        after_id = rows[-1][0]


def statement_texts_by_id(db: Database, ids: Sequence[int]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        out.extend(db.execute(
            f"SELECT id, text FROM statements WHERE id IN ({', '.join('?' for _ in chunk)})", chunk
        ).fetchall())
    return out


def claim_tokens(db: Database, ids: Sequence[int] | None = None) -> dict[int, str]:
    """Every statement's normalised claim tokens as the index holds them (space-separated), or
    those of some statements."""
    if ids is None:
        return {r[0]: r[1] for r in db.execute("SELECT rowid, norm FROM statements_fts").fetchall()}
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        found.update((r[0], r[1]) for r in db.execute(
            f"SELECT rowid, norm FROM statements_fts WHERE rowid IN ({marks(chunk)})", chunk).fetchall())
    return found


# --- merging speakers (their statements move) ---


def merge_speakers(db: Database, from_id: int, into_id: int) -> int:
    """Move statements and aliases of one speaker to another; returns statements moved."""
    source = get_speaker(db, from_id)
    get_speaker(db, into_id)
    # A statement the target already holds (same words, same source) stays one statement:
    # its conflicts follow it to the surviving copy.
    for row in list(db.query(
        "SELECT s.id AS old_id, t.id AS new_id FROM statements s JOIN statements t "
        "ON t.speaker_id = ? AND t.text = s.text AND coalesce(t.source_id, 0) = coalesce(s.source_id, 0) "
        "WHERE s.speaker_id = ?", [into_id, from_id],
    )):
        # A row the surviving copy already has stays behind and goes with the old statement.
        db.execute("UPDATE conflicts SET a_id = ? WHERE a_id = ? AND NOT EXISTS (SELECT 1 FROM conflicts c "
                   "WHERE c.a_id = ? AND c.b_id = conflicts.b_id AND c.type = conflicts.type)",
                   [row["new_id"], row["old_id"], row["new_id"]])
        db.execute("UPDATE conflicts SET b_id = ? WHERE b_id = ? AND NOT EXISTS (SELECT 1 FROM conflicts c "
                   "WHERE c.b_id = ? AND c.a_id = conflicts.a_id AND c.type = conflicts.type)",
                   [row["new_id"], row["old_id"], row["new_id"]])
        db.execute("UPDATE statement_tags SET statement_id = ? WHERE statement_id = ? AND NOT EXISTS "
                   "(SELECT 1 FROM statement_tags t WHERE t.statement_id = ? AND t.tag = statement_tags.tag)",
                   [row["new_id"], row["old_id"], row["new_id"]])
        delete_statement(db, row["old_id"], log=False)
    moved = db.execute(
        "UPDATE statements SET speaker_id = ? WHERE speaker_id = ?", [into_id, from_id]
    ).rowcount
    for alias in [source.name, *source.aliases]:
        insert_alias(db, into_id, alias)
    db.execute("DELETE FROM speaker_aliases WHERE speaker_id = ?", [from_id])
    db.execute("DELETE FROM speakers WHERE id = ?", [from_id])
    log_change(db, "merge", "speaker", into_id, {"from": source.to_dict(), "statements_moved": moved})
    return moved
