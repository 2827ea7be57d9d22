"""Commands on contradictions: list and review conflicts, compare two statements."""

from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from ..models import CONFLICT_STATUSES, CONFLICT_TYPES
from ..render.common import counted
from .common import (
    app,
    conflicts_app,
    date_option,
    emit_json,
    emit_json_line,
    err,
    fail,
    opened,
    out,
    progress,
    respond,
)
from .options import DbOption, JsonOption, LimitOption


@conflicts_app.callback(invoke_without_command=True)
def conflicts(
    ctx: typer.Context,
    type_: Annotated[str | None, typer.Option("--type", help=f"Only this type: {', '.join(CONFLICT_TYPES)}.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Only conflicts involving this speaker.")] = None,
    status: Annotated[str | None, typer.Option(help="Only this status: open, confirmed, dismissed.")] = None,
    min_score: Annotated[float | None, typer.Option(help="Only conflicts scored at least this (0-1).")] = None,
    limit: LimitOption = None,
    rescan: Annotated[bool, typer.Option(help="Re-check every statement first (reviews are kept).")] = False,
    each_pair: Annotated[bool, typer.Option(
        "--each-pair", help="List every pair of statements; by default a dispute told by several pairs "
                            "(the same two figures, one figure's timeline, one undated figure, a claim "
                            "and its denials) is listed once, under the best.")] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List contradictions between statements, best first, with their evidence.

    Example: quotetrack conflicts --type polarity --status open
    """
    from .. import detect, ranking, record, store
    from .. import events as events_
    from ..render import terminal as report

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
            with progress("Checking statements", quiet=as_json) as tick:
                result = detect.rescan(database, database.normalizer, progress=tick)
            if not as_json:
                err().print(f"Rescanned: {counted(result.compared, 'pair')} compared, "
                            f"{counted(result.found, 'conflict')} "
                            f"({result.created} new, {result.dropped} no longer found"
                            + (f"; {result.unfound} reviewed no longer found, kept with your verdict"
                               if result.unfound else "") + ").")
        listed = store.list_conflicts(database, type_=type_, speaker_ids=speaker_ids, status=status,
                                     min_score=min_score, limit=limit if each_pair else None)
        # One incident's counts are one dispute however many sources differ: read by event.
        events_.ensure_grouped(database)
        event_of = events_.events_of_statements(
            database, sorted({s.id for c in listed for s in (c.a, c.b) if s.id is not None}))
        folded = [(c, []) for c in listed] if each_pair else ranking.fold_repeats(listed, event_of)[:limit or None]
        items = [c for c, _ in folded]
        repeats = {c.id: [r.id for r in more] for c, more in folded if more}
    # A conflict whose two statements are about one event links to it: its figure table there.
    linked = {c.id: event_of.get(c.a.id or 0) for c in items
              if event_of.get(c.a.id or 0) is not None and event_of.get(c.a.id or 0) == event_of.get(c.b.id or 0)}
    if as_json:
        emit_json([c.to_dict() | {"event_id": linked.get(c.id), "repeats": repeats.get(c.id, [])} for c in items])
    elif items:
        console = out()
        for item in items:
            console.print(report.conflict_panel(item))
            if item.id in repeats:
                console.print(Text(f"  The same dispute is also told by {counted(len(repeats[item.id]), 'conflict')}: "
                                   f"{', '.join(str(i) for i in repeats[item.id])} (--each-pair lists them).",
                                   style="dim"))
            if item.id in linked:
                console.print(Text(f"  Both statements are about event {linked[item.id]}: "
                                   f"quotetrack event {linked[item.id]} shows every source's figures.",
                                   style="dim"))
    else:
        err().print("No conflicts match.")


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
    from .. import store
    from ..render import terminal as report

    chosen = [name for name, flag in (("confirmed", confirm), ("dismissed", dismiss), ("open", reopen)) if flag]
    if len(chosen) != 1:
        fail("Give exactly one of --confirm, --dismiss or --reopen.")
    with opened(ctx, db) as database:
        with store.transaction(database):
            store.review_conflict(database, conflict_id, chosen[0], note, overrule=overrule)
        conflict = store.get_conflict(database, conflict_id)
    respond(as_json, conflict, report.conflict_panel)


@app.command()
def compare(
    ctx: typer.Context,
    text_a: Annotated[str | None, typer.Argument(help="The first statement: text, or #ID for a stored one.")] = None,
    text_b: Annotated[str | None, typer.Argument(help="The second statement: text, or #ID for a stored one.")] = None,
    ids: Annotated[bool, typer.Option("--ids", help="Read A and B as stored statement ids.")] = False,
    a_speaker: Annotated[str | None, typer.Option(help="Who said A.")] = None,
    b_speaker: Annotated[str | None, typer.Option(help="Who said B.")] = None,
    a_date: Annotated[str | None, typer.Option(help="The date of the event A is about.")] = None,
    b_date: Annotated[str | None, typer.Option(help="The date of the event B is about.")] = None,
    pairs: Annotated[Path | None, typer.Option(help="Many pairs: TSV (id, a, b) or JSONL.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Judge two statements: same claim, conflict, or unrelated. Free text need not be stored;
    `#12` (or `--ids 12 18`) compares statements on record.

    Example: quotetrack compare "Two strikes hit the town" "Three strikes hit the town"
    """
    from .. import pairs as pairs_
    from .. import record, store
    from ..render import terminal as report

    if pairs is not None:
        for line in pairs_.judge_file(pairs):
            emit_json_line(line)
        return
    if text_a is None or text_b is None:
        fail("Give two statements, or --pairs FILE.")
    refs = [pairs_.reference(text_a, ids), pairs_.reference(text_b, ids)]
    if refs == [None, None] and pairs_.looks_like_ids(text_a, text_b):
        err().print(f"Comparing the words {text_a.strip()!r} and {text_b.strip()!r}; for statements on "
                    f"record, write #{text_a.strip()} #{text_b.strip()} or use --ids.", markup=False)
    # The record is opened only to read a stored side (and its terms); free text needs none.
    with opened(ctx, db) if refs != [None, None] else nullcontext() as database:
        a, b = (
            store.get_statement(database, ref) if ref is not None and database is not None
            else pairs_.statement(record.clean_text(text), speaker, date_option(day, option))
            for ref, text, speaker, day, option in ((refs[0], text_a, a_speaker, a_date, "--a-date"),
                                                     (refs[1], text_b, b_speaker, b_date, "--b-date"))
        )
        verdict = pairs_.judge(a, b, database)
    respond(as_json, verdict, lambda verdict: report.verdict_panel(verdict, a, b))
