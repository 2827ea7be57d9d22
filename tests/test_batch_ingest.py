"""Batch ingest: a manifest, front matter, --tag, and the summary table every ingest ends with.

The articles in tests/fixtures/brennmoor-batch are invented: three outlets on a flood in
Brennmoor (tag brennmoor-flood) and one older article on a strike in Ostara (ostara-strike).
"""

import json
import shutil
from pathlib import Path

import pytest
from conftest import as_json

BATCH = Path(__file__).parent / "fixtures" / "brennmoor-batch"
FLOOD_FILES = ("ledger-2026-04-06.txt", "courier-2026-04-07.txt", "radio-2026-04-09.md", "ledger-2026-04-10.txt")


@pytest.fixture
def batch(tmp_path):
    """A copy of the batch folder that a test may change."""
    folder = tmp_path / "batch"
    shutil.copytree(BATCH, folder)
    return folder


def _sources(run):
    statements = as_json(run("list", "--json"))
    return {s["source"]["id"]: s["source"] for s in statements}


def _nothing_recorded(run):
    listed = run("list", "--json")
    assert listed.exit_code == 0 and json.loads(listed.stdout) == []


def test_a_manifest_records_each_article_with_its_own_outlet_date_url_and_tag(run):
    result = run("ingest", "--manifest", BATCH / "articles.csv", "--yes", "--json")
    files = as_json(result)
    assert [Path(f["file"]).name for f in files] == [*FLOOD_FILES, "radio-2023-01-10.txt"]
    by_url = {s["url"]: s for s in _sources(run).values()}
    assert {url: (s["outlet"], s["published"], s["tags"]) for url, s in by_url.items()} == {
        "https://ledger.example/brennmoor-dam": ("Larchmont Ledger", "2026-04-06", ["brennmoor-flood"]),
        "https://courier.example/flood-toll": ("Valdris Courier", "2026-04-07", ["brennmoor-flood"]),
        "https://radio.example/brennmoor-nine": ("Eastmarch Radio", "2026-04-09", ["brennmoor-flood"]),
        "https://ledger.example/brennmoor-ten": ("Larchmont Ledger", "2026-04-10", ["brennmoor-flood"]),
        "https://radio.example/ostara-walkout": ("Eastmarch Radio", "2023-01-10", ["ostara-strike"]),
    }


def test_report_by_tag_shows_only_that_story(run):
    as_json(run("ingest", "--manifest", BATCH / "articles.csv", "--yes", "--json"))
    dossier = as_json(run("report", "--tag", "brennmoor-flood", "--no-clusters", "--json"))
    texts = [item["statement"]["text"] for item in dossier["timeline"] if item["type"] == "statement"]
    outlets = {item["statement"]["source"]["outlet"] for item in dossier["timeline"] if item["type"] == "statement"}
    assert outlets == {"Larchmont Ledger", "Valdris Courier", "Eastmarch Radio"}
    assert any("Karsten dam" in t for t in texts)
    assert not any("Ostara" in t or "crane" in t for t in texts)
    other = as_json(run("report", "--tag", "ostara-strike", "--no-clusters", "--json"))
    assert {item["statement"]["speaker"]["name"] for item in other["timeline"] if item["type"] == "statement"} \
        <= {"Mara Quellen", "Eastmarch Radio"}


def test_ingest_ends_with_a_summary_per_file(run):
    result = run("ingest", "--manifest", BATCH / "articles.csv", "--yes")
    assert result.exit_code == 0, result.output
    summary = result.stdout[result.stdout.index("Ingested"):]
    for header in ("File", "Statements", "Speakers", "new", "known", "Conflicts", "found"):
        assert header in summary
    assert "5 files in all" in summary


def test_a_batch_recorded_with_yes_shows_its_summary_not_every_article(run):
    # One table per article is a wall nobody reads when the batch is recorded unseen.
    result = run("ingest", "--manifest", BATCH / "articles.csv", "--yes")
    assert result.exit_code == 0, result.output
    assert "ledger-2026-04-06.txt: " not in result.stdout and "Ingested" in result.stdout
    assert "recorded" in result.stderr  # one line per file still says what became of it


@pytest.mark.parametrize("args", [["--show"], ["--dry-run"]])
def test_a_batch_shows_each_article_when_asked_or_in_a_dry_run(run, args):
    result = run("ingest", "--manifest", BATCH / "articles.csv", "--yes", *args)
    assert result.exit_code == 0, result.output
    assert all(f"{name}: " in result.stdout for name in ("ledger-2026-04-06.txt", "courier-2026-04-07.txt"))


def test_one_article_shows_its_statements_unless_told_not_to(run):
    shown = run("ingest", BATCH / "ledger-2026-04-06.txt", "--yes")
    assert "ledger-2026-04-06.txt: " in shown.stdout and "Karsten" in shown.stdout
    hidden = run("ingest", BATCH / "courier-2026-04-07.txt", "--yes", "--no-show")
    assert hidden.exit_code == 0 and "courier-2026-04-07.txt: " not in hidden.stdout


def test_the_summary_counts_new_and_known_speakers_and_conflicts(run):
    files = as_json(run("ingest", "--manifest", BATCH / "articles.csv", "--yes", "--json"))
    summary = {Path(f["file"]).name: f["summary"] for f in files}
    ledger, courier = summary["ledger-2026-04-06.txt"], summary["courier-2026-04-07.txt"]
    assert ledger["statements"] == len(files[0]["statements"]) > 0
    assert ledger["speakers_known"] == 0 and ledger["speakers_new"] >= 2
    # Mayor and engineer disagree on the inspection; the tolls differ too.
    assert courier["conflicts"] >= 1
    ostara = summary["radio-2023-01-10.txt"]
    assert ostara["speakers_known"] == 1  # Eastmarch Radio, speaking as the outlet, is known by then
    again = as_json(run("ingest", BATCH / "ledger-2026-04-06.txt", "--yes", "--json"))
    assert again["summary"] | {"source_id": None} == {
        "file": str(BATCH / "ledger-2026-04-06.txt"), "source_id": None, "statements": 0,
        "speakers_new": 0, "speakers_known": 0, "conflicts": 0, "already_recorded": True}


def test_a_jsonl_manifest_is_read_the_same_way(run, batch):
    rows = [{"path": "ledger-2026-04-06.txt", "outlet": "Larchmont Ledger", "published": "6 April 2026",
             "url": "https://ledger.example/brennmoor-dam", "tags": ["brennmoor-flood", "dams"]}]
    (batch / "articles.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    as_json(run("ingest", "--manifest", batch / "articles.jsonl", "--yes", "--json"))
    (source,) = _sources(run).values()
    assert (source["outlet"], source["published"], source["tags"]) == (
        "Larchmont Ledger", "2026-04-06", ["brennmoor-flood", "dams"])


def test_a_jsonl_manifest_line_ends_only_at_a_line_break(run, batch):
    # JSON allows U+2028 raw inside a string; splitting lines there would cut the row in two.
    row = {"path": "ledger-2026-04-06.txt", "outlet": "Larchmont\u2028Ledger", "published": "2026-04-06"}
    (batch / "articles.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    as_json(run("ingest", "--manifest", batch / "articles.jsonl", "--yes", "--json"))
    (source,) = _sources(run).values()
    assert source["published"] == "2026-04-06"


@pytest.mark.parametrize(("row", "message"), [
    ("missing.txt,Valdris Courier,2026-04-07,,,", "articles.csv row 3: the file missing.txt does not exist"),
    ("courier-2026-04-07.txt,Valdris Courier,the seventh,,,", "articles.csv row 3: the date 'the seventh'"),
    ("courier-2026-04-07.txt,Valdris Courier,2026-04-07,javascript:alert(1),,", "articles.csv row 3: the url"),
    (",Valdris Courier,2026-04-07,,,", "articles.csv row 3: no path"),
])
def test_a_bad_manifest_row_is_one_error_naming_it_and_nothing_is_recorded(run, batch, row, message):
    (batch / "articles.csv").write_text(
        "path,outlet,published,url,title,tags\n"
        "ledger-2026-04-06.txt,Larchmont Ledger,2026-04-06,,,brennmoor-flood\n" + row + "\n")
    result = run("ingest", "--manifest", batch / "articles.csv", "--yes")
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output and len(result.stderr.strip().splitlines()) == 1
    _nothing_recorded(run)


def test_an_unknown_column_is_named(run, batch):
    (batch / "articles.csv").write_text("path,outlet,publised\nledger-2026-04-06.txt,Larchmont Ledger,2026-04-06\n")
    result = run("ingest", "--manifest", batch / "articles.csv", "--yes")
    assert result.exit_code == 1
    assert "articles.csv row 1: unknown column 'publised'" in result.stderr
    (batch / "articles.jsonl").write_text('{"path": "ledger-2026-04-06.txt", "outlett": "Larchmont Ledger"}\n')
    result = run("ingest", "--manifest", batch / "articles.jsonl", "--yes")
    assert result.exit_code == 1
    assert "articles.jsonl line 1: unknown column 'outlett'" in result.stderr
    _nothing_recorded(run)


FRONT = """---
outlet: Larchmont Ledger
published: 2026-04-06
url: "https://ledger.example/brennmoor-dam"
tags:
  - brennmoor-flood
  - dams
---
"""


def test_front_matter_gives_the_facts_and_is_no_part_of_the_article(run, tmp_path):
    article = tmp_path / "dam.md"
    article.write_text(FRONT + (BATCH / "ledger-2026-04-06.txt").read_text())
    files = as_json(run("ingest", article, "--yes", "--json", "--tag", "flood-desk"))
    assert files["source"] | {"id": None} == {
        "id": None, "outlet": "Larchmont Ledger", "url": "https://ledger.example/brennmoor-dam",
        "title": "Dam burst floods Brennmoor", "published": "2026-04-06",
        "tags": ["flood-desk", "brennmoor-flood", "dams"]}
    quote = next(s for s in files["statements"] if s["kind"] == "quote")
    shown = as_json(run("show", quote["id"], "--json"))
    # The offsets point into the kept text, which starts after the front matter.
    exported = [json.loads(line) for line in run("export", "--format", "jsonl").stdout.splitlines()]
    text = next(r["text"] for r in exported if r["record"] == "article")
    assert not text.startswith("---") and "outlet:" not in text
    assert text[shown["start"]:shown["end"]] == quote["text"]
    assert run("list", "--tag", "dams", "--json").stdout.count('"id"') > 0


def test_front_matter_and_a_manifest_row_must_agree(run, batch):
    (batch / "ledger-2026-04-06.txt").write_text(
        "---\noutlet: Valdris Courier\n---\n" + (BATCH / "ledger-2026-04-06.txt").read_text())
    result = run("ingest", "--manifest", batch / "articles.csv", "--yes")
    assert result.exit_code == 1
    assert ("articles.csv row 2 gives outlet 'Larchmont Ledger' but the front matter of "
            in result.stderr)
    _nothing_recorded(run)


def test_an_unknown_front_matter_key_is_an_error_naming_its_line(run, tmp_path):
    article = tmp_path / "dam.md"
    article.write_text("---\noutlet: Larchmont Ledger\npubished: 2026-04-06\n---\n"
                       + (BATCH / "ledger-2026-04-06.txt").read_text())
    result = run("ingest", article, "--yes")
    assert result.exit_code == 1
    assert "dam.md line 3: unknown front matter key 'pubished'" in result.stderr
    _nothing_recorded(run)


@pytest.mark.parametrize("opening", ["A flood warning was issued for the lower town on Sunday.",
                                     "Update: the toll has risen"])
def test_a_rule_at_the_top_of_an_article_is_not_front_matter(run, tmp_path, opening):
    article = tmp_path / "dam.txt"
    article.write_text(f"---\n{opening}\n---\n\n" + (BATCH / "ledger-2026-04-06.txt").read_text())
    files = as_json(run("ingest", article, "--yes", "--json"))
    assert files["source"]["outlet"] is None
    assert files["summary"]["statements"] > 0
    exported = [json.loads(line) for line in run("export", "--format", "jsonl").stdout.splitlines()]
    assert opening in next(r["text"] for r in exported if r["record"] == "article")


def test_tags_given_again_to_an_article_on_record_are_kept(run):
    as_json(run("ingest", BATCH / "ledger-2026-04-06.txt", "--yes", "--json"))
    again = as_json(run("ingest", BATCH / "ledger-2026-04-06.txt", "--tag", "brennmoor-flood", "--yes", "--json"))
    assert again["summary"]["already_recorded"] is True
    assert again["source"]["tags"] == ["brennmoor-flood"]
    assert as_json(run("list", "--tag", "brennmoor-flood", "--json"))
    log = as_json(run("log", "--json"))
    assert any(c["entity"] == "source" and c["detail"] == {"tags_added": ["brennmoor-flood"]} for c in log)


def test_ingest_needs_files_or_a_manifest(run):
    result = run("ingest", "--yes")
    assert result.exit_code == 1
    assert "Give the articles to ingest" in result.stderr


def test_an_articles_tags_survive_export_and_import(run, tmp_path, monkeypatch):
    as_json(run("ingest", "--manifest", BATCH / "articles.csv", "--yes", "--json"))
    tagged = len(as_json(run("list", "--tag", "brennmoor-flood", "--json")))
    exported = run("export", "--format", "jsonl")
    assert exported.exit_code == 0
    (tmp_path / "record.jsonl").write_text(exported.stdout)
    monkeypatch.setenv("QUOTETRACK_DB", str(tmp_path / "copy.db"))
    assert run("import", tmp_path / "record.jsonl").exit_code == 0
    assert len(as_json(run("list", "--tag", "brennmoor-flood", "--json"))) == tagged > 0


def test_a_dry_run_summarises_what_was_found_and_records_nothing(run):
    files = as_json(run("ingest", "--manifest", BATCH / "articles.csv", "--dry-run", "--json"))
    assert [f["summary"]["statements"] for f in files] == [len(f["statements"]) for f in files]
    assert {f["summary"]["speakers_new"] for f in files} == {None}
    shown = run("ingest", "--manifest", BATCH / "articles.csv", "--dry-run")
    assert "Dry run: nothing recorded" in shown.stdout and "Found" in shown.stdout
    _nothing_recorded(run)
