"""Counted quantities in statement text: how many of what.

``find_quantities("at least 12 civilians were killed")`` gives one ``Quantity`` with low 12, no
upper bound, thing ``civilian`` and role ``killed``. Numbers are read from digits ("1,200"),
words ("twenty-five", "two hundred") and vague words ("dozens", "several"), with the bounds
their modifiers give ("more than 30", "up to 40", "12 to 40", "between 12 and 40").

Numbers that are not counts are skipped: dates ("8 July", "July 8"), years ("in 2003"),
ages ("aged 45", "a 45-year-old"), times ("10:30"), ordinals ("1st") and labels such as
"Brigade 10" or "Article 140".

Numbers are read by ``numbers`` (the normaliser's reader too); the lexicons (counted nouns,
casualty roles, unit labels, months) live in ``quotetrack/data/`` and are read once, by ``lexicon``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..models import json_fields
from . import lexicon, numbers
from .tokens import Token as _Tok
from .tokens import count_tokens

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
        return json_fields(self, "text", "value", "low", "high", "thing", "role") | {"span": [self.start, self.end]}


# --- lexicons ------------------------------------------------------------------------------


@cache
def _roles() -> dict[str, str]:
    """Casualty words -> the role they name (data/casualty_roles.tsv)."""
    return {row[0]: row[1] for row in lexicon.rows("casualty_roles")}


@cache
def _irregular_singulars() -> dict[str, str]:
    """Plural -> singular from the shared lemma table (men -> man, people -> person)."""
    out = dict(lexicon.pairs("lemmas"))
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


def _not_a_count(toks: list[_Tok], i: int, used: int, value: float) -> bool:
    """Dates, years, ages, times, ordinals and labels such as "Brigade 10"."""
    months = lexicon.words("months")
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
    if prev in lexicon.words("unit_labels") and toks[i - 1].text[:1].isupper():
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
    counted = lexicon.words("counted_things")
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
    return _word_before(toks, start, 4, roles)


@cache
def _tally_nouns() -> dict[str, str]:
    """Role words marked "noun" in casualty_roles.tsv: toll, deaths, casualties."""
    return {row[0]: row[1] for row in lexicon.rows("casualty_roles") if len(row) > 2 and row[2] == "noun"}


def _tally_before(toks: list[_Tok], start: int) -> str | None:
    """A tally named earlier in the clause: "the toll from Monday's bombing had risen to 14"."""
    return _word_before(toks, start, 12, _tally_nouns())


def _word_before(toks: list[_Tok], start: int, reach: int, words: dict[str, str]) -> str | None:
    """What ``words`` maps the nearest of its words to among the ``reach`` tokens before ``start``,
    not looking past the start of the clause."""
    for k in range(start - 1, max(start - reach - 1, -1), -1):
        if toks[k].low in _CLAUSE_STOP:
            break
        if toks[k].low in words:
            return words[toks[k].low]
    return None


def find_quantities(text: str) -> list[Quantity]:
    """Every count in ``text``, in order, with its bounds, the thing counted and its role."""
    toks = count_tokens(text)
    lows = [tok.low for tok in toks]
    out: list[Quantity] = []
    units, scales = numbers.number_words()
    first = numbers.first_words()
    i = 0
    while i < len(toks):
        if not numbers.may_start(lows[i], first):
            i += 1  # most words start no number: skip them before the readers below
            continue
        reading = numbers.read_number(lows, i)
        if reading is None:
            i += 1
            continue
        # An exact figure, not a vague word: it can be a date or a label, and take bounds.
        number = None if reading.vague else reading
        if number is not None:
            if lows[i] == "one" and not _one_is_a_count(toks, i):
                i += 1
                continue
            if _not_a_count(toks, i, number.end - i, number.value or 0.0):
                i = number.end
                continue
            reading = numbers.with_bounds(lows, number)
        value, low_value, high_value = reading.value, reading.low, reading.high
        start_index, end_index = reading.start, reading.end
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
        if thing and _roles().get(thing) and thing not in lexicon.words("counted_things"):
            role = role or _roles()[thing]
            thing = None
        if thing is None and role is None and number is not None and toks[i].low[0].isdigit():
            # A bare figure with nothing counted ("scored 3", "page 12") says too little.
            i = end_index
            continue
        if thing in units or thing in scales:
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
