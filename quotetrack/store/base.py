"""The one interface every store function takes as ``db``: quotetrack's own ``Database``.

Two implementations stand behind it: ``sqlite.SQLiteDatabase`` (sqlite-utils over sqlite3) and
``postgres.PostgresDatabase`` (psycopg). The store functions write their SQL once, with ``?``
placeholders and SQL both databases read; where the two really differ (full-text search, the
claim index, the catalog, bulk copy) the store calls a method of the implementation instead of
branching on which one it holds. Both raise quotetrack's own ``DatabaseError`` family, never
their driver's errors.

The opened object also carries what used to be module state: the editor whose changes these
are (``editor``) and the normaliser built from the record's terms (``normalizer``).
"""

from __future__ import annotations

import getpass
import os
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from ..errors import DatabaseError

if TYPE_CHECKING:
    from ..text.normalize import Normalizer

URL_PREFIXES = ("postgresql://", "postgres://")
Params = Sequence[Any] | dict[str, Any] | None
EDITOR_ENV_VAR = "QUOTETRACK_EDITOR"
# Long enough for a writer to wait out another's whole import rather than fail with "locked".
BUSY_TIMEOUT_SECONDS = 60.0


class Result:
    """What ``execute`` returns: the rows already fetched, with rowcount and lastrowid.

    Rows are read whole inside ``execute`` so that any error the database raises while
    reading them is one of quotetrack's, raised there, whichever backend it came from.
    """

    def __init__(self, rows: list[tuple[Any, ...]], rowcount: int, lastrowid: int | None) -> None:
        self._rows = rows
        self.rowcount = rowcount
        self.lastrowid = lastrowid

    def fetchone(self) -> Any:
        return self._rows.pop(0) if self._rows else None

    def fetchall(self) -> list[Any]:
        rows, self._rows = self._rows, []
        return rows

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())


@dataclass(frozen=True)
class Column:
    """A column as the database's catalog describes it (for copies and schema checks)."""

    table: str
    name: str
    type: str
    not_null: bool
    primary_key: bool
    # The database fills it (a generated tsvector, an ALWAYS identity): a copy leaves it out.
    derived: bool = False


class Database(ABC):
    """An open quotetrack record: a connection, the editor's name and the normaliser."""

    # The column that gives a statement's tags in the order they were given.
    TAG_ORDER: str
    # SQL aggregating a speaker's aliases (``alias`` of ``speaker_aliases``) into one string.
    ALIASES_AGG: str

    def __init__(self, location: str, editor: str | None = None) -> None:
        self.location = location  # where the record is, fit for messages (no password)
        self.editor = resolve_editor(editor)
        self._normalizer: Normalizer | None = None
        # Why this record may be read but not written (a read-only file, a newer schema), or None.
        self.read_only: str | None = None

    def refuse_writes(self) -> None:
        """Raise, with the reason, when the record is open for reading only."""
        if self.read_only is not None:
            raise DatabaseError(self.read_only)

    # --- what the opened record carries ---

    @property
    def normalizer(self) -> Normalizer:
        """The default terms plus the editors' own, built on first use and after terms change."""
        if self._normalizer is None:
            from ..text.normalize import default_normalizer
            from .terms import list_terms

            self._normalizer = default_normalizer().with_terms(list_terms(self))
        return self._normalizer

    def forget_normalizer(self) -> None:
        """The terms changed: the next use of ``normalizer`` builds it again."""
        self._normalizer = None

    # --- the connection ---

    @abstractmethod
    def execute(self, sql: str, params: Params = None) -> Result:
        """Run one statement (``?`` placeholders); a write inside ``atomic()`` joins it."""

    @abstractmethod
    def execute_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one write (``?`` placeholders) once for each row: one round trip, not one a row."""

    @abstractmethod
    def query(self, sql: str, params: Params = None) -> Iterator[dict[str, Any]]:
        """The rows of a read, as dicts keyed by column name."""

    @abstractmethod
    def atomic(self, wait: bool = True) -> AbstractContextManager[Database]:
        """One transaction that holds the record's write lock from its start; nested, a savepoint.

        Writes are serialised on both backends, so the read-then-write steps of the store (find
        or create a speaker, refuse a duplicate) need no other locking; readers never wait.
        ``wait=False``: raise ``DatabaseLocked`` at once when another command holds the lock
        (for upkeep a reading command may skip, such as grouping events again).
        """

    def others_version(self) -> object | None:
        """A token that changes when another connection commits to the record (None: this
        backend cannot tell, so every call must be taken as a change). What a long import checks
        between its batches before it trusts what it looked up in the last one."""
        return None

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- the schema ---

    @abstractmethod
    def schema_sql(self) -> str:
        """The schema as a reader sees it: tables, indexes and triggers, in creation order."""

    @abstractmethod
    def applied_migrations(self) -> list[str]:
        """Names of the migrations applied to this record, in the order they were applied."""

    @abstractmethod
    def columns(self) -> list[Column]:
        """Every column of the record's tables, table by table in creation order.

        Tables that are the backend's own machinery (migration records, FTS5 shadow tables,
        the claim index PostgreSQL derives) are left out.
        """

    @abstractmethod
    def parents(self, table: str) -> set[str]:
        """The tables ``table``'s foreign keys refer to."""

    # --- full-text search and the claim index ---

    @abstractmethod
    def search(self, query: str, limit: int) -> list[tuple[int, str, float]]:
        """Statements whose text, speaker or outlet match an FTS5-style query: (id, snippet, rank)."""

    @abstractmethod
    def ids_mentioning(self, phrases: Sequence[str]) -> list[int]:
        """Statements whose text holds any of the phrases (each holds a letter or digit)."""

    @abstractmethod
    def statements_sharing(self, keys: Sequence[Sequence[str]], limit: int,
                           below: int | None = None) -> list[tuple[int, set[str]]]:
        """The latest statements (with an id under ``below``, if given) whose claim tokens include
        every token of a key: (id, tokens)."""

    @abstractmethod
    def claim_postings(self, tokens: Sequence[str]) -> dict[str, list[int]]:
        """The statements whose claim tokens include each token (ids, ascending): what
        ``statements_sharing`` intersects, for a caller that asks about many keys of few tokens."""

    @abstractmethod
    def claim_term_counts(self, words: Sequence[str]) -> tuple[dict[str, int], int]:
        """How many statements hold each claim token, and how many statements are indexed."""

    @abstractmethod
    def claim_hits(
        self, words: Sequence[str], *, limit: int, rows: int, speaker_ids: Sequence[int] | None,
        since: date | None,
    ) -> list[tuple[int, str]]:
        """Statements whose claim tokens hold any of ``words``: (id, stored tokens).

        At most ``rows`` of them; a backend whose index ranks (PostgreSQL's ts_rank) returns
        its best ``limit`` instead. The matcher orders them.
        """

    # --- copying a whole record ---

    @abstractmethod
    def copy_order(self, columns: Sequence[str]) -> str:
        """The column a copy reads a table's rows in, so that they arrive in their order."""

    @abstractmethod
    def read_batches(self, sql: str, size: int) -> Iterator[list[tuple[Any, ...]]]:
        """The rows of a large read, ``size`` at a time."""

    @abstractmethod
    def write_rows(self, table: str, columns: Sequence[str], rows: Iterator[Sequence[Any]]) -> None:
        """Bulk-load rows into a table, ids and all."""

    @abstractmethod
    def bulk_load(self, tables: Mapping[str, Sequence[str]]) -> AbstractContextManager[None]:
        """Around ``write_rows`` of a copy: what the backend derives is rebuilt once at the end."""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def to_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def to_iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def resolve_editor(name: str | None) -> str | None:
    """The editor's name as given, else $QUOTETRACK_EDITOR, else the login name (None if none)."""
    if name and name.strip():
        return name.strip()
    try:
        return os.environ.get(EDITOR_ENV_VAR) or getpass.getuser()
    except Exception:  # getuser raises when no login name exists, e.g. in some containers
        return None


class Where:
    """The conditions of a WHERE clause, each with its parameters, in the order added."""

    def __init__(self) -> None:
        self.conditions: list[str] = []
        self.params: list[Any] = []

    def add_if(self, wanted: object, condition: str, *params: Any) -> None:
        """Add ``condition`` (its ``?`` filled by ``params``) when ``wanted`` is true."""
        if wanted:
            self.conditions.append(condition)
            self.params.extend(params)

    def __str__(self) -> str:
        return " WHERE " + " AND ".join(self.conditions) if self.conditions else ""


def marks(values: Sequence[Any]) -> str:
    """The placeholders of an IN list; NULL for no values, which nothing is IN."""
    return ", ".join("?" for _ in values) or "NULL"


def statement_filters(where: Where, speaker_ids: Sequence[int] | None, since: date | None) -> None:
    """Conditions on ``st`` (statements): said by one of some speakers, on or after a day."""
    where.add_if(speaker_ids is not None, f"st.speaker_id IN ({marks(speaker_ids or [])})", *(speaker_ids or []))
    where.add_if(since is not None, "coalesce(st.said_on, st.event_date, substr(st.created_at, 1, 10)) >= ?",
                 since.isoformat() if since else None)


def is_url(value: object) -> bool:
    return isinstance(value, str) and value.startswith(URL_PREFIXES)


def redact(url: str) -> str:
    """The URL without its password, fit for messages."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


def foreign_database(location: str) -> str:
    """The sentence refusing a database that holds another application's tables."""
    return (
        f"{location} holds another application's tables, not a quotetrack record, and was left untouched; "
        f"to add quotetrack's tables to it on purpose, run `quotetrack db init --force --db {location}`."
    )


def newer_schema(location: str, names: Sequence[str]) -> str:
    """The sentence refusing a write to a record a newer quotetrack has migrated."""
    return (
        f"The record {location} was upgraded by a newer quotetrack (migration {', '.join(names)}), "
        "so this version only reads it; upgrade quotetrack to change it."
    )


def describe_error(detail: str, where: str | None = None) -> str:
    """An editor's sentence for what the database reported."""
    where = f" {where}" if where else ""
    if "not a database" in detail or "malformed" in detail:
        return f"The database{where} is not a readable quotetrack database ({detail})."
    if "readonly" in detail or "read-only" in detail:
        return f"The database{where} is read-only; check its permissions or choose another --db."
    if "disk" in detail and "full" in detail:
        return f"The disk is full; nothing was written to the database{where}."
    if "unable to open" in detail:
        return f"The database{where} cannot be opened; check the path and its permissions."
    if "locked" in detail or "busy" in detail:
        return f"The database{where} stayed locked by another program; try again."
    return f"Database error{where}: {detail}."
