"""Editor-defined equivalent names (the defaults ship in quotetrack/data/terms.tsv)."""

from __future__ import annotations

from collections.abc import Sequence

from .base import Database
from .changes import log_change


def list_terms(db: Database) -> list[tuple[str, list[str]]]:
    grouped: dict[str, list[str]] = {}
    for row in db.query("SELECT canonical, variant FROM terms ORDER BY id"):
        grouped.setdefault(row["canonical"], []).append(row["variant"])
    return list(grouped.items())


def add_terms(db: Database, canonical: str, variants: Sequence[str]) -> int:
    added = 0
    for variant in variants:
        cursor = db.execute(
            "INSERT INTO terms (canonical, variant) VALUES (?, ?) ON CONFLICT DO NOTHING", [canonical, variant]
        )
        added += cursor.rowcount
    log_change(db, "create", "terms", None, {"canonical": canonical, "variants": list(variants)})
    db.forget_normalizer()
    return added
