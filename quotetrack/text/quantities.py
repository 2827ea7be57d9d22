"""Counted quantities in statement text: how many of what.

``find_quantities("at least 12 civilians were killed")`` gives one ``Quantity`` with low 12, no
upper bound, thing ``civilian`` and role ``killed``. Numbers are read from digits ("1,200"),
words ("twenty-five", "two hundred") and vague words ("dozens", "several"), with the bounds
their modifiers give ("more than 30", "up to 40", "12 to 40", "between 12 and 40").

Numbers that are not counts are skipped: dates ("8 July", "July 8", "Feb. 27", "February
27th"), years ("in 2003"), ages ("aged 45", "a 45-year-old"), times ("10:30"), ordinals ("1st")
and labels such as "Brigade 10" or "Article 140".

A vague count ("several", "dozens") is marked ``vague``: its bounds are the magnitude the words
name ("hundreds": 100 and up, below 1,000), which only a figure clearly outside contradicts
(``Quantity.clearly_apart``), never a figure to show as a number. A count over a period rather than one
incident ("bringing the number killed this month to 40", "since the start of the conflict") is
marked ``cumulative`` (cues in ``data/cumulative_cues.txt``): it is not this incident's toll.
Only counts of what happened to people (a casualty role) are running totals: "will cut 6,200 jobs
this year" is a plan, the story's own figure.

Numbers are read by ``numbers`` (the normaliser's reader too); the lexicons (counted nouns,
casualty roles, unit labels, months) live in ``quotetrack/data/`` and are read once, by ``lexicon``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from ..models import json_fields
from . import count_kinds, lexicon, numbers
from .count_kinds import SENTENCE_STOP, YEARS
from .dates import months
from .tokens import Token as _Tok
from .tokens import count_tokens

_CLAUSE_STOP = {".", ",", ";", ":", "!", "?", "(", ")", '"', "“", "”"}
# Words that end the search for the thing counted: "two strikes near X", "12 in the town".
_FUNCTION_WORDS = frozenset(
    "a an the of in on at near by for from with to into and or but that which who were was "
    "are is be been being had has have will would could said says told as than after before "
    "during since while when where against across over under this these those their its his "
    "her our may might must can should shall also remain remained".split()
)
# Words a role may stand behind without using up the reach: "88 people are believed to have
# been killed", "20 were reportedly killed".
_AUXILIARIES = frozenset(
    "are is were was be been being have has had to believed thought feared reported reportedly "
    "confirmed known now also already all said understood presumed".split()
)
# Words between a number and what it counts that are never the thing counted.
_NOT_THINGS = frozenset({"other", "more", "additional", "further", "extra", "new", "confirmed", "suspected"})
_ADDED_BEFORE = frozenset({"another", "additional", "further", "extra"})
_ADDED_AFTER = frozenset({"more", "others", "other"})
_PERSON_NOUNS = frozenset({"person", "people", "persons"})
# How far a round figure (a multiple of 100) may be from the count it rounds.
ROUNDING = 0.01
# How far outside a vague magnitude a figure must be to contradict it: "hundreds" (100, below
# 1,000) is contradicted by 2,000 or by 50, not by 1,200 or 80, near misses of loose words.
MAGNITUDE_MARGIN = 2.0


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
    vague: bool = False  # "several", "dozens": rough bounds, no figure of its own
    earlier: bool = False  # "from an earlier figure of 61", "rose from 60 to 88": superseded here
    cumulative: bool = False  # "the number killed this month", "since the war began": not one incident's
    forecast: bool = False  # "expected to pass 4,500": what is expected, not what was counted
    kind: str | None = None  # "confirmed", "suspected" (data/count_kinds.tsv): how it was counted
    corrects: bool = False  # "owing to a misprint, the count should read 64,000": a correction
    provisional: bool = False  # "we have so far found six bodies": the count so far, may rise

    @property
    def key(self) -> tuple[str | None, str | None]:
        """What is counted, for comparing two counts: (role, thing)."""
        thing = self.thing
        if thing in _PERSON_NOUNS:
            # "12 killed" and "12 people killed" count the same; "5,000 people" counts people.
            thing = None if self.role else "people"
        if self.role and (thing == self.role or _counted_as().get(thing or "") == self.role
                          or (thing and kind_of(thing) == _role_markers().get((self.role, "of")))
                          or ((self.role, "of") in _role_markers() and _compound_person(thing))):
            thing = None  # "14 deaths" counts the killed, as "seven killed" does; "6,200 jobs cut", the cuts
        return (self.role, kind_of(thing) if thing else thing)

    def overlaps(self, other: Quantity) -> bool:
        """True when both counts can be true at once ("at least 12" and "20"). A round figure
        (300, 2,000) is read as the rounding it is: "300 injured" and "more than 300 wounded"
        can both be true."""
        low_a, high_a = self._rounded(other)
        low_b, high_b = other._rounded(self)
        return low_a <= high_b and low_b <= high_a

    @property
    def loose(self) -> bool:
        """A count that puts a figure forward without giving it: a vague magnitude ("hundreds"),
        or a ceiling given as the figure ("as many as 88", "up to 900"; not "fewer than 50" or
        "did not exceed 40", limits with no figure of their own)."""
        return self.vague or (self.low is None and self._least() is not None)

    def clearly_apart(self, other: Quantity) -> bool:
        """True when one count is loose and the other clearly outside it (``MAGNITUDE_MARGIN``):
        "dozens" against "300" or "three", not against "150"; "as many as 88" against "five",
        not against "100". A floor ("at least 20", "more than 20") is never below a magnitude."""
        if not (self.loose or other.loose):
            return False
        return _clearly_above(self, other) or _clearly_above(other, self)

    def whole_of(self, other: Quantity) -> bool:
        """This counts people whatever their kind ("a few thousand people", "12 were killed")
        and ``other`` people of one kind (``data/counted_people.txt``: "9,400 employees", "30
        soldiers"), with the same role over the same span: ``other`` is a part of this count."""
        if self.role != other.role or self.cumulative != other.cumulative:
            return False
        whole, part = self.key[1], other.key[1]
        return whole == (None if self.role else "people") and (part in lexicon.words("counted_people")
                                                               or _compound_person(part))

    def more_than(self, other: Quantity) -> bool:
        """Every figure this count allows is above every figure ``other`` allows (clearly so
        when either is a vague magnitude: ``clearly_apart``)."""
        if self.vague or other.vague:
            return _clearly_above(self, other)
        low, _ = self._rounded(other)
        _, high = other._rounded(self)
        return low > high

    def _least(self) -> float | None:
        """The least this count claims, for weighing it against a magnitude."""
        if self.low is not None or self.vague:
            return self.low
        if numbers.modifier_kind(self.text.lower().split()) in ("under", "ceiling"):
            return None  # "fewer than 1,000", "at most 40": no figure of its own, only a ceiling
        return self.high  # "as many as 9,400": the figure put forward

    def _rounded(self, other: Quantity) -> tuple[float, float]:
        low = self.low if self.low is not None else float("-inf")
        high = self.high if self.high is not None else float("inf")
        # "more than 2,000" (2,001 up) and "as many as 2,000" round the same figure.
        if _is_round(low):
            low -= low * ROUNDING
        if _is_round(high):
            high += high * ROUNDING
        if not self._fractional() and other._fractional():
            # "52%" against "52.3 percent": the whole number is the other rounded.
            low, high = low - 0.5, high + 0.5
        return low, high

    def _fractional(self) -> bool:
        return any(bound is not None and not float(bound).is_integer() for bound in (self.low, self.high))

    @property
    def point(self) -> float:
        """One number to order counts by: the value, else the lower bound, else the upper."""
        for number in (self.value, self.low, self.high):
            if number is not None:
                return number
        return 0.0

    def comparable(self, other: Quantity) -> bool:
        """Both count the same kind of thing over the same span: one incident's toll is never
        weighed against a running total."""
        return self.key == other.key and self.cumulative == other.cumulative

    def describe(self) -> str:
        return self.text

    def to_dict(self) -> dict[str, object]:
        fields = json_fields(self, "text", "value", "low", "high", "thing", "role", "vague", "cumulative", "earlier",
                             "forecast", "kind", "corrects", "provisional")
        return fields | {"span": [self.start, self.end]}


def _clearly_above(upper: Quantity, lower: Quantity) -> bool:
    """``upper`` claims at least ``MAGNITUDE_MARGIN`` times the most ``lower`` allows (a vague
    magnitude's upper end is the one it stays below)."""
    least, most = upper._least(), lower.high
    return least is not None and most is not None and least >= MAGNITUDE_MARGIN * most


def _is_round(bound: float) -> bool:
    """A multiple of 100, or one past it ("more than 300" starts at 301)."""
    return 100 <= abs(bound) < float("inf") and (bound % 100 == 0 or (bound - 1) % 100 == 0)


# --- lexicons ------------------------------------------------------------------------------


@cache
def _roles() -> dict[str, str]:
    """Casualty words -> the role they name (data/casualty_roles.tsv)."""
    return {row[0]: row[1] for row in lexicon.rows("casualty_roles")}


@cache
def _role_markers() -> dict[tuple[str, str], str]:
    """What casualty_roles.tsv's markers say of a role: (role, "plan") when it is a plan, never a
    running total; (role, "of") -> the kind of people whose count is the role's own count."""
    out: dict[tuple[str, str], str] = {}
    for row in lexicon.rows("casualty_roles"):
        for marker in row[2].split() if len(row) > 2 else ():
            name, _, value = marker.partition(":")
            out[(row[1], name)] = value
    return out


@cache
def _counted_as() -> dict[str, str]:
    """Casualty words that name the counted themselves, singular or plural ("deaths", "fatality",
    "injuries") -> their role; not what is found of them (a "floor" such as "bodies", compared as
    a floor for the toll)."""
    out = {row[0]: row[1] for row in lexicon.rows("casualty_roles") if not (len(row) > 2 and row[2] == "floor")}
    # The counted thing is read singular: "claimed 131 lives" counts the killed as "deaths" does.
    return out | {singular(word): role for word, role in out.items()} \
        | {singular(word): role for word, role in _tally_nouns().items()}


@cache
def _irregular_singulars() -> dict[str, str]:
    """Plural -> singular from the shared lemma table (men -> man, people -> person)."""
    out = dict(lexicon.pairs("lemmas"))
    out["people"] = "people"  # "people" is the counted noun itself, kept as written
    return out


@cache
def _kinds() -> dict[str, str]:
    """Counted noun -> the first noun of its group in data/counted_kinds.tsv."""
    out: dict[str, str] = {}
    for row in lexicon.rows("counted_kinds"):
        for noun in row[1:]:
            out.setdefault(noun.lower(), row[0].lower())
    return out


def kind_of(thing: str) -> str:
    """One name for nouns that count the same people ("troop" -> "soldier", "policeman" ->
    "police officer"), so counts of the same victims are compared whatever the word."""
    return _kinds().get(thing, thing)


def singular(word: str) -> str:
    """The singular of a counted noun ("strikes" -> "strike", "casualties" -> "casualty",
    "policemen" -> "policeman")."""
    word = word.lower()
    if word.endswith("s") and (word[:-1] in lexicon.words("counted_things") or word[:-1] in _kinds()):
        return word[:-1]  # "attackers" counts attackers, though the lemma table reads "attack"
    irregular = _irregular_singulars()
    if word in irregular and word not in _roles() and _plural_form(word):
        return irregular[word]
    if word.endswith("men") and len(word) > 5:
        return word[:-3] + "man"  # "policemen", "servicemen", "gunmen"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "sis")) and len(word) > 3:
        return word[:-1]
    return word


def _plural_form(word: str) -> bool:
    """Can the lemma table's base of ``word`` be its singular? The table also holds verb forms
    ("given" -> "give") and agent nouns ("bombers" -> "bomb"), which a count never singularises."""
    if word.endswith(("men", "ren", "ople", "ice", "eet", "eeth")):
        return True  # "women", "children", "people", "mice", "feet", "teeth"
    return word.endswith("s") and not word.endswith(("ers", "ists", "ings", "ors"))


def role_of(word: str) -> str | None:
    """The casualty role a word names ("bodies" -> "killed"), from casualty_roles.tsv."""
    return _roles().get(word.lower())


def _compound_person(thing: str | None) -> bool:
    """People of a trade in one unlisted word ("salespeople"; "policeman" is listed)."""
    return bool(thing) and thing not in _kinds() and count_kinds.compound_person(thing or "")


def _is_plural(word: str) -> bool:
    return singular(word) != word.lower() or word.lower() == "people"


# --- reading -------------------------------------------------------------------------------


def _not_a_count(toks: list[_Tok], i: int, used: int, value: float) -> bool:
    """Dates, years, ages, times, ordinals and labels such as "Brigade 10"."""
    tok = toks[i]
    prev = toks[i - 1].low if i > 0 else ""
    after = toks[i + used].low if i + used < len(toks) else ""
    after2 = toks[i + used + 1].low if i + used + 1 < len(toks) else ""
    if tok.low[0].isdigit():
        month_before = _is_month(toks, i - 1)
        if month_before and i >= 2 and toks[i - 2].low.isdigit():
            month_before = False  # "on 27 February 12 people died": the day came first
        if month_before or _is_month(toks, i + used):
            return True  # "8 July", "July 8", "Feb. 27" (its full stop is gone)
        if after == "of" and _is_month(toks, i + used + 1):  # "the 8th of July" style with digits
            return True
        if i + used < len(toks) and toks[i + used].start == toks[i + used - 1].end and after[:1].isalpha() \
                and after not in {"k", "m", "bn"}:
            return True  # an ordinal ("1st"), a time ("10am") or a code ("1N" of "H1N1")
        if i > 0 and toks[i - 1].end == tok.start and prev[:1].isalpha():
            return True  # a code: "H1N1", "G20"
        if value.is_integer() and int(value) in YEARS and "," not in tok.text and not _is_plural(after):
            return True  # a year: "in 2003", "2018 elections"
        # "10:30", "3pm": a colon right after, or a clock suffix
        if after in {"am", "pm", "a.m", "p.m", "gmt", "utc", "hrs", "o'clock"}:
            return True
        if _clock(toks, i, i + 1) or _clock(toks, i - 2, i - 1):
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


def _in_code_or_date(text: str, toks: list[_Tok], i: int) -> bool:
    """Digits that are a code written onto a word with a dash ("COVID-19", "F-16", "MH-17"), or a
    group of a date written in digits ("2017-10-15", "15/10/2017", "2017-18"): three groups joined
    by "-" or "/", or two with a year among them. "12-15" is neither."""
    if i > 0 and toks[i - 1].low[:1].isalpha() and text[toks[i - 1].end : toks[i].start] == "-":
        return True
    first = i
    while _joined(text, toks, first - 1):
        first -= 1
    last = i
    while _joined(text, toks, last):
        last += 1
    groups = [toks[k].low for k in range(first, last + 1)]
    return len(groups) >= 3 or (len(groups) == 2 and any(len(g) == 4 and int(g) in YEARS for g in groups))


def _dash_range(text: str, toks: list[_Tok], number: numbers.Number) -> numbers.Number:
    """A range written with a dash between two figures in digits ("12-15 people", "12 – 15"),
    which the tokens no longer show; a date ("2025-03-14") or a score ("3-2") is none."""
    end = number.end
    if number.value is None or number.low != number.high or end >= len(toks) \
            or text[toks[end - 1].end : toks[end].start].strip() not in ("-", "–", "—"):
        return number
    if not (toks[end - 1].low.isdigit() and toks[end].low.isdigit()) or _in_code_or_date(text, toks, end):
        return number
    second = numbers.digits_value(toks[end].low)
    if second is None or second <= number.value:
        return number
    return number._replace(value=None, high=second, end=end + 1)


def _joined(text: str, toks: list[_Tok], k: int) -> bool:
    """Tokens ``k`` and ``k + 1`` are digits written with one "-" or "/" between them."""
    return 0 <= k and k + 1 < len(toks) and toks[k].low.isdigit() and toks[k + 1].low.isdigit() \
        and text[toks[k].end : toks[k + 1].start] in ("-", "/")


def _clock(toks: list[_Tok], hour: int, colon: int) -> bool:
    """Digits, a colon and digits written together ("10:30"); "27th: 12 were killed" is no time."""
    if hour < 0 or colon + 1 >= len(toks) or toks[colon].low != ":":
        return False
    return toks[hour].end == toks[colon].start and toks[colon].end == toks[colon + 1].start \
        and toks[hour].low.isdigit() and toks[colon + 1].low.isdigit()


# Month names that are also common words: a month only when written with a capital ("12 May",
# but "12 may have died"; "March 3", but "3,000 march").
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar"})


def _is_month(toks: list[_Tok], k: int) -> bool:
    if not 0 <= k < len(toks) or toks[k].low not in lexicon.words("months"):
        return False
    return toks[k].low not in _AMBIGUOUS_MONTHS or toks[k].text[:1].isupper()


def _thing_after(toks: list[_Tok], j: int, value: float | None) -> tuple[str | None, int]:
    """The noun counted after position ``j``: up to three words on, stopping at function
    words and punctuation. Returns (singular noun or None, index just after it)."""
    counted = lexicon.words("counted_things")
    window: list[tuple[int, str]] = []
    k = j
    while k < len(toks) and len(window) < 4 and k < j + 5:
        low = toks[k].low
        if low in _CLAUSE_STOP or low in _FUNCTION_WORDS or low[0].isdigit():
            break
        if low not in _NOT_THINGS:  # "18 other suspects": the suspects are counted
            window.append((k, low))
        k += 1
    if not window:
        return None, j
    # Two-word things ("air strikes") first, then a listed noun, then a plural, then the last word.
    for (k1, w1), (_, w2) in zip(window, window[1:], strict=False):
        if f"{w1} {singular(w2)}" in counted:
            return _head(window, w2, f"{w1} {singular(w2)}", k1 + 2)
    for k1, word in window:
        base = word.split("-")[-1]
        if singular(base) in counted or base in counted:
            return _head(window, base, singular(base), k1 + 1)
    if value is None or value != 1:
        for k1, word in window:
            if _is_plural(word) and not word.endswith("'s"):
                return singular(word), k1 + 1
    k1, word = window[0]
    verb = word.endswith(("ed", "ing")) or (word in _irregular_singulars() and not _plural_form(word))
    if verb and word not in _roles():
        return None, j  # "12 killed" is handled by the role; "three fled", "30 taken" count no noun
    return singular(word), k1 + 1


def _head(window: list[tuple[int, str]], written: str, thing: str, after: int) -> tuple[str, int]:
    """The noun a compound counts. A noun ``written`` in the singular, with nouns after it that
    end in a plural, only says which ones: "two station security camera videos", "three hospital
    beds" and "40,000 job cuts" count videos, beds and cuts. A plural is the head already
    ("12 civilians killed"); so is a noun with no plural after it ("three police wounded")."""
    if singular(written) != written.lower():
        return thing, after
    k = after
    for index, word in window:
        if index < after:
            continue
        if index != k or word.endswith(("ed", "ing", "'s")) or not word.isalpha():
            break
        if _is_plural(word):
            if word in _roles():
                break  # "12 civilian deaths": civilians, killed (the role word gives the role)
            return singular(word), index + 1
        k += 1  # a singular noun in the run ("body", "camera"): read on to its last word
    return thing, after


def _role_near(toks: list[_Tok], start: int, end: int) -> str | None:
    """A casualty word within the clause around the count: "killing 12", "12 were killed"."""
    roles = _roles()
    if start > 0 and _role_at(toks, start - 1):
        # "killing seven and wounding 22": the verb right before a count is its role, not one further on.
        return _role_at(toks, start - 1)
    ahead, across, listed = None, False, True
    k, reach = start, 0
    while k < len(toks) and toks[k].low not in _CLAUSE_STOP and (k < end or reach < 4):
        low = toks[k].low
        if _role_at(toks, k):
            # "including 12 children and wounded 58": a role word before a number is that number's
            if not (k + 1 < len(toks) and numbers.may_start(toks[k + 1].low)):
                ahead = _either_role(toks, k)
            # "2,523 cases and 19 deaths": a role word right after another number is that number's
            listed = listed and not (across and numbers.may_start(toks[k - 1].low))
            break
        if k >= end and low[0].isdigit() and not across:
            across = True  # "the toll stood at 38 with 57 wounded": "wounded" is the 57's
            # ... but "12 and 30 were killed" lists two counts of one role; "1,200 had been
            # infected and 45 had died" does not
            listed = all(tok.low in _LIST_JOINS for tok in toks[end:k])
        if k >= end and low not in _AUXILIARIES:
            reach += 1  # "are believed to have been" does not use up the reach
        k += 1
    if ahead and not across:
        return ahead
    return _tally_before(toks, start) or (ahead if listed else None) or _word_before(toks, start, 4, roles)


_LIST_JOINS = frozenset({"and", "or", "to", ",", "nor"})


# The role of a count of people killed or wounded, either: "12 were killed or wounded".
_EITHER = "casualties"


def _either_role(toks: list[_Tok], k: int) -> str | None:
    """The role the word at ``k`` names, or ``_EITHER`` when it is joined to a word of another role
    ("killed or wounded", "dead and injured"): the count is of casualties, never of the killed."""
    role = _role_at(toks, k)
    if k + 2 < len(toks) and toks[k + 1].low in {"or", "and"} and (other := _role_at(toks, k + 2)) \
            and other != role and not (k + 3 < len(toks) and numbers.may_start(toks[k + 3].low)):
        return _EITHER
    return role


@cache
def _role_phrases() -> dict[tuple[str, str], str]:
    """Two-word casualty phrases of casualty_roles.tsv ("in hospital", "laid off") by their words."""
    rows = lexicon.rows("casualty_roles")
    return {(words[0], words[1]): row[1] for row in rows if len(words := row[0].lower().split()) == 2}


def _role_at(toks: list[_Tok], k: int) -> str | None:
    """The role the word at ``k`` names, alone or as the end of a two-word phrase ("in hospital")."""
    role = _roles().get(toks[k].low)
    if role is None and k > 0:
        role = _role_phrases().get((toks[k - 1].low, toks[k].low))
    return role


@cache
def _tally_nouns() -> dict[str, str]:
    """Role words marked "noun" in casualty_roles.tsv: toll, deaths, casualties."""
    return {row[0]: row[1] for row in lexicon.rows("casualty_roles") if len(row) > 2 and row[2] == "noun"}


def _tally_before(toks: list[_Tok], start: int) -> str | None:
    """A tally named earlier in the clause: "the toll from Monday's bombing had risen to 14"."""
    return _word_before(toks, start, 12, _tally_nouns(), past_numbers=True)


def _word_before(toks: list[_Tok], start: int, reach: int, words: dict[str, str], *,
                 past_numbers: bool = False) -> str | None:
    """What ``words`` maps the nearest of its words to among the ``reach`` tokens before ``start``,
    not looking past the start of the clause, nor past another count or its own word (a tally
    noun, ``past_numbers``, still reaches past a number: "the toll rose from 12 to 20")."""
    for k in range(start - 1, max(start - reach - 1, -1), -1):
        if toks[k].low in _CLAUSE_STOP or (toks[k].low[0].isdigit() and not past_numbers):
            break
        if toks[k].low in words and k > 0 and toks[k - 1].low[0].isdigit():
            break  # "300 injured and 2,000 children orphaned": "injured" is the 300's
        if toks[k].low in words:
            return words[toks[k].low]
    return None


_SHARE_WORDS = frozenset({"including", "includes", "included", "among"})


def _names_a_share(toks: list[_Tok], start: int, previous: Quantity) -> bool:
    """The count is introduced as a share of the one before it in the sentence: "14 were killed,
    including three children", "among them two soldiers"."""
    k = start - 1
    if k >= 0 and toks[k].low in {"them", "whom"}:
        k -= 1  # "among them"
    if k < 0 or toks[k].low not in _SHARE_WORDS:
        return False
    m = k - 1
    while m >= 0 and toks[m].start >= previous.end:  # only the words between the two counts
        if toks[m].low in SENTENCE_STOP or toks[m].low[0].isdigit():
            return False
        m -= 1
    return True


_RESTATED_REACH = 4


def _restates(toks: list[_Tok], start: int, previous: Quantity) -> bool:
    """The count restates the one before it in other units, after ", or": "12 percent of its
    workforce, or about 4,000 employees"."""
    k = start - 1
    if k < 1 or toks[k].low != "or" or toks[k - 1].low != ",":
        return False
    m, between = k - 2, 0
    while m >= 0 and toks[m].start >= previous.end:
        if toks[m].low in _CLAUSE_STOP or toks[m].low[0].isdigit():
            return False
        m, between = m - 1, between + 1
    return between <= _RESTATED_REACH


# What a count named only by a figure noun counts, as ``Quantity.thing``.
FIGURE = "figure"


@cache
def _figure_nouns() -> frozenset[str]:
    """Nouns that name a figure without saying what it counts (data/figure_nouns.txt, those
    that are no casualty word themselves: "figure", "total", "crowd", not "toll" or "deaths")."""
    roles = _roles()
    # Both forms: "the numbers" as well as "the number" (a token is matched as written).
    return frozenset(form for w in lexicon.words("figure_nouns") if w not in roles and singular(w) not in roles
                     for form in (w, singular(w)))


_FIGURE_REACH, _CORRECTION_REACH = 3, 5


def _named_figure(toks: list[_Tok], start: int, end: int, reach: int = _FIGURE_REACH) -> bool:
    """The count is named by a figure noun: "the number was 1,700", "the 900 figure"."""
    near = [tok.low for tok in toks[max(0, start - reach) : start]] + [tok.low for tok in toks[start:end]]
    return not _figure_nouns().isdisjoint(near)


def _referred_role(toks: list[_Tok], start: int, end: int, reach: int = _FIGURE_REACH) -> str | None:
    """The role of a figure named by a figure noun ("the figure of 212,000", "the number was
    1,700", "the 900 figure"): that of the nearest casualty word earlier in the sentence."""
    if not _named_figure(toks, start, end, reach):
        return None
    roles = _roles()
    for k in range(start - 1, -1, -1):
        if toks[k].low in SENTENCE_STOP:
            break
        if toks[k].low in roles and not (k > 0 and toks[k - 1].low[0].isdigit()):
            return roles[toks[k].low]
    return None


_NUMBER_OF_REACH, _APOSTROPHES = 16, ("'", "’")


def _counted_by_figure(text: str, toks: list[_Tok], start: int) -> str | None:
    """The people "number" names: "put the demonstrators' numbers at 25,000", "the number of
    protesters". Only people of a kind (``counted_people``), owning it as a plural: "the police's
    numbers" are the police's estimate."""
    for k in range(start - 1, max(start - _NUMBER_OF_REACH - 1, 0), -1):
        if toks[k].low in _CLAUSE_STOP or toks[k].low[0].isdigit():
            return None
        if toks[k].low not in ("number", "numbers"):
            continue
        owner = toks[k - 1].low if k > 0 else ""
        if k + 2 < start and toks[k + 1].low == "of":
            noun = toks[k + 3].low if toks[k + 2].low in ("the", "those") and k + 3 < start else toks[k + 2].low
        elif owner.endswith("s") and text[toks[k - 1].end : toks[k - 1].end + 1] in _APOSTROPHES:
            noun = owner  # "the demonstrators' numbers"
        elif owner.endswith(("'s", "’s")) and singular(owner[:-2]) != owner[:-2]:
            noun = owner[:-2]  # "the children's numbers"
        else:
            return None
        thing = singular(noun)
        return thing if kind_of(thing) in lexicon.words("counted_people") and _is_plural(noun) else None
    return None


def _number_of(toks: list[_Tok], start: int) -> str | None:
    """The role of a figure whose clause opens with "the number of …" and a casualty word: "the
    number of villagers killed in the raid has not exceeded about 60"."""
    figure_nouns = lexicon.words("figure_nouns")
    for k in range(start - 1, max(start - _NUMBER_OF_REACH - 1, 0), -1):
        if toks[k].low in _CLAUSE_STOP or toks[k].low[0].isdigit():
            return None
        if toks[k].low in figure_nouns and k + 1 < start and toks[k + 1].low == "of":
            return next((role for m in range(k + 2, start) if (role := _role_at(toks, m))), None)
    return None


@cache
def _abbreviations() -> frozenset[str]:
    """Words whose full stop ends no clause: "Feb.", "Sept.", "Gen." (data/abbreviations.txt, months)."""
    full: dict[int, str] = {}
    for name, number in months().items():
        full.setdefault(number, name)  # the first of each month is its full name: "May." ends a sentence
    short = frozenset(months()) - frozenset(full.values())
    return frozenset(line.rstrip(".").lower() for line in lexicon.lines("abbreviations")) | short


def _without_abbreviation_stops(toks: list[_Tok]) -> list[_Tok]:
    """The tokens less the full stop written onto an abbreviation ("the Sept. 11 attacks")."""
    abbreviations = _abbreviations()
    return [tok for k, tok in enumerate(toks)
            if not (tok.low == "." and k > 0 and toks[k - 1].end == tok.start and toks[k - 1].low in abbreviations)]


def find_quantities(text: str) -> list[Quantity]:
    """Every count in ``text``, in order, with its bounds, the thing counted and its role."""
    return list(quantities_of(text))


@lru_cache(maxsize=1 << 15)
def quantities_of(text: str) -> tuple[Quantity, ...]:
    """``find_quantities`` remembered: conflict detection reads a new statement's figures for
    their roles and again when it compares the statement, and reading them was a tenth of an
    import. (A ``Quantity`` is frozen, so one tuple can be shared.)"""
    return tuple(iter_quantities(text))


def iter_quantities(text: str, *, how: bool = True) -> Iterator[Quantity]:
    """The counts of ``find_quantities``, one at a time: a caller that needs only the first of
    some kind (does this statement give a figure?) reads no further, nor, with ``how=False``,
    how each was counted (its kind, a correction or not, whether it is the count so far)."""
    toks = _without_abbreviation_stops(count_tokens(text))
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
            if _not_a_count(toks, i, number.end - i, number.value or 0.0) or _in_code_or_date(text, toks, i):
                i = number.end
                continue
            reading = numbers.with_bounds(lows, _dash_range(text, toks, number))  # "about 12-15": the range
        value, low_value, high_value = reading.value, reading.low, reading.high
        start_index, end_index = reading.start, reading.end
        # "dozens of civilians", "one of the strikes": the thing comes after "of (the)".
        j = end_index
        part_of = partitive = False
        thing: str | None
        if lows[end_index - 1].endswith("%"):
            thing, after_thing = "percent", end_index  # "47.9% of the vote" as "52 percent of the vote"
        else:
            if j < len(toks) and toks[j].low == "of":
                part_of = partitive = number is not None
                j += 1
                if j < len(toks) and toks[j].low in {"the", "their", "its", "them", "those", "these"}:
                    j += 1
            thing, after_thing = _thing_after(toks, j, value)
        # "another 200,000", "an additional 12", "12 more", "killing 12 others": added to a count
        # given elsewhere, a part of the toll and never the toll
        added = (start_index > 0 and lows[start_index - 1] in _ADDED_BEFORE) \
            or (end_index < len(toks) and lows[end_index] in _ADDED_AFTER)
        part_of = part_of or added
        role = _role_near(toks, start_index, after_thing)
        referring = thing in _figure_nouns() or (thing is None and role is None)
        # A correction names its figure further back: "the count should read 64,000".
        corrects = (how or referring) and count_kinds.corrects(toks, start_index)
        reach = _CORRECTION_REACH if corrects else _FIGURE_REACH
        if referring:
            # "the official figure of 212,000", "the 900 figure": the toll named earlier
            referred = _referred_role(toks, start_index, after_thing, reach) \
                or (None if thing else _number_of(toks, start_index))
            if referred is not None:
                thing, role = None, role or referred
            elif role is None and (owner := _counted_by_figure(text, toks, start_index)):
                thing = owner  # "put the demonstrators' numbers at 25,000": demonstrators
            elif role is None and _named_figure(toks, start_index, after_thing, reach):
                # "the official number is 2,100": the figure the story is about, counting what
                # the statement does not say; kept, to be set against another such figure
                thing = FIGURE
        if thing and _roles().get(thing) and thing not in lexicon.words("counted_things"):
            role = role or _roles()[thing]
            thing = None
        if thing is None and role is None and number is not None and toks[i].low[0].isdigit():
            # A bare figure with nothing counted ("scored 3", "page 12") says too little.
            i = end_index
            continue
        if thing in units or thing in scales:
            thing = None
        if value is not None and not value.is_integer():
            role = None  # "a 5.6 magnitude quake killed 7": people are counted in whole numbers
        if role is None and thing and out and (_names_a_share(toks, start_index, out[-1])
                                               or _restates(toks, start_index, out[-1])):
            # "killed 14, including three children": the children were killed; "to lay off 12
            # percent of its staff, or about 4,000 employees": the 4,000 are laid off
            role = out[-1].role
        if role is None and thing in _PERSON_NOUNS:  # "120,000 people joined the protest": protesters
            thing = count_kinds.at_gathering(toks, after_thing, singular) or thing
        if role and thing in count_kinds.objects():
            role = None  # "released two drone videos", "killed in two strikes": no one freed, no strike killed
        end_of_count = max(after_thing, end_index)
        kind = count_kinds.count_kind(toks, start_index, end_of_count, _names_people) if how else None
        if partitive and kind is not None and not added:
            # "18 of the deaths had been confirmed": the part is the count of its kind, the
            # confirmed toll, to be set against another confirmed toll ("lowered to six from 18")
            part_of = False
        out.append(
            Quantity(
                value=value, low=low_value, high=high_value,
                thing=thing,
                role=role,
                text=text[toks[start_index].start : toks[end_of_count - 1].end],
                start=toks[start_index].start,
                end=toks[end_of_count - 1].end,
                part_of=part_of,
                vague=reading.vague,
                earlier=count_kinds.is_earlier(toks, start_index) or count_kinds.set_against(toks, start_index),
                forecast=count_kinds.is_forecast(toks, start_index, end_index),
                cumulative=role is not None and (role, "plan") not in _role_markers()
                and count_kinds.is_cumulative(toks, start_index, end_of_count),
                kind=kind,
                corrects=corrects, provisional=how and count_kinds.is_provisional(toks, start_index, end_of_count),
            )
        )
        yield out[-1]
        i = end_index


def counts_a_crowd(count: Quantity) -> bool:
    """The count is of those who make up a gathering ("25,000 demonstrators", "120,000 people
    joined the protest"): at one incident, the crowd the story is about."""
    return count.role is None and count.key[1] in {kind_of(who) for who in count_kinds.gathering_people()}


def _names_people(word: str) -> bool:
    """The word may be a noun for people ("militants", "policemen", "smugglers"): a listed one, or
    a noun that counts nothing listed and names no casualty ("deaths", "dead", "cases" do not)."""
    thing = kind_of(singular(word))
    if thing in _PERSON_NOUNS or thing in lexicon.words("counted_people"):
        return True
    return word.isalpha() and thing not in lexicon.words("counted_things") and word not in _roles()


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
    return a.comparable(b) and not a.overlaps(b)
