"""The text package: what a word is, how numbers are read, how names fold to ASCII, and the CLI
behaviour that rests on them."""

import json

import pytest

from quotetrack.text import (
    Normalizer,
    copy_tokens,
    default_normalizer,
    find_quantities,
    fold,
    lexicon,
    read_number,
    tokenize,
    with_bounds,
    words,
)
from quotetrack.text.dates import months

# --- fold --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, folded",
    [
        ("Łódź", "lodz"),
        ("Øresund", "oresund"),
        ("Đorđević", "dordevic"),
        ("Straße", "strasse"),
        ("Ærø", "aero"),
        ("Москва", "moskva"),
        ("Café", "cafe"),
    ],
)
def test_fold_transliterates_letters_instead_of_dropping_them(name, folded):
    assert fold(name) == folded


def test_fold_leaves_symbols_as_they_are():
    # A symbol written as letters ("EUR", "deg") would read as a word of the claim.
    assert fold("€5 at 30°") == "€5 at 30°"
    assert fold("“Quoted” — dash") == '"quoted" - dash'


def test_a_folded_name_matches_its_ascii_spelling_as_a_token():
    norm = default_normalizer()
    assert norm.tokens("talks in Łódź") == norm.tokens("talks in Lodz")
    assert norm.tokens("Đorđević said") == norm.tokens("Dordevic said")
    # Tokens stay [a-z0-9]+, so they can be written into the full-text index as barewords.
    assert all(t.isascii() and t.isalnum() for t in norm.tokens("חאשה said ‘Øresund’"))


# --- tokens ------------------------------------------------------------------------------------


def test_a_word_keeps_its_apostrophes_and_hyphens():
    assert words("The cease-fire didn’t hold, O'Brien said.") == [
        "The", "cease-fire", "didn’t", "hold", "O'Brien", "said",
    ]  # fmt: skip
    assert words("cease-fire talks", hyphens=False) == ["cease", "fire", "talks"]
    assert words("_under_score_") == ["under", "score"]


def test_tokenize_keeps_the_marks_that_end_clauses():
    assert [t.text for t in tokenize("No, it was not; he said.")] == [
        "No", ",", "it", "was", "not", ";", "he", "said", ".",
    ]  # fmt: skip
    token = tokenize("Talks stalled")[1]
    assert (token.low, token.start, token.end) == ("stalled", 6, 13)


def test_copy_tokens_keep_every_mark_and_words_written_as_one():
    text = "“AT&T’s U.S. arm,” Col. Ali said after 9/11 — no."
    assert [t.text for t in copy_tokens(text)] == [
        "“", "AT&T’s", "U.S.", "arm", ",", "”", "Col.", "Ali", "said", "after", "9/11", "—", "no.",
    ]  # fmt: skip
    inner = copy_tokens(text, 1, 7)
    assert [(t.text, t.start, t.end) for t in inner] == [("AT&T’s", 1, 7)]


# --- numbers -----------------------------------------------------------------------------------


def _read(text):
    found = read_number(text.lower().split(), 0)
    return None if found is None else (found.value, found.low, found.high, found.vague)


@pytest.mark.parametrize(
    "text, value",
    [
        ("12", 12),
        ("1,200", 1200),
        ("3.5 million", 3_500_000),
        ("1.1 million", 1_100_000),
        ("5k", 5000),
        ("twenty-five", 25),
        ("twenty five", 25),
        ("two hundred and five", 205),
        ("a hundred", 100),
        ("a dozen", 12),
        ("two dozen", 24),
        ("half a dozen", 6),
    ],
)
def test_a_number_in_digits_or_words_reads_as_its_value(text, value):
    assert _read(text) == (value, value, value, False)


def test_two_numbers_side_by_side_stay_two():
    assert _read("two twenty") == (2, 2, 2, False)
    assert _read("five and six") == (5, 5, 5, False)


@pytest.mark.parametrize("text", ["a building", "hundred", "dozen", "C-3P0", "1234567890123", "¹"])
def test_not_a_number(text):
    assert _read(text) is None


@pytest.mark.parametrize(
    "text, low, high",
    [("several", 3, 10), ("dozens", 24, 100), ("a few", 2, 10), ("several hundred", 300, 1000),
     ("millions", 1_000_000, None)],
)
def test_vague_words_stay_vague(text, low, high):
    """No figure of their own: only the magnitude (at least, below) that tells "dozens" from "three"."""
    assert _read(text) == (None, low, high, True)


def _bounded(text, at):
    lows = text.lower().split()
    number = read_number(lows, at)
    assert number is not None
    found = with_bounds(lows, number)
    return found.value, found.low, found.high, " ".join(lows[found.start : found.end])


@pytest.mark.parametrize(
    "text, at, expected",
    [
        ("at least 12 people", 2, (12, 12, None, "at least 12")),  # at least: 12 is still said
        ("up to 40 people", 2, (None, None, 40, "up to 40")),
        ("more than 30 people", 2, (None, 31, None, "more than 30")),
        ("more than a dozen people", 2, (None, 13, None, "more than a dozen")),
        ("fewer than 10", 2, (None, None, 9, "fewer than 10")),
        ("about 300", 1, (300, 270, 330, "about 300")),
        ("12 to 40 people", 0, (None, 12, 40, "12 to 40")),
        ("between 12 and 40 people", 1, (None, 12, 40, "between 12 and 40")),
        ("12 and 40 people", 0, (12, 12, 12, "12")),  # "and" makes a range only after "between"
    ],
)
def test_ranges_and_bounds(text, at, expected):
    assert _bounded(text, at) == expected


def test_a_vague_word_neither_ends_a_range_nor_takes_a_bound():
    lows = "between 10 and dozens".split()
    ten = read_number(lows, 1)
    assert ten is not None and with_bounds(lows, ten).value == 10
    lows = "at least several".split()
    several = read_number(lows, 2)
    assert several is not None and with_bounds(lows, several) == several


def test_counts_read_numbers_as_the_normaliser_does():
    (count,) = find_quantities("Two dozen civilians were killed")
    assert (count.value, count.thing, count.role) == (24, "civilian", "killed")
    assert default_normalizer().tokens("Two dozen civilians") == default_normalizer().tokens("24 civilians")
    (vague,) = find_quantities("several hundred people fled")
    assert (vague.value, vague.low, vague.high) == (None, 300, 1000)
    assert "several" in default_normalizer().tokens("several people")  # never a digit


# --- lexicon -----------------------------------------------------------------------------------


def test_a_word_list_is_read_once_and_named_with_or_without_its_extension():
    assert lexicon.words("months") is lexicon.words("months")
    assert lexicon.lines("months") == lexicon.lines("months.txt")
    assert lexicon.pairs("lemmas")["men"] == "man"
    assert months()["sept"] == months()["september"] == 9
    with pytest.raises(FileNotFoundError):
        lexicon.lines("no_such_list")


# --- the CLI -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "statement, query",
    [
        ("Talks in Łódź stalled", "talks in Lodz"),
        ("Talks in Øresund stalled", "talks in Oresund"),
        ("Talks with Đorđević stalled", "talks with Dordevic"),
    ],
)
def test_a_name_with_letters_beyond_ascii_is_found_by_its_ascii_spelling(run, statement, query):
    added = run("add", statement, "--speaker", "A. Nowak", "--json")
    assert added.exit_code == 0, added.output
    result = run("match", query, "--json")
    assert result.exit_code == 0, result.output
    assert [m["text"] for m in json.loads(result.stdout)] == [statement]


def test_a_100000_letter_word_to_match_is_answered(run):
    assert run("add", "Talks stalled", "--speaker", "A. Nowak").exit_code == 0
    result = run("match", "a" * 100_000)
    assert result.exit_code == 0, result.output
    assert "Nothing on record makes that claim." in result.output


def test_a_long_text_analysed_again_reads_the_terms_added_since():
    norm = Normalizer()
    long_text = "Daesh fighters advanced. " * 200  # long enough to be remembered
    assert norm.tokens(long_text) == norm.tokens(long_text)
    assert "wagner" not in norm.tokens(long_text)
    norm.add_term("Wagner", ["Daesh"])
    assert "wagner" in norm.tokens(long_text)


def test_every_name_the_package_offers_resolves():
    import quotetrack.text as text

    for name in text.__all__:
        assert getattr(text, name) is not None, name
    assert callable(text.fold)  # the function, not the module of the same name
    with pytest.raises(AttributeError):
        text.no_such_name  # noqa: B018


def test_a_photo_credit_line_is_told_from_running_copy():
    from quotetrack.text.captions import is_credit, without_captions

    for credit in ("(Jan Ruis / Wire / Picture Desk)", "(Wire Photo)", "[Agencies]", "/ Wire", "STR/WIRE",
                   "Photograph: Jan Ruis/Wire", "Wire/Getty Images"):
        assert is_credit(credit), credit
    for copy in ("The toll (in the end) rose to 12.", "The toll rose to 12 / officials said", ""):
        assert not is_credit(copy), copy
    text = "Headline\n\nA mourner on March 2.\n(Jan Ruis / Wire)\n\nThe toll rose to 12.\n"
    assert without_captions(text) == "Headline\n\n\nThe toll rose to 12.\n"
    # no credit, but a line that stops on the picture's day
    text = "Mourners carry a coffin in Tessaly, Corvia, on March 2, 2031\nThe toll rose to 12 on Friday.\n"
    assert without_captions(text) == "The toll rose to 12 on Friday.\n"
