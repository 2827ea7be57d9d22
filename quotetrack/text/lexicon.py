"""The word lists editors extend (``quotetrack/data/``): each file parsed once, by this module.

Name a file with or without its extension: ``words("months")`` and ``lines("months.txt")`` read
the same file. Every view is cached, so a list is read from disk once per process, however many
modules ask for it. Blank lines and lines starting with ``#`` are comments.

Tables built from the lists (the normaliser's terms, the conflict rules' opposites) are kept
between runs by ``stored``, in the user's cache folder.
"""

from __future__ import annotations

import atexit
import importlib.util
import marshal
import os
import sys
import time
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar, cast

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


def by_first_word(items: Iterable[_T], phrase_of: Callable[[_T], Sequence[str]]) -> dict[str, tuple[_T, ...]]:
    """Phrases (or things holding one: ``phrase_of`` gives its words) by their first word, in the
    order given: a rule reads a text once, looking up each word, not once for every phrase."""
    found: dict[str, list[_T]] = {}
    for item in items:
        found.setdefault(phrase_of(item)[0], []).append(item)
    return {first: tuple(group) for first, group in found.items()}


@cache
def pairs(name: str) -> Mapping[str, str]:
    """A TSV file's first column -> its second, lower-cased; rows without a second are left out.
    Read-only: every caller shares it."""
    return MappingProxyType({row[0].lower(): row[1].lower() for row in rows(name) if len(row) > 1 and row[1]})


# --- tables built from the lists, kept between runs ------------------------------------------

# Where built tables are kept: $QUOTETRACK_CACHE (empty: nowhere), else the user's cache folder.
CACHE_ENV_VAR = "QUOTETRACK_CACHE"
# Old snapshots (of code since changed) are removed when a new one is written, once this old.
_STALE_SECONDS = 7 * 24 * 3600

_T = TypeVar("_T")
_snapshot: dict[str, Any] | None = None
_built: set[str] = set()  # tables this process built and the snapshot on disk lacks


def stored(build: Callable[[], _T]) -> Callable[[], _T]:
    """``build()``, a table made from the word lists, built once per process and, between runs,
    kept on disk: the normaliser's and the conflict rules' tables take a command longer to build
    than to start Python.

    Each is kept in a snapshot named for everything it can depend on (the path, size and time of
    every module and word list of the package, Python's version): an edited list or rule builds
    it again. Its value must be plain data (dicts, sets, tuples, lists of str and numbers); the
    caller must not change it. Where no snapshot can be kept, it is built as before."""
    key = f"{build.__module__}.{build.__qualname__}"

    @cache
    def table() -> _T:
        snapshot = _load()
        if key in snapshot:
            return cast(_T, snapshot[key])
        value = build()
        snapshot[key] = value
        if not _built:
            atexit.register(_save)
        _built.add(key)
        return value

    table.__doc__ = build.__doc__
    return table


def _cache_folder() -> Path | None:
    where = os.environ.get(CACHE_ENV_VAR)
    if where is not None:
        return Path(where) if where else None
    base = os.environ.get("XDG_CACHE_HOME")
    try:
        return (Path(base) if base else Path.home() / ".cache") / "quotetrack"
    except RuntimeError:  # no home folder to find
        return None


def _fingerprint() -> str:
    package = _DATA.parent
    parts = [sys.version, str(package)]
    todo = [str(package)]
    while todo:
        for entry in os.scandir(todo.pop()):
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    todo.append(entry.path)
            elif entry.name.endswith((".py", ".txt", ".tsv")):
                info = entry.stat()
                parts.append(f"{entry.path} {info.st_size} {info.st_mtime_ns}")
    # fold() transliterates with anyascii: a new version may write a name otherwise.
    spec = importlib.util.find_spec("anyascii")
    if spec is not None and spec.origin:
        parts.append(f"{spec.origin} {os.stat(spec.origin).st_mtime_ns}")
    return "\n".join(sorted(parts))


def _snapshot_path(fingerprint: str) -> Path | None:
    folder = _cache_folder()
    if folder is None:
        return None
    data = fingerprint.encode()
    return folder / f"tables-{zlib.crc32(data):08x}{zlib.adler32(data):08x}.marshal"


def _load() -> dict[str, Any]:
    global _snapshot
    if _snapshot is None:
        _snapshot = {}
        fingerprint = _fingerprint()
        path = _snapshot_path(fingerprint)
        try:
            kept = marshal.loads(path.read_bytes()) if path else None
        except (OSError, EOFError, ValueError, TypeError):
            kept = None  # none yet, or unreadable: build again
        # The whole fingerprint is kept inside, so two that share a file name never mix.
        if isinstance(kept, dict) and kept.get("fingerprint") == fingerprint and isinstance(kept.get("tables"), dict):
            _snapshot = kept["tables"]
        _snapshot["\0fingerprint"] = fingerprint
    return _snapshot


def _save() -> None:
    """Write the tables built by this process, with those read, for the next run. Never fails:
    the cache is an aid, not the record."""
    if _snapshot is None or not _built:
        return
    tables = {key: value for key, value in _snapshot.items() if not key.startswith("\0")}
    fingerprint = _snapshot["\0fingerprint"]
    path = _snapshot_path(fingerprint)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = marshal.dumps({"fingerprint": fingerprint, "tables": tables})
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)  # whole or not at all, whoever reads it meanwhile
        now = time.time()
        for old in path.parent.glob("tables-*"):
            if old != path and now - old.stat().st_mtime > _STALE_SECONDS:
                old.unlink()
    except (OSError, ValueError):
        pass
    _built.clear()
