"""Full-text search and the claim index: the queries, each answered by the backend's own index
(FTS5 on SQLite, tsvector columns under GIN indexes on PostgreSQL).

Which words to retrieve by and how to weigh them is the matcher's business (``claims``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .base import Database


def search(db: Database, query: str, limit: int = 20) -> list[tuple[int, str, float]]:
    """Statements whose text, speaker or outlet match an FTS5 query: (id, snippet, rank)."""
    return db.search(query, limit)


def ids_mentioning(db: Database, phrases: Sequence[str]) -> list[int]:
    """Statements whose text holds any of the phrases (as the full-text index tokenises them)."""
    wanted = [p for p in phrases if any(ch.isalnum() for ch in p)]
    return db.ids_mentioning(wanted) if wanted else []


def statements_sharing(
    db: Database, keys: Sequence[Sequence[str]], limit: int, below: int | None = None
) -> list[tuple[int, set[str]]]:
    """The latest statements (with an id under ``below``, if given) whose claim tokens include
    every token of a key: (id, tokens).

    Ranking is left to the caller, which weighs the shared tokens the same way a full rescan
    does; ordering by id keeps this an index walk rather than a scoring of every match.
    """
    keys = [key for key in keys if key]
    return db.statements_sharing(keys, limit, below) if keys else []


def claim_term_counts(db: Database, tokens: Sequence[str]) -> tuple[dict[str, int], int]:
    """How many statements hold each claim token (in the ``norm`` column), and how many are
    indexed: the word weights ``match.rank`` scores with. Looked up in the index itself."""
    return db.claim_term_counts(sorted({t for t in tokens if t.isalnum()}))


def claim_hits(
    db: Database, words: Sequence[str], *, limit: int, rows: int,
    speaker_ids: Sequence[int] | None = None, since: date | None = None,
) -> list[tuple[int, str]]:
    """Statements whose stored claim tokens hold any of ``words``: (id, tokens), at most
    ``rows`` (PostgreSQL, which ranks in its index, returns its best ``limit``)."""
    return db.claim_hits(words, limit=limit, rows=rows, speaker_ids=speaker_ids, since=since)
