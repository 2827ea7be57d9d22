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

import os
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import combinations
from math import log

from . import store
from .conflicts import Verdict, compare
from .models import Statement
from .store import Database
from .text import Normalizer

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
    # Each token's weight once; summed in ``mine``'s order, so ties rank the same every time.
    rarity = [(t, log((total + 1) / (doc_freq.get(t, 0) + 1))) for t in mine]
    keys = set(mine)
    need = min(2, len(mine))
    weights: dict[int, float] = {}
    for other, tokens in candidates:
        shared = keys & tokens
        if len(shared) >= need:
            weights[other] = sum(w for t, w in rarity if t in shared)
    return [-negated for _, negated in sorted((-w, -i) for i, w in weights.items())[:CANDIDATES]]


def detect(db: Database, statement_ids: Iterable[int], normalizer: Normalizer) -> ScanResult:
    """Compare new statements with their candidates; call inside the transaction that added them."""
    result = ScanResult()
    statements = store.get_statements(db, list(statement_ids))
    token_sets = {s.id: normalizer.token_set(s.text) for s in statements}
    doc_freq, total = store.claim_term_counts(db, sorted(set().union(*token_sets.values())))
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
    """Every statement against its older candidates; open conflicts no longer found are dropped.

    The comparisons, nearly all of the work, are shared among the machine's cores (forked
    workers that only read); the conflicts found are written here, in one transaction.
    """
    result = ScanResult()
    kept: set[int] = set()
    statements = _all_statements(db)
    # The claim index already holds every statement's tokens: reading them beats recomputing.
    stored = store.claim_tokens(db)
    token_sets = [set(norm.split()) if (norm := stored.get(s.id or 0)) is not None
                  else normalizer.token_set(s.text) for s in statements]
    doc_freq: Counter[str] = Counter()
    for tokens in token_sets:
        doc_freq.update(tokens)
    total = len(statements)
    keys = [distinctive(tokens, doc_freq, total) for tokens in token_sets]
    postings: dict[str, list[int]] = {}
    for index, mine in enumerate(keys):
        for token in mine:
            postings.setdefault(token, []).append(index)
    scan = _Scan(statements, token_sets, keys, postings, doc_freq, total, normalizer)
    chunks = [range(start, min(start + SCAN_CHUNK, total)) for start in range(0, total, SCAN_CHUNK)]
    done = 0
    with store.transaction(db):
        for chunk, (compared, found) in zip(chunks, _map_chunks(scan, chunks), strict=True):
            result.compared += compared
            for index, other_index, verdict in found:
                kept.add(_keep(db, statements[index], statements[other_index], verdict, result))
            done += len(chunk)
            if progress:
                progress(done, total)
        result.dropped = store.drop_open_conflicts(db, kept)
    if progress:
        progress(total, total)
    return result


# Statements a worker takes at a time in a rescan, and the fewest worth starting workers for.
SCAN_CHUNK = 500
PARALLEL_FROM = 2000


@dataclass
class _Scan:
    """What a rescan's workers read: built before they fork, never written by them."""

    statements: list[Statement]
    token_sets: list[set[str]]
    keys: list[list[str]]  # each statement's distinctive tokens
    postings: dict[str, list[int]]  # token -> indexes of the statements keyed by it, ascending
    doc_freq: Counter[str]
    total: int
    normalizer: Normalizer

    def candidates(self, index: int) -> list[int]:
        """The older statements worth comparing with statement ``index``: the latest
        POSTINGS_CAP holding each of its distinctive tokens, ranked by ``_best``."""
        mine = self.keys[index]
        shared: Counter[int] = Counter()
        for token in mine:
            held = self.postings[token]
            end = bisect_left(held, index)
            shared.update(held[max(0, end - POSTINGS_CAP):end])
        need = min(2, len(mine))
        return _best(mine, ((i, self.token_sets[i]) for i, n in shared.items() if n >= need),
                     self.doc_freq, self.total)

    def judge(self, chunk: range) -> tuple[int, list[tuple[int, int, Verdict]]]:
        compared = 0
        found = []
        for index in chunk:
            for other_index in self.candidates(index):
                compared += 1
                verdict = _judge(self.statements[index], self.statements[other_index], self.normalizer)
                if verdict.relation == "conflict":
                    found.append((index, other_index, verdict))
        return compared, found


# The scan a forked worker inherits; set only while its pool runs.
_inherited: _Scan | None = None


def _judge_inherited(chunk: range) -> tuple[int, list[tuple[int, int, Verdict]]]:
    assert _inherited is not None
    return _inherited.judge(chunk)


def _map_chunks(scan: _Scan, chunks: list[range]) -> Iterator[tuple[int, list[tuple[int, int, Verdict]]]]:
    """Each chunk judged, in order: by forked workers when there are cores and work enough."""
    import multiprocessing  # here: adding one statement never forks, and should not pay for it

    global _inherited
    workers = min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1,
                  len(chunks))
    if workers < 2 or scan.total < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(scan.judge, chunks)
        return
    _inherited = scan
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_judge_inherited, chunks)
    finally:
        _inherited = None


def _all_statements(db: Database, batch: int = 2000) -> list[Statement]:
    ids = [statement_id for statement_id, _ in store.statement_texts(db)]
    statements: list[Statement] = []
    for start in range(0, len(ids), batch):
        statements.extend(store.get_statements(db, ids[start:start + batch]))
    return statements
