"""The shell conventions of sqlite-utils and llm: --version, completion, --csv / --nl / --json,
--editor after the command's name, and metavars a newsroom reads (issue 19)."""

import csv
import json
import re
import shlex
import subprocess
import sys
from importlib.metadata import version

import pytest
from conftest import as_json
from typer.testing import CliRunner

from quotetrack.cli import app

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent / "scripts"))
import command_reference  # noqa: E402

PATHS = command_reference.command_paths()


@pytest.fixture
def three(run):
    for n, (text, speaker) in enumerate((("The ferry will run on Sunday.", "Ann Smith"),
                                         ("=SUM(A1) is not a plan, the ferry is.", "Bo Lin"),
                                         ("Line one\nline two, \"quoted\".", "Cy Ode"))):
        assert run("add", text, "--speaker", speaker, "--outlet", f"Harbour Post {n}").exit_code == 0
    return run


def test_version_prints_the_installed_version(run):
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"quotetrack {version('quotetrack')}\n"


def test_completion_is_offered_and_shown_for_bash():
    runner = CliRunner()
    assert "--install-completion" in runner.invoke(app, ["--help"]).stdout
    # Typed in bash: typer finds the shell among the command's parents, whatever ran the tests
    # (the "; true" keeps bash from handing its process to the command).
    shown = subprocess.run(["bash", "-c", f"{shlex.quote(sys.executable)} -m quotetrack --show-completion; true"],
                           capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0, shown.stderr
    assert "_QUOTETRACK_COMPLETE=complete_bash" in shown.stdout


def test_list_nl_is_one_json_object_a_line(three):
    result = three("list", "--nl")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    objects = [json.loads(line) for line in lines]
    assert objects == as_json(three("list", "--json"))
    assert all(isinstance(o, dict) for o in objects)


def test_list_csv_is_one_table_with_speaker_and_outlet(three):
    result = three("list", "--csv")
    assert result.exit_code == 0
    rows = list(csv.reader(result.stdout.splitlines(keepends=True)))
    assert rows[0][:4] == ["id", "text", "kind", "speaker"] and "outlet" in rows[0]
    assert len(rows) == 4 and {len(row) for row in rows} == {len(rows[0])}
    by_speaker = {row[3]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert by_speaker["Cy Ode"]["text"] == 'Line one\nline two, "quoted".'
    assert by_speaker["Ann Smith"]["outlet"] == "Harbour Post 0"
    # A spreadsheet would run this one as a formula: it is written as text (csv_cells.protect).
    assert by_speaker["Bo Lin"]["text"] == "'=SUM(A1) is not a plan, the ferry is."


def test_search_takes_the_same_output_options(three):
    rows = list(csv.DictReader(three("search", "ferry", "--csv").stdout.splitlines(keepends=True)))
    assert sorted(r["speaker"] for r in rows) == ["Ann Smith", "Bo Lin"]
    assert all("ferry" in r["snippet"] for r in rows)
    lines = three("search", "ferry", "--nl").stdout.splitlines()
    assert [json.loads(line)["text"] for line in lines] == [s["text"] for s in as_json(three("search", "ferry",
                                                                                              "--json"))]


@pytest.mark.parametrize("command", [["list"], ["search", "ferry"]])
@pytest.mark.parametrize("given", [["--csv", "--nl"], ["--json", "--csv"], ["--nl", "--json"]])
def test_two_output_formats_are_one_clear_error(three, command, given):
    result = three(*command, *given)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: Give only one of --json, --csv and --nl")
    assert len(result.stderr.splitlines()) == 1


def changes_by(run):
    return [(c["editor"], c["action"]) for c in as_json(run("log", "--json"))]


def test_editor_after_the_command_name_is_recorded(run, monkeypatch):
    monkeypatch.setenv("QUOTETRACK_EDITOR", "from-env")
    assert run("add", "The pier opens in May.", "--speaker", "Ann Smith", "--editor", "ana").exit_code == 0
    assert run("add", "The pier opens in June.", "--speaker", "Bo Lin").exit_code == 0
    assert run("--editor", "first", "speakers", "alias", "Bo Lin", "B. Lin", "--editor", "last").exit_code == 0
    editors = [editor for editor, _ in changes_by(run)]
    assert editors[-1] == "ana" and "from-env" in editors and editors[0] == "last"


def test_every_command_takes_editor_after_its_name():
    root = command_reference.get_command(app)
    for path in PATHS[1:]:
        command = root
        for word in path:
            command = command.commands[word]
        assert any("--editor" in p.opts for p in command.params), " ".join(path)


PYTHONISH = re.compile(r"<[a-z][^>]*>|\{[A-Z][A-Z.]*\}|\.\.\.\}\.\.\.|\.\.\.\.\.\.")


@pytest.mark.parametrize("path", PATHS, ids=[" ".join(p) or "quotetrack" for p in PATHS])
def test_help_shows_readable_metavars(path):
    result = CliRunner().invoke(app, [*path, "--help"], prog_name="quotetrack", env={"COLUMNS": "100"})
    assert result.exit_code == 0
    # "<title>" is help text about HTML, not a metavar.
    text = result.stdout.replace("<title>", "")
    assert not PYTHONISH.findall(text), PYTHONISH.findall(text)
