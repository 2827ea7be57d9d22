"""What kind of count a figure is, read from the words around it.

The thing counted and what happened to it (``quantities.Quantity.key``) say *what* a figure
counts; the words here say *how* it was counted, or whose figure it is:

- ``kind``: "seven laboratory-confirmed deaths" and "149 suspected deaths" count the same
  victims two ways (``data/count_kinds.tsv``: confirmed, suspected). Two such figures are not
  one toll given twice: an editor sees them side by side with their kinds.
- ``corrects``: "due to a typo, the number should have read 170,000" gives a figure as the
  correction of another (``data/correction_cues.txt``), to be set against the figure it
  corrects, not against every figure of the story.
- ``set_against``: "the toll could be much higher than the current figure of 150" names a
  figure in order to dispute it: not the speaker's own count.
- ``head_of``: in "two police body camera videos" the thing counted is the last noun
  ("videos"); the nouns before it only say which videos.
- ``is_object``: "released two dashcam videos" frees no one: what happens to people (a
  casualty role) never happens to things (``data/counted_objects.txt``, ``data/documents.txt``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from . import lexicon
from .tokens import Token

# Quotation marks end no clause here: 'the toll of "probable" deaths'.
_CLAUSE_STOP = frozenset({".", ",", ";", ":", "!", "?", "(", ")"})
# Words that start another clause, whose kind words are not this count's: "12 people died and
# a suspected gunman was held".
_CLAUSE_JOINS = frozenset({"and", "but", "while", "whereas", "although", "who", "which", "after"})
# How far a kind word may stand from its count: before it, back to a tally noun named early
# in the clause ("the suspected death toll from swine flu had risen from 100 to 149"); after it,
# through the verb that reports it ("149 people are believed to have been killed").
KIND_BEFORE, KIND_AFTER = 15, 7


@cache
def _kind_words() -> dict[str, str]:
    """data/count_kinds.tsv: word -> kind ("probable" -> "suspected")."""
    return {row[0].lower(): row[1] for row in lexicon.rows("count_kinds") if len(row) > 1}


def _kind_word(token: str) -> str | None:
    """The kind a word names; a compound names it in its last part ("laboratory-confirmed")."""
    kinds = _kind_words()
    return kinds.get(token) or kinds.get(token.rsplit("-", 1)[-1])


def count_kind(toks: Sequence[Token], start: int, end: int, is_person: Callable[[str], bool]) -> str | None:
    """The kind of count the words around ``toks[start:end]`` give it: "confirmed",
    "suspected", or None when they say neither; the nearest kind word wins. A kind word inside
    a count of people ("two suspected militants") says who they are, not how the count was made;
    inside a count of anything else it says how ("seven laboratory-confirmed swine flu deaths")."""
    near: list[int] = []
    k = start - 1
    while k >= max(0, start - KIND_BEFORE) and toks[k].low not in _CLAUSE_STOP and toks[k].low not in _CLAUSE_JOINS:
        near.append(k)
        k -= 1
    k = start
    while k < min(len(toks), end + KIND_AFTER) and toks[k].low not in _CLAUSE_STOP:
        if k >= end and toks[k].low in _CLAUSE_JOINS:
            break
        near.append(k)
        k += 1
    for k in sorted(near, key=lambda i: abs(i - start)):
        kind = _kind_word(toks[k].low)
        if kind is None:
            continue
        if start < k < end - 1 and is_person(toks[end - 1].low):
            continue  # "two suspected militants": suspected of being militants
        return kind
    return None


@cache
def _correction_cues() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(line.lower().split()) for line in lexicon.lines("correction_cues"))


def corrects(toks: Sequence[Token], start: int) -> bool:
    """The sentence gives the figure as a correction of another: "due to a typo, the number
    should have read 170,000", "the ministry corrected the figure to 40"."""
    first = start
    while first > 0 and toks[first - 1].low not in {".", "!", "?", ";"}:
        first -= 1
    words = [tok.low for tok in toks[first:start]]
    for cue in _correction_cues():
        width = len(cue)
        if any(tuple(words[i : i + width]) == cue for i in range(len(words) - width + 1)):
            return True
    return False


# Comparatives that, before "than", set the statement's claim against the figure after it.
_COMPARATIVES = frozenset({"higher", "lower", "more", "less", "greater", "fewer", "bigger", "larger", "smaller"})
_SET_AGAINST_REACH = 6
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})


def set_against(toks: Sequence[Token], start: int) -> bool:
    """The figure is named to be disputed: "much higher than the current figure of 150",
    "far lower than the 2,000 reported". A bound written onto the figure ("more than 150") is
    read by the number reader and starts the count, so it never reaches here."""
    for k in range(start - 1, max(start - _SET_AGAINST_REACH - 1, 0), -1):
        low = toks[k].low
        if low in _CLAUSE_STOP or low[0].isdigit():
            return False
        if low == "than":
            before = k - 1
            while before > 0 and toks[before].low in _QUOTES:
                before -= 1  # 'could be "much higher" than the current figure of 150'
            return k < start - 1 and before >= 0 and toks[before].low in _COMPARATIVES
    return False


@cache
def objects() -> frozenset[str]:
    """Counted things that are never people: a casualty role never applies to them."""
    return lexicon.words("counted_objects") | lexicon.words("documents")
