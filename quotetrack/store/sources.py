"""Sources (outlet, URL, title, date) and the article texts kept with them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..errors import NotFound
from ..models import Source
from . import base
from .base import Database, to_date, to_iso
from .changes import log_change


def _source_from_row(row: dict[str, Any], tags: list[str] | None = None) -> Source:
    return Source(
        id=row["id"], outlet=row["outlet"], url=row["url"], title=row["title"],
        published=to_date(row["published"]), tags=tags or [],
    )


def _tagged(db: Database, row: dict[str, Any]) -> Source:
    return _source_from_row(row, source_tags(db, [row["id"]]).get(row["id"], []))


def source_tags(db: Database, source_ids: Sequence[int]) -> dict[int, list[str]]:
    """The tags of these sources, each in the order they were given."""
    return tags_of(db, "source_tags", "source_id", source_ids)


def tags_of(db: Database, table: str, key: str, ids: Sequence[int]) -> dict[int, list[str]]:
    """Tags by owner from ``table`` (statement_tags or source_tags, keyed by ``key``), each owner's
    in the order they were given; read 500 owners a query."""
    tags: dict[int, list[str]] = {}
    wanted = list(dict.fromkeys(ids))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        for row in db.query(
            f"SELECT {key}, tag FROM {table} WHERE {key} IN ({', '.join('?' for _ in chunk)}) "
            f"ORDER BY {db.TAG_ORDER}", chunk,
        ):
            tags.setdefault(row[key], []).append(row["tag"])
    return tags


def add_source_tags(db: Database, source_id: int, tags: Iterable[str], log: bool = True) -> list[str]:
    """Give a source these tags too (those it has are kept); returns the tags it now has.

    ``log``: write the change log's entry (a new source's tags are in its "create" entry)."""
    have = source_tags(db, [source_id]).get(source_id, [])
    added = [tag for tag in dict.fromkeys(tags) if tag not in have]
    for tag in added:
        db.execute("INSERT INTO source_tags (source_id, tag) VALUES (?, ?)", [source_id, tag])
    if added and log:
        log_change(db, "update", "source", source_id, {"tags_added": added})
    return have + added


def get_source(db: Database, source_id: int) -> Source:
    rows = list(db.query("SELECT * FROM sources WHERE id = ?", [source_id]))
    if not rows:
        raise NotFound(f"There is no source with id {source_id}.")
    return _tagged(db, rows[0])


def find_source(db: Database, source: Source) -> Source | None:
    """The stored source with the same URL, or with the same outlet, title and date."""
    if source.url:
        rows = list(db.query("SELECT * FROM sources WHERE url = ? ORDER BY id LIMIT 1", [source.url]))
    else:
        rows = list(db.query(
            "SELECT * FROM sources WHERE url IS NULL AND outlet IS NOT DISTINCT FROM ? "
            "AND title IS NOT DISTINCT FROM ? AND published IS NOT DISTINCT FROM ? "
            "ORDER BY id LIMIT 1",
            [source.outlet, source.title, to_iso(source.published)],
        ))
    return _tagged(db, rows[0]) if rows else None


def source_by_article(db: Database, sha256: str) -> Source | None:
    rows = list(db.query("SELECT * FROM sources WHERE article_sha256 = ?", [sha256]))
    return _tagged(db, rows[0]) if rows else None


def insert_source(
    db: Database, source: Source, article_text: str | None = None, article_sha256: str | None = None
) -> Source:
    cursor = db.execute(
        "INSERT INTO sources (outlet, url, title, published, article_text, article_sha256, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [source.outlet, source.url, source.title, to_iso(source.published), article_text,
         article_sha256, base.now()],
    )
    source_id = int(cursor.lastrowid or 0)
    tags = list(dict.fromkeys(source.tags))
    for tag in tags:  # a new source has none yet: nothing to read first
        db.execute("INSERT INTO source_tags (source_id, tag) VALUES (?, ?)", [source_id, tag])
    log_change(db, "create", "source", source_id, source.to_dict() | {"id": source_id})
    return Source(id=source_id, outlet=source.outlet, url=source.url, title=source.title,
                  published=source.published, tags=tags)


def article_text(db: Database, source_id: int) -> str | None:
    row = db.execute("SELECT article_text FROM sources WHERE id = ?", [source_id]).fetchone()
    return row[0] if row else None


def articles(db: Database) -> Iterator[tuple[Source, str, str | None]]:
    """Every source kept with its article text: (source, text, sha256), in id order (for export).
    Read a few hundred at a time, with their tags in one query for each batch."""
    last = 0
    while True:
        rows = list(db.query("SELECT * FROM sources WHERE article_text IS NOT NULL AND id > ? ORDER BY id LIMIT 200",
                             [last]))
        if not rows:
            return
        tags = source_tags(db, [row["id"] for row in rows])
        for row in rows:
            yield _source_from_row(row, tags.get(row["id"], [])), row["article_text"], row["article_sha256"]
        last = rows[-1]["id"]


def set_article(db: Database, source_id: int, text: str, sha256: str) -> None:
    """Keep an article's text with a source recorded without it (an import of an export)."""
    db.execute("UPDATE sources SET article_text = ?, article_sha256 = ? WHERE id = ? AND article_text IS NULL",
               [text, sha256, source_id])


def outlets(db: Database) -> list[str]:
    """Every outlet on record, once each."""
    return [r[0] for r in db.execute(
        "SELECT DISTINCT outlet FROM sources WHERE outlet IS NOT NULL ORDER BY outlet"
    ).fetchall()]
