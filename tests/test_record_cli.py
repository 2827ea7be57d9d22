"""The record through the command line: add, import, list, show, edit, delete, speakers, log."""

import json

import pytest
from conftest import SAMPLES, as_json

from quotetrack import store
from quotetrack.errors import DatabaseError


def statement_count(db):
    """Statements on record; a database file that was never created holds none."""
    if not isinstance(db, str) and not db.exists():
        return 0
    database = store.open_record(db)
    try:
        return store.count_statements(database)
    finally:
        database.close()


def test_import_sample_lists_every_seed_speaker(seeded):
    result = seeded("list")
    assert result.exit_code == 0
    for name in ("US Central Command", "Srood", "Thomas Veale", "Rizgar Mohammed", "ACLED", "Lead Inspector"):
        assert name in result.stdout


def test_add_resolves_title_form_to_existing_speaker(seeded):
    added = as_json(seeded("add", "there were no Peshmerga operations near Makhmour that day",
                           "--speaker", "Col. Srood", "--json"))
    assert added["speaker"]["name"] == "Srood"
    assert added["speaker"]["title"] == "Colonel"
    listed = as_json(seeded("list", "--speaker", "srood", "--json"))
    assert len(listed) == 2
    assert {s["speaker"]["id"] for s in listed} == {added["speaker"]["id"]}


def test_statement_json_has_stable_fields(seeded):
    statement = as_json(seeded("list", "--speaker", "Srood", "--json"))[0]
    assert set(statement) >= {"id", "text", "kind", "speaker", "source", "said_on", "event_date", "place", "tags"}
    assert set(statement["speaker"]) >= {"id", "name", "title", "affiliation", "kind", "aliases"}
    assert statement["source"] == {
        "id": statement["source"]["id"], "outlet": "Kurdistan 24", "url": None,
        "title": "Coalition continues strikes against IS remnants near Makhmour", "published": "2018-07-11",
        "tags": [],
    }
    assert statement["event_date"] == "2018-07-08"


def test_same_statement_twice_is_refused(run, isolated_db):
    assert run("add", "We will win.", "--speaker", "Ann Smith", "--outlet", "AP").exit_code == 0
    again = run("add", "We will win.", "--speaker", "Ann Smith", "--outlet", "AP")
    assert again.exit_code == 1
    assert "already has this statement" in again.stderr
    assert statement_count(isolated_db) == 1


def test_same_words_from_another_source_are_kept(run, isolated_db):
    assert run("add", "We will win.", "--speaker", "Ann Smith", "--outlet", "AP").exit_code == 0
    assert run("add", "We will win.", "--speaker", "Ann Smith", "--outlet", "Reuters").exit_code == 0
    assert statement_count(isolated_db) == 2


def test_list_filters(seeded):
    assert len(as_json(seeded("list", "--kind", "report", "--json"))) == 1
    assert len(as_json(seeded("list", "--limit", "3", "--json"))) == 3
    assert as_json(seeded("list", "--outlet", "Reuters", "--json")) == []
    seeded("add", "A later claim.", "--speaker", "Ann Smith", "--said-on", "1 August 2018", "--tag", "later")
    since = as_json(seeded("list", "--since", "2018-07-20", "--json"))
    assert [s["text"] for s in since] == ["A later claim."]
    assert [s["text"] for s in as_json(seeded("list", "--tag", "later", "--json"))] == ["A later claim."]


def test_show_edit_delete(seeded, isolated_db):
    first = as_json(seeded("list", "--speaker", "Thomas Veale", "--json"))[0]
    shown = seeded("show", first["id"])
    assert shown.exit_code == 0 and "Thomas Veale" in shown.stdout
    edited = as_json(seeded("edit", first["id"], "--place", "Makhmour", "--event-date", "July 8, 2018",
                            "--tag", "strikes", "--json"))
    assert (edited["place"], edited["event_date"], edited["tags"]) == ("Makhmour", "2018-07-08", ["strikes"])
    before = statement_count(isolated_db)
    refused = seeded("delete", first["id"])
    assert refused.exit_code == 1 and "--yes" in refused.stderr
    assert seeded("delete", first["id"], "--yes").exit_code == 0
    assert statement_count(isolated_db) == before - 1
    gone = seeded("show", first["id"])
    assert gone.exit_code == 1 and f"no statement with id {first['id']}" in gone.stderr


def test_speakers_alias_and_merge(run, isolated_db):
    run("add", "Strikes continue.", "--speaker", "US Central Command", "--speaker-kind", "organisation")
    run("add", "Two strikes.", "--speaker", "Central Cmd", "--new-speaker", "--speaker-kind", "organisation")
    aliased = as_json(run("speakers", "alias", "US Central Command", "CENTCOM", "--json"))
    assert aliased["aliases"] == ["CENTCOM"]
    assert as_json(run("list", "--speaker", "centcom", "--json"))[0]["text"] == "Strikes continue."
    merged = as_json(run("speakers", "merge", "Central Cmd", "US Central Command", "--json"))
    assert merged["statements_moved"] == 1
    assert "Central Cmd" in merged["aliases"]
    speakers = as_json(run("speakers", "--json"))
    assert [(s["name"], s["statements"]) for s in speakers] == [("US Central Command", 2)]


def test_ambiguous_surname_asks_for_more(run, isolated_db):
    run("add", "First.", "--speaker", "Ahmed Ali")
    run("add", "Second.", "--speaker", "Hassan Ali", "--new-speaker")
    result = run("add", "Third.", "--speaker", "Ali")
    assert result.exit_code == 1
    assert "could be any of" in result.stderr and "--new-speaker" in result.stderr
    assert statement_count(isolated_db) == 2
    assert run("add", "Third.", "--speaker", "Ali", "--new-speaker").exit_code == 0


def test_change_log_records_who_did_what(seeded):
    first = as_json(seeded("list", "--json"))[0]
    seeded("edit", first["id"], "--place", "Erbil")
    changes = as_json(seeded("log", "--json"))
    assert changes[0]["action"] == "update" and changes[0]["entity_id"] == first["id"]
    assert changes[0]["editor"] == "tester"
    assert changes[0]["detail"]["after"] == {"place": "Erbil"}


def test_change_log_is_append_only(seeded, isolated_db):
    db = store.open_record(isolated_db)
    try:
        db.execute("DELETE FROM changes")
    except DatabaseError as exc:
        assert "append-only" in str(exc)
    else:
        raise AssertionError("the change log accepted a delete")
    finally:
        db.close()


@pytest.mark.sqlite_only(reason="the default record is a file in the user's application directory")
def test_db_path_order(run, tmp_path, monkeypatch):
    assert run("db", "path").stdout.strip().endswith("record.db")
    assert run("db", "path", "--db", tmp_path / "x.db").stdout.strip() == str(tmp_path / "x.db")
    monkeypatch.delenv("QUOTETRACK_DB")
    assert run("db", "path").stdout.strip().endswith("quotetrack.db")


# --- bad input: one sentence, exit 1, nothing written ---


def test_empty_text(run, isolated_db):
    result = run("add", "   ", "--speaker", "Ann Smith")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: The statement text is empty")
    assert "Traceback" not in result.output


def test_unreadable_date_names_the_field(run, isolated_db):
    result = run("add", "Words.", "--speaker", "Ann Smith", "--said-on", "2018-02-30")
    assert result.exit_code == 1
    assert "--said-on '2018-02-30' is not a date" in result.stderr
    assert "8 July 2018" in result.stderr
    assert statement_count(isolated_db) == 0


def test_unknown_speaker_filter(seeded):
    result = seeded("list", "--speaker", "Nobody Known")
    assert result.exit_code == 1 and "No speaker on record" in result.stderr


def test_unknown_kind(run):
    result = run("add", "Words.", "--speaker", "Ann Smith", "--kind", "rumour")
    assert result.exit_code == 1 and "'rumour' is not one of" in result.stderr


def test_malformed_jsonl_names_line_and_writes_nothing(run, tmp_path, isolated_db):
    path = tmp_path / "bad.jsonl"
    good = json.dumps({"text": "Fine.", "speaker": "Ann Smith"})
    path.write_text(good + "\n" + good.replace("Fine", "Also fine") + "\n{not json\n")
    result = run("import", path)
    assert result.exit_code == 1
    assert "line 3 is not valid JSON" in result.stderr
    assert statement_count(isolated_db) == 0


def test_jsonl_wrong_type_and_bad_date_name_line(run, tmp_path, isolated_db):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"text": "Fine.", "speaker": "Ann Smith"}) + "\n"
                    + json.dumps({"text": 42, "speaker": "Ann Smith"}) + "\n")
    result = run("import", path)
    assert result.exit_code == 1 and "line 2" in result.stderr and "'text' must be text" in result.stderr
    path.write_text(json.dumps({"text": "Fine.", "speaker": "Ann Smith", "said_on": "someday"}) + "\n")
    result = run("import", path)
    assert result.exit_code == 1 and "line 1" in result.stderr and "said_on 'someday'" in result.stderr
    assert statement_count(isolated_db) == 0


def test_csv_import_and_ragged_row(run, tmp_path, isolated_db):
    path = tmp_path / "s.csv"
    path.write_text('text,speaker,outlet,tags\n"One, two.",Ann Smith,AP,a;b\nThree.,Bob Jones,AP,\n')
    result = as_json(run("import", path, "--json"))
    assert result["added"] == 2
    assert as_json(run("list", "--tag", "b", "--json"))[0]["text"] == "One, two."
    path.write_text("text,speaker\nFour.,Ann Smith\nFive.,Ann Smith,extra\n")
    ragged = run("import", path)
    assert ragged.exit_code == 1 and "line 3 has 3 fields" in ragged.stderr
    assert statement_count(isolated_db) == 2


def test_reimport_skips_what_is_on_record(run, isolated_db):
    sample = SAMPLES / "makhmour-statements.jsonl"
    assert as_json(run("import", sample, "--json"))["added"] == 12
    again = as_json(run("import", sample, "--json"))
    assert (again["added"], again["skipped"]) == (0, 12)


def test_binary_file_is_refused(run, tmp_path, isolated_db):
    path = tmp_path / "photo.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    result = run("import", path)
    assert result.exit_code == 1 and "not a text file" in result.stderr


def test_database_that_is_not_sqlite(run, tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("my notes\n")
    result = run("list", "--db", path)
    assert result.exit_code == 1 and "not a quotetrack database" in result.stderr
    assert path.read_text() == "my notes\n"


def test_missing_directory(run, tmp_path):
    result = run("list", "--db", tmp_path / "nowhere" / "x.db")
    assert result.exit_code == 1 and "does not exist" in result.stderr


# --- text is data ---

HOSTILE = "[bold red]boom[/] \x1b[31mred\x1b[0m '; DROP TABLE statements; -- “quoted” ünïcode"


def test_hostile_text_is_stored_exactly_and_shown_literally(run, isolated_db):
    added = as_json(run("add", HOSTILE, "--speaker", "[i]Eve[/i]", "--json"))
    assert added["text"] == HOSTILE
    assert added["speaker"]["name"] == "[i]Eve[/i]"
    table = run("list")
    assert "[bold red]boom[/]" in table.stdout
    assert "[i]Eve[/i]" in table.stdout
    assert "\x1b" not in table.stdout
    assert "\\x1b[31mred" in table.stdout
    assert as_json(run("show", added["id"], "--json"))["text"] == HOSTILE


def test_import_keeps_a_name_that_fits_several_speakers_apart(run, tmp_path, isolated_db):
    run("add", "First.", "--speaker", "Ahmed Ali")
    run("add", "Second.", "--speaker", "Hassan Ali", "--new-speaker")
    path = tmp_path / "more.jsonl"
    path.write_text(json.dumps({"text": "Third.", "speaker": "Ali"}) + "\n"
                    + json.dumps({"text": "Fourth.", "speaker": "Ali"}) + "\n")
    assert as_json(run("import", path, "--json"))["added"] == 2
    speakers = {s["name"]: s["statements"] for s in as_json(run("speakers", "--json"))}
    assert speakers == {"Ahmed Ali": 1, "Hassan Ali": 1, "Ali": 2}


def test_speakers_table_at_80_columns_keeps_titles_readable(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    added = run("add", "The plant will close in May", "--speaker", "Maria Gonzalez", "--title",
                "regional operations manager", "--affiliation", "Northern Manufacturing")
    assert added.exit_code == 0, added.output
    shown = run("speakers").stdout
    assert "…" not in shown
    words = shown.split()
    assert {"regional", "operations", "manager,", "Northern", "Manufacturing"} <= set(words)


def test_counts_of_one_are_singular(run, tmp_path):
    article = tmp_path / "one.txt"
    article.write_text('"The bridge will open in March," said Anna Kowal, the city engineer.\n')
    ingested = run("ingest", article, "--outlet", "Gazeta", "--yes")
    assert ingested.exit_code == 0, ingested.output
    assert "recorded 1 statement" in ingested.output and "1 statements" not in ingested.output
    imported = tmp_path / "one.jsonl"
    imported.write_text('{"text": "Trams will be free on Sunday", "speaker": "Piotr Nowak"}\n')
    result = run("import", imported)
    assert "Imported 1 statement." in result.output
