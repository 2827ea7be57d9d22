"""CSV cells as the export writes them and the importer reads them back.

An editor opens an export in a spreadsheet, which runs a cell starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return as a formula (OWASP, "CSV injection"): a quote such as
``=HYPERLINK("http://evil.example", "click")`` would become a live formula. Such a cell is written
with a single quote in front, which spreadsheets show as text. A cell that starts with a single
quote already gets one too, so that reading removes exactly one and the round trip is exact
(``'=x`` is written ``''=x`` and read back as ``'=x``).
"""

from __future__ import annotations

import csv

_QUOTE = "'"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PROTECTED = (*_FORMULA_START, _QUOTE)


def protect(cell: str) -> str:
    """The cell as an export writes it: never read as a formula by a spreadsheet."""
    return _QUOTE + cell if cell.startswith(_PROTECTED) else cell


def unprotect(cell: str) -> str:
    """The cell as it was before ``protect``. A quote is removed only where ``protect`` would have
    put one, so a hand-made file's ``'tis`` is read as written."""
    if cell.startswith(_QUOTE) and cell[1:].startswith(_PROTECTED):
        return cell[1:]
    return cell


def allow_fields_of(text: str) -> None:
    """Let the csv module read a field as long as ``text``, the whole file: its default limit
    (131,072 characters) refuses a long statement or an article that `export` wrote."""
    if len(text) >= csv.field_size_limit():
        csv.field_size_limit(len(text) + 1)
