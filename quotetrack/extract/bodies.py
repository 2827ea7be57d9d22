"""Bodies a speaker phrase names without their full name, given the name an editor would use.

A country recorded as the speaker ("Norland on Tuesday revised its toll") is its government; "the
government", "the military" or "the ministry" said is the body the article named before with the
same head noun ("Norland's Defence Ministry", "the Ministry of Water"), or the one of the country
the article is about; "Norland's military" is the "Norlandic military". Two ministries named in one
article keep their own names: a bare "the ministry" is the one named last before it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property, lru_cache

from ..models import Speaker
from ..text.lexicon import words as word_list
from ..text.names import Country, capitals, countries, institution_nouns

_POSSESSIVE = r"(?:’s|'s)"
_CAPITALISED = r"[A-Z][\w’'-]*"


@lru_cache(maxsize=1)
def _every_form() -> dict[str, Country]:
    """Countries and capitals as written, and in capitals as a dateline writes them ("AVELL CITY -")."""
    forms = {**capitals(), **countries()}
    return {**{form.upper(): country for form, country in forms.items()}, **forms}


_WORD = re.compile(r"\w[\w'’.-]*")
_LONGEST = 5  # "Democratic Republic of the Congo"


def _country_mentions(text: str) -> list[tuple[int, str, Country]]:
    """(offset, form as written, country) of each country or capital named, the longest form first
    ("Papua New Guinea", not "Guinea"); "Norland’s" and "Norland." name Norland, "Norland-Avell" neither.
    Words are looked up rather than matched by one pattern of every form, which is slow to build."""
    forms = _every_form()
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    found: list[tuple[int, str, Country]] = []
    i = 0
    while i < len(words):
        if not words[i][2][:1].isupper():
            i += 1
            continue
        for k in range(min(_LONGEST, len(words) - i), 0, -1):
            run = words[i : i + k]
            if any(text[a[1] : b[0]] != " " for a, b in zip(run, run[1:], strict=False)):
                continue  # only words a single space apart make one name
            written = text[run[0][0] : run[-1][1]]
            form = next((f for f in (written, re.sub(r"(?:’s|'s|[.,])$", "", written)) if f in forms), None)
            if form is not None:
                found.append((run[0][0], form, forms[form]))
                i += k - 1
                break
        i += 1
    return found


def country_named(phrase: str) -> Country | None:
    """The country a phrase names as a place ("Norland", "the United Norland", its capital), not
    by adjective."""
    phrase = re.sub(r"^(?:the|The)\s+", "", phrase.strip())
    country = countries().get(phrase) or capitals().get(phrase)
    if country is None or phrase == country.adjective and phrase != country.name and not phrase.isupper():
        return None  # "Norlandic" is no place; "US" is both
    return country


def describes(word: str) -> bool:
    """"armed", "so-called", "rebel-run": a lower-case word that only describes the body or group
    named after it (data/descriptive_adjectives.txt, and compounds such as "state-owned")."""
    return word.islower() and (word in word_list("descriptive_adjectives") or re.search(
        r"\w-(?:run|owned|backed|led|held|controlled|aligned|affiliated|linked|funded|sponsored)$", word
    ) is not None)


@lru_cache(maxsize=64)
def _institution_patterns(noun: str, qualifier: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What follows a country's name when it owns the institution ("’s Defence Ministry", " government")
    and what comes before it ("the government of "). A bare "the ministry" is any ministry named
    ("Norland's Defence Ministry", "Norland's water ministry"); "the government" only the government,
    not "Norland's new government"."""
    head = "(?i:" + re.escape(noun).replace(r"\ ", r"\s+") + ")"
    middle = (f"(?i:{re.escape(qualifier)})" if qualifier else rf"(?:{_CAPITALISED}\s+){{0,2}}"
              + (r"(?:[a-z][\w-]*\s+)?" if noun == "ministry" else ""))
    return (re.compile(rf"{_POSSESSIVE}?\s+(?P<middle>{middle})\s*(?P<noun>{head})\b"),
            re.compile(rf"\b(?P<noun>{head})\s+of\s+(?:the\s+)?$"))


_MINISTRY_OF = re.compile(rf"\bMinistry\s+of\s+{_CAPITALISED}(?:\s+(?:and|of|for)\s+{_CAPITALISED})*")


def _named_place_before(text: str, at: int) -> bool:
    before = text[max(0, at - 20) : at].split()
    return bool(before) and before[-1].lower() in word_list("place_words")


def national_name(words: list[str]) -> list[str]:
    """"Norland's military", "the Norland government" → "Norlandic military", "Norlandic government":
    a country that owns an institution gives it its adjective, as an editor names it. Other
    phrases are returned as they are."""
    for n in (3, 2, 1):
        if len(words) <= n:
            continue
        owner = " ".join(words[:n])
        country = country_named(owner[:-2] if owner.endswith(("’s", "'s")) else owner)
        if country is None:
            continue
        rest = " ".join(words[n:]).lower()
        if any(rest == noun or rest.endswith(" " + noun) for noun in institution_nouns()):
            return [*country.adjective.split(), *words[n:]]
        return words
    return words


def government_of(country: Country) -> str:
    return f"{country.adjective} government"


class Bodies:
    """The countries one article mentions and where, for naming the bodies it mentions bare."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def mentions(self) -> list[tuple[int, str, Country]]:
        """(offset, form as written, country) of each country or capital named: read only when a
        bare institution or a country speaks, since most articles never ask."""
        return [(at, form, country) for at, form, country in _country_mentions(self.text)
                if not _named_place_before(self.text, at)]  # "Lake Norland" is a lake

    def main_country(self) -> Country | None:
        """The country the article is about: named at least twice, and twice as often as any other.
        A dateline ("AVELL CITY (Wire) -") says where the story is told from: it weighs as two."""
        counted = [country.name for _, form, country in self.mentions
                   for _ in range(2 if form.isupper() and len(form) > 3 else 1)]
        counts = Counter(counted).most_common(2)
        if not counts or counts[0][1] < 2 or len(counts) > 1 and counts[0][1] < 2 * counts[1][1]:
            return None
        return next(country for _, _, country in self.mentions if country.name == counts[0][0])

    def owner_before(self, offset: int, heard: list[tuple[int, Speaker]]) -> str | None:
        """Whose "its" or "their" is at ``offset``: the country named last before it (by its
        adjective), or the organisation last heard, whichever is nearer; None when neither is
        within the two sentences or so before it."""
        countries_before = [(at, country.adjective) for at, _, country in self.mentions if at < offset]
        bodies = [(at, s.name) for at, s in heard if at < offset and s.kind == "organisation"]
        nearest = max([*countries_before[-1:], *bodies[-1:]], default=None)
        return nearest[1] if nearest is not None and offset - nearest[0] < 300 else None

    def institution(self, words: list[str], offset: int) -> str | None:
        """The name of the body a bare institution ("government", "defence ministry") stands for at
        ``offset``, or None when the article does not say whose it is."""
        phrase = " ".join(words)
        noun = next((n for n in sorted(institution_nouns(), key=len, reverse=True)
                     if phrase.lower() == n or phrase.lower().endswith(" " + n)), None)
        if noun is None or any(w[:1].isupper() for w in words):
            return None  # not an institution, or already a name ("Defence Ministry" is read as one)
        qualifier = phrase[: len(phrase) - len(noun)].strip()
        if " " in qualifier:
            return None  # "the country's new military": a description, not the body's name
        named = self._named_before(noun, qualifier, offset)
        if named is not None:
            return named
        if noun == "ministry" and not qualifier:
            portfolio = self._portfolio_before(offset)
            if portfolio is not None:
                country = self.main_country()
                return f"{country.adjective} {portfolio}" if country else portfolio
        country = self.main_country()
        if country is None or qualifier and noun != "ministry":
            return None  # "local authorities", "regional government": not the country's own
        return f"{country.adjective} {phrase}"

    def national(self, words: list[str]) -> str | None:
        """"the Defence Ministry", "the Interior Ministry" in an article about one country: that
        country's ("Norlandic Defence Ministry"), as a bare "the ministry" is. None when the name
        says whose it is already, is no portfolio's institution, or the article is about no one
        country."""
        if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
            return None
        if words[-1].lower() not in institution_nouns() or any(country_named(w) for w in words):
            return None
        if any(w.lower() in _NOT_PORTFOLIOS for w in words):
            return None
        country = self.main_country()
        return f"{country.adjective} {' '.join(words)}" if country else None

    def _named_before(self, noun: str, qualifier: str, offset: int) -> str | None:
        """The last body named before ``offset`` with the same head noun and qualifier:
        "Norland's Defence Ministry", "the Norlandic government", "the government of Norland",
        "the Ministry of Water" (for a bare "ministry")."""
        after, of = _institution_patterns(noun, qualifier)
        found: list[tuple[int, str]] = []
        for at, form, country in self.mentions:
            if at >= offset or form not in countries():
                continue
            owned = after.match(self.text, at + len(form), offset)
            if owned:
                found.append((at, " ".join([country.adjective, *owned.group("middle").split(),
                                            *owned.group("noun").split()])))
            owner = of.search(self.text, max(0, at - 40), at)
            if owner:
                found.append((owner.start(), " ".join([country.adjective, *owner.group("noun").split()])))
        if noun == "ministry" and not qualifier:
            found += [(m.start(), " ".join(m.group(0).split())) for m in _MINISTRY_OF.finditer(self.text, 0, offset)]
        return max(found)[1] if found else None

    def _portfolio_before(self, offset: int) -> str | None:
        """"Water Minister Ana Lind", "the water minister" or "the Minister of Water" before a bare
        "the ministry": the ministry is the Water Ministry or the Ministry of Water (the last
        minister named with a portfolio)."""
        found: list[tuple[int, str]] = []
        for match in re.finditer(
            rf"\b({_CAPITALISED}(?:\s+and\s+{_CAPITALISED})?|(?<=[Tt]he\s)[a-z]+|(?<=’s\s|'s\s)[a-z]+)\s+[Mm]inister\b"
            rf"|\b[Mm]inister\s+of\s+({_CAPITALISED}(?:\s+(?:and|of)\s+{_CAPITALISED})*)",
            self.text[:offset],
        ):
            before, of = match.group(1), match.group(2)
            portfolio = before or of
            if portfolio in countries() or portfolio.lower() in _NOT_PORTFOLIOS:
                continue
            found.append((match.start(), f"{portfolio[:1].upper()}{portfolio[1:]} Ministry" if before
                          else f"Ministry of {portfolio}"))
        return found[-1][1] if found else None


# Words before "Minister" that are no portfolio: "Prime Minister", "Deputy Minister".
_NOT_PORTFOLIOS = frozenset("prime deputy former acting chief senior junior first the a cabinet state".split())
