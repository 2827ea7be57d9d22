"""Inputs too large to be what they claim are refused in one sentence; large ones are read in
time proportional to their size."""

import json

from quotetrack import store


def _article(megabytes: float) -> str:
    paragraph = 'The council met on Monday. "We will rebuild the bridge," said Mayor Ines Alvarado.\n\n'
    return paragraph * int(megabytes * 1_000_000 / len(paragraph) + 1)


def test_an_article_over_the_cap_is_refused_and_nothing_is_written(run, tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text(_article(1.2))
    result = run("ingest", path, "--yes", "--max-size", "1")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "over 1 MB" in result.stderr and "--max-size" in result.stderr
    assert "Traceback" not in result.output
    assert store.count_statements(store.open_record()) == 0


def test_the_cap_can_be_raised(run, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(_article(1.2))
    result = run("ingest", path, "--yes", "--max-size", "2", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["statements"]


def test_the_cap_is_a_whole_number_of_megabytes(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(_article(0.001))
    for bad in ("nan", "0", "-1", "inf"):
        result = run("ingest", path, "--yes", "--max-size", bad)
        assert result.exit_code == 2, bad
