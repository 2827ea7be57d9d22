"""Reading dates: the ones editors type (``parse_date``) and the ones news copy mentions
(``find_dates``), month names from data/months.txt."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from ..errors import InvalidInput
from . import lexicon

ACCEPTED_FORMS = "2018-07-08, 8 July 2018 or July 8, 2018"
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Two defaults that differ in every part: a part the text leaves out shows up as a difference.
_DEFAULTS = (datetime(1900, 1, 1), datetime(1904, 2, 2))


def parse_date(value: str | date | None, field: str = "date") -> date | None:
    """Read a full date (day, month and year) or raise InvalidInput naming the field."""
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    text = str(value).strip()
    if not text:
        return None
    problem = f"{field} {text!r} is not a date I can read: use a form such as {ACCEPTED_FORMS}."
    if _ISO.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise InvalidInput(problem) from None
    if not re.search(r"[A-Za-z]", text):
        # Purely numeric forms such as 08/07/2018 are read differently in London and New York.
        raise InvalidInput(problem)
    from dateutil import parser as dateutil_parser  # slow to import, and rarely needed

    try:
        first, second = (dateutil_parser.parse(text, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        raise InvalidInput(problem) from None
    if first != second:
        raise InvalidInput(problem)
    return first.date()


# --- Finding and resolving date mentions in running text -------------------------------------

@cache
def months() -> dict[str, int]:
    """Month names and abbreviations (data/months.txt) -> month number. The file lists each
    month's full name, then its abbreviations: a name that does not abbreviate the one before
    it starts the next month."""
    out: dict[str, int] = {}
    current, number = "", 0
    for name in lexicon.lines("months"):
        name = name.lower()
        if not current.startswith(name):
            current, number = name, number + 1
        out[name] = number
    return out


WEEKDAYS = {
    name: number
    for number, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}


def _month_pattern() -> str:
    """Month names as written in copy: capitalised, an abbreviation perhaps with a full stop."""
    full: dict[int, str] = {}
    for name, number in months().items():
        full.setdefault(number, name)  # the first of each month is its full name
    # Longest first, so "Sept" is tried before "Sep".
    short = sorted((name for name in months() if name not in full.values()), key=len, reverse=True)
    names = [name.capitalize() for name in full.values()] + [name.capitalize() + r"\.?" for name in short]
    return "(?:" + "|".join(names) + ")"


_MONTH = _month_pattern()
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|2[01]\d\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DATE_PATTERN = re.compile(
    # The look-ahead lists every letter a mention can start with; it lets the scan skip most words.
    r"\b(?=[0-9JFMASONDLNTOIBYEWltoibsyenmu])(?:"
    + "|".join(
        [
            rf"(?P<iso>\b{_YEAR}-[01]\d-[0-3]\d\b)",
            rf"(?P<mdy>\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?)",
            rf"(?P<dmy>\b{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR}\b)?)",
            rf"(?P<weekday>\b(?:(?:last|next|this|on|Last|Next|This|On)\s+)?{_WEEKDAY}\b)",
            r"(?P<deictic>\b(?:yesterday|today|tomorrow|Yesterday|Today|Tomorrow)\b)",
            r"(?P<week>\b(?:[Ll]ast|[Nn]ext|[Tt]his)\s+(?:week|month|year)\b)",
            rf"(?P<month>\b(?:(?:last|next|this|early|late|mid-|in|since|until|by|Last|In|Since|By)"
            rf"\s*){_MONTH}(?:,?\s+{_YEAR}\b)?(?!\s+{_DAY}\b))",
            rf"(?P<monthyear>\b{_MONTH}\s+{_YEAR}\b)",
            rf"(?P<year>\b(?:in|since|until|by|of|In|Since|By)\s+{_YEAR}\b)",
            r"(?P<anaphor>\b(?:(?:on|On)\s+)?(?:that|the\s+same|that\s+same|That)\s+(?:day|date)\b)",
        ]
    )
    + ")"
)


# Future tense shortly before a weekday, in the same clause and outside quotes: "talks would
# resume on Thursday" means the coming one.
_FUTURE = re.compile(
    r"\b(?:will|would|'ll|’ll|shall|going to|scheduled|expected to|plans? to|set to|due to|next)\b"
    r"[^.;!?“”\"‘’']*$"
)


@dataclass
class DateMention:
    """A date named in running text, with the day it stands for when that can be worked out."""

    start: int
    end: int
    text: str
    value: date | None
    relative: bool  # resolved against the anchor or an earlier mention, not written out in full
    precision: str  # "day", "week", "month" or "year"


def find_dates(
    text: str,
    anchor: date | None = None,
    *,
    antecedent_exclude: list[tuple[int, int]] | None = None,
) -> list[DateMention]:
    """Date mentions in ``text`` in order, resolved against ``anchor`` (the publication date).

    Relative days resolve to the most recent such day on or before the anchor ("on Wednesday" in
    copy published on a Wednesday is that day), because news copy reports the past. A day and month
    without a year take the year that puts them closest to the anchor, so "Nov. 8" in October is the
    coming one and "July 8" in mid-July the past one. "That day" refers back to the last mention with
    day precision, skipping mentions inside ``antecedent_exclude`` spans (the caller's way of saying
    "this date is when something was said, not what it was about").
    """
    mentions: list[DateMention] = []
    excluded = antecedent_exclude or []
    for match in _DATE_PATTERN.finditer(text):
        kind = match.lastgroup or ""
        raw = match.group(0)
        value: date | None = None
        relative = kind not in ("iso", "mdy", "dmy", "monthyear", "year")
        precision = "day"
        words = raw.lower().replace(",", " ").replace(".", " ").split()
        if kind == "iso":
            value = _safe_date(int(raw[:4]), int(raw[5:7]), int(raw[8:10]))
        elif kind in ("mdy", "dmy"):
            value, relative = _day_month(words, anchor)
        elif kind == "weekday":
            ahead = words[0] != "last" and bool(_FUTURE.search(text, max(0, match.start() - 80), match.start()))
            value = _weekday(["next", words[-1]] if ahead else words, anchor) if anchor else None
        elif kind == "deictic" and anchor:
            value = days_after(anchor, {"yesterday": -1, "today": 0, "tomorrow": 1}[words[0]])
        elif kind == "week":
            precision = words[1]
            if anchor:
                step = {"last": -1, "next": 1, "this": 0}[words[0]]
                value = _shift(anchor, precision, step)
        elif kind in ("month", "monthyear"):
            precision = "month"
            value, relative = _month(words, anchor)
        elif kind == "year":
            precision = "year"
            value = _safe_date(int(words[-1]), 1, 1)
        elif kind == "anaphor":
            value = next(
                (
                    m.value
                    for m in reversed(mentions)
                    if m.precision == "day"
                    and m.value
                    and not any(a <= m.start < b for a, b in excluded)
                ),
                None,
            )
        previous = mentions[-1] if mentions else None
        if previous and kind == "week" and words[0] == "last" and _qualifies(previous, text, match.start()):
            # "on Saturday last week", "in January last year": one mention, a week or a year back.
            mentions[-1] = _qualified(previous, words[1], anchor, match.end(), text)
            continue
        mentions.append(DateMention(match.start(), match.end(), raw, value, relative, precision))
    return mentions


def _qualifies(previous: DateMention, text: str, start: int) -> bool:
    return previous.value is not None and not text[previous.end:start].strip() and previous.relative


def _qualified(previous: DateMention, unit: str, anchor: date | None, end: int, text: str) -> DateMention:
    value = previous.value
    assert value is not None
    if unit == "week" and previous.precision == "day" and anchor:
        # The named day in the calendar week (Monday to Sunday) before the anchor's.
        monday = days_after(anchor, -anchor.weekday() - 7)
        moved = None if monday is None else days_after(monday, value.weekday())
    elif unit == "year" and previous.precision == "month" and anchor:
        moved = _safe_date(anchor.year - 1, value.month, value.day)
    else:
        return previous
    if moved is None:  # before the calendar begins: the mention stays unresolved
        return DateMention(previous.start, end, text[previous.start:end], None, True, previous.precision)
    value = moved
    return DateMention(previous.start, end, text[previous.start:end], value, True, previous.precision)


def _safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when there is none: 31 June, or a year outside 1-9999 (what "next year"
    means in copy dated 9999-12-31). A relative date the calendar cannot hold stays unresolved."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def days_after(day: date, days: int) -> date | None:
    """``day`` moved by ``days`` (back when negative); None past either end of the calendar."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def _day_month(words: list[str], anchor: date | None) -> tuple[date | None, bool]:
    numbers = [w for w in words if w[0].isdigit()]
    month = next(months()[w] for w in words if w in months())
    day = int(re.sub(r"\D", "", numbers[0]))
    if len(numbers) > 1:
        return _safe_date(int(numbers[1]), month, day), False
    if anchor is None:
        return None, True
    candidates = [
        d for year in (anchor.year - 1, anchor.year, anchor.year + 1)
        if (d := _safe_date(year, month, day))
    ]
    return min(candidates, key=lambda d: abs((d - anchor).days), default=None), True


def _weekday(words: list[str], anchor: date) -> date | None:
    target = WEEKDAYS[words[-1]]
    back = (anchor.weekday() - target) % 7
    if words[0] == "last" and back == 0:
        back = 7
    if words[0] == "next":
        return days_after(anchor, (target - anchor.weekday()) % 7 or 7)
    return days_after(anchor, -back)


def _month(words: list[str], anchor: date | None) -> tuple[date | None, bool]:
    month = next((months()[w] for w in words if w in months()), None)
    year = next((int(w) for w in words if w.isdigit()), None)
    if month is None:
        return None, True
    if year:
        return _safe_date(year, month, 1), False
    if anchor is None:
        return None, True
    # "last October" and "in October" both mean the most recent October not after this month.
    back_a_year = month > anchor.month or (words[0] == "last" and month == anchor.month)
    if words[0] == "next":
        back_a_year = False
        year_value = anchor.year + (1 if month <= anchor.month else 0)
        return _safe_date(year_value, month, 1), True
    return _safe_date(anchor.year - (1 if back_a_year else 0), month, 1), True


def _shift(anchor: date, unit: str, step: int) -> date | None:
    if unit == "week":
        return days_after(anchor, 7 * step)
    if unit == "month":
        month_index = anchor.year * 12 + anchor.month - 1 + step
        return _safe_date(month_index // 12, month_index % 12 + 1, 1)
    return _safe_date(anchor.year + step, 1, 1)
