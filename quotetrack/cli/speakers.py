"""Commands on speakers: list them, add aliases, merge duplicates."""

from typing import Annotated

import typer

from ..render.common import counted
from .common import answer, opened, respond, speakers_app
from .options import DbOption, JsonOption

# The arguments of the commands below, each said once here so that a signature reads as one line.
SpeakerName = Annotated[str, typer.Argument(help="The speaker: name, alias or id.")]
Alias = Annotated[str, typer.Argument(help="Another name the speaker goes by.")]
MergedSpeaker = Annotated[str, typer.Argument(help="The speaker to merge away (name, alias or id).")]
KeptSpeaker = Annotated[str, typer.Argument(help="The speaker that keeps everything.")]


@speakers_app.callback(invoke_without_command=True)
def speakers(
    ctx: typer.Context,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List speakers with their aliases and statement counts.

    Example: quotetrack speakers --json
    """
    from .. import store
    from ..render import terminal as report

    if ctx.invoked_subcommand is not None:
        return
    with opened(ctx, db) as database:
        counts = store.speaker_statement_counts(database)
        rows = [(s, counts.get(s.id or 0, 0)) for s in store.all_speakers(database)]
    respond(as_json, rows, report.speakers_table, empty="No speakers on record yet.",
            to_json=lambda rows: [s.to_dict() | {"statements": n} for s, n in rows])


@speakers_app.command("alias")
def speakers_alias(
    ctx: typer.Context, name: SpeakerName, alias: Alias, db: DbOption = None, as_json: JsonOption = False
) -> None:
    """Record another name for a speaker.

    Example: quotetrack speakers alias "US Central Command" CENTCOM
    """
    from .. import record
    from ..render import terminal as report

    answer(ctx, db, as_json, lambda database: record.add_alias(database, name, alias),
           lambda speaker: report.safe(f"{speaker.name} now also goes by: {', '.join(speaker.aliases)}"))


@speakers_app.command("merge")
def speakers_merge(
    ctx: typer.Context, a: MergedSpeaker, b: KeptSpeaker, db: DbOption = None, as_json: JsonOption = False
) -> None:
    """Merge speaker A into B: A's statements and names move to B.

    Example: quotetrack speakers merge "Col. Srood" "Srood"
    """
    from .. import record
    from ..render import terminal as report

    with opened(ctx, db) as database:
        speaker, moved = record.merge_speakers(database, a, b)
    respond(as_json, speaker,
            lambda speaker: report.safe(
                f"Moved {counted(moved, 'statement')} to {speaker.name}; aliases now: {', '.join(speaker.aliases)}"),
            to_json=lambda speaker: speaker.to_dict() | {"statements_moved": moved})
