"""Reading the dates editors type."""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as dateutil_parser

from .errors import InvalidInput

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
    try:
        first, second = (dateutil_parser.parse(text, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        raise InvalidInput(problem) from None
    if first != second:
        raise InvalidInput(problem)
    return first.date()
