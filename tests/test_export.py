"""export: full-fidelity JSON and JSON Lines that replay through import, flat CSV tables, and ClaimReview."""

import csv
import json
from pathlib import Path

import pytest
from conftest import as_json

from quotetrack import store
from quotetrack.evidence import DenialCue

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def stored_conflict(db_path, text_a, text_b, status=None, note=None):
    """A conflict between two stored statements (found by text), reviewed when status is given."""
    db = store.open_record(db_path)
    try:
        ids = {s.text: s.id for s in store.list_statements(db)}
        with store.transaction(db):
            conflict_id, _ = store.save_conflict(db, ids[text_a], ids[text_b], "polarity", 0.8,
                                                 DenialCue("no", (0, 2), "a"), ["dates differ"])
            if status:
                store.review_conflict(db, conflict_id, status, note, editor="desk")
        return conflict_id
    finally:
        db.close()


@pytest.fixture
def varied(run, isolated_db):
    """A small record with everything an export must carry."""
    run("add", "We will hold the bridge; no retreat.", "--speaker", "Ann Smith", "--title", "Mayor",
        "--affiliation", "City Hall", "--outlet", "AP", "--url", "https://example.org/a",
        "--source-title", "Bridge held", "--published", "2020-03-02", "--said-on", "2020-03-01",
        "--event-date", "2020-02-28", "--place", "Riverside", "--tag", "bridge", "--tag", "a;b",
        "--context", "she said at a briefing", "--relayed-to", "AP")
    run("add", "Line one\nline two with \"quotes\" and <script>alert(1)</script>", "--speaker", "Ann Smith",
        "--kind", "written", "--outlet", "Reuters")
    run("add", "The bridge was abandoned.", "--speaker", "Ann Smith", "--new-speaker",
        "--affiliation", "Army", "--speaker-kind", "person", "--outlet", "Reuters")
    run("speakers", "alias", "1", "A. Smith")
    run("speakers", "alias", "1", "Smith; Ann")
    run("add", "To be removed.", "--speaker", "Bo Lin")
    bo = as_json(run("list", "--speaker", "Bo Lin", "--json"))[0]
    run("speakers", "alias", "Bo Lin", "B. Lin")
    run("delete", bo["id"], "--yes")
    stored_conflict(isolated_db, "We will hold the bridge; no retreat.", "The bridge was abandoned.",
                    status="confirmed", note="They cannot both be true.")
    return run


def state(run, db):
    """Everything a reader of the record sees, with the record's own ids replaced by content."""
    statements = as_json(run("list", "--db", db, "--json"))
    speakers = as_json(run("speakers", "--db", db, "--json"))
    conflicts = as_json(run("conflicts", "--db", db, "--json"))
    for s in statements:
        s.pop("id")
        s["speaker"].pop("id")
        if s["source"]:
            s["source"].pop("id")
    for s in speakers:
        s.pop("id")
    reduced = [
        {k: c[k] for k in ("type", "score", "status", "note", "caveats", "evidence", "created_at",
                           "reviewed_at", "reviewed_by")} | {"a": c["a"]["text"], "b": c["b"]["text"]}
        for c in conflicts
    ]
    key = json.dumps
    return (sorted(statements, key=key), sorted(speakers, key=key), sorted(reduced, key=key))


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_export_then_import_into_an_empty_database_loses_nothing(varied, isolated_db, tmp_path, fmt):
    target = tmp_path / f"record.{fmt}"
    result = varied("export", "--format", fmt, "--output", target)
    assert result.exit_code == 0, result.output
    assert f"to {target}" in result.stderr
    fresh = tmp_path / "fresh.db"
    imported = varied("import", target, "--db", fresh, "--json")
    assert as_json(imported)["added"] == 3
    before, after = state(varied, isolated_db), state(varied, fresh)
    assert after == before
    statements, speakers, conflicts = after
    # The parts most easily lost, checked by name as well.
    assert sorted((s["name"], s["statements"]) for s in speakers) == [("Ann Smith", 1), ("Ann Smith", 2),
                                                                      ("Bo Lin", 0)]
    assert [s["name"] for s in speakers].count("Ann Smith") == 2
    assert any(s["aliases"] == ["A. Smith", "Smith; Ann"] for s in speakers)
    assert any(s["name"] == "Bo Lin" and s["aliases"] == ["B. Lin"] for s in speakers)
    assert any(s["tags"] == ["bridge", "a;b"] for s in statements)
    assert conflicts[0]["status"] == "confirmed" and conflicts[0]["note"] == "They cannot both be true."


def test_import_twice_adds_nothing_and_keeps_the_review(varied, isolated_db, tmp_path):
    target = tmp_path / "record.jsonl"
    varied("export", "--output", target)
    fresh = tmp_path / "fresh.db"
    varied("import", target, "--db", fresh)
    again = as_json(varied("import", target, "--db", fresh, "--json"))
    assert (again["added"], again["skipped"]) == (0, 3)
    assert state(varied, fresh) == state(varied, isolated_db)


def test_export_to_stdout_prints_only_records(varied):
    result = varied("export", "--format", "jsonl")
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line.get("record", "statement") for line in lines] == ["speaker", "statement", "statement",
                                                                   "statement", "conflict"]
    assert result.stderr == ""


def test_unknown_format_is_refused(run):
    result = run("export", "--format", "xml")
    assert result.exit_code == 1
    assert "'xml' is not one of: json, jsonl, csv, claimreview" in result.stderr


def test_conflict_naming_a_statement_not_in_the_file_is_refused(run, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps({"id": 1, "text": "Yes.", "speaker": "Ann"}) + "\n"
        + json.dumps({"record": "conflict", "conflict": {"a_id": 1, "b_id": 9, "type": "polarity",
                                                         "score": 0.5, "status": "confirmed"}}) + "\n"
    )
    result = run("import", bad)
    assert result.exit_code == 1
    assert "line 2" in result.stderr and "b_id 9" in result.stderr
    assert as_json(run("list", "--json")) == []


# --- ClaimReview ---


def claim_reviews(run, *args):
    return as_json(run("export", "--format", "claimreview", *args))


def test_claimreview_covers_reviewed_conflicts_only(varied, isolated_db):
    varied("add", "Nobody was hurt.", "--speaker", "Cy Doe")
    varied("add", "Three people were hurt.", "--speaker", "Di Roe")
    stored_conflict(isolated_db, "Nobody was hurt.", "Three people were hurt.")  # open
    reviews = claim_reviews(varied, "--base-url", "https://example.org/checks", "--publisher", "The Desk")
    assert len(reviews) == 1
    review = reviews[0]
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "The bridge was abandoned."
    assert review["url"].startswith("https://example.org/checks#conflict-")
    assert review["author"] == {"@type": "Organization", "name": "The Desk"}
    assert review["reviewRating"]["alternateName"] == "Contradicted by the record"
    assert review["reviewRating"]["ratingExplanation"] == "They cannot both be true."
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["author"] == {"@type": "Person", "name": "Ann Smith",
                               "affiliation": {"@type": "Organization", "name": "Army"}}
    assert claim["appearance"]["publisher"] == {"@type": "Organization", "name": "Reuters"}
    assert "We will hold the bridge" in review["reviewBody"]


def test_claimreview_dismissed_conflict_says_no_contradiction(run, isolated_db):
    run("add", "The road is open.", "--speaker", "Cy Doe", "--outlet", "AP", "--url", "https://example.org/r")
    run("add", "The road is closed.", "--speaker", "Di Roe")
    stored_conflict(isolated_db, "The road is open.", "The road is closed.", status="dismissed")
    (review,) = claim_reviews(run)
    assert review["reviewRating"]["alternateName"] == "No contradiction found"
    assert review["reviewRating"]["ratingValue"] == review["reviewRating"]["bestRating"]
    assert review["author"] == {"@type": "Person", "name": "desk"}


def test_claimreview_uses_only_schema_org_properties(varied):
    allowed = json.loads((FIXTURES / "schemaorg-properties.json").read_text())["types"]

    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            kind = node.get("@type")
            if kind is not None:
                assert kind in allowed, kind
                unknown = {k for k in node if not k.startswith("@")} - set(allowed[kind])
                assert not unknown, f"{kind} has no properties {unknown}"
            for value in node.values():
                walk(value)

    reviews = claim_reviews(varied, "--base-url", "https://example.org/c")
    assert reviews
    walk(reviews)
    assert all(r["@context"] == "https://schema.org" for r in reviews)


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_ingested_article_travels_with_its_statements(run, tmp_path, fmt):
    from conftest import SAMPLES

    article = SAMPLES / "makhmour-strikes.txt"
    assert run("ingest", article, "--outlet", "Kurdistan 24", "--published", "2018-07-11", "--yes").exit_code == 0
    target = tmp_path / f"record.{fmt}"
    assert run("export", "--format", fmt, "--output", target).exit_code == 0
    fresh = tmp_path / "fresh.db"
    assert run("import", target, "--db", fresh).exit_code == 0
    again = tmp_path / f"again.{fmt}"
    assert run("export", "--format", fmt, "--output", again, "--db", fresh).exit_code == 0
    assert again.read_text() == target.read_text()
    quote = as_json(run("list", "--kind", "quote", "--db", fresh, "--json"))[0]
    shown = as_json(run("show", quote["id"], "--db", fresh, "--json"))
    assert shown["start"] is not None and shown["cue"] is not None
    in_source = run("show", quote["id"], "--in-source", "--db", fresh)
    assert in_source.exit_code == 0 and "was not extracted" not in in_source.stderr
    reingested = run("ingest", article, "--outlet", "Kurdistan 24", "--published", "2018-07-11", "--yes",
                     "--db", fresh)
    assert "already on record" in reingested.output


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


STATEMENT_HEADER = ["id", "text", "kind", "speaker", "title", "affiliation", "speaker_kind", "aliases", "outlet", "url",
                    "source_title", "published", "said_on", "event_date", "place", "tags", "context", "relayed_to",
                    "created_at", "speaker_id", "source_id"]


def test_csv_export_is_one_flat_table_per_record_type(varied, tmp_path):
    folder = tmp_path / "tables"
    result = varied("export", "--format", "csv", "--output", folder)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == ["conflicts.csv", "figures.csv", "speakers.csv",
                                                       "statements.csv"]
    with open(folder / "statements.csv", newline="", encoding="utf-8") as stream:
        assert next(csv.reader(stream)) == STATEMENT_HEADER
    statements = read_csv(folder / "statements.csv")
    bridge = next(s for s in statements if s["text"] == "We will hold the bridge; no retreat.")
    assert (bridge["speaker"], bridge["outlet"], bridge["published"], bridge["tags"]) == (
        "Ann Smith", "AP", "2020-03-02", '["bridge", "a;b"]')
    speakers = read_csv(folder / "speakers.csv")
    assert sorted((s["name"], s["aliases"], s["statements"]) for s in speakers) == [
        ("Ann Smith", "", "1"), ("Ann Smith", '["A. Smith", "Smith; Ann"]', "2"), ("Bo Lin", "B. Lin", "0")]
    (conflict,) = read_csv(folder / "conflicts.csv")
    assert conflict["a_text"] == "We will hold the bridge; no retreat."
    assert conflict["b_text"] == "The bridge was abandoned."
    assert conflict["status"] == "confirmed" and conflict["evidence"] == "denial cue “no” in A"
    assert "Wrote 3 rows to" in result.stderr


def test_csv_tables_hold_no_article_and_the_figures_by_event(run, tmp_path):
    from conftest import SAMPLES

    article = SAMPLES / "makhmour-strikes.txt"
    assert run("ingest", article, "--outlet", "Kurdistan 24", "--published", "2018-07-11", "--yes").exit_code == 0
    result = run("export", "--table", "statements")
    assert result.exit_code == 0
    rows = list(csv.reader(result.stdout.splitlines()))
    longest_paragraph = max(len(p) for p in article.read_text().split("\n\n"))
    assert rows[0] == STATEMENT_HEADER and len(rows) > 5
    assert max(len(cell) for row in rows for cell in row) <= longest_paragraph
    figures = list(csv.DictReader(run("export", "--format", "csv", "--table", "figures").stdout.splitlines()))
    assert {(f["counted"], f["figure"], f["speaker"]) for f in figures} >= {("strike", "2", "US Central Command"),
                                                                            ("building", "1", "US Central Command")}
    assert all(f["event"].startswith("Makhmour") for f in figures)


def test_statements_table_imports_back(varied, isolated_db, tmp_path):
    target = tmp_path / "statements.csv"
    assert varied("export", "--table", "statements", "-o", target).exit_code == 0
    fresh = tmp_path / "fresh.db"
    assert as_json(varied("import", target, "--db", fresh, "--json"))["added"] == 3
    assert state(varied, fresh)[0] == state(varied, isolated_db)[0]


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "csv"], "--format csv writes one file per table: give --output FOLDER, or --table "
                          "(statements, speakers, conflicts, figures) for one table."),
    (["--format", "json", "--table", "speakers"], "--table goes with --format csv."),
    (["--table", "sources"], "Table 'sources' is not one of: statements, speakers, conflicts, figures."),
])
def test_csv_export_refuses_what_it_cannot_write(varied, args, message):
    result = varied("export", *args)
    assert result.exit_code == 1
    assert result.stdout == "" and result.stderr.strip() == f"Error: {message}"


def test_a_table_folder_is_not_overwritten_without_force(varied, tmp_path):
    folder = tmp_path / "tables"
    assert varied("export", "--format", "csv", "-o", folder).exit_code == 0
    (folder / "statements.csv").write_text("kept")
    again = varied("export", "--format", "csv", "-o", folder)
    assert again.exit_code == 1 and "already exists; give --force" in again.stderr
    assert (folder / "statements.csv").read_text() == "kept"
    assert varied("export", "--format", "csv", "-o", folder, "--force").exit_code == 0
    assert (folder / "statements.csv").read_text().startswith("id,text,")


def test_a_table_folder_is_made_only_where_its_parent_exists(varied, tmp_path):
    result = varied("export", "--format", "csv", "-o", tmp_path / "nowhere" / "tables")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: There is no folder {tmp_path / 'nowhere'} to make tables in."
    assert not (tmp_path / "nowhere").exists()
