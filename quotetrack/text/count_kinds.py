"""What kind of count a figure is, read from the words around it.

The thing counted and what happened to it (``quantities.Quantity.key``) say *what* a figure
counts; the words here say *how* it was counted, or whose figure it is:

- ``kind``: "five laboratory-confirmed deaths" and "88 suspected deaths" count the same
  victims two ways (``data/count_kinds.tsv``: confirmed, suspected). Two such figures are not
  one toll given twice: an editor sees them side by side with their kinds.
- ``corrects``: "owing to a misprint, the count should read 64,000" gives a figure as the
  correction of another (``data/correction_cues.txt``), to be set against the figure it
  corrects, not against every figure of the story.
- ``set_against``: "the toll could be far higher than the official figure of 90" names a
  figure in order to dispute it: not the speaker's own count.
- ``is_provisional``: "we have so far found six bodies" is the count so far: a later,
  higher count is the count going on, not another source's dispute.
- ``is_cumulative``: "bringing the number killed this month to 40" is a running total, not this
  incident's toll; ``is_earlier``: "rose from 60 to 88" has moved on from 60;
  ``is_forecast``: "expected to pass 4,500" is a figure to come.
- ``at_gathering``: "80,000 people joined the march" counts protesters (``data/gatherings.tsv``).
- ``compound_person``: "salespeople", "tradesmen" count people of a trade, not a thing.
- ``objects``: "released two doorbell camera videos" frees no one: what happens to people (a
  casualty role) never happens to things (``data/counted_objects.txt``, ``data/documents.txt``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import cache

from . import lexicon
from .dates import WEEKDAYS
from .tokens import Token

SENTENCE_STOP = frozenset({".", ";", "!", "?"})
# Years as a count would read them: "in 2003" is a date, "since 2015" a period.
YEARS = range(1800, 2101)
# Quotation marks end no clause for a kind word ('the tally of "presumed" victims'); they do for a
# period cue, which must stand in the count's own clause.
_CLAUSE_STOP = frozenset({".", ",", ";", ":", "!", "?", "(", ")"})
_CLAUSE_MARKS = _CLAUSE_STOP | {'"', "“", "”"}
# Words that start another clause, whose kind words are not this count's: "12 people died and
# a suspected gunman was held".
_CLAUSE_JOINS = frozenset({"and", "but", "while", "whereas", "although", "who", "which", "after"})
# How far a kind word may stand from its count: before it, back to a tally noun named early
# in the clause ("the suspected toll of fever deaths in the district has reached 88"); after it,
# through the verb that reports it ("88 people are believed to have been killed").
KIND_BEFORE, KIND_AFTER = 15, 7


@cache
def _kind_words() -> dict[str, str]:
    """data/count_kinds.tsv: word -> kind ("probable" -> "suspected")."""
    return {row[0].lower(): row[1] for row in lexicon.rows("count_kinds") if len(row) > 1}


def _kind_word(token: str) -> str | None:
    """The kind a word names; a compound names it in its last part ("laboratory-confirmed")."""
    kinds = _kind_words()
    return kinds.get(token) or (kinds.get(token.rsplit("-", 1)[-1]) if "-" in token else None)


def count_kind(toks: Sequence[Token], start: int, end: int, is_person: Callable[[str], bool]) -> str | None:
    """The kind of count the words around ``toks[start:end]`` give it: "confirmed",
    "suspected", or None when they say neither; the nearest kind word wins. A kind word inside
    a count of people ("two suspected militants") says who they are, not how the count was made;
    inside a count of anything else it says how ("five laboratory-confirmed fever deaths")."""
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


def _span(toks: Sequence[Token], start: int, end: int, stops: frozenset[str]) -> tuple[int, int]:
    """The tokens around ``toks[start:end]`` up to the nearest of ``stops`` either side: its
    sentence, or its clause."""
    first = start
    while first > 0 and toks[first - 1].low not in stops:
        first -= 1
    last = end
    while last < len(toks) and toks[last].low not in stops:
        last += 1
    return first, last


def corrects(toks: Sequence[Token], start: int) -> bool:
    """The sentence gives the figure as a correction of another: "owing to a misprint, the count
    should read 64,000", "the toll was revised to 17,000 after a clerical error was found"."""
    first, last = _span(toks, start, start, SENTENCE_STOP)
    words = [tok.low for tok in toks[first:last]]
    cues = _phrases("correction_cues")
    return any(tuple(words[i : i + len(cue)]) == cue
               for i, word in enumerate(words) for cue in cues.get(word, ()))


# Comparatives that, before "than", set the statement's claim against the figure after it.
_COMPARATIVES = frozenset({"higher", "lower", "more", "less", "greater", "fewer", "bigger", "larger", "smaller"})
_SET_AGAINST_REACH = 6
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})


def set_against(toks: Sequence[Token], start: int) -> bool:
    """The figure is named to be disputed: "far higher than the official figure of 90",
    "far lower than the 900 reported". A bound written onto the figure ("more than 90") is
    read by the number reader and starts the count, so it never reaches here."""
    for k in range(start - 1, max(start - _SET_AGAINST_REACH - 1, 0), -1):
        low = toks[k].low
        if low in _CLAUSE_STOP or low[0].isdigit():
            return False
        if low == "than":
            before = k - 1
            while before > 0 and toks[before].low in _QUOTES:
                before -= 1  # 'could be "far higher" than the official figure of 90'
            return k < start - 1 and before >= 0 and toks[before].low in _COMPARATIVES
    return False


@cache
def objects() -> frozenset[str]:
    """Counted things that are never people: a casualty role never applies to them."""
    return lexicon.words("counted_objects") | lexicon.words("documents")


@cache
def _phrases(name: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """A list of cue phrases (``data/<name>.txt``) as word tuples, by first word, longest first."""
    phrases = sorted((tuple(line.lower().split()) for line in lexicon.lines(name)), key=len, reverse=True)
    return lexicon.by_first_word(phrases, lambda phrase: phrase)


@cache
def _starts(name: str, also: str) -> frozenset[str]:
    """The words a cue of ``data/<name>.txt`` begins with, and ``also``."""
    return frozenset(_phrases(name)) | {also}


# Before a period phrase these make it a comparison, not a running total: "the deadliest attack
# this year", "the worst since 2015", "the first such attack this month".
_RANKING = frozenset({"worst", "most", "first", "biggest", "largest", "deadliest", "bloodiest", "only"})


def _phrase_at(toks: Sequence[Token], k: int, name: str) -> int:
    """The length of the cue of ``data/<name>.txt`` starting at token ``k``, or 0."""
    phrases = _phrases(name).get(toks[k].low)
    if not phrases:
        return 0
    # The words here read once, as long as the longest cue (the first), not once for each cue.
    here = tuple(tok.low for tok in toks[k : k + len(phrases[0])])
    for phrase in phrases:
        if here[: len(phrase)] == phrase:
            return len(phrase)
    return 0


def _cue_at(toks: Sequence[Token], k: int) -> int:
    """The length of the cumulative cue starting at token ``k``, or 0."""
    if toks[k].low == "since" and k + 1 < len(toks) and toks[k + 1].low.isdigit() and int(toks[k + 1].low) in YEARS:
        return 2  # "since 2015"
    return _phrase_at(toks, k, "cumulative_cues")


def _cues_near(toks: Sequence[Token], start: int, end: int, cue_at: Callable[[Sequence[Token], int], int],
               starts: frozenset[str]) -> Iterator[tuple[int, bool]]:
    """Where a cue (``cue_at``) stands for the count ``toks[start:end]``, and whether it opens the
    sentence before a comma ("Since the war began, 400 ...", "By the evening, rescuers had found
    six bodies") rather than standing in the count's own clause."""
    first, last = _span(toks, start, end, _CLAUSE_MARKS)
    if first > 0 and toks[first - 1].low == ",":
        # An opening phrase: the part of the sentence before the first comma.
        opener = first - 1
        while opener > 0 and toks[opener - 1].low not in SENTENCE_STOP:
            opener -= 1
        if opener < first - 1 and toks[opener].low in starts and cue_at(toks, opener):
            yield opener, True
    for k in range(first, last):
        # ``starts``: the words a cue can begin with, so that most words cost one look-up
        if toks[k].low in starts and not start <= k < end and cue_at(toks, k):
            yield k, False


def is_cumulative(toks: Sequence[Token], start: int, end: int) -> bool:
    """A running total, not one incident's count: a period cue (``data/cumulative_cues.txt``) in
    the count's clause ("killed this year"), or opening the sentence before a comma ("Since the
    war began, 400 ..."), unless a superlative makes it a ranking ("the deadliest this year")."""
    first = _span(toks, start, end, _CLAUSE_MARKS)[0]
    for k, opener in _cues_near(toks, start, end, _cue_at, _starts("cumulative_cues", "since")):
        if opener or not any(tok.low in _RANKING or tok.low.endswith("iest") for tok in toks[max(first, k - 3) : k]):
            return True
    return False


def is_provisional(toks: Sequence[Token], start: int, end: int) -> bool:
    """The count so far, which a later count may well exceed: a cue of ``data/provisional_cues.txt``
    or "by" and a time of the day, in the count's clause ("we have so far found six bodies",
    "six bodies had been found by the evening") or opening its sentence ("As of Tuesday, nine
    people are confirmed dead")."""
    return any(True for _ in _cues_near(toks, start, end, _provisional_at, _starts("provisional_cues", "by")))


# After "by", these make a time of the day the count was given: "by Monday evening", "by late
# Tuesday", "by nightfall" ("killed by Monday's blast" is no time: the word is "monday's").
_TIMES_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "nightfall", "noon", "midday", "dusk",
                           "midnight"}) | frozenset(WEEKDAYS)


def _provisional_at(toks: Sequence[Token], k: int) -> int:
    found = 0
    if toks[k].low == "by":
        for reach, tok in enumerate(toks[k + 1 : k + 4], start=2):
            if tok.low in _TIMES_OF_DAY:
                found = reach
                break
            if tok.low not in ("the", "late", "early", "this", "that"):
                break
    found = found or _phrase_at(toks, k, "provisional_cues")
    # "so far this year": a running total, not a count still going on (looked for only where a
    # cue stands: most words start none)
    return 0 if found and _cue_at(toks, k) else found


# Words before a figure that give it as one the statement has moved on from.
_EARLIER = frozenset({"previous", "previously", "initial", "initially", "earlier", "original", "originally",
                      "former", "preliminary"})


def is_earlier(toks: Sequence[Token], start: int) -> bool:
    """"rose from 60 to 88", "to four from 11", "a preliminary police estimate of 12": a figure
    the statement gives as superseded, not as the count it reports."""
    before = [tok.low for tok in toks[max(0, start - 4) : start]]
    clause = before[before.index(",") + 1 :] if "," in before else before
    tail = clause[-3:]
    if "from" in tail and not any(w[0].isdigit() for w in tail[tail.index("from") :]):
        # "from 60", "from just over 60" (not the 20 of "from 12 to 20"), and a change, not an
        # origin ("people from 12 villages"): "to" names the new figure nearby
        near = [tok.low for tok in toks[max(0, start - 8) : start + 4]]
        return "to" in near
    return bool(_EARLIER.intersection(clause))


# Words that make a figure an expectation. Not "could" or "may": "the toll could pass 900"
# is how a source disputes a lower figure.
_FORECAST = frozenset({"expect", "expects", "expected", "expecting", "forecast", "forecasts", "projected",
                       "predicted", "predicts", "anticipated", "anticipate"})


# How far after a count an expectation reaches: right after it ("4,500 are expected to die"),
# or, past a comparison, further ("40,000 job cuts would be more than analysts expect").
_FORECAST_AFTER, _COMPARED_AFTER = 3, 8


def is_forecast(toks: Sequence[Token], start: int, end: int) -> bool:
    """"officials expect the toll to pass 4,500", "they expected some 4,500 dead by the weekend",
    "4,500 are expected to die", "40,000 job cuts would be more than analysts expect": the clause
    gives a figure to come, or one weighed against what is expected, not one counted ("12 were
    killed in an attack officials had expected" is a count)."""
    k = start - 1
    while k >= max(0, start - 14) and toks[k].low not in _CLAUSE_MARKS:
        if toks[k].low in _FORECAST:
            return True
        k -= 1
    compared = False
    k = end
    while k < min(len(toks), end + _COMPARED_AFTER) and toks[k].low not in _CLAUSE_MARKS:
        if toks[k].low in _FORECAST and (compared or k < end + _FORECAST_AFTER):
            return True
        compared = compared or toks[k].low == "than"
        k += 1
    return False


@cache
def _gatherings() -> dict[str, str]:
    """data/gatherings.tsv: gathering -> who takes part ("protest" -> "protester")."""
    return {row[0]: row[1] for row in lexicon.rows("gatherings") if len(row) > 1}


def gathering_people() -> frozenset[str]:
    """Those who make up a gathering: "protester"."""
    return frozenset(_gatherings().values())


_GATHERING_REACH = 6


def at_gathering(toks: Sequence[Token], after: int, singular: Callable[[str], str]) -> str | None:
    """Who a count of people are when its clause names a gathering they make up: "120,000
    people joined the protest", "took part in the rally" count protesters."""
    for tok in toks[after : after + _GATHERING_REACH]:
        if tok.low in _CLAUSE_MARKS or tok.low in _CLAUSE_JOINS:
            return None
        if found := _gatherings().get(singular(tok.low)) or _gatherings().get(tok.low):
            return found
    return None


_PERSON_ENDS, _MAN_ENDS = ("people", "persons", "person", "women", "woman"), ("men", "man")


def compound_person(thing: str) -> bool:
    """A noun for people of a trade written as one word with its person noun: "salespeople",
    "tradesmen", "crewmen" (the caller leaves out the listed ones, "policeman"). Laid off, they
    are workers, as "sales employees" are; "Germans" and "humans" are no such compound."""
    for end in _PERSON_ENDS:
        if thing.endswith(end) and len(thing) - len(end) >= 3:
            return True
    stem = next((thing[: -len(end)] for end in _MAN_ENDS if thing.endswith(end)), "")
    return len(stem) >= 4 or (len(stem) >= 3 and stem.endswith("s"))
