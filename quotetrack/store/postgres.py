"""The record on a PostgreSQL server, through psycopg: the implementation of ``base.Database``.

The store's SQL is written once with ``?`` placeholders; this class turns them into psycopg's
and hands back ``lastrowid`` through ``RETURNING id``. Full-text search is tsvector columns
under GIN indexes, the claim index a narrow table a trigger keeps (``migrations_postgres``).
psycopg's errors become quotetrack's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from functools import lru_cache
from typing import Any

from ..errors import ConstraintViolation, DatabaseError, DatabaseLocked, InvalidInput
from . import base, migrations_postgres
from .base import Column, Database, Params, Result, Where, describe_error, redact, statement_filters

# The driver loads with the first PostgreSQL connection: a SQLite-only command (most of them)
# should not pay for importing it.
psycopg: Any = None
dict_row: Any = None
FloatLoader: Any = None


def _load_driver() -> bool:
    """Import psycopg once; False when the optional extra quotetrack[postgres] is missing."""
    global psycopg, dict_row, FloatLoader
    if psycopg is None:
        try:
            import psycopg as driver
            from psycopg.rows import dict_row as rows
            from psycopg.types.numeric import FloatLoader as floats
        except ImportError:
            return False
        psycopg, dict_row, FloatLoader = driver, rows, floats
    return True


# Any key will do as long as every quotetrack writer uses the same one (see ``atomic``). Advisory
# locks belong to the whole database: the key is mixed with the schema's name, so that records in
# two schemas of one database (as the tests keep theirs) do not wait on each other's writers.
WRITE_LOCK_KEY = 0x71756F7465  # "quote"
WRITE_LOCK = "hashtextextended(current_schema(), %s)"
# Derived from other tables by the database itself; rebuilt after a copy rather than copied.
DERIVED_TABLES = {"claim_index", "claim_terms"}


@lru_cache(maxsize=1024)
def translate(sql: str) -> str:
    """``?`` placeholders to ``%s`` (and a literal ``%`` to ``%%``), outside quoted strings."""
    out = []
    quote: str | None = None
    for ch in sql:
        if quote:
            if ch == quote:
                quote = None
        elif ch in ("'", '"'):
            quote = ch
        elif ch == "?":
            out.append("%s")
            continue
        if ch == "%":
            out.append("%%")
            continue
        out.append(ch)
    return "".join(out)


_INSERT_INTO = re.compile(r"^\s*INSERT\s+INTO\s+(\w+)", re.IGNORECASE)


class PostgresDatabase(Database):
    """One connection to a PostgreSQL record, in autocommit mode outside ``atomic()``."""

    TAG_ORDER = "seq"
    ALIASES_AGG = "string_agg(alias, ' ' ORDER BY id)"

    def __init__(self, url: str, editor: str | None = None, *, adopt: bool = False, must_exist: bool = False) -> None:
        """Connect and bring the schema up to date (``adopt``, ``must_exist``: see SQLite's)."""
        super().__init__(redact(url), editor)
        if not _load_driver():
            raise DatabaseError("A PostgreSQL record needs the psycopg driver: pip install 'quotetrack[postgres]'.")
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            reason = _first_line(exc).removeprefix("connection failed: ").rstrip(".")
            raise DatabaseError(f"Cannot reach the PostgreSQL record {self.location} ({reason}).") from None
        # SQLite hands back floats for numeric results (sum, avg, round); so does this connection.
        self.conn.adapters.register_loader("numeric", FloatLoader)
        self._id_tables: set[str] | None = None
        try:
            self._check_owner(adopt, must_exist)
            # Looked at without a lock, so that opening an up-to-date record never waits on a
            # writer; migrated under the write lock of atomic(), looked at again there, so that
            # two quotetracks opening a new database at once do not both create the schema.
            if self.read_only is None and migrations_postgres.pending(self.conn, create=False):
                with self.atomic(), _errors():
                    todo = migrations_postgres.pending(self.conn)
                    migrations_postgres.apply(self.conn, todo, self._executescript)
        except DatabaseError as exc:
            raise type(exc)(describe_error(exc.detail, self.location), exc.detail) from None

    def _check_owner(self, adopt: bool, must_exist: bool) -> None:
        """Refuse a schema holding another application's tables, and writing to a newer
        quotetrack's record, before anything is written."""
        with _errors():
            tables = {r[0] for r in self.conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            ).fetchall()}
            applied = migrations_postgres.applied(self.conn, create=False)
        if tables - {migrations_postgres.MIGRATIONS_TABLE} and not applied and not adopt:
            raise DatabaseError(base.foreign_database(self.location))
        if must_exist and not applied:
            raise DatabaseError(f"{self.location} holds no quotetrack record; nothing was written to it.")
        known = {name for name, _ in migrations_postgres.MIGRATIONS}
        newer = [name for name in applied if name not in known]
        if newer:
            self.read_only = base.newer_schema(self.location, newer)
            # The server itself then refuses any change, whichever code path tries.
            with _errors():
                self.conn.execute("SET default_transaction_read_only = on")

    def _tables_with_id(self) -> set[str]:
        """Tables whose rows have an ``id`` column, so an INSERT can return it."""
        if self._id_tables is None:
            rows = self.conn.execute(
                "SELECT table_name FROM information_schema.columns WHERE column_name = 'id' "
                "AND table_schema = current_schema()"
            ).fetchall()
            self._id_tables = {row[0] for row in rows}
        return self._id_tables

    def _sql(self, sql: str) -> tuple[str, bool]:
        pg_sql = translate(sql)
        match = _INSERT_INTO.match(sql)
        if match and "RETURNING" not in sql.upper() and match.group(1) in self._tables_with_id():
            return pg_sql.rstrip().rstrip(";") + " RETURNING id", True
        return pg_sql, False

    def _executescript(self, sql: str) -> None:
        with _errors():
            self.conn.execute(sql)
        self._id_tables = None

    # --- the connection ---

    def execute(self, sql: str, params: Params = None) -> Result:
        pg_sql, returning = self._sql(sql)
        with _errors():
            cursor = self.conn.execute(pg_sql, params or None, prepare=False)
            rows = cursor.fetchall() if cursor.description is not None else []
        lastrowid = None
        if returning:
            lastrowid = rows[0][0] if rows else None
            rows = []
        return Result(rows, cursor.rowcount, lastrowid)

    def execute_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with _errors():
            with self.conn.cursor() as cursor:
                cursor.executemany(translate(sql), list(rows))

    def query(self, sql: str, params: Params = None) -> Iterator[dict[str, Any]]:
        with _errors():
            with self.conn.cursor(row_factory=dict_row) as cursor:
                cursor.execute(translate(sql), params or None)
                rows = cursor.fetchall()
        yield from rows

    @contextmanager
    def atomic(self, wait: bool = True) -> Iterator[PostgresDatabase]:
        """A transaction (psycopg nests them as savepoints). The outermost first takes one
        transaction-level advisory lock that every quotetrack writer takes: writes are then
        serialised as they are on SQLite, and readers never wait."""
        outermost = self.conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
        if outermost:
            self.refuse_writes()
        with _errors(), self.conn.transaction():
            if outermost and wait:
                self.conn.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})", [WRITE_LOCK_KEY])
            elif outermost and not self.conn.execute(f"SELECT pg_try_advisory_xact_lock({WRITE_LOCK})",
                                                     [WRITE_LOCK_KEY]).fetchone()[0]:
                raise DatabaseLocked(describe_error("locked", self.location), "locked")
            yield self

    def close(self) -> None:
        self.conn.close()

    # --- the schema ---

    def schema_sql(self) -> str:
        """Tables with their columns and constraints, then indexes and triggers, from the catalog."""
        parts = []
        for table in self._tables():
            identities = {"a": " GENERATED ALWAYS AS IDENTITY", "d": " GENERATED BY DEFAULT AS IDENTITY"}
            lines = [
                f"    {name} {kind}" + (f" GENERATED ALWAYS AS ({expr}) STORED" if generated == "s" else "")
                + (f" DEFAULT {expr}" if expr and generated != "s" else "")
                + identities.get(identity, "")
                + (" NOT NULL" if not_null else "")
                for name, kind, not_null, generated, expr, identity in self.execute(
                    "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attgenerated, "
                    "pg_get_expr(d.adbin, d.adrelid), a.attidentity "
                    "FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                    "WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
                    [table],
                ).fetchall()
            ]
            lines += [f"    {definition}" for (definition,) in self.execute(
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = ?::regclass "
                "ORDER BY contype, conname", [table],
            ).fetchall()]
            parts.append(f"CREATE TABLE {table} (\n" + ",\n".join(lines) + "\n)")
            parts += [r[0] for r in self.execute(
                "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ? "
                "AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = ?::regclass) "
                "ORDER BY indexname", [table, table],
            ).fetchall()]
            parts += [r[0] for r in self.execute(
                "SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = ?::regclass AND NOT tgisinternal "
                "ORDER BY tgname", [table],
            ).fetchall()]
        # Index and trigger definitions name the schema; the schema as a reader sees it does not.
        schema = self.execute("SELECT current_schema()").fetchone()[0] + "."
        return "".join(f"{sql.strip().replace(schema, '')};\n\n" for sql in parts).rstrip("\n") + "\n"

    def _tables(self) -> list[str]:
        return [r[0] for r in self.execute(
            "SELECT c.relname FROM pg_class c WHERE c.relkind = 'r' "
            "AND c.relnamespace = current_schema()::regnamespace AND c.relname NOT LIKE '\\_%' ORDER BY c.oid"
        ).fetchall()]

    def applied_migrations(self) -> list[str]:
        with _errors():
            return migrations_postgres.applied(self.conn, create=False)

    def columns(self) -> list[Column]:
        out: list[Column] = []
        for table in self._tables():
            if table in DERIVED_TABLES:
                continue
            keys = {r[0] for r in self.execute(
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
                "AND a.attnum = ANY (i.indkey) WHERE i.indrelid = ?::regclass AND i.indisprimary", [table],
            ).fetchall()}
            # Generated columns (the tsvectors) and ALWAYS identities (tag order) are the database's own.
            out += [Column(table, name, type_, nullable == "NO", name in keys,
                           generated != "NEVER" or identity == "ALWAYS")
                    for name, type_, nullable, generated, identity in self.execute(
                        "SELECT column_name, data_type, is_nullable, is_generated, identity_generation "
                        "FROM information_schema.columns WHERE table_schema = current_schema() "
                        "AND table_name = ? ORDER BY ordinal_position", [table],
                    ).fetchall()]
        return out

    def parents(self, table: str) -> set[str]:
        return {r[0] for r in self.execute(
            "SELECT confrelid::regclass::text FROM pg_constraint WHERE conrelid = ?::regclass AND contype = 'f'",
            [table],
        ).fetchall()}

    # --- full-text search and the claim index (tsvector columns under GIN indexes) ---

    def search(self, query: str, limit: int) -> list[tuple[int, str, float]]:
        """The same query syntax as FTS5's, read into a tsquery over the GIN index."""
        try:
            words = tsquery_from_fts5(query)
        except ValueError as exc:
            raise InvalidInput(
                f"The search {query!r} is not a valid full-text query ({exc}); put phrases in double "
                "quotes and use AND, OR, NOT in capitals."
            ) from None
        if not words:
            return []
        rows = self.execute(
            "SELECT rowid, ts_headline('quotetrack', text, q, 'StartSel=' || chr(2) || ', StopSel=' || chr(3) "
            "|| ', MaxWords=24, MinWords=12, HighlightAll=false'), -ts_rank('{0.2, 0.3, 0.5, 1.0}', document, q) "
            "AS rank FROM statements_fts, to_tsquery('quotetrack', ?) q WHERE document @@ q "
            "ORDER BY rank, rowid LIMIT ?",
            [words, limit],
        ).fetchall()
        return [(row[0], row[1], row[2]) for row in rows]

    def ids_mentioning(self, phrases: Sequence[str]) -> list[int]:
        rows = self.execute(
            "SELECT rowid FROM statements_fts WHERE text_tsv @@ ("
            + " || ".join("phraseto_tsquery('quotetrack', ?)" for _ in phrases) + ")",
            list(phrases),
        ).fetchall()
        return [row[0] for row in rows]

    def statements_sharing(self, keys: Sequence[Sequence[str]], limit: int,
                           below: int | None = None) -> list[tuple[int, set[str]]]:
        query = " || ".join("plainto_tsquery('simple', ?)" for _ in keys)
        rows = self.execute(
            "SELECT f.rowid, f.norm FROM statements_fts f WHERE f.rowid IN (SELECT c.rowid FROM claim_index c, "
            f"(SELECT {query}) AS q(q) WHERE c.norm_tsv @@ q AND c.rowid < ? ORDER BY c.rowid DESC LIMIT ?) "
            "ORDER BY f.rowid DESC",
            [*(" ".join(key) for key in keys), below if below is not None else 2**62, limit],
        ).fetchall()
        return [(row[0], set(row[1].split())) for row in rows]

    def claim_postings(self, tokens: Sequence[str]) -> dict[str, list[int]]:
        return {token: [row[0] for row in self.execute(
            "SELECT rowid FROM claim_index WHERE norm_tsv @@ plainto_tsquery('simple', ?) ORDER BY rowid",
            [token]).fetchall()] for token in tokens}

    def claim_term_counts(self, words: Sequence[str]) -> tuple[dict[str, int], int]:
        """Read from claim_terms, which a trigger keeps current."""
        # Ids only grow: the highest is the count without a scan (as on SQLite).
        total = int(self.execute("SELECT coalesce(max(rowid), 0) FROM statements_fts").fetchone()[0])
        if not words:
            return {}, total
        rows = self.execute("SELECT term, n FROM claim_terms WHERE term = ANY (?) AND n > 0", [list(words)]).fetchall()
        return {term: int(n) for term, n in rows}, total

    def claim_hits(
        self, words: Sequence[str], *, limit: int, rows: int, speaker_ids: Sequence[int] | None,
        since: date | None,
    ) -> list[tuple[int, str]]:
        """The narrow claim_index under a GIN index, its best ``limit`` by ts_rank.

        The best are found in claim_index alone (joined to statements only to filter); their
        tokens are read afterwards, for those rows only.
        """
        where = Where()
        where.add_if(True, "c.norm_tsv @@ q")
        statement_filters(where, speaker_ids, since)
        hits = (
            "SELECT c.rowid, ts_rank(c.norm_tsv, q, 1) AS r FROM claim_index c"
            + (" JOIN statements st ON st.id = c.rowid" if len(where.conditions) > 1 else "")
            + f", to_tsquery('simple', ?) q{where} ORDER BY r DESC, c.rowid LIMIT ?"
        )
        params = [" | ".join(words), *where.params, limit]
        sql = (
            f"WITH hits AS MATERIALIZED ({hits}) SELECT f.rowid, f.norm "
            "FROM hits JOIN statements_fts f ON f.rowid = hits.rowid ORDER BY hits.r DESC, f.rowid"
        )
        return [(row[0], row[1]) for row in self.execute(sql, params).fetchall()]

    # --- copying a whole record ---

    def copy_order(self, columns: Sequence[str]) -> str:
        return next((c for c in ("seq", "id", "rowid") if c in columns), columns[0])

    def read_batches(self, sql: str, size: int) -> Iterator[list[tuple[Any, ...]]]:
        """Through a server-side cursor."""
        with _errors():
            with self.conn.transaction(), self.conn.cursor(name="quotetrack_stream") as cursor:
                cursor.execute(translate(sql))
                while rows := cursor.fetchmany(size):
                    yield rows

    def write_rows(self, table: str, columns: Sequence[str], rows: Iterator[Sequence[Any]]) -> None:
        """With COPY, many times faster than one INSERT a row."""
        with _errors():
            with self.conn.cursor() as cursor:
                with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)

    @contextmanager
    def bulk_load(self, tables: Mapping[str, Sequence[str]]) -> Iterator[None]:
        # One count of every claim token at the end beats a trigger firing for each row.
        self.execute("ALTER TABLE statements_fts DISABLE TRIGGER statements_fts_claims")
        yield
        self.execute("ALTER TABLE statements_fts ENABLE TRIGGER statements_fts_claims")
        self.execute("DELETE FROM claim_index")
        self.execute("INSERT INTO claim_index (rowid, norm_tsv) "
                     "SELECT rowid, to_tsvector('simple', norm) FROM statements_fts")
        self.execute("DELETE FROM claim_terms")
        self.execute("INSERT INTO claim_terms (term, n) SELECT word, ndoc FROM ts_stat("
                     "'SELECT norm_tsv FROM claim_index')")
        for table, columns in tables.items():
            if "id" in columns:
                # Identities go on from the highest copied id, not from 1.
                self.execute(
                    f"SELECT setval(pg_get_serial_sequence(?, 'id'), max(id)) FROM {table} "
                    "WHERE pg_get_serial_sequence(?, 'id') IS NOT NULL HAVING max(id) IS NOT NULL",
                    [table, table],
                )


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


@contextmanager
def _errors() -> Iterator[None]:
    """psycopg's errors as quotetrack's, with PostgreSQL's message."""
    try:
        yield
    except psycopg.IntegrityError as exc:
        detail = _first_line(exc)
        raise ConstraintViolation(describe_error(detail), detail) from exc
    except psycopg.errors.LockNotAvailable as exc:
        detail = f"locked: {_first_line(exc)}"
        raise DatabaseLocked(describe_error(detail), detail) from exc
    except psycopg.Error as exc:
        detail = _first_line(exc)
        raise DatabaseError(describe_error(detail), detail) from exc


def tsquery_from_fts5(query: str) -> str:
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
