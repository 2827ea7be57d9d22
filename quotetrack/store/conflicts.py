"""Conflicts between two statements, and the editors' review of them."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..errors import NotFound, StaleReview
from ..evidence import Evidence, from_json, to_json
from ..models import Conflict, Review
from . import base
from .base import Database, Where, marks
from .changes import log_change
from .statements import get_statements

# The caveat a reviewed conflict carries while the rules no longer find it (see ``settle_unfound``).
UNFOUND = "the rules no longer find this conflict"


def save_conflict(
    db: Database, a_id: int, b_id: int, type_: str, score: float, evidence: Evidence,
    caveats: Sequence[str],
) -> tuple[int, bool]:
    """Record a detected conflict, or refresh an open one; returns (id, newly created).

    A reviewed conflict keeps the editor's verdict and the evidence the editor saw: detection
    never reopens it, and only lifts the caveat saying the rules had stopped finding it. Callers
    pass the older statement as ``a`` so that a pair is always stored one way round.
    """
    row = db.execute(
        "SELECT id, status, caveats FROM conflicts WHERE a_id = ? AND b_id = ? AND type = ?", [a_id, b_id, type_]
    ).fetchone()
    evidence_json = json.dumps(to_json(evidence), ensure_ascii=False, default=str)
    caveats_json = json.dumps(list(caveats), ensure_ascii=False)
    if row is not None:
        if row[1] == "open":
            db.execute("UPDATE conflicts SET score = ?, evidence = ?, caveats = ? WHERE id = ?",
                       [score, evidence_json, caveats_json, row[0]])
        else:
            _set_caveats(db, row[0], [c for c in json.loads(row[2]) if not c.startswith(UNFOUND)])
        return row[0], False
    cursor = db.execute(
        "INSERT INTO conflicts (a_id, b_id, type, score, evidence, caveats, status, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, 'open', ?)",
        [a_id, b_id, type_, score, evidence_json, caveats_json, base.now()],
    )
    return int(cursor.lastrowid or 0), True


def _set_caveats(db: Database, conflict_id: int, caveats: list[str]) -> None:
    db.execute("UPDATE conflicts SET caveats = ? WHERE id = ?",
               [json.dumps(caveats, ensure_ascii=False), conflict_id])


def stored_pairs(db: Database, statement_ids: Sequence[int] | None = None) -> list[tuple[int, int, int, str]]:
    """The stored conflicts as (id, a_id, b_id, status), all or those of some statements."""
    sql = "SELECT id, a_id, b_id, status FROM conflicts"
    rows: list[Any] = []
    if statement_ids is None:
        rows = db.execute(sql).fetchall()
    ids = sorted(set(statement_ids or ()))
    for start in range(0, len(ids), 400):
        chunk = ids[start:start + 400]
        rows.extend(db.execute(f"{sql} WHERE a_id IN ({marks(chunk)}) OR b_id IN ({marks(chunk)})",
                               [*chunk, *chunk]).fetchall())
    return sorted({(int(r[0]), int(r[1]), int(r[2]), str(r[3])) for r in rows})


def statements_dated(db: Database, first: str, last: str) -> list[tuple[int, str]]:
    """Statements whose day (event date, else when said, else published) falls between two ISO
    days: (id, day), in id order. What ``detect`` pairs by time.

    Two indexed reads (migration 0006): statements dated by themselves, and undated ones whose
    source was published in those days; never a scan of the record."""
    return [(int(r[0]), str(r[1])) for r in db.execute(
        "SELECT st.id, coalesce(st.event_date, st.said_on) AS day FROM statements st "
        "WHERE coalesce(st.event_date, st.said_on) BETWEEN ? AND ? "
        "UNION ALL "
        "SELECT st.id, so.published AS day FROM statements st JOIN sources so ON so.id = st.source_id "
        "WHERE st.source_id IN (SELECT id FROM sources WHERE published BETWEEN ? AND ?) "
        "AND st.event_date IS NULL AND st.said_on IS NULL "
        "ORDER BY 1", [first, last, first, last]).fetchall()]


def settle_unfound(db: Database, ids: Sequence[int], when: str) -> tuple[int, int]:
    """Conflicts the rules no longer find: open ones are forgotten; reviewed ones keep the
    editor's verdict and note, and say the rules no longer find them. Returns (dropped, marked)."""
    dropped = marked = 0
    for conflict_id in ids:
        row = db.execute("SELECT status, caveats FROM conflicts WHERE id = ?", [conflict_id]).fetchone()
        if row is None:
            continue
        if row[0] == "open":
            db.execute("DELETE FROM conflicts WHERE id = ?", [conflict_id])
            dropped += 1
            continue
        caveats = json.loads(row[1])
        if not any(c.startswith(UNFOUND) for c in caveats):
            _set_caveats(db, conflict_id, [*caveats, f"{UNFOUND} (checked {when}); the editor's verdict is kept"])
            marked += 1
    return dropped, marked


def reviewed_pairs(db: Database) -> set[tuple[int, int]]:
    return {(r[0], r[1]) for r in db.execute(
        "SELECT a_id, b_id FROM conflicts WHERE status != 'open'").fetchall()}


def _conflicts_from_rows(db: Database, rows: list[dict[str, Any]]) -> list[Conflict]:
    wanted = sorted({r["a_id"] for r in rows} | {r["b_id"] for r in rows})
    statements = {s.id: s for s in get_statements(db, wanted)}
    return [
        Conflict(
            id=r["id"], a=statements[r["a_id"]], b=statements[r["b_id"]], type=r["type"],
            score=r["score"], evidence=from_json(json.loads(r["evidence"])), caveats=json.loads(r["caveats"]),
            status=r["status"], review=Review(by=r["reviewed_by"], at=r["reviewed_at"], note=r["note"]),
            created_at=r["created_at"],
        )
        # The rows and the statements are two reads: a statement deleted in between (its
        # conflicts go with it) leaves a row to skip, not a KeyError.
        for r in rows if r["a_id"] in statements and r["b_id"] in statements
    ]


def list_conflicts(
    db: Database, *, type_: str | None = None, speaker_ids: Sequence[int] | None = None,
    status: str | None = None, min_score: float | None = None, statement_ids: Sequence[int] | None = None,
    limit: int | None = None,
) -> list[Conflict]:
    """Conflicts, best first."""
    where = Where()
    where.add_if(type_, "c.type = ?", type_)
    where.add_if(status, "c.status = ?", status)
    where.add_if(min_score is not None, "c.score >= ?", min_score)
    for column, ids in (("speaker_id", speaker_ids), ("id", statement_ids)):
        chosen = list(ids or [])
        where.add_if(ids is not None, f"(sa.{column} IN ({marks(chosen)}) OR sb.{column} IN ({marks(chosen)}))",
                     *chosen, *chosen)
    sql = ("SELECT c.* FROM conflicts c JOIN statements sa ON sa.id = c.a_id "
           f"JOIN statements sb ON sb.id = c.b_id{where} ORDER BY c.score DESC, c.id")
    params = where.params
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return _conflicts_from_rows(db, list(db.query(sql, params)))


def timeline_conflicts(db: Database, statement_ids: Sequence[int]) -> list[Conflict]:
    """The conflicts of some statements whose evidence carries a rising figure's timeline
    (``evidence.Counts.timeline``)."""
    ids = sorted(set(statement_ids))
    rows: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), 400):
        chunk = ids[start:start + 400]
        for column in ("a_id", "b_id"):  # one indexed lookup per side, not an OR over both
            rows.update((r["id"], r) for r in db.query(
                f"SELECT * FROM conflicts WHERE {column} IN ({marks(chunk)}) AND evidence LIKE ?",
                [*chunk, '%"timeline": [%']))
    return _conflicts_from_rows(db, [rows[key] for key in sorted(rows)])


def get_conflict(db: Database, conflict_id: int) -> Conflict:
    found = _conflicts_from_rows(db, list(db.query("SELECT * FROM conflicts WHERE id = ?", [conflict_id])))
    if not found:
        raise NotFound(f"There is no conflict with id {conflict_id}; `quotetrack conflicts` lists them.")
    return found[0]


def review_conflict(db: Database, conflict_id: int, status: str, note: str | None,
                    editor: str | None = None, *, seen: Conflict | None = None, overrule: bool = False) -> None:
    """Record a verdict; never replaces a verdict already given without saying so.

    ``seen`` is the conflict as the editor read it: when someone reviewed it since, nothing is
    written. A verdict already given (by anyone, the same name included) is changed, in its
    status or its note, only with ``overrule``; the change log keeps every verdict with its
    editor and time.
    """
    before = get_conflict(db, conflict_id)
    seen = seen or before
    editor = editor or db.editor
    if (before.status, before.review) != (seen.status, seen.review):
        raise StaleReview(_reviewed_meanwhile(before))
    # A verdict given is replaced only on purpose, whoever gave it: two editors may work under
    # one name (a shared login, the default name), and quotetrack cannot tell them apart.
    changes = status != before.status or (note is not None and note != before.review.note)
    if before.status != "open" and changes and not overrule:
        who = before.review.by or "an editor"
        same = " (the name you review under)" if before.review.by == editor else ""
        raise StaleReview(
            f"Conflict {conflict_id} was already {before.status} by {who}{same} ({before.review.at}); "
            "nothing was changed. Give --overrule to replace that verdict."
        )
    # The WHERE clause is the last-writer check itself: it writes only over the review read above.
    updated = db.execute(
        "UPDATE conflicts SET status = ?, note = coalesce(?, note), reviewed_at = ?, reviewed_by = ? "
        "WHERE id = ? AND status = ? AND reviewed_by IS NOT DISTINCT FROM ? "
        "AND reviewed_at IS NOT DISTINCT FROM ?",
        [status, note, base.now(), editor, conflict_id, before.status, before.review.by, before.review.at],
    ).rowcount
    if updated != 1:
        raise StaleReview(_reviewed_meanwhile(get_conflict(db, conflict_id)))
    log_change(db, "review", "conflict", conflict_id,
               {"before": before.status, "after": status, "note": note}, editor=editor)


def _reviewed_meanwhile(now_: Conflict) -> str:
    return (
        f"Conflict {now_.id} was reviewed by {now_.review.by or 'someone else'} meanwhile "
        f"(now {now_.status}); nothing was changed. Look at it again with "
        "`quotetrack conflicts` and repeat your review if you still disagree."
    )


def restore_conflict(db: Database, a_id: int, b_id: int, fields: dict[str, Any]) -> int:
    """Store a conflict as exported, with its review (who, when, note) as it was.

    An existing open conflict of the pair takes the review; an existing reviewed one is kept.
    """
    a_id, b_id = min(a_id, b_id), max(a_id, b_id)
    values = [
        fields.get("score") or 0.0,
        json.dumps(fields.get("evidence") or {}, ensure_ascii=False, default=str),
        json.dumps(list(fields.get("caveats") or []), ensure_ascii=False),
        fields.get("status") or "open", fields.get("note"), fields.get("reviewed_at"),
        fields.get("reviewed_by"),
    ]
    row = db.execute(
        "SELECT id, status FROM conflicts WHERE a_id = ? AND b_id = ? AND type = ?",
        [a_id, b_id, fields["type"]],
    ).fetchone()
    if row is not None:
        if row[1] == "open":
            db.execute(
                "UPDATE conflicts SET score = ?, evidence = ?, caveats = ?, status = ?, note = ?, "
                "reviewed_at = ?, reviewed_by = ? WHERE id = ?", [*values, row[0]],
            )
        return int(row[0])
    cursor = db.execute(
        "INSERT INTO conflicts (a_id, b_id, type, score, evidence, caveats, status, note, reviewed_at, "
        "reviewed_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [a_id, b_id, fields["type"], *values, fields.get("created_at") or base.now()],
    )
    conflict_id = int(cursor.lastrowid or 0)
    log_change(db, "import", "conflict", conflict_id, {"status": values[3], "note": values[4]})
    return conflict_id
