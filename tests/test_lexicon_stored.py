"""Tables built from the word lists are kept between runs, and built again when anything changes."""

import pytest

from quotetrack.text import Normalizer, default_normalizer, lexicon


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """A process that has read no snapshot yet, keeping its snapshots in ``tmp_path``."""
    monkeypatch.setenv(lexicon.CACHE_ENV_VAR, str(tmp_path))
    monkeypatch.setattr(lexicon, "_snapshot", None)
    monkeypatch.setattr(lexicon, "_built", set())
    return tmp_path


def _counted(calls: list[str]):
    def harbour_words() -> frozenset[str]:
        calls.append("built")
        return frozenset({"quay", "pier"})
    return harbour_words


def _next_run(monkeypatch) -> None:
    lexicon._save()  # what the process does as it exits
    monkeypatch.setattr(lexicon, "_snapshot", None)


def test_a_table_is_built_once_then_read_in_later_runs(fresh, monkeypatch):
    calls: list[str] = []
    assert lexicon.stored(_counted(calls))() == {"quay", "pier"}
    assert not list(fresh.glob("tables-*.marshal"))  # written as the process ends, once
    _next_run(monkeypatch)
    assert list(fresh.glob("tables-*.marshal"))
    assert lexicon.stored(_counted(calls))() == {"quay", "pier"}
    assert calls == ["built"]


def test_a_table_is_built_again_when_the_code_or_a_list_changed(fresh, monkeypatch):
    calls: list[str] = []
    lexicon.stored(_counted(calls))()
    _next_run(monkeypatch)
    monkeypatch.setattr(lexicon, "_fingerprint", lambda: "an edited stopwords.txt")
    assert lexicon.stored(_counted(calls))() == {"quay", "pier"}
    assert calls == ["built", "built"]


def test_an_unreadable_snapshot_is_built_again_without_error(fresh, monkeypatch):
    calls: list[str] = []
    lexicon.stored(_counted(calls))()
    _next_run(monkeypatch)
    for path in fresh.glob("tables-*.marshal"):
        path.write_bytes(b"\x00not a snapshot")
    assert lexicon.stored(_counted(calls))() == {"quay", "pier"}
    assert calls == ["built", "built"]


def test_nothing_is_kept_where_the_cache_is_turned_off(fresh, monkeypatch):
    monkeypatch.setenv(lexicon.CACHE_ENV_VAR, "")
    calls: list[str] = []
    assert lexicon.stored(_counted(calls))() == {"quay", "pier"}
    lexicon._save()
    assert not list(fresh.iterdir())


def test_the_default_normaliser_from_kept_tables_reads_as_one_built_afresh():
    built, kept = Normalizer(), default_normalizer()
    for text in ["ISIS fighters shelled the U.S. base near Harbour Town on 3 May",
                 "Daesh claimed 2 dozen attacks", "Talks in Łódź stalled, the Ministry of Interior said"]:
        assert kept.analyse(text) == built.analyse(text)
    # A record's own terms go to its copy, never into the kept tables.
    kept.with_terms([("Harbour Town", ["Port Harbour"])])
    assert default_normalizer().tokens("Port Harbour") == built.tokens("Port Harbour")
