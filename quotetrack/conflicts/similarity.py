"""Claim similarity: how far two statements make the same claim, and where one puts another word."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..text import Normalizer, default_normalizer
from .lexicon import generic_agents, word_stem
from .reading import Reading, places_of, read

# Claim overlap (0-1, see ``claim_similarity``) above which two statements are about the same
# claim. Polarity and number conflicts need the claims to line up; a date conflict needs them to
# be nearly identical, because two events of one kind on two days are common in news.
SAME_CLAIM = 0.9
UNRELATED = 0.2
# Words that make the noun after them a different one: "another man", "a different car".
_OTHER_ONE = frozenset({"another", "other", "different"})
CONFLICT_CLAIM = 0.4
DATE_CLAIM = 0.75


def claim_similarity(a: str, b: str, normalizer: Normalizer | None = None) -> float:
    """How far two texts make the same claim, 0-1, with negation, numbers and dates left out.

    The overlap of content words (stems, names from the terms table as one word, named things
    weighing double) measured against the shorter and the longer text, averaged: a short denial
    covered by a long report scores well, two long texts sharing one word do not.
    """
    normalizer = normalizer or default_normalizer()
    return overlap(read(a, normalizer).content, read(b, normalizer).content)


def overlap(
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


def covered_overlap(first: Reading, second: Reading) -> float:
    """``overlap`` with a word counted as shared when the other statement implies it (its
    ``covers``): "the strike killed civilians" shares "casualties" with "no civilian casualties"."""
    best = 0.0
    for one, other in ((first, second), (second, first)):
        # A word both have counts at its lesser weight, as in ``overlap``; an implied one as one word.
        shared = sum(min(w, other.content.get(t, 1.0)) for t, w in one.content.items() if t in other.covers)
        if shared and one.weight and other.weight:
            cover = min(1.0, shared / min(one.weight, other.weight))
            dice = min(1.0, 2 * shared / (one.weight + other.weight))
            best = max(best, (cover + dice) / 2)
    return best


def same_claim(first: Reading, second: Reading) -> bool:
    """One statement says all the other says (its content words are covered), and neither puts
    another word where the other has its own ("in the desert" / "on the beach")."""
    covered = max(_weighted_cover(first.content, second.covers, first.weight),
                  _weighted_cover(second.content, first.covers, second.weight))  # fmt: skip
    if covered < SAME_CLAIM or first.figures[1:] != second.figures[1:]:
        return False  # "Brigade 10" and "Brigade 12" are different claims
    if another_one(first) ^ another_one(second):
        return False  # "attacked another village" is not "attacked the village"
    return next(substitutions(first.sequence, second.sequence, first.covers, second.covers, second.places),
                None) is None



def another_one(reading: Reading) -> frozenset[str]:
    """Stems of the nouns a statement calls another one ("another man" -> "man")."""
    words = reading.words
    return frozenset(word_stem(words[k + 1][0]) for k in range(len(words) - 1) if words[k][0] in _OTHER_ONE)


def _weighted_cover(part: dict[str, float], whole: frozenset[str], total: float) -> float:
    """Share of ``part``'s weighted content (``total``) that ``whole`` contains."""
    return sum(w for t, w in part.items() if t in whole) / total if total else 0.0


def coverage(scope: Sequence[str], other: frozenset[str]) -> float:
    if not scope:
        return 0.0
    return sum(1 for token in scope if token in other) / len(scope)


def substitution(
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
    return next(substitutions(first, second, first_covers, second_covers), None)


def substitutions(
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
                where = places_of(tuple(second))
            for k in where.get(first[j], ()):
                m = k - step
                if 0 <= m < len(second) and second[m] not in first_covers:
                    yield token, second[m]


def names_differ(first: Reading, second: Reading) -> bool:
    """The two claims put different names in the same place ("North Korea launched" /
    "South Korea launched"): they are about different things, whatever else they share."""
    if first.opening and second.opening and first.opening not in second.covers and (
        second.opening not in first.covers
    ):
        return True  # two names open them: "Tamm received 52 percent" / "Brel received 47 percent"
    # A replaced name is a name of one that the other does not cover: without one, no need to look.
    if first.named <= second.covers and second.named <= first.covers:
        return False
    for one, other in ((first, second), (second, first)):
        for mine, theirs in substitutions(one.sequence, other.sequence, one.covers, other.covers, other.places):
            if another_name(mine, one, theirs, other):
                return True
    return False


def another_name(mine: str, one: Reading, theirs: str, other: Reading) -> bool:
    """``one`` puts ``mine`` where ``other`` puts ``theirs``: is that another name? Two names
    are ("North Korea" / "South Korea"); a name and a common word are, unless the name only
    lengthens a name both share ("Norland Republic" / "Norland journalist") or the word stands for
    whoever the other names ("the group")."""
    if mine in generic_agents() or theirs in generic_agents():
        return False
    named_mine, named_theirs = one.content.get(mine) == 2.0, other.content.get(theirs) == 2.0
    if named_mine and named_theirs:
        return True
    if named_mine:
        return not _lengthens_shared_name(mine, one, other)
    return named_theirs and not _lengthens_shared_name(theirs, other, one)


def _lengthens_shared_name(token: str, reading: Reading, other: Reading) -> bool:
    sequence = reading.sequence
    return any(
        0 <= j < len(sequence) and reading.content.get(sequence[j]) == 2.0 and sequence[j] in other.covers
        for k in reading.places.get(token, ())
        for j in (k - 1, k + 1)
    )


