"""CSV: no exported cell is a spreadsheet formula, import undoes the protection exactly, and a field
longer than the csv module's default limit imports (issue 18, item 5)."""

import csv
import io

import pytest
from conftest import as_json
from hypothesis import given
from hypothesis import strategies as st
from test_export import state

from quotetrack.csv_cells import protect, unprotect

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@given(st.text())
def test_unprotect_undoes_protect(cell):
    assert unprotect(protect(cell)) == cell
    assert not protect(cell).startswith(FORMULA_START)


@pytest.mark.parametrize("cell,written", [
    ("=1+1", "'=1+1"), ("+44 20 7946 0000", "'+44 20 7946 0000"), ("-3 degrees", "'-3 degrees"),
    ("@mayor", "'@mayor"), ("\tindented", "'\tindented"), ("\rcarriage", "'\rcarriage"),
    ("'=1+1", "''=1+1"), ("'tis the season", "''tis the season"), ("plain", "plain"), ("", ""),
])
def test_cells_that_a_spreadsheet_would_run_are_quoted(cell, written):
    assert protect(cell) == written
    assert unprotect(written) == cell


def test_a_hand_made_cell_that_starts_with_a_quote_is_read_as_written():
    assert unprotect("'tis the season") == "'tis the season"


HOSTILE = ['=HYPERLINK("http://evil.example","click")', "+SUM(A1:A9)", "-2+3", "@cmd", "\t=1", "\r=1",
           "'=1+1", "'tis", "''=x", "=1;=2",
           "a line\rbroken by a carriage return", "a line\r\nbroken twice"]


@pytest.fixture
def formulas(run):
    for n, cell in enumerate(HOSTILE):
        # --option=value and --: a cell such as "-2+3" is not an option.
        result = run("add", f"--speaker={cell.strip()} Lin {n}", "--new-speaker", f"--outlet={cell}",
                     f"--place={cell}", f"--context={cell}", f"--relayed-to={cell}", f"--source-title={cell}",
                     f"--tag={cell}", "--tag=plain", "--", f"{cell} said the council on day {n}")
        assert result.exit_code == 0, result.output
        result = run("add", "--speaker=Ann Smith", "--", cell)
        assert result.exit_code == 0, result.output
    return run


def test_csv_export_has_no_formula_and_round_trips_exactly(formulas, isolated_db, tmp_path):
    target = tmp_path / "record.csv"
    assert formulas("export", "--table", "statements", "-o", target).exit_code == 0
    with open(target, newline="", encoding="utf-8") as stream:
        rows = list(csv.reader(stream))
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(FORMULA_START), cell
    fresh = tmp_path / "fresh.db"
    assert as_json(formulas("import", target, "--db", fresh, "--json"))["added"] == 2 * len(HOSTILE)
    assert state(formulas, fresh) == state(formulas, isolated_db)


def test_a_field_longer_than_the_csv_default_limit_imports(run, isolated_db, tmp_path):
    long_text = ("The harbour wall will be rebuilt before the storms come. " * 2700)[:150_000]
    assert len(long_text) > 131_072  # the csv module's default field limit
    assert run("add", long_text, "--speaker", "Ann Smith").exit_code == 0
    target = tmp_path / "record.csv"
    assert run("export", "--table", "statements", "-o", target).exit_code == 0
    fresh = tmp_path / "fresh.db"
    imported = run("import", target, "--db", fresh, "--json")
    assert as_json(imported)["added"] == 1
    (statement,) = as_json(run("list", "--db", fresh, "--json"))
    (recorded,) = as_json(run("list", "--json"))
    assert statement["text"] == recorded["text"] and len(statement["text"]) >= 149_000


def test_a_hand_made_csv_keeps_its_quotes(run, tmp_path):
    path = tmp_path / "made.csv"
    path.write_text(io.StringIO("text,speaker\n'tis done,Ann Smith\n").getvalue())
    assert run("import", path).exit_code == 0
    assert [s["text"] for s in as_json(run("list", "--json"))] == ["'tis done"]
