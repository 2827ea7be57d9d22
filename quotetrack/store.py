"""All SQL lives here: the record on SQLite through sqlite-utils.

Every function takes an open ``Database``; callers group writes with ``transaction(db)``.
"""

from __future__ import annotations

import getpass
import json
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, cast

import typer
from sqlite_utils import Database

from . import pg, pg_migrations
from .errors import DatabaseError, Duplicate, InvalidInput, NotFound, StaleReview
from .migrations import migrations
from .models import Conflict, Source, Speaker, Statement

ENV_VAR = "QUOTETRACK_DB"
# Long enough for a writer to wait out another's whole import rather than fail with "locked".
BUSY_TIMEOUT_SECONDS = 60.0
_SQLITE_HEADER = b"SQLite format 3\x00"


def default_db_path() -> Path:
    return Path(typer.get_app_dir("quotetrack")) / "quotetrack.db"


def resolve_db_path(value: str | os.PathLike[str] | None = None) -> Path | str:
    """--db, else $QUOTETRACK_DB, else quotetrack.db in the user's application directory.

    A ``postgresql://`` URL is returned as it is: the record is then on a PostgreSQL server.
    """
    value = value or os.environ.get(ENV_VAR)
    if pg.is_url(str(value)):
        return str(value)
    if value:
        return Path(value)
    return default_db_path()


def describe_location(value: str | os.PathLike[str] | None = None) -> str:
    """Where the record is, for printing: a file path, or the server URL without its password."""
    resolved = resolve_db_path(value)
    return pg.redact(resolved) if isinstance(resolved, str) else str(resolved)


def is_postgres(db: Any) -> bool:
    return getattr(db, "is_postgres", False)


def open_db(path: str | os.PathLike[str] | None = None) -> Database:
    """Open (creating if needed) the record and bring its schema up to date."""
    db_path = resolve_db_path(path)
    if isinstance(db_path, str):
        return _open_postgres(db_path)
    if db_path.is_dir():
        raise DatabaseError(f"{db_path} is a directory; give --db a file path.")
    if db_path.exists():
        with open(db_path, "rb") as fh:
            head = fh.read(len(_SQLITE_HEADER))
        if head and head != _SQLITE_HEADER:
            raise DatabaseError(f"{db_path} is not a quotetrack database (not an SQLite file).")
    else:
        if path is None and not os.environ.get(ENV_VAR):
            db_path.parent.mkdir(parents=True, exist_ok=True)
        elif not db_path.parent.exists():
            raise DatabaseError(
                f"The folder {db_path.parent} does not exist; create it or choose another --db."
            )
    try:
        conn = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_SECONDS)
        db = Database(conn)
        db.execute("PRAGMA foreign_keys = ON")
        _while_locked(lambda: _prepare(db))
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(describe_sqlite_error(exc, db_path)) from None
    return db


def _prepare(db: Database) -> None:
    if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    if migrations.pending(db):
        with transaction(db):
            migrations.apply(db)


def _while_locked(step: Callable[[], None]) -> None:
    """Run ``step``, again while another process holds the lock it needs, up to the busy timeout.

    Switching a new file to WAL needs the database to itself, and SQLite answers "locked" at once
    rather than waiting when another process is opening the same new file.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            message = str(exc)
            if ("locked" not in message and "busy" not in message) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _open_postgres(url: str) -> Database:
    try:
        db = pg.PostgresDatabase(url)
        with db.atomic():
            # Two quotetracks opening a new database at once must not both create the schema.
            db.execute("SELECT pg_advisory_xact_lock(?)", [pg.WRITE_LOCK_KEY])
            todo = pg_migrations.pending(db.conn, [m.name for m in migrations._migrations])  # noqa: SLF001
            pg_migrations.apply(db.conn, todo, db.executescript)
    except sqlite3.Error as exc:
        raise DatabaseError(describe_sqlite_error(exc, pg.redact(url))) from None
    except RuntimeError as exc:
        raise DatabaseError(str(exc)) from None
    return db  # type: ignore[return-value]  # the same surface as sqlite-utils' Database


def schema_sql(db: Database) -> str:
    """The schema as a reader sees it: every table, index, trigger and view, in creation order."""
    if is_postgres(db):
        return _pg_schema_sql(db)
    rows = db.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'statements_fts_%' ORDER BY rowid"
    ).fetchall()
    return "".join(f"{sql.strip()};\n\n" for (sql,) in rows).rstrip("\n") + "\n"


def _pg_schema_sql(db: Database) -> str:
    """Tables with their columns and constraints, then indexes and triggers, from the catalog."""
    parts = []
    tables = [r[0] for r in db.execute(
        "SELECT c.relname FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace "
        "AND c.relname NOT LIKE '\\_%' ORDER BY c.oid"
    ).fetchall()]
    for table in tables:
        identities = {"a": " GENERATED ALWAYS AS IDENTITY", "d": " GENERATED BY DEFAULT AS IDENTITY"}
        lines = [
            f"    {name} {kind}" + (f" GENERATED ALWAYS AS ({expr}) STORED" if generated == "s" else "")
            + (f" DEFAULT {expr}" if expr and generated != "s" else "")
            + identities.get(identity, "")
            + (" NOT NULL" if not_null else "")
            for name, kind, not_null, generated, expr, identity in db.execute(
                "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attgenerated, "
                "pg_get_expr(d.adbin, d.adrelid), a.attidentity "
                "FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                "WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
                [table],
            ).fetchall()
        ]
        lines += [f"    {definition}" for (definition,) in db.execute(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = ?::regclass "
            "ORDER BY contype, conname", [table],
        ).fetchall()]
        parts.append(f"CREATE TABLE {table} (\n" + ",\n".join(lines) + "\n)")
        parts += [r[0] for r in db.execute(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ? "
            "AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = ?::regclass) "
            "ORDER BY indexname", [table, table],
        ).fetchall()]
        parts += [r[0] for r in db.execute(
            "SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = ?::regclass AND NOT tgisinternal "
            "ORDER BY tgname", [table],
        ).fetchall()]
    # Index and trigger definitions name the schema; the schema as a reader sees it does not.
    schema = db.execute("SELECT current_schema()").fetchone()[0] + "."
    return "".join(f"{sql.strip().replace(schema, '')};\n\n" for sql in parts).rstrip("\n") + "\n"


def describe_sqlite_error(exc: sqlite3.Error, path: Path | str | None = None) -> str:
    """An editor's sentence for what SQLite reported."""
    where = f" {path}" if path else ""
    message = str(exc)
    if "not a database" in message or "malformed" in message:
        return f"The database{where} is not a readable quotetrack database ({message})."
    if "readonly" in message or "read-only" in message:
        return f"The database{where} is read-only; check its permissions or choose another --db."
    if "disk" in message and "full" in message:
        return f"The disk is full; nothing was written to the database{where}."
    if "unable to open" in message:
        return f"The database{where} cannot be opened; check the path and its permissions."
    if "locked" in message or "busy" in message:
        return f"The database{where} stayed locked by another program; try again."
    return f"Database error{where}: {message}."


@contextmanager
def transaction(db: Database) -> Iterator[Database]:
    """One atomic unit of writes.

    BEGIN IMMEDIATE takes the write lock up front: a deferred transaction that reads and then
    writes fails with "database is locked" when another writer got in between, and the busy
    timeout cannot save it. Nested calls become savepoints.

    On PostgreSQL every quotetrack writer takes one transaction-level advisory lock first, so
    writes are serialised as they are on SQLite: the read-then-write steps of the store (find or
    create a speaker, refuse a duplicate) need no other locking, and readers never wait.
    """
    if is_postgres(db):
        outermost = not cast(pg.PostgresDatabase, db).in_transaction
        with db.atomic():
            if outermost:
                db.execute("SELECT pg_advisory_xact_lock(?)", [pg.WRITE_LOCK_KEY])
            yield db
        return
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    else:
        try:
            db.execute("COMMIT")
        except BaseException:
            db.rollback()
            raise


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


_editor: str | None = None


def set_editor(name: str | None) -> None:
    """Who makes this process's changes (the CLI's --editor); None falls back to the login name."""
    global _editor
    _editor = name.strip() if name and name.strip() else None


def current_editor() -> str | None:
    try:
        return _editor or os.environ.get("QUOTETRACK_EDITOR") or getpass.getuser()
    except Exception:  # getuser raises when no login name exists, e.g. in some containers
        return None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


# --- change log ---


def log_change(
    db: Database,
    action: str,
    entity: str,
    entity_id: int | None,
    detail: dict[str, Any] | None = None,
    editor: str | None = None,
) -> None:
    db.execute(
        "INSERT INTO changes (at, editor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
        [now(), editor or current_editor(), action, entity, entity_id,
         json.dumps(detail or {}, ensure_ascii=False, default=str)],
    )


def list_changes(db: Database, limit: int | None = 50) -> list[dict[str, Any]]:
    sql = "SELECT id, at, editor, action, entity, entity_id, detail FROM changes ORDER BY id DESC"
    params: list[Any] = []
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    rows = []
    for row in db.query(sql, params):
        row["detail"] = json.loads(row["detail"])
        rows.append(row)
    return rows


# --- speakers ---


def _speaker_from_row(row: dict[str, Any], aliases: list[str]) -> Speaker:
    return Speaker(
        id=row["id"], name=row["name"], title=row["title"], affiliation=row["affiliation"],
        kind=row["kind"], aliases=aliases,
    )


def _aliases_by_speaker(db: Database, ids: Sequence[int] | None = None) -> dict[int, list[str]]:
    sql = "SELECT speaker_id, alias FROM speaker_aliases"
    params: list[Any] = []
    if ids is not None:
        sql += f" WHERE speaker_id IN ({', '.join('?' for _ in ids)})"
        params = list(ids)
    out: dict[int, list[str]] = {}
    for row in db.query(sql + " ORDER BY id", params):
        out.setdefault(row["speaker_id"], []).append(row["alias"])
    return out


def get_speaker(db: Database, speaker_id: int) -> Speaker:
    rows = list(db.query("SELECT * FROM speakers WHERE id = ?", [speaker_id]))
    if not rows:
        raise NotFound(f"There is no speaker with id {speaker_id}; `quotetrack speakers` lists them.")
    return _speaker_from_row(rows[0], _aliases_by_speaker(db, [speaker_id]).get(speaker_id, []))


def all_speakers(db: Database) -> list[Speaker]:
    aliases = _aliases_by_speaker(db)
    return [
        _speaker_from_row(row, aliases.get(row["id"], []))
        for row in db.query("SELECT * FROM speakers ORDER BY name COLLATE NOCASE, id")
    ]


def speaker_statement_counts(db: Database) -> dict[int, int]:
    return {
        row["speaker_id"]: row["n"]
        for row in db.query("SELECT speaker_id, count(*) AS n FROM statements GROUP BY speaker_id")
    }


def insert_speaker(db: Database, speaker: Speaker) -> Speaker:
    cursor = db.execute(
        "INSERT INTO speakers (name, title, affiliation, kind, created_at) VALUES (?, ?, ?, ?, ?)",
        [speaker.name, speaker.title, speaker.affiliation, speaker.kind, now()],
    )
    speaker_id = int(cursor.lastrowid or 0)
    for alias in speaker.aliases:
        insert_alias(db, speaker_id, alias)
    log_change(db, "create", "speaker", speaker_id, speaker.to_dict() | {"id": speaker_id})
    return get_speaker(db, speaker_id)


def insert_alias(db: Database, speaker_id: int, alias: str) -> bool:
    """Add an alias; False when the speaker already has it (by name or alias)."""
    existing = db.execute(
        "SELECT 1 FROM speakers WHERE id = ? AND name = ? COLLATE NOCASE "
        "UNION SELECT 1 FROM speaker_aliases WHERE speaker_id = ? AND alias = ? COLLATE NOCASE",
        [speaker_id, alias, speaker_id, alias],
    ).fetchone()
    if existing:
        return False
    db.execute("INSERT INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)", [speaker_id, alias])
    return True


def update_speaker(db: Database, speaker_id: int, fields: dict[str, Any]) -> None:
    allowed = {"name", "title", "affiliation", "kind"}
    changes = {k: v for k, v in fields.items() if k in allowed}
    if not changes:
        return
    assignments = ", ".join(f"{column} = ?" for column in changes)
    db.execute(f"UPDATE speakers SET {assignments} WHERE id = ?", [*changes.values(), speaker_id])
    log_change(db, "update", "speaker", speaker_id, changes)


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


# --- sources ---


def _source_from_row(row: dict[str, Any]) -> Source:
    return Source(
        id=row["id"], outlet=row["outlet"], url=row["url"], title=row["title"],
        published=_date(row["published"]),
    )


def get_source(db: Database, source_id: int) -> Source:
    rows = list(db.query("SELECT * FROM sources WHERE id = ?", [source_id]))
    if not rows:
        raise NotFound(f"There is no source with id {source_id}.")
    return _source_from_row(rows[0])


def find_source(db: Database, source: Source) -> Source | None:
    """The stored source with the same URL, or with the same outlet, title and date."""
    if source.url:
        rows = list(db.query("SELECT * FROM sources WHERE url = ? ORDER BY id LIMIT 1", [source.url]))
    else:
        rows = list(db.query(
            "SELECT * FROM sources WHERE url IS NULL AND outlet IS NOT DISTINCT FROM ? "
            "AND title IS NOT DISTINCT FROM ? AND published IS NOT DISTINCT FROM ? "
            "ORDER BY id LIMIT 1",
            [source.outlet, source.title, _iso(source.published)],
        ))
    return _source_from_row(rows[0]) if rows else None


def source_by_article(db: Database, sha256: str) -> Source | None:
    rows = list(db.query("SELECT * FROM sources WHERE article_sha256 = ?", [sha256]))
    return _source_from_row(rows[0]) if rows else None


def insert_source(
    db: Database, source: Source, article_text: str | None = None, article_sha256: str | None = None
) -> Source:
    cursor = db.execute(
        "INSERT INTO sources (outlet, url, title, published, article_text, article_sha256, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [source.outlet, source.url, source.title, _iso(source.published), article_text,
         article_sha256, now()],
    )
    source_id = int(cursor.lastrowid or 0)
    log_change(db, "create", "source", source_id, source.to_dict() | {"id": source_id})
    return get_source(db, source_id)


def article_text(db: Database, source_id: int) -> str | None:
    row = db.execute("SELECT article_text FROM sources WHERE id = ?", [source_id]).fetchone()
    return row[0] if row else None


def articles(db: Database) -> Iterator[tuple[Source, str, str | None]]:
    """Every source kept with its article text: (source, text, sha256), in id order (for export)."""
    for row in db.query("SELECT * FROM sources WHERE article_text IS NOT NULL ORDER BY id"):
        yield _source_from_row(row), row["article_text"], row["article_sha256"]


def set_article(db: Database, source_id: int, text: str, sha256: str) -> None:
    """Keep an article's text with a source recorded without it (an import of an export)."""
    db.execute("UPDATE sources SET article_text = ?, article_sha256 = ? WHERE id = ? AND article_text IS NULL",
               [text, sha256, source_id])


# --- statements ---

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
        "said_on": _iso(statement.said_on),
        "event_date": _iso(statement.event_date),
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
            [*values.values(), statement.created_at or now()],
        )
    except sqlite3.IntegrityError as exc:
        if "statements" in str(exc) and "UNIQUE" in str(exc).upper():
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


def _tag_order(db: Database) -> str:
    # Tags come back in the order they were given: SQLite's rowid, a sequence column on PostgreSQL.
    return "seq" if is_postgres(db) else "rowid"


def _statements_from_rows(db: Database, rows: list[dict[str, Any]]) -> list[Statement]:
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    tags: dict[int, list[str]] = {}
    aliases = _aliases_by_speaker(db, sorted({row["speaker_id"] for row in rows}))
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start:chunk_start + 500]
        for row in db.query(
            f"SELECT statement_id, tag FROM statement_tags WHERE statement_id IN "
            f"({', '.join('?' for _ in chunk)}) ORDER BY {_tag_order(db)}", chunk,
        ):
            tags.setdefault(row["statement_id"], []).append(row["tag"])
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
                title=row["so_title"], published=_date(row["so_published"]),
            )
        statements.append(Statement(
            id=row["id"], text=row["text"], kind=row["kind"], speaker=speaker, source=source,
            said_on=_date(row["said_on"]), event_date=_date(row["event_date"]), place=row["place"],
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
    where: list[str] = []
    params: list[Any] = []
    if speaker_ids is not None:
        where.append(f"st.speaker_id IN ({', '.join('?' for _ in speaker_ids) or 'NULL'})")
        params.extend(speaker_ids)
    if outlet:
        where.append("so.outlet = ? COLLATE NOCASE")
        params.append(outlet)
    if tag:
        where.append("st.id IN (SELECT statement_id FROM statement_tags WHERE tag = ?)")
        params.append(tag)
    when = "coalesce(st.said_on, so.published, substr(st.created_at, 1, 10))"
    if since:
        where.append(f"{when} >= ?")
        params.append(since.isoformat())
    if until:
        where.append(f"{when} <= ?")
        params.append(until.isoformat())
    if kind:
        where.append("st.kind = ?")
        params.append(kind)
    if source_id is not None:
        where.append("st.source_id = ?")
        params.append(source_id)
    sql = _SELECT_STATEMENTS
    if where:
        sql += " WHERE " + " AND ".join(where)
    direction = "ASC" if oldest_first else "DESC"
    sql += f" ORDER BY {when} {direction}, st.id {direction}"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return _statements_from_rows(db, list(db.query(sql, params)))


def count_statements(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM statements").fetchone()[0])


def update_statement(db: Database, statement_id: int, fields: dict[str, Any], norm: str | None) -> None:
    """Update columns of a statement (dates as ``date``), its tags, and its index row."""
    before = get_statement(db, statement_id)
    columns = {k: v for k, v in fields.items() if k in _STATEMENT_COLUMNS}
    columns = {k: _iso(v) if isinstance(v, date) else v for k, v in columns.items()}
    if columns:
        assignments = ", ".join(f"{column} = ?" for column in columns)
        try:
            db.execute(
                f"UPDATE statements SET {assignments} WHERE id = ?", [*columns.values(), statement_id]
            )
        except sqlite3.IntegrityError:
            raise Duplicate(
                "That change would make this statement a copy of one already on record."
            ) from None
    if "tags" in fields:
        set_tags(db, statement_id, fields["tags"])
    if norm is not None or "speaker_id" in columns or "source_id" in columns:
        index_statement(db, statement_id, norm)
    log_change(db, "update", "statement", statement_id, {
        "before": {k: before.to_dict().get(k) for k in fields},
        "after": {k: _iso(v) if isinstance(v, date) else v for k, v in fields.items()},
    })


def delete_statement(db: Database, statement_id: int, log: bool = True) -> None:
    statement = get_statement(db, statement_id)
    db.execute("DELETE FROM statements_fts WHERE rowid = ?", [statement_id])
    db.execute("DELETE FROM statements WHERE id = ?", [statement_id])
    if log:
        log_change(db, "delete", "statement", statement_id, statement.to_dict())


# --- full-text index ---


def index_statement(db: Database, statement_id: int, norm: str | None) -> None:
    """(Re)write a statement's row in the full-text index; norm None keeps the stored tokens."""
    aliases_sql = "string_agg(alias, ' ' ORDER BY id)" if is_postgres(db) else "group_concat(alias, ' ')"
    row = db.execute(
        "SELECT st.text, sp.name, so.outlet, "
        f"(SELECT {aliases_sql} FROM speaker_aliases WHERE speaker_id = sp.id) "
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


def ids_mentioning(db: Database, phrases: Sequence[str]) -> list[int]:
    """Statements whose text holds any of the phrases (as the full-text index tokenises them)."""
    quoted = [
        '"' + p.replace('"', '""') + '"' for p in phrases if any(ch.isalnum() for ch in p)
    ]
    if not quoted:
        return []
    if is_postgres(db):
        rows = db.execute(
            "SELECT rowid FROM statements_fts WHERE text_tsv @@ ("
            + " || ".join("phraseto_tsquery('quotetrack', ?)" for _ in quoted) + ")",
            [p for p in phrases if any(ch.isalnum() for ch in p)],
        ).fetchall()
        return [row[0] for row in rows]
    rows = db.execute(
        "SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?",
        ["{text} : (" + " OR ".join(quoted) + ")"],
    ).fetchall()
    return [row[0] for row in rows]


def statement_texts_by_id(db: Database, ids: Sequence[int]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        out.extend(db.execute(
            f"SELECT id, text FROM statements WHERE id IN ({', '.join('?' for _ in chunk)})", chunk
        ).fetchall())
    return out


def statements_sharing(
    db: Database, keys: Sequence[Sequence[str]], limit: int
) -> list[tuple[int, set[str]]]:
    """The latest statements whose claim tokens include every token of a key: (id, tokens).

    Ranking is left to the caller, which weighs the shared tokens the same way a full rescan
    does; ordering by id keeps this an index walk rather than a scoring of every match.
    """
    groups = [" AND ".join('"' + t + '"' for t in key) for key in keys if key]
    if not groups:
        return []
    if is_postgres(db):
        return _pg_statements_sharing(db, [key for key in keys if key], limit)
    rows = db.execute(
        "SELECT rowid, norm FROM statements_fts WHERE statements_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
        ["{norm} : (" + " OR ".join(f"({g})" for g in groups) + ")", limit],
    ).fetchall()
    return [(row[0], set(row[1].split())) for row in rows]


def set_norm(db: Database, statement_id: int, norm: str) -> None:
    db.execute("UPDATE statements_fts SET norm = ? WHERE rowid = ?", [norm, statement_id])


def search(db: Database, query: str, limit: int = 20) -> list[tuple[int, str, float]]:
    """Statements whose text, speaker or outlet match an FTS5 query: (id, snippet, rank)."""
    if is_postgres(db):
        return _pg_search(db, query, limit)
    try:
        rows = db.execute(
            "SELECT rowid, snippet(statements_fts, -1, char(2), char(3), '…', 24), rank "
            "FROM statements_fts WHERE statements_fts MATCH ? AND rank MATCH 'bm25(1.0, 0.5, 0.3, 0.0)' "
            "ORDER BY rank LIMIT ?",
            [_search_columns(query), limit],
        ).fetchall()
    except sqlite3.OperationalError as exc:
        raise InvalidInput(
            f"The search {query!r} is not a valid full-text query ({exc}); put phrases in double "
            "quotes and use AND, OR, NOT in capitals."
        ) from None
    return [(row[0], row[1], row[2]) for row in rows]


def _pg_search(db: Database, query: str, limit: int) -> list[tuple[int, str, float]]:
    """search on PostgreSQL: the same query syntax, read into a tsquery over the GIN index."""
    try:
        words = _tsquery_from_fts5(query)
    except ValueError as exc:
        raise InvalidInput(
            f"The search {query!r} is not a valid full-text query ({exc}); put phrases in double "
            "quotes and use AND, OR, NOT in capitals."
        ) from None
    if not words:
        return []
    rows = db.execute(
        "SELECT rowid, ts_headline('quotetrack', text, q, 'StartSel=' || chr(2) || ', StopSel=' || chr(3) "
        "|| ', MaxWords=24, MinWords=12, HighlightAll=false'), -ts_rank('{0.2, 0.3, 0.5, 1.0}', document, q) "
        "AS rank FROM statements_fts, to_tsquery('quotetrack', ?) q WHERE document @@ q "
        "ORDER BY rank, rowid LIMIT ?",
        [words, limit],
    ).fetchall()
    return [(row[0], row[1], row[2]) for row in rows]


def _tsquery_from_fts5(query: str) -> str:
    """An FTS5 query ("phrases", word*, AND, OR, NOT, parentheses) as a PostgreSQL tsquery."""
    out: list[str] = []
    depth = 0

    def operand(text: str) -> None:
        if out and out[-1] not in ("&", "|", "& !", "("):
            out.append("&")  # FTS5 reads two words side by side as AND
        out.append(text)

    def lexemes(text: str, prefix: bool = False) -> str:
        words = [w.replace("'", "''") for w in re.findall(r"[^\W_]+", text)]
        if not words:
            return ""
        quoted = [f"'{w}'" for w in words]
        if prefix:
            quoted[-1] += ":*"
        return "(" + " <-> ".join(quoted) + ")"

    for match in re.finditer(r'"((?:[^"]|"")*)("?)|(\()|(\))|([^\s()"]+)', query):
        phrase, closed, opening, closing, word = match.groups()
        if phrase is not None:
            if not closed:
                raise ValueError("a double quote is not closed")
            if term := lexemes(phrase):
                operand(term)
        elif opening:
            operand("(")
            depth += 1
        elif closing:
            depth -= 1
            if depth < 0 or not out or out[-1] in ("&", "|", "& !", "("):
                raise ValueError("a parenthesis does not match")
            out.append(")")
        elif word in ("AND", "OR", "NOT"):
            if not out or out[-1] in ("&", "|", "& !", "("):
                raise ValueError(f"{word} needs a word before it")
            out.append({"AND": "&", "OR": "|", "NOT": "& !"}[word])
        elif term := lexemes(word, prefix=word.endswith("*")):
            operand(term)
    if depth:
        raise ValueError("a parenthesis is not closed")
    if out and out[-1] in ("&", "|", "& !"):
        raise ValueError("the query ends with an operator")
    return " ".join(out)


def _search_columns(query: str) -> str:
    # The norm column holds matching tokens, not words an editor typed: search the other three.
    return "{text speaker outlet} : (" + query + ")"


# --- conflicts ---


def save_conflict(
    db: Database, a_id: int, b_id: int, type_: str, score: float, evidence: dict[str, Any],
    caveats: Sequence[str],
) -> tuple[int, bool]:
    """Record a detected conflict, or refresh an open one; returns (id, newly created).

    A reviewed conflict keeps the editor's verdict: detection never reopens it. Callers pass the
    older statement as ``a`` so that a pair is always stored one way round.
    """
    row = db.execute(
        "SELECT id, status FROM conflicts WHERE a_id = ? AND b_id = ? AND type = ?", [a_id, b_id, type_]
    ).fetchone()
    evidence_json = json.dumps(evidence, ensure_ascii=False, default=str)
    caveats_json = json.dumps(list(caveats), ensure_ascii=False)
    if row is not None:
        if row[1] == "open":
            db.execute("UPDATE conflicts SET score = ?, evidence = ?, caveats = ? WHERE id = ?",
                       [score, evidence_json, caveats_json, row[0]])
        return row[0], False
    cursor = db.execute(
        "INSERT INTO conflicts (a_id, b_id, type, score, evidence, caveats, status, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, 'open', ?)",
        [a_id, b_id, type_, score, evidence_json, caveats_json, now()],
    )
    return int(cursor.lastrowid or 0), True


def reviewed_pairs(db: Database) -> set[tuple[int, int]]:
    return {(r[0], r[1]) for r in db.execute(
        "SELECT a_id, b_id FROM conflicts WHERE status != 'open'").fetchall()}


def drop_open_conflicts(db: Database, keep: set[int]) -> int:
    """Forget open conflicts a full rescan no longer finds (reviewed ones stay)."""
    ids = [r[0] for r in db.execute("SELECT id FROM conflicts WHERE status = 'open'").fetchall()
           if r[0] not in keep]
    for conflict_id in ids:
        db.execute("DELETE FROM conflicts WHERE id = ?", [conflict_id])
    return len(ids)


def _conflicts_from_rows(db: Database, rows: list[dict[str, Any]]) -> list[Conflict]:
    wanted = sorted({r["a_id"] for r in rows} | {r["b_id"] for r in rows})
    statements = {s.id: s for s in get_statements(db, wanted)}
    return [
        Conflict(
            id=r["id"], a=statements[r["a_id"]], b=statements[r["b_id"]], type=r["type"],
            score=r["score"], evidence=json.loads(r["evidence"]), caveats=json.loads(r["caveats"]),
            status=r["status"], note=r["note"], created_at=r["created_at"],
            reviewed_at=r["reviewed_at"], reviewed_by=r["reviewed_by"],
        )
        for r in rows
    ]


def list_conflicts(
    db: Database, *, type_: str | None = None, speaker_ids: Sequence[int] | None = None,
    status: str | None = None, min_score: float | None = None, statement_ids: Sequence[int] | None = None,
    limit: int | None = None,
) -> list[Conflict]:
    """Conflicts, best first."""
    where: list[str] = []
    params: list[Any] = []
    if type_:
        where.append("c.type = ?")
        params.append(type_)
    if status:
        where.append("c.status = ?")
        params.append(status)
    if min_score is not None:
        where.append("c.score >= ?")
        params.append(min_score)
    for column, ids in (("speaker_id", speaker_ids), ("id", statement_ids)):
        if ids is not None:
            marks = ", ".join("?" for _ in ids) or "NULL"
            where.append(f"(sa.{column} IN ({marks}) OR sb.{column} IN ({marks}))")
            params.extend([*ids, *ids])
    sql = ("SELECT c.* FROM conflicts c JOIN statements sa ON sa.id = c.a_id "
           "JOIN statements sb ON sb.id = c.b_id")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY c.score DESC, c.id"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return _conflicts_from_rows(db, list(db.query(sql, params)))


def get_conflict(db: Database, conflict_id: int) -> Conflict:
    rows = list(db.query("SELECT * FROM conflicts WHERE id = ?", [conflict_id]))
    if not rows:
        raise NotFound(f"There is no conflict with id {conflict_id}; `quotetrack conflicts` lists them.")
    return _conflicts_from_rows(db, rows)[0]


def review_conflict(db: Database, conflict_id: int, status: str, note: str | None,
                    editor: str | None = None, *, seen: Conflict | None = None, overrule: bool = False) -> None:
    """Record a verdict; never replaces another editor's verdict without saying so.

    ``seen`` is the conflict as the editor read it: when someone reviewed it since, nothing is
    written. A verdict another editor gave is replaced only with ``overrule``.
    """
    before = get_conflict(db, conflict_id)
    seen = seen or before
    editor = editor or current_editor()
    if (before.status, before.reviewed_by, before.reviewed_at) != (seen.status, seen.reviewed_by, seen.reviewed_at):
        raise StaleReview(_reviewed_meanwhile(before))
    if (before.status != "open" and before.reviewed_by not in (None, editor) and status != before.status
            and not overrule):
        raise StaleReview(
            f"Conflict {conflict_id} was already {before.status} by {before.reviewed_by} "
            f"({before.reviewed_at}); nothing was changed. Give --overrule to replace that verdict."
        )
    # The WHERE clause is the last-writer check itself: it writes only over the review read above.
    updated = db.execute(
        "UPDATE conflicts SET status = ?, note = coalesce(?, note), reviewed_at = ?, reviewed_by = ? "
        "WHERE id = ? AND status = ? AND reviewed_by IS NOT DISTINCT FROM ? "
        "AND reviewed_at IS NOT DISTINCT FROM ?",
        [status, note, now(), editor, conflict_id, before.status, before.reviewed_by, before.reviewed_at],
    ).rowcount
    if updated != 1:
        raise StaleReview(_reviewed_meanwhile(get_conflict(db, conflict_id)))
    log_change(db, "review", "conflict", conflict_id,
               {"before": before.status, "after": status, "note": note}, editor=editor)


def _reviewed_meanwhile(now_: Conflict) -> str:
    return (
        f"Conflict {now_.id} was reviewed by {now_.reviewed_by or 'someone else'} meanwhile "
        f"(now {now_.status}); nothing was changed. Look at it again with "
        "`quotetrack conflicts` and repeat your review if you still disagree."
    )


def restore_conflict(db: Database, a_id: int, b_id: int, fields: dict[str, Any]) -> int:
    """Store a conflict as exported, with its review (who, when, note) as it was.

    An existing open conflict of the pair takes the review; an existing reviewed one is kept.
    """
    a_id, b_id = min(a_id, b_id), max(a_id, b_id)
    values = [
        fields.get("score") or 0.0,
        json.dumps(fields.get("evidence") or {}, ensure_ascii=False, default=str),
        json.dumps(list(fields.get("caveats") or []), ensure_ascii=False),
        fields.get("status") or "open", fields.get("note"), fields.get("reviewed_at"),
        fields.get("reviewed_by"),
    ]
    row = db.execute(
        "SELECT id, status FROM conflicts WHERE a_id = ? AND b_id = ? AND type = ?",
        [a_id, b_id, fields["type"]],
    ).fetchone()
    if row is not None:
        if row[1] == "open":
            db.execute(
                "UPDATE conflicts SET score = ?, evidence = ?, caveats = ?, status = ?, note = ?, "
                "reviewed_at = ?, reviewed_by = ? WHERE id = ?", [*values, row[0]],
            )
        return int(row[0])
    cursor = db.execute(
        "INSERT INTO conflicts (a_id, b_id, type, score, evidence, caveats, status, note, reviewed_at, "
        "reviewed_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [a_id, b_id, fields["type"], *values, fields.get("created_at") or now()],
    )
    conflict_id = int(cursor.lastrowid or 0)
    log_change(db, "import", "conflict", conflict_id, {"status": values[3], "note": values[4]})
    return conflict_id


# --- terms ---


def list_terms(db: Database) -> list[tuple[str, list[str]]]:
    grouped: dict[str, list[str]] = {}
    for row in db.query("SELECT canonical, variant FROM terms ORDER BY id"):
        grouped.setdefault(row["canonical"], []).append(row["variant"])
    return list(grouped.items())


def add_terms(db: Database, canonical: str, variants: Sequence[str]) -> int:
    added = 0
    for variant in variants:
        cursor = db.execute(
            "INSERT INTO terms (canonical, variant) VALUES (?, ?) ON CONFLICT DO NOTHING", [canonical, variant]
        )
        added += cursor.rowcount
    log_change(db, "create", "terms", None, {"canonical": canonical, "variants": list(variants)})
    return added


# --- copying a whole record between databases (SQLite and PostgreSQL, either way) ---

_COPY_BATCH = 5000


def _record_tables(db: Database) -> dict[str, list[str]]:
    """Every table of the record with the columns a copy writes, parents before children."""
    if is_postgres(db):
        names = [r[0] for r in db.execute(
            "SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace "
            "AND relname NOT LIKE '\\_%' ORDER BY oid"
        ).fetchall()]
        # Generated columns (the tsvectors) and ALWAYS identities (tag order) are the database's own.
        columns = {name: [r[0] for r in db.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = ? AND is_generated = 'NEVER' AND identity_generation IS DISTINCT FROM 'ALWAYS' "
            "ORDER BY ordinal_position", [name],
        ).fetchall()] for name in names}
        parents = {name: {r[0] for r in db.execute(
            "SELECT confrelid::regclass::text FROM pg_constraint WHERE conrelid = ?::regclass AND contype = 'f'",
            [name],
        ).fetchall()} for name in names}
    else:
        rows = db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY rowid"
        ).fetchall()
        virtual = {name for name, sql in rows if sql.upper().startswith("CREATE VIRTUAL")}
        # FTS5 keeps its index in shadow tables named after the virtual table; the rows are copied
        # through the virtual table itself, with the rowid that ties each to its statement.
        names = [name for name, _ in rows if not any(name.startswith(v + "_") for v in virtual)]
        columns = {name: (["rowid"] if name in virtual else []) + [
            r[1] for r in db.execute(f"PRAGMA table_info([{name}])").fetchall()] for name in names}
        parents = {name: {r[2] for r in db.execute(f"PRAGMA foreign_key_list([{name}])").fetchall()}
                   for name in names}
    ordered: list[str] = []
    while len(ordered) < len(names):
        ready = [n for n in names if n not in ordered and parents[n] - {n} <= set(ordered)]
        if not ready:
            raise DatabaseError("The record's tables refer to each other in a circle; cannot copy them.")
        ordered.extend(ready)
    return {name: columns[name] for name in ordered if name not in _DERIVED_TABLES}


# Derived from other tables by the database itself; rebuilt after a copy rather than copied.
_DERIVED_TABLES = {"claim_index", "claim_terms"}


def _copy_order(db: Database, columns: list[str]) -> str:
    if is_postgres(db):
        return next((c for c in ("seq", "id", "rowid") if c in columns), columns[0])
    return "rowid"


def count_rows(db: Database) -> dict[str, int]:
    return {table: int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]) for table in _record_tables(db)}


def copy_record(source: Database, dest: Database) -> list[tuple[str, int, int]]:
    """Copy every row of one record into an empty other one, ids kept, in one transaction.

    Returns (table, rows in the source, rows in the destination) for every table; the copy is
    rolled back unless the two counts agree for every table.
    """
    tables = _record_tables(source)
    dest_tables = _record_tables(dest)
    missing = [t for t in tables if t not in dest_tables] + [
        f"{t}.{c}" for t in tables if t in dest_tables for c in tables[t] if c not in dest_tables[t]
    ]
    if missing:
        raise DatabaseError(
            f"The destination lacks {', '.join(missing)}; open it with the same quotetrack version first."
        )
    # The destination's order: its foreign keys are the ones a row must satisfy on arrival.
    tables = {t: tables[t] for t in dest_tables if t in tables}
    held = {t: n for t, n in count_rows(dest).items() if n and t in tables}
    if held:
        raise InvalidInput(
            "The destination already holds a record ("
            + ", ".join(f"{n} {t}" for t, n in held.items()) + "); copy into a new, empty database."
        )
    counts = []
    with transaction(dest):
        if is_postgres(dest):
            # One count of every claim token at the end beats a trigger firing for each row.
            dest.execute("ALTER TABLE statements_fts DISABLE TRIGGER statements_fts_claims")
        for table, columns in tables.items():
            select = f"SELECT {', '.join(columns)} FROM {table} ORDER BY {_copy_order(source, columns)}"
            batches = (cast(pg.PostgresDatabase, source).stream(select, _COPY_BATCH) if is_postgres(source)
                       else _sqlite_batches(source, select))
            if is_postgres(dest):
                cast(pg.PostgresDatabase, dest).copy_rows(table, columns, (row for batch in batches for row in batch))
            else:
                insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
                for batch in batches:
                    dest.conn.executemany(insert, batch)
        if is_postgres(dest):
            dest.execute("ALTER TABLE statements_fts ENABLE TRIGGER statements_fts_claims")
            dest.execute("DELETE FROM claim_index")
            dest.execute("INSERT INTO claim_index (rowid, norm_tsv) "
                         "SELECT rowid, to_tsvector('simple', norm) FROM statements_fts")
            dest.execute("DELETE FROM claim_terms")
            dest.execute("INSERT INTO claim_terms (term, n) SELECT word, ndoc FROM ts_stat("
                         "'SELECT norm_tsv FROM claim_index')")
            for table, columns in tables.items():
                if "id" in columns:
                    # Identities go on from the highest copied id, not from 1.
                    dest.execute(
                        f"SELECT setval(pg_get_serial_sequence(?, 'id'), max(id)) FROM {table} "
                        "WHERE pg_get_serial_sequence(?, 'id') IS NOT NULL HAVING max(id) IS NOT NULL",
                        [table, table],
                    )
        before, after = count_rows(source), count_rows(dest)
        counts = [(table, before[table], after.get(table, 0)) for table in tables]
        short = [f"{t}: {a} of {b}" for t, b, a in counts if a != b]
        if short:
            raise DatabaseError(f"The copy lost rows ({'; '.join(short)}); nothing was written.")
    return counts


def _sqlite_batches(db: Database, sql: str) -> Iterator[list[tuple[Any, ...]]]:
    cursor = db.conn.execute(sql)
    while batch := cursor.fetchmany(_COPY_BATCH):
        yield batch


# --- the index queries on PostgreSQL (tsvector columns under GIN indexes, see pg_migrations) ---

def _pg_token_doc_counts(db: Database, tokens: Sequence[str]) -> tuple[dict[str, int], int]:
    """token_doc_counts on PostgreSQL: read from claim_terms, which a trigger keeps current."""
    # Ids only grow: the highest is the count without a scan (as claim_term_counts does on SQLite).
    total = int(db.execute("SELECT coalesce(max(rowid), 0) FROM statements_fts").fetchone()[0])
    if not tokens:
        return {}, total
    rows = db.execute("SELECT term, n FROM claim_terms WHERE term = ANY (?) AND n > 0", [list(tokens)]).fetchall()
    return {term: int(n) for term, n in rows}, total


def _pg_statements_sharing(
    db: Database, keys: Sequence[Sequence[str]], limit: int
) -> list[tuple[int, set[str]]]:
    """statements_sharing on PostgreSQL: each key's tokens all present, any key, latest first."""
    query = " || ".join("plainto_tsquery('simple', ?)" for _ in keys)
    rows = db.execute(
        "SELECT f.rowid, f.norm FROM statements_fts f WHERE f.rowid IN (SELECT c.rowid FROM claim_index c, "
        f"(SELECT {query}) AS q(q) WHERE c.norm_tsv @@ q ORDER BY c.rowid DESC LIMIT ?) ORDER BY f.rowid DESC",
        [*(" ".join(key) for key in keys), limit],
    ).fetchall()
    return [(row[0], set(row[1].split())) for row in rows]








def _pg_claim_candidates(
    db: Database, words: Sequence[str], *, limit: int, speaker_ids: Sequence[int] | None, since: date | None,
    with_tokens: bool = False,
) -> list[Any]:
    """claim_candidates on PostgreSQL: the narrow claim_index under a GIN index, ts_rank for bm25.

    The best ``limit`` are found in claim_index alone (joined to statements only to filter);
    their texts are read afterwards, for those rows only.
    """
    filtered = speaker_ids is not None or since is not None
    hits = (
        "SELECT c.rowid, ts_rank(c.norm_tsv, q, 1) AS r FROM claim_index c"
        + (" JOIN statements st ON st.id = c.rowid" if filtered else "")
        + ", to_tsquery('simple', ?) q WHERE c.norm_tsv @@ q"
    )
    params: list[Any] = [" | ".join(words)]
    if speaker_ids is not None:
        hits += f" AND st.speaker_id IN ({', '.join('?' for _ in speaker_ids) or 'NULL'})"
        params.extend(speaker_ids)
    if since is not None:
        hits += " AND coalesce(st.said_on, st.event_date, substr(st.created_at, 1, 10)) >= ?"
        params.append(since.isoformat())
    hits += " ORDER BY r DESC, c.rowid LIMIT ?"
    params.append(limit)
    sql = (
        f"WITH hits AS MATERIALIZED ({hits}) SELECT st.id, st.text{', f.norm' if with_tokens else ''} "
        "FROM hits JOIN statements st ON st.id = hits.rowid"
        + (" JOIN statements_fts f ON f.rowid = hits.rowid" if with_tokens else "")
        + " ORDER BY hits.r DESC, st.id"
    )
    return [tuple(row) for row in db.execute(sql, params).fetchall()]


# --- events ---


def create_event(db: Database) -> int:
    """A new, empty event; grouping fills in its members, place, days and automatic name."""
    at = now()
    cursor = db.execute(
        "INSERT INTO events (auto_name, created_at, updated_at) VALUES ('', ?, ?)", [at, at]
    )
    return int(cursor.lastrowid or 0)


def update_event(db: Database, event_id: int, fields: dict[str, Any]) -> None:
    allowed = {"name", "auto_name", "place", "first_day", "last_day"}
    columns = {k: v for k, v in fields.items() if k in allowed}
    if not columns:
        return
    assignments = ", ".join(f"{column} = ?" for column in columns)
    db.execute(f"UPDATE events SET {assignments}, updated_at = ? WHERE id = ?",
               [*columns.values(), now(), event_id])


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
    """Events with members, latest first; ``since`` keeps those whose last day is on or after it."""
    where, params = "", []
    if since:
        where = "WHERE e.last_day >= ?"
        params.append(since)
    return _event_rows(db, where, params)


def _event_rows(db: Database, where: str, params: list[Any]) -> list[dict[str, Any]]:
    rows = list(db.query(
        "SELECT e.id, e.name, e.auto_name, e.place, e.first_day, e.last_day, "
        "(SELECT count(*) FROM event_statements es WHERE es.event_id = e.id) AS statements "
        f"FROM events e {where} ORDER BY coalesce(e.last_day, '') DESC, e.id DESC", params,
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
    for statement_id in ids:
        db.execute(
            "INSERT INTO event_statements (statement_id, event_id, placed_by) VALUES (?, ?, ?) "
            "ON CONFLICT (statement_id) DO UPDATE SET event_id = excluded.event_id, "
            "placed_by = excluded.placed_by",
            [statement_id, event_id, placed_by],
        )


def clear_auto_memberships(db: Database) -> None:
    db.execute("DELETE FROM event_statements WHERE placed_by = 'auto'")


def record_grouping(db: Database, statements: int, last_statement_id: int) -> None:
    db.execute(
        "INSERT INTO event_grouping (id, statements, last_statement_id, at) VALUES (1, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET statements = excluded.statements, "
        "last_statement_id = excluded.last_statement_id, at = excluded.at",
        [statements, last_statement_id, now()],
    )


def grouping_is_current(db: Database) -> bool:
    """True when no statement was added or removed since events were last grouped."""
    row = db.execute("SELECT statements, last_statement_id FROM event_grouping WHERE id = 1").fetchone()
    if row is None:
        return False
    now_row = db.execute("SELECT count(*), coalesce(max(id), 0) FROM statements").fetchone()
    return (row[0], row[1]) == (now_row[0], now_row[1])


def claim_tokens(db: Database) -> dict[int, str]:
    """Every statement's normalised claim tokens as the index holds them (space-separated)."""
    return {r[0]: r[1] for r in db.execute("SELECT rowid, norm FROM statements_fts").fetchall()}


def outlets(db: Database) -> list[str]:
    """Every outlet on record, once each."""
    return [r[0] for r in db.execute(
        "SELECT DISTINCT outlet FROM sources WHERE outlet IS NOT NULL ORDER BY outlet"
    ).fetchall()]


# --- claim index (matching) ---

# A query word held by more statements than this share of the record is too common to find
# candidates by (it would make FTS5 score a large part of the record); the rarer words do it.
COMMON_TERM_SHARE = 0.02
# Rough budget of postings one candidate query may touch: keeps `match` fast at a million
# statements while every query word rarer than the budget still takes part.
POSTINGS_BUDGET = 5_000
# At most this many statements are read from the index for one query (their stored tokens only).
CANDIDATE_ROWS = 5_000
_TERM_COUNTS = "temp.statements_fts_terms"
# Counting a word's statements walks its postings (about 25 ms a million). The counts of common
# words, which most queries hold, barely move: a connection keeps them until the record grows by
# 1%. Rare words are counted afresh every time; they cost little.
CACHED_COUNT_MIN = 10_000
_COMMON_COUNTS: dict[int, tuple[int, dict[str, int]]] = {}


def claim_term_counts(db: Database, tokens: Sequence[str]) -> tuple[dict[str, int], int]:
    """How many statements hold each claim token (in the ``norm`` column), and how many are
    indexed: the word weights ``match.rank`` scores with. Looked up in the FTS5 index itself."""
    words = sorted({t for t in tokens if t.isalnum()})
    if is_postgres(db):
        return _pg_token_doc_counts(db, words)
    # Statement ids only grow, so the highest is a fast stand-in for the count (no scan).
    total = int(db.execute("SELECT max(rowid) FROM statements").fetchone()[0] or 0)
    cached_total, cache = _COMMON_COUNTS.get(id(db), (-1, {}))
    if not cached_total <= total <= cached_total * 1.01:
        cache = {}
        _COMMON_COUNTS[id(db)] = (total, cache)
    counts = {w: cache[w] for w in words if w in cache}
    missing = [w for w in words if w not in cache]
    # fts5vocab reads the index's own term list; a temp table per connection, created once.
    db.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {_TERM_COUNTS} "
        "USING fts5vocab(main, 'statements_fts', 'col')"
    )
    for start in range(0, len(missing), 500):
        chunk = missing[start : start + 500]
        rows = db.execute(
            f"SELECT term, doc FROM {_TERM_COUNTS} WHERE col = 'norm' "
            f"AND term IN ({', '.join('?' for _ in chunk)})",
            chunk,
        ).fetchall()
        for term, docs in rows:
            counts[term] = docs
            if docs >= CACHED_COUNT_MIN:
                cache[term] = docs
    return counts, total


def candidate_terms(counts: Mapping[str, int], total: int, tokens: Sequence[str]) -> list[str]:
    """The query words worth retrieving by: rarest first, within the postings budget.

    The rarest word always takes part; a word held by more than ``COMMON_TERM_SHARE`` of the
    record only when nothing rarer is there. Words absent from the index cannot find anything.
    """
    present = sorted({t for t in tokens if counts.get(t)}, key=lambda t: (counts[t], t))
    if not present:
        return []
    common = max(int(total * COMMON_TERM_SHARE), 1000)
    chosen = [present[0]]
    spent = counts[present[0]]
    for term in present[1:]:
        if counts[term] > common or spent + counts[term] > POSTINGS_BUDGET:
            continue
        chosen.append(term)
        spent += counts[term]
    return chosen


def claim_candidates(
    db: Database,
    tokens: Sequence[str],
    *,
    limit: int = 200,
    speaker_ids: Sequence[int] | None = None,
    since: date | None = None,
    with_tokens: bool = False,
    term_counts: tuple[Mapping[str, int], int] | None = None,
) -> list[Any]:
    """Statements sharing claim tokens with the query, those sharing the most weight first:
    (id, text), or (id, text, stored claim tokens) with ``with_tokens``, which ``match.rank``
    scores without reading each text again.

    Only the query's rarer words go into the FTS5 query (see ``candidate_terms``), so the cost
    follows how many statements hold those words, not the size of the record. The statements
    found (at most ``CANDIDATE_ROWS``) are put in order by the weight of all the query words
    they hold, read from their stored tokens: ordering by FTS5 bm25 instead would either see
    only the rare words (and leave ties among hundreds of statements naming the same place) or
    walk the common words' postings too. ``term_counts`` is what ``claim_term_counts`` returned
    for ``tokens``, when the caller has it already.
    """
    counts, total = term_counts if term_counts is not None else claim_term_counts(db, tokens)
    words = candidate_terms(counts, total, tokens)
    if not words:
        return []
    if is_postgres(db):
        return _pg_claim_candidates(db, words, limit=limit, speaker_ids=speaker_ids, since=since,
                                    with_tokens=with_tokens)
    # The FTS5 hits are found on their own first: joined in one query, SQLite may walk the
    # statements table and probe the index once per statement.
    params: list[Any] = ["{norm} : (" + " OR ".join(words) + ")", CANDIDATE_ROWS]
    sql = (
        "WITH hits AS MATERIALIZED (SELECT rowid AS id, norm FROM statements_fts "
        "WHERE statements_fts MATCH ? LIMIT ?) SELECT hits.id, hits.norm FROM hits"
    )
    if speaker_ids is not None or since is not None:
        sql += " JOIN statements st ON st.id = hits.id WHERE 1"
        if speaker_ids is not None:
            sql += f" AND st.speaker_id IN ({', '.join('?' for _ in speaker_ids) or 'NULL'})"
            params.extend(speaker_ids)
        if since is not None:
            sql += " AND coalesce(st.said_on, st.event_date, substr(st.created_at, 1, 10)) >= ?"
            params.append(since.isoformat())
    hits = db.execute(sql, params).fetchall()
    from math import log  # here, so the claim index section keeps to itself

    weights = {
        t: log(1 + (total - counts.get(t, 0) + 0.5) / (counts.get(t, 0) + 0.5))
        for t in set(tokens)
    }
    scored = sorted(
        (
            (sum(weights[t] for t in set(norm.split()) & weights.keys()), hit_id, norm)
            for hit_id, norm in hits
        ),
        key=lambda h: (-h[0], -h[1]),
    )[:limit]
    texts = dict(statement_texts_by_id(db, [hit_id for _, hit_id, _ in scored]))
    if with_tokens:
        return [(hit_id, texts[hit_id], norm) for _, hit_id, norm in scored if hit_id in texts]
    return [(hit_id, texts[hit_id]) for _, hit_id, _ in scored if hit_id in texts]
