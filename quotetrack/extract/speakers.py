"""Speakers: the phrase that names one (``Mention``) and its resolution to a ``Speaker``.

``Resolver`` remembers who has been named so far in the article, so a pronoun, a bare surname,
"the governor" or "the report" can be resolved to the speaker meant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from ..models import Speaker
from ..text.dates import months
from ..text.lexicon import lines
from ..text.tokens import words
from .lexicon import (
    CLAUSE_BREAKS,
    CUE_MODIFIERS,
    DATE_WORDS,
    DETERMINERS,
    FEMALE,
    MALE,
    OBJECT_PRONOUNS,
    PLURALS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    cue_lexicon,
    pronoun_lexicon,
    title_lexicon,
    word_set,
)
from .sentences import clean, is_capitalised


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


class Resolved(NamedTuple):
    speaker: Speaker
    confidence: float  # how sure the resolution is, 0..1


class Role(NamedTuple):
    """What a speaker phrase says of the speaker besides the name."""

    title: str | None  # "spokesman", "Colonel"
    affiliation: str | None  # "US-led coalition", "Peshmerga"


class TitleSplit(NamedTuple):
    title: str | None
    affiliation: str | None
    names: list[str]  # the name's words, empty when the phrase is only a description


class Resolver:
    """Turns speaker phrases into Speakers, remembering who has been named so far."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.by_name: dict[str, Speaker] = {}
        self.history: list[tuple[int, Speaker]] = []  # named speakers in article order
        self.documents: list[tuple[int, str, Speaker]] = []  # (offset, noun, speaker)
        self.acronyms: dict[str, str] = {}
        for match in re.finditer(
            r"((?:[A-Z][\w’'-]*\s+)(?:(?:of|and|for|the|on|de|al)\s+)?(?:[A-Z][\w’'-]*\s*){1,7})\(([A-Z][A-Za-z&]{1,9})\)",
            text,
        ):
            full = clean(match.group(1))
            full = re.sub(r"^(?:The|A|An)\s+", "", full)
            self.acronyms[match.group(2)] = full
        self.names = self._person_names(text)
        self.gender: dict[int, str] = {}  # id(speaker) -> "male" / "female", when the copy tells
        self.quiet_from = 0  # end of the last sentence with a statement
        self.organisations = self._organisation_names(text)
        self._scan_documents(text)

    def _person_names(self, text: str) -> list[tuple[int, str]]:
        """Capitalised two- and three-word names in the copy, for resolving a bare surname."""
        titles, _ = title_lexicon()
        skip = DATE_WORDS | DETERMINERS | word_set("organisations") | CLAUSE_BREAKS | word_set("place_words")
        names = []
        for match in re.finditer(r"\b[A-Z][a-z’'-]+(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][a-z’'-]+){1,2}\b", text):
            words = match.group(0).split()
            if words[-1].endswith(("’s", "'s")):
                continue  # "Jund Avell’s fighters": an owner, not someone speaking
            if any(w.lower().rstrip(".") in skip or w.lower() in titles for w in words):
                continue
            names.append((match.start(), match.group(0)))
        return names

    def _organisation_names(self, text: str) -> list[tuple[int, str]]:
        """Capitalised names ending in an organisation word ("the Electoral Commission")."""
        organisations = word_set("organisations")
        found = []
        for match in re.finditer(r"\b[A-Z][\w’'-]*(?:\s+(?:of|for|and|the)?\s*[A-Z][\w’'-]*){0,5}", text):
            words = match.group(0).split()
            if words[0] in ("The", "A", "An"):
                words = words[1:]
            if words and words[-1].lower() in organisations:
                found.append((match.start(), " ".join(words)))
        return found

    def _scan_documents(self, text: str) -> None:
        nouns = sorted(word_set("documents"), key=len, reverse=True)
        pattern = re.compile(
            r"\b(?:(?P<owner>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,5})(?:’s|'s)?\s+)?(?:[a-z-]+\s+){0,3}?"
            rf"(?P<noun>{'|'.join(re.escape(n) for n in nouns)})\b(?P<rest>[^.;:“”\"]{{0,160}})"
        )
        for match in pattern.finditer(text):
            org = None
            by = re.search(
                r"\b(?:by|from|of)\s+(?:the\s+)?((?:[A-Z][\w’'-]*|\([A-Z]+\))(?:\s+(?:of|and|for|on|the)?\s*(?:[A-Z][\w’'-]*|\([A-Z]+\)))*)",
                match.group("rest"),
            )
            if by:
                org = by.group(1)
            elif match.group("owner") and match.group("owner").split()[0] not in ("The", "A", "An") and (
                match.group("owner").split()[0].lower() not in _ASIDES | {"according", "including"}
            ):
                org = match.group("owner")
            if not org:
                continue
            speaker = self._document(clean(org), match.group("noun"), match.group(0))
            self.documents.append((match.start(), match.group("noun").lower(), speaker))

    def _document(self, org: str, noun: str, phrase: str) -> Speaker:
        acronym = re.search(r"\(([A-Z][A-Za-z&]{1,9})\)", org)
        org = clean(re.sub(r"\s*\([^)]*\)", "", org))
        acronym_text: str | None = acronym.group(1) if acronym else None
        if org in self.acronyms:
            acronym_text, org = org, self.acronyms[org]
        key = f"{org}|{noun.lower()}"
        speaker = self.by_name.get(key)
        if speaker is None:
            speaker = Speaker(name=org, title=noun.lower(), kind="document")
            self.by_name[key] = speaker
        for alias in (acronym_text, f"{acronym_text} {noun.lower()}" if acronym_text else None):
            if alias and alias not in speaker.aliases and alias != speaker.name:
                speaker.aliases.append(alias)
        return speaker

    def resolve(self, mention: Mention) -> Resolved | None:
        """The speaker a mention stands for and how sure that is, or None if it cannot be told."""
        head = mention.head
        lower = head.lower()
        pronouns = pronoun_lexicon()
        if lower not in pronouns:
            tidy = _tidy(mention, self.text)
            if tidy is None:
                return None
            if tidy.head.lower() in pronouns:
                return self.resolve(tidy)  # "He then said"
            return self._named(tidy)
        if lower in pronouns:
            if mention.antecedent is not None:
                found = self.resolve(_agent_of(mention.antecedent))
                return Resolved(found.speaker, found.confidence - 0.05) if found else None
            wanted = pronouns[lower]
            # "she" never stands for a speaker known to be a man, nor "he" for a woman.
            unwanted = {"he": "female", "she": "male"}.get(lower)
            introduced = self._introduced_since(mention.head_start) if lower in ("he", "she") else None
            if introduced is not None and self.gender.get(id(introduced)) != unwanted:
                self.gender[id(introduced)] = "male" if lower == "he" else "female"
                self._remember(mention.head_start, introduced)
                return Resolved(introduced, 0.75)
            if "organisation" in wanted and "person" not in wanted and self.history:
                # "Northline said … It said …": a one-word name, not a known person's surname, that
                # "it" stands for is a company or body.
                last = self.history[-1][1]
                surnames = {name.split()[-1] for _, name in self.names}
                if last.kind == "person" and len(last.name.split()) == 1 and not last.title and (
                    is_capitalised(last.name) and last.name not in surnames
                ):
                    last.kind = "organisation"
                    return Resolved(last, 0.7)
            for _, speaker in reversed(self.history):
                if lower in ("he", "she") and not _may_be_a_person(speaker):
                    continue  # "the attack showed … “…,” he said": not the attack
                if speaker.kind in wanted and (unwanted is None or self.gender.get(id(speaker)) != unwanted):
                    if lower in ("he", "she"):
                        self.gender[id(speaker)] = "male" if lower == "he" else "female"
                    return Resolved(speaker, 0.85)
            if "person" in wanted:
                earlier = [name for offset, name in self.names if offset < mention.head_start]
                if earlier:
                    return Resolved(self._person(earlier[-1], [], mention.head_start), 0.6)
            if "organisation" in wanted:
                # Nobody credited yet: the organisation last named in the copy.
                earlier = [name for offset, name in self.organisations if offset < mention.head_start]
                if earlier:
                    return Resolved(self._unique(Speaker(name=earlier[-1], kind="organisation")), 0.55)
            return None
        return self._named(mention)

    def _named(self, mention: Mention) -> Resolved | None:
        words = clean(mention.head).split()
        while words and words[0].lower() in DETERMINERS:
            words = words[1:]
        if not words:
            return None
        phrase = " ".join(words)
        documents = word_set("documents")
        noun = next((w.lower() for w in reversed(words) if w.lower() in documents), None)
        complement = _complement_at(words)
        quoting = complement is not None and words[complement].lower() in ("quoting", "citing")
        if quoting and complement is not None and complement + 1 < len(words):
            # "a statement quoting coalition spokesman Colonel Omar al-Hadi": the one quoted speaks.
            quoted = " ".join(words[complement + 1 :])
            at = self.text.find(quoted, mention.head_start)
            if at >= 0:
                return self._named(Mention(mention.phrase_start, mention.phrase_end, at, at + len(quoted), quoted))
        # A report, study or statement: a named one, or "the report" for the last one named.
        if noun and not is_capitalised(words[-1]) or (noun and words[-1].lower() == noun) or (
            noun and complement is not None and noun in (w.lower() for w in words[:complement])
        ):
            for offset, doc_noun, speaker in reversed(self.documents):
                if offset <= mention.head_start + 2 and doc_noun == noun:
                    self._remember(mention.head_start, speaker)
                    return Resolved(speaker, 0.85)
            speaker = self._unique(Speaker(name=phrase, title=noun, kind="document"))
            self._remember(mention.head_start, speaker)
            return Resolved(speaker, 0.6)
        titles, longest = title_lexicon()
        title, affiliation, name_words = _split_title(words, titles, longest)
        if complement is not None and name_words and name_words == words[len(words) - len(name_words):] and (
            len(name_words) < len(words) - complement
        ) and words[-len(name_words) - 1].lower() in PREPOSITIONS | DETERMINERS | {"led", "backed", "run", "based"}:
            # "local officials in Port Avell", "the alliance fighting … in Norland", "the coalition led by
            # Norland": the name ends a phrase that only describes the speaker; it is not theirs.
            name_words = []
            title = title if title and title.lower() in (w.lower() for w in words[:complement]) else None
        appositives = mention.appositives
        in_apposition = None if name_words else next((a for a in appositives if _name_like(a.split(), titles)), None)
        if in_apposition is not None:
            # "A police spokesman, Jan Novak, said": the description is the title, the aside the name.
            name_words = in_apposition.split()
            appositives = [a for a in appositives if a is not in_apposition]
            phrase = " ".join(name_words)
        for appositive in appositives:
            a_title, a_affiliation = _parse_appositive(appositive, titles)
            title = title or a_title
            affiliation = affiliation or a_affiliation
        if not name_words and len(words) == 1 and words[0].islower() and words[0] in word_set("organisations"):
            # "the agency" after "the National Health Agency": the body named earlier.
            named = [org for offset, org in self.organisations if offset < mention.head_start]
            same = [org for org in named if org.split()[-1].lower() == words[0]]
            if same:
                speaker = self._unique(Speaker(name=same[-1], kind="organisation"))
                self._remember(mention.head_start, speaker)
                return Resolved(speaker, 0.8)
        definite = clean(mention.head).split()[0].lower() == "the"
        if not name_words and definite and len(words) == 1 and words[0] in ("company", "firm"):
            # "Brightline said … the company said": the business last heard, when one was.
            business = next((s for _, s in reversed(self.history) if s.kind == "organisation"
                             and not descriptive_name(s.name)), None)
            if business is not None:
                self._remember(mention.head_start, business)
                return Resolved(business, 0.75)
        if not name_words and title and definite and not affiliation and len(words) <= 2:
            # "the governor said" after "The regional governor, Anton Drexler, said": the person
            # last heard with that title.
            for _, known in reversed(self.history):
                if known.kind == "person" and known.title and known.name != phrase and (
                    known.title.lower().split()[-1] == title.lower().split()[-1]
                ):
                    self._remember(mention.head_start, known)
                    return Resolved(known, 0.8)
        if not name_words:
            # "a spokesman for the coalition", "officials": the description is all there is.
            name = phrase
            kind = "person" if title else ("organisation" if looks_organisation(words, True) else "person")
            speaker = self._unique(Speaker(name=name, title=title, affiliation=affiliation, kind=kind))
            self._remember(mention.head_start, speaker)
            return Resolved(speaker, 0.7)
        if not title and looks_organisation(words) and all(
            (is_capitalised(w) and w.lower() not in titles) or w in ("of", "for", "and", "the", "on") for w in words
        ):
            name_words = words  # "UN International Organisation for Resettlement": one name, "for" and all
        name = " ".join(name_words)
        if name in self.acronyms:
            full = self.acronyms[name]
            speaker = self._unique(Speaker(name=full, kind="organisation"))
            add_alias(speaker, name)
            self._remember(mention.head_start, speaker)
            return Resolved(speaker, 0.9)
        is_acronym = len(name_words) == 1 and name.isupper() and len(name) > 1
        if mention.body or looks_organisation(name_words) or is_acronym:
            full_org = " ".join(affiliation.split() + name_words) if affiliation and not title else name
            speaker = self._unique(Speaker(name=full_org, kind="organisation"))
            for acronym, expansion in self.acronyms.items():
                if expansion == full_org:
                    add_alias(speaker, acronym)
            self._remember(mention.head_start, speaker)
            return Resolved(speaker, 0.9)
        speaker = self._person(name, [phrase] if phrase != name else [], mention.head_start)
        speaker.title = speaker.title or title
        speaker.affiliation = speaker.affiliation or affiliation
        gender = _gender_of(words + " ".join(mention.appositives).split())
        if gender:
            self.gender[id(speaker)] = gender
        self._remember(mention.head_start, speaker)
        return Resolved(speaker, 0.9)

    def _person(self, name: str, aliases: list[str], offset: int) -> Speaker:
        name_words = name.split()
        if len(name_words) == 1:
            # A surname (or single name) seen before in full: "Mohammed" is "Rizgar Mohammed".
            for _, speaker in reversed(self.history):
                if speaker.kind == "person" and _surname(speaker.name) == name and speaker.name != name:
                    add_alias(speaker, name)
                    for alias in aliases:
                        add_alias(speaker, alias)
                    return speaker
            for position, full in reversed(self.names):
                if position < offset and full.split()[-1] == name:
                    speaker = self._unique(Speaker(name=full))
                    if speaker.title is None:
                        speaker.title, speaker.affiliation = self._role_before(position, full)
                    add_alias(speaker, name)
                    return speaker
        speaker = self._unique(Speaker(name=name))
        for alias in aliases:
            add_alias(speaker, alias)
        return speaker

    def _unique(self, speaker: Speaker) -> Speaker:
        key = speaker.name.lower()  # "Police said" and "police said" are one speaker
        known = self.by_name.get(key)
        if known is None:
            self.by_name[key] = speaker
            return speaker
        known.title = known.title or speaker.title
        known.affiliation = known.affiliation or speaker.affiliation
        return known

    def _role_before(self, position: int, full: str) -> Role:
        """Title and affiliation written right before a name where it was first mentioned
        ("Opposition leader Marcus Webb called …"), for when it is first quoted by surname."""
        titles, longest = title_lexicon()
        window = re.split(r"[.;:,“”\"(\n]", self.text[max(0, position - 60) : position])[-1].split()
        if not window or window[-1].lower().rstrip(".") not in titles and window[-1].lower() not in titles:
            return Role(None, None)
        for size in range(min(4, len(window)), 0, -1):
            words = window[-size:]
            if words[0].lower() in DETERMINERS or any(w.endswith(("’s", "'s")) and w.islower() for w in words):
                continue
            title, affiliation, names = _split_title(words + full.split(), titles, longest)
            if title and names == full.split():
                return Role(title, affiliation)
        return Role(None, None)

    def _introduced_since(self, offset: int) -> Speaker | None:
        """A person the copy introduces by role after the last statement and just before
        ``offset`` ("… supported by another passenger, Yusuf Demir. “…,” he said."): the
        pronoun stands for the newcomer, not for the speaker before."""
        titles, _ = title_lexicon()
        for position, name in reversed(self.names):
            if position >= offset:
                continue
            if position < self.quiet_from or offset - position > 400:
                return None
            before = words(self.text[max(0, position - 40) : position].rstrip().removesuffix(","))
            if not before or not before[-1].islower() or before[-1] not in titles:
                continue  # only a name given with a role ("another passenger, …") is an introduction
            if name.split()[-1] in (s.name.split()[-1] for _, s in self.history):
                return None  # a speaker already heard, named again
            speaker = self._person(name, [], position)
            speaker.title = speaker.title or before[-1]
            return speaker
        return None

    def _remember(self, offset: int, speaker: Speaker) -> None:
        self.history.append((offset, speaker))


# Words that open or close a speaker phrase without being part of it: "Later Wednesday, the
# ministry said", "Shortly after that the ministry", "Ahmed Karim also", "AFP meanwhile",
# "President Dalo earlier this year". Month names are left out: "Elsa May" ends in one.
_ASIDES = (
    CUE_MODIFIERS | DATE_WORDS | frozenset("meanwhile afterwards afterward soon however too instead now".split())
) - frozenset(months())
_RELATIVES = frozenset("who whose whom which that".split())


def _agent_of(antecedent: Mention) -> Mention:
    """", which says": the body named last before it, not the clause it ends ("Those figures
    conflict with numbers provided by the Northern Relief Agency, which says")."""
    words = list(re.finditer(r"\S+", antecedent.head))
    for i in range(len(words) - 2, 0, -1):
        word, before, after = words[i].group(), words[i - 1].group(), words[i + 1].group()
        if word in ("by", "from", "with") and before.islower() and (is_capitalised(after) or after == "the"):
            head = antecedent.head[words[i + 1].start() :]
            at = antecedent.head_start + words[i + 1].start()
            return Mention(antecedent.phrase_start, antecedent.phrase_end, at, at + len(head), head)
    return antecedent


def _may_be_a_person(speaker: Speaker) -> bool:
    """A name, a title or a word for people: what "he" or "she" can stand for."""
    words = speaker.name.split()
    return bool(speaker.title) or any(is_capitalised(w) for w in words) or (
        words[-1].lower() in word_set("speaker_nouns") or words[-1].lower() in PLURALS
    )


def _speaks(word: str) -> bool:
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
        if piece and is_capitalised(piece) and _name_like(piece.split(), title_lexicon().forms):
            asides = [p for _, p in pieces[n + 1 :] if p]
            return Mention(at, mention.phrase_end, at, at + len(piece), piece, asides, body=mention.body)
    return None


def _kept(tokens: list[str]) -> list[int]:
    """Which of a speaker phrase's words belong to it (see ``_tidy``)."""
    keep = list(range(len(tokens)))
    for i in range(1, len(tokens)):
        if tokens[i] in ("The", "A", "An") and tokens[i - 1].lower() not in PREPOSITIONS | CLAUSE_BREAKS:
            keep = keep[i:]  # "Norland strike The Avell-led coalition": the phrase starts again
    while len(keep) > 1 and tokens[keep[0]].lower().strip(",") in _ASIDES:
        keep = keep[1:]
    while len(keep) > 1 and tokens[keep[-1]].lower() in _ASIDES and (
        not is_capitalised(tokens[keep[-1]]) or tokens[keep[-1]].lower() in DATE_WORDS
    ):
        keep = keep[:-1]
    relative = next((n for n, i in enumerate(keep) if n and tokens[i].lower() in _RELATIVES), None)
    if relative:
        keep = keep[:relative]
    for n in range(1, len(keep)):
        word, before = tokens[keep[n]], tokens[keep[n - 1]].lower()
        if word in ("the", "a", "an") and (before in word_set("speaker_nouns") or before in title_lexicon().forms):
            return keep[:n]  # "according to Norlandic officials the number …": a comma left out
    cues = cue_lexicon()
    while len(keep) > 1 and tokens[keep[-2]].lower() not in DETERMINERS and tokens[keep[-1]].islower() and (
        tokens[keep[-1]] in cues
    ) and not any(
        _speaks(form) or form in word_set("claim_nouns") for form in (tokens[keep[-1]], tokens[keep[-1]][:-1])
    ):
        keep = keep[:-1]  # "Northern army dismisses …": a headline's verb ("press reports" stay)
    return keep


def _tidy(mention: Mention, text: str) -> Mention | None:
    """The speaker phrase without what only surrounds it, or None when no speaker is left.

    A line break ends a headline or dateline run into the sentence ("Norland⏎Avell"); a
    capitalised article inside the phrase starts a new one ("2009 The previous …"); adverbs and
    times before or after it are no part of it; an opening phrase before a comma ("Later
    Wednesday, the ministry said", "In Northvale, the mayor said") gives way to the speaker after
    it; a relative clause only describes ("a villager who spoke … on condition of anonymity"). A
    piece of a hyphenated word ("U.S.-") or a lone gerund, adverb or object pronoun is no speaker.
    """
    head, start = mention.head, mention.head_start
    if "\n" in head.strip():
        cut = head.rstrip().rfind("\n") + 1
        head, start = head[cut:], start + cut
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", head)]
    tokens = [head[a:b] for a, b in spans]
    keep = _kept(tokens)
    appositives = list(mention.appositives)
    words_left = [tokens[i] for i in keep]
    if len(words_left) == 1 and words_left[0].islower() and words_left[0].endswith("ly") and not appositives:
        return _subject_before(mention, text)
    lowered = " ".join(w.lower() for w in words_left)
    opening = not words_left or all(w.lower() in _ASIDES or w.endswith("ly") and w.islower() for w in words_left) or (
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
        return _tidy(Mention(mention.phrase_start, mention.phrase_end, at, at + len(head), head, appositives,
                             body=mention.body), text)
    if len(keep) == 1 and tokens[keep[0]].endswith(("-", "–")):
        return None  # "U.S.-": the half of a word the phrase was cut from
    first, last = spans[keep[0]][0], spans[keep[-1]][1]
    last -= len(tokens[keep[-1]]) - len(tokens[keep[-1]].rstrip("-–—"))  # "… by The Washington Post–"
    phrase = head[first:last]
    content = [tokens[i] for i in keep if tokens[i].lower() not in DETERMINERS]
    only = content[0].lower() if len(content) == 1 else ""
    if len(content) == 1 and (
        only in OBJECT_PRONOUNS or only in ("according", "including")
        or (only == content[0] and only.endswith(("ly", "ing", "ous")) and not _speaks(only))
        or not any(c.isalnum() for c in phrase)
    ):
        return None  # "supporting", "strongly", "him", "previous": not who spoke
    if phrase == mention.head and start == mention.head_start:
        return mention
    return Mention(mention.phrase_start, mention.phrase_end, start + first, start + last, phrase, appositives,
                   mention.antecedent, mention.body)


@lru_cache(maxsize=65536)  # asked of every name on record for each extracted speaker
def descriptive_name(name: str) -> bool:
    """A speaker named only by a description ("a senior official", "Norland officials", "police
    spokesman", "Witnesses", "the company"): no proper name says which one it is, so two of them
    in different articles are not known to be the same speaker."""
    words = clean(re.sub(r"\([^)]*\)", " ", name)).split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    cut = _complement_at(words)
    words = words[:cut]  # "officials in Port Avell": the officials are not named
    if not words:
        return True
    last = words[-1].strip(",.’'")
    if not any(part[:1].isupper() or part[:1].isdigit() for part in re.split(r"[-/@.]", last)):
        return True  # the head noun is a common noun
    return len(words) == 1 and (
        last.lower() in word_set("speaker_nouns") or last.lower() in title_lexicon().forms
    )


def _complement_at(words: list[str]) -> int | None:
    """Where a phrase that describes a common noun begins: "officials | in Port Avell", "the coalition |
    led by Norland", "alliance | fighting …". None when the phrase has no such part."""
    for i in range(1, len(words)):
        word, before = words[i].lower(), words[i - 1]
        common = not is_capitalised(before) or (i == 1 and before.lower() in word_set("speaker_nouns"))
        if not common or before.lower() in DETERMINERS or before.lower().endswith("ed"):
            continue  # "passed by Senator Kim Park": the agent of a participle is the one meant
        if word in PREPOSITIONS or word in ("led", "backed", "based", "run") or (
            words[i].islower() and word.endswith("ing") and len(word) > 5
        ):
            return i
    return None


def _name_like(words: list[str], titles: dict[str, str]) -> bool:
    """"Jan Novak", "Hadi Omar al-Rashid": two to four capitalised words naming no title or body."""
    if not 2 <= len(words) <= 4 or not is_capitalised(words[0]) or not is_capitalised(words[-1]):
        return False
    connectors = ("al", "al-", "bin", "de", "van", "von", "da", "du", "le")
    return all(
        (is_capitalised(w) or w.lower() in connectors) and not any(c.isdigit() for c in w)
        and w.lower().rstrip(".") not in titles and w.lower() not in word_set("organisations")
        and w.lower() not in word_set("speaker_nouns")
        for w in words
    )


def _gender_of(words: list[str]) -> str | None:
    """Gendered honorifics and titles ("Mrs.", "spokeswoman", "King") in a speaker phrase."""
    for word in words:
        low = word.lower().rstrip(".")
        if low in FEMALE:
            return "female"
        if low in MALE:
            return "male"
    return None


def add_alias(speaker: Speaker, alias: str) -> None:
    if "\n" in alias.strip():
        return  # a headline or dateline run into the phrase
    words = clean(alias).split()
    words = [w for w in (words[i] for i in _kept(words)) if any(c.isalnum() for c in w)]  # "** Norland"
    if all(w.lower() in _ASIDES for w in words):
        return  # "Later Wednesday": when, not who
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    alias = " ".join(words)
    if not any(is_capitalised(w) for w in words) or len(words) > 6:
        return  # "the report", "a spokesman", long descriptions: not names
    if alias and alias != speaker.name and alias not in speaker.aliases:
        speaker.aliases.append(alias)


def relayed_in(appositives: list[str]) -> str | None:
    """"while speaking to Kurdistan 24 on Wednesday" → "Kurdistan 24"."""
    for text in appositives:
        match = re.search(
            r"\b(?:speaking|talking|speaking exclusively|writing|in an interview|in remarks)\s+(?:to|with)\s+"
            r"((?:the\s+)?[A-Z0-9][\w’'.-]*(?:\s+[A-Z0-9][\w’'.-]*)*)",
            text,
        )
        if match:
            return clean(match.group(1))
    return None


def looks_organisation(words: list[str], lower_case_too: bool = False) -> bool:
    organisations = word_set("organisations")
    return any(
        w.lower().strip("()") in organisations for w in words if lower_case_too or is_capitalised(w)
    )


def _split_title(
    words: list[str], titles: dict[str, str], longest: int
) -> TitleSplit:
    """"Peshmerga Colonel Srood" → ("Colonel", "Peshmerga", ["Srood"])."""
    best: tuple[int, int, str] | None = None
    for i in range(len(words)):
        for n in range(min(longest, len(words) - i), 0, -1):
            candidate = " ".join(words[i : i + n]).lower()
            if candidate in titles:
                if best is None or i + n > best[1] or (i + n == best[1] and i < best[0]):
                    best = (i, i + n, titles[candidate])
                break
    owner = next((i for i, w in enumerate(words[:-1]) if w.endswith(("’s", "'s")) and is_capitalised(w)), None)
    if owner is not None and owner < len(words) - 1:
        # "Labour's Keir Starmer", "Carter's press secretary, Peter Cook": the owner is the affiliation.
        owned_title, owned_affiliation, owned_names = _split_title(words[owner + 1 :], titles, longest)
        return TitleSplit(owned_title, owned_affiliation or words[owner][:-2], owned_names)
    if best is None:
        names = _trailing_name(words)
        descriptive = words[: len(words) - len(names)]
        if names and descriptive and all(not is_capitalised(w) and any(c.isalpha() for c in w) for w in descriptive):
            return TitleSplit(" ".join(descriptive), None, names)  # "campaign chairman John Podesta"
        return TitleSplit(None, None, words if names == words else names or [])
    start, end, found_title = best
    title: str | None = None if found_title == "-" else found_title
    before, after = words[:start], words[end:]
    names = [w for w in after if _name_word(w) or w in ("al-", "bin", "de", "van", "von")]
    if not after and title and title[:1].islower() and before and all(w.islower() for w in before[-2:]):
        # "a police spokesman": the words before a lower-case title are part of it.
        title = " ".join([w for w in before if w.lower() not in DETERMINERS] + [title])
    if names != after or not names:
        # "a spokesman for the US-led coalition": a title with its organisation after it.
        if after and after[0].lower() in ("for", "of", "at", "with", "from"):
            rest = after[1:]
            named = _trailing_name(rest)
            if named and len(named) < len(rest) and rest[-len(named) - 1].islower() and _name_like(named, titles):
                # "director of corporate communications Dana Wells": the name closes the phrase.
                rest = rest[: -len(named)]
            else:
                named = []
            following = clean(re.sub(r"^(?:the|a|an)\s+", "", " ".join(rest), flags=re.I))
            return TitleSplit(title, following or None, named)
        return TitleSplit(title, None, _trailing_name(words[end:]))
    affiliation = " ".join(w for w in before if is_capitalised(w) or w[:1].isdigit()) or None
    lowercase_title = " ".join(w for w in before if not is_capitalised(w) and w.lower() not in DETERMINERS)
    if lowercase_title and title and title[:1].islower():
        title = f"{lowercase_title} {title}"
    return TitleSplit(title, affiliation, names)


def _surname(name: str) -> str:
    """The last word of a name without a joined particle: "Hadi Omar al-Rashid" → "Rashid"."""
    return re.sub(r"^[a-z]{1,3}-(?=[A-Z])", "", name.split()[-1])


def _name_word(word: str) -> bool:
    """A word of a name: capitalised, or a particle joined to one ("al-Hadi", "el-Amin")."""
    return is_capitalised(word) or re.match(r"^[a-z]{1,3}-[A-Z]", word) is not None


def _trailing_name(words: list[str]) -> list[str]:
    names: list[str] = []
    for word in reversed(words):
        if _name_word(word) or (names and word.lower() in ("de", "van", "von", "bin", "al")):
            names.insert(0, word)
        else:
            break
    return names


def _parse_appositive(text: str, titles: dict[str, str]) -> Role:
    """", a spokesman for the US-led coalition fighting IS," → ("spokesman", "US-led coalition")."""
    words = clean(text).split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    if not words or words[0].lower() in CLAUSE_BREAKS | {"who", "while", "speaking", "however"}:
        return Role(None, None)
    if len(words) == 1 and words[0][:1].isdigit():
        return Role(None, None)  # "Pell, 61,": an age
    relative = next((i for i, w in enumerate(words) if w.lower() in ("who", "whose", "whom", "which", "where")), None)
    if relative:
        words = words[:relative]  # "a shopkeeper whose store was destroyed": the role is before it
    # "the Ministry of Health's chief adviser": a capitalised owner is the affiliation.
    owner = next((i for i, w in enumerate(words[:8]) if w.endswith(("’s", "'s"))), None)
    affiliation = None
    if owner is not None and all(is_capitalised(w) or w in ("of", "for", "and", "the") for w in words[:owner]):
        affiliation = " ".join(words[: owner + 1])[:-2]
        words = words[owner + 1 :]
    # The title is the noun phrase up to "for"/"of"/"at"; the affiliation what follows, up to a
    # participle or relative clause that only describes it.
    cut = next((i for i, w in enumerate(words) if w.lower() in ("for", "of", "at", "with", "from")), None)
    head = words[:cut] if cut is not None else words
    possessive = next((i for i, w in enumerate(head) if w.endswith(("’s", "'s"))), None)
    if possessive is not None:
        affiliation = " ".join(head[: possessive + 1])[:-2]
        head = head[possessive + 1 :]
    head_text = " ".join(head)
    if not head or len(head) > 5 or (not any(w.lower() in titles for w in head) and len(head) > 3):
        return Role(None, affiliation)
    if cut is not None:
        tail = []
        for w in words[cut + 1 :]:
            if w.lower() in CLAUSE_BREAKS | {"who", "which", "that"} or (
                w.endswith("ing") and not is_capitalised(w)
            ) or w in (",", "(", ")"):
                break
            tail.append(w)
        tail_text = re.sub(r"^(?:the|a|an)\s+", "", " ".join(tail), flags=re.I)
        affiliation = affiliation or (tail_text or None)
    return Role(head_text, affiliation)
