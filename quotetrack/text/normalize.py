"""The claim normaliser every matcher shares: one text in, the content words of its claim out.

``Normalizer.tokens`` folds case and Unicode (``fold``), writes numbers as digits (``numbers``),
reduces words to a light stem (an irregular-form table, then a few suffix rules), drops stop words
and rewrites every name from the terms table (``Daesh``, ``ISIS``, ``Islamic State``) to one token.
Tokens are ``[a-z0-9]+`` so they can be written into an FTS5 column and queried as barewords.

The lexicons (terms.tsv, stopwords.txt, lemmas.tsv in ``quotetrack/data/``) come from ``lexicon``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache
from typing import NamedTuple

from . import lexicon, numbers, tokens
from .fold import PUNCTUATION as _PUNCTUATION
from .fold import fold

_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S*", re.IGNORECASE)
_MENTION = re.compile(r"(?<!\w)@(\w+)")
HASHTAG = re.compile(r"(?<!\w)#(\w+)")  # match.py weighs its words too
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)")
_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_NOT = re.compile(r"n't\b", re.IGNORECASE)
# Negations whose stem changes ("won't" is "will not", not "wo not").
_IRREGULAR_NOT = re.compile(r"\b(ca|wo|sha|ai)n't\b", re.IGNORECASE)
_IRREGULAR_BASE = {"ca": "can", "wo": "will", "sha": "shall", "ai": "is"}
# "I'm", "we'll", "they've", "you'd", "it's": the pronoun and a stop word. Kept whole they would
# become words of their own ("I'll" the adjective "ill", "she'll" the company "Shell").
_CONTRACTION = re.compile(
    r"\b(i|you|we|they|he|she|it|that|there|here|what|who|where|how)'(?:m|re|ve|ll|d|s)\b",
    re.IGNORECASE,
)
# "Soros's", "women's": without it the stem would be "soross" and "women", not "soros", "woman".
_POSSESSIVE = re.compile(r"(?<=[^\W_])'s\b", re.IGNORECASE)
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_DECIMAL = re.compile(r"(?<=\d)\.(?=\d)")
_PERCENT = re.compile(r"(?<=\d)\s*%")
_TIMES = re.compile(r"\b(\d+)[xX]\b")  # "10x more" is "10 times more"
_SENTENCE_END_CHARS = frozenset('.!?:;"')
# A sentence with at least this many capitalised content words, making up this share of them,
# is a headline in title case.
HEADLINE_MIN_CAPITALS = 3
HEADLINE_SHARE = 0.75

_WORDS_AFTER_NUMBERS = {"percent": "percent", "pct": "percent", "cent": "percent"}

_RECENT_TEXTS = 8
_REMEMBERED_LENGTH = 2_000  # shorter texts are analysed afresh: faster than remembering them
_NOT_TOKEN = re.compile(r"[^a-z0-9]")
_VOWEL = re.compile(r"[aeiouy]")
# Words that open sentences before a name without being part of it ("Near Makhmour, ...").
_SENTENCE_OPENERS = frozenset(
    "near in on at by from after before since during despite following according across "
    "outside inside around along".split()
)


class Word(NamedTuple):
    """One word of a text as the normaliser sees it before stop words go. A named tuple, not a
    dataclass: one is made for every word of every text read, and a tuple is made fastest."""

    folded: str  # case- and accent-folded surface form
    stem: str  # what matching compares
    upper: bool  # written in capitals in the source (an acronym, unless the text shouts)
    capital: bool  # written with a leading capital where a sentence does not start


def stem(word: str) -> str:
    """A light English stemmer: plural, -ed, -ing, -ly and a final -e, nothing cleverer.

    Both sides of every comparison go through it, so it only needs to be consistent
    ("strikes", "strike" and "striking" all become "strik"), not to produce real words.
    """
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("es") and word[-3:-2] in ("x", "z") or word.endswith(("ches", "shes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "sis", "tis", "xis")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 3 and _VOWEL.search(base):
            word = base
            if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]  # stopped -> stopp -> stop
            break
    if word.endswith("ly") and len(word) >= 6:
        word = word[:-2]
    if word.endswith("e") and len(word) >= 4:
        word = word[:-1]
    if word.endswith("y") and len(word) >= 4 and word[-2] not in "aeiou":
        word = word[:-1] + "i"  # country / countries -> countri
    return _one_spelling(word)


# British endings and their American stems: a Reuters copy and an AP copy of one claim should
# share their words. Only the stem's end is rewritten, the same way on both sides, so a word
# that merely ends alike ("tennis", "detour") is harmless.
_SPELLINGS = (("isation", "ization", 8), ("is", "iz", 6), ("our", "or", 6), ("tr", "ter", 5),
              ("enc", "ens", 6))


def _one_spelling(stemmed: str) -> str:
    for british, american, shortest in _SPELLINGS:
        if len(stemmed) >= shortest and stemmed.endswith(british):
            if british == "is" and stemmed.endswith(("sis", "tis", "xis")):
                return stemmed  # analysis, hepatitis, axis
            return stemmed[: -len(british)] + american
    return stemmed


@cache
def _default_stopwords() -> frozenset[str]:
    return frozenset(fold(word) for word in lexicon.words("stopwords"))


@cache
def _default_lemmas() -> dict[str, str]:
    return {fold(form): fold(base) for form, base in lexicon.pairs("lemmas").items()}


@cache
def default_terms() -> list[tuple[str, list[str]]]:
    """The equivalent names shipped in ``data/terms.tsv``: (canonical, [variants])."""
    terms = []
    for row in lexicon.rows("terms"):
        names = [name for name in row if name]
        if names:
            terms.append((names[0], names[1:]))
    return terms


class Normalizer:
    """Turns statement text into the tokens that claim matching compares.

    ``extra_terms`` are editor-defined equivalent names, (canonical, [variants]), added to the
    defaults from ``data/terms.tsv``. Build one per set of terms and reuse it: compiling the terms
    table is not free. It remembers the last few long texts it analysed, nothing else per text.
    """

    def __init__(self, extra_terms: Iterable[tuple[str, Sequence[str]]] = ()) -> None:
        self.stopwords = _default_stopwords()
        self.lemmas = _default_lemmas()
        # Stemmed word sequence -> (canonical token, needs capitals in the text).
        self._phrases: dict[tuple[str, ...], tuple[str, bool]] = {}
        self._longest = 1
        self._phrase_starts: set[str] = set()  # first stems of the names, to skip most words fast
        self._stems: dict[str, str] = {}
        # The last few long texts analysed: one query is read by the index look-up, the scorer
        # and the highlighter in turn, and a long one costs time at each.
        self._recent: dict[str, tuple[tuple[str, bool], ...]] = {}
        self.canonical_names: dict[str, str] = {}  # token -> canonical name as written
        self._canonical: dict[str, str | None] = {}  # name -> canonical(name): speaker names recur
        for canonical, variants in [*default_terms(), *extra_terms]:
            self.add_term(canonical, variants)

    def with_terms(self, extra_terms: Iterable[tuple[str, Sequence[str]]]) -> Normalizer:
        """This normaliser and ``extra_terms``, the same as building one with them, but without
        reading the shipped terms again: a record's normaliser starts from ``default_normalizer()``,
        which the conflict rules build anyway."""
        copy = Normalizer._of(self.stopwords, self.lemmas, self._phrases, self._longest, self._phrase_starts,
                              self.canonical_names, self._stems)
        for canonical, variants in extra_terms:
            copy.add_term(canonical, variants)
        return copy

    @classmethod
    def _of(cls, stopwords: frozenset[str], lemmas: dict[str, str], phrases: dict[tuple[str, ...], tuple[str, bool]],
            longest: int, phrase_starts: set[str], canonical_names: dict[str, str],
            stems: dict[str, str]) -> Normalizer:
        """A normaliser with copies of these tables, which it may add terms to."""
        made = cls.__new__(cls)
        made.stopwords, made.lemmas, made._longest = stopwords, lemmas, longest
        made._phrases, made._phrase_starts = dict(phrases), set(phrase_starts)
        made._stems, made._recent, made.canonical_names = dict(stems), {}, dict(canonical_names)
        made._canonical = {}
        return made

    def add_term(self, canonical: str, variants: Sequence[str]) -> None:
        """Make ``canonical`` and every one of ``variants`` read as the same token."""
        self._recent.clear()
        self._canonical.clear()
        canon_words = self._plain_words(canonical)
        if not canon_words:
            return
        existing = self._phrases.get(tuple(canon_words))
        # A canonical name already known as a variant joins that group rather than forking it.
        token = existing[0] if existing else "".join(w.folded for w in self._words(_prepare(canonical)))
        self.canonical_names.setdefault(token, canonical)
        for name in [canonical, *variants]:
            words = self._plain_words(name)
            if not words:
                continue
            letters = re.sub(r"[^A-Za-z]", "", name)
            # "IS" and "US" are acronyms only where written in capitals; "ISIS" is always one.
            needs_capitals = letters.isupper() and " ".join(words) in self.stopwords
            self._phrases[tuple(words)] = (token, needs_capitals)
            self._phrase_starts.add(words[0])
            self._longest = max(self._longest, len(words))

    def fold(self, text: str) -> str:
        """Case and Unicode folding: curly quotes, dashes, accents and ligatures to ASCII."""
        return fold(text)

    def tokens(self, text: str) -> list[str]:
        """The content tokens of ``text``, in order, duplicates kept."""
        return [token for token, _ in self.analyse(text)]

    def token_set(self, text: str) -> set[str]:
        return {token for token, _ in self.analyse(text)}

    def named(self, text: str) -> set[str]:
        """Tokens naming something particular: names from the terms table, words written
        with a capital inside a sentence, acronyms, and numbers. The matcher requires the
        named things of two claims to agree."""
        return {token for token, is_named in self.analyse(text) if is_named}

    def canonical(self, name: str) -> str | None:
        """The canonical name of ``name`` if the whole of it is in the terms table."""
        if name in self._canonical:
            return self._canonical[name]
        tokens = self.tokens(name)
        found = self.canonical_names[tokens[0]] if len(tokens) == 1 and tokens[0] in self.canonical_names else None
        if len(self._canonical) < 100_000:
            self._canonical[name] = found
        return found

    def terms_fingerprint(self) -> str:
        """A digest of the names this normaliser reads as one (shipped terms and the record's):
        what is computed from them and stored (speaker keys) is stale when it changes."""
        digest = hashlib.sha256(repr(sorted(self._phrases.items())).encode())
        digest.update(repr(sorted(self.canonical_names.items())).encode())
        return digest.hexdigest()

    # --- internals -------------------------------------------------------------------------

    def _plain_words(self, name: str) -> list[str]:
        return [word.stem for word in self._words(_prepare(name))]

    def _words(self, text: str) -> list[Word]:
        shouting = _mostly_capitals(text)
        words: list[Word] = []
        sentences: list[int] = []  # which sentence each word stands in
        sentence = 0
        stems = self._stems
        for match in tokens.parts(text):
            raw = match.group()
            folded = raw.lower() if raw.isascii() else fold(raw)
            if not raw.isascii():  # a transliteration may hold an apostrophe (Hebrew aleph)
                folded = _NOT_TOKEN.sub("", folded)
                if not folded:
                    continue
            sentence_start = _opens_sentence(text, match.start())
            upper = not shouting and len(raw) >= 2 and raw.isupper()
            capital = not shouting and raw[:1].isupper()
            if capital and sentence_start:
                # A capital that opens a sentence names something only as part of a longer
                # name: "North Korea launched", not "Near Makhmour".
                following = tokens.part_at(text, match.end() + 1) if match.end() < len(text) else None
                capital = bool(
                    following
                    and text[match.end()] == " "
                    and following.group()[:1].isupper()
                    and fold(raw) not in self.stopwords
                    and fold(raw) not in _SENTENCE_OPENERS
                )
            stemmed = stems.get(folded)
            if stemmed is None:
                stemmed = self.stem(folded)
                if len(stems) < 200_000:  # words recur; a bounded memo halves analysis time
                    stems[folded] = stemmed
            words.append(Word(folded, stemmed, upper, capital))
            sentences.append(sentence := sentence + sentence_start)
        return _numbers_to_digits(self._headline_capitals(words, sentences))

    def _headline_capitals(self, words: list[Word], sentences: list[int]) -> list[Word]:
        """In a headline written in title case ("Did Bricks of Cocaine Wash Up on Beaches?")
        a capital says nothing: beside a sentence of ordinary prose, such words name something
        only where the prose capitalises them too. A headline alone keeps its capitals."""
        if not words or sentences[0] == sentences[-1]:
            return words  # one sentence: nothing to tell a headline from
        by_sentence: dict[int, list[Word]] = {}
        for w, s in zip(words, sentences, strict=True):
            by_sentence.setdefault(s, []).append(w)
        headline = set()
        for number, members in by_sentence.items():
            content = [
                w for w in members[1:]  # the first word is capitalised in any sentence
                if len(w.folded) >= 4 and not w.folded[0].isdigit() and w.folded not in self.stopwords
            ]
            capitals = sum(w.capital or w.upper for w in content)
            if capitals >= HEADLINE_MIN_CAPITALS and capitals >= HEADLINE_SHARE * len(content):
                headline.add(number)
        if not headline or len(headline) == len(by_sentence):
            return words
        prose = {w.folded for w, s in zip(words, sentences, strict=True) if s not in headline and w.capital}
        return [
            w._replace(capital=w.folded in prose) if s in headline and w.capital else w
            for w, s in zip(words, sentences, strict=True)
        ]

    def stem(self, folded: str) -> str:
        """The stem matching compares for one folded word: its lemma's ("men" -> "man"),
        through the suffix rules of ``stem``."""
        lemma = self.lemmas.get(folded)
        return stem(lemma if lemma is not None else folded)

    def analyse(self, text: str) -> list[tuple[str, bool]]:
        """(token, names something) for each content token of ``text``, in order."""
        if len(text) < _REMEMBERED_LENGTH:
            return self._analyse(text)
        found = self._recent.get(text)
        if found is None:
            found = tuple(self._analyse(text))
            if len(self._recent) >= _RECENT_TEXTS:
                del self._recent[next(iter(self._recent))]  # the oldest
            self._recent[text] = found
        return list(found)

    def _analyse(self, text: str) -> list[tuple[str, bool]]:
        words = self._words(_prepare(text))
        out: list[tuple[str, bool]] = []
        i = 0
        starts = self._phrase_starts
        while i < len(words):
            token = None
            sizes = range(min(self._longest, len(words) - i), 0, -1) if words[i].stem in starts else ()
            for size in sizes:
                found = self._phrases.get(tuple(w.stem for w in words[i : i + size]))
                if found is None:
                    continue
                candidate, needs_capitals = found
                if needs_capitals and not all(w.upper for w in words[i : i + size]):
                    continue
                token = candidate
                i += size
                break
            if token is not None:
                out.append((token, True))
                continue
            word = words[i]
            i += 1
            if word.folded in self.stopwords or word.stem in self.stopwords:
                continue
            if not word.stem:
                continue
            named = word.upper or word.capital or word.stem[0].isdigit()
            out.append((word.stem, named))
        return out


def _prepare(text: str) -> str:
    """Rewrite what the word pattern would split badly, before any folding loses case."""
    text = unicodedata.normalize("NFKC", text).translate(_PUNCTUATION)
    # Each rewrite only where the character it needs is written (a look for one character
    # costs far less than a pattern's search through a long text that lacks it).
    text = _URL.sub(" ", text)
    if "@" in text:
        text = _MENTION.sub(lambda m: " " + _split_tag(m.group(1)) + " ", text)
    if "#" in text:
        text = HASHTAG.sub(lambda m: " " + _split_tag(m.group(1)) + " ", text)
    if "." in text:
        text = _DOTTED_ACRONYM.sub(lambda m: m.group().replace(".", "") + " ", text)
    if "'" in text:
        text = _IRREGULAR_NOT.sub(lambda m: _IRREGULAR_BASE[m.group(1).lower()] + " not", text)
        text = _NOT.sub(" not", text)
        text = _CONTRACTION.sub(r"\1", text)
        text = _POSSESSIVE.sub("", text)
    if "," in text:
        text = _THOUSANDS.sub("", text)
    if "." in text:
        text = _DECIMAL.sub("p", text)  # 3.5 -> 3p5: one token that keeps its value
    if "%" in text:
        text = _PERCENT.sub(" percent", text)
    text = _TIMES.sub(r"\1 times", text)
    return text.replace("'", "")


# Lengths of a tag worth splitting by word frequencies: shorter is one word; longer is no run of
# words anyone wrote, and segmenting costs ~50 microseconds a letter.
_SEGMENTED_TAG = (6, 64)


def _split_tag(tag: str) -> str:
    """A hashtag or handle as the words it runs together: capitals mark them
    (#StateOfTheUnion), else word frequencies do (#fyrefestival, @marcorubio). A tag with one
    capital, at its start (#Soleimani), is one word by its own writer's marking; if it runs words
    together after all (#Fyrefestival), matching splits it against the record's own words."""
    split = _CAMEL.sub(" ", tag)
    if split != tag or not _SEGMENTED_TAG[0] <= len(tag) <= _SEGMENTED_TAG[1] or not (tag.isascii() and tag.isalpha()):
        return split  # word frequencies are English ones, of letters only
    if tag[0].isupper() and tag[1:].islower():
        return tag
    import wordsegment

    if not wordsegment.UNIGRAMS:
        wordsegment.load()
    return " ".join(wordsegment.segment(tag))


def _opens_sentence(text: str, start: int) -> bool:
    """Is the word at ``start`` the first of a sentence (or of a quotation)?"""
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END_CHARS


def marks_names(text: str) -> bool:
    """Does the text's case tell its names apart: some capitals, but not mostly capitals?
    A query typed in lower case, or shouted, does not."""
    return any(ch.isupper() for ch in text) and not _mostly_capitals(text)


def _mostly_capitals(text: str) -> bool:
    letters = list(filter(str.isalpha, text))
    return len(letters) >= 12 and sum(map(str.isupper, letters)) > 0.6 * len(letters)


def _numbers_to_digits(words: list[Word]) -> list[Word]:
    """"two" -> "2", "twenty five" -> "25", "3 million" -> "3000000", "5k" -> "5000", "a dozen"
    -> "12" (``numbers.read_number``). Vague words ("several", "dozens") stay words."""
    folded = [word.folded for word in words]
    first = numbers.first_words()
    out: list[Word] = []
    i = 0
    while i < len(words):
        # numbers.may_start, inlined: it runs for every word, and these words hold no hyphens.
        starts = folded[i][:1].isdigit() or folded[i] in first
        number = numbers.read_number(folded, i) if starts else None
        if number is not None and number.end - i == 1 and "p" in folded[i]:
            number = None  # "4.0", "C-3P0": a decimal is written as digits only before a scale word
        if number is not None and number.value is not None and number.value.is_integer():
            digits = str(int(number.value))
            out.append(Word(digits, digits, False, False))
            i = number.end
            continue
        word = words[i]
        if out and out[-1].stem.isdigit() and word.folded in _WORDS_AFTER_NUMBERS:
            out.append(Word("percent", "percent", False, False))
        else:
            out.append(word)
        i += 1
    return out


@lexicon.stored
def _default_tables() -> tuple[frozenset[str], dict[str, str], dict[tuple[str, ...], tuple[str, bool]], int,
                               set[str], dict[str, str]]:
    """What ``Normalizer()`` builds from the shipped lists: kept between runs."""
    built = Normalizer()
    return (built.stopwords, built.lemmas, built._phrases, built._longest, built._phrase_starts,
            built.canonical_names)


@cache
def default_normalizer() -> Normalizer:
    """The normaliser with the shipped terms only, built once per process (its tables once
    per change of the lists: ``lexicon.stored``)."""
    return Normalizer._of(*_default_tables(), {})
