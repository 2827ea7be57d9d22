"""The change log: every change to the record, who made it and when (append-only)."""

from __future__ import annotations

import json
from typing import Any

from . import base
from .base import Database


def log_change(
    db: Database,
    action: str,
    entity: str,
    entity_id: int | None,
    detail: dict[str, Any] | None = None,
    editor: str | None = None,
) -> None:
    db.execute(
        "INSERT INTO changes (at, editor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
        [base.now(), editor or db.editor, action, entity, entity_id,
         json.dumps(detail or {}, ensure_ascii=False, default=str)],
    )


def list_changes(db: Database, limit: int | None = 50) -> list[dict[str, Any]]:
    sql = "SELECT id, at, editor, action, entity, entity_id, detail FROM changes ORDER BY id DESC"
    params: list[Any] = []
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    rows = []
    for row in db.query(sql, params):
        row["detail"] = json.loads(row["detail"])
        rows.append(row)
    return rows
