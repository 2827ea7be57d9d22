"""Commands that record and read statements: add, import, ingest, list, show, edit, delete."""

from contextlib import nullcontext
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import Ambiguous, QuotetrackError
from ..models import SPEAKER_KINDS, STATEMENT_KINDS, Source, Speaker, Statement
from ..render.common import counted
from .common import (
    answer,
    app,
    date_option,
    emit_json,
    err,
    fail,
    interactive,
    opened,
    out,
    output_format,
    progress,
    respond,
    respond_records,
)
from .options import (
    ContextOption,
    CsvOption,
    DbOption,
    EventDateOption,
    JsonOption,
    LimitOption,
    NlOption,
    OutletFilter,
    PlaceOption,
    SaidSince,
    SaidUntil,
    SpeakerFilter,
    StatementId,
    TagFilter,
    YesOption,
)


@app.command()
def add(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="The words, exactly as said or reported.")],
    speaker: Annotated[str | None, typer.Option(help="Who said it: a name, alias or speaker id.")] = None,
    title: Annotated[str | None, typer.Option(help="The speaker's title: Colonel, Mayor, spokesman.")] = None,
    affiliation: Annotated[
        str | None, typer.Option(help="The speaker's affiliation: Peshmerga, US-led coalition.")
    ] = None,
    speaker_kind: Annotated[str, typer.Option(help=f"Kind of speaker: {', '.join(SPEAKER_KINDS)}.")] = "person",
    kind: Annotated[str, typer.Option(help=f"Kind of statement: {', '.join(STATEMENT_KINDS)}.")] = "quote",
    outlet: Annotated[str | None, typer.Option(help="The outlet that published it.")] = None,
    url: Annotated[str | None, typer.Option(help="Where it was published: an http:// or https:// address.")] = None,
    source_title: Annotated[str | None, typer.Option(help="The headline of the source.")] = None,
    published: Annotated[str | None, typer.Option(help="The source's publication date.")] = None,
    said_on: Annotated[str | None, typer.Option(help="When it was said (2018-07-11, 11 July 2018).")] = None,
    event_date: EventDateOption = None, place: PlaceOption = None,
    tag: Annotated[list[str] | None, typer.Option(help="A tag; repeat for more.")] = None,
    context: ContextOption = None,
    relayed_to: Annotated[str | None, typer.Option(help="Who it was said to (told Kurdistan 24).")] = None,
    new_speaker: Annotated[
        bool, typer.Option(help="Record a new speaker even if the name fits an existing one.")
    ] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Record one statement.

    Example: quotetrack add "there were no Peshmerga operations near Makhmour that day" --speaker "Col. Srood"
    """
    from .. import record
    from ..render.panel import statement_panel  # not all of render.terminal (rich.table) for one panel

    if speaker is None:
        if not interactive():
            fail("Give the speaker with --speaker NAME.")
        speaker = typer.prompt("Who said it?")
    statement = Statement(
        text=record.clean_text(text),
        speaker=Speaker(name=speaker, title=title, affiliation=affiliation, kind=speaker_kind),
        kind=kind,
        source=Source(outlet=outlet, url=url, title=source_title,
                      published=date_option(published, "--published")),
        said_on=date_option(said_on, "--said-on"),
        event_date=date_option(event_date, "--event-date"),
        place=place, tags=list(tag or []), context=context, relayed_to=relayed_to,
    )
    with opened(ctx, db) as database:
        speaker_id = None
        if speaker.strip().isdecimal():
            speaker_id = int(speaker)
        try:
            saved = record.add_statement(database, statement, new_speaker=new_speaker,
                                         speaker_id=speaker_id)
        except Ambiguous as exc:
            if not interactive():
                raise QuotetrackError(f"{exc} Or pass --new-speaker to record a new one.") from None
            speaker_id = _choose_speaker(exc)
            saved = record.add_statement(database, statement, new_speaker=speaker_id is None,
                                         speaker_id=speaker_id)
    respond(as_json, saved, statement_panel)


def _choose_speaker(exc: Ambiguous) -> int | None:
    from ..render import terminal as report

    console = err()
    console.print(report.safe(str(exc)))
    for number, candidate in enumerate(exc.candidates, 1):
        console.print(report.safe(f"  {number}. {candidate}"))
    console.print("  n. a new speaker")
    answer = typer.prompt("Which one?")
    if answer.strip().lower() == "n":
        return None
    try:
        chosen = exc.candidates[int(answer) - 1]
    except (ValueError, IndexError):
        raise QuotetrackError(f"{answer!r} is not one of the choices.") from None
    return int(chosen.rsplit("(id ", 1)[1].rstrip(")"))


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A .jsonl or .csv file, one statement a record.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Record many statements from JSON Lines or CSV; a bad record stops it with nothing recorded.

    Fields are those of `add` (text, speaker, title, affiliation, speaker_kind, kind, outlet, url,
    source_title, published, said_on, event_date, place, tags, context, relayed_to); `list --json`
    output is accepted too. Statements already on record are skipped. A file of more than 5,000
    records is checked whole, then committed 5,000 at a time so that other editors can write in
    between; an import stopped part way keeps its finished batches, and running it again
    completes it.

    Example: quotetrack import statements.jsonl
    """
    from .. import record

    records = record.read_records(file)
    answer(ctx, db, as_json, lambda database: record.import_records(database, records),
           lambda result: f"Imported {counted(len(result.added), 'statement')}"
           + (f"; {result.skipped} already on record were skipped." if result.skipped else "."),
           to_json=lambda result: {"added": len(result.added), "skipped": result.skipped, "ids": result.added})


# A news article is tens of kilobytes; a file this large is a mistake (a database dump, a
# book), and reading one takes minutes. --max-size lets the rare real one through.
MAX_ARTICLE_MB = 10


@app.command()
def ingest(
    ctx: typer.Context,
    files: Annotated[list[str] | None, typer.Argument(
        metavar="FILE...", help="Articles: .txt, .md or .html; - for stdin.", show_default=False)] = None,
    manifest: Annotated[Path | None, typer.Option(
        metavar="FILE", dir_okay=False, help="A CSV or JSON Lines file listing articles with columns path, "
        "outlet, published, url, title, tags (paths relative to its folder).")] = None,
    outlet: Annotated[str | None, typer.Option(help="The outlet that published the article(s).")] = None,
    url: Annotated[str | None, typer.Option(help="The article's address (http:// or https://).")] = None,
    title: Annotated[str | None, typer.Option(help="The headline (default: the first line or <title>).")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date; anchors 'on Wednesday'.")] = None,
    tag: Annotated[list[str] | None, typer.Option(
        metavar="TAG", help="Tag every article (and so its statements) with this; repeat for more.")] = None,
    quotes_only: Annotated[bool, typer.Option(help="Leave out the outlet's own factual assertions.")] = False,
    dry_run: Annotated[bool, typer.Option(help="Show what would be recorded; record nothing.")] = False,
    show: Annotated[bool | None, typer.Option(
        "--show/--no-show", help="Show each article's statements before recording them. Default: shown for "
        "one article, a dry run or a confirmation; a batch recorded with --yes ends with its summary only.",
        show_default=False)] = None,
    max_size: Annotated[int, typer.Option(
        min=1, metavar="MB", help="Refuse an article larger than this many megabytes.")] = MAX_ARTICLE_MB,
    yes: YesOption = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Extract attributed statements from articles, show them, and record them.

    Each article is recorded whole or not at all; an article already on record adds nothing. A
    Markdown or text file may open with front matter (outlet:, published:, url:, title:, tags:
    between two --- lines); a manifest gives the same for each file of a batch; the options fill
    in what neither gives. A table at the end says what each file added; `quotetrack list
    --outlet NAME` or `report --tag TAG` shows a batch's statements afterwards.

    Example: quotetrack ingest --manifest articles.csv --tag brennmoor-flood --yes
    """
    from .. import ingest as ingest_  # the extractor's lexicons load only when needed
    from .. import record
    from ..manifest import ManifestRow, read_manifest
    from ..render import terminal as report

    batch: list[tuple[str, ManifestRow | None]] = [(name, None) for name in files or []]
    if manifest is not None:
        rows = read_manifest(manifest, record.read_file(manifest, "a manifest"))
        batch += [(str(row.path), row) for row in rows]
    if not batch:
        fail("Give the articles to ingest: files, or --manifest FILE.")
    if url and len(batch) > 1:
        fail("--url names one article; give each article's address in a manifest or its front matter.")
    published_on = date_option(published, "--published")
    articles = []
    # Every file is read and checked before anything is recorded: a bad row stops the batch whole.
    with progress("Reading articles", quiet=as_json or len(batch) < 2) as tick:
        for done, (name, row) in enumerate(batch, 1):
            articles.append(ingest_.read_article(
                record.read_file(name, "an article", limit=max_size * 1_000_000), name, outlet=outlet, url=url,
                title=title, published=published_on, tags=tag or [], quotes_only=quotes_only,
                given=row.facts if row else None, given_by=row.where if row else ""))
            if tick:
                tick(done, len(batch))
    if not dry_run and not yes and not interactive():
        fail("Recording needs confirmation: add --yes, or --dry-run to only show the statements.")
    console = out()
    # Rendering each article's table was a sixth of a large batch's time, for pages nobody reads
    # when the batch is recorded unseen (--yes).
    if show is None:
        show = len(articles) == 1 or dry_run or not yes
    results: list[dict[str, Any]] = []
    summary: list[ingest_.IngestSummary] = []
    with nullcontext(None) if dry_run else opened(ctx, db) as database:
        for article in articles:
            ids: list[int | None] = [None] * len(article.statements)
            note = "dry run: nothing recorded" if dry_run else "nothing recorded"
            row_summary = ingest_.IngestSummary.not_recorded(article, found=dry_run)
            if show and not as_json:
                console.print(report.extraction_table(list(zip(article.statements, ids, strict=True)),
                                                      title=f"{article.name}: {counted(len(ids), 'statement')}"))
            if database is not None and (yes or typer.confirm(f"Record {counted(len(ids), 'statement')}?")):
                result = ingest_.ingest(database, article)
                ids = result.ids
                row_summary = result.summary()
                note = (f"already on record as source {result.already_recorded.id}; nothing added"
                        if result.already_recorded else f"recorded {counted(result.added, 'statement')}")
            summary.append(row_summary)
            if as_json:
                results.append({
                    "file": article.name, "source": article.source.to_dict(), "note": note,
                    "statements": [ingest_.to_dict(e, article.source, i)
                                   for e, i in zip(article.statements, ids, strict=True)],
                    "summary": row_summary.to_dict(),
                })
            else:
                err().print(report.safe(f"{article.name}: {note}."))
    if as_json:
        emit_json(results[0] if len(results) == 1 else results)
    else:
        console.print(report.ingest_summary(summary, dry_run=dry_run))


@app.command("list")
def list_(
    ctx: typer.Context,
    speaker: SpeakerFilter = None, outlet: OutletFilter = None, tag: TagFilter = None,
    since: SaidSince = None, until: SaidUntil = None,
    kind: Annotated[str | None, typer.Option(help=f"Only this kind: {', '.join(STATEMENT_KINDS)}.")] = None,
    limit: LimitOption = None,
    db: DbOption = None,
    as_json: JsonOption = False, as_csv: CsvOption = False, as_nl: NlOption = False,
) -> None:
    """List statements, newest first: a table, or --json, --nl (one JSON object a line) or --csv.

    Example: quotetrack list --speaker srood --json
    """
    from .. import record
    from ..export import STATEMENT_COLUMNS, statement_row
    from ..render import terminal as report

    fmt = output_format(as_json, as_csv, as_nl)
    since_day, until_day = date_option(since, "--since"), date_option(until, "--until")
    with opened(ctx, db) as database:
        statements = record.list_statements(database, speaker=speaker, outlet=outlet, tag=tag, since=since_day,
                                            until=until_day, kind=kind, limit=limit)
    respond_records(fmt, statements, report.statements_table, STATEMENT_COLUMNS, statement_row,
                    empty="No statements match.")


@app.command()
def show(
    ctx: typer.Context,
    statement_id: StatementId,
    in_source: Annotated[bool, typer.Option("--in-source", help="Show it highlighted in its article.")] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one statement in full.

    Example: quotetrack show 3 --in-source
    """
    from .. import store
    from ..render import terminal as report

    with opened(ctx, db) as database:
        statement = store.get_statement(database, statement_id)
        details = store.extraction_details(database, statement_id)
        article = None
        if in_source and details["source_id"] is not None and details["text_start"] is not None:
            article = store.article_text(database, details["source_id"])
    if as_json:
        emit_json(statement.to_dict() | {
            "cue": details["cue"], "confidence": details["confidence"],
            "start": details["text_start"], "end": details["text_end"],
            "speaker_start": details["speaker_start"], "speaker_end": details["speaker_end"],
        })
        return
    console = out()
    console.print(report.statement_panel(statement))
    if in_source:
        if article is None:
            err().print("This statement was not extracted from an article, so there is no source text to show.")
        else:
            console.print(report.in_source(article, details["text_start"], details["text_end"],
                                           details["speaker_start"], details["speaker_end"]))


@app.command()
def edit(
    ctx: typer.Context,
    statement_id: StatementId,
    text: Annotated[str | None, typer.Option(help="New text.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Attribute it to this speaker (name, alias or id).")] = None,
    kind: Annotated[str | None, typer.Option(help=f"New kind: {', '.join(STATEMENT_KINDS)}.")] = None,
    said_on: Annotated[str | None, typer.Option(help="When it was said.")] = None,
    event_date: EventDateOption = None, place: PlaceOption = None,
    tag: Annotated[list[str] | None, typer.Option(help="Replace the tags; repeat for more.")] = None,
    context: ContextOption = None,
    relayed_to: Annotated[str | None, typer.Option(help="Who it was said to.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Change a stored statement; the change log keeps what it was.

    Example: quotetrack edit 3 --event-date 2018-07-08 --tag makhmour
    """
    from .. import record
    from ..render import terminal as report

    changes: dict[str, Any] = {}
    for name, value in (("text", text), ("kind", kind), ("place", place), ("context", context),
                        ("relayed_to", relayed_to)):
        if value is not None:
            changes[name] = value
    if said_on is not None:
        changes["said_on"] = date_option(said_on, "--said-on")
    if event_date is not None:
        changes["event_date"] = date_option(event_date, "--event-date")
    if tag is not None:
        changes["tags"] = list(tag)
    answer(ctx, db, as_json, lambda database: record.edit_statement(database, statement_id, changes, speaker=speaker),
           report.statement_panel)


@app.command()
def delete(
    ctx: typer.Context,
    statement_id: StatementId,
    yes: YesOption = False,
    db: DbOption = None,
) -> None:
    """Delete a statement (the change log keeps a copy).

    Example: quotetrack delete 3 --yes
    """
    from .. import record, store
    from ..render import terminal as report

    with opened(ctx, db) as database:
        statement = store.get_statement(database, statement_id)
        if not yes:
            if not interactive():
                fail("Deleting needs confirmation: add --yes.")
            out().print(report.statement_panel(statement))
            if not typer.confirm("Delete this statement?"):
                raise typer.Exit(code=1)
        record.delete_statement(database, statement_id)
    err().print(f"Deleted statement {statement_id}.")
