"""extract.lexicon: the data files the extractor reads, loaded into what the rules look up."""

from quotetrack.extract.lexicon import (
    DATE_WORDS,
    DETERMINERS,
    cue_lexicon,
    pronoun_lexicon,
    title_lexicon,
    word_set,
)
from quotetrack.text import lexicon
from quotetrack.text.dates import WEEKDAYS, months
from quotetrack.text.numbers import number_words


def test_cue_forms_carry_their_lemma_category_and_flags():
    lexicon = cue_lexicon()
    said, told, denied = lexicon["said"], lexicon["told"], lexicon["denied"]
    assert (said.lemma, said.category, said.bare, said.takes_object) == ("say", "speech", True, False)
    assert told.lemma == "tell" and told.takes_object  # "told+" in the file: it takes an object
    assert denied.denial and not said.denial
    assert lexicon["according to"].category == "speech"  # two-word forms are keys too
    assert lexicon["believes"].category == "cognition"


def test_words_that_are_no_cue_are_not_in_the_cue_lexicon():
    lexicon = cue_lexicon()
    assert "banana" not in lexicon and "the" not in lexicon
    assert "told+" not in lexicon  # the object marker is a flag, not part of the form


def test_titles_map_forms_to_the_title_shown():
    titles = title_lexicon()
    assert titles.forms["col."] == "Colonel"  # "Col. = Colonel" in the file
    assert titles.forms["spokesman"] == "spokesman"
    assert "smith" not in titles.forms
    assert titles.longest == max(len(form.split()) for form in titles.forms) > 1


def test_pronouns_say_what_they_can_stand_for():
    pronouns = pronoun_lexicon()
    assert pronouns["he"] == ("person",)
    assert set(pronouns["they"]) == {"person", "organisation"}
    assert "smith" not in pronouns


def test_word_sets_are_lower_case_and_skip_comments():
    documents = word_set("documents")
    assert "report" in documents and "statement" in documents
    assert not any(word.startswith("#") or word != word.lower() for word in documents)


def test_word_lists_read_by_the_text_package_too_are_the_same_parse():
    assert word_set("stopwords") is lexicon.words("stopwords")  # the normaliser's stopwords


def test_date_words_and_determiners_come_from_the_text_package_lists():
    assert set(months()) | set(WEEKDAYS) <= DATE_WORDS and {"yesterday", "tonight"} <= DATE_WORDS
    units, _ = number_words()
    assert {word for word, value in units.items() if 1 <= value <= 10} <= DETERMINERS
    assert "zero" not in DETERMINERS and "thirty" not in DETERMINERS  # "Zero Hedge", "Thirty percent"
