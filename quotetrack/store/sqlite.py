"""The record in an SQLite file: the implementation of ``base.Database``.

Full-text search and the claim index are one FTS5 virtual table (``statements_fts``); the
migrations are sqlite-utils' (``migrations_sqlite``), loaded only when a record needs one, so
that a command on an up-to-date record does not pay for importing sqlite-utils.
"""

from __future__ import annotations

import os
import sqlite3
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import ConstraintViolation, DatabaseError, DatabaseLocked, InvalidInput
from . import base
from .base import Column, Database, Params, Result, Where, describe_error, statement_filters

_SQLITE_HEADER = b"SQLite format 3\x00"
# Where sqlite-utils records applied migrations, and the migrations this version ships, oldest
# first; tests/test_migrations.py checks this list against migrations_sqlite.
MIGRATIONS_TABLE = "_sqlite_migrations"
MIGRATION_SET = "quotetrack"
SHIPPED_MIGRATIONS = ("0001_init", "0002_events", "0003_speaker_keys", "0004_tags", "0006_scale")
_TERM_COUNTS = "temp.statements_fts_terms"
# Counting a word's statements walks its postings (about 25 ms a million). The counts of common
# words, which most queries hold, barely move: a connection keeps them until the record grows by
# 1%. Rare words are counted afresh every time; they cost little.
CACHED_COUNT_MIN = 10_000


def database_error(exc: sqlite3.Error, where: str | None = None) -> DatabaseError:
    """sqlite3's error as quotetrack's, with the sentence an editor sees."""
    detail = str(exc)
    message = describe_error(detail, where)
    if isinstance(exc, sqlite3.IntegrityError):
        return ConstraintViolation(message, detail)
    if "locked" in detail or "busy" in detail:
        return DatabaseLocked(message, detail)
    return DatabaseError(message, detail)


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as exc:
        raise database_error(exc) from exc


class SQLiteDatabase(Database):
    """One connection to a record in an SQLite file (WAL mode, foreign keys on)."""

    TAG_ORDER = "rowid"
    ALIASES_AGG = "group_concat(alias, ' ')"

    def __init__(self, path: Path, *, create_folder: bool = False, editor: str | None = None,
                 adopt: bool = False, must_exist: bool = False) -> None:
        """Open (creating if needed) the record at ``path`` and bring its schema up to date.

        ``create_folder``: the path is the default one, whose folder quotetrack makes itself;
        a path the user gave must be in a folder that exists. ``adopt``: add quotetrack's tables
        to another application's SQLite file (otherwise refused). ``must_exist``: the path must
        already hold a record (a copy's source), never created.
        """
        super().__init__(str(path), editor)
        if path.is_dir():
            raise DatabaseError(f"{path} is a directory; give --db a file path.")
        if path.exists():
            with open(path, "rb") as fh:
                head = fh.read(len(_SQLITE_HEADER))
            if head and head != _SQLITE_HEADER:
                raise DatabaseError(f"{path} is not a quotetrack database (not an SQLite file).")
        elif must_exist:
            raise DatabaseError(f"{path} does not exist; nothing was created.")
        elif create_folder:
            path.parent.mkdir(parents=True, exist_ok=True)
        elif not path.parent.exists():
            raise DatabaseError(f"The folder {path.parent} does not exist; create it or choose another --db.")
        # The word counts of common claim tokens: (indexed statements when counted, counts).
        self._common_counts: tuple[int, dict[str, int]] = (-1, {})
        self._applied: list[str] = []  # the migrations the file had when opened
        try:
            self.conn = self._connect(path)
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._check_owner(adopt, must_exist)
            if self.read_only is None:
                _while_locked(self._prepare)
        except sqlite3.DatabaseError as exc:
            raise database_error(exc, str(path)) from None

    def _connect(self, path: Path) -> sqlite3.Connection:
        """A connection; read-only when the file or its folder cannot be written (a read-only
        mount, a file shared read-only), so that reading it still works."""
        if not path.exists() or (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
            return sqlite3.connect(str(path), timeout=base.BUSY_TIMEOUT_SECONDS)
        self.read_only = f"The database {path} is read-only here (opened for reading only); nothing was written."
        uri = "file:" + urllib.parse.quote(str(path.resolve()))
        conn = sqlite3.connect(uri + "?mode=ro", uri=True, timeout=base.BUSY_TIMEOUT_SECONDS)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            # A WAL record whose -shm file cannot be made beside it (a read-only mount): read as
            # an immutable file, which nobody can be writing to there.
            conn.close()
            conn = sqlite3.connect(uri + "?immutable=1", uri=True, timeout=base.BUSY_TIMEOUT_SECONDS)
        return conn

    def _check_owner(self, adopt: bool, must_exist: bool) -> None:
        """Refuse another application's database, and writing to a newer quotetrack's record,
        before anything is written to the file (no tables, no switch to WAL)."""
        tables = self.conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        self._applied = applied = self.applied_migrations() if tables else []
        if tables and not applied and not adopt:
            raise DatabaseError(base.foreign_database(self.location))
        if must_exist and not applied:
            raise DatabaseError(f"{self.location} holds no quotetrack record; nothing was written to it.")
        newer = [name for name in applied if name not in SHIPPED_MIGRATIONS]
        if newer:
            self.read_only = base.newer_schema(self.location, newer)
            # SQLite itself then refuses any change to the file, whichever code path tries.
            self.conn.execute("PRAGMA query_only = ON")
        elif self.read_only is not None and not set(SHIPPED_MIGRATIONS) <= set(applied):
            raise DatabaseError(
                f"The database {self.location} is read-only here and was made by an older quotetrack; "
                "open it once where it can be written, to bring it up to date."
            )

    def _prepare(self) -> None:
        if self.conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        # As read by _check_owner: if another command migrated the file since, the migrations
        # (which look again under the write lock) find nothing left to apply.
        if not set(SHIPPED_MIGRATIONS) <= set(self._applied):
            import sqlite_utils

            from .migrations_sqlite import migrations

            with self._write_lock():
                migrations.apply(sqlite_utils.Database(self.conn))

    # --- the connection ---

    def execute(self, sql: str, params: Params = None) -> Result:
        # try/except rather than the _errors() context manager: this runs for every query, and
        # a context manager per call cost event grouping several percent.
        try:
            cursor = self.conn.execute(sql, params or ())
            rows = cursor.fetchall() if cursor.description is not None else []
        except sqlite3.Error as exc:
            raise self._error(exc) from exc
        return Result(rows, cursor.rowcount, cursor.lastrowid)

    def others_version(self) -> object | None:
        # SQLite's own counter: it moves when any other connection commits, never for this one.
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def execute_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        try:
            self.conn.executemany(sql, rows)
        except sqlite3.Error as exc:
            raise self._error(exc) from exc

    def _error(self, exc: sqlite3.Error) -> DatabaseError:
        """A write refused on a record open for reading only says why it is."""
        if self.read_only is not None and "readonly" in str(exc):
            return DatabaseError(self.read_only, str(exc))
        return database_error(exc)

    def query(self, sql: str, params: Params = None) -> Iterator[dict[str, Any]]:
        with _errors():
            cursor = self.conn.execute(sql, params or ())
            keys = [column[0] for column in cursor.description or ()]
            for row in cursor:
                yield dict(zip(keys, row, strict=True))

    @contextmanager
    def atomic(self, wait: bool = True) -> Iterator[SQLiteDatabase]:
        with _errors(), self._write_lock(wait):
            yield self

    @contextmanager
    def _write_lock(self, wait: bool = True) -> Iterator[None]:
        """BEGIN IMMEDIATE takes the write lock up front: a deferred transaction that reads and
        then writes fails with "database is locked" when another writer got in between, and the
        busy timeout cannot save it. Nested, a savepoint."""
        if self.conn.in_transaction:
            with self._savepoint():
                yield
            return
        self.refuse_writes()
        if wait:
            self.conn.execute("BEGIN IMMEDIATE")
        else:
            self.conn.execute("PRAGMA busy_timeout = 0")
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            finally:
                self.conn.execute(f"PRAGMA busy_timeout = {int(base.BUSY_TIMEOUT_SECONDS * 1000)}")
        try:
            yield
        except BaseException:
            self.conn.rollback()
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.rollback()
                raise

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        self.conn.execute("SAVEPOINT quotetrack")
        try:
            yield
        except BaseException:
            # A RAISE(ROLLBACK) trigger can end the whole transaction, savepoint included.
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK TO SAVEPOINT quotetrack")
                self.conn.execute("RELEASE SAVEPOINT quotetrack")
            raise
        else:
            self.conn.execute("RELEASE SAVEPOINT quotetrack")

    def close(self) -> None:
        self.conn.close()

    # --- the schema ---

    def schema_sql(self) -> str:
        rows = self.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'statements_fts_%' ORDER BY rowid"
        ).fetchall()
        return "".join(f"{sql.strip()};\n\n" for (sql,) in rows).rstrip("\n") + "\n"

    def applied_migrations(self) -> list[str]:
        if not self.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [MIGRATIONS_TABLE]).fetchone():
            return []
        return [row[0] for row in self.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid", [MIGRATION_SET]
        ).fetchall()]

    def columns(self) -> list[Column]:
        rows = self.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY rowid"
        ).fetchall()
        virtual = {name for name, sql in rows if sql.upper().startswith("CREATE VIRTUAL")}
        out: list[Column] = []
        # FTS5 keeps its index in shadow tables named after the virtual table; its rows are
        # reached through the virtual table itself, with the rowid that ties each to its statement.
        for table in [name for name, _ in rows if not any(name.startswith(v + "_") for v in virtual)]:
            if table in virtual:
                out.append(Column(table, "rowid", "INTEGER", True, True))
            for _, name, type_, not_null, _default, pk in self.execute(f"PRAGMA table_info([{table}])").fetchall():
                out.append(Column(table, name, type_, bool(not_null), bool(pk)))
        return out

    def parents(self, table: str) -> set[str]:
        return {row[2] for row in self.execute(f"PRAGMA foreign_key_list([{table}])").fetchall()}

    # --- full-text search and the claim index (FTS5) ---

    def search(self, query: str, limit: int) -> list[tuple[int, str, float]]:
        # The norm column holds matching tokens, not words an editor typed: search the other three.
        try:
            rows = self.conn.execute(
                "SELECT rowid, snippet(statements_fts, -1, char(2), char(3), '…', 24), rank "
                "FROM statements_fts WHERE statements_fts MATCH ? AND rank MATCH 'bm25(1.0, 0.5, 0.3, 0.0)' "
                "ORDER BY rank LIMIT ?",
                ["{text speaker outlet} : (" + query + ")", limit],
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise InvalidInput(
                f"The search {query!r} is not a valid full-text query ({exc}); put phrases in double "
                "quotes and use AND, OR, NOT in capitals."
            ) from None
        except sqlite3.Error as exc:
            raise database_error(exc) from exc
        return [(row[0], row[1], row[2]) for row in rows]

    def ids_mentioning(self, phrases: Sequence[str]) -> list[int]:
        quoted = ['"' + p.replace('"', '""') + '"' for p in phrases]
        rows = self.execute(
            "SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?",
            ["{text} : (" + " OR ".join(quoted) + ")"],
        ).fetchall()
        return [row[0] for row in rows]

    def statements_sharing(self, keys: Sequence[Sequence[str]], limit: int,
                           below: int | None = None) -> list[tuple[int, set[str]]]:
        groups = [" AND ".join('"' + t + '"' for t in key) for key in keys]
        rows = self.execute(
            "SELECT rowid, norm FROM statements_fts WHERE statements_fts MATCH ? AND rowid < ? "
            "ORDER BY rowid DESC LIMIT ?",
            ["{norm} : (" + " OR ".join(f"({g})" for g in groups) + ")",
             below if below is not None else 2**62, limit],
        ).fetchall()
        return [(row[0], set(row[1].split())) for row in rows]

    def claim_postings(self, tokens: Sequence[str]) -> dict[str, list[int]]:
        return {token: [row[0] for row in self.execute(
            "SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? ORDER BY rowid",
            ['{norm} : "' + token + '"']).fetchall()] for token in tokens}

    def claim_term_counts(self, words: Sequence[str]) -> tuple[dict[str, int], int]:
        # Statement ids only grow, so the highest is a fast stand-in for the count (no scan).
        total = int(self.execute("SELECT max(rowid) FROM statements").fetchone()[0] or 0)
        cached_total, cache = self._common_counts
        if not cached_total <= total <= cached_total * 1.01:
            cache = {}
            self._common_counts = (total, cache)
        counts = {w: cache[w] for w in words if w in cache}
        missing = [w for w in words if w not in cache]
        # fts5vocab reads the index's own term list; a temp table per connection, created once.
        self.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {_TERM_COUNTS} "
            "USING fts5vocab(main, 'statements_fts', 'col')"
        )
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            rows = self.execute(
                f"SELECT term, doc FROM {_TERM_COUNTS} WHERE col = 'norm' "
                f"AND term IN ({', '.join('?' for _ in chunk)})",
                chunk,
            ).fetchall()
            for term, docs in rows:
                counts[term] = docs
                if docs >= CACHED_COUNT_MIN:
                    cache[term] = docs
        return counts, total

    def claim_hits(
        self, words: Sequence[str], *, limit: int, rows: int, speaker_ids: Sequence[int] | None,
        since: date | None,
    ) -> list[tuple[int, str]]:
        # The FTS5 hits are found on their own first: joined in one query, SQLite may walk the
        # statements table and probe the index once per statement.
        sql = (
            "WITH hits AS MATERIALIZED (SELECT rowid AS id, norm FROM statements_fts "
            "WHERE statements_fts MATCH ? LIMIT ?) SELECT hits.id, hits.norm FROM hits"
        )
        where = Where()
        statement_filters(where, speaker_ids, since)
        if where.conditions:
            sql += f" JOIN statements st ON st.id = hits.id{where}"
        params = ["{norm} : (" + " OR ".join(words) + ")", rows, *where.params]
        return [(row[0], row[1]) for row in self.execute(sql, params).fetchall()]

    # --- copying a whole record ---

    def copy_order(self, columns: Sequence[str]) -> str:
        return "rowid"

    def read_batches(self, sql: str, size: int) -> Iterator[list[tuple[Any, ...]]]:
        with _errors():
            cursor = self.conn.execute(sql)
            while batch := cursor.fetchmany(size):
                yield batch

    def write_rows(self, table: str, columns: Sequence[str], rows: Iterator[Sequence[Any]]) -> None:
        insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
        with _errors():
            self.conn.executemany(insert, rows)

    @contextmanager
    def bulk_load(self, tables: Mapping[str, Sequence[str]]) -> Iterator[None]:
        yield  # FTS5 indexes each row as it arrives; nothing to rebuild


def _while_locked(step: Callable[[], None]) -> None:
    """Run ``step``, again while another process holds the lock it needs, up to the busy timeout.

    Switching a new file to WAL needs the database to itself, and SQLite answers "locked" at once
    rather than waiting when another process is opening the same new file.
    """
    deadline = time.monotonic() + base.BUSY_TIMEOUT_SECONDS
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            message = str(exc)
            if ("locked" not in message and "busy" not in message) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
