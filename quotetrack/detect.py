"""Finding conflicts in the record: new statements against candidates from the index, or all.

The decision for a pair is ``conflicts.compare``; this module picks the pairs worth comparing
(the claim index's candidates, never every stored statement) and keeps what it finds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from . import store
from .conflicts import Verdict, compare
from .models import Statement
from .normalize import Normalizer

# How many stored statements, most alike first, each statement is compared with.
CANDIDATES = 25


@dataclass
class ScanResult:
    compared: int = 0
    found: int = 0
    created: int = 0
    dropped: int = 0


def _candidates(db: Database, statement: Statement, normalizer: Normalizer,
                older_only: bool) -> list[int]:
    assert statement.id is not None
    tokens = normalizer.tokens(statement.text)
    if not tokens:
        return []
    ids = [i for i, _ in store.claim_candidates(db, tokens, limit=CANDIDATES + 1) if i != statement.id]
    if older_only:
        ids = [i for i in ids if i < statement.id]
    return ids[:CANDIDATES]


def _judge(a: Statement, b: Statement, normalizer: Normalizer) -> Verdict:
    # Always older first, so a pair is stored and explained one way round.
    first, second = (a, b) if (a.id or 0) < (b.id or 0) else (b, a)
    return compare(first, second, normalizer=normalizer)


def _keep(db: Database, a: Statement, b: Statement, verdict: Verdict, result: ScanResult) -> int:
    assert a.id is not None and b.id is not None and verdict.type is not None
    first, second = (a, b) if a.id < b.id else (b, a)
    conflict_id, created = store.save_conflict(
        db, first.id, second.id, verdict.type, round(verdict.score, 3), verdict.evidence, verdict.caveats
    )
    result.found += 1
    result.created += created
    return conflict_id


def detect(db: Database, statement_ids: Iterable[int], normalizer: Normalizer) -> ScanResult:
    """Compare new statements with their candidates; call inside the transaction that added them."""
    result = ScanResult()
    for statement in store.get_statements(db, list(statement_ids)):
        others = store.get_statements(db, _candidates(db, statement, normalizer, older_only=False))
        for other in others:
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
    total = store.count_statements(db)
    done = 0
    with store.transaction(db):
        for batch in _batches(store.statement_texts(db), 500):
            statements = store.get_statements(db, [i for i, _ in batch])
            for statement in statements:
                ids = _candidates(db, statement, normalizer, older_only=True)
                for other in store.get_statements(db, ids):
                    result.compared += 1
                    verdict = _judge(statement, other, normalizer)
                    if verdict.relation == "conflict":
                        kept.add(_keep(db, statement, other, verdict, result))
            done += len(batch)
            if progress:
                progress(done, total)
        result.dropped = store.drop_open_conflicts(db, kept)
    return result


def _batches(items: Iterable[tuple[int, str]], size: int) -> Iterable[list[tuple[int, str]]]:
    batch: list[tuple[int, str]] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
