"""Commands on events: list, show, merge, split, rename."""

from typing import Annotated

import typer

from .common import app, date_option, err, events_app, opened, respond
from .options import DbOption, JsonOption


@events_app.callback(invoke_without_command=True)
def events(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option(help="Only events going on or after this date.")] = None,
    place: Annotated[str | None, typer.Option(help="Only events at this place (spelling variants match).")] = None,
    rescan: Annotated[bool, typer.Option(help="Group every statement again (editors' decisions are kept).")] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List events, largest first: place, days, statements, outlets and open conflicts.

    Statements are grouped again by themselves when the record has changed since the last time.

    Example: quotetrack events --place Makhmur --since 2018-07-01
    """
    from .. import events as events_
    from ..render import terminal as report

    if ctx.invoked_subcommand is not None:
        return
    since_day = date_option(since, "--since")
    with opened(ctx, db) as database:
        if rescan:
            result = events_.rescan(database)
            if not as_json:
                err().print(f"Regrouped: {result.events} events over {result.grouped} statements "
                            f"({result.created} new, {result.removed} no longer found).")
        found = events_.list_events(database, since=since_day, place=place)
    respond(as_json, found, report.events_table, empty="No events match.")


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
    from .. import events as events_
    from ..render import terminal as report

    with opened(ctx, db) as database:
        detail = events_.get_event(database, event_id)
    respond(as_json, detail, report.event_view)


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
    from .. import events as events_
    from ..render import terminal as report

    with opened(ctx, db) as database:
        merged = events_.merge(database, a, b)
    respond(as_json, merged, lambda merged: report.safe(
        f"Event {a} merged into event {merged.id}, {merged.name}: {merged.statements} statements."))


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
    from .. import events as events_
    from ..render import terminal as report

    with opened(ctx, db) as database:
        created = events_.split(database, event_id, statement_ids)
    respond(as_json, created, lambda created: report.safe(
        f"New event {created.id}, {created.name}: {created.statements} statements from event {event_id}."))


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
    from .. import events as events_
    from ..render import terminal as report

    with opened(ctx, db) as database:
        renamed = events_.rename(database, event_id, name)
    respond(as_json, renamed, lambda renamed: report.safe(f"Event {renamed.id} is now {renamed.name}."))
