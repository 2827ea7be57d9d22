"""Closed-class English words that rules about names and speech turn on: determiners and
prepositions. These are grammar, not lexicon: editors extend the data files, not these."""

from __future__ import annotations

from .numbers import number_words

# The number words one to ten (data/number_words.tsv, read by text.numbers) are determiners: news
# style spells out small counts before a noun ("two officials"). Larger ones are left out: they
# start names ("Zero Hedge") or stand for a share ("Thirty percent said …"), and the speaker keeps them.
DETERMINERS = frozenset(
    "the a an his her their its our my your this these those another some several many both "
    "other each every all most few no".split()
) | frozenset(word for word, value in number_words()[0].items() if 1 <= value <= 10)
PREPOSITIONS = frozenset(
    "of for at from with in on to by near about under over into against among between "
    "within".split()
)
