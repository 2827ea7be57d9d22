"""Speakers and their aliases."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import NotFound
from ..models import Speaker
from . import base
from .base import Database
from .changes import log_change


def _speaker_from_row(row: dict[str, Any], aliases: list[str]) -> Speaker:
    return Speaker(
        id=row["id"], name=row["name"], title=row["title"], affiliation=row["affiliation"],
        kind=row["kind"], aliases=aliases,
    )


def aliases_by_speaker(db: Database, ids: Sequence[int] | None = None) -> dict[int, list[str]]:
    sql = "SELECT speaker_id, alias FROM speaker_aliases"
    params: list[Any] = []
    if ids is not None:
        sql += f" WHERE speaker_id IN ({', '.join('?' for _ in ids)})"
        params = list(ids)
    out: dict[int, list[str]] = {}
    for row in db.query(sql + " ORDER BY id", params):
        out.setdefault(row["speaker_id"], []).append(row["alias"])
    return out


def get_speaker(db: Database, speaker_id: int) -> Speaker:
    rows = list(db.query("SELECT * FROM speakers WHERE id = ?", [speaker_id]))
    if not rows:
        raise NotFound(f"There is no speaker with id {speaker_id}; `quotetrack speakers` lists them.")
    return _speaker_from_row(rows[0], aliases_by_speaker(db, [speaker_id]).get(speaker_id, []))


def all_speakers(db: Database) -> list[Speaker]:
    aliases = aliases_by_speaker(db)
    return [
        _speaker_from_row(row, aliases.get(row["id"], []))
        for row in db.query("SELECT * FROM speakers ORDER BY name COLLATE NOCASE, id")
    ]


def speaker_statement_counts(db: Database) -> dict[int, int]:
    return {
        row["speaker_id"]: row["n"]
        for row in db.query("SELECT speaker_id, count(*) AS n FROM statements GROUP BY speaker_id")
    }


def speaker_ids_in_source(db: Database, source_id: int) -> set[int]:
    """The speakers of the statements already recorded from one source (article)."""
    return {
        row["speaker_id"]
        for row in db.query("SELECT DISTINCT speaker_id FROM statements WHERE source_id = ?", [source_id])
    }


def insert_speaker(db: Database, speaker: Speaker) -> Speaker:
    cursor = db.execute(
        "INSERT INTO speakers (name, title, affiliation, kind, created_at) VALUES (?, ?, ?, ?, ?)",
        [speaker.name, speaker.title, speaker.affiliation, speaker.kind, base.now()],
    )
    speaker_id = int(cursor.lastrowid or 0)
    for alias in speaker.aliases:
        insert_alias(db, speaker_id, alias)
    log_change(db, "create", "speaker", speaker_id, speaker.to_dict() | {"id": speaker_id})
    return get_speaker(db, speaker_id)


def insert_alias(db: Database, speaker_id: int, alias: str) -> bool:
    """Add an alias; False when the speaker already has it (by name or alias)."""
    existing = db.execute(
        "SELECT 1 FROM speakers WHERE id = ? AND name = ? COLLATE NOCASE "
        "UNION SELECT 1 FROM speaker_aliases WHERE speaker_id = ? AND alias = ? COLLATE NOCASE",
        [speaker_id, alias, speaker_id, alias],
    ).fetchone()
    if existing:
        return False
    db.execute("INSERT INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)", [speaker_id, alias])
    return True


def update_speaker(db: Database, speaker_id: int, fields: dict[str, Any]) -> None:
    allowed = {"name", "title", "affiliation", "kind"}
    changes = {k: v for k, v in fields.items() if k in allowed}
    if not changes:
        return
    assignments = ", ".join(f"{column} = ?" for column in changes)
    db.execute(f"UPDATE speakers SET {assignments} WHERE id = ?", [*changes.values(), speaker_id])
    log_change(db, "update", "speaker", speaker_id, changes)
