"""Who said it and in what words: misattributed and altered quotes, and self-contradiction."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from functools import lru_cache

from ..evidence import (
    AlteredQuote,
    Counts,
    DenialCue,
    Misattribution,
    OppositeWords,
    SelfContradiction,
    Similarity,
)
from ..match import strip_titles
from ..models import Statement
from .dates import same_days
from .numbers import number_conflict
from .polarity import polarity_conflict
from .reading import Reading
from .similarity import substitutions
from .verdict import Verdict

# Word-sequence similarity (0-1) above which two texts are the same quote.
VERBATIM = 0.85
NEAR_VERBATIM = 0.6
# Kinds whose words are the speaker's own: only these can be misattributed or altered.
_QUOTE_KINDS = ("quote", "written")


def same_speaker(a: Statement, b: Statement) -> bool | None:
    """True, False, or None when either speaker is unknown (no id and no name)."""
    if a.speaker.id is not None and b.speaker.id is not None:
        if a.speaker.id != b.speaker.id and a.speaker.name.casefold() == b.speaker.name.casefold():
            from ..text.names import descriptive_name  # only for this rare pair

            if descriptive_name(a.speaker.name):
                return None  # "a senior official" of two articles, kept apart: not known to be one or two
        if a.speaker.id != b.speaker.id and any(x < y or y < x for x in _names(a) for y in _names(b)):
            return None  # "Varenne" and "Luc Varenne", kept apart for want of a title: not known to differ
        return a.speaker.id == b.speaker.id
    names_a = _names(a)
    names_b = _names(b)
    if not names_a or not names_b:
        return None
    # "Culture Minister Ines Valdez" and "Ines Valdez": titles dropped, one name inside the other.
    return any(x <= y or y <= x for x in names_a for y in names_b)


def _names(statement: Statement) -> list[frozenset[str]]:
    speaker = statement.speaker
    forms = [_name_words(name) for name in [speaker.name, *speaker.aliases] if name and name.strip()]
    return [form for form in forms if form]


@lru_cache(maxsize=65536)
def _name_words(name: str) -> frozenset[str]:
    return frozenset(strip_titles(name).split())


def quote_conflict(
    a: Statement, b: Statement, first: Reading, second: Reading, same_speaker: bool | None
) -> Verdict | None:
    """Misattributed and altered quotes: near word-for-word texts, compared word by word."""
    if same_speaker is None or a.kind not in _QUOTE_KINDS or b.kind not in _QUOTE_KINDS:
        return None
    words_a, words_b = first.quote_words, second.quote_words
    if min(len(words_a), len(words_b)) < 4:
        return None
    # Upper bounds of ratio() first (difflib's real_quick_ratio and quick_ratio, from cached
    # word counts): most pairs are far from word for word, and that is cheap to know.
    total = len(words_a) + len(words_b)
    if 2 * min(len(words_a), len(words_b)) < NEAR_VERBATIM * total:
        return None
    bag_a, bag_b = first.bag, second.bag
    if len(bag_a) == len(words_a) or len(bag_b) == len(words_b):
        common = len(bag_a.keys() & bag_b.keys())  # one side repeats no word: shared words = matches
    else:
        common = sum(min(n, bag_b[w]) for w, n in bag_a.items() if w in bag_b)
    if 2 * common < NEAR_VERBATIM * total:
        return None
    same_words = words_a == words_b
    if same_speaker is False and not same_words and 2.0 * common / total < VERBATIM:
        # Two speakers' words can only be a misattribution, at VERBATIM or above, and ratio()
        # is at most what the shared words allow (difflib's own arithmetic): never reached.
        return None
    ratio = 1.0 if same_words else difflib.SequenceMatcher(a=words_a, b=words_b, autojunk=False).ratio()
    if same_words:
        if same_speaker:
            return Verdict("same", None, 1.0, Similarity(1.0, verbatim=True))
        if ratio >= VERBATIM:
            return _misattribution(a, b, ratio)
    if (
        same_speaker is False
        and ratio >= VERBATIM
        and not _changes_meaning(first, second, a, b)
        and next(substitutions(first.sequence, second.sequence, first.covers, second.covers, second.places), None)
        is None
    ):
        # Word for word but for small words: "every school" / "every bridge" is another claim.
        return _misattribution(a, b, ratio)
    if same_speaker and a.kind == "quote" and b.kind == "quote" and ratio >= NEAR_VERBATIM:
        if a.said_on and b.said_on and abs((a.said_on - b.said_on).days) > 7:
            return None  # said weeks apart: two utterances, judged as a self-contradiction
        diff = _word_diff(list(words_a), list(words_b))
        serious = _changes_meaning(first, second, a, b)
        if not serious and (_small_words_only(words_a, words_b) or _trimmed_apart(words_a, words_b)):
            # "the plan's a bit late" / "the plan is just a bit late", "because frankly" / "so
            # frankly": one quote transcribed twice, not altered; nor one remark cut at different
            # ends by two outlets.
            return Verdict("same", None, round(ratio, 3), Similarity(round(ratio, 3)))
        changed = sum(1 for op, _ in diff if op != "=") / max(1, len(diff))
        score = 0.9 if serious else round(0.45 + 0.4 * min(1.0, changed * 2), 3)
        evidence = AlteredQuote(tuple((op, word) for op, word in diff), round(ratio, 3), serious)
        return Verdict("conflict", "altered", score, evidence)
    return None


def _misattribution(a: Statement, b: Statement, ratio: float) -> Verdict:
    evidence = Misattribution(a.speaker.name, b.speaker.name, round(ratio, 3))
    caveats = []
    if "reported" in (a.kind, b.kind):
        caveats.append("one side is a paraphrase: check whether both speakers made the claim")
    return Verdict("conflict", "misattribution", round(0.5 + 0.45 * ratio, 3), evidence, caveats)


def _changes_meaning(first: Reading, second: Reading, a: Statement, b: Statement) -> bool:
    """A near-verbatim pair whose difference flips a denial, a count, a date or a word into its
    opposite: two different claims, not one quote given twice."""
    if polarity_conflict(first, second, 1.0) is not None or number_conflict(first, second, 1.0) is not None:
        return True
    return first.figures != second.figures or not same_days(a, b)



# Contractions written out, so that "it's" meets "it is" and "don't" meets "do not".
_CONTRACTED = re.compile(r"^(.+?)(?:['’](s|re|ll|ve|d|m)|n['’]t)$")
_WRITTEN_OUT = {"s": "is", "re": "are", "ll": "will", "ve": "have", "d": "would", "m": "am", None: "not"}
# Words a speaker's sentence can gain or lose in transcription without saying anything else:
# connectives and fillers. Not auxiliaries, modals or negation: "will" / "may" is another promise.
_FILLERS = frozenset("that also just so well and but because then now oh um uh er".split())


def _written_out(words: Sequence[str]) -> list[str]:
    out: list[str] = []
    for word in words:
        match = _CONTRACTED.match(word)
        out += [word] if match is None else [match.group(1), _WRITTEN_OUT[match.group(2)]]
    return out


def _small_words_only(words_a: Sequence[str], words_b: Sequence[str]) -> bool:
    """The two quotes differ only in connectives and fillers ("that", "also", "because"), in
    contractions written out and in marks: one quote transcribed twice."""
    diff = _word_diff(_written_out(words_a), _written_out(words_b))
    return all(word in _FILLERS for op, word in diff if op != "=")


def _trimmed_apart(words_a: Sequence[str], words_b: Sequence[str]) -> bool:
    """The two quotes are one remark cut at its ends: each differs from the other only by words
    at its start or its end that the other leaves out (connectives and fillers aside), as two
    outlets quoting one press conference cut it. A word changed, one left out inside ("the
    civilian base" / "the base"), or a condition cut off ("… if the shelling stops") is an
    alteration, not a cut."""
    diff = _word_diff(_written_out(words_a), _written_out(words_b))
    start, end = 0, len(diff)
    while start < end and diff[start][0] != "=":
        start += 1
    while end > start and diff[end - 1][0] != "=":
        end -= 1
    edges = (diff[:start], diff[end:])
    if any(len({op for op, _ in edge}) > 1 or any(word in _QUALIFIERS for _, word in edge) for edge in edges):
        return False  # a word changed at an end, or a condition cut off ("… if the shelling stops")
    return all(op == "=" or word in _FILLERS for op, word in diff[start:end])


# Words that make what they open a condition or a limit of the rest of the remark: cut off, they
# change what it says.
_QUALIFIERS = frozenset({"if", "unless", "provided", "providing", "only", "but", "except", "until", "although",
                         "though", "however", "yet", "whether", "once", "when", "as", "long", "so"})


def _word_diff(words_a: list[str], words_b: list[str]) -> list[list[str]]:
    """[["=", word], ["-", dropped], ["+", added], …] from a to b."""
    out: list[list[str]] = []
    matcher = difflib.SequenceMatcher(a=words_a, b=words_b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.extend(["=", w] for w in words_a[i1:i2])
            continue
        out.extend(["-", w] for w in words_a[i1:i2])
        out.extend(["+", w] for w in words_b[j1:j2])
    return out


def as_self_contradiction(verdict: Verdict, a: Statement, b: Statement) -> Verdict:
    """A speaker contradicting himself or herself: the inner rule's evidence, nested."""
    inner = verdict.evidence
    assert verdict.type is not None and isinstance(inner, DenialCue | OppositeWords | Counts)
    earlier = None
    if a.said_on and b.said_on and a.said_on != b.said_on:
        earlier = "a" if a.said_on < b.said_on else "b"
    return Verdict("conflict", "self", verdict.score, SelfContradiction(verdict.type, inner, earlier), verdict.caveats)
