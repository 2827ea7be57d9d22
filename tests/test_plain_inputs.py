"""What an unlucky user types is read as they meant it: names with invisible characters, searches
with punctuation, numbers that are not numbers."""

import json

import pytest

from quotetrack import speaker_resolution, store
from quotetrack.errors import QuotetrackWarning
from quotetrack.models import Speaker
from quotetrack.text.fold import without_invisible


@pytest.mark.parametrize("hidden", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f",
                                    "\u202a", "\u202e", "\u2066", "\u2069", "\u061c"])
def test_characters_that_show_nothing_leave_a_name(hidden):
    assert without_invisible(f"Ines Alva{hidden}rado") == "Ines Alvarado"


def test_a_name_with_a_zero_width_space_is_the_same_speaker_and_a_warning_says_so(isolated_db):
    db = store.open_record()
    with store.transaction(db):
        first = speaker_resolution.speaker_for(db, Speaker(name="Ines Alvarado"))
        with pytest.warns(QuotetrackWarning, match="show nothing"):
            second = speaker_resolution.speaker_for(db, Speaker(name="Ines Alva\u200brado", aliases=["I.\u200fA."]))
    assert second.id == first.id
    assert [s.name for s in store.all_speakers(db)] == ["Ines Alvarado"]
    assert "I.A." in second.aliases


def test_the_cli_prints_the_warning_on_one_line(run):
    assert run("add", "The bridge is closed.", "--speaker", "Ines Alvarado").exit_code == 0
    result = run("add", "The bridge is open.", "--speaker", "Ines\u202e Alvarado")
    assert result.exit_code == 0
    assert result.stderr.startswith("Warning: The name 'Ines\\u202e Alvarado' holds characters that show nothing")
    assert len(json.loads(run("speakers", "--json").stdout)) == 1


def test_a_name_of_invisible_characters_only_is_empty(run):
    result = run("add", "The bridge is open.", "--speaker", "\u200b\u200d")
    assert result.exit_code == 1 and "The speaker name is empty" in result.stderr


@pytest.fixture
def searchable(run):
    for text in ("The US-led coalition struck the bridge.", "ISIS's fighters left the town.",
                 "The council rebuilt the bridge."):
        assert run("add", text, "--speaker", "Ines Alvarado").exit_code == 0
    return run


def _found(result):
    assert result.exit_code == 0, result.output
    return sorted(s["text"] for s in json.loads(result.stdout))


def test_a_plain_search_is_words(searchable):
    assert _found(searchable("search", "US-led", "--json")) == ["The US-led coalition struck the bridge."]
    assert _found(searchable("search", "ISIS's", "--json")) == ["ISIS's fighters left the town."]
    assert _found(searchable("search", "bridge council", "--json")) == ["The council rebuilt the bridge."]
    assert _found(searchable("search", "bridge OR town", "--json")) == []  # OR is a word here
    assert _found(searchable("search", '"-', "--json")) == []


def test_full_text_syntax_is_asked_for(searchable):
    assert len(_found(searchable("search", "--fts", "bridge OR town", "--json"))) == 3
    result = searchable("search", "--fts", 'unclosed "quote')
    assert result.exit_code == 1 and "not a valid full-text query" in result.stderr


@pytest.mark.parametrize("command", [["match", "the bridge"], ["conflicts"]])
@pytest.mark.parametrize("bad", ["nan", "NaN", "inf", "-inf"])
def test_a_score_that_is_not_a_number_is_refused(run, command, bad):
    result = run(*command, "--min-score", bad)
    assert result.exit_code == 2 and "not a usable number" in result.stderr
