"""What a word is: the one word pattern every reader of text uses, and the tokenizers built on it.

A word is a run of letters and digits (a *part*), with parts joined by apostrophes ("don't",
"O'Brien") or hyphens ("cease-fire") kept in it. Readers that compare words as written (quote
checking) may keep hyphenated compounds apart; the claim normaliser reads parts. All patterns are
single regular-expression scans: linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from .fold import fold

PART = r"[^\W_]+"  # letters and digits in any script
_JOINED = r"(?:[-'’]" + PART + ")*"
WORD = PART + _JOINED
_WORD = re.compile(WORD)
_PART = re.compile(PART)
_WORD_NO_HYPHENS = re.compile(PART + r"(?:['’]" + PART + ")*")
# Marks that end a clause, for readers that need to know where one stops.
CLAUSE_MARKS = ".;:!?,"
_WORD_OR_MARK = re.compile(WORD + "|[" + re.escape(CLAUSE_MARKS) + "]")
# For the number reader: a number keeps its thousands commas and decimals ("1,200", "3.5", "12%"),
# a word is letters only (digits start a number), and quotes and brackets are marks too.
# Thousands commas only inside a number ("1,200"): "17, including" keeps its comma as a stop.
_LETTERS = r"[^\W\d_]+"
NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_COUNT_TOKEN = re.compile(
    NUMBER + "%?|" + _LETTERS + r"(?:[-'’]" + _LETTERS + r")*|[.,;:!?()\"“”]"
)
# For reading copy whole: words written as one with full stops, ampersands or slashes ("U.S.",
# "AT&T", "9/11") and the full stop after an abbreviation ("Col.") stay one token; every other
# character that is not a space (a quote mark, a dash, a comma) is a token of its own.
_COPY_TOKEN = re.compile(WORD + r"(?:[.&/]" + WORD + r")*\.?|\S")


class Token(NamedTuple):  # a tuple: a text has many tokens and most are read once
    text: str
    low: str  # lower-cased
    start: int
    end: int


def words(text: str, *, hyphens: bool = True) -> list[str]:
    """The words of ``text`` as written; ``hyphens=False`` splits "cease-fire" in two."""
    pattern = _WORD if hyphens else _WORD_NO_HYPHENS
    return pattern.findall(text)


def word_spans(text: str) -> Iterator[re.Match[str]]:
    """Each word of ``text`` with where it stands."""
    return _WORD.finditer(text)


def parts(text: str, pos: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """Each part of each word (letters and digits only), from ``pos`` (to ``end``)."""
    return _PART.finditer(text, pos, len(text) if end is None else end)


def folded_parts(text: str) -> list[str]:
    """The word parts of ``text`` folded to lower-case ASCII, apostrophes dropped first so that
    a name keeps its letters together: "Col. O'Neil" -> ["col", "oneil"]."""
    return _PART.findall(fold(text).replace("'", ""))


def part_at(text: str, pos: int) -> re.Match[str] | None:
    """The word part starting exactly at ``pos``, if one does."""
    return _PART.match(text, pos)


def tokenize(text: str) -> list[Token]:
    """The words of ``text`` and the marks that end clauses (``.;:!?,``), in order."""
    return [Token(found := m[0], found.lower(), m.start(), m.end()) for m in _WORD_OR_MARK.finditer(text)]


def copy_tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Every token of ``text[start:end]``, marks included, for reading copy: a compound written
    as one ("U.S.", "AT&T") is one token, with the full stop that may end it (readers split that
    off again after a word that is no abbreviation)."""
    matches = _COPY_TOKEN.finditer(text, start, len(text) if end is None else end)
    return [Token(found := m[0], found.lower(), m.start(), m.end()) for m in matches]


def count_tokens(text: str) -> list[Token]:
    """Tokens for reading counts: numbers whole ("1,200", "3.5", "12%"), words of letters,
    and punctuation that stops a clause or a phrase."""
    # tuple.__new__ skips the named tuple's argument handling: every count reader starts here.
    new = tuple.__new__
    return [new(Token, (found := m[0], found.lower(), m.start(), m.end())) for m in _COUNT_TOKEN.finditer(text)]
