"""Reading numbers: the one reader of figures in text, for the claim normaliser and for counts.

``read_number(words, i)`` reads the number that starts at word ``i`` of a list of lower-cased
words: digits ("1,200", "3.5", "12%", "5k"), number words ("twenty-five", "two hundred and
five", "a hundred", "two dozen") and the phrases of ``data/vague_quantities.tsv``. A phrase that
names one figure ("a dozen", "half a dozen") reads as that figure. A vague one ("several",
"dozens", "a few hundred") stays vague: it has no value, and it never ends a range; its bounds
are the magnitude the table gives ("hundreds": 100 and up, below 1,000), against which only a
figure clearly outside it is a contradiction (``quantities.Quantity.clearly_apart``).

``with_bounds(words, number)`` widens an exact number by what stands around it: a range ("12 to
40", "between 12 and 40") or a modifier before it ("at least", "up to", "more than", "about";
``data/quantity_modifiers.tsv``).

Every reader here looks a bounded number of words ahead of ``i``: reading a text is linear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from . import lexicon

# Digits as either tokenizer leaves them: thousands commas, a decimal point (the normaliser
# writes "3.5" as "3p5"), a per cent sign, or a scale run on ("5k", "2bn").
_DIGITS = re.compile(r"(\d+(?:,\d{3})*)(?:[.p](\d+))?(%|k|m|bn)?")
_DIGIT_SCALES = {"k": 1_000, "m": 1_000_000, "bn": 1_000_000_000}
# Longer digit strings are identifiers (phone numbers, ids), not figures.
MAX_DIGITS = 12
_LONGEST_PHRASE = 4


class Number(NamedTuple):  # a tuple: the normaliser reads one for every figure of every text
    """A figure read from words ``start`` to ``end`` (exclusive). ``low``/``high`` bound it
    (None: open on that side); ``value`` is the single figure when the words give one."""

    value: float | None
    low: float | None
    high: float | None
    start: int
    end: int
    vague: bool = False  # "several", "dozens": no figure of its own


@cache
def number_words() -> tuple[dict[str, int], dict[str, int]]:
    """(number words -> value, scale words -> multiplier) from data/number_words.tsv."""
    units: dict[str, int] = {}
    scales: dict[str, int] = {}
    for row in lexicon.rows("number_words"):
        target = scales if len(row) > 2 and row[2] == "scale" else units
        target[row[0]] = int(row[1])
    return units, scales


@cache
def vague_phrases() -> dict[tuple[str, ...], tuple[float, float | None]]:
    """Phrases that give a count without digits (data/vague_quantities.tsv): words -> (at least,
    below or None). Equal ends name one figure ("a dozen"); otherwise the two bound a magnitude
    ("hundreds": 100 and up, below 1,000)."""
    out: dict[tuple[str, ...], tuple[float, float | None]] = {}
    for phrase, low, *rest in lexicon.rows("vague_quantities"):
        high = rest[0] if rest else ""
        out[tuple(phrase.lower().split())] = (float(low), float(high) if high else None)
    return out


@cache
def modifiers() -> dict[tuple[str, ...], str]:
    """Phrases before a number that bound it (data/quantity_modifiers.tsv): words -> kind."""
    return {tuple(phrase.lower().split()): kind for phrase, kind, *_ in lexicon.rows("quantity_modifiers")}


@cache
def first_words() -> frozenset[str]:
    """The words a number written in words can start with (see ``may_start``)."""
    units, _ = number_words()
    return frozenset(units) | _vague_first_words() | {"a", "an"}


@cache
def _vague_first_words() -> frozenset[str]:
    return frozenset(phrase[0] for phrase in vague_phrases())


def may_start(word: str, first: frozenset[str] | None = None) -> bool:
    """Can a number start at this (lower-cased) word? Most words cannot: a fast first test.
    A caller testing many words passes ``first_words()`` as ``first``."""
    first = first or first_words()
    return word[:1].isdigit() or word in first or ("-" in word and word.split("-")[0] in first)


def digits_value(word: str) -> float | None:
    """The value of a word written in digits ("1,200", "3.5", "3p5", "12%", "5k"), else None."""
    if word.isdecimal():  # most figures: no pattern needed ("¹" is a digit, not a decimal one)
        return float(word) if len(word) <= MAX_DIGITS else None
    found = _DIGITS.fullmatch(word)
    if found is None:
        return None
    whole, fraction, suffix = found.groups()
    whole = whole.replace(",", "")
    if len(whole) > MAX_DIGITS:
        return None
    value = float(f"{whole}.{fraction}") if fraction else float(whole)
    if suffix in _DIGIT_SCALES:
        value = _scaled(value, _DIGIT_SCALES[suffix])
    return value


def _scaled(value: float, scale: int) -> float:
    # 1.1 * 1e6 is 1100000.0000000002 in floating point; a figure has no such digits.
    return round(value * scale, 6)


def read_number(words: Sequence[str], i: int) -> Number | None:
    """The number starting at ``words[i]`` (lower-cased words), or None."""
    phrase = _vague_phrase(words, i) if words[i] in _vague_first_words() else ()
    if phrase:
        low, high = vague_phrases()[phrase]
        end = i + len(phrase)
        _, scales = number_words()
        if low == high:  # "a dozen", "half a dozen": one figure
            return Number(low, low, high, i, end)
        if end < len(words) and words[end] in scales and phrase[-1] != "of":
            # "several hundred", "a few thousand": still vague, at that scale
            scale = scales[words[end]]
            return Number(None, low * scale, high * scale if high is not None else None, i, end + 1, vague=True)
        return Number(None, low, high, i, end, vague=True)
    return _read_exact(words, i)


def _vague_phrase(words: Sequence[str], i: int) -> tuple[str, ...]:
    table = vague_phrases()
    for size in range(_LONGEST_PHRASE, 0, -1):
        phrase = tuple(words[i : i + size])
        if len(phrase) == size and phrase in table:
            return phrase
    return ()


def _read_exact(words: Sequence[str], i: int) -> Number | None:
    units, scales = number_words()
    total = current = 0.0
    seen = False
    j = i
    while j < len(words):
        word = words[j]
        value = digits_value(word) if word[:1].isdigit() else None
        if value is not None:
            if seen:
                break
            current = value
            j += 1
            # After digits only scale words continue: "3 million", "3.5 million".
            while j < len(words) and words[j] in scales:
                total, current = _apply_scale(total, current, scales[words[j]])
                j += 1
            seen = True
            break
        parts = word.split("-")
        if all(part in units for part in parts):
            if seen and units[parts[0]] >= 10 and current % 100:
                break  # "two twenty" is two numbers
            current += sum(units[part] for part in parts)
        elif word in ("a", "an") and not seen and j + 1 < len(words) and words[j + 1] in scales:
            current = 1  # "a hundred", "a dozen"
        elif word in scales and seen:
            total, current = _apply_scale(total, current, scales[word])
        elif word == "and" and seen and (current >= 100 or total) and j + 1 < len(words) \
                and words[j + 1].split("-")[0] in units:
            j += 1  # "two hundred and five"
            continue
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None
    value = total + current
    return Number(value, value, value, i, j)


def _apply_scale(total: float, current: float, scale: int) -> tuple[float, float]:
    if scale < 1000:  # "two hundred", "two dozen" multiply what came before
        return total, _scaled(current, scale)
    return total + _scaled(current, scale), 0.0


def with_bounds(words: Sequence[str], number: Number) -> Number:
    """``number`` widened by a range after it ("12 to 40", "between 12 and 40") or a modifier
    before it ("at least 12", "up to 40", "more than 30", "about 300"). A vague number is
    returned as it is: it neither ends a range nor takes a bound. "from 60 to 88" is a
    change, not a range: the two figures are read apart."""
    if number.vague or number.value is None:
        return number
    value: float | None = number.value
    low, high, start, end = number.low, number.high, number.start, number.end
    between = start > 0 and words[start - 1] == "between"
    change = "from" in words[max(0, start - 3) : start]  # "from (just over) 60 to 88"
    if end + 1 < len(words) and words[end] in ("to", "-", "and") and (words[end] != "and" or between) \
            and not change:
        second = read_number(words, end + 1)
        if second is not None and not second.vague and second.value is not None and second.value > number.value:
            high, value, end = second.value, None, second.end
            if between:
                start -= 1
    if value is not None:
        modifier = _modifier_before(words, start)
        if modifier:
            start -= len(modifier)
            kind = modifiers()[modifier]
            whole = 1 if value.is_integer() else 0
            if kind == "min":
                high = None
            elif kind == "over":
                low, high, value = value + whole, None, None
            elif kind in ("max", "ceiling"):
                low, value = None, None
            elif kind == "under":
                low, high, value = None, value - whole, None
            elif kind == "about":
                margin = max(1.0, round(value * 0.1))
                low, high = value - margin, value + margin
                outer = _modifier_before(words, start)
                outer_kind = modifiers()[outer] if outer else "about"
                if outer_kind != "about":
                    # "has not exceeded about 60", "at least some 40": a bound on a rough figure
                    start -= len(outer)
                    if outer_kind in ("min", "over"):
                        high, value = None, value if outer_kind == "min" else None
                    else:
                        low, value = None, None
    return number._replace(value=value, low=low, high=high, start=start, end=end)


def modifier_kind(words: Sequence[str]) -> str | None:
    """The kind of the modifier that opens ``words`` ("fewer than 50 people" -> "under"), if any:
    one of min, over, max, ceiling, under, about (``data/quantity_modifiers.tsv``)."""
    table = modifiers()
    for size in (3, 2, 1):
        if len(words) > size and (phrase := tuple(words[:size])) in table:
            return table[phrase]
    return None


def _modifier_before(words: Sequence[str], i: int) -> tuple[str, ...]:
    """The longest modifier phrase ending just before word ``i``."""
    table = modifiers()
    for size in (3, 2, 1):
        if i - size >= 0 and (phrase := tuple(words[i - size : i])) in table:
            return phrase
    return ()


# "Of the 58," or "Of those 12 people," before a count: the whole the count is told as a part of.
_OF_THE_WHOLE = re.compile(r"\b[Oo]f\s+(?:the|those|these)\s+(?:\w+\s+)?[\d,]+(?:\s+\w+){0,2}\s*,\s*$")


def told_of_a_whole(text: str, at: int) -> bool:
    """The words right before ``at`` name a whole the count there is a part of: "Of the 58, 30
    were confirmed dead"."""
    return _OF_THE_WHOLE.search(text, max(0, at - 48), at) is not None
