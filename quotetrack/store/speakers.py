"""Speakers, their aliases, and the keys their names are found under (``speaker_keys.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import NotFound
from ..models import Speaker
from . import base
from .base import Database, marks
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


def last_speaker_id(db: Database) -> int:
    """The highest speaker id on record (0 for none): a speaker recorded later has a higher one."""
    return int(db.execute("SELECT coalesce(max(id), 0) FROM speakers").fetchone()[0])


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


def speaker_ids_in_source(db: Database, source_id: int, among: Sequence[int] | None = None) -> set[int]:
    """The speakers of the statements already recorded from one source (article); only those
    ``among`` some speakers when given (a long article's own are many, and asked per statement)."""
    if among is None:
        rows = db.query("SELECT DISTINCT speaker_id FROM statements WHERE source_id = ?", [source_id])
    else:
        # "+source_id": look the few speakers up by their index, not the long article by its own.
        rows = db.query(f"SELECT DISTINCT speaker_id FROM statements WHERE speaker_id IN ({marks(among)}) "
                        "AND +source_id = ?", [*among, source_id])
    return {row["speaker_id"] for row in rows}


def insert_speaker(db: Database, speaker: Speaker) -> Speaker:
    cursor = db.execute(
        "INSERT INTO speakers (name, title, affiliation, kind, created_at) VALUES (?, ?, ?, ?, ?)",
        [speaker.name, speaker.title, speaker.affiliation, speaker.kind, base.now()],
    )
    speaker_id = int(cursor.lastrowid or 0)
    for alias in speaker.aliases:
        insert_alias(db, speaker_id, alias, keys=False)
    log_change(db, "create", "speaker", speaker_id, speaker.to_dict() | {"id": speaker_id})
    stored = get_speaker(db, speaker_id)
    _store_keys(db, stored)
    return stored


def insert_alias(db: Database, speaker_id: int, alias: str, *, keys: bool = True) -> bool:
    """Add an alias; False when the speaker already has it (by name or alias). ``keys=False``:
    the caller stores the speaker's keys once it has all its aliases."""
    existing = db.execute(
        "SELECT 1 FROM speakers WHERE id = ? AND name = ? COLLATE NOCASE "
        "UNION SELECT 1 FROM speaker_aliases WHERE speaker_id = ? AND alias = ? COLLATE NOCASE",
        [speaker_id, alias, speaker_id, alias],
    ).fetchone()
    if existing:
        return False
    db.execute("INSERT INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)", [speaker_id, alias])
    if keys:
        _store_keys(db, get_speaker(db, speaker_id))
    return True


def update_speaker(db: Database, speaker_id: int, fields: dict[str, Any]) -> None:
    allowed = {"name", "title", "affiliation", "kind"}
    changes = {k: v for k, v in fields.items() if k in allowed}
    if not changes:
        return
    assignments = ", ".join(f"{column} = ?" for column in changes)
    db.execute(f"UPDATE speakers SET {assignments} WHERE id = ?", [*changes.values(), speaker_id])
    log_change(db, "update", "speaker", speaker_id, changes)
    if "name" in changes:
        _store_keys(db, get_speaker(db, speaker_id))


# --- name keys ----------------------------------------------------------------------------
# The key module reads names with the matcher's rules; imported where used so that opening a
# record does not load them.


def _store_keys(db: Database, speaker: Speaker) -> None:
    from ..speaker_keys import stored_keys

    assert speaker.id is not None
    db.execute("DELETE FROM speaker_keys WHERE speaker_id = ?", [speaker.id])
    db.execute_many("INSERT INTO speaker_keys (key, speaker_id) VALUES (?, ?)",
                    [(key, speaker.id) for key in sorted(stored_keys(speaker, db.normalizer))])


def speaker_keys_current(db: Database) -> bool:
    """Were the stored keys computed with this version's rules and the record's terms?"""
    from ..speaker_keys import fingerprint

    row = db.execute("SELECT fingerprint FROM speaker_keys_state WHERE id = 1").fetchone()
    return row is not None and row[0] == fingerprint(db.normalizer)


def ensure_speaker_keys(db: Database) -> None:
    """Compute every speaker's keys again when they are stale: once after the upgrade that added
    them, and after the terms or the title lists change. Writes: call it inside a transaction."""
    if speaker_keys_current(db):
        return
    from ..speaker_keys import fingerprint, stored_keys

    db.execute("DELETE FROM speaker_keys")
    normalizer = db.normalizer
    for speaker in all_speakers(db):
        assert speaker.id is not None
        db.execute_many("INSERT INTO speaker_keys (key, speaker_id) VALUES (?, ?)",
                        [(key, speaker.id) for key in sorted(stored_keys(speaker, normalizer))])
    db.execute("DELETE FROM speaker_keys_state")
    db.execute("INSERT INTO speaker_keys_state (id, fingerprint) VALUES (1, ?)", [fingerprint(normalizer)])


def speakers_with_keys(db: Database, keys: Sequence[str]) -> list[Speaker]:
    """The speakers found under any of ``keys``, in the order of ``all_speakers``."""
    if not keys:
        return []
    rows = list(db.query(
        f"SELECT * FROM speakers WHERE id IN (SELECT speaker_id FROM speaker_keys WHERE key IN ({marks(keys)})) "
        "ORDER BY name COLLATE NOCASE, id", list(keys),
    ))
    aliases = aliases_by_speaker(db, [row["id"] for row in rows]) if rows else {}
    return [_speaker_from_row(row, aliases.get(row["id"], [])) for row in rows]
