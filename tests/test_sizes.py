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


def _jsonl(path, count, last=None):
    with path.open("w") as file:
        for i in range(count):
            row = {"text": f"The council approved budget line {i}.", "speaker": "Ines Alvarado"}
            file.write(json.dumps(row) + "\n")
        if last is not None:
            file.write(last + "\n")


def test_a_json_lines_file_is_read_a_line_at_a_time(tmp_path):
    import tracemalloc

    from quotetrack import record

    path = tmp_path / "many.jsonl"
    _jsonl(path, 50_000)
    tracemalloc.start()
    records = record.read_records(path)
    _, peak = tracemalloc.get_traced_memory()
    assert sum(1 for _ in records) == 50_000
    _, peak_after = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # 50,000 records held as dicts take tens of megabytes; read a line at a time, well under one.
    assert max(peak, peak_after) < 2_000_000


def test_a_json_lines_file_refused_at_its_last_line_writes_nothing(run, tmp_path):
    path = tmp_path / "broken.jsonl"
    _jsonl(path, 2_000, last='{"text": "unfinished"')
    result = run("import", path)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {path} line 2001 is not valid JSON (Expecting ',' delimiter)."
    assert store.count_statements(store.open_record()) == 0


def test_json_lines_end_their_lines_at_lf_cr_or_crlf(run, tmp_path):
    path = tmp_path / "mixed.jsonl"
    rows = [json.dumps({"text": f"Line {i} of the minutes.", "speaker": "Ines Alvarado"}) for i in range(3)]
    path.write_bytes(f"{rows[0]}\r\n{rows[1]}\r{rows[2]}\n{{bad\n".encode())
    result = run("import", path)
    assert "line 4 is not valid JSON" in result.stderr
    path.write_bytes(f"{rows[0]}\r\n{rows[1]}\r{rows[2]}\n".encode())
    assert run("import", path).exit_code == 0
    assert store.count_statements(store.open_record()) == 3
