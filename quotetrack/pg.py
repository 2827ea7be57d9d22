"""PostgreSQL behind the surface the store uses on sqlite-utils' ``Database``.

The store writes its SQL once, with ``?`` placeholders and SQL that both databases read; this
adapter turns placeholders into psycopg's, hands back ``lastrowid`` through ``RETURNING id``,
and raises the DB-API errors of the ``sqlite3`` module so that the store and the CLI catch one
family of errors whichever database is behind them. Where the two databases really differ
(full-text search, schema introspection, transactions) the store has a branch of its own.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from .errors import DatabaseError

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

URL_PREFIXES = ("postgresql://", "postgres://")
# Any key will do as long as every quotetrack writer uses the same one (see ``transaction``).
WRITE_LOCK_KEY = 0x71756F7465  # "quote"


def is_url(value: object) -> bool:
    return isinstance(value, str) and value.startswith(URL_PREFIXES)


def redact(url: str) -> str:
    """The URL without its password, fit for messages."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


class Cursor:
    """What ``execute`` returns: rows already fetched, plus rowcount and lastrowid."""

    def __init__(self, rows: list[tuple[Any, ...]], rowcount: int, lastrowid: int | None) -> None:
        self._rows = rows
        self.rowcount = rowcount
        self.lastrowid = lastrowid

    def fetchone(self) -> tuple[Any, ...] | None:
        return self._rows.pop(0) if self._rows else None

    def fetchall(self) -> list[tuple[Any, ...]]:
        rows, self._rows = self._rows, []
        return rows

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self.fetchall())


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


class PostgresDatabase:
    """One connection to a PostgreSQL record, in autocommit mode outside ``atomic()``."""

    is_postgres = True

    def __init__(self, url: str) -> None:
        if not _load_driver():
            raise DatabaseError("A PostgreSQL record needs the psycopg driver: pip install 'quotetrack[postgres]'.")
        self.url = url
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            reason = _first_line(exc).removeprefix("connection failed: ").rstrip(".")
            raise DatabaseError(f"Cannot reach the PostgreSQL record {redact(url)} ({reason}).") from None
        # SQLite hands back floats for numeric results (sum, avg, round); so does this connection.
        self.conn.adapters.register_loader("numeric", FloatLoader)
        self._id_tables: set[str] | None = None

    def tables_with_id(self) -> set[str]:
        """Tables whose rows have an ``id`` column, so an INSERT can return it."""
        if self._id_tables is None:
            rows = self.conn.execute(
                "SELECT table_name FROM information_schema.columns WHERE column_name = 'id' "
                "AND table_schema = current_schema()"
            ).fetchall()
            self._id_tables = {row[0] for row in rows}
        return self._id_tables

    def forget_tables(self) -> None:
        self._id_tables = None

    def _sql(self, sql: str) -> tuple[str, bool]:
        pg_sql = translate(sql)
        match = _INSERT_INTO.match(sql)
        if match and "RETURNING" not in sql.upper() and match.group(1) in self.tables_with_id():
            return pg_sql.rstrip().rstrip(";") + " RETURNING id", True
        return pg_sql, False

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> Cursor:
        pg_sql, returning = self._sql(sql)
        with _sqlite_errors():
            cursor = self.conn.execute(pg_sql, params or None, prepare=False)
            rows = cursor.fetchall() if cursor.description is not None else []
        lastrowid = None
        if returning:
            lastrowid = rows[0][0] if rows else None
            rows = []
        return Cursor(rows, cursor.rowcount, lastrowid)

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        with _sqlite_errors():
            with self.conn.cursor(row_factory=dict_row) as cursor:
                cursor.execute(translate(sql), params or None)
                rows = cursor.fetchall()
        yield from rows

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with _sqlite_errors():
            with self.conn.cursor() as cursor:
                cursor.executemany(translate(sql), rows)

    def stream(self, sql: str, batch: int) -> Iterator[list[tuple[Any, ...]]]:
        """Rows of a large read a batch at a time, through a server-side cursor."""
        with _sqlite_errors():
            with self.conn.transaction(), self.conn.cursor(name="quotetrack_stream") as cursor:
                cursor.execute(translate(sql))
                while rows := cursor.fetchmany(batch):
                    yield rows

    def copy_rows(self, table: str, columns: Sequence[str], rows: Iterator[Sequence[Any]]) -> None:
        """Bulk-load rows with COPY, many times faster than one INSERT a row."""
        with _sqlite_errors():
            with self.conn.cursor() as cursor:
                with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)

    def executescript(self, sql: str) -> None:
        with _sqlite_errors():
            self.conn.execute(sql)  # type: ignore[arg-type]
        self.forget_tables()

    @contextmanager
    def atomic(self) -> Iterator[PostgresDatabase]:
        """A transaction, or a savepoint inside one (psycopg nests them)."""
        with _sqlite_errors():
            with self.conn.transaction():
                yield self

    @property
    def in_transaction(self) -> bool:
        return self.conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE

    def rollback(self) -> None:
        self.conn.rollback()

    def close(self) -> None:
        self.conn.close()


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


@contextmanager
def _sqlite_errors() -> Iterator[None]:
    """psycopg's errors as the sqlite3 module's DB-API classes, with PostgreSQL's message."""
    try:
        yield
    except psycopg.IntegrityError as exc:
        raise sqlite3.IntegrityError(_first_line(exc)) from exc
    except psycopg.errors.LockNotAvailable as exc:
        raise sqlite3.OperationalError(f"locked: {_first_line(exc)}") from exc
    except (psycopg.OperationalError, psycopg.errors.SyntaxError, psycopg.errors.UndefinedObject,
            psycopg.errors.UndefinedTable, psycopg.errors.UndefinedColumn, psycopg.errors.UndefinedFunction) as exc:
        raise sqlite3.OperationalError(_first_line(exc)) from exc
    except psycopg.DatabaseError as exc:
        raise sqlite3.DatabaseError(_first_line(exc)) from exc
