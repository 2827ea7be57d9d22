"""Full-text search and the claim index: the queries, each answered by the backend's own index
(FTS5 on SQLite, tsvector columns under GIN indexes on PostgreSQL).

Which words to retrieve by and how to weigh them is the matcher's business (``claims``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .base import Database


def search(db: Database, query: str, limit: int = 20, *, syntax: bool = False) -> list[tuple[int, str, float]]:
    """Statements whose text, speaker or outlet hold every word of ``query``: (id, snippet, rank).

    ``syntax``: the query is FTS5 query syntax ("a phrase", AND, OR, NOT, prefix*); otherwise
    it is words, each found as written ("US-led", "ISIS's"), which that syntax would misread.
    """
    if not syntax:
        query = words_query(query)
        if not query:
            return []
    return db.search(query, limit)


def words_query(text: str) -> str:
    """Plain words as an FTS5 query that finds each of them: every word a quoted string (the
    index splits "US-led" into two words, found next to each other)."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in text.split() if any(c.isalnum() for c in word))


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


def claim_postings(db: Database, tokens: Sequence[str]) -> dict[str, list[int]]:
    """The statements whose claim tokens include each of ``tokens`` (ids, ascending)."""
    return db.claim_postings([t for t in tokens if t.isalnum()])


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
