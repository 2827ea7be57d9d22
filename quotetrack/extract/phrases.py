"""Speaker phrases: the words before or after a cue that name who spoke, without what only
surrounds them (asides, times, opening phrases, relative clauses), before they are resolved."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.dates import WEEKDAYS, months
from ..text.lexicon import lines
from .lexicon import (
    CLAUSE_BREAKS,
    CUE_MODIFIERS,
    DATE_WORDS,
    DETERMINERS,
    OBJECT_PRONOUNS,
    PLURALS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    cue_lexicon,
    pronoun_lexicon,
    title_lexicon,
    word_set,
)
from .sentences import is_capitalised


@dataclass
class Mention:
    """A speaker phrase found in a frame, before resolution."""

    phrase_start: int
    phrase_end: int
    head_start: int  # the name or pronoun inside the phrase
    head_end: int
    head: str  # the head phrase, e.g. "Peshmerga Colonel Srood", "he", "the report"
    appositives: list[str] = field(default_factory=list)
    antecedent: Mention | None = None  # for "X, who said …"
    body: bool = False  # named in apposition to "the union", "the company": an organisation


# Words that open or close a speaker phrase without being part of it: "Later Wednesday, the
# ministry said", "Shortly after that the ministry", "Ahmed Karim also", "AFP meanwhile",
# "President Dalo earlier this year". Month names are left out: "Elsa May" ends in one.
ASIDES = (
    CUE_MODIFIERS | DATE_WORDS | frozenset("meanwhile afterwards afterward soon however too instead now".split())
) - frozenset(months())
_RELATIVES = frozenset("who whose whom which that".split())
_DAY_WORDS = frozenset(months()) | frozenset(WEEKDAYS)


def speaks(word: str) -> bool:
    """A common noun that can stand alone for a speaker: "officials", "police", "the company",
    "the report", "the spokesman"."""
    return any(word in word_set(name) for name in ("speaker_nouns", "organisations", "documents")) or (
        word in title_lexicon().forms or word in PLURALS
    )


def _place_phrases() -> list[str]:
    """"east of", "outskirts of": the phrases after which a name is a place (data/place_prepositions.txt)."""
    return [line.lower() for line in lines("place_prepositions") if " " in line]


def _subject_before(mention: Mention, text: str) -> Mention | None:
    """"Marc Lee, the chief executive of the league, forcefully told …": only the adverb was
    taken for the subject; the subject is the name before the asides that end at it."""
    before = text[max(0, mention.head_start - 200) : mention.head_start].rstrip()
    if not before.endswith(","):
        return None
    clause = re.split(r"(?:(?<!\s[A-Z])\.|[;:\n“”\"])\s", before[:-1])[-1]  # "Marc H. Lee" is one name
    parts = clause.split(",")
    start = mention.head_start - len(before) + (len(before) - 1 - len(clause))
    offset = start
    pieces = []
    for part in parts:
        pieces.append((offset + len(part) - len(part.lstrip()), part.strip()))
        offset += len(part) + 1
    for n, (at, piece) in enumerate(pieces):
        if piece and is_capitalised(piece) and name_like(piece.split(), title_lexicon().forms):
            asides = [p for _, p in pieces[n + 1 :] if p]
            return Mention(at, mention.phrase_end, at, at + len(piece), piece, asides, body=mention.body)
    return None


def kept(tokens: list[str]) -> list[int]:
    """Which of a speaker phrase's words belong to it (see ``_tidy``)."""
    keep = list(range(len(tokens)))
    for i in range(1, len(tokens)):
        # "Save The Forest Alliance": a capitalised article between two words of a name is part of it.
        inside = i + 1 < len(tokens) and tokens[i - 1].isalpha() and is_capitalised(tokens[i - 1]) and (
            is_capitalised(tokens[i + 1]))
        if tokens[i] in ("The", "A", "An") and tokens[i - 1].lower() not in PREPOSITIONS | CLAUSE_BREAKS and not inside:
            keep = keep[i:]  # "Norland strike The Avell-led coalition": the phrase starts again
    while len(keep) > 1 and tokens[keep[0]].lower().strip(",") in ASIDES:
        keep = keep[1:]
    while len(keep) > 1 and tokens[keep[-1]].lower() in ASIDES and (
        not is_capitalised(tokens[keep[-1]]) or tokens[keep[-1]].lower() in DATE_WORDS
    ):
        keep = keep[:-1]
    clause = next((n for n in range(1, len(keep) - 1) if tokens[keep[n]].lower() in PREPOSITIONS
                   and tokens[keep[n + 1]].lower() in ("what", "which", "whom", "where", "how")), None)
    if clause:
        keep = keep[:clause]  # "witnesses of what may be the worst attack": the witnesses
    relative = next((n for n, i in enumerate(keep) if n and tokens[i].lower() in _RELATIVES), None)
    if relative:
        keep = keep[:relative]
    dated = next((n for n in range(1, len(keep) - 1) if tokens[keep[n]].lower() in ("on", "in")
                  and _names_a_day(tokens[keep[n + 1]])), None)
    if dated:
        keep = keep[:dated]  # "the Norland News Agency on October 20 cited …": a name ends before its date
    verb = next((n for n in range(1, len(keep) - 1) if _past_verb(tokens[keep[n]]) and (
        tokens[keep[n + 1]].lower() in DETERMINERS and tokens[keep[n - 1]].lower() not in DETERMINERS
    )), None)
    if verb:
        keep = keep[:verb]  # "the agency cited an inquiry": a speaker is a noun phrase, not a clause
    for n in range(1, len(keep)):
        word, before = tokens[keep[n]], tokens[keep[n - 1]].lower()
        if word in ("the", "a", "an") and (before in word_set("speaker_nouns") or before in title_lexicon().forms):
            return keep[:n]  # "according to Norlandic officials the number …": a comma left out
    cues = cue_lexicon()
    while len(keep) > 1 and tokens[keep[-2]].lower() not in DETERMINERS and tokens[keep[-1]].islower() and (
        tokens[keep[-1]] in cues
    ) and not any(
        speaks(form) or form in word_set("claim_nouns") for form in (tokens[keep[-1]], tokens[keep[-1]][:-1])
    ):
        keep = keep[:-1]  # "Northern army dismisses …": a headline's verb ("press reports" stay)
    return keep


def _names_a_day(word: str) -> bool:
    """"October", "Tuesday", "2019": what follows "on" or "in" when a date, not a place, is meant."""
    word = word.strip(",.;:")
    return (word[:1].isupper() and word.lower() in _DAY_WORDS) or (word.isdigit() and len(word) == 4)


def _past_verb(word: str) -> bool:
    """"cited", "took": a verb in the past tense (data/past_verbs.txt for the irregular ones)."""
    return word.islower() and (word.endswith("ed") and len(word) > 4 or word in word_set("past_verbs"))


def _relative_subject(mention: Mention, text: str) -> Mention | None:
    """"the armed group that controls the capital said": the phrase read as the speaker is the
    relative clause; the speaker is the noun phrase the clause describes, before "that"."""
    first = mention.head.split()[0] if mention.head.split() else ""
    before = text[max(0, mention.head_start - 200) : mention.head_start]
    relative = re.search(r"(?:^|[\s,])(that|which|who)\s+$", before)
    if not relative or not first.islower() or not first.endswith(("s", "ed")) or first in pronoun_lexicon() \
            or first in DETERMINERS:
        return None  # "soup that his aides said was spoiled": "his" opens a noun phrase, not a verb
    clause = re.split(r"[.;:,“”\"\n(]", before[: relative.start(1)])[-1]
    phrase = clause.strip()
    if not phrase or not re.search(r"[A-Za-z]", phrase):
        return None
    at = text.rfind(phrase, 0, mention.head_start)
    if at < 0:
        return None
    return Mention(at, mention.phrase_end, at, at + len(phrase), phrase, body=mention.body)


def tidy(mention: Mention, text: str) -> Mention | None:
    """The speaker phrase without what only surrounds it, or None when no speaker is left.

    A line break ends a headline or dateline run into the sentence ("Norland⏎Avell"); a
    capitalised article inside the phrase starts a new one ("2009 The previous …"); adverbs and
    times before or after it are no part of it; an opening phrase before a comma ("Later
    Wednesday, the ministry said", "In Northvale, the mayor said") gives way to the speaker after
    it; a relative clause only describes ("a villager who spoke … on condition of anonymity"). A
    piece of a hyphenated word ("U.S.-") or a lone gerund, adverb or object pronoun is no speaker.
    """
    subject = _relative_subject(mention, text)
    if subject is not None:
        return tidy(subject, text)
    head, start = mention.head, mention.head_start
    if "\n" in head.strip():
        cut = head.rstrip().rfind("\n") + 1
        head, start = head[cut:], start + cut
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", head)]
    tokens = [head[a:b] for a, b in spans]
    keep = kept(tokens)
    appositives = list(mention.appositives)
    words_left = [tokens[i] for i in keep]
    if len(words_left) == 1 and words_left[0].islower() and words_left[0].endswith("ly") and not appositives:
        return _subject_before(mention, text)
    lowered = " ".join(w.lower() for w in words_left)
    opening = not words_left or all(w.lower() in ASIDES or w.endswith("ly") and w.islower() for w in words_left) or (
        words_left[0].lower() in PREPOSITIONS and words_left[0].lower() != "by"
    )
    if not opening and (any(lowered.startswith(place + " ") for place in _place_phrases()) or (
        words_left[-1].lower() in PREPOSITIONS
    ) or words_left[0].lower() in ("including", "excluding", "like") or (
        len(words_left) > 1 and words_left[0].islower() and words_left[0].endswith("ing")
        and words_left[1].lower() in PREPOSITIONS
    )):
        # "east of the capital", "… reports of", "including $5bn", "hiding in a home": no speaker,
        # unless a clause was read as the phrase and its subject is a pronoun ("She then urges …
        # to come out of").
        pronoun = next((i for i in reversed(keep) if tokens[i] in SUBJECT_PRONOUNS | {"She", "He", "They"}), None)
        if pronoun is None:
            return None
        a, b = spans[pronoun]
        return Mention(mention.phrase_start, mention.phrase_end, start + a, start + b, tokens[pronoun])
    if opening:
        if not appositives:
            return None
        # The phrase before the comma only sets the scene: the speaker is the last aside
        # ("Meanwhile, it attacked …, saying": the pronoun that opens it).
        head = appositives.pop()
        if head.split()[0].lower() in pronoun_lexicon():
            head = head.split()[0]
        elif not re.match(r"(?:the|a|an|[A-Z])", head):
            return None
        at = text.find(head, mention.phrase_start, max(mention.phrase_end, mention.head_end) + len(head))
        if at < 0 or head == mention.head:
            return None
        return tidy(Mention(mention.phrase_start, mention.phrase_end, at, at + len(head), head, appositives,
                             body=mention.body), text)
    if len(keep) == 1 and tokens[keep[0]].endswith(("-", "–")):
        return None  # "U.S.-": the half of a word the phrase was cut from
    first, last = spans[keep[0]][0], spans[keep[-1]][1]
    last -= len(tokens[keep[-1]]) - len(tokens[keep[-1]].rstrip("-–—"))  # "… by The Washington Post–"
    phrase = head[first:last]
    content = [tokens[i] for i in keep if tokens[i].lower() not in DETERMINERS]
    only = content[0].lower() if len(content) == 1 else ""
    if len(content) == 1 and (
        only in OBJECT_PRONOUNS and not content[0].isupper() or only in ("according", "including")
        or (only == content[0] and only.endswith(("ly", "ing", "ous")) and not speaks(only))
        or not any(c.isalnum() for c in phrase)
    ):
        return None  # "supporting", "strongly", "him", "previous": not who spoke
    if phrase == mention.head and start == mention.head_start:
        return mention
    return Mention(mention.phrase_start, mention.phrase_end, start + first, start + last, phrase, appositives,
                   mention.antecedent, mention.body)


def name_like(words: list[str], titles: dict[str, str]) -> bool:
    """"Jan Novak", "Hadi Omar al-Rashid": two to four capitalised words naming no title or body."""
    if not 2 <= len(words) <= 4 or not is_capitalised(words[0]) or not is_capitalised(words[-1]):
        return False
    connectors = ("al", "al-", "bin", "de", "van", "von", "da", "du", "le")
    # A word that names speakers may begin a name ("Elder Dube", "Sister Ana Lind"), never end it.
    return words[-1].lower() not in word_set("speaker_nouns") and all(
        (is_capitalised(w) or w.lower() in connectors) and not any(c.isdigit() for c in w)
        and w.lower().rstrip(".") not in titles and w.lower() not in word_set("organisations")
        and (i == 0 or w.lower() not in word_set("speaker_nouns"))
        for i, w in enumerate(words)
    )


