"""The opened record: one interface on both backends, quotetrack's own errors, no module state."""

import pytest

from quotetrack import store
from quotetrack.errors import ConstraintViolation, DatabaseError, QuotetrackError


@pytest.fixture
def db(isolated_db):
    opened = store.open_record(isolated_db)
    yield opened
    opened.close()


def test_open_record_returns_quotetracks_database(db):
    assert isinstance(db, store.Database)
    assert db.applied_migrations()


def test_a_broken_rule_is_quotetracks_error_on_either_backend(db):
    with store.transaction(db):
        db.execute("INSERT INTO speakers (id, name, created_at) VALUES (1, 'Ann Smith', 'now')")
    with pytest.raises(ConstraintViolation) as caught:
        with store.transaction(db):
            db.execute("INSERT INTO speakers (id, name, created_at) VALUES (1, 'Bob Jones', 'now')")
    assert isinstance(caught.value, QuotetrackError)
    assert caught.value.detail and str(caught.value).startswith("Database error")
    # The failed transaction is gone: the record is usable and holds the first row only.
    assert [r["name"] for r in db.query("SELECT name FROM speakers")] == ["Ann Smith"]


def test_bad_sql_is_a_database_error_not_the_drivers(db):
    with pytest.raises(DatabaseError):
        db.execute("SELECT no_such_column FROM speakers")
    with pytest.raises(DatabaseError):
        list(db.query("SELECT * FROM no_such_table"))


def test_the_record_carries_its_editor(isolated_db, monkeypatch):
    named = store.open_record(isolated_db, editor="  Desk Two ")
    assert named.editor == "Desk Two"
    with store.transaction(named):
        store.log_change(named, "create", "terms", None)
    named.close()
    monkeypatch.setenv("QUOTETRACK_EDITOR", "night desk")
    default = store.open_record(isolated_db)
    assert default.editor == "night desk"
    assert [c["editor"] for c in store.list_changes(default)] == ["Desk Two"]
    default.close()


def test_each_record_has_its_own_normaliser_rebuilt_when_terms_change(db, tmp_path):
    other = store.open_record(tmp_path / "other.db")
    try:
        assert db.normalizer.tokens("Sons of Iraq") == other.normalizer.tokens("Sons of Iraq")
        before = db.normalizer
        with store.transaction(db):
            store.add_terms(db, "Daesh", ["Sons of Iraq"])
        assert db.normalizer is not before
        assert db.normalizer.tokens("Sons of Iraq") == db.normalizer.tokens("Daesh")
        # The other record did not get the terms.
        assert other.normalizer.tokens("Sons of Iraq") != other.normalizer.tokens("Daesh")
    finally:
        other.close()
