"""Commands on the database itself: path, schema, reindex, copy, datasette, and the change log."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..render.common import counted, visible
from .common import answer, app, db_app, emit_json, err, opened, progress
from .options import DbOption, ForceOption, JsonOption

ChangesLimit = Annotated[int, typer.Option(help="At most this many changes.", min=1)]


@db_app.command("path")
def db_path(db: DbOption = None) -> None:
    """Print where the record is kept.

    Example: quotetrack db path
    """
    from .. import store

    # Written plainly (a script may read it), but a control character in the path is shown, not sent.
    sys.stdout.write(f"{visible(store.describe_location(db))}\n")


@db_app.command("schema")
def db_schema(ctx: typer.Context, db: DbOption = None) -> None:
    """Print the database schema (db/schema.sql is this output for a new database).

    Example: quotetrack db schema --db /tmp/empty.db
    """
    from .. import store

    with opened(ctx, db) as database:
        # An adopted database's own tables are in it too, named and defaulted as their application chose.
        sys.stdout.write(visible(store.schema_sql(database)))


@db_app.command("init")
def db_init(
    ctx: typer.Context,
    db: DbOption = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Add quotetrack's tables to a database that holds another application's tables.",
    )] = False,
) -> None:
    """Create a record (or bring one up to date); with --force, inside another application's database.

    Every command creates a new record on first use; quotetrack refuses a database that holds
    other tables, so that a mistyped --db never changes another program's data. `db init --force`
    adopts such a database on purpose: quotetrack's tables are added beside the others.

    Example: quotetrack db init --db newsroom.db
    """
    from ..render import terminal as report

    with opened(ctx, db, adopt=force) as database:
        location = database.location
    err().print(report.safe(f"The quotetrack record at {location} is ready."))


@db_app.command("reindex")
def db_reindex(ctx: typer.Context, db: DbOption = None, as_json: JsonOption = False) -> None:
    """Normalise every statement again, after an upgrade that changed how claims are read.

    Matching and conflict detection look statements up by the normalised words stored when each
    was recorded; an upgrade's CHANGELOG says when stored words should be read again. One
    transaction: interrupted, nothing changes.

    Example: quotetrack db reindex
    """
    from .. import record
    from ..render import terminal as report

    with opened(ctx, db) as database, progress("Re-indexing statements", quiet=as_json) as tick:
        read, changed = record.reindex_claims(database, progress=tick)
    if as_json:
        emit_json({"statements": read, "reindexed": changed})
        return
    advice = " Run `quotetrack conflicts --rescan` to look for conflicts again." if changed else ""
    noun = "statement" if read == 1 else "statements"
    err().print(report.safe(f"Read {read} {noun}; re-indexed {changed} whose claim words had changed.{advice}"))


@db_app.command("copy")
def db_copy(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(metavar="SRC", help="The record to copy: a file or a postgresql:// URL.")],
    dest: Annotated[str, typer.Argument(metavar="DEST", help="A new, empty database: a file or a postgresql:// URL.")],
    as_json: JsonOption = False,
) -> None:
    """Copy a whole record to another database, SQLite or PostgreSQL, ids and change log kept.

    The copy is one transaction on DEST, and is kept only if every table has as many rows as in SRC.

    Example: quotetrack db copy quotetrack.db postgresql://editor@dbhost/newsroom
    """
    from .. import store

    # The source must be a record already: a mistyped name is an error, not a new empty record.
    with opened(ctx, source, must_exist=True) as src, opened(ctx, dest) as dst:
        counts = store.copy_record(src, dst)
    if as_json:
        emit_json([{"table": t, "source": a, "destination": b} for t, a, b in counts])
        return
    width = max(len(t) for t, _, _ in counts)
    for table, before, after in counts:
        sys.stdout.write(f"{visible(table):<{width}}  {before:>9}  {after:>9}\n")
    rows = counted(sum(b for _, _, b in counts), "row")
    err().print(f"Copied {rows} in {counted(len(counts), 'table')}; every count matches.")


@db_app.command("datasette")
def db_datasette(
    ctx: typer.Context,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the metadata to this file (default: stdout).", dir_okay=False,
    )] = None,
    title: Annotated[str | None, typer.Option(help="The title Datasette shows.")] = None,
    force: ForceOption = False,
    db: DbOption = None,
) -> None:
    """Write a Datasette metadata file for the record, and print the command that opens it.

    The metadata gives the statements a search box (the full-text index), labels sources by
    outlet and conflict sides by their words, hides quotetrack's own tables, and adds two canned
    queries: open conflicts with both sides, and figures by event.

    Example: quotetrack db datasette -o metadata.json
    """
    from .. import datasette, store
    from ..render import terminal as report
    from .common import fail

    location = store.resolve_db_path(db)
    if isinstance(location, str):
        fail("Datasette opens SQLite files, and this record is on PostgreSQL; copy it to a file first "
             "with `quotetrack db copy`.")
    with opened(ctx, location, must_exist=True):
        pass  # a quotetrack record, brought up to date: what the metadata describes
    metadata = datasette.metadata(location, title)
    if output is None:
        sys.stdout.write(datasette.to_json(metadata))
        err().print(report.safe(f"Save it and open the record with: {datasette.command(location, 'metadata.json')}"),
                    soft_wrap=True)
        return
    from ..files import replacing

    with replacing(output, force) as stream:
        stream.write(datasette.to_json(metadata))
    err().print(report.safe(f"Wrote {output}. Open the record with:"), soft_wrap=True)
    sys.stdout.write(datasette.command(location, output) + "\n")


@app.command()
def log(ctx: typer.Context, limit: ChangesLimit = 50, db: DbOption = None, as_json: JsonOption = False) -> None:
    """Show the change log, newest first: who changed what, and when.

    Example: quotetrack log --limit 10
    """
    from .. import store
    from ..render import terminal as report

    answer(ctx, db, as_json, lambda database: store.list_changes(database, limit), report.changes_table)
