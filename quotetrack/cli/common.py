"""What every command shares: the typer apps, consoles, errors, JSON or rendered output, the opened record.

The options several commands take are in ``options``.

Kept light on purpose: each command imports the library modules it needs inside its body, so that
`quotetrack --help` and a small command start no slower than typer and rich themselves.
"""

import json
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.text import Text
from typer.core import TyperArgument, TyperGroup, TyperOption

from ..errors import QuotetrackError, QuotetrackWarning

if TYPE_CHECKING:
    from ..store import Database

CONTEXT = {"help_option_names": ["-h", "--help"]}


@contextmanager
def _library_warnings() -> Iterator[None]:
    """The library's warnings (``QuotetrackWarning``: a name it changed) as one line each on
    stderr, each time; other warnings as Python shows them."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", QuotetrackWarning)
        try:
            yield
        finally:
            for found in caught:
                if issubclass(found.category, QuotetrackWarning):
                    sys.stderr.write(f"Warning: {found.message}\n")
                else:
                    warnings.warn_explicit(found.message, found.category, found.filename, found.lineno)


class _Group(TyperGroup):
    """Turns the library's errors into one line on stderr and exit status 1, for every command.

    Built (by typer, once per run) with the whole command tree, which it finishes: every command
    takes ``--editor`` after its name too, and every parameter shows a readable metavar.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for command in self.commands.values():
            _finish(command)

    def invoke(self, ctx: Any) -> Any:
        try:
            with _library_warnings():
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


_EDITOR_HELP = "Your name, kept with every change you make (default: $QUOTETRACK_EDITOR, else your login name)."

# Metavars by type, as click has always shown them; typer's own (<str>, <int range>, <list[str]>)
# read like Python, not like a command line.
_METAVARS = {"str": "TEXT", "int": "INTEGER", "int range": "INTEGER", "float": "NUMBER",
             "float range": "NUMBER", "path": "PATH", "file": "FILE", "bool": "BOOLEAN"}


class _ReadableArgument(TyperArgument):
    """An argument shown in the usage line as ``ID`` or ``[TEXT]``, not typer's ``{ID}``."""

    def make_metavar(self, ctx: Any, *, usage: bool = False) -> str:  # type: ignore[override]  # as typer's own
        name = self.metavar or (self.name or "").upper() + ("..." if self.nargs != 1 else "")
        return f"[{name}]" if usage and not self.required else name


def _finish(command: Any) -> None:
    """``--editor`` on ``command`` and every command under it, and readable metavars."""
    for param in command.params:
        if isinstance(param, TyperArgument):
            param.__class__ = _ReadableArgument
        elif isinstance(param, TyperOption) and param.metavar is None and not param.is_flag:
            param.metavar = _METAVARS.get(param.type.name, param.type.name.upper())
    if not any("--editor" in param.opts for param in command.params):
        command.params.append(TyperOption(
            param_decls=["--editor"], metavar="NAME", expose_value=False, callback=_editor_given,
            help=_EDITOR_HELP))
    for sub in getattr(command, "commands", {}).values():
        _finish(sub)


def _editor_given(ctx: typer.Context, _param: Any, value: str | None) -> None:
    """``--editor`` after a command's name: the same as before it (the main options run first)."""
    invocation = ctx.find_object(Invocation)
    if value is not None and invocation is not None:
        invocation.editor = value


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        sys.stdout.write(f"quotetrack {version('quotetrack')}\n")
        raise typer.Exit()


def _typer(help: str, **options: Any) -> typer.Typer:
    """A command group, with -h and plain (not rich-markup) help like every other."""
    return typer.Typer(context_settings=CONTEXT, rich_markup_mode=None, help=help, **options)


app = _typer("quotetrack: keep track of who said what, and catch altered quotes and contradictions.",
             cls=_Group, no_args_is_help=True, pretty_exceptions_enable=False)
speakers_app = _typer("List speakers, add aliases, merge duplicates.")
conflicts_app = _typer("Contradictions between statements, and the editors' review of them.")
terms_app = _typer("Equivalent names that matching treats as one (ISIS = Daesh).", no_args_is_help=True)
db_app = _typer("Where the record is kept.", no_args_is_help=True)
events_app = _typer("Incidents: the statements about one event, grouped, and editors' decisions on them.")
app.add_typer(speakers_app, name="speakers")
app.add_typer(conflicts_app, name="conflicts")
app.add_typer(terms_app, name="terms")
app.add_typer(db_app, name="db")
app.add_typer(events_app, name="events")


@dataclass
class Invocation:
    """What the main options give every command (typer's ``ctx.obj``)."""

    editor: str | None


@app.callback()
def main_options(
    ctx: typer.Context,
    editor: Annotated[str | None, typer.Option(
        "--editor", envvar="QUOTETRACK_EDITOR", show_default=False, metavar="NAME", help=_EDITOR_HELP,
    )] = None,
    version: Annotated[bool, typer.Option(
        "--version", is_eager=True, callback=_version, help="Print quotetrack's version and exit.",
    )] = False,
) -> None:
    # Who makes this command's changes: every record the command opens carries the name.
    ctx.obj = Invocation(editor)


class PlainConsole(Console):
    """A console on which every plain string is shown as written: never read as rich markup or
    :emoji: codes, its control characters shown as ``\\xNN`` rather than sent to the terminal.

    Record text and command-line values reach the screen as strings in many places (a message, a
    table cell or title); doing it here, where rich turns each string into text, covers every one.
    """

    def render_str(self, text: str, **options: Any) -> Text:
        from ..render.common import visible

        return super().render_str(visible(text), **(options | {"markup": False, "emoji": False}))


def out() -> Console:
    return PlainConsole(soft_wrap=False, highlight=False)


def err() -> Console:
    return PlainConsole(stderr=True, highlight=False)


def fail(message: str) -> NoReturn:
    from ..render.common import visible

    # One line whatever the message quotes: a file name or value with a line break in it is
    # shown escaped, so scripts reading stderr see exactly one "Error:" line.
    line = f"Error: {message}".replace("\n", "\\n").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    err().print(Text(visible(line)), soft_wrap=True)
    raise typer.Exit(code=1)


def emit_json(data: Any) -> None:
    from ..render.common import inert_json

    sys.stdout.write(inert_json(json.dumps(data, indent=2, ensure_ascii=False)) + "\n")


def as_data(result: Any) -> Any:
    """What --json prints for a result: its ``to_dict()``, each item's for a list, else the result itself."""
    if isinstance(result, list):
        return [as_data(item) for item in result]
    to_dict = getattr(result, "to_dict", None)
    return to_dict() if to_dict is not None else result


def emit_json_line(data: Any) -> None:
    """One JSON Lines record on stdout, for the commands that answer a file of queries line by line."""
    from ..render.common import inert_json

    sys.stdout.write(inert_json(json.dumps(data, ensure_ascii=False)) + "\n")


def respond(
    as_json: bool,
    result: Any,
    render: Callable[[Any], Any],
    empty: str | None = None,
    to_json: Callable[[Any], Any] = as_data,
) -> None:
    """Print a command's result: ``to_json(result)`` on stdout with --json, else ``render(result)``.

    With ``empty``, a result with nothing in it prints that message on stderr instead of an empty table.
    """
    if as_json:
        emit_json(to_json(result))
    elif empty is not None and not result:
        err().print(empty)
    else:
        out().print(render(result))


def output_format(as_json: bool, as_csv: bool, as_nl: bool) -> str | None:
    """Which of --json, --csv and --nl was given ("json", "csv", "nl"), or None for a table."""
    given = [name for name, on in (("json", as_json), ("csv", as_csv), ("nl", as_nl)) if on]
    if len(given) > 1:
        fail(f"Give only one of --json, --csv and --nl (given: {', '.join('--' + g for g in given)}).")
    return given[0] if given else None


def respond_records(
    fmt: str | None,
    result: Any,
    render: Callable[[Any], Any],
    columns: Sequence[str],
    to_row: Callable[[Any], dict[str, Any]],
    empty: str | None = None,
    to_json: Callable[[Any], Any] = as_data,
) -> None:
    """Print a listing in ``fmt`` (``output_format``): ``to_json`` as one JSON array or one
    object a line, ``to_row`` of each JSON object as a CSV row of ``columns``, or the table."""
    if fmt == "nl":
        for item in to_json(result):
            emit_json_line(item)
    elif fmt == "csv":
        from ..export import write_csv

        write_csv(sys.stdout, columns, (to_row(item) for item in to_json(result)))
    else:
        respond(fmt == "json", result, render, empty, to_json)


def answer(
    ctx: typer.Context,
    db: str | None,
    as_json: bool,
    work: "Callable[[Database], Any]",
    render: Callable[[Any], Any],
    empty: str | None = None,
    to_json: Callable[[Any], Any] = as_data,
) -> None:
    """What most commands do: open the record, ``work`` on it, close it, then print (see ``respond``)."""
    with opened(ctx, db) as database:
        result = work(database)
    respond(as_json, result, render, empty, to_json)


@contextmanager
def opened(ctx: typer.Context, db_path: str | Path | None, **options: bool) -> Iterator["Database"]:
    """The record, closed after use; ``options`` go to ``store.open_record``."""
    from .. import store

    invocation = ctx.find_object(Invocation)
    db = store.open_record(db_path, editor=invocation.editor if invocation else None, **options)
    try:
        yield db
    finally:
        db.close()


def date_option(value: str | None, name: str) -> date | None:
    if value is None:  # the date reader is not loaded for an option not given
        return None
    from ..text import parse_date

    return parse_date(value, name)


def interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


@contextmanager
def progress(label: str, quiet: bool = False) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on a terminal; nothing when output is piped or machine-read."""
    console = err()
    if quiet or not console.is_terminal:
        yield None
        return
    from rich.progress import Progress

    with Progress(console=console, transient=True) as bar:
        task = bar.add_task(label, total=None)

        def tick(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield tick
