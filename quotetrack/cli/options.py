"""The options and arguments several commands take, each worded once.

typer names an option after the parameter it is given to, so the same type serves any command.
Options that make one unit stand on one line of a signature: the statement filters (speaker, outlet,
tag, since, until) and what a statement is about (event date, place).
"""

from typing import Annotated

import typer

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database file, or a postgresql://user@host/dbname URL "
                 "(default: $QUOTETRACK_DB, else `quotetrack db path`).", show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON to stdout instead of a table.")]
ForceOption = Annotated[bool, typer.Option(
    "--force", help="Replace the --output file if it exists (a device, pipe or directory is never replaced).")]
YesOption = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]
StatementId = Annotated[int, typer.Argument(metavar="ID", help="The statement's id.")]
SpeakerFilter = Annotated[str | None, typer.Option(help="Only this speaker (name, alias or id).")]
OutletFilter = Annotated[str | None, typer.Option(help="Only statements from this outlet.")]
TagFilter = Annotated[str | None, typer.Option(help="Only statements with this tag.")]
SaidSince = Annotated[str | None, typer.Option(help="Said on or after this date.")]
SaidUntil = Annotated[str | None, typer.Option(help="Said on or before this date.")]
LimitOption = Annotated[int | None, typer.Option(help="At most this many.", min=1)]
EventDateOption = Annotated[str | None, typer.Option(help="The date of the event it is about.")]
PlaceOption = Annotated[str | None, typer.Option(help="The place it is about.")]
ContextOption = Annotated[str | None, typer.Option(help="The surrounding sentence.")]
