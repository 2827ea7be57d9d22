"""The command line: parse options, call the library, render. No SQL and no matching here."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text
from typer.core import TyperGroup

from . import check as check_
from . import detect, record, store
from . import dossier as dossier_
from . import events as events_
from . import export as export_
from .conflicts import CONFLICT_TYPES
from .errors import Ambiguous, QuotetrackError
from .models import CONFLICT_STATUSES, SPEAKER_KINDS, STATEMENT_KINDS, Source, Speaker, Statement

# The terminal renderer keeps the name `report` at the call sites below (fewer changed lines).
from .render import terminal as report
from .store import Database
from .text import parse_date

CONTEXT = {"help_option_names": ["-h", "--help"]}


class _Group(TyperGroup):
    """Turns the library's errors into one line on stderr and exit status 1, for every command."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except QuotetrackError as exc:
            fail(str(exc))
        except UnicodeEncodeError as exc:
            # Undecodable bytes in an argument or a JSON "\udcxx" escape arrive as lone surrogates,
            # which SQLite (and a UTF-8 terminal) cannot take.
            bad = exc.object[exc.start:exc.end] if isinstance(exc.object, str) else ""
            fail(f"Some of the text given is not valid UTF-8 ({bad!r}); check its encoding.")
        except OverflowError:
            fail("A number given is too large; ids and counts go up to 9223372036854775807.")
        except RecursionError:
            fail("The input is nested too deeply to read (JSON nested thousands of levels?).")
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(code=1) from None
        except OSError as exc:
            # The file system refused outside the library's own checks: a name too long, no
            # space left, no permission.
            name = str(exc.filename or "")
            where = f" ({name[:80]}…)" if len(name) > 80 else f" ({name})" if name else ""
            fail(f"{exc.strerror or exc}{where}.")


app = typer.Typer(
    cls=_Group,
    context_settings=CONTEXT,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
    help="quotetrack: keep track of who said what, and catch altered quotes and contradictions.",
)
speakers_app = typer.Typer(context_settings=CONTEXT, rich_markup_mode=None,
                           help="List speakers, add aliases, merge duplicates.")
conflicts_app = typer.Typer(context_settings=CONTEXT, rich_markup_mode=None,
                            help="Contradictions between statements, and the editors' review of them.")
terms_app = typer.Typer(context_settings=CONTEXT, rich_markup_mode=None, no_args_is_help=True,
                        help="Equivalent names that matching treats as one (ISIS = Daesh).")
db_app = typer.Typer(context_settings=CONTEXT, rich_markup_mode=None, no_args_is_help=True,
                     help="Where the record is kept.")
app.add_typer(speakers_app, name="speakers")
app.add_typer(conflicts_app, name="conflicts")
app.add_typer(terms_app, name="terms")
app.add_typer(db_app, name="db")


@app.callback()
def main_options(
    ctx: typer.Context,
    editor: Annotated[str | None, typer.Option(
        "--editor", envvar="QUOTETRACK_EDITOR", show_default=False,
        help="Your name, kept with every change you make (default: $QUOTETRACK_EDITOR, else your login name).",
    )] = None,
) -> None:
    # Who makes this command's changes: every record the command opens carries the name.
    ctx.obj = Invocation(editor)


def out() -> Console:
    return Console(soft_wrap=False, highlight=False)


def err() -> Console:
    return Console(stderr=True, highlight=False)


def fail(message: str) -> None:
    # One line whatever the message quotes: a file name or value with a line break in it is
    # shown escaped, so scripts reading stderr see exactly one "Error:" line.
    line = f"Error: {message}".replace("\n", "\\n").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    err().print(report.safe(line), soft_wrap=True)
    raise typer.Exit(code=1)


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database file, or a postgresql://user@host/dbname URL "
                 "(default: $QUOTETRACK_DB, else `quotetrack db path`).", show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON to stdout instead of a table.")]
YesOption = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]


@dataclass
class Invocation:
    """What the main options give every command (typer's ``ctx.obj``)."""

    editor: str | None


@contextmanager
def opened(ctx: typer.Context, db_path: str | Path | None) -> Iterator[Database]:
    invocation = ctx.find_object(Invocation)
    db = store.open_record(db_path, editor=invocation.editor if invocation else None)
    try:
        yield db
    finally:
        db.close()


def _date_option(value: str | None, name: str) -> date | None:
    return parse_date(value, name)


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


# --- add / import ---


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
    url: Annotated[str | None, typer.Option(help="Where it was published.")] = None,
    source_title: Annotated[str | None, typer.Option(help="The headline of the source.")] = None,
    published: Annotated[str | None, typer.Option(help="The source's publication date.")] = None,
    said_on: Annotated[str | None, typer.Option(help="When it was said (2018-07-11, 11 July 2018).")] = None,
    event_date: Annotated[str | None, typer.Option(help="The date of the event it is about.")] = None,
    place: Annotated[str | None, typer.Option(help="The place it is about.")] = None,
    tag: Annotated[list[str] | None, typer.Option(help="A tag; repeat for more.")] = None,
    context: Annotated[str | None, typer.Option(help="The surrounding sentence.")] = None,
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
    if speaker is None:
        if not _interactive():
            fail("Give the speaker with --speaker NAME.")
        speaker = typer.prompt("Who said it?")
    statement = Statement(
        text=record.clean_text(text),
        speaker=Speaker(name=speaker, title=title, affiliation=affiliation, kind=speaker_kind),
        kind=kind,
        source=Source(outlet=outlet, url=url, title=source_title,
                      published=_date_option(published, "--published")),
        said_on=_date_option(said_on, "--said-on"),
        event_date=_date_option(event_date, "--event-date"),
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
            if not _interactive():
                raise QuotetrackError(f"{exc} Or pass --new-speaker to record a new one.") from None
            speaker_id = _choose_speaker(exc)
            saved = record.add_statement(database, statement, new_speaker=speaker_id is None,
                                         speaker_id=speaker_id)
    if as_json:
        emit_json(saved.to_dict())
    else:
        out().print(report.statement_panel(saved))


def _choose_speaker(exc: Ambiguous) -> int | None:
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
    """Record many statements from JSON Lines or CSV, all or nothing.

    Fields are those of `add` (text, speaker, title, affiliation, speaker_kind, kind, outlet, url,
    source_title, published, said_on, event_date, place, tags, context, relayed_to); `list --json`
    output is accepted too. Statements already on record are skipped.

    Example: quotetrack import statements.jsonl
    """
    records = record.read_records(file)
    with opened(ctx, db) as database:
        result = record.import_records(database, records)
    if as_json:
        emit_json({"added": len(result.added), "skipped": result.skipped, "ids": result.added})
    else:
        out().print(f"Imported {len(result.added)} statements"
                    + (f"; {result.skipped} already on record were skipped." if result.skipped else "."))


@app.command()
def ingest(
    ctx: typer.Context,
    files: Annotated[list[str], typer.Argument(metavar="FILE...", help="Articles: .txt, .md or .html; - for stdin.")],
    outlet: Annotated[str | None, typer.Option(help="The outlet that published the article(s).")] = None,
    url: Annotated[str | None, typer.Option(help="The article's address.")] = None,
    title: Annotated[str | None, typer.Option(help="The headline (default: the first line or <title>).")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date; anchors 'on Wednesday'.")] = None,
    quotes_only: Annotated[bool, typer.Option(help="Leave out the outlet's own factual assertions.")] = False,
    dry_run: Annotated[bool, typer.Option(help="Show what would be recorded; record nothing.")] = False,
    yes: YesOption = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Extract attributed statements from articles, show them, and record them.

    Each article is recorded whole or not at all; an article already on record adds nothing.

    Example: quotetrack ingest article.txt --outlet "Kurdistan 24" --published 2018-07-11 --yes
    """
    from . import ingest as ingest_  # the extractor's lexicons load only when needed

    if url and len(files) > 1:
        fail("--url names one article; ingest the files one at a time.")
    published_on = _date_option(published, "--published")
    articles = []
    with _progress("Reading articles", quiet=as_json or len(files) < 2) as tick:
        for done, name in enumerate(files, 1):
            articles.append(ingest_.read_article(
                record.read_file(name, "an article"), name, outlet=outlet, url=url, title=title,
                published=published_on, quotes_only=quotes_only))
            if tick:
                tick(done, len(files))
    if not dry_run and not yes and not _interactive():
        fail("Recording needs confirmation: add --yes, or --dry-run to only show the statements.")
    console = out()
    results: list[dict[str, Any]] = []
    with nullcontext(None) if dry_run else opened(ctx, db) as database:
        for article in articles:
            ids: list[int | None] = [None] * len(article.statements)
            note = "dry run: nothing recorded" if dry_run else "nothing recorded"
            if not as_json:
                console.print(report.extraction_table(list(zip(article.statements, ids, strict=True)),
                                                      title=f"{article.name}: {len(ids)} statements"))
            if database is not None and (yes or typer.confirm(f"Record these {len(ids)} statements?")):
                result = ingest_.ingest(database, article)
                ids = result.ids
                note = (f"already on record as source {result.already_recorded.id}; nothing added"
                        if result.already_recorded else f"recorded {result.added} statements")
            if as_json:
                results.append({
                    "file": article.name, "source": article.source.to_dict(), "note": note,
                    "statements": [ingest_.to_dict(e, article.source, i)
                                   for e, i in zip(article.statements, ids, strict=True)],
                })
            else:
                err().print(report.safe(f"{article.name}: {note}."))
    if as_json:
        emit_json(results[0] if len(results) == 1 else results)


# --- list / show / edit / delete ---


@app.command("list")
def list_(
    ctx: typer.Context,
    speaker: Annotated[str | None, typer.Option(help="Only this speaker (name, alias or id).")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only statements from this outlet.")] = None,
    tag: Annotated[str | None, typer.Option(help="Only statements with this tag.")] = None,
    since: Annotated[str | None, typer.Option(help="Said on or after this date.")] = None,
    until: Annotated[str | None, typer.Option(help="Said on or before this date.")] = None,
    kind: Annotated[str | None, typer.Option(help=f"Only this kind: {', '.join(STATEMENT_KINDS)}.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many.", min=1)] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List statements, newest first.

    Example: quotetrack list --speaker srood --json
    """
    with opened(ctx, db) as database:
        statements = record.list_statements(
            database, speaker=speaker, outlet=outlet, tag=tag,
            since=_date_option(since, "--since"), until=_date_option(until, "--until"),
            kind=kind, limit=limit,
        )
    if as_json:
        emit_json([s.to_dict() for s in statements])
    elif statements:
        out().print(report.statements_table(statements))
    else:
        err().print("No statements match.")


@app.command()
def show(
    ctx: typer.Context,
    statement_id: Annotated[int, typer.Argument(metavar="ID", help="The statement's id.")],
    in_source: Annotated[bool, typer.Option("--in-source", help="Show it highlighted in its article.")] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one statement in full.

    Example: quotetrack show 3 --in-source
    """
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
    statement_id: Annotated[int, typer.Argument(metavar="ID", help="The statement's id.")],
    text: Annotated[str | None, typer.Option(help="New text.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Attribute it to this speaker (name, alias or id).")] = None,
    kind: Annotated[str | None, typer.Option(help=f"New kind: {', '.join(STATEMENT_KINDS)}.")] = None,
    said_on: Annotated[str | None, typer.Option(help="When it was said.")] = None,
    event_date: Annotated[str | None, typer.Option(help="The date of the event it is about.")] = None,
    place: Annotated[str | None, typer.Option(help="The place it is about.")] = None,
    tag: Annotated[list[str] | None, typer.Option(help="Replace the tags; repeat for more.")] = None,
    context: Annotated[str | None, typer.Option(help="The surrounding sentence.")] = None,
    relayed_to: Annotated[str | None, typer.Option(help="Who it was said to.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Change a stored statement; the change log keeps what it was.

    Example: quotetrack edit 3 --event-date 2018-07-08 --tag makhmour
    """
    changes: dict[str, Any] = {}
    for name, value in (("text", text), ("kind", kind), ("place", place), ("context", context),
                        ("relayed_to", relayed_to)):
        if value is not None:
            changes[name] = value
    if said_on is not None:
        changes["said_on"] = _date_option(said_on, "--said-on")
    if event_date is not None:
        changes["event_date"] = _date_option(event_date, "--event-date")
    if tag is not None:
        changes["tags"] = list(tag)
    with opened(ctx, db) as database:
        statement = record.edit_statement(database, statement_id, changes, speaker=speaker)
    if as_json:
        emit_json(statement.to_dict())
    else:
        out().print(report.statement_panel(statement))


@app.command()
def delete(
    ctx: typer.Context,
    statement_id: Annotated[int, typer.Argument(metavar="ID", help="The statement's id.")],
    yes: YesOption = False,
    db: DbOption = None,
) -> None:
    """Delete a statement (the change log keeps a copy).

    Example: quotetrack delete 3 --yes
    """
    with opened(ctx, db) as database:
        statement = store.get_statement(database, statement_id)
        if not yes:
            if not _interactive():
                fail("Deleting needs confirmation: add --yes.")
            out().print(report.statement_panel(statement))
            if not typer.confirm("Delete this statement?"):
                raise typer.Exit(code=1)
        record.delete_statement(database, statement_id)
    err().print(f"Deleted statement {statement_id}.")


# --- speakers ---


@speakers_app.callback(invoke_without_command=True)
def speakers(
    ctx: typer.Context,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List speakers with their aliases and statement counts.

    Example: quotetrack speakers --json
    """
    if ctx.invoked_subcommand is not None:
        return
    with opened(ctx, db) as database:
        counts = store.speaker_statement_counts(database)
        rows = [(s, counts.get(s.id or 0, 0)) for s in store.all_speakers(database)]
    if as_json:
        emit_json([s.to_dict() | {"statements": n} for s, n in rows])
    elif rows:
        out().print(report.speakers_table(rows))
    else:
        err().print("No speakers on record yet.")


@speakers_app.command("alias")
def speakers_alias(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The speaker: name, alias or id.")],
    alias: Annotated[str, typer.Argument(help="Another name the speaker goes by.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Record another name for a speaker.

    Example: quotetrack speakers alias "US Central Command" CENTCOM
    """
    with opened(ctx, db) as database:
        speaker = record.add_alias(database, name, alias)
    if as_json:
        emit_json(speaker.to_dict())
    else:
        out().print(report.safe(f"{speaker.name} now also goes by: {', '.join(speaker.aliases)}"))


@speakers_app.command("merge")
def speakers_merge(
    ctx: typer.Context,
    a: Annotated[str, typer.Argument(help="The speaker to merge away (name, alias or id).")],
    b: Annotated[str, typer.Argument(help="The speaker that keeps everything.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Merge speaker A into B: A's statements and names move to B.

    Example: quotetrack speakers merge "Col. Srood" "Srood"
    """
    with opened(ctx, db) as database:
        speaker, moved = record.merge_speakers(database, a, b)
    if as_json:
        emit_json(speaker.to_dict() | {"statements_moved": moved})
    else:
        out().print(report.safe(
            f"Moved {moved} statements to {speaker.name}; aliases now: {', '.join(speaker.aliases)}"
        ))


# --- conflicts ---


@conflicts_app.callback(invoke_without_command=True)
def conflicts(
    ctx: typer.Context,
    type_: Annotated[str | None, typer.Option("--type", help=f"Only this type: {', '.join(CONFLICT_TYPES)}.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Only conflicts involving this speaker.")] = None,
    status: Annotated[str | None, typer.Option(help="Only this status: open, confirmed, dismissed.")] = None,
    min_score: Annotated[float | None, typer.Option(help="Only conflicts scored at least this (0-1).")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many.", min=1)] = None,
    rescan: Annotated[bool, typer.Option(help="Re-check every statement first (reviews are kept).")] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List contradictions between statements, best first, with their evidence.

    Example: quotetrack conflicts --type polarity --status open
    """
    if ctx.invoked_subcommand is not None:
        return
    if type_ and type_ not in CONFLICT_TYPES:
        fail(f"--type {type_!r} is not one of: {', '.join(CONFLICT_TYPES)}.")
    if status and status not in CONFLICT_STATUSES:
        fail(f"--status {status!r} is not one of: {', '.join(CONFLICT_STATUSES)}.")
    with opened(ctx, db) as database:
        speaker_ids = None
        if speaker:  # an unknown name stops the command before any rescan is done
            found = record.find_speaker(database, speaker)
            speaker_ids = [found.id or 0]
        if rescan:
            with _progress("Checking statements", quiet=as_json) as tick:
                result = detect.rescan(database, record.normalizer_for(database), progress=tick)
            if not as_json:
                err().print(f"Rescanned: {result.compared} pairs compared, {result.found} conflicts "
                            f"({result.created} new, {result.dropped} no longer found).")
        items = store.list_conflicts(database, type_=type_, speaker_ids=speaker_ids, status=status,
                                     min_score=min_score, limit=limit)
        event_of = events_.events_of_statements(
            database, sorted({s.id for c in items for s in (c.a, c.b) if s.id is not None}))
    # A conflict whose two statements are about one event links to it: its figure table there.
    linked = {c.id: event_of.get(c.a.id or 0) for c in items
              if event_of.get(c.a.id or 0) is not None and event_of.get(c.a.id or 0) == event_of.get(c.b.id or 0)}
    if as_json:
        emit_json([c.to_dict() | {"event_id": linked.get(c.id)} for c in items])
    elif items:
        console = out()
        for item in items:
            console.print(report.conflict_panel(item))
            if item.id in linked:
                console.print(Text(f"  Both statements are about event {linked[item.id]}: "
                                   f"quotetrack event {linked[item.id]} shows every source's figures.",
                                   style="dim"))
    else:
        err().print("No conflicts match.")


@contextmanager
def _progress(label: str, quiet: bool = False) -> Iterator[Any]:
    """A progress bar on a terminal; nothing when output is piped or machine-read."""
    console = err()
    if quiet or not console.is_terminal:
        yield None
        return
    from rich.progress import Progress

    with Progress(console=console, transient=True) as progress:
        task = progress.add_task(label, total=None)

        def tick(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        yield tick


@conflicts_app.command("review")
def conflicts_review(
    ctx: typer.Context,
    conflict_id: Annotated[int, typer.Argument(metavar="ID", help="The conflict's id.")],
    confirm: Annotated[bool, typer.Option("--confirm", help="It is a real contradiction.")] = False,
    dismiss: Annotated[bool, typer.Option("--dismiss", help="It is not; it will not come back on a rescan.")] = False,
    reopen: Annotated[bool, typer.Option("--reopen", help="Undo a review.")] = False,
    overrule: Annotated[bool, typer.Option("--overrule", help="Replace another editor's verdict.")] = False,
    note: Annotated[str | None, typer.Option(help="Why: kept with the conflict and in the change log.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Record an editor's verdict on a conflict.

    Example: quotetrack conflicts review 1 --confirm --note "Srood denies any operation on 8 July"
    """
    chosen = [name for name, flag in (("confirmed", confirm), ("dismissed", dismiss), ("open", reopen)) if flag]
    if len(chosen) != 1:
        fail("Give exactly one of --confirm, --dismiss or --reopen.")
    with opened(ctx, db) as database:
        with store.transaction(database):
            store.review_conflict(database, conflict_id, chosen[0], note, overrule=overrule)
        conflict = store.get_conflict(database, conflict_id)
    if as_json:
        emit_json(conflict.to_dict())
    else:
        out().print(report.conflict_panel(conflict))


@app.command()
def compare(
    text_a: Annotated[str | None, typer.Argument(help="The first statement.")] = None,
    text_b: Annotated[str | None, typer.Argument(help="The second statement.")] = None,
    a_speaker: Annotated[str | None, typer.Option(help="Who said A.")] = None,
    b_speaker: Annotated[str | None, typer.Option(help="Who said B.")] = None,
    a_date: Annotated[str | None, typer.Option(help="The date of the event A is about.")] = None,
    b_date: Annotated[str | None, typer.Option(help="The date of the event B is about.")] = None,
    pairs: Annotated[Path | None, typer.Option(help="Many pairs: TSV (id, a, b) or JSONL.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Judge two statements that need not be stored: same claim, conflict, or unrelated.

    Example: quotetrack compare "Two strikes hit the town" "Three strikes hit the town"
    """
    from . import pairs as pairs_

    if pairs is not None:
        for line in pairs_.judge_file(pairs):
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        return
    if text_a is None or text_b is None:
        fail("Give two statements, or --pairs FILE.")
    a = pairs_.statement(record.clean_text(text_a), a_speaker, _date_option(a_date, "--a-date"))
    b = pairs_.statement(record.clean_text(text_b), b_speaker, _date_option(b_date, "--b-date"))
    verdict = pairs_.judge(a, b)
    if as_json:
        emit_json(verdict.to_dict())
    else:
        out().print(report.verdict_panel(verdict, a, b))


# --- matching ---


@app.command()
def match(
    ctx: typer.Context,
    text: Annotated[str | None, typer.Argument(help="The claim to look for.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Only statements of this speaker.")] = None,
    since: Annotated[str | None, typer.Option(help="Only statements said on or after this date.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many per claim.", min=1)] = 10,
    min_score: Annotated[float | None, typer.Option(help="Only matches scoring at least this (0-100).")] = None,
    queries: Annotated[Path | None, typer.Option(help="Many claims: one a line, or JSONL with id and text.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Find stored statements that make the same claim, best first.

    With --queries, prints one JSON line per claim.

    Example: quotetrack match "Daesh held building destroyed near Makhmour"
    """
    from . import claims as claims_

    since_day = _date_option(since, "--since")
    if queries is None and text is None:
        fail("Give a claim to match, or --queries FILE.")
    batch = claims_.read_queries(queries) if queries is not None else None
    with opened(ctx, db) as database:
        if batch is not None:
            for query_id, query in batch:
                found = claims_.match_text(database, query, speaker=speaker, since=since_day, limit=limit,
                                           min_score=min_score)
                sys.stdout.write(json.dumps({"id": query_id, "query": query,
                                             "matches": [f.to_dict() for f in found]}, ensure_ascii=False) + "\n")
            return
        assert text is not None
        found = claims_.match_text(database, text, speaker=speaker, since=since_day, limit=limit,
                                   min_score=min_score)
    if as_json:
        emit_json([f.to_dict() for f in found])
    elif found:
        out().print(report.matches_table(found))
    else:
        err().print("Nothing on record makes that claim.")


@app.command()
def claims(
    ctx: typer.Context,
    min_size: Annotated[int, typer.Option(help="Only claims made at least this many times.", min=2)] = 2,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Group statements that make the same claim, across speakers and outlets.

    Example: quotetrack claims --min-size 3
    """
    from . import claims as claims_

    with opened(ctx, db) as database:
        with _progress("Grouping claims", quiet=as_json) as tick:
            groups = claims_.clusters(database, min_size=min_size, progress=tick)
    if as_json:
        emit_json([g.to_dict() for g in groups])
    elif groups:
        out().print(report.clusters_table(groups))
    else:
        err().print("No claim is on record more than once.")


# --- search and terms ---


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="Words to find; \"a phrase\", AND, OR, NOT, prefix*.")],
    limit: Annotated[int, typer.Option(help="At most this many.", min=1)] = 20,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over statement text, speaker names and outlets.

    Example: quotetrack search "Makhmour AND strike*"
    """
    with opened(ctx, db) as database:
        hits = store.search(database, query, limit)
        statements = {s.id: s for s in store.get_statements(database, [h[0] for h in hits])}
    rows = [(statements[i], snippet) for i, snippet, _ in hits if i in statements]
    if as_json:
        emit_json([s.to_dict() | {"snippet": report.plain_snippet(snippet),
                                  "highlights": report.snippet_highlights(snippet)}
                   for s, snippet in rows])
    elif rows:
        out().print(report.search_table(rows))
    else:
        err().print("Nothing on record matches.")


@terms_app.command("list")
def terms_list(ctx: typer.Context, db: DbOption = None, as_json: JsonOption = False) -> None:
    """List equivalent names: the shipped defaults and the editors' own.

    Example: quotetrack terms list
    """
    with opened(ctx, db) as database:
        terms = record.list_terms(database)
    if as_json:
        emit_json(terms)
    else:
        out().print(report.terms_table(terms))


@terms_app.command("add")
def terms_add(
    ctx: typer.Context,
    canonical: Annotated[str, typer.Argument(help="The name to match everything else as.")],
    variants: Annotated[list[str], typer.Argument(metavar="VARIANT...", help="Other names for it.")],
    db: DbOption = None,
) -> None:
    """Make names equivalent for matching, e.g. a group's acronyms.

    Example: quotetrack terms add "Islamic State" IS ISIS ISIL Daesh
    """
    with opened(ctx, db) as database:
        reindexed = record.add_terms(database, canonical, variants)
    err().print(report.safe(f"{canonical} = {', '.join(variants)}; re-indexed {reindexed} statements."))


# --- the database itself ---


@db_app.command("path")
def db_path(db: DbOption = None) -> None:
    """Print where the record is kept.

    Example: quotetrack db path
    """
    sys.stdout.write(f"{store.describe_location(db)}\n")


@db_app.command("schema")
def db_schema(ctx: typer.Context, db: DbOption = None) -> None:
    """Print the database schema (db/schema.sql is this output for a new database).

    Example: quotetrack db schema --db /tmp/empty.db
    """
    with opened(ctx, db) as database:
        sys.stdout.write(store.schema_sql(database))


@db_app.command("reindex")
def db_reindex(ctx: typer.Context, db: DbOption = None, as_json: JsonOption = False) -> None:
    """Normalise every statement again, after an upgrade that changed how claims are read.

    Matching and conflict detection look statements up by the normalised words stored when each
    was recorded; an upgrade's CHANGELOG says when stored words should be read again. One
    transaction: interrupted, nothing changes.

    Example: quotetrack db reindex
    """
    with opened(ctx, db) as database, _progress("Re-indexing statements", quiet=as_json) as tick:
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
    with opened(ctx, source) as src, opened(ctx, dest) as dst:
        counts = store.copy_record(src, dst)
    if as_json:
        emit_json([{"table": t, "source": a, "destination": b} for t, a, b in counts])
        return
    width = max(len(t) for t, _, _ in counts)
    for table, before, after in counts:
        sys.stdout.write(f"{table:<{width}}  {before:>9}  {after:>9}\n")
    err().print(f"Copied {sum(b for _, _, b in counts)} rows in {len(counts)} tables; every count matches.")


@app.command()
def log(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(help="At most this many changes.", min=1)] = 50,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show the change log, newest first: who changed what, and when.

    Example: quotetrack log --limit 10
    """
    with opened(ctx, db) as database:
        rows = store.list_changes(database, limit)
    if as_json:
        emit_json(rows)
    else:
        out().print(report.changes_table(rows))


# --- events ---

events_app = typer.Typer(context_settings=CONTEXT, rich_markup_mode=None,
                         help="Incidents: the statements about one event, grouped, and editors' decisions on them.")
app.add_typer(events_app, name="events")


@events_app.callback(invoke_without_command=True)
def events(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option(help="Only events going on or after this date.")] = None,
    place: Annotated[str | None, typer.Option(help="Only events at this place (spelling variants match).")] = None,
    rescan: Annotated[bool, typer.Option(help="Group every statement again (editors' decisions are kept).")] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List events, latest first: place, days, statements, outlets and open conflicts.

    Statements are grouped again by themselves when the record has changed since the last time.

    Example: quotetrack events --place Makhmur --since 2018-07-01
    """
    if ctx.invoked_subcommand is not None:
        return
    since_day = _date_option(since, "--since")
    with opened(ctx, db) as database:
        if rescan:
            result = events_.rescan(database)
            if not as_json:
                err().print(f"Regrouped: {result.events} events over {result.grouped} statements "
                            f"({result.created} new, {result.removed} no longer found).")
        found = events_.list_events(database, since=since_day, place=place)
    if as_json:
        emit_json([e.to_dict() for e in found])
    elif found:
        out().print(report.events_table(found))
    else:
        err().print("No events match.")


@app.command()
def event(
    ctx: typer.Context,
    event_id: Annotated[int, typer.Argument(metavar="ID", help="The event's id (`quotetrack events` lists them).")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one event: its statements as a timeline and every source's figures side by side.

    Example: quotetrack event 3 --json
    """
    with opened(ctx, db) as database:
        detail = events_.get_event(database, event_id)
    if as_json:
        emit_json(detail.to_dict())
    else:
        out().print(report.event_view(detail))


@events_app.command("merge")
def events_merge(
    ctx: typer.Context,
    a: Annotated[int, typer.Argument(help="The event to merge away.")],
    b: Annotated[int, typer.Argument(help="The event that keeps every statement.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Merge event A into B; later regrouping keeps them together.

    Example: quotetrack events merge 4 2
    """
    with opened(ctx, db) as database:
        merged = events_.merge(database, a, b)
    if as_json:
        emit_json(merged.to_dict())
    else:
        out().print(report.safe(f"Event {a} merged into event {merged.id}, {merged.name}: "
                                f"{merged.statements} statements."))


@events_app.command("split")
def events_split(
    ctx: typer.Context,
    event_id: Annotated[int, typer.Argument(metavar="ID", help="The event to split.")],
    statement_ids: Annotated[list[int], typer.Argument(
        metavar="STATEMENT_ID...", help="The statements that make a new event.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Move statements out of an event into a new one; later regrouping keeps them apart.

    Example: quotetrack events split 2 14 15
    """
    with opened(ctx, db) as database:
        created = events_.split(database, event_id, statement_ids)
    if as_json:
        emit_json(created.to_dict())
    else:
        out().print(report.safe(f"New event {created.id}, {created.name}: {created.statements} statements "
                                f"from event {event_id}."))


@events_app.command("rename")
def events_rename(
    ctx: typer.Context,
    event_id: Annotated[int, typer.Argument(metavar="ID", help="The event to name.")],
    name: Annotated[str, typer.Argument(help="The name editors know it by.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Name an event; the name is kept when statements are grouped again.

    Example: quotetrack events rename 2 "Qasrok market bombing"
    """
    with opened(ctx, db) as database:
        renamed = events_.rename(database, event_id, name)
    if as_json:
        emit_json(renamed.to_dict())
    else:
        out().print(report.safe(f"Event {renamed.id} is now {renamed.name}."))


# --- editors' desk (check, report, timeline, export) ---


@app.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option(
        "--format", help=f"One of: {', '.join(export_.FORMATS)}. claimreview is schema.org JSON-LD "
                         "for reviewed conflicts; the others round-trip through `import`.",
    )] = "jsonl",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file instead of stdout.", dir_okay=False,
    )] = None,
    base_url: Annotated[str | None, typer.Option(
        help="claimreview: the page the reviews are published on (each gets #conflict-ID).",
    )] = None,
    publisher: Annotated[str | None, typer.Option(
        help="claimreview: the organisation publishing the reviews (default: the reviewing editor).",
    )] = None,
    db: DbOption = None,
) -> None:
    """Write the whole record (statements, speakers, sources, conflicts and reviews) to a file.

    Example: quotetrack export --format jsonl --output record.jsonl
    """
    export_.check_format(fmt)
    with opened(ctx, db) as database:
        if output is None:
            export_.write(database, fmt, sys.stdout, base_url=base_url, publisher=publisher)
            return
        # Written beside the target and moved into place, so a failed export never leaves half a file.
        partial = output.with_name(output.name + ".partial")
        try:
            with open(partial, "w", encoding="utf-8", newline="") as stream, \
                    _progress("Exporting statements") as tick:
                count = export_.write(database, fmt, stream, progress=tick, base_url=base_url,
                                      publisher=publisher)
            partial.replace(output)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            fail(f"{output} cannot be written ({exc.strerror}).")
    err().print(report.safe(f"Wrote {count} records to {output}."))


@app.command()
def timeline(
    ctx: typer.Context,
    speaker: Annotated[str | None, typer.Option(help="Only this speaker (name, alias or id).")] = None,
    tag: Annotated[str | None, typer.Option(help="Only statements with this tag.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Statements in the order of the days they are about, with gaps and disputes marked.

    Statements go by event date, then the date said; days with nothing on record between two
    dated statements show as a gap, and statements in an open or confirmed conflict are flagged.

    Example: quotetrack timeline --tag makhmour
    """
    with opened(ctx, db) as database:
        statements = record.list_statements(database, speaker=speaker, tag=tag)
        ids = [s.id for s in statements if s.id is not None]
        conflicts = store.list_conflicts(database, statement_ids=ids) if ids else []
    items = dossier_.timeline(statements, conflicts)
    if as_json:
        emit_json([item.to_dict() for item in items])
    elif items:
        out().print(report.timeline_table(items))
    else:
        err().print("No statements match.")


@app.command("report")
def report_(
    ctx: typer.Context,
    speaker: Annotated[str | None, typer.Option(help="Only this speaker (name, alias or id).")] = None,
    tag: Annotated[str | None, typer.Option(help="Only statements with this tag.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only statements from this outlet.")] = None,
    since: Annotated[str | None, typer.Option(help="Said on or after this date.")] = None,
    until: Annotated[str | None, typer.Option(help="Said on or before this date.")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the dossier to a file: .html (self-contained) or .md.", dir_okay=False,
    )] = None,
    clusters: Annotated[bool, typer.Option(
        help="Group the statements that make the same claim (slower for a large dossier).",
    )] = True,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """A dossier for a story: who spoke, a dated timeline, recurring claims and disputes side by side.

    Example: quotetrack report --tag makhmour --output story.html
    """
    suffix = output.suffix.lower() if output else None
    if suffix not in (None, ".html", ".htm", ".md", ".markdown"):
        fail(f"{output} must end in .html or .md (the format is taken from the name).")
    with opened(ctx, db) as database, _progress("Grouping claims", quiet=as_json) as tick:
        found = dossier_.build(
            database, speaker=speaker, tag=tag, outlet=outlet,
            since=_date_option(since, "--since"), until=_date_option(until, "--until"),
            clusterer=partial(dossier_.cluster_statements, progress=tick) if clusters else None,
        )
    if output is not None:
        # Imported here: Jinja2 is only needed when a page is written.
        if suffix in (".md", ".markdown"):
            from .render import markdown
            page = markdown.render(found)
        else:
            from .render import html
            page = html.render(found)
        try:
            output.write_text(page, encoding="utf-8")
        except OSError as exc:
            fail(f"{output} cannot be written ({exc.strerror}).")
        if not as_json:
            err().print(report.safe(f"Wrote the dossier to {output}."))
    if as_json:
        emit_json(found.to_dict())
    elif output is None:
        out().print(report.dossier_view(found))


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
    raw = record.read_file(draft, "a draft")
    name = "standard input" if draft == "-" else draft
    text = check_.read_draft(raw, name if draft != "-" else "")
    with opened(ctx, db) as database, _progress("Checking quotes", quiet=as_json) as tick:
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


def main() -> None:
    app(prog_name="quotetrack")
