"""The editors' desk: export, timeline, report, check."""

import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from ..export import FORMATS, TABLES
from ..inputs import check_url
from ..render.common import counted
from .common import app, date_option, emit_json, err, fail, opened, out, progress, respond
from .options import (
    DbOption,
    ForceOption,
    JsonOption,
    OutletFilter,
    SaidSince,
    SaidUntil,
    SpeakerFilter,
    TagFilter,
)

if TYPE_CHECKING:
    from ..export import Progress
    from ..store import Database


@app.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[str | None, typer.Option(
        "--format", metavar="FORMAT", show_default=False,
        help=f"One of: {', '.join(FORMATS)} (default: jsonl, or csv with --table). json and jsonl round-trip "
             "through `import`; csv is one flat table per record type; claimreview is schema.org JSON-LD "
             "for reviewed conflicts.",
    )] = None,
    table: Annotated[str | None, typer.Option(
        metavar="TABLE", help=f"csv: only this table ({', '.join(TABLES)}), to stdout or --output FILE.",
    )] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file instead of stdout (csv without --table: into this folder, "
                               "one file per table).",
    )] = None,
    force: ForceOption = False,
    base_url: Annotated[str | None, typer.Option(
        help="claimreview: the page the reviews are published on, http:// or https:// (each gets "
             "#conflict-ID).",
    )] = None,
    publisher: Annotated[str | None, typer.Option(
        help="claimreview: the organisation publishing the reviews (default: the reviewing editor).",
    )] = None,
    db: DbOption = None,
) -> None:
    """Write the whole record (statements, speakers, sources, conflicts and reviews) to a file.

    --format csv writes flat tables for a spreadsheet: statements (with speaker and outlet columns),
    speakers, conflicts and figures, one file each in the --output folder, or one --table.

    Example: quotetrack export --format jsonl --output record.jsonl; quotetrack export --format csv -o tables/
    """
    from .. import export as export_
    from ..render import terminal as report

    fmt = export_.check_format(fmt or ("csv" if table else "jsonl"))
    check_url(base_url, "--base-url")  # before any file is made
    if table is not None:
        export_.check_table(table)
        if fmt != "csv":
            fail("--table goes with --format csv.")
    if fmt == "csv" and table is None:
        if output is None:
            fail(f"--format csv writes one file per table: give --output FOLDER, or --table "
                 f"({', '.join(TABLES)}) for one table.")
        with opened(ctx, db) as database:
            written = export_.write_tables(database, output, force=force)
        for path, rows in written:
            err().print(report.safe(f"Wrote {counted(rows, 'row')} to {path}."))
        return
    _refuse_output(output, force)

    def write(database: "Database", stream: TextIO, tick: "Progress | None" = None) -> int:
        if table is not None:
            return export_.write_table(database, table, stream, progress=tick)
        return export_.write(database, fmt, stream, progress=tick, base_url=base_url, publisher=publisher)

    with opened(ctx, db) as database:
        if output is None:
            write(database, sys.stdout)
            return
        from ..files import replacing

        try:
            with replacing(output, force) as stream, progress("Exporting statements") as tick:
                count = write(database, stream, tick)
        except OSError as exc:
            fail(f"{output} cannot be written ({exc.strerror}).")
    err().print(report.safe(f"Wrote {count} {'rows' if table else 'records'} to {output}."))


def _refuse_output(output: Path | None, force: bool) -> None:
    """An --output that must not be written (see files.writable_target) is refused before the
    record is read, so the editor hears it at once."""
    if output is not None:
        from ..files import writable_target

        writable_target(output, force)


@app.command()
def timeline(
    ctx: typer.Context,
    speaker: SpeakerFilter = None, tag: TagFilter = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Statements in the order of the days they are about, with gaps and disputes marked.

    Statements go by event date, then the date said; days with nothing on record between two
    dated statements show as a gap, and statements in an open or confirmed conflict are flagged.

    Example: quotetrack timeline --tag makhmour
    """
    from .. import dossier as dossier_
    from .. import record, store
    from ..render import terminal as report

    with opened(ctx, db) as database:
        statements = record.list_statements(database, speaker=speaker, tag=tag)
        ids = [s.id for s in statements if s.id is not None]
        conflicts = store.list_conflicts(database, statement_ids=ids) if ids else []
    items = dossier_.timeline(statements, conflicts)
    respond(as_json, items, report.timeline_table, empty="No statements match.")


REPORT_FORMATS = {"html": (".html", ".htm"), "md": (".md", ".markdown")}


@app.command("report")
def report_(
    ctx: typer.Context,
    speaker: SpeakerFilter = None, tag: TagFilter = None, outlet: OutletFilter = None,
    since: SaidSince = None, until: SaidUntil = None,
    event: Annotated[int | None, typer.Option(
        metavar="ID", help="Only the statements of this event (`quotetrack events` lists them).")] = None,
    title: Annotated[str | None, typer.Option(help="The dossier's title (default: made from the filters).")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", dir_okay=False,
        help="Write the dossier to a file: .html (self-contained) or .md; - for standard output.",
    )] = None,
    fmt: Annotated[str | None, typer.Option(
        "--format", metavar="html|md", help="The file's format (default: from its name; html for -).",
    )] = None,
    clusters: Annotated[bool, typer.Option(
        help="Group the statements that make the same claim (slower for a large dossier).",
    )] = True,
    force: ForceOption = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """A dossier for a story: who spoke, a dated timeline, recurring claims and disputes side by side.

    Example: quotetrack report --tag brennmoor-flood --title "The Brennmoor flood" -o story.html
    """
    from .. import dossier as dossier_
    from ..render import terminal as report

    to_stdout = output is not None and str(output) == "-"
    page_format = _report_format(output, fmt, to_stdout)
    if to_stdout and as_json:
        fail("-o - and --json both write to standard output; give one.")
    if not to_stdout:
        _refuse_output(output, force)
    with opened(ctx, db) as database, progress("Grouping claims", quiet=as_json or to_stdout) as tick:
        found = dossier_.build(
            database, speaker=speaker, tag=tag, outlet=outlet, event=event, title=title,
            since=date_option(since, "--since"), until=date_option(until, "--until"),
            clusterer=partial(dossier_.cluster_statements, progress=tick) if clusters else None,
        )
    if output is not None:
        # Imported here: Jinja2 is only needed when a page is written.
        if page_format == "md":
            from ..render import markdown
            page = markdown.render(found)
        else:
            from ..render import html
            page = html.render(found)
        if to_stdout:
            sys.stdout.write(page)
            return
        from ..files import replacing

        try:
            with replacing(output, force) as stream:
                stream.write(page)
        except OSError as exc:
            fail(f"{output} cannot be written ({exc.strerror}).")
        if not as_json:
            err().print(report.safe(f"Wrote the dossier to {output}."))
    if as_json:
        emit_json(found.to_dict())
    elif output is None:
        out().print(report.dossier_view(found))


def _report_format(output: Path | None, fmt: str | None, to_stdout: bool) -> str | None:
    """The page's format: --format, else the file's name; a name and a format that disagree are
    refused before anything is read."""
    if fmt is not None and fmt not in REPORT_FORMATS:
        fail(f"--format {fmt!r} is not one of: {', '.join(REPORT_FORMATS)}.")
    if output is None:
        if fmt is not None:
            fail("--format is the format of the file -o writes; give -o FILE, or -o - for standard output.")
        return None
    if to_stdout:
        return fmt or "html"
    named = next((name for name, suffixes in REPORT_FORMATS.items() if output.suffix.lower() in suffixes), None)
    if named is None:
        fail(f"{output} must end in .html or .md (the format is taken from the name).")
    if fmt is not None and fmt != named:
        fail(f"{output} is named as {named} but --format says {fmt}; give one that agrees.")
    return named


@app.command()
def check(
    ctx: typer.Context,
    draft: Annotated[str, typer.Argument(
        metavar="DRAFT", help="The draft: a text, Markdown or HTML file, or - to read standard input.",
    )],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Check every quote in a draft against the record before it is published.

    Each statement found in the draft is verbatim, altered (a word-level diff, recorded vs draft),
    misattributed, contradicted (by a recorded statement) or not on record. Exit status 0 when every
    one is verbatim or not on record, 1 otherwise, so a script can stop publication.

    Example: quotetrack check draft.md
    """
    from .. import check as check_
    from .. import record
    from ..render import terminal as report

    raw = record.read_file(draft, "a draft")
    name = "standard input" if draft == "-" else draft
    text = check_.read_draft(raw, name if draft != "-" else "")
    with opened(ctx, db) as database, progress("Checking quotes", quiet=as_json) as tick:
        result = check_.check_text(database, text, name, progress=tick)
    if as_json:
        emit_json(result.to_dict())
    else:
        console = out()
        console.print(report.check_summary(result))
        for number, finding in enumerate(result.findings, 1):
            if finding.verdict in check_.FAILING:
                console.print(report.check_detail(number, finding))
        if not result.findings:
            err().print("The extractor found no attributed statements in the draft.")
    if result.failed:
        raise typer.Exit(code=1)
