"""Speakers: the phrase that names one (``Mention``) and its resolution to a ``Speaker``.

``Resolver`` remembers who has been named so far in the article, so a pronoun, a bare surname,
"the governor" or "the report" can be resolved to the speaker meant.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..models import Speaker
from ..text.names import complement_at, countries, descriptive_name, group_noun, national_body
from ..text.tokens import words
from .bodies import Bodies, country_named, describes, government_of, national_name
from .lexicon import (
    CLAIMING,
    CLAUSE_BREAKS,
    DATE_WORDS,
    DETERMINERS,
    FEMALE,
    MALE,
    PLURALS,
    PREPOSITIONS,
    cue_lexicon,
    pronoun_lexicon,
    title_lexicon,
    word_set,
)
from .phrases import ASIDES, Mention, kept, name_like, tidy
from .sentences import clean, is_capitalised

# What a body issues itself, so that its name is the body's: "a statement from Brightline".
_ISSUED = frozenset("statement release email e-mail letter filing announcement communique tweet post".split())


# Capitalised words that open a sentence before a document noun and own nothing: "But in a statement …".
_NOT_OWNERS = frozenset("but and or yet so while when if as after before because since although in on at for "
                        "with from by".split())


def _speaks_for_a_business(person: Speaker) -> bool:
    """"Brightline spokesman Rhys Abbot", "Brightline's chief executive": the affiliation is the company."""
    title = (person.title or "").lower()
    return bool(person.affiliation) and is_capitalised(person.affiliation or "") and (
        title.startswith("spokes") or any(w in title.split() for w in ("executive", "ceo", "officer", "chairman"))
    )


# Nouns for a business that "the …" stands for when one was named: "the company", "the tech firm".
_BUSINESS_NOUNS = frozenset(("company", "firm", "giant"))
# Determiners that set one described speaker apart from another ("some officials" and "other
# officials", "one resident" and "another resident"): the name keeps them, so the two stay apart.
_SETS_APART = frozenset(("some", "other", "another", "one"))


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


# Nouns after which a name is, in apposition, the body's ("news agency Norpress"); not "police", "party"
# or "court", after which a person's name may start a clause ("told police Jan Novak had …").
_BODY_NOUNS = "agency|group|network|coalition|alliance|movement|militia|union|front|broadcaster|newspaper"


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
        self.organisation_names = {org for _, org in self.organisations}  # looked up per mention
        self._names_too: dict[str, bool] = {}  # _a_name_too's answers
        self.bodies = Bodies(text)
        self._scan_documents(text)

    def _person_names(self, text: str) -> list[tuple[int, str]]:
        """Capitalised two- and three-word names in the copy, for resolving a bare surname."""
        titles, _ = title_lexicon()
        skip = DATE_WORDS | DETERMINERS | word_set("organisations") | CLAUSE_BREAKS | word_set("place_words")
        names = []
        for run in re.finditer(r"\b[A-Z][a-z’'-]+(?:(?:[ \t]+[A-Z]\.)?[ \t]+[A-Z][a-z’'-]+)+\b", text):
            # "Farmers Union Chair Ana Lindqvist": the name is the words after the last title or body.
            words = list(re.finditer(r"\S+", run.group(0)))
            cut = max((i + 1 for i, w in enumerate(words)
                       if w.group(0).lower().rstrip(".") in skip or w.group(0).lower() in titles), default=0)
            if cut and cut < len(words) and words[cut].group(0).endswith("."):
                cut += 1
            kept = words[cut:]
            if not 2 <= len(kept) <= 3 and not (cut == 0 and len(kept) > 3):
                continue
            kept = kept[:3] if cut == 0 else kept
            if kept[-1].group(0).endswith(("’s", "'s")) or len(kept) > 3:
                continue  # "Jund Avell’s fighters": an owner, not someone speaking
            start = run.start() + kept[0].start()
            names.append((start, text[start : run.start() + kept[-1].end()]))
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
        # "official news agency Norpress", "the rebel group Jund Avell": a name after a body noun is a body's.
        for match in re.finditer(rf"\b(?:{_BODY_NOUNS})\s+([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,3}})", text):
            found.append((match.start(1), match.group(1)))
        return found

    def _scan_documents(self, text: str) -> None:
        nouns = sorted(word_set("documents"), key=len, reverse=True)
        pattern = re.compile(
            r"\b(?:(?P<owner>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,5})(?:’s|'s)?\s+)?(?:[a-z-]+\s+){0,3}?"
            rf"(?P<noun>{'|'.join(re.escape(n) for n in nouns)})\b"
            r"(?P<rest>(?:(?!\s+according\s+to\b)[^.;:“”\"]){0,160})"  # "…, according to" credits another
        )
        for match in pattern.finditer(text):
            org = None
            by = re.search(
                r"\b(?:by|from|of)\s+(?:the\s+)?((?:[A-Z][\w’'-]*|\([A-Z]+\))(?:\s+(?:of|and|for|on|the)?\s*(?:[A-Z][\w’'-]*|\([A-Z]+\)))*)",
                match.group("rest"),
            )
            relayed = by is not None and re.search(
                r"\b(?:tweeted|retweeted|shared|posted|obtained|seen|quoted|cited|carried|broadcast|aired)\s+(?:\w+\s+)?$",
                match.group("rest")[: by.start()])
            if by and relayed:
                org = None  # "the statement tweeted by WCNC-TV": who passed it on, not whose it is
            elif by:
                org = by.group(1)
                following = match.group("rest")[by.end(1):].split()[:1]
                if following and following[0].strip(",.") in word_set("speaker_nouns"):
                    org = f"{org} {following[0].strip(',.')}"  # "by Norlandic prosecutors", not "Norlandic"
            elif match.group("owner") and match.group("owner").split()[0] not in ("The", "A", "An") and (
                match.group("owner").split()[0].lower() not in ASIDES | {"according", "including"} | _NOT_OWNERS
            ):
                org = match.group("owner")
            if not org:
                continue
            speaker = self._document(clean(org), match.group("noun"), match.group(0))
            self.documents.append((match.start(), match.group("noun").lower(), speaker))

    def _document(self, org: str, noun: str, phrase: str) -> Speaker:
        acronym = re.search(r"\(([A-Z][A-Za-z&]{1,9})\)", org)
        org = " ".join(national_name(clean(re.sub(r"\s*\([^)]*\)", "", org)).split()))
        if org in countries():
            org = government_of(countries()[org])  # "the Norland report" is its government's
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
            tidied = tidy(mention, self.text)
            if tidied is None:
                return None
            if tidied.head.lower() in pronouns:
                return self.resolve(tidied)  # "He then said"
            return self._named(tidied)
        if lower in pronouns:
            if mention.antecedent is not None:
                found = self.resolve(_agent_of(mention.antecedent))
                return Resolved(found.speaker, found.confidence - 0.05) if found else None
            wanted = pronouns[lower]
            # "she" never stands for a speaker known to be a man, nor "he" for a woman.
            unwanted = {"he": "female", "she": "male"}.get(lower)
            subject = self._subject_since(mention.head_start) if lower in ("he", "she") else None
            if subject is not None and self.gender.get(id(subject)) != unwanted:
                # "“…,” Lin said. Novak dismissed her. “…,” he said": the one the copy has just
                # told of, not the one quoted last.
                self.gender[id(subject)] = "male" if lower == "he" else "female"
                self._remember(mention.head_start, subject)
                return Resolved(subject, 0.8)
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
                if lower in ("he", "she") and (not _may_be_a_person(speaker) or _many(speaker)):
                    continue  # "the attack showed … “…,” he said": not the attack, nor "Authorities"
                if speaker.kind in wanted and (unwanted is None or self.gender.get(id(speaker)) != unwanted):
                    if lower in ("he", "she"):
                        self.gender[id(speaker)] = "male" if lower == "he" else "female"
                    return Resolved(speaker, 0.85)
            if "person" in wanted:
                people = [(offset, name) for offset, name in self.names if offset < mention.head_start]
                named = self._person_opening_before(mention.head_start)
                if named is not None and (not people or people[-1][0] < named[0]):
                    # "Daro was carrying the youngest. “…,” he asked": the one the sentence
                    # before is about, nearer than the last full name in the copy.
                    return Resolved(self._person(named[1], [], mention.head_start), 0.6)
                if people:
                    return Resolved(self._person(people[-1][1], [], mention.head_start), 0.6)
            if "organisation" in wanted:
                # Nobody credited yet: the organisation last named in the copy.
                earlier = [name for offset, name in self.organisations if offset < mention.head_start]
                if earlier:
                    return Resolved(self._unique(Speaker(name=earlier[-1], kind="organisation")), 0.55)
            return None
        return self._named(mention)

    def _named(self, mention: Mention) -> Resolved | None:
        words = clean(mention.head).split()
        apart = None  # "some officials … other officials", "one resident … another resident"
        while words and words[0].lower() in DETERMINERS:
            apart = words[0].lower() if words[0].lower() in _SETS_APART else apart
            words = words[1:]
        while len(words) > 1 and (describes(words[0]) or (words[0][:1].islower() and words[0].endswith(("’s", "'s")))) \
                and any(is_capitalised(w) for w in words[1:]):
            # "the armed Jund group", "the rebel-run Avell Radio", "the country's Electoral Commission":
            # not the name
            words = words[1:]
        if not words:
            return None
        words = national_name(words)  # "Norland's military" is the Norlandic military
        phrase = " ".join(words)
        country = country_named(phrase)
        if country is not None and not self._a_name_too(phrase):
            # "Norland on Tuesday revised its toll": a country speaks through its government.
            speaker = self._unique(Speaker(name=government_of(country), kind="organisation"))
            add_alias(speaker, phrase)
            self._remember(mention.head_start, speaker)
            return Resolved(speaker, 0.8)
        if national_body(words):
            speaker = self._unique(Speaker(name=phrase, kind="organisation"))
            add_alias(speaker, clean(mention.head))
            self._remember(mention.head_start, speaker)
            return Resolved(speaker, 0.85)
        documents = word_set("documents")
        noun = next((w.lower() for w in reversed(words) if w.lower() in documents), None)
        complement = complement_at(words)
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
            body = self.bodies.institution(words[:-1], mention.head_start) if words[-1].lower() == noun else None
            by = next((i for i, w in enumerate(words) if w.lower() in ("by", "from") and i > 0
                       and words[i - 1].lower() in (noun, "released", "published", "issued")), None)
            if body is None and by is not None:
                # "a report released by the health ministry": the ministry's report.
                issuer = [w for w in words[by + 1:] if w.lower() not in DETERMINERS]
                body = self.bodies.institution(issuer, mention.head_start) if issuer else None
            if words[-1].lower() == noun and len(words) > 1 and words[-2] in countries():
                body = government_of(countries()[words[-2]])  # "an official Norlandic statement"
            # "a government report": the report of the government the article is about.
            speaker = self._document(body, noun, phrase) if body else self._unique(
                Speaker(name=phrase, title=noun, kind="document"))
            self._remember(mention.head_start, speaker)
            return Resolved(speaker, 0.6)
        titles, longest = title_lexicon()
        title, affiliation, name_words = _split_title(words, titles, longest)
        if any(words[i - 1].lower() in CLAIMING and words[i : i + 2] == ["to", "be"] for i in range(1, len(words))):
            title, affiliation, name_words = None, None, []  # "a man purporting to be a spokesman" is none
        before_name = words[-len(name_words) - 1] if name_words and len(name_words) < len(words) else ""
        named_body = before_name.islower() and before_name in word_set("organisations")
        if named_body:
            title, affiliation = None, None  # "official news agency Norpress", "rebel group Jund Avell": a body
        group = complement == 1 and group_noun(words[0])  # "Organisers of the rally against Mayor Jo Lin"
        if complement is not None and name_words and name_words == words[len(words) - len(name_words):] and (
            len(name_words) < len(words) - complement
        ) and (group or words[-len(name_words) - 1].lower() in PREPOSITIONS | DETERMINERS | {"led", "backed", "run",
                                                                                            "based"}):
            # "local officials in Port Avell", "the alliance fighting … in Norland", "the coalition led by
            # Norland": the name ends a phrase that only describes the speaker; it is not theirs.
            name_words = []
            title = title if title and title.lower() in (w.lower() for w in words[:complement]) else None
            affiliation = None if group else affiliation
            further = next((i for i in range(complement + 2, len(words)) if words[i].lower() in PREPOSITIONS), None)
            if group and further is not None:
                phrase = " ".join(words[:further])  # "Organisers of the rally", not what the rally was against
        appositives = mention.appositives
        in_apposition = None if name_words else next((a for a in appositives if name_like(a.split(), titles)), None)
        if in_apposition is not None:
            # "A police spokesman, Jan Novak, said": the description is the title, the aside the name.
            name_words = in_apposition.split()
            appositives = [a for a in appositives if a is not in_apposition]
            phrase = " ".join(name_words)
        for appositive in appositives:
            a_title, a_affiliation = _parse_appositive(appositive, titles)
            title = title or a_title
            affiliation = affiliation or a_affiliation
        body = None if name_words or mention.body else self.bodies.institution(words, mention.head_start)
        if body is not None:
            # "the ministry", "the government": the body the article named, or its country's.
            speaker = self._unique(Speaker(name=body, kind="organisation"))
            self._remember(mention.head_start, speaker)
            return Resolved(speaker, 0.8)
        owner_word = clean(mention.head).split()[0].lower()
        if not name_words and owner_word in ("his", "her") and len(words) == 1 and words[0].islower() and (
            words[0] in word_set("organisations") or words[0] in word_set("speaker_nouns")
        ):
            # "Jan Novak said … his office said", "his allies claim": the office or the allies of the
            # last person heard ("her" not a man).
            unwanted = "male" if owner_word == "her" else "female"
            people = [s for _, s in reversed(self.history) if s.kind == "person" and " " in s.name and (
                self.gender.get(id(s)) != unwanted)]
            # "President Lin condemned it, his office said": the one the sentence names comes first.
            sentence = re.split(r"[.!?]\s", self.text[: mention.head_start])[-1]
            in_sentence = [s for s in people if re.search(rf"\b{re.escape(s.name.split()[-1])}\b", sentence)]
            heard = next(iter(in_sentence + people), None)
            if heard is not None:
                speaker = self._unique(Speaker(name=f"{heard.name}'s {words[0]}", kind="organisation"))
                self._remember(mention.head_start, speaker)
                return Resolved(speaker, 0.75)
        if not name_words and len(words) == 1 and words[0].islower() and words[0] in word_set("organisations"):
            # "the agency" after "the National Health Agency": the body named earlier.
            named = [org for offset, org in self.organisations if offset < mention.head_start]
            same = [org for org in named if org.split()[-1].lower() == words[0]]
            if same:
                speaker = self._unique(Speaker(name=same[-1], kind="organisation"))
                self._remember(mention.head_start, speaker)
                return Resolved(speaker, 0.8)
        definite = clean(mention.head).split()[0].lower() == "the"
        # A headline drops "the" ("Steel firm says 500 jobs will go"): its business is the one the
        # article goes on to name first.
        headline = "\n" in self.text and mention.head_start < self.text.index("\n")
        if (definite or headline) and len(words) <= 3 and words[-1].lower() in _BUSINESS_NOUNS and all(
            w.islower() or (w.isupper() and len(w) <= 3) or (headline and i == 0)
            for i, w in enumerate(words[:-1])
        ):
            # "Brightline said … the company said", "the tech firm", "the IT company": the business
            # last heard, when one was; else the one the copy has just told of.
            business = next((s for _, s in reversed(self.history) if (
                s.kind == "organisation" or s.kind == "document" and s.title in _ISSUED
                or s.kind == "person" and _speaks_for_a_business(s)
            ) and not descriptive_name(s.affiliation if s.kind == "person" and s.affiliation else s.name)), None)
            if business is None and headline:
                business = next((self._unique(Speaker(name=org, kind="organisation"))
                                 for offset, org in self.organisations
                                 if offset > mention.head_start and not descriptive_name(org)), None)
            if business is None:
                opener = self._body_opening_before(mention.head_start)
                business = self._unique(Speaker(name=opener, kind="organisation")) if opener else None
                if business is not None:
                    business.kind = "organisation"  # "Brightline said …": a one-word name read as a person's
                    for acronym in (a for a, full in self.acronyms.items() if full == opener):
                        add_alias(business, acronym)
            if business is not None and business.kind != "organisation":
                # "an emailed statement from Brightline", "Brightline spokesman Rhys Abbot said … the
                # company": the company is the one that issued it, or the one its spokesman speaks for.
                body = business.affiliation if business.kind == "person" and business.affiliation else business.name
                business = self._unique(Speaker(name=body, kind="organisation"))
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
            if complement is not None and complement > 1 and words[complement].islower() and (
                words[complement].endswith("ing")
            ):
                # "the Avell-backed alliance fighting the rebels in Norland": the Avell-backed alliance
                # (a bare "alliance" keeps what it does, or nothing would tell it apart).
                name = " ".join(words[:complement])
            owner = self.bodies.owner_before(mention.head_start, self.history) if title and (
                clean(mention.head).split()[0].lower() in ("its", "their")
            ) else None
            if owner is not None:
                # "Norland denied it. Its defence minister said": the Norlandic defence minister.
                name, affiliation = f"{owner} {name}", affiliation or owner
            kind = "person" if title else ("organisation" if looks_organisation(words, True) else "person")
            if apart is not None and owner is None:
                # "Some district officials put the toll at 900. Other district officials …": two groups
                # (or two people) the copy sets apart, kept apart by the word that does it.
                name = f"{apart} {name}"
            elif definite and owner is None:
                # "One resident said … the resident said": the one set apart before.
                name = next((s.name for _, s in reversed(self.history)
                             if s.name.split()[0] in _SETS_APART and s.name.split(" ", 1)[1] == name), name)
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
        # "The Brotherhood", "The Courier": a person is not named with "the" before one capitalised word.
        the_one = len(name_words) == 1 and not title and clean(mention.head).split()[0] == "The"
        named_body = named_body or name in self.organisation_names
        if mention.body or looks_organisation(name_words) or is_acronym or the_one or named_body:
            # "Norland's Supreme Court" holds its owner already: not "Norland Norland's …".
            owned = any(w.endswith(("’s", "'s")) for w in name_words)
            full_org = " ".join(affiliation.split() + name_words) if affiliation and not title and not owned else name
            national = None if full_org != name or is_acronym else self.bodies.national(name_words)
            speaker = self._unique(Speaker(name=national or full_org, kind="organisation"))
            if national:
                add_alias(speaker, full_org)
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

    def _a_name_too(self, word: str) -> bool:
        """"Chad" in an article that names Chad Ellison: a person's name, not only the country's.
        Not "Avell City", "Lake Avell" or a headline's "Avell Says …"."""
        # Read once per word: each reading searches the whole text.
        if word not in self._names_too:
            self._names_too[word] = self._reads_as_name(word)
        return self._names_too[word]

    def _reads_as_name(self, word: str) -> bool:
        titles, cues = title_lexicon().forms, cue_lexicon()
        not_names = word_set("organisations") | word_set("place_words") | PREPOSITIONS | DETERMINERS
        names = [name.split() for _, name in self.names if word in name.split()]
        names += [[word, m.group(1)] for m in re.finditer(rf"\b{re.escape(word)}\s+([A-Z][a-z’'-]+)", self.text)]
        for name in names:
            others = [re.sub(r"[’']s$", "", w).lower() for w in name if w != word]
            if others and not any(o in titles or o in not_names or o in cues for o in others):
                return True
        return False

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

    def _body_opening_before(self, offset: int) -> str | None:
        """The body whose name opens one of the sentences just before ``offset`` ("AVM is cutting
        jobs. … The company said"): an acronym (not a country's) or a name the copy gives one."""
        window = self.text[max(0, offset - 400) : offset]
        names = re.findall(r"(?:^|\n\s*|[.!?][\"”’]?\s+)((?:[A-Z][\w&@-]*\s+){0,3}[A-Z][\w&@-]*)", window)
        surnames = {n.split()[-1] for _, n in self.names}
        for name in reversed(names):
            if name in self.acronyms.values():
                return name
            known = self.by_name.get(name.lower())
            common = {w for list_ in ("documents", "claim_nouns", "speaker_nouns") for w in word_set(list_)}
            if known is not None and " " not in name and not known.title and name not in surnames and not (
                {name.lower(), name.lower().removesuffix("s")} & common
            ):
                return name  # "Brightline said …", one word, nobody's surname, no common noun ("Reports")
            if name.isupper() and 1 < len(name) <= 5 and name not in countries() and country_named(name) is None:
                return self.acronyms.get(name, name)
        return None

    def _person_opening_before(self, offset: int) -> tuple[int, str] | None:
        """A one-word name that opens a sentence of the paragraph before ``offset`` and is followed
        by a verb ("Daro was …", "Daro and his wife gathered …"), with its offset: named more
        than once in the copy, and no common, place, title or body word."""
        start = max(self.text.rfind("\n", 0, offset) + 1, offset - 600)
        common = DETERMINERS | DATE_WORDS | CLAUSE_BREAKS | PREPOSITIONS | word_set("organisations") | word_set(
            "place_words") | word_set("speaker_nouns") | word_set("stopwords") | frozenset(pronoun_lexicon()) | (
            frozenset(title_lexicon().forms))
        found = None
        opening = r"(?:^|[.!?][\"”’]?\s+)([A-Z][a-z’'-]+)\s+(?:was|is|had|has|and\s+(?:his|her)|[a-z]+ed)\b"
        for match in re.finditer(opening, self.text[start:offset]):
            word = match.group(1)
            if word.lower() in common or word in countries() or country_named(word) or word in self.acronyms:
                continue
            if len(re.findall(rf"\b{re.escape(word)}\b", self.text)) < 2:
                continue  # "Nothing happened": a name is named again
            found = (start + match.start(1), word)
        return found

    def _subject_since(self, offset: int) -> Speaker | None:
        """A person already heard whose name opens a sentence after the last statement and just
        before ``offset`` ("Novak dismissed her."), when the last one heard is somebody else."""
        if not self.history or offset - self.quiet_from > 400:
            return None
        last = self.history[-1][1]
        people = {s.name.split()[-1]: s for _, s in self.history if s.kind == "person" and s is not last}
        if not people:
            return None
        between = self.text[self.quiet_from : offset]
        openers = re.findall(r"(?:^\s*|[.!?][\"”’]?\s+)([A-Z][\w’'-]+)", between)
        return next((people[w] for w in reversed(openers) if w in people), None)

    def _remember(self, offset: int, speaker: Speaker) -> None:
        self.history.append((offset, speaker))


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


def _many(speaker: Speaker) -> bool:
    """The speaker is a group: "Authorities", "police", "officials", "residents" (not "Jan Novak")."""
    if speaker.kind == "person" and " " in speaker.name.strip():
        return False
    last = speaker.name.split()[-1].lower() if speaker.name.split() else ""
    return last in PLURALS or (last in word_set("speaker_nouns") and last.endswith("s") and not last.endswith("ss"))


def _may_be_a_person(speaker: Speaker) -> bool:
    """A name, a title or a word for people: what "he" or "she" can stand for."""
    words = speaker.name.split()
    return bool(speaker.title) or any(is_capitalised(w) for w in words) or (
        words[-1].lower() in word_set("speaker_nouns") or words[-1].lower() in PLURALS
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
    words = [w for w in (words[i] for i in kept(words)) if any(c.isalnum() for c in w)]  # "** Norland"
    if all(w.lower() in ASIDES for w in words):
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
    if owner is not None and words[owner][:-2].lower() in PLURALS:
        owner = None  # "the People's Courier", "the Children's Fund": a common noun's possessive is in the name
    if owner is not None and owner < len(words) - 1:
        # "Labour's Keir Starmer", "Carter's press secretary, Peter Cook": the owner is the affiliation.
        owned_title, owned_affiliation, owned_names = _split_title(words[owner + 1 :], titles, longest)
        return TitleSplit(owned_title, owned_affiliation or words[owner][:-2], owned_names)
    if best is None:
        names = _trailing_name(words)
        descriptive = words[: len(words) - len(names)]
        if names and descriptive and descriptive[0][:1].isupper() and any(
                w.lower() in ("in", "at", "from", "near") for w in descriptive):
            # "Laboratories in Varno and Norland": the name places the speakers, it is not theirs.
            return TitleSplit(None, None, [])
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
            if named and len(named) < len(rest) and rest[-len(named) - 1].islower() and name_like(named, titles):
                # "director of corporate communications Dana Wells": the name closes the phrase.
                rest = rest[: -len(named)]
            else:
                named = []
            following = clean(re.sub(r"^(?:the|a|an)\s+", "", " ".join(rest), flags=re.I))
            return TitleSplit(title, following or None, named)
        of = next((i for i, w in enumerate(after) if w in ("of", "for", "from")), None)
        if of and all(_name_word(w) for w in after[:of]) and after[of + 1 :]:
            # "Mayor Jane Roe of Avell": the name, then what she is mayor of.
            return TitleSplit(title, clean(re.sub(r"^(?:the)\s+", "", " ".join(after[of + 1 :]))), after[:of])
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
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        # "Marks & Spencer", "Varnel Holdings & Co": an ampersand between names is in the name.
        joined = word == "&" and names and i > 0 and _name_word(words[i - 1])
        if _name_word(word) or joined or (names and word.lower() in ("de", "van", "von", "bin", "al")):
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
    if all(w.lower() in ASIDES | word_set("sentence_adverbs") for w in words):
        return Role(None, None)  # "The group, meanwhile, said": an aside between commas, no title
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
