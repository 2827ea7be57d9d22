"""Claim matching: which stored statements make the same claim as a text, and how sure we are.

Retrieval happens in the store's index (FTS5 over the normalised tokens, see ``claims.claim_candidates``);
this module scores the few hundred candidates it returns. A score blends how much of each side's
weighted content the other covers, word pairs in common and a rapidfuzz comparison of the token
strings, then a guard caps the score of pairs whose named things disagree ("North Korea" against
"South Korea", "two strikes" against "three strikes").

Speaker resolution lives here too, because it uses the same normaliser and terms table.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Literal

from .models import Speaker
from .text import HASHTAG, Normalizer, folded_parts, lexicon, marks_names, words

# A score below this is a different claim; tuned on hand-made paraphrase pairs and the seed.
DEFAULT_MIN_SCORE = 30.0
# A query longer than this many distinct words (a pasted tweet or paragraph) holds words the
# stored claim never says, and its score falls with its length: the threshold falls with it, to
# a floor. Tuned on CLEF-2020 train (tweets against verified claims): at a flat 30, 21% of the
# right claims ranked first were shown; scaled, 81%, against 30% of wrong first candidates.
SHORT_QUERY = 8
LONG_QUERY_FLOOR = 15.0
# Under the bar, a long query's first candidate is still shown (as weak) when it scores at least
# half the bar and this many times the runner-up: one claim stands out of the paragraph. On
# CLEF-2020 train this shows 22 more right claims against 3 wrong ones.
STANDOUT = 1.5
# A pair whose named things disagree scores at most this: below any sensible threshold.
GUARD_CAP = 25.0
# With the record's word counts at hand, a word held by at most this share of the statements
# (and at least RARE_MIN_DOCS of them) counts as a name for the guard, capitalised or not.
RARE_SHARE = 0.001
RARE_MIN_DOCS = 20
# Claims of at most this many distinct content words are short enough that any name one has
# and the other lacks, while the other has its own, makes them different claims.
SHORT_CLAIM_TOKENS = 16
# Words found only in the sign-off of a quoted post (who posted it, the day) weigh this share of
# their usual weight (CLEF-2020 train: 0.75 best of 0.5-1.0; dev MAP@5 0.841 -> 0.858).
SIGNATURE_WEIGHT = 0.75
# The day of the month in that sign-off, when the post's body lacks it, weighs less again: a
# claim names the month and year of a post far more often than its day (CLEF-2020 train: 0.2
# best of 0.0001-0.55; train 0.8894 -> 0.8901, dev 0.8755 -> 0.8761).
SIGNATURE_DAY_WEIGHT = 0.2
# The words of a hashtag name what a post is about (CLEF-2020 train: 1.15 best of 0.8-1.5;
# train 0.8886 -> 0.8890, dev 0.8761 -> 0.8775).
HASHTAG_WEIGHT = 1.15
# Two words that share their first five letters are variants of one word when the shared start
# is at least this share of the shorter (CLEF-2020: train the same at 0.7-0.8, dev 0.8745 -> 0.8755).
NEAR_SHARE = 0.75


@dataclass
class Match:
    id: int
    score: float  # 0-100
    matched: list[str]  # the query words (as written) that matched the statement
    text: str

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "score": self.score, "matched": list(self.matched), "text": self.text}


@dataclass(frozen=True)
class Weights:
    """How the parts of a claim score add up; fitted on the CLEF-2020 train split."""

    bm25: float = 0.70  # the query's weighted words found in the statement (BM25, normalised)
    near_words: float = 0.25  # query words found only as a close variant (photo / photograph)
    statement_coverage: float = 0.05  # how much of the statement the query accounts for
    k1: float = 1.0  # BM25 saturation (CLEF-2020 train: 1.0 best of 0.6-1.5)
    b: float = 0.5
    # The query's words weigh idf ** idf_power: a rare word found counts for more than several
    # common ones (CLEF-2020 train: 1.3 best of 1.0-2.0, flat from 1.2 to 1.35).
    idf_power: float = 1.3


DEFAULT_WEIGHTS = Weights()


@dataclass
class _Analysed:
    tokens: list[str]
    unique: set[str]
    named: set[str] | None  # names and numbers, what the guard compares; None: not read yet
    factors: dict[str, float] | None = None  # query words that count for more or less than their idf


def _analyse(text: str, normalizer: Normalizer) -> _Analysed:
    analysed = normalizer.analyse(text)  # one pass gives both tokens and named flags
    tokens = [token for token, _ in analysed]
    named = {token for token, is_named in analysed if is_named}
    return _Analysed(tokens, set(tokens), named)


class _Idf:
    """Inverse document frequency, from the store's counts when given, else from the candidates."""

    def __init__(
        self,
        doc_freq: Mapping[str, int] | None,
        total_docs: int | None,
        candidates: Sequence[_Analysed],
    ) -> None:
        known = doc_freq is not None and bool(total_docs)
        if doc_freq is None or not total_docs:
            counts: dict[str, int] = {}
            for cand in candidates:
                for token in cand.unique:
                    counts[token] = counts.get(token, 0) + 1
            # Candidates were retrieved for sharing words with the query, so their own counts
            # overstate how common the query's words are; add a floor of unseen documents.
            doc_freq, total_docs = counts, max(len(candidates), 1) * 4
        self.doc_freq = doc_freq
        self.total = total_docs

        self.known = known
        # Held by at most this many statements, a word is as particular as a name.
        self.rare_limit = max(RARE_MIN_DOCS, RARE_SHARE * self.total)

    def __call__(self, token: str) -> float:
        df = self.doc_freq.get(token, 0)
        return math.log(1 + (self.total - df + 0.5) / (df + 0.5))

    def rare(self, analysed: _Analysed) -> set[str]:
        """The words of ``analysed`` rare enough in the record to be names (empty when the
        counts are only the candidates' own)."""
        if not self.known:
            return set()
        return {
            t for t in analysed.unique
            if not t[0].isdigit() and self.doc_freq.get(t, 0) <= self.rare_limit
        }


class _Prefixes:
    """A statement's tokens by their first letters, to find close variants of query words:
    one a prefix of the other (photo/photograph, syria/syrian), or the same first five letters
    over most of the shorter word (mexico/mexican, but not contact/contain)."""

    def __init__(self, tokens: set[str]) -> None:
        self.tokens = tokens
        # Only the starts: most query words have no variant, and the few that do look among
        # the words again, so that the pick never depends on set order.
        self.fives = {t[:5] for t in tokens if len(t) >= 5 and not t[0].isdigit()}
        self.fours = {t for t in tokens if len(t) == 4 and not t[0].isdigit()}
        self.four_starts = {t[:4] for t in tokens if len(t) >= 4 and not t[0].isdigit()}

    def near(self, token: str) -> str | None:
        if len(token) < 4 or token[0].isdigit():
            return None
        if len(token) == 4:
            if token not in self.four_starts:
                return None
            return min(t for t in self.tokens if t.startswith(token))
        if token[:5] in self.fives:
            others = [t for t in self.tokens if t.startswith(token[:5]) and _shares_most(token, t)]
            if others:  # the closest: the longest start in common, the nearest length, then a-z
                return min(others, key=lambda o: (-_common_start(token, o), abs(len(o) - len(token)), o))
        return token[:4] if token[:4] in self.fours else None


def _common_start(a: str, b: str) -> int:
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    return common


def _shares_most(a: str, b: str) -> bool:
    """Do the words share at least NEAR_SHARE of the shorter one's letters from the start?
    (One that starts with the other shares all of them.)"""
    return _common_start(a, b) >= NEAR_SHARE * min(len(a), len(b))


def _score(
    query: _Analysed, cand: _Analysed, idf: _Idf, weights: Weights, avg_len: float
) -> tuple[float, set[str]]:
    common = query.unique & cand.unique
    if not common:
        return 0.0, common
    k1, b = weights.k1, weights.b
    length = len(cand.tokens) / max(avg_len, 1.0)
    counts: dict[str, int] = {}
    for token in cand.tokens:
        if token in common:
            counts[token] = counts.get(token, 0) + 1
    # BM25 over the query's distinct words, divided by what a statement of average length that
    # holds each query word once would score: about 1 when every query word is there.
    # Only the record's own counts are worth sharpening: estimated from the candidates, unseen
    # query words already weigh the most.
    power = weights.idf_power if idf.known else 1.0
    factors = query.factors or {}

    def weight(token: str, other: str | None = None) -> float:
        found = idf(token) if other is None else min(idf(token), idf(other))
        return found**power * factors.get(token, 1.0)

    best = sum(weight(t) for t in query.unique) or 1.0
    bm25 = sum(
        weight(t) * f * (k1 + 1) / (f + k1 * (1 - b + b * length))
        for t, f in counts.items()
    ) / (best * (k1 + 1) / (1 + k1))
    near = 0.0
    prefixes = _Prefixes(cand.unique - common)
    for token in query.unique - common:
        other = prefixes.near(token)
        if other is not None:
            near += weight(token, other)
    cand_weight = sum(idf(t) for t in cand.unique) or 1.0
    coverage = sum(idf(t) for t in common) / cand_weight
    score = 100 * (
        weights.bm25 * min(bm25, 1.0)
        + weights.near_words * near / best
        + weights.statement_coverage * coverage
    )
    return score, common


# The sign-off of an embedded post ("— Jane Doe (@janedoe) May 4, 2019"): who posted it and when.
_SIGNATURE = re.compile(
    r"\s[—–-]{1,2}\s*[^—–\n]{0,100}\(@\w{1,30}\)\s+"
    r"(?:[A-Z][a-z]{2,8}\.? (?P<day>\d{1,2}),? \d{2,4}|(?P<day2>\d{1,2}) [A-Z][a-z]{2,8}\.? \d{2,4})\s*$"
)


def _query_factors(text: str, query: _Analysed, normalizer: Normalizer) -> dict[str, float] | None:
    """What the query's words weigh beside their idf: a post's sign-off less, its hashtags more."""
    factors = _signature_discounts(text, query, normalizer) or {}
    for tag in HASHTAG.finditer(text):
        for token in set(normalizer.tokens(tag.group())) & query.unique:
            factors[token] = factors.get(token, 1.0) * HASHTAG_WEIGHT
    return factors or None


def _signature_discounts(text: str, query: _Analysed, normalizer: Normalizer) -> dict[str, float] | None:
    """Words found only in a post's sign-off count for less: a claim about the poster or about
    that day is possible, but what the post says comes first."""
    found = _SIGNATURE.search(text)
    if found is None:
        return None
    body = set(normalizer.tokens(text[: found.start()]))
    discounts = dict.fromkeys(query.unique - body, SIGNATURE_WEIGHT)
    day = found.group("day") or found.group("day2")
    if day in discounts:
        discounts[day] = SIGNATURE_DAY_WEIGHT
    return discounts


def _substituted(a: _Analysed, b: _Analysed) -> bool:
    """Does one claim put a different name or number where the other has one?

    Between two short claims any name found only on one side clashes with one found only on the
    other. In longer texts a named token (a name, acronym or number) found only on one side
    clashes with one found only on the other side when both stand next to the same word: "South Korea"/"North Korea",
    "near Makhmour"/"near Mosul", "2 strikes"/"3 strikes", "July 8"/"July 9". A name one side
    simply lacks ("Makhmour" against "Makhmour, Iraq") is no clash.
    """
    # A word one side flags as a name and the other has unflagged (sentence-initial) is shared.
    only_a, only_b = (a.named or set()) - b.unique, (b.named or set()) - a.unique
    if not only_a or not only_b:
        return False
    if max(len(a.unique), len(b.unique)) <= SHORT_CLAIM_TOKENS:
        # In two short claims every name is central: each naming something the other does not
        # ("in Kirar, killing two" against "killed two in Ulai") is two claims, wherever it stands.
        return True
    neighbours_a = _neighbours(a.tokens, only_a)
    neighbours_b = _neighbours(b.tokens, only_b)
    return bool(neighbours_a & neighbours_b)


def _neighbours(tokens: list[str], named: set[str]) -> set[tuple[str, str]]:
    """("before", w) / ("after", w) for each word w standing next to one of ``named``."""
    found = set()
    for i, token in enumerate(tokens):
        if token not in named:
            continue
        if i > 0 and tokens[i - 1] not in named:
            found.add(("before", tokens[i - 1]))
        if i + 1 < len(tokens) and tokens[i + 1] not in named:
            found.add(("after", tokens[i + 1]))
    return found


def threshold_for(query_words: int) -> float:
    """The score a match needs for a query of this many distinct words (see SHORT_QUERY)."""
    if query_words <= SHORT_QUERY:
        return DEFAULT_MIN_SCORE
    return max(LONG_QUERY_FLOOR, DEFAULT_MIN_SCORE * (SHORT_QUERY / query_words) ** 0.75)


def above_bar(matches: Sequence[Match], bar: float, query_words: int, limit: int) -> list[Match]:
    """The matches (ranked best first, with their runner-up) an editor is shown for a query of
    ``query_words`` distinct words: those reaching ``bar``, else one that stands out (STANDOUT)."""
    kept = [m for m in matches if m.score >= bar][:limit]
    if kept or not matches or query_words <= SHORT_QUERY:
        return kept
    first = matches[0]
    runner_up = matches[1].score if len(matches) > 1 else 0.0
    return [first] if first.score >= bar / 2 and first.score >= STANDOUT * runner_up else []


def rank(
    query: str,
    candidates: Sequence[tuple[int, str] | tuple[int, str, str]],
    *,
    normalizer: Normalizer,
    limit: int = 10,
    min_score: float = DEFAULT_MIN_SCORE,
    doc_freq: Mapping[str, int] | None = None,
    total_docs: int | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
    avg_len: float | None = None,
    extra_tokens: Sequence[str] = (),
) -> list[Match]:
    """Score ``candidates`` against ``query``; best first, at most ``limit``.

    A candidate is (statement id, text) or (statement id, text, its stored claim tokens as one
    space-separated string, as ``claims.claim_candidates(with_tokens=True)`` returns them). With
    the tokens only the few statements that reach the top are read again (for the name and
    number guard), which makes ranking several times faster.

    ``doc_freq`` (token -> number of statements holding it) and ``total_docs`` come from the
    store's index (``store.claim_term_counts``); without them word weights are estimated from the
    candidates themselves, which is good enough for a short list. ``avg_len`` (tokens in an
    average statement, for BM25's length norm) is likewise the candidates' average unless given.
    ``extra_tokens`` join the query's own (the parts of a run-together word, from
    ``claims.split_compounds``).
    """
    q = _analyse(query, normalizer)
    if extra_tokens:  # words the query runs together, found apart in the record
        q = _Analysed(q.tokens + list(extra_tokens), q.unique | set(extra_tokens), q.named)
    q.factors = _query_factors(query, q, normalizer)
    if not q.unique:
        return []
    prepared: list[tuple[int, str, _Analysed]] = []
    for candidate in candidates:
        cid, text, *rest = candidate
        norm = rest[0] if rest else None
        if norm is not None:
            tokens = norm.split()
            prepared.append((cid, text, _Analysed(tokens, set(tokens), None)))
        else:
            prepared.append((cid, text, _analyse(text, normalizer)))
    idf = _Idf(doc_freq, total_docs, [a for _, _, a in prepared])
    if avg_len is None:
        avg_len = sum(len(a.tokens) for _, _, a in prepared) / max(len(prepared), 1)
    raw = []
    for cid, text, cand in prepared:
        score, common = _score(q, cand, idf, weights, avg_len)
        if score >= min_score and score > 0:
            raw.append((score, cid, text, cand, common))
    raw.sort(key=lambda r: (-r[0], r[1]))
    # The guard only lowers scores, so walking down the raw order can stop as soon as `limit`
    # results score at least what the next raw score could give.
    kept: list[tuple[float, float, int, str, set[str]]] = []
    # An editor types "baramjah", not "Baramjah": in a text whose case marks no names, a word as
    # rare as a name counts as one. Where capitals mark them, rarity is not asked: a record of a
    # few hundred statements holds most words rarely ("carry" would be a name).
    guard_query = _Analysed(q.tokens, q.unique, (q.named or set()) | _rare_names(query, q, idf))
    for raw_score, cid, text, cand, common in raw:
        score = raw_score
        if len(kept) >= limit and sorted(k[0] for k in kept)[-limit] >= score:
            break
        named = cand.named if cand.named is not None else _analyse(text, normalizer).named
        named = (named or set()) | _rare_names(text, cand, idf)
        if _substituted(guard_query, _Analysed(cand.tokens, cand.unique, named)):
            score = min(score, GUARD_CAP)
            if score < min_score:
                continue
        kept.append((score, raw_score, cid, text, common))
    # Among pairs the guard capped alike, the one that matched better comes first.
    kept.sort(key=lambda k: (-k[0], -k[1], k[2]))
    query_words = [(word, normalizer.token_set(word)) for word in words(query)]
    return [
        Match(cid, round(score, 1), _query_words(query_words, common, normalizer), text)
        for score, _, cid, text, common in kept[:limit]
    ]


def _rare_names(text: str, analysed: _Analysed, idf: _Idf) -> set[str]:
    return set() if marks_names(text) else idf.rare(analysed)


def _query_words(
    query_words: list[tuple[str, set[str]]], common: set[str], normalizer: Normalizer
) -> list[str]:
    """The words of the query as written whose tokens matched, for highlighting."""
    words = [word for word, tokens in query_words if tokens & common]
    if not words:  # a multiword name ("US Central Command") matched as a whole
        words = [normalizer.canonical_names.get(token, token) for token in sorted(common)]
    return words


# --- speaker resolution --------------------------------------------------------------------

SPEAKER_THRESHOLD = 85.0
# Two speakers whose best scores lie this close are both plausible: ask the editor.
AMBIGUITY_MARGIN = 5.0


@dataclass
class SpeakerResolution:
    status: Literal["match", "ambiguous", "none"]
    speaker_id: int | None
    candidates: list[tuple[int, str, float]] = field(default_factory=list)  # id, name, score


@cache
def speaker_titles() -> tuple[str, ...]:
    """Titles, ranks and roles that precede or follow a name, folded, longest first.

    Ours (``speaker_titles.txt``) plus the extraction lexicon ``titles.txt`` when present, whose
    ``"Col. = Colonel"`` lines give both spellings.
    """
    titles: set[str] = set()
    for name in ("speaker_titles", "titles"):
        for line in lexicon.lines(name):
            for title in line.split("="):
                words = folded_parts(title)
                if words:
                    titles.add(" ".join(words))
    return tuple(sorted(titles, key=lambda t: (-len(t.split()), -len(t))))


@cache
def _titles_by_size() -> tuple[tuple[int, frozenset[str]], ...]:
    """The titles grouped by their number of words, longest group first."""
    groups: dict[int, set[str]] = {}
    for title in speaker_titles():
        groups.setdefault(len(title.split()), set()).add(title)
    return tuple(sorted(((size, frozenset(group)) for size, group in groups.items()), reverse=True))


@lru_cache(maxsize=65536)
def strip_titles(name: str) -> str:
    """``"Peshmerga Colonel Srood"`` -> ``"peshmerga srood"``; ``"Col. Thomas Veale"`` ->
    ``"thomas veale"``. Folded, punctuation gone, titles removed wherever they stand."""
    words = folded_parts(name)
    changed = True
    while changed and words:
        changed = False
        for size, titles in _titles_by_size():
            if len(words) <= size:
                continue  # a name that is all title keeps it: "the Mayor" stays a name
            for i in range(len(words) - size + 1):
                if " ".join(words[i : i + size]) in titles:
                    del words[i : i + size]
                    changed = True
                    break
            if changed:
                break
    return " ".join(words)


def _name_forms(speaker: Speaker) -> list[str]:
    return [form for form in {strip_titles(n) for n in [speaker.name, *speaker.aliases]} if form]


def _name_score(query: str, form: str, query_term: str | None, form_term: str | None) -> float:
    if query == form:
        return 100.0
    if query_term is not None and query_term == form_term:
        return 100.0  # CENTCOM and US Central Command
    q_words, f_words = query.split(), form.split()
    if len(q_words) == 1 and len(f_words) > 1:
        # A bare surname (or given name) naming one word of a fuller name.
        if q_words[0] == f_words[-1]:
            return 92.0
        if q_words[0] in f_words:
            return 88.0
    if len(f_words) == 1 and len(q_words) > 1 and f_words[0] in q_words:
        # The stored name is one word ("Srood") and the query adds words we did not strip.
        return 90.0
    from rapidfuzz import fuzz  # loaded here: `add` strips titles from names without it

    return float(fuzz.token_sort_ratio(query, form))


@lru_cache(maxsize=65536)
def canonical_term(name: str, normalizer: Normalizer) -> str | None:
    """``normalizer.canonical``, remembered: every lookup reads the names of its candidates again."""
    return normalizer.canonical(name)


def resolve_speaker(
    name: str,
    speakers: Sequence[Speaker],
    normalizer: Normalizer,
    *,
    threshold: float = SPEAKER_THRESHOLD,
) -> SpeakerResolution:
    """Which of ``speakers`` does ``name`` mean?

    Titles and ranks are stripped from both sides, aliases count as names, names in the terms
    table match their acronyms, and rapidfuzz forgives spelling variants. Two different people
    within ``AMBIGUITY_MARGIN`` of the best score (a bare surname they share) is ``ambiguous``.
    """
    query = strip_titles(name)
    if not query:
        return SpeakerResolution("none", None, [])
    query_term = canonical_term(name, normalizer) or canonical_term(query, normalizer)
    best: dict[int, tuple[str, float]] = {}
    for speaker in speakers:
        if speaker.id is None:
            continue
        score = 0.0
        for form, raw in zip(_name_forms(speaker), [speaker.name, *speaker.aliases], strict=False):
            del raw
            form_term = canonical_term(form, normalizer)
            score = max(score, _name_score(query, form, query_term, form_term))
        for raw in [speaker.name, *speaker.aliases]:
            raw_term = canonical_term(raw, normalizer)
            if query_term is not None and raw_term == query_term:
                score = 100.0
        if score >= threshold - 20:
            best[speaker.id] = (speaker.name, round(score, 1))
    ranked = sorted(((sid, nm, sc) for sid, (nm, sc) in best.items()), key=lambda c: -c[2])
    ranked = ranked[:5]
    above = [c for c in ranked if c[2] >= threshold]
    if not above:
        return SpeakerResolution("none", None, ranked)
    top = above[0]
    rivals = [c for c in above[1:] if top[2] - c[2] < AMBIGUITY_MARGIN]
    if rivals:
        return SpeakerResolution("ambiguous", None, ranked)
    return SpeakerResolution("match", top[0], ranked)


def extract_brute_force(query: str, texts: Sequence[str], limit: int = 10) -> list[int]:
    """Indexes of the ``limit`` texts closest to ``query`` by rapidfuzz over every text: the
    reference the scale benchmark measures recall against. Never used to answer a user."""
    from rapidfuzz import fuzz, process

    hits = process.extract(query, texts, scorer=fuzz.token_set_ratio, limit=limit)
    return [index for _, _, index in hits]
