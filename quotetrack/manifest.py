"""What an editor says about an article beside its text: its outlet, date, address, headline and tags.

They come from three places: the options of `ingest` (for every file), a row of a manifest (a CSV
or JSON Lines file naming the articles of a batch, with paths relative to the manifest's folder),
and the front matter at the top of a Markdown or text file::

    ---
    outlet: The Larchmont Ledger
    published: 2026-03-04
    url: https://ledger.example/flood
    title: Dam holds, says engineer
    tags: [brennmoor-flood, dams]
    ---

The options fill in what the file and its row leave out; a row and a front matter that name two
different values for the same fact are an error, not a guess. Tags add up from all three.
Everything is checked when the batch is read, so a bad row stops the batch before anything is
recorded, with a message naming the row.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .csv_cells import allow_fields_of, unprotect
from .errors import InvalidInput
from .inputs import check_url
from .text import parse_date

# The facts an article can be given, in the order a manifest lists them.
COLUMNS = ("path", "outlet", "published", "url", "title", "tags")
FRONT_MATTER_KEYS = COLUMNS[1:]
# Front matter is a short block: a file whose first 60 lines hold no closing line has none.
_FRONT_MATTER_LINES = 60
_FENCE = re.compile(r"---[ \t]*")
_KEY_LINE = re.compile(r"(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t]*")
_ITEM_LINE = re.compile(r"[ \t]+-[ \t]+(?P<value>.*?)[ \t]*")


@dataclass(frozen=True)
class ArticleFacts:
    """Outlet, date, address, headline and tags of one article; None where not given."""

    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    title: str | None = None
    tags: tuple[str, ...] = ()

    def filled_from(self, defaults: ArticleFacts) -> ArticleFacts:
        """These facts, with ``defaults`` for those not given; the tags of both."""
        return ArticleFacts(
            outlet=self.outlet or defaults.outlet, published=self.published or defaults.published,
            url=self.url or defaults.url, title=self.title or defaults.title,
            tags=merged_tags(defaults.tags, self.tags),
        )

    def agreeing_with(self, other: ArticleFacts, this: str, that: str) -> ArticleFacts:
        """The facts of both; InvalidInput naming ``this`` and ``that`` when they differ on one."""
        combined: dict[str, Any] = {}
        for name in ("outlet", "published", "url", "title"):
            mine, theirs = getattr(self, name), getattr(other, name)
            if mine and theirs and mine != theirs:
                raise InvalidInput(f"{this} gives {name} {_shown(mine)} but {that} gives {_shown(theirs)}; "
                                   "give it in one place.")
            combined[name] = mine or theirs
        return ArticleFacts(**combined, tags=merged_tags(self.tags, other.tags))


@dataclass(frozen=True)
class ManifestRow:
    """One article of a manifest: its file (resolved against the manifest's folder) and its facts."""

    path: Path
    facts: ArticleFacts
    where: str  # "articles.csv row 3", for messages


@dataclass
class FrontMatter:
    """The facts at the top of a file, and the text after them."""

    facts: ArticleFacts
    text: str


def merged_tags(*groups: Iterable[str]) -> tuple[str, ...]:
    """Tags of several places, each once, in the order first given."""
    return tuple(dict.fromkeys(tag for group in groups for tag in group))


def tag_list(value: Any, what: str) -> tuple[str, ...]:
    """Tags given as a list, a JSON array, or text separated by ';' or ','."""
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                value = json.loads(text)
            except json.JSONDecodeError:
                # YAML's flow list: [a, b] without quotes.
                value = text[1:-1] if text.endswith("]") else text
        if isinstance(value, str):
            value = [_unquoted(item) for item in re.split(r"[;,]", value)]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InvalidInput(f"{what}: tags must be text, or a list of texts.")
    return merged_tags([" ".join(item.split()) for item in value if item.strip()])


def facts_from(values: dict[str, Any], what: str) -> ArticleFacts:
    """Facts from named values (a manifest row, a front matter), each checked; ``what`` names them
    in any error."""
    for name in ("outlet", "url", "title", "published"):
        if values.get(name) is not None and not isinstance(values[name], str):
            raise InvalidInput(f"{what}: {name} must be text.")
    text = {name: " ".join(str(values.get(name) or "").split()) or None for name in ("outlet", "url", "title")}
    published = values.get("published")
    return ArticleFacts(
        outlet=text["outlet"], title=text["title"],
        url=check_url(text["url"], f"{what}: the url"),
        published=parse_date(published, f"{what}: the date") if published else None,
        tags=tag_list(values.get("tags"), what),
    )


# --- manifests ---


def read_manifest(path: Path, raw: bytes) -> list[ManifestRow]:
    """Every row of a manifest, checked: the columns known, each file there, each date and URL
    readable. CSV (with a header row) unless the name ends in .jsonl, .ndjson or .json."""
    name = path.name
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(f"The manifest {name} is not UTF-8 text.") from None
    folder = path.parent
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        # The importer's reader (lines end at LF or CR only); imported here, as articles read
        # through this module need no record.
        from .record import jsonl_records

        records = list(jsonl_records(text, name))
    else:
        records = list(_csv_rows(text, name))
    if not records:
        raise InvalidInput(f"The manifest {name} names no articles.")
    rows: list[ManifestRow] = []
    seen: dict[Path, str] = {}
    for where, values in records:
        unknown = [key for key in values if key not in COLUMNS]
        if unknown:
            raise InvalidInput(f"{where}: unknown column {', '.join(map(repr, unknown))}; "
                               f"a manifest's columns are {', '.join(COLUMNS)}.")
        given = values.get("path")
        if not isinstance(given, str) or not given.strip():
            raise InvalidInput(f"{where}: no path; give the article's file, relative to the manifest's folder.")
        file = folder / given.strip()
        if not file.is_file():
            why = "is a folder" if file.is_dir() else "does not exist"
            raise InvalidInput(f"{where}: the file {given.strip()} {why} (looked for {file}).")
        real = file.resolve()
        if real in seen:
            raise InvalidInput(f"{where}: {given.strip()} is already named in {seen[real]}.")
        seen[real] = where
        rows.append(ManifestRow(path=file, facts=facts_from(values, where), where=where))
    return rows


def _csv_rows(text: str, name: str) -> list[tuple[str, dict[str, Any]]]:
    allow_fields_of(text)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None:
            return []
        columns = [cell.strip().lower() for cell in header]
        unknown = [c for c in columns if c not in COLUMNS]
        if unknown:
            raise InvalidInput(f"{name} row 1: unknown column {', '.join(map(repr, unknown))}; "
                               f"a manifest's columns are {', '.join(COLUMNS)}.")
        if "path" not in columns:
            raise InvalidInput(f"{name} row 1: there is no path column; a manifest's columns are "
                               f"{', '.join(COLUMNS)}.")
        rows = []
        # Rows are counted as a spreadsheet shows them: the header is row 1.
        for number, cells in enumerate(reader, 2):
            if not any(cell.strip() for cell in cells):
                continue
            where = f"{name} row {number}"
            if len(cells) > len(columns):
                raise InvalidInput(f"{where}: {len(cells)} cells under {len(columns)} columns.")
            rows.append((where, {c: unprotect(v) for c, v in zip(columns, cells, strict=False) if v.strip()}))
        return rows
    except csv.Error as exc:
        raise InvalidInput(f"{name} row {reader.line_num}: not readable as CSV ({exc}).") from None


# --- front matter ---


def split_front_matter(text: str, name: str) -> FrontMatter:
    """The facts of a ``---`` block opening the text, and the text without it.

    A block whose lines are not all ``key: value`` (or ``- item`` under a key), or that names none
    of the keys, is not front matter but the article's own text, and is left alone; a block that
    names one of the keys and another, unknown one (a misspelt ``pubished:``) is an error.
    """
    lines = text.split("\n")
    if not lines or not _FENCE.fullmatch(lines[0]):
        return FrontMatter(ArticleFacts(), text)
    end = next((i for i, line in enumerate(lines[1:_FRONT_MATTER_LINES], 1) if _FENCE.fullmatch(line)), None)
    if end is None:
        return FrontMatter(ArticleFacts(), text)
    values: dict[str, Any] = {}
    unknown: list[tuple[int, str]] = []
    key = None
    for number, line in enumerate(lines[1:end], 2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _ITEM_LINE.fullmatch(line)
        if item and key is not None and (values[key] is None or isinstance(values[key], list)):
            values[key] = [*(values[key] or []), _unquoted(item.group("value"))]
            continue
        pair = _KEY_LINE.fullmatch(line)
        if pair is None:
            return FrontMatter(ArticleFacts(), text)  # not front matter: the article opens with a rule
        key = pair.group("key").lower()
        value = pair.group("value")
        if key not in FRONT_MATTER_KEYS:
            unknown.append((number, key))
        values[key] = _unquoted(value) if value else None
    if not set(values) & set(FRONT_MATTER_KEYS):
        return FrontMatter(ArticleFacts(), text)  # "Update: ..." under a rule is the article's own
    if unknown:
        number, key = unknown[0]
        raise InvalidInput(f"{name} line {number}: unknown front matter key {key!r}; "
                           f"the keys are {', '.join(FRONT_MATTER_KEYS)}.")
    facts = facts_from({k: v for k, v in values.items() if v is not None}, f"{name} front matter")
    return FrontMatter(facts, "\n".join(lines[end + 1:]))


def _shown(value: Any) -> str:
    return repr(value.isoformat() if isinstance(value, date) else value)


def _unquoted(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value

