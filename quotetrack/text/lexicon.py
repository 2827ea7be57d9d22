"""The word lists editors extend (``quotetrack/data/``): each file parsed once, by this module.

Name a file with or without its extension: ``words("months")`` and ``lines("months.txt")`` read
the same file. Every view is cached, so a list is read from disk once per process, however many
modules ask for it. Blank lines and lines starting with ``#`` are comments.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

_EXTENSIONS = (".txt", ".tsv")
# The folder beside the package's modules, read as plain files: the package is installed as
# files (pip, or editable), and ``importlib.resources`` on this folder (a namespace package)
# costs a command more at start-up than reading every list it needs.
_DATA = Path(__file__).resolve().parent.parent / "data"


@cache
def _file_name(name: str) -> str:
    if name.endswith(_EXTENSIONS):
        return name
    for extension in _EXTENSIONS:
        if (_DATA / (name + extension)).is_file():
            return name + extension
    raise FileNotFoundError(f"quotetrack/data has no word list called {name!r}")


@cache
def _raw_lines(name: str) -> tuple[str, ...]:
    text = (_DATA / _file_name(name)).read_text(encoding="utf-8")
    return tuple(line for line in text.splitlines() if line.strip() and not line.startswith("#"))


def lines(name: str, *, strip: bool = True) -> list[str]:
    """A data file's lines, without blank lines and comments; ``strip=False`` keeps the
    whitespace around a line (a TSV line's empty last field)."""
    raw = _raw_lines(_file_name(name))
    return [line.strip() for line in raw] if strip else list(raw)


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """A TSV file's rows, each field stripped; a trailing empty field is kept as ``""``."""
    return tuple(tuple(field.strip() for field in line.split("\t")) for line in _raw_lines(_file_name(name)))


@cache
def words(name: str) -> frozenset[str]:
    """A one-entry-a-line list as a set of lower-cased entries."""
    return frozenset(line.strip().lower() for line in _raw_lines(_file_name(name)))


@cache
def pairs(name: str) -> Mapping[str, str]:
    """A TSV file's first column -> its second, lower-cased; rows without a second are left out.
    Read-only: every caller shares it."""
    return MappingProxyType({row[0].lower(): row[1].lower() for row in rows(name) if len(row) > 1 and row[1]})
