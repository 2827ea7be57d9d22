"""The options and arguments several commands take, each worded once.

typer names an option after the parameter it is given to, so the same type serves any command.
Options that make one unit stand on one line of a signature: the statement filters (speaker, outlet,
tag, since, until) and what a statement is about (event date, place).
"""

import math
from typing import Annotated

import typer

DbOption = Annotated[
    str | None,
    typer.Option("--db", metavar="FILE|URL", help="Database file, or a postgresql://user@host/dbname URL "
                 "(default: $QUOTETRACK_DB, else `quotetrack db path`).", show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON to stdout instead of a table.")]
# The rest of sqlite-utils' output options, for the commands that list records (see common.Output).
CsvOption = Annotated[bool, typer.Option("--csv", help="Print CSV to stdout: one header row, one row a record.")]
NlOption = Annotated[bool, typer.Option("--nl", help="Print newline-delimited JSON: one object a line.")]
ForceOption = Annotated[bool, typer.Option(
    "--force", help="Replace the --output file if it exists (a device, pipe or directory is never replaced).")]
YesOption = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]
StatementId = Annotated[int, typer.Argument(metavar="ID", help="The statement's id.")]
SpeakerFilter = Annotated[str | None, typer.Option(metavar="NAME", help="Only this speaker (name, alias or id).")]
OutletFilter = Annotated[str | None, typer.Option(help="Only statements from this outlet.")]
TagFilter = Annotated[str | None, typer.Option(help="Only statements with this tag, or from an article with it.")]
SaidSince = Annotated[str | None, typer.Option(metavar="DATE", help="Said on or after this date.")]
SaidUntil = Annotated[str | None, typer.Option(metavar="DATE", help="Said on or before this date.")]
LimitOption = Annotated[int | None, typer.Option(help="At most this many.", min=1)]
EventDateOption = Annotated[str | None, typer.Option(metavar="DATE", help="The date of the event it is about.")]
PlaceOption = Annotated[str | None, typer.Option(help="The place it is about.")]
ContextOption = Annotated[str | None, typer.Option(help="The surrounding sentence.")]


def finite(value: float | None) -> float | None:
    """A number option's callback: "nan" and "inf" parse as floats but compare with nothing."""
    if value is not None and not math.isfinite(value):
        raise typer.BadParameter(f"{value} is not a usable number; give one such as 0.5.")
    return value
