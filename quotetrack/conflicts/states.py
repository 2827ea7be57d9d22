"""States said of one person, and who they are said of: "he was unarmed", "Marsh had a gun in his
hand" (armed). A state and its opposite said of one person contradict each other however little
else the two statements share, which is how two sides of a dispute usually word it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..text import default_normalizer, fold, lexicon
from .lexicon import (
    BE,
    GAP,
    LONG_GAP,
    STRONG_BOUNDARY,
    act_nouns,
    act_state_phrases,
    copulas,
    covering,
    holding_words,
    implied_states,
    opposite_stems,
    state_phrases,
    word_stem,
)

# The pronouns that say which one person a clause is about; other pronouns ("they", "we", "it")
# and nouns leave the subject unknown, so no state of theirs is compared across statements.
# Only subject forms name whom a state is said of ("an officer shot him with a rifle" arms
# nobody); the others say only that one person is there ("in his van, reading a letter").
_PERSON_PRONOUNS = {"he": "he", "she": "she"}
_OBJECT_PRONOUNS = {"him": "he", "his": "he", "her": "she"}
_OTHER_PRONOUNS = frozenset({"i", "we", "you", "they", "it"})
# Verbs that make a subject plural: "Police were armed" is not about one man.
_PLURAL_VERBS = frozenset({"were", "are", "have", "'re"})
# Words that make a clause a question, not a statement: "whether he had a gun".
_OPEN_QUESTION = frozenset({"whether", "if"})
# Words that deny the thing held, and so the state it implies: "had no gun", "without a weapon".
_LACKING = frozenset({"no", "without"})
# Words that may follow a state without being its noun: "was unarmed outside the shop".
_AFTER_STATE = frozenset({"outside", "inside", "near", "during", "after", "before", "when", "while", "because",
                          "until", "throughout", "behind", "beside", "despite", "since", "then", "again",
                          "today", "yesterday", "tonight"})  # fmt: skip
# "was an unarmed man": the state stands before its noun.
_ONE = frozenset({"a", "an"})
# A state that takes a complement is a state about something else: "able to walk" and "unable
# to speak", "guilty of fraud" and "innocent of murder" say nothing against each other.
_COMPLEMENTS = frozenset({"to", "of", "for", "about", "that", "than"})
# "armed with nothing but a torch" is not armed ("nothing but" is no denial cue: it means "only").
_EMPTY_HANDED = frozenset({"nothing", "no", "none"})
# Possessives allowed between the words of a state phrase: "with his hands up".
_POSSESSIVES = frozenset({"his", "her", "their", "my", "your", "its"})
# Words before a state phrase that make it an order or a wish, not a state: "told him to put his
# hands up", "ordered her to raise her hands".
_ORDERS = frozenset({"told", "ordered", "asked", "instructed", "commanded", "demanded", "urged", "shouted",
                     "yelled", "telling", "ordering", "asking"})  # fmt: skip
# How far back an order is looked for before a state phrase, in words, and "to" of an infinitive
# ("to put his hands up"; not "went to the door with his hands up").
_ORDER_REACH = 8
_INFINITIVE_REACH = 3
# How far back a clause's subject is looked for, in words.
_SUBJECT_REACH = 10
# Words looked at after a holding word for the thing held ("had a loaded gun").
_HELD_REACH = 4
NEGATING_PREFIXES = ("non", "un", "in", "im", "il", "ir", "dis")
# Shortest word a prefix negates: "unsafe" and "unfair", but only longer words after "in", "dis".
PREFIX_MIN_LENGTH = {"non": 4, "un": 4}


@dataclass(frozen=True)
class State:
    word: str  # the state, folded: written ("unarmed") or implied ("armed" for "had a gun")
    written: str  # the words that say it, as written ("had a gun")
    start: int  # character span of the words that say it
    end: int
    subject: str  # "he", "she" or a folded name: whom the clause is about
    lacking: bool = False  # "had no gun", "without a weapon": not in the state (not armed)


def states_of(
    text: str, words: Sequence[tuple[str, int, int]], denied: Sequence[int]
) -> tuple[State, ...]:
    """The states a statement says one person is in: an adjective after "was" ("he was
    unarmed"), or what holding a thing implies ("had a gun in his hand": armed). Only where the
    clause is about one person (he, she, a name), and not where a denial cue (its start in
    ``denied``) stands just before: "he did not have a gun" says no state."""
    folded = [w for w, _, _ in words]
    found: list[tuple[str, int, int, int, bool]] = []  # state, first word, last word, subject search start, lacking
    for i, word in enumerate(folded):
        if word in copulas() and i + 1 < len(folded):
            j = i + 2 if i + 2 < len(folded) and (folded[i + 1].endswith("ly") or folded[i + 1] in _ONE) else i + 1
            after = folded[j + 1] if j + 1 < len(folded) else "."
            # "was unarmed", "was unarmed when …", "was an unarmed man"; not "was legal guardian"
            # (a noun's adjective) nor "was able to walk" (a state of something else)
            attributive = (folded[i + 1] not in _ONE and after.isalpha() and after not in _stopwords()
                           and after not in _AFTER_STATE)
            if j < len(folded) and folded[j].isalpha() and folded[j] not in _stopwords() and not attributive and (
                    after not in _COMPLEMENTS):
                found.append((folded[j], j, j, i, False))
        elif word in holding_words() or word in _LACKING:
            # "had no gun", "without a weapon": the thing held is denied, and so is the state
            lacking = word in _LACKING or (i + 1 < len(folded) and folded[i + 1] in _LACKING)
            for k in range(i + 1, min(len(folded), i + 1 + _HELD_REACH)):
                if not folded[k][0].isalnum():
                    break
                if folded[k] in implied_states():
                    found.append((implied_states()[folded[k]], i, k, i, lacking))
                    break
    found += _phrase_states(folded)
    states = []
    for state, first, last, before, lacking in found:
        start, end = words[first][1], words[last][2]
        # a lacking state's own "no" or "without" is no denial of it
        reach = (words[max(0, first - 4)][1], words[first][1] if lacking else words[min(len(words) - 1, last + 2)][2])
        if any(reach[0] <= cue < reach[1] for cue in denied) or _EMPTY_HANDED & set(folded[last + 1 : last + 3]):
            continue  # "was not armed", "did not have a gun", "armed with nothing but a torch"
        if any(word in _OPEN_QUESTION for word in folded[max(0, before - _SUBJECT_REACH) : before]):
            continue  # "whether Marsh had a gun" asks; it does not say
        subject = subject_at(text, words, before)
        if subject:
            states.append(State(state, text[start:end], start, end, subject, lacking))
    return tuple(states)


@dataclass(frozen=True)
class ActState:
    """How a statement judges an act: "the raid complied with international law" (lawful)."""

    word: str  # the state, folded, turned over where denied ("was not justified": unlawful)
    written: str  # the words that say it, as written
    start: int  # character span of those words
    end: int
    act: frozenset[str]  # stems of the nouns for an act in its sentence ("strike"); empty if none


# Words before a judgement that leave it open, or only report that someone else makes it:
# "whether the strike was legal", "may have violated", "investigating alleged violations"; a
# hedge within as many words ("no evidence that the strike violated the law") leaves it open too.
_UNSETTLED = frozenset({"whether", "if", "may", "might", "could", "would", "should", "possible", "possibly",
                        "potential", "potentially", "alleged", "allegedly", "accused", "accusing", "accuse",
                        "accusation", "accusations", "investigate", "investigating", "investigation", "probe",
                        "claims", "allegations", "suspected", "any", "determine", "examine"})  # fmt: skip
_UNSETTLED_REACH = 8
# How far before a judgement a denial cue turns it over ("did not violate the law": lawful).
_TURNING_REACH = 3
# Words between a verb joining a subject to its state and the state: "was fully justified".
_NOT = frozenset({"not", "never"})
_SENTENCE_END = frozenset({".", ";", "!", "?"})


def act_states(
    text: str, words: Sequence[tuple[str, int, int]], cues: Sequence[tuple[int, bool]]
) -> tuple[ActState, ...]:
    """How a statement judges an act, from the phrases of data/act_states.tsv: lawful or
    unlawful ("complied with the law of armed conflict" / "violated the laws of war"), planned or
    unplanned ("the stabbing was premeditated" / "a fight that resulted in his death"). ``cues``: the
    start of each uncancelled denial cue and whether it denies flatly; a flat one just before a
    judgement turns it over, any other leaves it unsaid, as do words that leave it open."""
    folded = [w for w, _, _ in words]
    stems = [word_stem(w) if w[:1].isalnum() else w for w in folded]
    found: list[ActState] = []
    for i in range(len(folded)):
        for state, phrase in _phrases_from(folded, stems, i):
            matched = _match(phrase, 0, folded, stems, i, False)
            if matched is None:
                continue
            end, turned = matched
            if phrase[0] == BE and end < len(folded) and folded[end] in _COMPLEMENTS:
                continue  # "it is illegal to carry a knife" judges carrying one, not the act
            start_char, end_char = words[i][1], words[end - 1][2]
            reach = max(0, i - _UNSETTLED_REACH)
            if _UNSETTLED & set(folded[reach:i]) or any(
                    not flat and words[reach][1] <= cue < start_char for cue, flat in cues):
                continue  # "no indication that the strike violated the law" says neither
            before = [cue for cue, flat in cues if words[max(0, i - _TURNING_REACH)][1] <= cue < start_char
                      and not STRONG_BOUNDARY & set(folded[max(0, i - _TURNING_REACH) : i])]
            if turned != bool(before):
                state = _turned(state)
            found.append(ActState(state, text[start_char:end_char], start_char, end_char, _acts(folded, stems, i)))
            break
    return tuple(found)


def _phrases_from(folded: Sequence[str], stems: Sequence[str], i: int) -> list[tuple[str, tuple[str, ...]]]:
    """The phrases of act_states.tsv that may start at word ``i``."""
    word = folded[i]
    joining = word in copulas() or (word.endswith(("n't", "n’t")) and word[:-3] in copulas())
    return [*_phrases_by_first().get(stems[i], ()), *(_phrases_by_first().get(BE, ()) if joining else ())]


@cache
def _phrases_by_first() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    return lexicon.by_first_word(act_state_phrases(), lambda entry: entry[1])


def _match(phrase: Sequence[str], p: int, folded: Sequence[str], stems: Sequence[str], k: int,
           turned: bool) -> tuple[int, bool] | None:
    """Where ``phrase[p:]`` matched from word ``k`` ends (the word after it), and whether a "not"
    inside it turns it over ("was not justified"); None if it does not match."""
    if p == len(phrase):
        return k, turned
    token = phrase[p]
    if token in (GAP, LONG_GAP):
        reach = 12 if token == LONG_GAP else 4
        for skip in range(reach + 1):
            if skip and (k + skip > len(folded) or folded[k + skip - 1] in STRONG_BOUNDARY
                         or (token == GAP and folded[k + skip - 1] == ",")):
                break
            found = _match(phrase, p + 1, folded, stems, k + skip, turned)
            if found is not None:
                return found
        return None
    if k >= len(folded):
        return None
    if token == BE:
        turned = turned or folded[k].endswith(("n't", "n’t"))
        k += 1
        while k < len(folded) and (folded[k].endswith("ly") or folded[k] in _NOT):
            turned = turned or folded[k] in _NOT
            k += 1
        if p + 1 < len(phrase) and (k >= len(folded) or folded[k] != phrase[p + 1]):
            return None  # the state as written: "was planned", not "was planning"
        return _match(phrase, p + 2, folded, stems, k + 1, turned) if p + 1 < len(phrase) else (k, turned)
    if stems[k] != token:
        return None
    return _match(phrase, p + 1, folded, stems, k + 1, turned)


def _turned(state: str) -> str:
    """The opposite of a state of act_states.tsv: "lawful" -> "unlawful" and back."""
    return next((other for other, _ in act_state_phrases() if opposite(state, other)), state)


def _acts(folded: Sequence[str], stems: Sequence[str], index: int) -> frozenset[str]:
    """The nouns for an act in the sentence around word ``index``, as stems, each with the word
    that qualifies it ("air" of "an air strike"), which names one act as well as the noun: "the
    air strikes" and "an air attack" are one."""
    start = next((k + 1 for k in range(index - 1, -1, -1) if folded[k] in _SENTENCE_END), 0)
    end = next((k for k in range(index, len(folded)) if folded[k] in _SENTENCE_END), len(folded))
    acts = {stems[k] for k in range(start, end) if stems[k] in act_nouns()}
    acts |= {stems[k - 1] for k in range(max(start, 1), end) if stems[k] in act_nouns()
             and folded[k - 1].isalpha() and folded[k - 1] not in _stopwords() and stems[k - 1] not in acts}
    return frozenset(acts)


def _phrase_states(folded: Sequence[str]) -> list[tuple[str, int, int, int, bool]]:
    """States said by a phrase of several words wherever it stands ("with his hands up",
    "raised her hands": unarmed), a possessive between its words allowed; not an order ("told
    him to put his hands up"). As ``states_of`` collects them: state, first and last word,
    where the subject is looked for, lacking."""
    kept = [k for k, word in enumerate(folded) if word not in _POSSESSIVES]
    found = []
    for n, k in enumerate(kept):
        for state, phrase in state_phrases().get(folded[k], ()):
            if tuple(folded[m] for m in kept[n : n + len(phrase)]) != phrase:
                continue
            if _ORDERS & set(folded[max(0, k - _ORDER_REACH) : k]) or "to" in folded[max(0, k - _INFINITIVE_REACH) : k]:
                continue
            found.append((state, k, kept[n + len(phrase) - 1], k, False))
    return found


def subject_at(text: str, words: Sequence[tuple[str, int, int]], index: int, *, nearby: bool = False) -> str:
    """Whom the clause before word ``index`` is about, if it is one person: "he", "she", or
    the last word of a name ("Jon Ellery Marsh, 51, had" -> "marsh"); "" when unknown.
    ``nearby``: "him", "his", "her" will do too (someone is there, whoever does what)."""
    for k in range(index - 1, max(-1, index - 1 - _SUBJECT_REACH), -1):
        word, start, _ = words[k]
        if word in STRONG_BOUNDARY:
            break
        if word in _PERSON_PRONOUNS:
            return _PERSON_PRONOUNS[word]
        if nearby and word in _OBJECT_PRONOUNS:
            return _OBJECT_PRONOUNS[word]
        if word in _OTHER_PRONOUNS or word in _PLURAL_VERBS:
            return ""
        if text[start : start + 1].isupper() and word.isalpha() and word not in _stopwords():
            # A capital names someone, unless it is a word for a body of people that opens
            # the sentence ("Police had guns").
            return "" if word in _common_nouns() else word
    return ""


def same_person(one: str, other: str) -> bool:
    """Two subjects that may be one person: the same pronoun or name, or a name and he/she."""
    if one == other:
        return True
    pronouns = {"he", "she"}
    return (one in pronouns) != (other in pronouns)


def opposite(one: str, other: str) -> bool:
    """Two state words of opposite meaning: listed (data/opposites.tsv), or one the other with
    a negating prefix ("armed" / "unarmed")."""
    if word_stem(other) in opposite_stems().get(word_stem(one), ()):
        return True
    return prefixed(one, other) or prefixed(other, one)


def prefixed(base: str, word: str) -> bool:
    """``word`` is ``base`` with a negating prefix: "unarmed" of "armed"."""
    for prefix in NEGATING_PREFIXES:
        for lead in (prefix, f"{prefix}-"):
            if word == lead + base and len(base) >= 4 and len(base) >= PREFIX_MIN_LENGTH.get(prefix, 5):
                return True
    return False


def opposite_acts(
    first: Sequence[ActState], second: Sequence[ActState], *, one_incident: bool = False
) -> tuple[ActState, ActState] | None:
    """A judgement of an act in one statement and its opposite in the other, about one act: both
    name it alike ("the raid" / "the raid", "an airstrike" / "the strike"), or, for two statements
    known to report one incident (``one_incident``), whatever they call it."""
    for mine in first:
        for theirs in second:
            if opposite(mine.word, theirs.word) and (one_incident or _one_act(mine, theirs)):
                return mine, theirs
    return None


def judged_alike(first: Sequence[ActState], second: Sequence[ActState]) -> bool:
    """Both statements judge one act the same way, and neither the opposite way."""
    if opposite_acts(first, second):
        return False
    return any(mine.word == theirs.word and _one_act(mine, theirs) for mine in first for theirs in second)


def _one_act(mine: ActState, theirs: ActState) -> bool:
    return bool(covering(list(mine.act)) & covering(list(theirs.act)))


def opposite_states(first: Sequence[State], second: Sequence[State]) -> tuple[State, State] | None:
    """A state of one statement and its opposite in the other, said of one person."""
    for mine in first:
        for theirs in second:
            if not same_person(mine.subject, theirs.subject):
                continue
            if mine.lacking == theirs.lacking and opposite(mine.word, theirs.word):
                return mine, theirs  # "had a gun" / "was unarmed"
            if mine.lacking != theirs.lacking and mine.word == theirs.word:
                return mine, theirs  # "had a gun" / "had no weapon"
    return None


@cache
def _stopwords() -> frozenset[str]:
    return default_normalizer().stopwords


@cache
def _common_nouns() -> frozenset[str]:
    """Nouns for people in general ("police", "officers", "witnesses"): never one person's name."""
    return frozenset(fold(w) for name in ("speaker_nouns", "counted_things") for w in lexicon.words(name))
