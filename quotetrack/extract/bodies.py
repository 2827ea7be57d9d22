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
from functools import lru_cache

from ..text.lexicon import words as word_list
from ..text.names import Country, capitals, countries, institution_nouns

_POSSESSIVE = r"(?:’s|'s)"
_CAPITALISED = r"[A-Z][\w’'-]*"


@lru_cache(maxsize=1)
def _every_form() -> dict[str, Country]:
    """Countries and capitals as written, and in capitals as a dateline writes them ("AVELL CITY -")."""
    forms = {**capitals(), **countries()}
    return {**{form.upper(): country for form, country in forms.items()}, **forms}


@lru_cache(maxsize=1)
def _country_pattern() -> re.Pattern[str]:
    forms = sorted(_every_form(), key=len, reverse=True)  # "Papua New Guinea" before "Guinea"
    return re.compile(rf"(?<![\w-])(?:the\s+)?({'|'.join(re.escape(f) for f in forms)})(?![\w-])")


def country_named(phrase: str) -> Country | None:
    """The country a phrase names as a place ("Norland", "the United Norland", its capital), not
    by adjective."""
    phrase = re.sub(r"^(?:the|The)\s+", "", phrase.strip())
    country = countries().get(phrase) or capitals().get(phrase)
    if country is None or phrase == country.adjective and phrase != country.name:
        return None
    return country


def describes(word: str) -> bool:
    """"armed", "so-called", "rebel-run": a lower-case word that only describes the body or group
    named after it (data/descriptive_adjectives.txt, and compounds such as "state-owned")."""
    return word.islower() and (word in word_list("descriptive_adjectives") or re.search(
        r"\w-(?:run|owned|backed|led|held|controlled|aligned|affiliated|linked|funded|sponsored)$", word
    ) is not None)


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
        found = [(m.start(1), m.group(1)) for m in _country_pattern().finditer(text)
                 if not _named_place_before(text, m.start(1))]  # "Lake Norland" is a lake
        self.mentions = [(at, _every_form()[form]) for at, form in found]
        # A dateline ("AVELL CITY (Wire) -") says where the story is told from: it weighs as two mentions.
        self.datelines = [_every_form()[form] for _, form in found if form.isupper() and len(form) > 3]

    def main_country(self) -> Country | None:
        """The country the article is about: named at least twice, and twice as often as any other."""
        counts = Counter(country.name for country in [*(c for _, c in self.mentions), *self.datelines]).most_common(2)
        if not counts or counts[0][1] < 2 or len(counts) > 1 and counts[0][1] < 2 * counts[1][1]:
            return None
        return next(country for _, country in self.mentions if country.name == counts[0][0])

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
        if country is None:
            return None
        return f"{country.adjective} {phrase}"

    def _named_before(self, noun: str, qualifier: str, offset: int) -> str | None:
        """The last body named before ``offset`` with the same head noun and qualifier:
        "Norland's Defence Ministry", "the Norlandic government", "the government of Norland",
        "the Ministry of Water" (for a bare "ministry")."""
        head = "(?i:" + re.escape(noun).replace(r"\ ", r"\s+") + ")"
        # A bare "the ministry" is any ministry named: "Norland's Defence Ministry", "Norland's water
        # ministry"; "the government" only the government, not "Norland's new government".
        middle = (f"(?i:{re.escape(qualifier)})" if qualifier else rf"(?:{_CAPITALISED}\s+){{0,2}}"
                  + (r"(?:[a-z][\w-]*\s+)?" if noun == "ministry" else ""))
        forms = sorted(countries(), key=len, reverse=True)
        country = "|".join(re.escape(f) for f in forms)
        patterns = [
            rf"(?<![\w-])(?P<country>{country}){_POSSESSIVE}?\s+(?P<middle>{middle})\s*(?P<noun>{head})\b",
            rf"\b(?P<noun>{head})\s+of\s+(?:the\s+)?(?P<country>{country})(?![\w-])",
        ]
        if noun == "ministry" and not qualifier:
            patterns.append(rf"\b(?P<noun>(?i:ministry)\s+of\s+{_CAPITALISED}(?:\s+(?:and|of|for)\s+{_CAPITALISED})*)")
        found: list[tuple[int, str]] = []
        for pattern in patterns:
            for match in re.finditer(pattern, self.text[:offset]):
                groups = match.groupdict()
                name = " ".join(match.group("noun").split())
                if groups.get("country"):
                    owner = countries()[match.group("country")].adjective
                    name = " ".join([owner, *(groups.get("middle") or "").split(), name])
                elif noun == "ministry" and not qualifier and not name[:1].isupper():
                    continue
                found.append((match.start(), name))
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
