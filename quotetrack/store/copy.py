"""Copying a whole record between databases (SQLite and PostgreSQL, either way), ids kept."""

from __future__ import annotations

from ..errors import DatabaseError, InvalidInput
from .base import Database

_COPY_BATCH = 5000


def record_tables(db: Database) -> dict[str, list[str]]:
    """Every table of the record with the columns a copy writes, parents before children."""
    columns: dict[str, list[str]] = {}
    for column in db.columns():
        names = columns.setdefault(column.table, [])
        if not column.derived:
            names.append(column.name)
    parents = {name: db.parents(name) for name in columns}
    ordered: list[str] = []
    while len(ordered) < len(columns):
        ready = [n for n in columns if n not in ordered and parents[n] - {n} <= set(ordered)]
        if not ready:
            raise DatabaseError("The record's tables refer to each other in a circle; cannot copy them.")
        ordered.extend(ready)
    return {name: columns[name] for name in ordered}


def count_rows(db: Database) -> dict[str, int]:
    return {table: int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]) for table in record_tables(db)}


def copy_record(source: Database, dest: Database) -> list[tuple[str, int, int]]:
    """Copy every row of one record into an empty other one, ids kept, in one transaction.

    Returns (table, rows in the source, rows in the destination) for every table; the copy is
    rolled back unless the two counts agree for every table.
    """
    tables = record_tables(source)
    dest_tables = record_tables(dest)
    missing = [t for t in tables if t not in dest_tables] + [
        f"{t}.{c}" for t in tables if t in dest_tables for c in tables[t] if c not in dest_tables[t]
    ]
    if missing:
        raise DatabaseError(
            f"The destination lacks {', '.join(missing)}; open it with the same quotetrack version first."
        )
    # The destination's order: its foreign keys are the ones a row must satisfy on arrival.
    tables = {t: tables[t] for t in dest_tables if t in tables}
    held = {t: n for t, n in count_rows(dest).items() if n and t in tables}
    if held:
        raise InvalidInput(
            "The destination already holds a record ("
            + ", ".join(f"{n} {t}" for t, n in held.items()) + "); copy into a new, empty database."
        )
    counts = []
    with dest.atomic():
        with dest.bulk_load(tables):
            for table, columns in tables.items():
                select = f"SELECT {', '.join(columns)} FROM {table} ORDER BY {source.copy_order(columns)}"
                batches = source.read_batches(select, _COPY_BATCH)
                dest.write_rows(table, columns, (row for batch in batches for row in batch))
        before, after = count_rows(source), count_rows(dest)
        counts = [(table, before[table], after.get(table, 0)) for table in tables]
        short = [f"{t}: {a} of {b}" for t, b, a in counts if a != b]
        if short:
            raise DatabaseError(f"The copy lost rows ({'; '.join(short)}); nothing was written.")
    return counts
