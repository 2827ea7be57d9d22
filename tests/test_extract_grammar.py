"""extract.grammar: tests on a run of tokens around a cue."""

from quotetrack.extract.grammar import (
    content_end,
    describes_role,
    first_content_token,
    is_negated,
    is_participle,
    name_like,
)
from quotetrack.extract.sentences import read_copy


def sentence(text):
    return read_copy(text).sentences[0]


def test_a_negated_verb_group_said_nothing():
    assert is_negated(sentence("Smith did not say the plan failed."), 3)
    assert is_negated(sentence("Smith declined to say more."), 3)
    assert not is_negated(sentence("Smith said the plan failed."), 1)


def test_names_and_roles():
    s = sentence("Officials said Anton Drexler and the regional governor met.")
    assert name_like(s, 2, 3)  # Anton Drexler
    assert not name_like(s, 6, 7)  # regional governor
    assert describes_role(s, 5, 7)  # the regional governor
    assert not describes_role(s, 2, 3)


def test_a_participle_inside_a_noun_phrase_is_not_a_cue():
    assert is_participle(sentence("a report published by the ministry"), 2)
    assert not is_participle(sentence("she confirmed on Monday that it was true"), 1)


def test_content_starts_after_a_dateline_and_a_leading_conjunction():
    s = sentence("ERBIL (Kurdistan 24) - The coalition struck targets.")
    assert s.tokens[first_content_token(s)].text == "The"
    assert first_content_token(sentence("But the coalition struck targets.")) == 1
    assert first_content_token(sentence("The coalition struck targets.")) == 0


def test_content_ends_before_the_final_stop():
    s = sentence("The coalition struck targets!")
    assert s.text[s.start : content_end(s)] == "The coalition struck targets"
