"""Finding conflicts in the record: new statements against candidates from the index, or all.

The decision for a pair is ``conflicts.compare``; this module picks the pairs worth comparing,
ranks what it finds and keeps it. A statement is compared with older statements of two kinds:

- **sharing words**: at least two claim tokens that are not commonplace in the record (a place
  and an actor, a person and an event); the same claim shares its particular words. Equivalent
  names (the terms table) are one token already, through the normaliser.
- **near in time**: about a day within ``NEAR_DAYS`` of its own (event date, else when said,
  else published) and sharing one uncommon word, or within ``WEEK_DAYS`` and sharing two or the
  role of a figure ("killed 13 soldiers" and "put the toll at ten" both count the dead). The two
  sides of a dispute across outlets often share few rare words ("a gun in his hand" / "unarmed,
  reading a letter"), but they are told about the same incident on the same days.

Both are bounded (the latest ``POSTINGS_CAP`` holders of a token, the latest ``NEAR_CAP``
statements of the window, the best ``CANDIDATES`` of each kind), so no statement is compared with
every other. The rules are the same for a new statement (looked up in the store) and for a full
rescan (indexes in memory), and a pair is always looked for from its newer statement, so
``conflicts --rescan`` finds what ingest and import found; it also judges every stored conflict
again, so one that still holds keeps its id, status and note whatever the candidates.
"""

from __future__ import annotations

import heapq
import os
import signal
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import repeat
from math import log

from . import ranking, store
from .conflicts import Verdict, claim_similarity, compare, incident_conflict
from .evidence import Similarity, counted_thing
from .incident_pairs import Incidents, incident_pairs
from .models import Conflict, Statement
from .store import Database
from .text import Normalizer
from .text.dates import days_after
from .text.quantities import FIGURE, quantities_of

# How many statements, most alike first, each statement is compared with (for each kind).
CANDIDATES = 12
# A token held by more than this share of a large record says nothing about which claim it is.
COMMON_SHARE = 0.02
# ... but in a small record every token counts.
COMMON_FLOOR = 500
# In a full rescan, how many of the latest statements holding one token are looked at.
POSTINGS_CAP = 300
# The most distinctive tokens of a statement that make its key pairs.
KEY_TOKENS = 24
# Statements about days this far apart may be about one incident, if they share a word ...
NEAR_DAYS = 2
# ... or this far apart, if they share two words or a figure's role (tolls disputed over a week).
WEEK_DAYS = 7
# How many of the latest statements of that window are looked at.
NEAR_CAP = 300

Pair = tuple[int, int]  # statement ids, older first


@dataclass
class ScanResult:
    compared: int = 0
    found: int = 0
    created: int = 0
    dropped: int = 0  # open conflicts the rules no longer find, forgotten
    unfound: int = 0  # reviewed conflicts the rules no longer find, kept with a caveat
    ids: list[int] = field(default_factory=list)  # the conflicts found


def _limit(total: int) -> int:
    return max(COMMON_FLOOR, int(total * COMMON_SHARE))


@dataclass(frozen=True)
class _Keys:
    """What pairs a statement with older ones, weighed by the record as it stood when the
    statement was added (the statements up to it, itself included, the id standing for their
    number). Import, ingest and a rescan see the same counts for it that way, so they find the
    same candidates however the record has grown since."""

    shared: list[str]  # its distinctive tokens, rarest first
    rarity: list[tuple[str, float]]  # each distinctive token's weight, in that order
    incident: frozenset[str]  # its uncommon words and figure roles (``incident_words``)


def _keys(text: str, tokens: Iterable[str], counts: Mapping[str, int], total: int) -> _Keys:
    tokens = list(tokens)
    shared = distinctive(tokens, counts, total)
    rarity = [(t, log((total + 1) / (counts.get(t, 0) + 1))) for t in shared]
    return _Keys(shared, rarity, incident_words(text, tokens, counts, total))


def distinctive(tokens: Iterable[str], doc_freq: Mapping[str, int], total: int) -> list[str]:
    """A statement's tokens that can mark its claim, rarest first."""
    limit = _limit(total)
    unique = {t for t in tokens if t.isalnum() and doc_freq.get(t, 0) <= limit}
    return sorted(unique, key=lambda t: (doc_freq.get(t, 0), t))[:KEY_TOKENS]


def anchor_day(statement: Statement) -> date | None:
    """The day a statement is about, for pairing by time: its event date, else when it was
    said, else when its source was published (``store.statements_dated`` reads the same)."""
    return statement.event_date or statement.said_on or (statement.source.published if statement.source else None)


def incident_words(text: str, tokens: Iterable[str], doc_freq: Mapping[str, int], total: int) -> frozenset[str]:
    """What can tie a statement to others about one incident: its uncommon content words, and
    the role of each figure ("#killed"), which differently worded tolls share."""
    limit = _limit(total)
    return frozenset({t for t in tokens if _content_word(t) and doc_freq.get(t, 0) <= limit}
                     | _figure_roles(text))


def tie_words(text: str, tokens: Iterable[str]) -> frozenset[str]:
    """What an older statement offers a newer one's incident words to share: all its content
    words (those common when the newer one was added are not among the newer one's, so they
    never count) and its figure roles."""
    return frozenset({t for t in tokens if _content_word(t)} | _figure_roles(text))


def _content_word(token: str) -> bool:
    return token.isalpha() and len(token) > 2


@lru_cache(maxsize=1 << 18)
def _figure_roles(text: str) -> frozenset[str]:
    """The roles of a statement's figures (its quantities as ``conflicts.reading.read`` finds
    them, without the rest of the reading): cached, because every batch of an import and every
    article ingested reads the statements of its days again."""
    return frozenset("#" + (q.role or FIGURE) for q in quantities_of(text) if q.role or q.thing == FIGURE)


def judge_on_record(db: Database, a: Statement, b: Statement) -> Verdict:
    """``compare`` as detection decides a pair of the record: with the incident rule when the
    two statements' articles report one incident. Not weighed for ranking."""
    return _decided(a, b, db.normalizer, Incidents.of(db, (a, b), db.normalizer))


def _judge(a: Statement, b: Statement, normalizer: Normalizer, together: Incidents | None = None) -> Verdict:
    # Always older first, so a pair is stored and explained one way round.
    first, second = (a, b) if (a.id or 0) < (b.id or 0) else (b, a)
    verdict = _decided(first, second, normalizer, together or Incidents())
    if verdict.relation == "conflict":
        ranking.weigh(verdict, first, second)
    return verdict


def _decided(a: Statement, b: Statement, normalizer: Normalizer, together: Incidents) -> Verdict:
    verdict = compare(a, b, normalizer=normalizer)
    if verdict.type == "number" and together.apart(a, b):
        # One count dated away from the incident both articles report ("Last May, …"): the
        # counts of two incidents.
        similarity = round(claim_similarity(a.text, b.text, normalizer), 3)
        return Verdict("unrelated", None, similarity, Similarity(similarity))
    if verdict.relation != "conflict" and together.together(a, b):
        # Tolls of one incident worded far apart ("confirmed 84 dead" / "131 bodies arrived").
        verdict = incident_conflict(a, b, normalizer=normalizer) or verdict
    if verdict.type == "number" and (ranking.is_headline(a) or ranking.is_headline(b)):
        # A headline's figure drops what it counts ("toll climbs to 31": confirmed? suspected?);
        # the article's body gives it whole, and that is the figure compared.
        similarity = round(claim_similarity(a.text, b.text, normalizer), 3)
        return Verdict("unrelated", None, similarity, Similarity(similarity))
    return verdict


def _best(keys: _Keys, candidates: Iterable[tuple[int, set[str]]]) -> list[int]:
    """The candidates sharing the most distinctive weight with a statement's tokens, best first."""
    # Each token's weight once; summed in the keys' order, so ties rank the same every time.
    rarity, mine = keys.rarity, set(keys.shared)
    need = min(2, len(mine))
    weights: dict[int, float] = {}
    for other, tokens in candidates:
        shared = mine & tokens
        if len(shared) >= need:
            weights[other] = sum(w for t, w in rarity if t in shared)
    return [-negated for _, negated in sorted((-w, -i) for i, w in weights.items())[:CANDIDATES]]


def _nearest(mine: frozenset[str], older: Iterable[tuple[int, frozenset[str], int]]) -> list[int]:
    """Of the older statements near in time (id, tie words, days apart), those tied closely
    enough, strongest first, latest first among equals: within ``NEAR_DAYS`` one shared word
    will do, within ``WEEK_DAYS`` it takes two (or a figure role).

    The tie of two statements: each shared word once, a shared figure role twice (two tolls of
    one incident may share nothing else). Written out here, not as a function, because it is
    worked out for every statement of a week's window (hundreds for each new statement)."""
    roles = frozenset(word for word in mine if word[0] == "#")
    ties = []
    for other, words, apart in older:
        if mine.isdisjoint(words):
            continue
        shared = mine & words
        tie = len(shared) + len(shared & roles) if roles else len(shared)
        if tie >= (1 if apart <= NEAR_DAYS else 2):
            ties.append((tie, other))
    return [other for _, other in heapq.nlargest(CANDIDATES, ties)]


def detect(db: Database, statement_ids: Iterable[int], normalizer: Normalizer, *,
           changed: bool = False) -> ScanResult:
    """Compare new statements with their older candidates; call inside the transaction that
    added them. Statements whose words ``changed`` are compared with newer candidates too, and
    their stored conflicts are judged again (kept, forgotten or marked as in a rescan)."""
    result = ScanResult()
    statements = sorted(store.get_statements(db, list(statement_ids)), key=lambda s: s.id or 0)
    if not statements:
        return result
    # Their tokens were just stored in the claim index, by this normaliser: read, not made again.
    stored_tokens = store.claim_tokens(db, [s.id for s in statements if s.id is not None])
    token_sets = {s.id: set(norm.split()) if (norm := stored_tokens.get(s.id or 0)) is not None
                  else normalizer.token_set(s.text) for s in statements}
    counts, _ = store.claim_term_counts(db, sorted(set().union(*token_sets.values())))
    keys = {s.id: _keys(s.text, token_sets[s.id], view, s.id or 0)
            for s, view in _as_added(statements, token_sets, counts, changed)}
    near = _NearIndex.of(db, statements, token_sets, changed)
    sharing = _Sharing(db)
    pairs: set[Pair] = set()
    for statement in statements:
        assert statement.id is not None
        mine = keys[statement.id]
        found = [c for c in sharing.latest(mine.shared, None if changed else statement.id) if c[0] != statement.id]
        others = set(_best(mine, found)) | set(near.candidates(statement.id, mine.incident))
        pairs.update((min(other, statement.id), max(other, statement.id)) for other in others)
    together = Incidents.of(db, statements, normalizer)
    pairs.update(incident_pairs(db, statements, normalizer, together))
    stored = store.stored_pairs(db, [s.id for s in statements if s.id is not None]) if changed else []
    pairs.update((a, b) for _, a, b, _ in stored)
    _settle(db, _judge_pairs(db, sorted(pairs), normalizer, result, together, statements), stored, result)
    return result


def _as_added(statements: Sequence[Statement], token_sets: Mapping[int | None, set[str]],
              counts: Mapping[str, int], changed: bool) -> Iterator[tuple[Statement, Mapping[str, int]]]:
    """Each new statement with its tokens' counts as the record stood when it was added: the
    store's counts, less the statements of the batch newer than it (they are the newest of the
    record). An edited statement is not the newest: it is weighed by the record as it is."""
    if changed:
        yield from zip(statements, repeat(counts))
        return
    remaining = dict(counts)
    for statement in sorted(statements, key=lambda s: s.id or 0, reverse=True):
        tokens = token_sets[statement.id]
        yield statement, {t: remaining.get(t, 0) for t in tokens}
        for t in tokens:
            if t in remaining:
                remaining[t] -= 1


def _holding(postings: Mapping[str, list[int]], mine: Sequence[str], below: int | None) -> list[int]:
    """Of the latest ``POSTINGS_CAP`` holders of each of ``mine`` (under ``below``, if given;
    postings ascending), those holding two of them, or its one."""
    held: Counter[int] = Counter()
    for token in mine:
        posting = postings.get(token, ())
        end = len(posting) if below is None else bisect_left(posting, below)
        held.update(posting[max(0, end - POSTINGS_CAP):end])
    need = min(2, len(mine))
    return [i for i, n in held.items() if n >= need]


class _Sharing:
    """The statements sharing a statement's distinctive tokens (at least two of them, or its
    one), from each token's postings and each statement's tokens, read once for the whole batch:
    the statements of an article or an import batch share places, names and older statements,
    and asking the index again for each was most of the cost of finding candidates.

    The postings are cut as a rescan cuts them (``_holding``), so that both find the same
    candidates.

    Only for one batch (one transaction): what it read does not follow later writes."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.postings: dict[str, list[int]] = {}
        self.tokens: dict[int, set[str]] = {}

    def latest(self, mine: Sequence[str], below: int | None) -> list[tuple[int, set[str]]]:
        """The statements ``_holding`` ``mine`` (with an id under ``below``, if given): (id, tokens)."""
        if not mine:
            return []
        missing = [token for token in mine if token not in self.postings]
        if missing:
            self.postings.update(store.claim_postings(self.db, missing))
        chosen = _holding(self.postings, mine, below)
        unread = [i for i in chosen if i not in self.tokens]
        if unread:
            self.tokens.update((i, set(norm.split())) for i, norm in store.claim_tokens(self.db, unread).items())
        return [(i, self.tokens[i]) for i in chosen if i in self.tokens]


def _judge_pairs(db: Database, pairs: Sequence[Pair], normalizer: Normalizer, result: ScanResult,
                 together: Incidents | None = None,
                 known: Sequence[Statement] = ()) -> list[tuple[Statement, Statement, Verdict]]:
    """Each pair judged; ``known``: statements read already in this transaction (not read again)."""
    needed = {i for pair in pairs for i in pair}
    by_id: dict[int | None, Statement] = {s.id: s for s in known if s.id in needed}
    by_id.update((s.id, s) for s in store.get_statements(db, sorted(needed - set(by_id))))
    together = together or Incidents()
    together.read(db, [s.source.id for s in by_id.values() if s.source and s.source.id is not None], normalizer)
    found = []
    for a_id, b_id in pairs:
        if a_id in by_id and b_id in by_id:
            result.compared += 1
            verdict = _judge(by_id[a_id], by_id[b_id], normalizer, together)
            if verdict.relation == "conflict":
                found.append((by_id[a_id], by_id[b_id], verdict))
    return found


def _settle(db: Database, found: Iterable[tuple[Statement, Statement, Verdict]],
            stored: Sequence[tuple[int, int, int, str]], result: ScanResult) -> None:
    """Keep the conflicts found; settle the stored ones among ``stored`` no longer found."""
    for a, b, verdict in found:
        assert a.id is not None and b.id is not None and verdict.type is not None
        first_id, second_id = sorted((a.id, b.id))
        conflict_id, created = store.save_conflict(
            db, first_id, second_id, verdict.type, round(verdict.score, 3), verdict.evidence, verdict.caveats
        )
        result.found += 1
        result.created += created
        result.ids.append(conflict_id)
    kept = set(result.ids)
    result.dropped, result.unfound = store.settle_unfound(
        db, [conflict_id for conflict_id, *_ in stored if conflict_id not in kept], store.now()[:10])
    _join_timelines(db, [(a.id or 0, b.id or 0, thing) for a, b, verdict in found
                         if ranking.timeline_of(verdict.evidence) and (thing := counted_thing(verdict.evidence))])


# The most conflicts one figure's timeline is gathered from.
TIMELINE_CONFLICTS = 50


def _join_timelines(db: Database, seeds: Iterable[tuple[int, int, str]]) -> None:
    """A figure that rose over several days, told by several statements (1 → 3 → 9 → 10): every
    open conflict of one chain shows the whole timeline, not only its own two points, and all but
    the one spanning the most days rank lower as its steps, so that one story does not fill the
    list. Read back from the store, so that ingest and a rescan give the same timelines."""
    done: set[int] = set()
    joined: set[tuple[int, str]] = set()  # statements (and what they count) of chains done
    for a_id, b_id, thing in seeds:
        if (a_id, thing) in joined:
            continue
        chain: dict[int, Conflict] = {}
        frontier, seen = {a_id, b_id}, {a_id, b_id}
        while frontier and len(chain) < TIMELINE_CONFLICTS:
            linked = [c for c in store.timeline_conflicts(db, sorted(frontier))
                      if c.id not in chain and counted_thing(c.evidence) == thing]
            chain.update((c.id or 0, c) for c in linked[:TIMELINE_CONFLICTS - len(chain)])
            frontier = {s.id or 0 for c in linked for s in (c.a, c.b)} - seen
            seen |= frontier
        joined.update((statement_id, thing) for statement_id in seen)
        if not chain or done & set(chain):
            continue
        done |= set(chain)
        points = [point for c in chain.values() for point in ranking.timeline_of(c.evidence)]
        # The conflict spanning the most days leads the chain; the others are its steps.
        lead = min(chain.values(), key=lambda c: (-ranking.days_apart(c.a, c.b), c.id or 0))
        for conflict in chain.values():
            if conflict.status != "open":
                continue
            evidence, caveats = ranking.with_timeline(conflict.evidence, conflict.caveats, points)
            score, caveats = ranking.timeline_step(conflict.score, caveats, conflict is not lead)
            if (evidence, caveats, score) != (conflict.evidence, conflict.caveats, conflict.score):
                store.save_conflict(db, conflict.a.id or 0, conflict.b.id or 0, conflict.type, score,
                                    evidence, caveats)


def _window(by_day: Mapping[date, list[int]], day: date, before: int) -> list[tuple[int, int]]:
    """The latest ``NEAR_CAP`` keys below ``before`` filed under the days around ``day``, each
    with how many days apart, in no particular order (``_nearest`` ranks them)."""
    older: list[tuple[int, int]] = []
    for offset in range(-WEEK_DAYS, WEEK_DAYS + 1):
        near = days_after(day, offset)
        held = by_day.get(near) if near is not None else None
        if held:
            end = bisect_left(held, before)
            older.extend(zip(held[max(0, end - NEAR_CAP):end], repeat(abs(offset))))
    if len(older) > NEAR_CAP:
        older.sort()  # a sort of a few hundred pairs beats heapq.nlargest's Python loop
        del older[:-NEAR_CAP]
    return older


@dataclass
class _NearIndex:
    """The statements of the days around a batch of new ones, from the store: what pairs a
    new statement with older ones near in time.

    All their days are read (ids and days only, a cheap read), but words only for the
    statements some new one's window holds (at most ``NEAR_CAP`` each): in a large record most
    statements of those days are in no window, and reading them was most of the cost."""

    windows: dict[int, list[tuple[int, int]]]  # new statement id -> its window (id, days apart)
    words: dict[int, frozenset[str]]  # id -> tie words, of the new statements and their windows

    @classmethod
    def of(cls, db: Database, statements: Sequence[Statement], token_sets: Mapping[int | None, set[str]],
           newer_too: bool = False) -> _NearIndex:
        index = cls({}, {})
        days = [day for s in statements if (day := anchor_day(s)) is not None]
        if not days:
            return index
        first, last = days_after(min(days), -WEEK_DAYS) or date.min, days_after(max(days), WEEK_DAYS) or date.max
        by_day: dict[date, list[int]] = {}  # day -> ids of its statements, ascending
        filed: set[int] = set()
        for statement_id, iso_day in store.statements_dated(db, first.isoformat(), last.isoformat()):
            try:
                when = date.fromisoformat(iso_day)
            except ValueError:
                continue  # a day an editor typed that is not a date: not paired by time
            by_day.setdefault(when, []).append(statement_id)
            filed.add(statement_id)
        if not filed:
            return index
        batch = sorted((s.id, day) for s in statements
                       if s.id is not None and s.id in filed and (day := anchor_day(s)) is not None)
        if not batch:
            return index
        newest = max(filed)
        # New statements are the newest of the record: each one's window is the batch's earlier
        # statements near its day, then the older statements of that day's window, which the
        # batch's statements of one day share (an article's are mostly of one day).
        ids = {i for i, _ in batch}
        shared = not newer_too and all(i in ids for i in filed if i >= batch[0][0])
        older: dict[date, list[tuple[int, int]]] = {}
        earlier: dict[date, list[int]] = {}  # day -> the batch's statements so far, ascending
        for statement_id, day in batch:
            if newer_too:  # its window holds the statement itself
                index.windows[statement_id] = [(i, apart) for i, apart in _window(by_day, day, newest + 1)
                                               if i != statement_id]
            elif not shared:
                index.windows[statement_id] = _window(by_day, day, statement_id)
            else:
                if day not in older:
                    older[day] = sorted(_window(by_day, day, batch[0][0]))
                window = _window(earlier, day, statement_id)
                room = NEAR_CAP - len(window)
                index.windows[statement_id] = window + older[day][max(0, len(older[day]) - room):] if room else window
                earlier.setdefault(day, []).append(statement_id)
        # The batch's own statements are known; only the others of the windows are read.
        known = {s.id: s.text for s in statements if s.id is not None}
        index.words = {i: tie_words(text, token_sets[i]) for i, text in known.items()}
        wanted = sorted({i for window in index.windows.values() for i, _ in window} - set(known))
        norms = store.claim_tokens(db, wanted)
        index.words.update((i, tie_words(text, norms.get(i, "").split()))
                           for i, text in store.statement_texts_by_id(db, wanted))
        return index

    def candidates(self, statement_id: int, mine: frozenset[str]) -> list[int]:
        """The older statements of its window tied to a statement with incident words ``mine``."""
        window = self.windows.get(statement_id)
        if window is None:
            return []
        words = self.words
        return _nearest(mine, [(i, words[i], apart) for i, apart in window if i in words])


def rescan(db: Database, normalizer: Normalizer,
           progress: Callable[[int, int], None] | None = None) -> ScanResult:
    """Every statement against its older candidates, and every stored conflict judged again:
    one that still holds is kept as it is (id, status, note); an open one that no longer holds
    is forgotten, a reviewed one keeps its verdict with a caveat saying the rules no longer find it.

    The comparisons, nearly all of the work, are shared among the machine's cores (forked
    workers that only read); the conflicts found are written here, in one transaction.
    """
    result = ScanResult()
    statements = sorted(_all_statements(db), key=lambda s: s.id or 0)
    # The claim index already holds every statement's tokens: reading them beats recomputing.
    stored_tokens = store.claim_tokens(db)
    token_sets = [set(norm.split()) if (norm := stored_tokens.get(s.id or 0)) is not None
                  else normalizer.token_set(s.text) for s in statements]
    # Each statement weighed by the record as it stood when it was added, as ingest weighed it.
    counts: Counter[str] = Counter()
    keys = []
    for statement, tokens in zip(statements, token_sets, strict=True):
        counts.update(tokens)
        keys.append(_keys(statement.text, tokens, counts, statement.id or 0))
    total = len(statements)
    # Every holder of a token, as the claim index gives them to ingest (``store.claim_postings``).
    postings: dict[str, list[int]] = {}
    for index, tokens in enumerate(token_sets):
        for token in tokens:
            if token.isalnum():
                postings.setdefault(token, []).append(index)
    days = [anchor_day(s) for s in statements]
    by_day: dict[date, list[int]] = {}
    for index, day in enumerate(days):
        if day is not None:
            by_day.setdefault(day, []).append(index)
    words = [tie_words(s.text, tokens) if day is not None else frozenset()
             for s, tokens, day in zip(statements, token_sets, days, strict=True)]
    together = Incidents.of(db, statements, normalizer)
    position = {s.id: index for index, s in enumerate(statements)}
    named: dict[int, list[int]] = {}
    for older, newer in incident_pairs(db, statements, normalizer, together):
        if older in position and newer in position:
            named.setdefault(position[newer], []).append(position[older])
    scan = _Scan(statements, token_sets, keys, postings, total, normalizer, days, by_day, words, together, named)
    chunks = [range(start, min(start + SCAN_CHUNK, total)) for start in range(0, total, SCAN_CHUNK)]
    done = 0
    found: dict[Pair, tuple[Statement, Statement, Verdict]] = {}
    for chunk, (compared, judged) in zip(chunks, _map_chunks(scan, chunks), strict=True):
        result.compared += compared
        for index, other_index, verdict in judged:
            a, b = statements[other_index], statements[index]
            found[(a.id or 0, b.id or 0)] = (a, b, verdict)
        done += len(chunk)
        if progress:
            progress(done, total)
    with store.transaction(db):
        # The comparisons read the record without its lock: a statement deleted since then
        # takes its conflicts with it (no "FOREIGN KEY constraint failed").
        alive = store.statement_ids(db)
        found = {pair: judged for pair, judged in found.items() if pair[0] in alive and pair[1] in alive}
        stored = store.stored_pairs(db)
        again = sorted({(a, b) for _, a, b, _ in stored} - set(found))
        found.update(((a.id or 0, b.id or 0), (a, b, v)) for a, b, v in _judge_pairs(db, again, normalizer, result))
        _settle(db, [found[pair] for pair in sorted(found)], stored, result)
    if progress:
        progress(total, total)
    return result


# Statements a worker takes at a time in a rescan, and the fewest worth starting workers for.
SCAN_CHUNK = 500
PARALLEL_FROM = 2000


@dataclass
class _Scan:
    """What a rescan's workers read: built before they fork, never written by them."""

    statements: list[Statement]  # id order
    token_sets: list[set[str]]
    keys: list[_Keys]
    postings: dict[str, list[int]]  # token -> indexes of the statements holding it, ascending
    total: int
    normalizer: Normalizer
    days: list[date | None]  # each statement's anchor day
    by_day: dict[date, list[int]]  # day -> indexes of the statements of that day, ascending
    words: list[frozenset[str]]  # each statement's tie words
    together: Incidents
    named: dict[int, list[int]]  # index -> older indexes of other articles about its incident

    def candidates(self, index: int) -> list[int]:
        """The older statements worth comparing with statement ``index``: the latest
        POSTINGS_CAP holding each of its distinctive tokens, ranked by ``_best``, and those near
        in time, ranked by ``_nearest``."""
        mine = self.keys[index]
        shared = _holding(self.postings, mine.shared, index)
        chosen = set(_best(mine, ((i, self.token_sets[i]) for i in shared)))
        return sorted(chosen | set(self._near(index)) | set(self.named.get(index, ())))

    def _near(self, index: int) -> list[int]:
        day = self.days[index]
        if day is None:
            return []
        return _nearest(self.keys[index].incident,
                        ((i, self.words[i], apart) for i, apart in _window(self.by_day, day, index)))

    def judge(self, chunk: range) -> tuple[int, list[tuple[int, int, Verdict]]]:
        compared = 0
        found = []
        for index in chunk:
            for other_index in self.candidates(index):
                compared += 1
                verdict = _judge(self.statements[index], self.statements[other_index], self.normalizer,
                                 self.together)
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
        with multiprocessing.get_context("fork").Pool(workers, initializer=_die_with_parent,
                                                      initargs=(os.getpid(),)) as pool:
            yield from pool.imap(_judge_inherited, chunks)
    finally:
        _inherited = None


def _die_with_parent(parent: int) -> None:
    """In a rescan's worker: end when the rescan ends, even killed (SIGKILL leaves no time to
    stop the pool), rather than finish a chunk nobody will read."""
    try:
        import ctypes

        PR_SET_PDEATHSIG = 1  # Linux's prctl option: a signal for this process when its parent dies
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: the worker ends when it next asks the dead pool for work
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)


def _all_statements(db: Database, batch: int = 2000) -> list[Statement]:
    ids = [statement_id for statement_id, _ in store.statement_texts(db)]
    statements: list[Statement] = []
    for start in range(0, len(ids), batch):
        statements.extend(store.get_statements(db, ids[start:start + batch]))
    return statements
