"""The extractor's lexicons: data files loaded once, and the closed-class words its rules turn on."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..text import lexicon as lexicons
from ..text.dates import WEEKDAYS, months

# The extractor reads these here with its own word lists; their home is the text package.
from ..text.function_words import DETERMINERS as DETERMINERS
from ..text.function_words import PREPOSITIONS as PREPOSITIONS
from ..text.names import Titles as Titles
from ..text.names import title_lexicon as title_lexicon


@dataclass(frozen=True)
class Cue:
    """What a cue form is, from data/cues.txt."""

    lemma: str
    category: str  # speech, written, finding, cognition
    takes_object: bool  # "told Kurdistan 24 that …"
    bare: bool  # content may follow without "that"
    denial: bool = False  # "denied that …": the content is what the speaker denies
    clausal: bool = False  # a cue only before "that", a colon or a quote
    figure: bool = False  # "put the toll at 40": a cue only when it sets a count, and kept in the statement
    medium: bool = False  # "released a statement": a cue only with a written medium as its object


def data_lines(name: str) -> list[str]:
    return lexicons.lines(name)


def word_set(name: str) -> frozenset[str]:
    """A one-entry-a-line list, lower-cased: the text package's parse, shared with every reader."""
    return lexicons.words(name)


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, Cue]:
    """Cue forms (lower case, possibly two words) to what they are."""
    lexicon: dict[str, Cue] = {}
    for line in data_lines("cues.txt"):
        parts = line.split("\t")
        lemma, category, forms = parts[0], parts[1], parts[2]
        flags = {flag.strip() for flag in parts[3].split(",")} if len(parts) > 3 else set()
        for form in forms.split(","):
            form = form.strip()
            takes_object = form.endswith("+")
            lexicon[form.rstrip("+").lower()] = Cue(
                lemma, category, takes_object, "bare" in flags, "denial" in flags, "clausal" in flags,
                "figure" in flags, "medium" in flags,
            )
    return lexicon


@lru_cache(maxsize=1)
def pronoun_lexicon() -> dict[str, tuple[str, ...]]:
    table = {}
    for line in data_lines("pronouns.txt"):
        word, kinds = line.split("\t")
        table[word.lower()] = tuple(kinds.split(","))
    return table


@lru_cache(maxsize=1)
def abbreviation_set() -> frozenset[str]:
    return frozenset(line.strip() for line in data_lines("abbreviations.txt"))


# Closed-class English words the extractor's grammar rules turn on. These are grammar, not lexicon:
# editors extend the data files above, not these.
CLAUSE_BREAKS = frozenset(
    "and but or nor so yet that which whom whose because if when whenever while as after before "
    "since although though than until unless whether where how why what whereas".split()
)
AUXILIARIES = frozenset(
    "is are was were be been being am has have had do does did will would can could should may "
    "might must shall".split()
)
OBJECT_PRONOUNS = frozenset("him them me us".split())
# "A man purporting to be a spokesman": the words before "to be" of an identity claimed, not known.
CLAIMING = frozenset("purporting claiming professing pretending purported claimed said believed thought".split())
SUBJECT_PRONOUNS = frozenset("he she they it we i you there".split())
FEMALE = frozenset(
    "mrs ms miss madam dame lady queen princess spokeswoman chairwoman congresswoman businesswoman "
    "sister mother daughter wife grandmother aunt niece actress".split()
)
MALE = frozenset(
    "mr sir lord king prince spokesman chairman congressman businessman brother father son husband "
    "grandfather uncle nephew actor".split()
)
NOBODY = frozenset("no neither nobody none nor".split())  # subjects that deny the cue
PLURALS = frozenset("people police staff media public children men women folks".split())
CUE_MODIFIERS = frozenset(
    "also previously later then again repeatedly reportedly recently publicly privately once never "
    "not has have had would will did does do n't initially first earlier quickly flatly simply "
    "just further subsequently separately similarly often always frequently already".split()
)
WRITTEN_MEDIA = frozenset(
    "statement statements release releases tweet tweets post posts letter letters email emails "
    "e-mail filing memo report twitter facebook blog op-ed column website communique".split()
)
# Month names and their abbreviations (data/months.txt) and weekdays, as text.dates reads them.
DATE_WORDS = frozenset(
    "yesterday today tomorrow tonight morning afternoon evening night week month year last this earlier "
    "later".split()
) | frozenset(months()) | frozenset(WEEKDAYS)

# Cue forms that are never nouns, so "the spokesman says" is not mistaken for a noun phrase.
UNAMBIGUOUS_CUES = frozenset("say says said tell tells told wrote writes found thought knew felt".split())

# Quote marks, opening and closing; straight marks (" and ') can be either.
OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
OPEN_SINGLE = "‘‹"
CLOSE_SINGLE = "’›"
QUOTE_CHARS = set(OPEN_DOUBLE + CLOSE_DOUBLE + OPEN_SINGLE + CLOSE_SINGLE + "\"'")
