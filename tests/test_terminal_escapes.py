"""Record text and command-line values reach the terminal as text: never rich markup, never a live
link, never an escape sequence the terminal would act on (issue 18, item 3)."""

import io
import json

import pytest
from rich.console import Console

from quotetrack.render import terminal

# Each is valid in a place, an outlet, a speaker or a file name, and each once broke or fooled a view.
HOSTILE = ["Harbour [/]", "Harbour [sic]", "Harbour [link=https://evil.example]x[/link]",
           "Harbour \x1b]0;pwned\x07\x1b[2J", "Harbour :smile: [bold]", "Harbour \x9b31m\x1bc"]
SENT = ("\x1b", "\x07", "\x9b")


def _story(run, place: str) -> None:
    for text, speaker, said in (
        ("Twelve people were killed when the bridge collapsed on Monday.", "Ann Smith", "2021-05-03"),
        ("Three people were killed when the bridge collapsed on Monday.", "Bo Lin", "2021-05-04"),
    ):
        result = run("add", text, "--speaker", speaker, "--said-on", said, "--event-date", "2021-05-03",
                     "--place", place, "--outlet", place, "--context", place, "--relayed-to", place,
                     "--tag", "bridge")
        assert result.exit_code == 0, result.output


@pytest.mark.parametrize("place", HOSTILE)
def test_places_and_event_names_are_printed_literally(run, place, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")  # wide enough that no cell wraps the name
    _story(run, place)
    shown = _visible(place)
    for argv in (["report"], ["events"], ["event", "1"], ["list"], ["timeline"], ["show", "1"], ["conflicts"]):
        result = run(*argv)
        assert result.exit_code == 0, (argv, result.output)
        assert not any(c in result.stdout for c in SENT), argv
        assert shown in result.stdout, (argv, result.stdout)


def test_an_ingested_file_name_is_printed_literally(run, tmp_path):
    article = tmp_path / "bridge [sic] [red]\x1b[2J.txt"
    article.write_text('"The bridge was closed for repairs," said Ann Smith, the city engineer.\n')
    result = run("ingest", article, "--outlet", "Harbour Post", "--published", "2021-05-03", "--yes")
    assert result.exit_code == 0, result.output
    assert "bridge [sic] [red]\\x1b[2J.txt" in result.stdout
    assert "\x1b" not in result.stdout


def _visible(text: str) -> str:
    return text.replace("\x1b", "\\x1b").replace("\x07", "\\x07").replace("\x9b", "\\x9b")


def _plain(renderable) -> str:
    out = io.StringIO()
    Console(file=out, width=400, color_system=None).print(renderable)
    return out.getvalue()


@pytest.mark.parametrize("place", HOSTILE)
@pytest.mark.parametrize("table", [terminal.figures_table, terminal.timeline_table, terminal.statements_table,
                                   terminal.extraction_table])
def test_table_titles_are_shown_as_written(table, place):
    printed = _plain(table([], title=f"Figures: {place}"))
    assert f"Figures: {_visible(place)}" in printed
    assert not any(c in printed for c in SENT)


def _on_terminal(renderable) -> str:
    out = io.StringIO()
    Console(file=out, width=100, force_terminal=True, color_system="truecolor").print(renderable)
    return out.getvalue()


def test_a_title_from_the_record_is_never_a_live_link():
    title = "Reported figures: Harbour [link=https://evil.example]click[/link]"
    printed = _on_terminal(terminal.figures_table([], title=title))
    assert "\x1b]8;" not in printed
    assert "[link=https://evil.example]click[/link]" in printed


def test_the_console_shows_any_string_as_written():
    from quotetrack.cli.common import PlainConsole

    out = io.StringIO()
    console = PlainConsole(file=out, width=100, force_terminal=True, color_system="truecolor", highlight=False)
    console.print("[link=https://evil.example]x[/link] [/] :smile: \x1b]0;t\x07 [bold]b[/bold]")
    printed = out.getvalue()
    assert "[link=https://evil.example]x[/link] [/] :smile: \\x1b]0;t\\x07 [bold]b[/bold]" in printed
    assert "\x1b]" not in printed and "\x07" not in printed


@pytest.mark.sqlite_only(reason="a file's name; a server URL is redacted and parsed")
@pytest.mark.parametrize("name", HOSTILE)
def test_db_path_prints_a_hostile_path_literally(run, tmp_path, name):
    db = tmp_path / f"{name}.db"
    result = run("db", "path", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.stdout == _visible(str(db)) + "\n"


@pytest.mark.sqlite_only(reason="another application's table inside an SQLite file")
def test_db_schema_of_an_adopted_database_sends_no_escape(run, tmp_path):
    import sqlite3

    db = tmp_path / "newsroom.db"
    conn = sqlite3.connect(db)
    conn.execute('CREATE TABLE "notes \x1b]0;pwned\x07\x1b[2J" (body TEXT DEFAULT \'\x9b31m\')')
    conn.commit()
    conn.close()
    assert run("db", "init", "--force", "--db", db).exit_code == 0
    result = run("db", "schema", "--db", db)
    assert result.exit_code == 0, result.output
    assert not any(c in result.stdout for c in SENT)
    assert _visible('CREATE TABLE "notes \x1b]0;pwned\x07\x1b[2J"') in result.stdout


def test_json_output_escapes_the_controls_json_leaves_raw(run):
    # JSON itself escapes only C0; U+009B is a terminal command too, and DEL and U+2028 are no text.
    text = "The harbour \x9b31mreopened\x7f on Monday\u2028at noon."
    assert run("add", text, "--speaker", "Ann Smith").exit_code == 0
    for argv in (["list", "--json"], ["list", "--nl"], ["show", "1", "--json"]):
        result = run(*argv)
        assert result.exit_code == 0, result.output
        assert not any(c in result.stdout for c in "\x9b\x7f\u2028"), argv
        assert "\\u009b31m" in result.stdout
        first = json.loads(result.stdout.splitlines()[0] if "--nl" in argv else result.stdout)
        assert (first[0] if isinstance(first, list) else first)["text"] == text
