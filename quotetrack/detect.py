"""Finding conflicts in the record: new statements against candidates from the index, or all.

The decision for a pair is ``conflicts.compare``; this module picks the pairs worth comparing and
keeps what it finds. Two statements are worth comparing when they share at least two claim tokens
that are not commonplace in the record (a place and an actor, a person and an event): a
contradiction is about the same claim, and the same claim shares its particular words. The rule is
the same for a new statement (AND-pairs looked up in the full-text index) and for a full rescan
(an inverted index in memory), so both find the same pairs and neither compares a statement with
every other.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from math import log

from sqlite_utils import Database

from . import store
from .conflicts import Verdict, compare
from .models import Statement
from .normalize import Normalizer

# How many statements, most alike first, each statement is compared with.
CANDIDATES = 12
# A token held by more than this share of a large record says nothing about which claim it is.
COMMON_SHARE = 0.02
# ... but in a small record every token counts.
COMMON_FLOOR = 500
# In a full rescan, how many of the latest statements holding one token are looked at.
POSTINGS_CAP = 300
# The most distinctive tokens of a statement that make its key pairs.
KEY_TOKENS = 12


@dataclass
class ScanResult:
    compared: int = 0
    found: int = 0
    created: int = 0
    dropped: int = 0


def distinctive(tokens: Iterable[str], doc_freq: Mapping[str, int], total: int) -> list[str]:
    """A statement's tokens that can mark its claim, rarest first."""
    limit = max(COMMON_FLOOR, int(total * COMMON_SHARE))
    unique = {t for t in tokens if t.isalnum() and doc_freq.get(t, 0) <= limit}
    return sorted(unique, key=lambda t: (doc_freq.get(t, 0), t))[:KEY_TOKENS]


def _judge(a: Statement, b: Statement, normalizer: Normalizer) -> Verdict:
    # Always older first, so a pair is stored and explained one way round.
    first, second = (a, b) if (a.id or 0) < (b.id or 0) else (b, a)
    return compare(first, second, normalizer=normalizer)


def _keep(db: Database, a: Statement, b: Statement, verdict: Verdict, result: ScanResult) -> int:
    assert a.id is not None and b.id is not None and verdict.type is not None
    first_id, second_id = sorted((a.id, b.id))
    conflict_id, created = store.save_conflict(
        db, first_id, second_id, verdict.type, round(verdict.score, 3), verdict.evidence, verdict.caveats
    )
    result.found += 1
    result.created += created
    return conflict_id


def _best(mine: list[str], candidates: Iterable[tuple[int, set[str]]], doc_freq: Mapping[str, int],
          total: int) -> list[int]:
    """The candidates sharing the most distinctive weight with a statement's tokens, best first."""
    weights: dict[int, float] = {}
    for other, tokens in candidates:
        shared = [t for t in mine if t in tokens]
        if len(shared) >= min(2, len(mine)):
            weights[other] = sum(log((total + 1) / (doc_freq.get(t, 0) + 1)) for t in shared)
    return sorted(weights, key=lambda i: (-weights[i], -i))[:CANDIDATES]


def detect(db: Database, statement_ids: Iterable[int], normalizer: Normalizer) -> ScanResult:
    """Compare new statements with their candidates; call inside the transaction that added them."""
    result = ScanResult()
    statements = store.get_statements(db, list(statement_ids))
    token_sets = {s.id: normalizer.token_set(s.text) for s in statements}
    doc_freq, total = store.claim_term_counts(db, set().union(*token_sets.values()) if token_sets else ())
    for statement in statements:
        mine = distinctive(token_sets[statement.id], doc_freq, total)
        keys = list(combinations(mine, 2)) if len(mine) > 1 else [tuple(mine)]
        found = [c for c in store.statements_sharing(db, keys, POSTINGS_CAP) if c[0] != statement.id]
        for other in store.get_statements(db, _best(mine, found, doc_freq, total)):
            result.compared += 1
            verdict = _judge(statement, other, normalizer)
            if verdict.relation == "conflict":
                _keep(db, statement, other, verdict, result)
    return result


def rescan(db: Database, normalizer: Normalizer,
           progress: Callable[[int, int], None] | None = None) -> ScanResult:
    """Every statement against its older candidates; open conflicts no longer found are dropped."""
    result = ScanResult()
    kept: set[int] = set()
    statements = _all_statements(db)
    token_sets = [normalizer.token_set(s.text) for s in statements]
    doc_freq: Counter[str] = Counter()
    for tokens in token_sets:
        doc_freq.update(tokens)
    total = len(statements)
    postings: dict[str, list[int]] = {}
    with store.transaction(db):
        for index, (statement, tokens) in enumerate(zip(statements, token_sets, strict=True)):
            mine = distinctive(tokens, doc_freq, total)
            shared: Counter[int] = Counter()
            for token in mine:
                shared.update(postings.setdefault(token, [])[-POSTINGS_CAP:])
            need = min(2, len(mine))
            best = _best(mine, ((i, token_sets[i]) for i, n in shared.items() if n >= need), doc_freq, total)
            for other_index in best:
                result.compared += 1
                verdict = _judge(statement, statements[other_index], normalizer)
                if verdict.relation == "conflict":
                    kept.add(_keep(db, statement, statements[other_index], verdict, result))
            for token in mine:
                postings[token].append(index)
            if progress and (index + 1) % 500 == 0:
                progress(index + 1, total)
        result.dropped = store.drop_open_conflicts(db, kept)
    if progress:
        progress(total, total)
    return result


def _all_statements(db: Database, batch: int = 2000) -> list[Statement]:
    ids = [statement_id for statement_id, _ in store.statement_texts(db)]
    statements: list[Statement] = []
    for start in range(0, len(ids), batch):
        statements.extend(store.get_statements(db, ids[start:start + batch]))
    return statements
