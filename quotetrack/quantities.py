"""Counted quantities in statement text: how many of what.

``find_quantities("at least 12 civilians were killed")`` gives one ``Quantity`` with low 12, no
upper bound, thing ``civilian`` and role ``killed``. Numbers are read from digits ("1,200"),
words ("twenty-five", "two hundred") and vague words ("dozens", "several"), with the bounds
their modifiers give ("more than 30", "up to 40", "12 to 40", "between 12 and 40").

Numbers that are not counts are skipped: dates ("8 July", "July 8"), years ("in 2003"),
ages ("aged 45", "a 45-year-old"), times ("10:30"), ordinals ("1st") and labels such as
"Brigade 10" or "Article 140".

The lexicons (number words, vague quantities, modifiers, counted nouns, casualty roles,
unit labels, months) live in ``quotetrack/data/`` and are read once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from . import lexicons

# A word, a number with thousands separators or decimals, or a punctuation mark we stop at.
# Thousands commas only inside a number ("1,200"): "17, including" keeps its comma as a stop.
_TOKEN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?%?|[^\W\d_]+(?:[-'’][^\W\d_]+)*|[.,;:!?()\"“”]")
_CLAUSE_STOP = {".", ",", ";", ":", "!", "?", "(", ")", '"', "“", "”"}
# Words that end the search for the thing counted: "two strikes near X", "12 in the town".
_FUNCTION_WORDS = frozenset(
    "a an the of in on at near by for from with to into and or but that which who were was "
    "are is be been being had has have will would could said says told as than after before "
    "during since while when where against across over under this these those their its his "
    "her our".split()
)
_PERSON_NOUNS = frozenset({"person", "people", "persons"})
_YEAR = range(1800, 2101)


@dataclass(frozen=True)
class Quantity:
    """One count read from text. ``low``/``high`` bound it (None: unbounded on that side);
    ``value`` is the single figure when the text gives one ("12", "about 12")."""

    value: float | None
    low: float | None
    high: float | None
    thing: str | None  # singular noun counted: "strike", "building", "civilian"; None if unsaid
    role: str | None  # what happened to them: "killed", "wounded", … from casualty_roles.tsv
    text: str  # the words read, as written
    start: int
    end: int
    part_of: bool = False  # "one of the strikes": a part of a larger count, not a total

    @property
    def key(self) -> tuple[str | None, str | None]:
        """What is counted, for comparing two counts: (role, thing)."""
        thing = self.thing
        if thing in _PERSON_NOUNS:
            # "12 killed" and "12 people killed" count the same; "5,000 people" counts people.
            thing = None if self.role else "people"
        if self.role and thing == self.role:
            thing = None
        return (self.role, thing)

    def overlaps(self, other: Quantity) -> bool:
        """True when both counts can be true at once ("at least 12" and "20")."""
        low_a = self.low if self.low is not None else float("-inf")
        low_b = other.low if other.low is not None else float("-inf")
        high_a = self.high if self.high is not None else float("inf")
        high_b = other.high if other.high is not None else float("inf")
        return low_a <= high_b and low_b <= high_a

    def describe(self) -> str:
        return self.text

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "thing": self.thing,
            "role": self.role,
            "span": [self.start, self.end],
        }


class _Tok(NamedTuple):  # a tuple: a text has many tokens and most are read once
    text: str
    low: str  # lower-cased
    start: int
    end: int


# --- lexicons ------------------------------------------------------------------------------


def _data_lines(name: str) -> list[str]:
    return lexicons.lines(name, strip=False)


@cache
def number_words() -> tuple[dict[str, int], dict[str, int]]:
    """(number words -> value, scale words -> multiplier) from data/number_words.tsv."""
    units: dict[str, int] = {}
    scales: dict[str, int] = {}
    for line in _data_lines("number_words.tsv"):
        parts = line.split("\t")
        target = scales if len(parts) > 2 and parts[2].strip() == "scale" else units
        target[parts[0].strip()] = int(parts[1])
    return units, scales


@cache
def _vague() -> dict[tuple[str, ...], tuple[float, float | None]]:
    out: dict[tuple[str, ...], tuple[float, float | None]] = {}
    for line in _data_lines("vague_quantities.tsv"):
        phrase, low, *rest = line.split("\t")
        high = rest[0].strip() if rest else ""
        out[tuple(phrase.lower().split())] = (float(low), float(high) if high else None)
    return out


@cache
def _vague_first_words() -> frozenset[str]:
    return frozenset(phrase[0] for phrase in _vague())


@cache
def _modifiers() -> dict[tuple[str, ...], str]:
    out = {}
    for line in _data_lines("quantity_modifiers.tsv"):
        phrase, kind = line.split("\t")
        out[tuple(phrase.lower().split())] = kind.strip()
    return out


@cache
def _word_set(name: str) -> frozenset[str]:
    return frozenset(line.strip().lower() for line in _data_lines(name))


@cache
def _roles() -> dict[str, str]:
    return dict(tuple(line.split("\t")[:2]) for line in _data_lines("casualty_roles.tsv"))  # type: ignore[misc]


@cache
def _irregular_singulars() -> dict[str, str]:
    """Plural -> singular from the shared lemma table (men -> man, people -> person)."""
    out = {}
    for line in _data_lines("lemmas.tsv"):
        form, _, base = line.partition("\t")
        if base.strip():
            out[form.strip().lower()] = base.strip().lower()
    out["people"] = "people"  # "people" is the counted noun itself, kept as written
    return out


def singular(word: str) -> str:
    """The singular of a counted noun ("strikes" -> "strike", "casualties" -> "casualty")."""
    word = word.lower()
    irregular = _irregular_singulars()
    if word in irregular and word not in _roles():
        return irregular[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def role_of(word: str) -> str | None:
    """The casualty role a word names ("bodies" -> "killed"), from casualty_roles.tsv."""
    return _roles().get(word.lower())


def _is_plural(word: str) -> bool:
    return singular(word) != word.lower() or word.lower() == "people"


# --- reading -------------------------------------------------------------------------------


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _read_number(toks: list[_Tok], i: int) -> tuple[float, int] | None:
    """A number at ``i``: digits ("1,200", "3.5", "2 million") or words ("twenty-five")."""
    units, scales = number_words()
    tok = toks[i]
    if tok.low[0].isdigit():
        digits = tok.low.rstrip("%").replace(",", "")
        try:
            value = float(digits)
        except ValueError:
            return None
        used = 1
        if i + 1 < len(toks) and toks[i + 1].low in scales:
            value *= scales[toks[i + 1].low]
            used = 2
        return value, used
    if tok.low in {"a", "an"} and i + 1 < len(toks) and toks[i + 1].low in scales:
        return float(scales[toks[i + 1].low]), 2  # "a hundred", "a million"
    total = 0.0
    current = 0.0
    used = 0
    j = i
    while j < len(toks):
        parts = toks[j].low.split("-")
        if all(part in units for part in parts) and parts[0] != "dozen":
            if used and current % 100 and units[parts[0]] >= 10:
                break  # "two twenty" is two numbers
            current += sum(units[part] for part in parts)
        elif toks[j].low in scales and used:
            if scales[toks[j].low] == 100:
                current *= 100
            else:
                total += current * scales[toks[j].low]
                current = 0
        elif toks[j].low == "and" and used and j + 1 < len(toks) and toks[j + 1].low in units:
            pass
        else:
            break
        used += 1
        j += 1
    if not used:
        return None
    return total + current, used


def _phrase_at(toks: list[_Tok], i: int, table: dict[tuple[str, ...], object]) -> tuple[str, ...]:
    """The longest phrase of ``table`` starting at token ``i`` (empty tuple if none)."""
    for size in (4, 3, 2, 1):
        words = tuple(t.low for t in toks[i : i + size])
        if len(words) == size and words in table:
            return words
    return ()


def _phrase_before(toks: list[_Tok], i: int, table: dict[tuple[str, ...], str]) -> tuple[str, ...]:
    """The longest phrase of ``table`` ending just before token ``i``."""
    for size in (3, 2, 1):
        if i - size < 0:
            continue
        words = tuple(t.low for t in toks[i - size : i])
        if words in table:
            return words
    return ()


def _not_a_count(toks: list[_Tok], i: int, used: int, value: float) -> bool:
    """Dates, years, ages, times, ordinals and labels such as "Brigade 10"."""
    months = _word_set("months.txt")
    tok = toks[i]
    prev = toks[i - 1].low if i > 0 else ""
    after = toks[i + used].low if i + used < len(toks) else ""
    after2 = toks[i + used + 1].low if i + used + 1 < len(toks) else ""
    if tok.low[0].isdigit():
        if prev in months or after in months or (prev == "of" and after in months):
            return True
        if after == "of" and after2 in months:  # "the 8th of July" style with digits
            return True
        if i + used < len(toks) and toks[i + used].start == tok.end and after in {"st", "nd", "rd", "th"}:
            return True
        if value.is_integer() and int(value) in _YEAR and "," not in tok.text and not _is_plural(after):
            return True  # a year: "in 2003", "2018 elections"
        # "10:30", "3pm": a colon right after, or a clock suffix
        if after in {"am", "pm", "a.m", "p.m", "gmt", "utc", "hrs", "o'clock"}:
            return True
        if after == ":" or prev == ":":
            return True  # a time: "10:30"
    if prev in _word_set("unit_labels.txt") and toks[i - 1].text[:1].isupper():
        return True  # "Brigade 10", "Article 140"
    if prev in {"aged", "age", "ages"}:
        return True
    if after.endswith("-year-old") or after in {"year-old", "years-old"}:
        return True
    if after in {"years", "year"} and after2 == "old":
        return True
    if tok.text.endswith("-year-old"):
        return True
    return False


def _thing_after(toks: list[_Tok], j: int, value: float | None) -> tuple[str | None, int]:
    """The noun counted after position ``j``: up to three words on, stopping at function
    words and punctuation. Returns (singular noun or None, index just after it)."""
    counted = _word_set("counted_things.txt")
    window: list[tuple[int, str]] = []
    k = j
    while k < len(toks) and len(window) < 3:
        low = toks[k].low
        if low in _CLAUSE_STOP or low in _FUNCTION_WORDS or low[0].isdigit():
            break
        window.append((k, low))
        k += 1
    if not window:
        return None, j
    # Two-word things ("air strikes") first, then a listed noun, then a plural, then the last word.
    for (k1, w1), (_, w2) in zip(window, window[1:], strict=False):
        if f"{w1} {singular(w2)}" in counted:
            return f"{w1} {singular(w2)}", k1 + 2
    for k1, word in window:
        base = word.split("-")[-1]
        if singular(base) in counted or base in counted:
            return singular(base), k1 + 1
    if value is None or value != 1:
        for k1, word in window:
            if _is_plural(word) and not word.endswith("'s"):
                return singular(word), k1 + 1
    k1, word = window[0]
    if word.endswith(("ed", "ing")) and word not in _roles():
        return None, j  # "12 killed" is handled by the role; "three fled" counts no noun
    return singular(word), k1 + 1


def _role_near(toks: list[_Tok], start: int, end: int) -> str | None:
    """A casualty word within the clause around the count: "killing 12", "12 were killed"."""
    roles = _roles()
    if start > 0 and toks[start - 1].low in roles:
        # "killing seven and wounding 22": the verb right before a count is its role, not one further on.
        return roles[toks[start - 1].low]
    for k in range(start, min(end + 4, len(toks))):
        if toks[k].low in _CLAUSE_STOP:
            break
        if toks[k].low in roles:
            return roles[toks[k].low]
    for k in range(start - 1, max(start - 5, -1), -1):
        if toks[k].low in _CLAUSE_STOP:
            break
        if toks[k].low in roles:
            return roles[toks[k].low]
    return None


@cache
def _tally_nouns() -> dict[str, str]:
    """Role words marked "noun" in casualty_roles.tsv: toll, deaths, casualties."""
    out = {}
    for line in _data_lines("casualty_roles.tsv"):
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) > 2 and parts[2] == "noun":
            out[parts[0]] = parts[1]
    return out


def _tally_before(toks: list[_Tok], start: int) -> str | None:
    """A tally named earlier in the clause: "the toll from Monday's bombing had risen to 14"."""
    nouns = _tally_nouns()
    for k in range(start - 1, max(start - 13, -1), -1):
        if toks[k].low in _CLAUSE_STOP:
            break
        if toks[k].low in nouns:
            return nouns[toks[k].low]
    return None


def find_quantities(text: str) -> list[Quantity]:
    """Every count in ``text``, in order, with its bounds, the thing counted and its role."""
    toks = _tokens(text)
    out: list[Quantity] = []
    modifiers = _modifiers()
    vague = _vague()
    units, _ = number_words()
    vague_first = _vague_first_words()
    i = 0
    while i < len(toks):
        low_value: float | None
        high_value: float | None
        value: float | None
        low = toks[i].low
        if not low[0].isdigit() and low not in vague_first and low not in ("a", "an") \
                and low.split("-")[0] not in units:
            i += 1  # most words start no number: skip them before the readers below
            continue
        vague_phrase = (
            _phrase_at(toks, i, vague) if low in vague_first else ()  # type: ignore[arg-type]
        )
        number = None if vague_phrase else _read_number(toks, i)
        if vague_phrase:
            low_value, high_value = vague[vague_phrase]
            value = low_value if low_value == high_value else None
            used = len(vague_phrase)
        elif number is not None:
            value, used = number
            if toks[i].low == "one" and not _one_is_a_count(toks, i):
                i += 1
                continue
            if _not_a_count(toks, i, used, value):
                i += used
                continue
            low_value = high_value = value
        else:
            i += 1
            continue
        start_index = i
        end_index = i + used
        # A range: "12 to 40", "12-40", "between 12 and 40".
        if number is not None and end_index + 1 < len(toks) and toks[end_index].low in {"to", "-", "and"}:
            second = _read_number(toks, end_index + 1)
            if second is not None and value is not None and second[0] > value and (
                toks[end_index].low != "and" or (i > 0 and toks[i - 1].low == "between")
            ):
                high_value = second[0]
                value = None
                end_index = end_index + 1 + second[1]
                if i > 0 and toks[i - 1].low == "between":
                    start_index = i - 1
        modifier = _phrase_before(toks, start_index, modifiers)
        if modifier and number is not None and value is not None:
            kind = modifiers[modifier]
            start_index -= len(modifier)
            if kind == "min":
                high_value = None
            elif kind == "over":
                low_value, high_value, value = value + (1 if value.is_integer() else 0), None, None
            elif kind == "max":
                low_value, value = None, None
            elif kind == "under":
                low_value, high_value, value = None, value - (1 if value.is_integer() else 0), None
            elif kind == "about":
                margin = max(1.0, round(value * 0.1))
                low_value, high_value = value - margin, value + margin
        # "dozens of civilians", "one of the strikes": the thing comes after "of (the)".
        j = end_index
        part_of = False
        if j < len(toks) and toks[j].low == "of":
            part_of = number is not None
            j += 1
            if j < len(toks) and toks[j].low in {"the", "their", "its", "them", "those", "these"}:
                j += 1
        thing, after_thing = _thing_after(toks, j, value)
        role = _role_near(toks, start_index, after_thing)
        if role is None and thing is None:
            role = _tally_before(toks, start_index)
        if thing and _roles().get(thing) and thing not in _word_set("counted_things.txt"):
            role = role or _roles()[thing]
            thing = None
        if thing is None and role is None and number is not None and toks[i].low[0].isdigit():
            # A bare figure with nothing counted ("scored 3", "page 12") says too little.
            i = end_index
            continue
        if thing in units:
            thing = None
        out.append(
            Quantity(
                value=value,
                low=low_value,
                high=high_value,
                thing=thing,
                role=role,
                text=text[toks[start_index].start : toks[max(after_thing, end_index) - 1].end],
                start=toks[start_index].start,
                end=toks[max(after_thing, end_index) - 1].end,
                part_of=part_of,
            )
        )
        i = end_index
    return out


def _one_is_a_count(toks: list[_Tok], i: int) -> bool:
    """"one strike" counts; "no one", "one another", "the one who", "one of us" do not."""
    prev = toks[i - 1].low if i > 0 else ""
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if prev in {"no", "the", "this", "that", "any", "every", "each", "someone", "anyone"}:
        return False
    if nxt in {"another", "who", "which", "that", "is", "was", "would", "could", "can", "day"}:
        return False
    if nxt == "of":
        return i + 2 < len(toks) and toks[i + 2].low in {"the", "their", "its", "those", "these"}
    return bool(nxt) and nxt not in _CLAUSE_STOP and nxt not in _FUNCTION_WORDS


def counts_differ(a: Quantity, b: Quantity) -> bool:
    """Two counts of the same thing that cannot both be true."""
    return a.key == b.key and not a.overlaps(b)
