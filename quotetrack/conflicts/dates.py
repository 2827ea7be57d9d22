"""Date conflicts (the same event on different days) and the caveat when two claims' days differ."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache

from ..evidence import Counts, Days, DenialCue, OppositeWords
from ..incidents import APART_DAYS, said_on
from ..models import Statement
from ..text import Normalizer, find_dates
from .reading import Reading, read
from .similarity import DATE_CLAIM, overlap
from .verdict import Verdict, scaled

# Score multipliers for caveats an editor must weigh.
DIFFERENT_DAYS = 0.6
DIFFERENT_REPORT_DAYS = 0.8


def _statement_dates(statement: Statement) -> list[date]:
    """The day the statement is about: its event date, or the full dates its text names."""
    if statement.event_date:
        return [statement.event_date]
    return _named_days(statement)


def _human(day: date) -> str:
    return f"{day.day} {day:%B}"


def add_date_caveat(verdict: Verdict, a: Statement, b: Statement) -> None:
    dates_a, dates_b = _statement_dates(a), _statement_dates(b)
    if dates_a and dates_b and not set(dates_a) & set(dates_b):
        day_a, day_b = dates_a[0], dates_b[0]
        if isinstance(verdict.evidence, DenialCue | OppositeWords | Counts):
            verdict.evidence = replace(verdict.evidence, days=Days(day_a.isoformat(), day_b.isoformat()))
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


def date_conflict(
    a: Statement, b: Statement, first: Reading, second: Reading, similarity: float,
    normalizer: Normalizer | None = None,
) -> Verdict | None:
    """The same event on different days. Only for near-identical claims whose text names the
    date itself: otherwise two events of one kind on two days would read as a dispute. When
    both texts name their days, the clauses that do must be alike too: "Riots broke out on
    Tuesday after the shooting of a driver" and "Calm returned on Friday after the riots over
    the shooting of a driver" share their background, not what happened on either day."""
    if similarity < DATE_CLAIM or first.cues or second.cues:
        return None
    dates_a, dates_b = _statement_dates(a), _statement_dates(b)
    if not dates_a or not dates_b or set(dates_a) & set(dates_b):
        return None
    named_a = _text_names_a_date(a)
    named_b = _text_names_a_date(b)
    if not (named_a or named_b):
        return None
    if named_a and named_b and normalizer is not None:
        # A text that is one clause is read already.
        clause_a, clause_b = (reading if (clause := _dated_clause(s.text)) == s.text else read(clause, normalizer)
                              for s, reading in ((a, first), (b, second)))
        if overlap(clause_a.content, clause_b.content, clause_a.weight, clause_b.weight) < DATE_CLAIM:
            return None
    night = _AROUND_MIDNIGHT.search(a.text) or _AROUND_MIDNIGHT.search(b.text)
    if night and abs((dates_a[0] - dates_b[0]).days) == 1:
        return None  # "late on Friday night" / "just after midnight on Saturday": one night told from either side
    evidence = Days(dates_a[0].isoformat(), dates_b[0].isoformat())
    verdict = Verdict("conflict", "date", scaled(0.4, similarity), evidence)
    verdict.caveats.append(
        f"{_human(dates_a[0])} vs {_human(dates_b[0])}: two events of the same kind on different"
        " days would read the same — check that it is one event"
    )
    return verdict


# Where a clause ends: punctuation, and the words that attach a second happening to the first.
_CLAUSE_BREAK = re.compile(
    r"[,;:()]|\s[-–—]\s|\b(?:after|following|over|because|amid|as|when|while|since|before|until|but)\b",
    re.IGNORECASE)
# The fewest words of its own a dated clause has ("On Tuesday," alone says nothing of what happened).
_CLAUSE_WORDS = 2


@lru_cache(maxsize=65536)  # asked of a statement once for each candidate it is compared with
def _dated_clause(text: str) -> str:
    """The clause of ``text`` that names its first day, with the next one when it holds little
    more than the day ("On 14 March, the bridge collapsed")."""
    mention = next((m for m in find_dates(text) if m.precision == "day"), None)
    if mention is None:
        return text
    breaks = [0, *(m.start() for m in _CLAUSE_BREAK.finditer(text)), len(text)]
    start = max(b for b in breaks if b <= mention.start)
    ends = [b for b in breaks if b >= mention.end]
    clause = ""
    for end in ends:
        clause = text[start:end]
        words = re.findall(r"[^\W\d_]{3,}", clause.replace(text[mention.start:mention.end], " "))
        if len(words) >= _CLAUSE_WORDS:
            break
    return clause or text


_AROUND_MIDNIGHT = re.compile(r"\b(?:midnight|overnight|night|late\s+\w+day|early\s+\w+day)\b", re.IGNORECASE)


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



def dated_apart(a: Statement, b: Statement) -> bool:
    """Each statement's text dates what it tells to a day (not a day it was said on), and no day
    of one is within ``APART_DAYS`` of a day of the other: two incidents ("killed 12 people on
    16 September 2013" / "on 27 February 2015 killed seven people"), whose counts never conflict."""
    days_a, days_b = _incident_days(a), _incident_days(b)
    return bool(days_a and days_b) and all(abs((x - y).days) > APART_DAYS for x in days_a for y in days_b)


def _incident_days(statement: Statement) -> tuple[date, ...]:
    anchor = statement.said_on or (statement.source.published if statement.source else None)
    return _incident_days_in(statement.text, anchor)


@lru_cache(maxsize=65536)
def _incident_days_in(text: str, anchor: date | None) -> tuple[date, ...]:
    return tuple(m.value for m in find_dates(text, anchor)
                 if m.value and m.precision == "day" and not said_on(text, m))


def same_days(a: Statement, b: Statement) -> bool:
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

