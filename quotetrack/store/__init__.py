"""All SQL lives here: the record on SQLite (sqlite-utils) or PostgreSQL (psycopg).

``open_record`` opens one and returns a ``Database`` (``base.py``), the one interface every
store function takes as ``db``; callers group writes with ``transaction(db)``. The functions
are grouped by what they store and all named here, so ``store.get_statement(db, 1)`` works.
"""

from __future__ import annotations

import os
from contextlib import AbstractContextManager
from pathlib import Path

from ..errors import StaleReview
from .base import (
    BUSY_TIMEOUT_SECONDS,
    Column,
    Database,
    Result,
    describe_error,
    is_url,
    now,
    redact,
    resolve_editor,
)
from .changes import list_changes, log_change
from .conflicts import (
    get_conflict,
    list_conflicts,
    restore_conflict,
    review_conflict,
    reviewed_pairs,
    save_conflict,
    settle_unfound,
    statements_dated,
    stored_pairs,
    timeline_conflicts,
)
from .copy import copy_record, count_rows, record_tables
from .events import (
    add_event_members,
    clear_auto_memberships,
    create_event,
    create_events,
    delete_event,
    delete_events,
    describe_events,
    event_articles,
    event_ids,
    event_memberships,
    event_pins,
    event_statement_ids,
    events_of_statements,
    get_event,
    grouping_is_current,
    list_events,
    place_statements,
    record_grouping,
    update_event,
)
from .search import claim_hits, claim_postings, claim_term_counts, ids_mentioning, search, statements_sharing
from .sources import (
    add_source_tags,
    article_text,
    articles,
    find_source,
    get_source,
    insert_source,
    outlets,
    set_article,
    source_by_article,
    source_tags,
)
from .speakers import (
    aliases_by_speaker,
    all_speakers,
    ensure_speaker_keys,
    get_speaker,
    insert_alias,
    insert_speaker,
    last_speaker_id,
    speaker_ids_in_source,
    speaker_keys_current,
    speaker_statement_counts,
    speakers_with_keys,
    update_speaker,
)
from .statements import (
    claim_index,
    claim_tokens,
    count_statements,
    delete_statement,
    extraction_details,
    extraction_details_many,
    find_duplicate,
    get_statement,
    get_statements,
    index_statement,
    insert_statement,
    list_statements,
    merge_speakers,
    reindex_speaker,
    set_norm,
    set_tags,
    statement_ids,
    statement_texts,
    statement_texts_by_id,
    update_statement,
)
from .terms import add_terms, list_terms

ENV_VAR = "QUOTETRACK_DB"


def default_db_path() -> Path:
    import typer

    return Path(typer.get_app_dir("quotetrack")) / "quotetrack.db"


def resolve_db_path(value: str | os.PathLike[str] | None = None) -> Path | str:
    """--db, else $QUOTETRACK_DB, else quotetrack.db in the user's application directory.

    A ``postgresql://`` URL is returned as it is: the record is then on a PostgreSQL server.
    """
    value = value or os.environ.get(ENV_VAR)
    if is_url(str(value)):
        return str(value)
    if value:
        return Path(value)
    return default_db_path()


def describe_location(value: str | os.PathLike[str] | None = None) -> str:
    """Where the record is, for printing: a file path, or the server URL without its password."""
    resolved = resolve_db_path(value)
    return redact(resolved) if isinstance(resolved, str) else str(resolved)


def open_record(
    url_or_path: str | os.PathLike[str] | None = None, editor: str | None = None, *,
    adopt: bool = False, must_exist: bool = False,
) -> Database:
    """Open (creating if needed) the record and bring its schema up to date.

    ``url_or_path``: an SQLite file, or a ``postgresql://`` URL; by default $QUOTETRACK_DB, else
    the user's own record. ``editor`` is who makes the changes (by default $QUOTETRACK_EDITOR,
    else the login name), kept with each of them in the change log.

    Only a quotetrack record or an empty database is opened: another application's database is
    refused untouched unless ``adopt`` (`db init --force`). ``must_exist``: the record must be
    there already (the source of a copy), never created. A record a newer quotetrack has
    migrated, or a file that cannot be written here, opens for reading only (``read_only`` says
    why; a write raises ``DatabaseError`` with that sentence).
    """
    location = resolve_db_path(url_or_path)
    if isinstance(location, str):
        from .postgres import PostgresDatabase

        return PostgresDatabase(location, editor, adopt=adopt, must_exist=must_exist)
    from .sqlite import SQLiteDatabase

    # The default record's folder is quotetrack's to make; a folder the user named must exist.
    default = url_or_path is None and not os.environ.get(ENV_VAR)
    return SQLiteDatabase(location, create_folder=default, editor=editor, adopt=adopt, must_exist=must_exist)


def transaction(db: Database, wait: bool = True) -> AbstractContextManager[Database]:
    """One atomic unit of writes, holding the record's write lock (see ``Database.atomic``)."""
    return db.atomic(wait)


def schema_sql(db: Database) -> str:
    """The schema as a reader sees it: every table, index and trigger, in creation order."""
    return db.schema_sql()


__all__ = [
    "BUSY_TIMEOUT_SECONDS", "ENV_VAR", "Column", "Database", "Result", "StaleReview",
    "add_event_members", "add_source_tags", "add_terms", "aliases_by_speaker", "all_speakers", "article_text",
    "articles",
    "claim_hits", "claim_index", "claim_postings", "claim_term_counts", "claim_tokens", "clear_auto_memberships",
    "copy_record", "count_rows", "count_statements", "create_event", "create_events", "default_db_path",
    "delete_event", "delete_events", "describe_events",
    "delete_statement", "describe_error", "describe_location", "ensure_speaker_keys", "event_ids",
    "event_articles", "event_memberships", "event_pins", "event_statement_ids", "events_of_statements",
    "extraction_details", "extraction_details_many", "find_duplicate", "find_source", "get_conflict",
    "get_event", "get_source", "get_speaker", "get_statement", "get_statements", "grouping_is_current",
    "ids_mentioning", "index_statement", "insert_alias", "insert_source", "insert_speaker", "last_speaker_id",
    "insert_statement", "list_changes", "list_conflicts", "list_events", "list_statements", "list_terms",
    "log_change", "merge_speakers", "now", "open_record", "outlets", "place_statements", "record_grouping",
    "record_tables", "reindex_speaker", "resolve_db_path", "resolve_editor", "restore_conflict",
    "review_conflict", "reviewed_pairs", "save_conflict", "schema_sql", "search", "set_article",
    "set_norm", "set_tags", "settle_unfound", "source_by_article", "source_tags", "speaker_ids_in_source",
    "speaker_keys_current", "speaker_statement_counts", "speakers_with_keys", "statement_ids", "statement_texts",
    "statements_dated", "stored_pairs", "timeline_conflicts",
    "statement_texts_by_id", "statements_sharing", "update_event", "update_speaker", "update_statement",
]
