"""Speakers are found through their stored name keys: the same answers as reading every speaker,
without reading every speaker."""

import json
import sqlite3

import pytest
from sqlite_utils import Database as SqliteUtilsDatabase

from quotetrack import speaker_keys, speaker_resolution, store
from quotetrack.match import resolve_speaker
from quotetrack.models import Speaker
from quotetrack.store.migrations_sqlite import migrations

NAMES = [
    ("Sarbast Srood", ["Col. Srood"]), ("Anna Lindqvist", []), ("Ann Smith", ["Nan Kowalczyk"]),
    ("Jon Smyth", []), ("Abubakr Tembo", []), ("US Central Command", []), ("Ministry of Defence", []),
    ("Pieter de Vries", []), ("Mohammed al-Rashid", []), ("Li Wei", []), ("Lena M. Berg", []),
]
QUERIES = [
    "Sarbast Srood", "Col. Srood", "Srood", "Sirood", "Sarbast Sirood", "Colonel Sarbast Srood",
    "anna lindqvist", "Anna Lindquist", "Lindqvist", "Ann Smith", "Kowalczyk", "Col. Nan Kowalczyk",
    "John Smith", "Jon Smith", "Abu Bakr Tembo", "Tembo", "CENTCOM", "Central Command",
    "Ministry of Defense", "Defence Ministry", "de Vries", "Peter de Vries", "Mohamed al-Rashid",
    "al-Rashid", "Wei", "Li", "Lena Berg", "Berg", "Nobody Known", "Smyth",
]


@pytest.fixture
def db(isolated_db):
    opened = store.open_record()
    with store.transaction(opened):
        for name, aliases in NAMES:
            store.insert_speaker(opened, Speaker(name=name, aliases=list(aliases)))
        store.ensure_speaker_keys(opened)
    yield opened
    opened.close()


@pytest.mark.parametrize("query", QUERIES)
def test_the_keys_find_every_speaker_the_rules_could_pick(db, query):
    everyone = store.all_speakers(db)
    found = store.speakers_with_keys(db, sorted(speaker_keys.resolve_keys(query, db.normalizer)))
    assert resolve_speaker(query, found, db.normalizer) == resolve_speaker(query, everyone, db.normalizer)


@pytest.mark.parametrize("query", QUERIES)
def test_the_keys_find_every_speaker_an_extracted_name_could_be(db, query):
    wanted = Speaker(name=query)
    found = store.speakers_with_keys(db, sorted(speaker_keys.same_speaker_keys(wanted, db.normalizer)))
    same = [s.id for s in store.all_speakers(db) if speaker_resolution.same_speaker(wanted, s, db.normalizer)]
    assert [s.id for s in found if speaker_resolution.same_speaker(wanted, s, db.normalizer)] == same


def test_a_lookup_reads_only_the_speakers_its_keys_name(db):
    with store.transaction(db):
        for i in range(300):
            store.insert_speaker(db, Speaker(name=f"Person{i:03d} Example{i:03d}"))
    found = store.speakers_with_keys(db, sorted(speaker_keys.resolve_keys("Sirood", db.normalizer)))
    assert [s.name for s in found] == ["Sarbast Srood"]


def test_an_alias_added_later_is_found(db):
    (smith,) = [s for s in store.all_speakers(db) if s.name == "Ann Smith"]
    with store.transaction(db):
        store.insert_alias(db, smith.id, "Teodora Quill")
    assert speaker_resolution.find_speaker(db, "Quill").id == smith.id


def test_new_terms_make_the_keys_stale_and_the_next_write_computes_them_again(db):
    with store.transaction(db):
        store.insert_speaker(db, Speaker(name="Harbour Authority", kind="organisation"))
    with store.transaction(db):
        store.add_terms(db, "Harbour Authority", ["HBA"])
    assert not store.speaker_keys_current(db)
    # Stale keys are not trusted: a read sees every speaker.
    assert speaker_resolution.find_speaker(db, "HBA").name == "Harbour Authority"
    with store.transaction(db):
        store.ensure_speaker_keys(db)
    assert store.speaker_keys_current(db)
    assert [s.name for s in store.speakers_with_keys(db, ["t:Harbour Authority"])] == ["Harbour Authority"]


@pytest.mark.sqlite_only(reason="upgrades an SQLite file")
def test_an_upgraded_record_gets_keys_for_the_speakers_it_holds(tmp_path):
    path = tmp_path / "old.db"
    old = SqliteUtilsDatabase(sqlite3.connect(path))
    migrations.apply(old, stop_before="0003_speaker_keys")
    old.execute("INSERT INTO speakers (id, name, title, kind, created_at) "
                "VALUES (1, 'Sarbast Srood', 'Colonel', 'person', '2018-07-11')")
    old.execute("INSERT INTO speaker_aliases (speaker_id, alias) VALUES (1, 'Col. Srood')")
    old.conn.commit()
    old.close()

    db = store.open_record(path)
    assert not store.speaker_keys_current(db)
    assert speaker_resolution.find_speaker(db, "Col. Srood").id == 1  # read before any write
    with store.transaction(db):
        stored = speaker_resolution.speaker_for(db, Speaker(name="Sirood"))
    assert stored.id == 1
    assert store.speaker_keys_current(db)
    assert [s.id for s in store.speakers_with_keys(db, ["n:col. srood"])] == [1]
    db.close()


def test_a_name_only_an_alias_holds_joins_that_speaker(run):
    assert run("add", "The bridge is closed.", "--speaker", "Ann Smith").exit_code == 0
    assert run("speakers", "alias", "Ann Smith", "Nan Kowalczyk").exit_code == 0
    for name in ("Kowalczyk", "Col. Nan Kowalczyk"):
        assert run("add", f"The bridge reopens in {name[:3]}.", "--speaker", name).exit_code == 0
    speakers = json.loads(run("speakers", "--json").stdout)
    assert [(s["name"], s["statements"]) for s in speakers] == [("Ann Smith", 3)]
