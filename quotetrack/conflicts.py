"""Contradictions between two statements, decided by rules an editor can read.

``compare(a, b)`` answers one question for a pair: do they make the same claim ("same"), make
different claims ("unrelated"), or contradict each other ("conflict")? A conflict has a type:

- ``polarity``: one asserts what the other denies (a negation cue, a denial verb, or words of
  opposite meaning from ``data/opposites.tsv``) about the same claim;
- ``number``: the same claim with counts of the same thing that cannot both be true;
- ``date``: the same event put on different dates;
- ``misattribution``: the same quote, near word for word, given to different speakers;
- ``altered``: the same speaker's direct quote with words changed, added or dropped;
- ``self``: one speaker contradicting himself or herself (the polarity or number evidence inside).

Every verdict carries its evidence (the cue, the two counts, the two dates, the word diff) and
caveats for the editor; a polarity or number conflict between statements about different dates
is kept, with a caveat naming both dates and a lower score.

The module decides; it neither stores nor prints. Lexicons live in ``quotetrack/data/``.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache
from typing import Any

from .match import strip_titles
from .models import CONFLICT_TYPES as CONFLICT_TYPES  # the names live with the other record constants
from .models import Statement
from .text import (
    WEEKDAYS,
    Normalizer,
    Quantity,
    default_normalizer,
    find_dates,
    find_quantities,
    fold,
    lexicon,
    months,
    singular,
    stem,
    tokenize,
)

# The conflicts in which two statements say different things about one claim (the others are
# about who said it, or about the wording of a quote).
CLAIM_TYPES = ("polarity", "number", "date", "self")
RELATIONS = ("same", "conflict", "unrelated")

# Claim overlap (0-1, see ``claim_similarity``) above which two statements are about the same
# claim. Polarity and number conflicts need the claims to line up; a date conflict needs them to
# be nearly identical, because two events of one kind on two days are common in news.
SAME_CLAIM = 0.9
UNRELATED = 0.2
CONFLICT_CLAIM = 0.4
DATE_CLAIM = 0.75
# Share of a denial's own words that the other statement must contain for the denial to be
# about the other statement's claim, not about something else it also mentions.
SCOPE_COVERAGE = 0.66
# Weight of the words a denial shares with the other claim (names count double) from which one
# replaced word no longer makes it another claim.
SUBSTITUTION_SHARED = 3.0
# Word-sequence similarity (0-1) above which two texts are the same quote.
VERBATIM = 0.85
NEAR_VERBATIM = 0.6
# Score multipliers for caveats an editor must weigh.
DIFFERENT_DAYS = 0.6
DIFFERENT_REPORT_DAYS = 0.8
FLOOR_COUNT = 0.7  # "fourteen bodies recovered" against a toll: a floor, not the same figure
DEFAULT_MIN_SCORE = 0.3

# Where a denial's reach ends: the sentence, or a clause joined by a contrasting word.
_STRONG_BOUNDARY = {".", ";", "!", "?", "but", "while", "whereas", "although", "though", "however", "yet"}
# Kinds whose words are the speaker's own: only these can be misattributed or altered.
_QUOTE_KINDS = ("quote", "written")
# Where a denial's subject starts at the latest: "Police said [no one was killed]".
_SUBJECT_BOUNDARY = {",", "that", "which", "who", "said", "says", "say", "told", "added", "stated"}
_COORDINATORS = {"and", "or", "nor", ","}
_NEGATING_PREFIXES = ("non", "un", "in", "im", "il", "ir", "dis")
_PREFIX_HEADS = frozenset(prefix[:2] for prefix in _NEGATING_PREFIXES)
# Shortest word a prefix negates: "unsafe" and "unfair", but only longer words after "in", "dis".
_PREFIX_MIN_LENGTH = {"non": 4, "un": 4}


@dataclass
class Verdict:
    relation: str  # "same" | "conflict" | "unrelated"
    type: str | None  # one of CONFLICT_TYPES when relation == "conflict"
    score: float  # 0-1: how sure and how serious
    evidence: dict[str, Any] = field(default_factory=dict)
    caveats: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "relation": self.relation,
            "type": self.type,
            "score": round(self.score, 3),
            "evidence": self.evidence,
            "caveats": list(self.caveats),
        }


# --- lexicons --------------------------------------------------------------------------------


def _data_lines(name: str) -> list[str]:
    return lexicon.lines(name)


@cache
def _negation_cues() -> tuple[tuple[str, ...], ...]:
    """Cue phrases as word tuples, longest first so "there were no" wins over "no"."""
    cues = {tuple(fold(line).split()) for line in _data_lines("negation.txt")}
    cues |= {(verb,) for verb in _denial_verbs()}
    return tuple(sorted(cues, key=len, reverse=True))


@cache
def _exceptions_by_first_word() -> dict[str, list[tuple[str, ...]]]:
    by_word: dict[str, list[tuple[str, ...]]] = {}
    for phrase in _negation_exceptions():
        by_word.setdefault(phrase[0], []).append(phrase)
    return by_word


@cache
def _denial_verbs() -> frozenset[str]:
    return frozenset(fold(line) for line in _data_lines("denial_verbs.txt"))


@cache
def _not_topic_words() -> frozenset[str]:
    """Tokens that never make a claim's topic: negation cues and denial verbs (polarity is
    read separately) and vague quantity words (counts are compared separately)."""
    normalizer = default_normalizer()
    words = [" ".join(cue) for cue in _negation_cues() if len(cue) == 1]
    words += list(_denial_verbs())
    words += "several dozen dozens scores hundreds thousands millions few handful couple".split()
    return frozenset(token for word in words for token in normalizer.tokens(word))


@cache
def _cues_by_first_word() -> dict[str, list[tuple[str, ...]]]:
    by_word: dict[str, list[tuple[str, ...]]] = {}
    for cue in _negation_cues():  # longest first, kept in that order
        by_word.setdefault(cue[0], []).append(cue)
    return by_word


@cache
def _negation_exceptions() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(line).split()) for line in _data_lines("negation_exceptions.txt"))


@cache
def _opposites() -> dict[str, set[str]]:
    """Stem -> stems of its opposites, both ways round."""
    normalizer = default_normalizer()
    pairs: dict[str, set[str]] = {}
    for line in _data_lines("opposites.tsv"):
        left, right = (_canon(_token(normalizer, word)) for word in line.split("\t")[:2])
        if left and right:
            pairs.setdefault(left, set()).add(right)
            pairs.setdefault(right, set()).add(left)
    return pairs


@cache
def _equivalents() -> dict[str, str]:
    """Token -> the token of its group's first word (data/equivalents.tsv)."""
    normalizer = default_normalizer()
    out: dict[str, str] = {}
    for line in _data_lines("equivalents.tsv"):
        tokens = [_token(normalizer, word) for word in line.split("\t")]
        canonical = tokens[0]
        for token in tokens[1:]:
            if token and canonical and token != canonical:
                out.setdefault(token, canonical)
    return out


@cache
def _broader() -> dict[str, set[str]]:
    """Token -> tokens of the broader words that cover it, followed transitively."""
    normalizer = default_normalizer()
    direct: dict[str, set[str]] = {}
    for line in _data_lines("broader.tsv"):
        specific, general = (_canon(_token(normalizer, word)) for word in line.split("\t")[:2])
        if specific and general:
            direct.setdefault(specific, set()).add(general)
    closed: dict[str, set[str]] = {}
    for token in direct:
        seen: set[str] = set()
        todo = list(direct[token])
        while todo:
            general = todo.pop()
            if general not in seen:
                seen.add(general)
                todo.extend(direct.get(general, ()))
        closed[token] = seen
    return closed


def _token(normalizer: Normalizer, word: str) -> str:
    tokens = normalizer.tokens(word.strip())
    return tokens[0] if len(tokens) == 1 else ""


def _canon(token: str) -> str:
    return _equivalents().get(token, token)


@cache
def _date_words() -> frozenset[str]:
    """Stems of month and weekday names: a date is compared as a date, not as a topic word."""
    words = [*months(), *WEEKDAYS, "today", "yesterday"]
    return frozenset(stem(fold(word)) for word in words) | frozenset(words)


# --- reading one statement -------------------------------------------------------------------


@dataclass(frozen=True)
class _Cue:
    text: str
    start: int  # character span in the statement
    end: int
    scope: tuple[str, ...]  # content stems the cue denies, in order: its clause
    cancelled: bool  # paired with another cue in its reach (double negation)


@dataclass(frozen=True)
class _Reading:
    words: tuple[tuple[str, int, int], ...]  # folded word, start, end
    sequence: tuple[str, ...]  # content stems in order
    content: dict[str, float]  # content stem -> weight (named things weigh double)
    covers: frozenset[str]  # the stems and every broader word they imply ("man" -> "person")
    cues: tuple[_Cue, ...]
    quantities: tuple[Quantity, ...]
    figures: tuple[Any, ...]  # counts and other figures, see _figures
    stems: dict[str, tuple[str, int, int]]  # stem of each word (stop words too) -> word, span
    spans: dict[str, tuple[int, int]]  # each folded word -> its span
    quote_words: tuple[str, ...]  # words as a reader compares quotes: case, punctuation, quote marks ignored
    bag: Counter[str]  # quote_words counted, for a cheap bound on word-for-word similarity
    named: frozenset[str]  # content stems that name something (weight 2)
    weight: float  # sum of content weights
    places: dict[str, tuple[int, ...]]  # each content stem -> its places in sequence
    opposable: tuple[tuple[str, str, int, int], ...]  # (stem, word, start, end) of words with opposites
    # Word -> the words here that are it with a negating prefix ("valid" -> ("invalid",)), in
    # the order of _NEGATING_PREFIXES: read once, so a comparison looks words up, not prefixes.
    prefixed: dict[str, tuple[str, ...]]


def _content_sequence(text: str, normalizer: Normalizer) -> list[tuple[str, float]]:
    """Content stems of ``text`` in order with their weights; numbers and dates left out,
    because they are compared explicitly, never as topic words."""
    for mention in reversed(find_dates(text)):
        text = text[: mention.start] + " , " + text[mention.end :]
    skip = _not_topic_words()
    return [
        (_canon(token), 2.0 if named else 1.0)
        for token, named in normalizer.analyse(text)
        if not token[0].isdigit() and token not in _date_words() and token not in skip
    ]


@lru_cache(maxsize=65536)
def _read(text: str, normalizer: Normalizer) -> _Reading:
    found = [(token.text, token.start, token.end) for token in tokenize(text)]
    words = tuple((fold(raw), start, end) for raw, start, end in found)
    quote_words = tuple(w for (w, _, _), (raw, _, _) in zip(words, found, strict=True) if raw[0].isalnum())
    cues = _find_cues(text, words, normalizer)
    masked = text
    for cue in reversed(cues):  # "take place" in "did not take place" is no topic word
        masked = masked[: cue.start] + " " * (cue.end - cue.start) + masked[cue.end :]
    sequence = _content_sequence(masked, normalizer)
    quantities = tuple(find_quantities(text))
    stems = {_stem(w): (w, start, end) for w, start, end in words if w[0].isalnum()}
    return _Reading(
        words=words,
        sequence=tuple(token for token, _ in sequence),
        content=dict(sequence),
        covers=_covers([token for token, _ in sequence]),
        cues=cues,
        quantities=quantities,
        figures=_figures(text, quantities),
        stems=stems,
        spans={w: (start, end) for w, start, end in words if w[0].isalnum()},
        prefixed=_prefixed_words(words),
        quote_words=quote_words,
        bag=Counter(quote_words),
        named=frozenset(token for token, weight in sequence if weight == 2.0),
        weight=sum(dict(sequence).values()),
        places=_places(tuple(token for token, _ in sequence)),
        opposable=tuple((stem_, *where) for stem_, where in stems.items() if stem_ in _opposites()),
    )


def _places(sequence: tuple[str, ...]) -> dict[str, tuple[int, ...]]:
    places: dict[str, list[int]] = {}
    for k, token in enumerate(sequence):
        places.setdefault(token, []).append(k)
    return {token: tuple(ks) for token, ks in places.items()}


def _prefixed_words(words: tuple[tuple[str, int, int], ...]) -> dict[str, tuple[str, ...]]:
    """Each word with a negating prefix, under the word it negates ("unsafe" under "safe")."""
    found: dict[str, list[tuple[int, str]]] = {}
    for word in {w for w, _, _ in words if w[:2] in _PREFIX_HEADS}:
        for rank, prefix in enumerate(_NEGATING_PREFIXES):
            for form, lead in enumerate((prefix, f"{prefix}-")):
                base = word[len(lead):] if word.startswith(lead) else ""
                # "inform" is not the opposite of "form", nor "display" of "play"
                if len(base) >= 4 and len(base) >= _PREFIX_MIN_LENGTH.get(prefix, 5):
                    found.setdefault(base, []).append((2 * rank + form, word))
    return {base: tuple(word for _, word in sorted(forms)) for base, forms in found.items()}


def _is_negation_word(word: str) -> bool:
    return word.endswith(("n't", "n’t")) or word == "cannot"


def _find_cues(
    text: str, words: tuple[tuple[str, int, int], ...], normalizer: Normalizer
) -> tuple[_Cue, ...]:
    folded = [w for w, _, _ in words]
    exempt: set[int] = set()
    for i, word in enumerate(folded):
        for phrase in _exceptions_by_first_word().get(word, ()):
            if tuple(folded[i : i + len(phrase)]) == phrase:
                exempt.update(range(i, i + len(phrase)))
    found: list[tuple[int, int]] = []  # (first word, word count)
    i = 0
    while i < len(folded):
        if i in exempt:
            i += 1
            continue
        if _is_negation_word(folded[i]):
            found.append((i, 1))
            i += 1
            continue
        for phrase in _cues_by_first_word().get(folded[i], ()):
            if tuple(folded[i : i + len(phrase)]) == phrase:
                found.append((i, len(phrase)))
                i += len(phrase)
                break
        else:
            i += 1
    cues = []
    cancelled: set[int] = set()
    for n, (first, count) in enumerate(found):
        end = _clause_end(folded, first + count)
        # A second cue inside this one's reach and the same clause undoes it: "cannot be
        # denied", "it is not true that there were no …". The pair cancels out.
        if n in cancelled or n + 1 >= len(found) or found[n + 1][0] >= end:
            continue
        between = folded[first + count : found[n + 1][0]]
        # "were not involved and did not take part" is two denials, not a double negation.
        if not any(word in _COORDINATORS for word in between):
            cancelled.update({n, n + 1})
    for n, (first, count) in enumerate(found):
        end = _clause_end(folded, first + count)
        last = first + count - 1
        scope_start = words[last][2]  # the cue's own words ("did not take place") deny, not claim
        scope_end = words[end - 1][2] if end > first else words[last][2]
        scope_text = text[scope_start:scope_end]
        # A denial reaches back to its subject too ("A man is not playing"), up to the clause start.
        # except after a denial verb, whose subject is the one denying ("the army denied that").
        subject_start = _clause_start(folded, first)
        subject_text = text[words[subject_start][1] : words[first][1]] if subject_start < first else ""
        if folded[first] in _denial_verbs():
            subject_text = ""
        # One pass over both parts; the comma keeps a name from running across them.
        scope = tuple(token for token, _ in _content_sequence(f"{subject_text} , {scope_text}", normalizer))
        cues.append(
            _Cue(
                text=text[words[first][1] : words[last][2]],
                start=words[first][1],
                end=words[last][2],
                scope=scope,
                cancelled=n in cancelled,
            )
        )
    return tuple(cues)


def _clause_end(folded: list[str], start: int) -> int:
    for i in range(start, len(folded)):
        if folded[i] in _STRONG_BOUNDARY:
            return i
    return len(folded)


def _clause_start(folded: list[str], index: int) -> int:
    for i in range(index - 1, -1, -1):
        if folded[i] in _STRONG_BOUNDARY or folded[i] in _SUBJECT_BOUNDARY:
            return i + 1
    return 0


# --- claim similarity --------------------------------------------------------------------------


def claim_similarity(a: str, b: str, normalizer: Normalizer | None = None) -> float:
    """How far two texts make the same claim, 0-1, with negation, numbers and dates left out.

    The overlap of content words (stems, names from the terms table as one word, named things
    weighing double) measured against the shorter and the longer text, averaged: a short denial
    covered by a long report scores well, two long texts sharing one word do not.
    """
    normalizer = normalizer or default_normalizer()
    return _overlap(_read(a, normalizer).content, _read(b, normalizer).content)


def _overlap(
    first: dict[str, float], second: dict[str, float], total_a: float | None = None, total_b: float | None = None
) -> float:
    """See claim_similarity; the totals of the weights when the caller knows them."""
    if not first or not second:
        return 0.0
    shared = sum(min(first[t], second[t]) for t in first.keys() & second.keys())
    total_a = sum(first.values()) if total_a is None else total_a
    total_b = sum(second.values()) if total_b is None else total_b
    cover = shared / min(total_a, total_b)
    dice = 2 * shared / (total_a + total_b)
    return (cover + dice) / 2


def _same_claim(first: _Reading, second: _Reading) -> bool:
    """One statement says all the other says (its content words are covered), and neither puts
    another word where the other has its own ("in the desert" / "on the beach")."""
    covered = max(_weighted_cover(first.content, second.covers, first.weight),
                  _weighted_cover(second.content, first.covers, second.weight))  # fmt: skip
    if covered < SAME_CLAIM or first.figures[1:] != second.figures[1:]:
        return False  # "Brigade 10" and "Brigade 12" are different claims
    return next(_substitutions(first.sequence, second.sequence, first.covers, second.covers, second.places),
                None) is None


def _covers(tokens: Sequence[str]) -> frozenset[str]:
    """The tokens and the broader words they imply: "a man" covers "a person"."""
    return frozenset(tokens) | {general for token in tokens for general in _broader().get(token, ())}


def _weighted_cover(part: dict[str, float], whole: frozenset[str], total: float) -> float:
    """Share of ``part``'s weighted content (``total``) that ``whole`` contains."""
    return sum(w for t, w in part.items() if t in whole) / total if total else 0.0


def _coverage(scope: Sequence[str], other: frozenset[str]) -> float:
    if not scope:
        return 0.0
    return sum(1 for token in scope if token in other) / len(scope)


def _substitution(
    first: Sequence[str],
    second: Sequence[str],
    first_covers: frozenset[str],
    second_covers: frozenset[str],
) -> tuple[str, str] | None:
    """A word of ``first`` that ``second`` replaces with another in the same place.

    "no man playing a flute" against "a man playing a guitar": after the shared "play",
    one has "flute" where the other has "guitar", so the denial is about another claim.
    Returns the two words, or None.
    """
    return next(_substitutions(first, second, first_covers, second_covers), None)


def _substitutions(
    first: Sequence[str],
    second: Sequence[str],
    first_covers: frozenset[str],
    second_covers: frozenset[str],
    where: dict[str, tuple[int, ...]] | None = None,  # token -> its places in second, if known
) -> Iterator[tuple[str, str]]:
    for i, token in enumerate(first):
        if token in second_covers:
            continue
        for step in (-1, 1):
            j = i + step
            if not 0 <= j < len(first) or first[j] not in second_covers:
                continue
            if where is None:
                where = _places(tuple(second))
            for k in where.get(first[j], ()):
                m = k - step
                if 0 <= m < len(second) and second[m] not in first_covers:
                    yield token, second[m]


def _names_differ(first: _Reading, second: _Reading) -> bool:
    """The two claims put different names in the same place ("North Korea launched" /
    "South Korea launched"): they are about different things, whatever else they share."""
    # A replaced name is a name of one that the other does not cover: without one, no need to look.
    if first.named <= second.covers and second.named <= first.covers:
        return False
    for one, other in ((first, second), (second, first)):
        for mine, theirs in _substitutions(one.sequence, other.sequence, one.covers, other.covers, other.places):
            if one.content.get(mine) == 2.0 or other.content.get(theirs) == 2.0:
                return True
    return False


# --- the rules ---------------------------------------------------------------------------------


def compare(a: Statement, b: Statement, *, normalizer: Normalizer | None = None) -> Verdict:
    """The relation between two statements, with the type, score, evidence and caveats of a
    conflict. Statements need not be stored: speakers are compared by id when both have one,
    by name otherwise, and an empty name is an unknown speaker (never a different one)."""
    normalizer = normalizer or default_normalizer()
    first, second = _read(a.text, normalizer), _read(b.text, normalizer)
    similarity = _overlap(first.content, second.content, first.weight, second.weight)
    if similarity < UNRELATED and min(len(first.content), len(second.content)) > 2:
        # Too little in common for any rule: most candidates of a rescan end here, cheaply.
        return Verdict("unrelated", None, round(similarity, 3), {"similarity": round(similarity, 3)})
    same_speaker = _same_speaker(a, b)

    quote_verdict = _quote_rules(a, b, first, second, same_speaker)
    if quote_verdict is not None:
        return quote_verdict

    if _names_differ(first, second):
        return Verdict("unrelated", None, round(similarity, 3), {"similarity": round(similarity, 3)})
    verdict = _polarity(first, second, similarity) or _numbers(first, second, similarity)
    if verdict is not None:
        _add_date_caveat(verdict, a, b)
        if same_speaker is True:
            verdict = _as_self_contradiction(verdict, a, b)
        return verdict

    date_verdict = _dates(a, b, first, second, similarity)
    if date_verdict is not None:
        return date_verdict
    relation = "same" if _same_claim(first, second) and _same_days(a, b) else "unrelated"
    return Verdict(relation, None, round(similarity, 3), {"similarity": round(similarity, 3)})


def find_conflicts(
    new: Statement,
    candidates: Sequence[Statement],
    *,
    normalizer: Normalizer | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
) -> list[tuple[Statement, Verdict]]:
    """The candidates that conflict with ``new``, best first, scored at least ``min_score``."""
    normalizer = normalizer or default_normalizer()
    found = []
    for candidate in candidates:
        if candidate is new or (new.id is not None and candidate.id == new.id):
            continue
        verdict = compare(candidate, new, normalizer=normalizer)
        if verdict.relation == "conflict" and verdict.score >= min_score:
            found.append((candidate, verdict))
    found.sort(key=lambda pair: pair[1].score, reverse=True)
    return found


def _polarity(first: _Reading, second: _Reading, similarity: float) -> Verdict | None:
    """One side denies what the other asserts, or uses a word of opposite meaning.

    Each side is negated when it holds a denial about the other's claim; a pair of opposite
    words flips one side once more. "did not increase" against "decreased" flips twice and
    agrees; "invalid" against "not valid" too.
    """
    opposites = _opposite_words(first, second)
    if opposites:
        # The opposite words are the disagreement, not a difference of topic.
        left = {t: w for t, w in first.content.items() if t not in opposites[4]}
        right = {t: w for t, w in second.content.items() if t not in opposites[4]}
        similarity = max(similarity, _overlap(left, right))
    if similarity < CONFLICT_CLAIM:
        return None
    # A denial of "valid" is about the claim that says "invalid": the pair counts as shared.
    paired = frozenset(opposites[4]) if opposites else frozenset()
    denials_a = _relevant_cues(first, second, paired)
    denials_b = _relevant_cues(second, first, paired)
    if bool(denials_a) ^ bool(denials_b) ^ bool(opposites):
        if denials_a or denials_b:
            side, cue = ("a", denials_a[0]) if denials_a else ("b", denials_b[0])
            evidence: dict[str, Any] = {"cue": cue.text, "cue_span": [cue.start, cue.end], "side": side}
            return Verdict("conflict", "polarity", _scaled(0.55, similarity), evidence)
        assert opposites is not None
        evidence = {"opposites": [opposites[0], opposites[1]], "spans": [opposites[2], opposites[3]]}
        return Verdict("conflict", "polarity", _scaled(0.5, similarity), evidence)
    return None


def _relevant_cues(
    reading: _Reading, other: _Reading, paired: frozenset[str] = frozenset()
) -> list[_Cue]:
    """Uncancelled cues of ``reading`` that deny something ``other`` talks about."""
    return [
        cue for cue in reading.cues if not cue.cancelled and _denies(cue.scope, reading, other, paired)
    ]


def _denies(
    scope: Sequence[str], reading: _Reading, other: _Reading, paired: frozenset[str] = frozenset()
) -> bool:
    """The words a cue denies are (mostly) the other statement's claim, with no word of theirs
    replaced by another: "no man playing a flute" does not deny "a man playing a guitar"."""
    covers = other.covers | paired
    if _coverage(scope, covers) < SCOPE_COVERAGE:
        return False
    replaced = _substitution(scope, other.sequence, _covers(scope) | paired, covers)
    if replaced is None:
        return True
    if reading.content.get(replaced[0]) == 2.0 or other.content.get(replaced[1]) == 2.0:
        return False  # another name in the same place: "North Korea" / "South Korea"
    # In a long shared claim one differing word is more often a paraphrase ("fired" / "used"
    # tear gas) than another claim, unless that claim is small.
    shared = sum(2.0 if other.content.get(t) == 2.0 else 1.0 for t in set(scope) if t in covers)
    return shared >= SUBSTITUTION_SHARED


def _opposite_words(
    first: _Reading, second: _Reading
) -> tuple[str, str, list[int], list[int], set[str]] | None:
    """A word in one statement whose opposite is in the other (and not in the first):
    (word in a, word in b, span in a, span in b, the stems of both)."""
    opposites = _opposites()
    stems_a, stems_b = first.stems, second.stems
    for stem_a, word_a, start_a, end_a in first.opposable:
        for stem_b in opposites[stem_a]:
            if stem_b in stems_b and stem_b not in stems_a and stem_a not in stems_b:
                word_b, start_b, end_b = stems_b[stem_b]
                if word_a in _denial_verbs() or word_b in _denial_verbs():
                    continue  # "denied" already counts as a denial; it must not flip twice
                return word_a, word_b, [start_a, end_a], [start_b, end_b], {stem_a, stem_b}
    # A negating prefix makes an opposite of any word: "valid" / "invalid", "lawful" / "unlawful".
    for one, other, flipped in ((first, second, False), (second, first, True)):
        if not other.prefixed:
            continue
        for word, start, end in one.words:
            for prefixed in other.prefixed.get(word, ()):
                found = other.spans[prefixed]
                if prefixed in one.spans or word in other.spans:
                    continue
                stems = {_stem(word), _stem(prefixed)}
                pair = (word, prefixed, [start, end], list(found))
                if flipped:
                    pair = (prefixed, word, list(found), [start, end])
                return pair[0], pair[1], pair[2], pair[3], stems
    return None


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _canon(default_normalizer().stem(word))


@cache
def _floor_things() -> frozenset[str]:
    """Things whose count is a floor for a toll ("bodies" for the killed): casualty_roles.tsv
    rows marked "floor", as the singular nouns quantities.py reads."""
    return frozenset(singular(row[0]) for row in lexicon.rows("casualty_roles") if len(row) > 2 and row[2] == "floor")


def _as_toll(count: Quantity, other: Quantity) -> Quantity:
    """A count of bodies found is at least the toll of the killed: against a toll, read it as
    that floor, of whoever the toll counts ("fourteen bodies" / "eleven miners died"); against
    another count of bodies it is compared as it stands."""
    floors = _floor_things()
    if count.role and count.role == other.role and count.thing in floors and other.thing not in floors:
        return replace(count, thing=other.thing, value=None, high=None)
    return count


def _numbers(first: _Reading, second: _Reading, similarity: float) -> Verdict | None:
    """Counts of the same thing, in the same claim, that cannot both be true."""
    if similarity < CONFLICT_CLAIM:
        return None
    for found_a in first.quantities:
        for found_b in second.quantities:
            count_a, count_b = _as_toll(found_a, found_b), _as_toll(found_b, found_a)
            if count_a.key != count_b.key or count_a.key == (None, None):
                continue
            if count_a.part_of or count_b.part_of or count_a.overlaps(count_b):
                continue
            if not _same_frame(first, count_a, second, count_b):
                continue
            exact = count_a.value is not None and count_b.value is not None
            evidence = {
                "a_number": found_a.to_dict(),
                "b_number": found_b.to_dict(),
                "thing": " ".join(part for part in count_a.key if part),
            }
            verdict = Verdict("conflict", "number", _scaled(0.5 if exact else 0.4, similarity), evidence)
            floors = [q.text for q, read in ((found_a, count_a), (found_b, count_b)) if q is not read]
            if floors:
                verdict.caveats.append(
                    f"{floors[0]!r} counts what was found so far, a floor for the toll, not the toll:"
                    " check what each figure counts"
                )
                verdict.score = round(verdict.score * FLOOR_COUNT, 3)
            return verdict
    return None


def _same_frame(first: _Reading, count_a: Quantity, second: _Reading, count_b: Quantity) -> bool:
    """Both counts sit in the same claim: the words right around them are shared.

    "conducted two strikes" and "one strike destroyed one building" count strikes in two
    different claims (all the strikes, and the one that hit the building).
    """
    if count_a.role and count_a.role == count_b.role:
        return True  # "nine died" and "killed 31": the role is the claim
    near_a = _near_words(first, count_a)
    near_b = _near_words(second, count_b)
    if not near_a or not near_b:
        return True
    return bool(near_a & near_b)


def _near_words(reading: _Reading, count: Quantity) -> set[str]:
    """Content stems of the three words either side of a count, the count itself left out."""
    before = [w for w, _, e in reading.words if e <= count.start][-3:]
    after = [w for w, s, _ in reading.words if s >= count.end][:3]
    stems: set[str] = set()
    for word in before + after:
        if word in _STRONG_BOUNDARY or word == ",":
            continue
        stems.update(_word_tokens(word))
    return stems


@lru_cache(maxsize=65536)
def _word_tokens(word: str) -> tuple[str, ...]:
    """The content tokens of one word, numbers left out."""
    return tuple(t for t in default_normalizer().tokens(word) if not t[0].isdigit())


def _statement_dates(statement: Statement) -> list[date]:
    """The day the statement is about: its event date, or the full dates its text names."""
    if statement.event_date:
        return [statement.event_date]
    return _named_days(statement)


def _human(day: date) -> str:
    return f"{day.day} {day:%B}"


def _add_date_caveat(verdict: Verdict, a: Statement, b: Statement) -> None:
    dates_a, dates_b = _statement_dates(a), _statement_dates(b)
    if dates_a and dates_b and not set(dates_a) & set(dates_b):
        day_a, day_b = dates_a[0], dates_b[0]
        verdict.evidence["a_date"] = day_a.isoformat()
        verdict.evidence["b_date"] = day_b.isoformat()
        earlier, later = sorted((day_a, day_b))
        verdict.caveats.append(
            f"dates differ: {_human(earlier)} vs {_human(later)} — check that they are the same event"
        )
        verdict.score = round(verdict.score * DIFFERENT_DAYS, 3)
    elif verdict.type == "number" and a.said_on and b.said_on and a.said_on != b.said_on:
        verdict.caveats.append(
            f"figures given on different days ({_human(a.said_on)} vs {_human(b.said_on)}):"
            " a toll that changes over time is not necessarily a contradiction"
        )
        verdict.score = round(verdict.score * DIFFERENT_REPORT_DAYS, 3)


def _dates(
    a: Statement, b: Statement, first: _Reading, second: _Reading, similarity: float
) -> Verdict | None:
    """The same event on different days. Only for near-identical claims whose text names the
    date itself: otherwise two events of one kind on two days would read as a dispute."""
    if similarity < DATE_CLAIM or first.cues or second.cues:
        return None
    dates_a, dates_b = _statement_dates(a), _statement_dates(b)
    if not dates_a or not dates_b or set(dates_a) & set(dates_b):
        return None
    named_a = _text_names_a_date(a)
    named_b = _text_names_a_date(b)
    if not (named_a or named_b):
        return None
    evidence = {"a_date": dates_a[0].isoformat(), "b_date": dates_b[0].isoformat()}
    verdict = Verdict("conflict", "date", _scaled(0.4, similarity), evidence)
    verdict.caveats.append(
        f"{_human(dates_a[0])} vs {_human(dates_b[0])}: two events of the same kind on different"
        " days would read the same — check that it is one event"
    )
    return verdict


def _text_names_a_date(statement: Statement) -> bool:
    return bool(_named_days(statement))


def _named_days(statement: Statement) -> list[date]:
    """The days a statement's text names, relative ones resolved against when it was said or
    published."""
    anchor = statement.said_on or (statement.source.published if statement.source else None)
    return list(_days_in(statement.text, anchor))


@lru_cache(maxsize=65536)
def _days_in(text: str, anchor: date | None) -> tuple[date, ...]:
    return tuple(m.value for m in find_dates(text, anchor) if m.value and m.precision == "day")


def _scaled(base: float, similarity: float) -> float:
    """Score: a floor for the rule firing, the rest earned by how closely the claims match."""
    return round(base + (1 - base) * min(1.0, similarity), 3)


# --- quotes and speakers -----------------------------------------------------------------------


def _same_speaker(a: Statement, b: Statement) -> bool | None:
    """True, False, or None when either speaker is unknown (no id and no name)."""
    if a.speaker.id is not None and b.speaker.id is not None:
        return a.speaker.id == b.speaker.id
    names_a = _names(a)
    names_b = _names(b)
    if not names_a or not names_b:
        return None
    # "Culture Minister Ines Valdez" and "Ines Valdez": titles dropped, one name inside the other.
    return any(x <= y or y <= x for x in names_a for y in names_b)


def _names(statement: Statement) -> list[frozenset[str]]:
    speaker = statement.speaker
    forms = [_name_words(name) for name in [speaker.name, *speaker.aliases] if name and name.strip()]
    return [form for form in forms if form]


@lru_cache(maxsize=65536)
def _name_words(name: str) -> frozenset[str]:
    return frozenset(strip_titles(name).split())


def _quote_rules(
    a: Statement, b: Statement, first: _Reading, second: _Reading, same_speaker: bool | None
) -> Verdict | None:
    """Misattributed and altered quotes: near word-for-word texts, compared word by word."""
    if same_speaker is None or a.kind not in _QUOTE_KINDS or b.kind not in _QUOTE_KINDS:
        return None
    words_a, words_b = first.quote_words, second.quote_words
    if min(len(words_a), len(words_b)) < 4:
        return None
    # Upper bounds of ratio() first (difflib's real_quick_ratio and quick_ratio, from cached
    # word counts): most pairs are far from word for word, and that is cheap to know.
    total = len(words_a) + len(words_b)
    if 2 * min(len(words_a), len(words_b)) < NEAR_VERBATIM * total:
        return None
    bag_a, bag_b = first.bag, second.bag
    if len(bag_a) == len(words_a) or len(bag_b) == len(words_b):
        common = len(bag_a.keys() & bag_b.keys())  # one side repeats no word: shared words = matches
    else:
        common = sum(min(n, bag_b[w]) for w, n in bag_a.items() if w in bag_b)
    if 2 * common < NEAR_VERBATIM * total:
        return None
    same_words = words_a == words_b
    ratio = 1.0 if same_words else difflib.SequenceMatcher(a=words_a, b=words_b, autojunk=False).ratio()
    if same_words:
        if same_speaker:
            return Verdict("same", None, 1.0, {"similarity": 1.0, "verbatim": True})
        if ratio >= VERBATIM:
            return _misattribution(a, b, ratio)
    if (
        same_speaker is False
        and ratio >= VERBATIM
        and not _changes_meaning(first, second, a, b)
        and next(_substitutions(first.sequence, second.sequence, first.covers, second.covers, second.places), None)
        is None
    ):
        # Word for word but for small words: "every school" / "every bridge" is another claim.
        return _misattribution(a, b, ratio)
    if same_speaker and a.kind == "quote" and b.kind == "quote" and ratio >= NEAR_VERBATIM:
        if a.said_on and b.said_on and abs((a.said_on - b.said_on).days) > 7:
            return None  # said weeks apart: two utterances, judged as a self-contradiction
        diff = _word_diff(list(words_a), list(words_b))
        serious = _changes_meaning(first, second, a, b)
        changed = sum(1 for op, _ in diff if op != "=") / max(1, len(diff))
        score = 0.9 if serious else round(0.45 + 0.4 * min(1.0, changed * 2), 3)
        evidence: dict[str, Any] = {"diff": diff, "similarity": round(ratio, 3)}
        if serious:
            evidence["changes_meaning"] = True
        return Verdict("conflict", "altered", score, evidence)
    return None


def _misattribution(a: Statement, b: Statement, ratio: float) -> Verdict:
    evidence = {
        "a_speaker": a.speaker.name,
        "b_speaker": b.speaker.name,
        "similarity": round(ratio, 3),
    }
    caveats = []
    if "reported" in (a.kind, b.kind):
        caveats.append("one side is a paraphrase: check whether both speakers made the claim")
    return Verdict("conflict", "misattribution", round(0.5 + 0.45 * ratio, 3), evidence, caveats)


def _changes_meaning(first: _Reading, second: _Reading, a: Statement, b: Statement) -> bool:
    """A near-verbatim pair whose difference flips a denial, a count, a date or a word into its
    opposite: two different claims, not one quote given twice."""
    if _polarity(first, second, 1.0) is not None or _numbers(first, second, 1.0) is not None:
        return True
    return first.figures != second.figures or not _same_days(a, b)


def _same_days(a: Statement, b: Statement) -> bool:
    """Both statements name the same days (or neither names one), relative days resolved;
    a day that cannot be resolved (no year, no anchor) is compared as written."""
    return _day_keys(a) == _day_keys(b)


def _day_keys(statement: Statement) -> frozenset[str]:
    anchor = statement.said_on or (statement.source.published if statement.source else None)
    return _day_keys_in(statement.text, anchor)


@lru_cache(maxsize=65536)
def _day_keys_in(text: str, anchor: date | None) -> frozenset[str]:
    return frozenset(
        m.value.isoformat() if m.value else " ".join(m.text.lower().split()[-2:])
        for m in find_dates(text, anchor)
        if m.precision == "day" and m.text.split()[-1].lower() not in ("day", "time")
    )


def _figures(text: str, quantities: Sequence[Quantity]) -> tuple[Any, ...]:
    """What a text's numbers say, whatever their spelling: its counts and its other figures
    ("Brigade 10"), dates left out (they need the statement's anchor, see ``_same_days``)."""
    dates = find_dates(text)
    counts = sorted((q.low or 0, q.high or 0, q.role or "", q.thing or "") for q in quantities)
    taken = [(q.start, q.end) for q in quantities] + [(m.start, m.end) for m in dates]
    labels = sorted(
        m.group() for m in re.finditer(r"\d[\d,.]*", text)
        if not any(start <= m.start() < end for start, end in taken)
    )  # fmt: skip
    return (tuple(counts), tuple(labels))


def _word_diff(words_a: list[str], words_b: list[str]) -> list[list[str]]:
    """[["=", word], ["-", dropped], ["+", added], …] from a to b."""
    out: list[list[str]] = []
    matcher = difflib.SequenceMatcher(a=words_a, b=words_b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.extend(["=", w] for w in words_a[i1:i2])
            continue
        out.extend(["-", w] for w in words_a[i1:i2])
        out.extend(["+", w] for w in words_b[j1:j2])
    return out


def _as_self_contradiction(verdict: Verdict, a: Statement, b: Statement) -> Verdict:
    """A speaker contradicting himself or herself: the inner rule's evidence, nested."""
    evidence = {"kind": verdict.type, **verdict.evidence}
    if a.said_on and b.said_on and a.said_on != b.said_on:
        evidence["earlier"] = "a" if a.said_on < b.said_on else "b"
    return Verdict("conflict", "self", verdict.score, evidence, verdict.caveats)
