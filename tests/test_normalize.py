"""The claim normaliser: what two texts must share to be compared as the same claim."""

import re

import pytest

from quotetrack.text import Normalizer, default_normalizer, fold, stem


@pytest.fixture
def norm() -> Normalizer:
    return default_normalizer()


def test_fold_turns_curly_quotes_dashes_and_accents_into_ascii():
    assert fold("“Pêşmerge’s” — Café") == "\"pesmerge's\" - cafe"


def test_number_words_become_digits(norm):
    assert norm.tokens("two strikes") == norm.tokens("2 strikes")
    assert norm.tokens("twenty-five people") == norm.tokens("25 people")
    assert norm.tokens("one hundred and five") == ["105"]
    assert norm.tokens("10,000 troops") == norm.tokens("ten thousand troops")
    assert norm.tokens("3.5 million") == ["3500000"]


def test_two_numbers_side_by_side_stay_two(norm):
    assert norm.tokens("two and three") == ["2", "3"]
    assert norm.tokens("a building") == ["build"]  # "a" alone is not "1"


def test_word_forms_share_a_stem(norm):
    assert norm.tokens("strikes") == norm.tokens("strike") == norm.tokens("struck")
    assert norm.tokens("destroyed") == norm.tokens("destroying")
    assert norm.tokens("killed") == norm.tokens("kills")
    assert norm.tokens("lied") == norm.tokens("lies") == norm.tokens("lying")  # too short to stem
    assert stem("stopped") == stem("stopping") == "stop"


def test_plurals_in_is_share_the_stem_of_their_singular(norm):
    assert norm.tokens("Iraqis") == norm.tokens("Iraqi")
    assert norm.tokens("Nazis") == norm.tokens("Nazi")
    # Singular nouns in -sis, -tis and -xis keep their s.
    assert stem("crisis") == "crisis" and stem("axis") == "axis"


def test_the_doer_of_a_violent_act_is_the_act(norm):
    assert norm.tokens("the shooter") == norm.tokens("the shooting") == norm.tokens("shot")
    assert norm.tokens("killers") == norm.tokens("killed")
    assert norm.tokens("bombers") == norm.tokens("bombing")
    assert norm.tokens("traffickers") == norm.tokens("trafficking") != norm.tokens("traffic")
    # A doer with an everyday sense of its own keeps it: a voter is not a vote.
    assert norm.tokens("voters") != norm.tokens("voting")


def test_different_words_keep_different_stems(norm):
    assert norm.tokens("strike") != norm.tokens("strict")
    assert norm.tokens("building") != norm.tokens("builder")


def test_names_in_the_terms_table_become_one_token(norm):
    one = norm.tokens("Daesh")
    assert len(one) == 1
    for variant in ("ISIS", "ISIL", "Islamic State", "the Islamic State of Iraq and Syria"):
        assert norm.tokens(variant) == one
    assert norm.tokens("US Central Command") == norm.tokens("CENTCOM")
    assert norm.tokens("Hashd al-Shaabi") == norm.tokens("Popular Mobilization Forces")


def test_a_short_acronym_that_is_a_common_word_needs_capitals(norm):
    assert norm.tokens("IS fighters") == norm.tokens("ISIS fighters")
    assert norm.tokens("it is fighters") == norm.tokens("fighters")
    assert norm.tokens("US troops") == norm.tokens("United States troops")
    assert norm.tokens("they told us") == []


def test_shouting_text_is_not_read_as_acronyms(norm):
    assert norm.tokens("WHAT IS THIS THING ABOUT US") == ["thing"]


def test_editor_terms_extend_the_defaults():
    norm = Normalizer(extra_terms=[("Rudaw Media Network", ["Rudaw"])])
    assert norm.tokens("Rudaw") == norm.tokens("Rudaw Media Network")
    assert norm.tokens("Daesh") == norm.tokens("ISIS")  # defaults still there


def test_stop_words_and_attribution_drop_out(norm):
    assert norm.tokens("He said that the strikes were conducted") == norm.tokens("strikes conducted")


def test_tokens_are_safe_fts5_barewords(norm):
    text = "“Near Makhmour, one strike destroyed one Daesh-held building.” #AustralianFires @CENTCOM"
    for token in norm.tokens(text):
        assert re.fullmatch(r"[a-z0-9]+", token), token


def test_hashtags_and_handles_split_on_case(norm):
    assert norm.tokens("#AustralianFires") == norm.tokens("Australian fires")


def test_a_lower_case_hashtag_or_handle_splits_into_words(norm):
    assert norm.tokens("#fyrefestival") == norm.tokens("Fyre festival")
    assert norm.tokens("@marcorubio said") == norm.tokens("Marco Rubio said")


def test_a_capitalised_one_word_hashtag_stays_one_word(norm):
    # Word frequencies would cut a name they do not know ("sol imani").
    assert norm.tokens("drone strike on #Soleimani") == norm.tokens("drone strike on Soleimani")


def test_ten_x_is_ten_times(norm):
    assert norm.tokens("10x more carcinogens") == norm.tokens("ten times more carcinogens")
    assert norm.tokens("a 4x4 truck") != norm.tokens("a 4 times 4 truck")


def test_capitals_of_a_title_case_headline_beside_prose_name_nothing(norm):
    text = "Bricks of cocaine washed ashore in Florida. Did Bricks of Cocaine Wash Up on Beaches?"
    named = norm.named(text)
    assert norm.tokens("Florida")[0] in named
    assert not {norm.tokens(w)[0] for w in ("Bricks", "Cocaine", "Beaches")} & named
    # a headline alone keeps its capitals: they are all there is to go on
    assert norm.tokens("Korea")[0] in norm.named("North Korea Fires Missile Over Japan")


def test_named_things_are_names_acronyms_and_numbers(norm):
    named = norm.named("Coalition forces conducted two strikes near Makhmour")
    assert {"makhmour", "2"} <= named
    assert "strik" not in named


def test_contractions_leave_no_stray_words(norm):
    # Kept whole, "I'll" would be the word "ill", "she'll" the company Shell, "can't" a "ca".
    assert norm.tokens("I’ll be fine, she’ll say") == norm.tokens("I will be fine, she will say")
    assert "ill" not in norm.tokens("I'll go") and "ill" in norm.tokens("the ill man")
    assert norm.tokens("they can’t and won’t stop") == norm.tokens("they can not and will not stop")
    assert norm.tokens("It's what's left") == norm.tokens("It is what is left")


def test_a_possessive_is_its_noun(norm):
    assert norm.tokens("Soros’s foundation") == norm.tokens("the Soros foundation")
    assert norm.tokens("the women's march") == norm.tokens("women march") == norm.tokens("woman march")


def test_british_and_american_spellings_share_a_stem(norm):
    assert norm.tokens("the organisation's defence centre") == norm.tokens("the organization defense center")
    assert norm.tokens("they realised the colour") == norm.tokens("they realized the color")
    assert norm.tokens("hepatitis crisis analysis") == ["hepatitis", "crisis", "analysis"]


def test_a_normaliser_with_added_terms_reads_as_one_built_with_them():
    terms = [("Qalat Dizah Council", ["QDC", "the council of Qalat Dizah"]), ("Islamic State", ["Daesh"])]
    default = default_normalizer()
    before = (dict(default._phrases), set(default._phrase_starts), dict(default.canonical_names))
    built, copied = Normalizer(extra_terms=terms), default.with_terms(terms)
    for text in ("The QDC met in Qalat Dizah.", "Daesh fighters left; the council of Qalat Dizah said so."):
        assert copied.tokens(text) == built.tokens(text)
        assert copied.named(text) == built.named(text)
    assert copied.canonical("QDC") == built.canonical("QDC") == "Qalat Dizah Council"
    # The shared default is left as it was.
    assert (default._phrases, default._phrase_starts, default.canonical_names) == before
