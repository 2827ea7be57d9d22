"""Finding the stored statements that make the same claim: `match` for a text, `claims` for all.

Candidates come from the claim index in the store; ``match.rank`` scores only those.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from . import record, store
from .conflicts import CLAIM_TYPES, compare
from .errors import InvalidInput
from .match import DEFAULT_MIN_SCORE, Match, above_bar, rank, threshold_for
from .models import Statement
from .store import Database
from .text import Normalizer, stem, word_spans

# How many candidates the index hands the scorer for each query.
CANDIDATES = 200
# Statements scoring at least this against each other (and not in conflict) are one claim.
CLUSTER_SCORE = 55.0


@dataclass
class Found:
    statement: Statement
    match: Match
    spans: list[tuple[int, int]] = field(default_factory=list)  # matching words in the statement

    @property
    def weak(self) -> bool:
        """Shown only because a long query lowers the bar: under what a short claim must score."""
        return self.match.score < DEFAULT_MIN_SCORE

    def to_dict(self) -> dict[str, Any]:
        return self.statement.to_dict() | {"score": self.match.score, "matched": self.match.matched,
                                           "weak": self.weak}


def matching_spans(text: str, tokens: set[str], normalizer: Normalizer) -> list[tuple[int, int]]:
    """Where the words of ``text`` whose tokens are among ``tokens`` stand, for highlighting."""
    return [(m.start(), m.end()) for m in word_spans(text) if normalizer.token_set(m.group()) & tokens]


def match_text(
    db: Database, text: str, *, speaker: str | None = None, since: date | None = None,
    limit: int = 10, min_score: float | None = None,
) -> list[Found]:
    """Stored statements making the same claim as ``text``, best first. Without ``min_score``
    the bar is ``match.threshold_for`` the query's length: lower for a pasted paragraph."""
    text = record.clean_text(text, "The claim")
    normalizer = db.normalizer
    speaker_ids = None
    if speaker:
        found = record.find_speaker(db, speaker)
        speaker_ids = [found.id or 0]
    tokens = normalizer.tokens(text)
    query_words = len(set(tokens))
    doc_freq, total = store.claim_term_counts(db, tokens)
    parts = split_compounds(db, tokens, doc_freq)
    if parts:
        tokens += parts
        doc_freq.update(store.claim_term_counts(db, parts)[0])
    candidates = claim_candidates(db, tokens, limit=max(CANDIDATES, limit), with_tokens=True,
                                  speaker_ids=speaker_ids, since=since,
                                  term_counts=(doc_freq, total))
    if min_score is None:
        # Ranked with no bar, one more than asked: whether a weak first candidate stands out
        # depends on the runner-up.
        ranked = rank(text, candidates, normalizer=normalizer, limit=max(limit, 2), min_score=0,
                      doc_freq=doc_freq, total_docs=total, extra_tokens=parts)
        matches = above_bar(ranked, threshold_for(query_words), query_words, limit)
    else:
        matches = rank(text, candidates, normalizer=normalizer, limit=limit, min_score=min_score,
                       doc_freq=doc_freq, total_docs=total, extra_tokens=parts)
    statements = {s.id: s for s in store.get_statements(db, [m.id for m in matches])}
    wanted = set(tokens)
    return [Found(statements[m.id], m, matching_spans(statements[m.id].text, wanted, normalizer))
            for m in matches if m.id in statements]


# A run-together word is split only this long, into parts at least COMPOUND_PART long.
COMPOUND_MIN = 8
COMPOUND_PART = 4
# ... and only this short: two run-together words are rarely longer, and every split of a word
# is looked up, so a longer one would cost time in the square of its length (a 100,000-letter
# "word" took a minute).
COMPOUND_MAX = 40


def split_compounds(
    db: Database, tokens: list[str], counts: Mapping[str, int] | None = None
) -> list[str]:
    """The parts of query words the record never uses that run two of its words together
    ("cornflakes" where statements say "corn flakes", "#Fyrefestival"): the split whose rarer
    part is the most common, so that both parts are words the record knows. ``counts`` are the
    tokens' statement counts from ``store.claim_term_counts``, when the caller has them."""
    long_words = sorted({t for t in tokens if COMPOUND_MIN <= len(t) <= COMPOUND_MAX and t.isalpha()})
    if not long_words:
        return []
    if counts is None:
        counts = store.claim_term_counts(db, long_words)[0]
    unknown = [t for t in long_words if not counts.get(t)]
    # The token's end is stemmed already, its first part not: "fyrefestival" is "fyr" + "festival".
    options = {
        t: [(stem(t[:i]), t[i:]) for i in range(COMPOUND_PART, len(t) - COMPOUND_PART + 1)]
        for t in unknown
    }
    pieces = sorted({piece for pairs in options.values() for pair in pairs for piece in pair})
    if not pieces:
        return []
    known, _ = store.claim_term_counts(db, pieces)
    parts: list[str] = []
    for pairs in options.values():
        found = [(min(known.get(a, 0), known.get(b, 0)), a, b) for a, b in pairs]
        best = max(found)
        if best[0] > 0:
            parts += best[1:]
    return parts


def read_queries(path: Path) -> list[tuple[Any, str]]:
    """Claims to match: one a line, or JSON Lines with ``id`` and ``text``."""
    data = record.read_file(path, "a file of claims")
    queries: list[tuple[Any, str]] = []
    for number, line in enumerate(record.input_lines(record.decode_text(data, str(path))), 1):
        if not line.strip():
            continue
        if line.lstrip().startswith("{"):
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InvalidInput(f"{path} line {number} is not valid JSON ({exc.msg}).") from None
            if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"].strip():
                raise InvalidInput(f"{path} line {number} needs a non-empty text field 'text'.")
            queries.append((item.get("id", number), item["text"]))
        else:
            queries.append((number, line.strip()))
    if not queries:
        raise InvalidInput(f"{path} holds no claims to match.")
    return queries


@dataclass
class Cluster:
    statements: list[Statement] = field(default_factory=list)

    @property
    def first_seen(self) -> date | None:
        days = [d for d in map(_seen, self.statements) if d]
        return min(days) if days else None

    @property
    def last_seen(self) -> date | None:
        days = [d for d in map(_seen, self.statements) if d]
        return max(days) if days else None

    def to_dict(self) -> dict[str, Any]:
        speakers = sorted({s.speaker.name for s in self.statements})
        outlets = sorted({s.source.outlet for s in self.statements if s.source and s.source.outlet})
        return {
            "id": self.statements[0].id,
            "claim": self.statements[0].text,
            "count": len(self.statements),
            "speakers": speakers,
            "outlets": outlets,
            "first_seen": _iso(self.first_seen),
            "last_seen": _iso(self.last_seen),
            "statements": [s.to_dict() for s in self.statements],
        }


def _seen(statement: Statement) -> date | None:
    if statement.said_on:
        return statement.said_on
    if statement.source and statement.source.published:
        return statement.source.published
    return date.fromisoformat(statement.created_at[:10]) if statement.created_at else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


# Up to this many statements, a dossier's statements are all scored against each other for
# clustering; above it, each takes its candidates from the claim index (as `claims` does).
LOCAL_CLUSTERING = 400

def cluster_statements(
    db: Database, statements: list[Statement], progress: Callable[[int, int], None] | None = None,
) -> list[list[Statement]]:
    """Groups of these statements that make the same claim (and do not conflict), largest first.

    The matcher decides: ``match.rank`` at the claims threshold, ``conflicts.compare`` to keep
    contradicting statements apart. Only the given statements are grouped, so a story's dossier
    costs the same in a small record and a large one.
    """
    normalizer = db.normalizer
    ordered = sorted((s for s in statements if s.id is not None), key=lambda s: s.id or 0)
    by_id = {s.id: s for s in ordered}
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while parent.setdefault(i, i) != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    earlier: list[tuple[int, str]] = []
    local = len(ordered) <= LOCAL_CLUSTERING
    tokens_of = {} if local else {s.id: normalizer.tokens(s.text) for s in ordered}
    # Every statement's words counted in the index at once, not again for each statement.
    term_counts = None if local else store.claim_term_counts(db, sorted({t for ts in tokens_of.values() for t in ts}))
    for done, statement in enumerate(ordered, 1):
        sid = statement.id or 0
        candidates: Sequence[tuple[int, str] | tuple[int, str, str]]
        if local:
            candidates = earlier
        else:
            # With their stored tokens: ``rank`` reads again only the texts that reach the top.
            candidates = [(i, t, norm) for i, t, norm in claim_candidates(
                db, tokens_of[sid], with_tokens=True, term_counts=term_counts) if i in by_id and i < sid]
        for found in rank(statement.text, candidates, normalizer=normalizer, limit=30, min_score=CLUSTER_SCORE):
            if root(found.id) == root(sid):
                continue
            verdict = compare(by_id[found.id], statement, normalizer=normalizer)
            # The same words from two people (misattribution) are still one claim; a denial is not.
            if verdict.relation != "conflict" or verdict.type not in CLAIM_TYPES:
                parent[root(sid)] = root(found.id)
        earlier.append((sid, statement.text))
        if progress and (done % 50 == 0 or done == len(ordered)):
            progress(done, len(ordered))
    groups: dict[int, list[Statement]] = {}
    for statement in ordered:
        groups.setdefault(root(statement.id or 0), []).append(statement)
    found_groups = [g for g in groups.values() if len(g) >= 2]
    found_groups.sort(key=lambda g: (-len(g), g[0].id or 0))
    return found_groups


def clusters(
    db: Database, *, min_size: int = 2, progress: Callable[[int, int], None] | None = None,
) -> list[Cluster]:
    """Groups of stored statements making the same claim, largest first."""
    statements = [s for _, batch in _in_batches(db) for s in batch]
    groups = cluster_statements(db, statements, progress)
    return [Cluster(group) for group in groups if len(group) >= min_size]


def _in_batches(db: Database, size: int = 2000) -> Iterator[tuple[int, list[Statement]]]:
    ids = [statement_id for statement_id, _ in store.statement_texts(db)]
    for start in range(0, len(ids), size):
        yield start, store.get_statements(db, ids[start:start + size])


# --- retrieval: which stored statements the scorer sees for a query ---

# A query word held by more statements than this share of the record is too common to find
# candidates by (it would make the index score a large part of the record); the rarer words do it.
COMMON_TERM_SHARE = 0.02
# Rough budget of postings one candidate query may touch: keeps `match` fast at a million
# statements while every query word rarer than the budget still takes part.
POSTINGS_BUDGET = 5_000
# At most this many statements are read from the index for one query (their stored tokens only).
CANDIDATE_ROWS = 5_000


def candidate_terms(counts: Mapping[str, int], total: int, tokens: Sequence[str]) -> list[str]:
    """The query words worth retrieving by: rarest first, within the postings budget.

    The rarest word always takes part; a word held by more than ``COMMON_TERM_SHARE`` of the
    record only when nothing rarer is there. Words absent from the index cannot find anything.
    """
    present = sorted({t for t in tokens if counts.get(t)}, key=lambda t: (counts[t], t))
    if not present:
        return []
    common = max(int(total * COMMON_TERM_SHARE), 1000)
    chosen = [present[0]]
    spent = counts[present[0]]
    for term in present[1:]:
        if counts[term] > common or spent + counts[term] > POSTINGS_BUDGET:
            continue
        chosen.append(term)
        spent += counts[term]
    return chosen


def claim_candidates(
    db: Database,
    tokens: Sequence[str],
    *,
    limit: int = 200,
    speaker_ids: Sequence[int] | None = None,
    since: date | None = None,
    with_tokens: bool = False,
    term_counts: tuple[Mapping[str, int], int] | None = None,
) -> list[Any]:
    """Statements sharing claim tokens with the query, those sharing the most weight first:
    (id, text), or (id, text, stored claim tokens) with ``with_tokens``, which ``match.rank``
    scores without reading each text again.

    Only the query's rarer words go to the index (see ``candidate_terms``), so the cost follows
    how many statements hold those words, not the size of the record. The statements found (at
    most ``CANDIDATE_ROWS``) are put in order by the weight of all the query words they hold,
    read from their stored tokens: ordering by the index's bm25 instead would either see only
    the rare words (and leave ties among hundreds of statements naming the same place) or walk
    the common words' postings too. ``term_counts`` is what ``store.claim_term_counts``
    returned for ``tokens``, when the caller has it already.
    """
    counts, total = term_counts if term_counts is not None else store.claim_term_counts(db, tokens)
    words = candidate_terms(counts, total, tokens)
    if not words:
        return []
    hits = store.claim_hits(db, words, limit=limit, rows=CANDIDATE_ROWS, speaker_ids=speaker_ids, since=since)
    weights = {
        t: math.log(1 + (total - counts.get(t, 0) + 0.5) / (counts.get(t, 0) + 0.5))
        for t in set(tokens)
    }
    scored = sorted(
        (
            (sum(weights[t] for t in set(norm.split()) & weights.keys()), hit_id, norm)
            for hit_id, norm in hits
        ),
        key=lambda h: (-h[0], -h[1]),
    )[:limit]
    texts = dict(store.statement_texts_by_id(db, [hit_id for _, hit_id, _ in scored]))
    if with_tokens:
        return [(hit_id, texts[hit_id], norm) for _, hit_id, norm in scored if hit_id in texts]
    return [(hit_id, texts[hit_id]) for _, hit_id, _ in scored if hit_id in texts]
