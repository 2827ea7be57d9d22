"""Speaker names as text: titles, and whether a name says who it is or only describes.

Read by the extractor (who speaks in an article), by the record (which speaker on record a name
is) and by the conflict rules (whether two statements' speakers are known to be one); so it lives
here, below all three, not in any one of them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .function_words import DETERMINERS, PREPOSITIONS
from .lexicon import lines, pairs, rows, words


class Titles(NamedTuple):
    forms: dict[str, str]  # form (lower case) -> the title as shown: "col." -> "Colonel"
    longest: int  # the longest form, in words


@lru_cache(maxsize=65536)  # asked of every name on record for each extracted speaker
def spelling_key(name: str) -> str:
    """A body's name as outlets write it differently, folded to one, lower case: British and
    American spellings (data/spellings.tsv; -isation as -ization), "the" before it, a plural
    "s", and the order of "Ministry of X" and "X Ministry" (a department, office, bureau, agency,
    commission or authority likewise). "Defence Ministry", "the Ministry of Defense";
    "Haitian Communications Ministry", "Haitian Ministry of Communication" give one key each.
    A council is left as written: the Council of Europe is not the European Council."""
    table = pairs("spellings")
    folded = []
    for word in name.casefold().split():
        word = table.get(word, word)
        word = re.sub(r"isation(s?)$", r"ization\1", word)
        folded.append(word)
    key = " ".join(folded)
    key = re.sub(r"^the ", "", key)
    key = _HEAD_OF.sub(lambda m: f"{m['before']}{m['what']} {m['head']}", key)
    return " ".join(re.sub(r"(?<=[a-z]{4})s$", "", word) for word in key.split())


# "(Haitian) ministry of (the) communication(s)": the body's head noun, then what it is of.
_HEAD_OF = re.compile(
    r"^(?P<before>(?:\S+ )*?)(?P<head>ministry|department|office|bureau|agency|commission|authority) of (?:the )?"
    r"(?P<what>.+)$")


@lru_cache(maxsize=1)
def title_lexicon() -> Titles:
    """Title forms (lower case) to the title as it should be shown, and the longest in words."""
    titles: dict[str, str] = {}
    for line in lines("titles.txt"):
        form, _, full = line.partition("=")
        form, full = form.strip(), (full.strip() or form.strip())
        titles.setdefault(form.lower(), full)
    return Titles(titles, max(len(t.split()) for t in titles))


@lru_cache(maxsize=65536)  # asked of every name on record for each extracted speaker
def descriptive_name(name: str) -> bool:
    """A speaker named only by a description ("a senior official", "Norland officials", "police
    spokesman", "Witnesses", "the company"): no proper name says which one it is, so two of them
    in different articles are not known to be the same speaker."""
    parts = re.sub(r"\([^)]*\)", " ", name).split()
    while parts and parts[0].lower() in DETERMINERS:
        parts = parts[1:]
    cut = complement_at(parts)
    parts = parts[:cut]  # "officials in Port Avell": the officials are not named
    if not parts:
        return True
    last = parts[-1].strip(",.’'")
    if national_body(parts):
        return False  # "Norlandic government": the one body, whichever article names it
    if not any(part[:1].isupper() or part[:1].isdigit() for part in re.split(r"[-/@.]", last)):
        return True  # the head noun is a common noun
    return len(parts) == 1 and (last.lower() in words("speaker_nouns") or last.lower() in title_lexicon().forms)


def group_noun(word: str) -> bool:
    """"Organisers", "supporters", "residents", "lawyers": a plural noun for people by what they
    do, which no single named person is the title of ("Supporters of Anna Berg" are not her)."""
    return word.isalpha() and len(word) > 5 and word.lower().endswith(_GROUP_ENDINGS)


_GROUP_ENDINGS = ("ers", "ors", "ists", "ents", "ants", "ians", "ives")


def complement_at(parts: list[str]) -> int | None:
    """Where a phrase that describes a common noun begins: "officials | in Port Avell", "the coalition |
    led by Norland", "alliance | fighting …". None when the phrase has no such part."""
    for i in range(1, len(parts)):
        word, before = parts[i].lower(), parts[i - 1]
        named_by_role = before.lower() in words("speaker_nouns") or group_noun(before)
        common = not before[:1].isupper() or (i == 1 and named_by_role)
        if not common or before.lower() in DETERMINERS or before.lower().endswith("ed"):
            continue  # "passed by Senator Kim Park": the agent of a participle is the one meant
        if word in PREPOSITIONS or word in ("led", "backed", "based", "run") or (
            parts[i].islower() and word.endswith("ing") and len(word) > 5
        ):
            return i
    return None


class Country(NamedTuple):
    name: str  # "Mexico"
    adjective: str  # "Mexican": what an editor writes before "government"
    names: tuple[str, ...]  # every way of writing it, names and adjectives, as in data/countries.tsv
    capital: str  # "" when none is listed


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Each way of writing a country (data/countries.tsv), as written, to the country."""
    table: dict[str, Country] = {}
    for row in rows("countries"):
        name, adjective = row[0], row[1]
        others = [form.strip() for form in row[2].split(",")] if len(row) > 2 and row[2] else []
        capital = row[3] if len(row) > 3 else ""
        country = Country(name, adjective, tuple(dict.fromkeys([name, adjective, *others])), capital)
        for form in country.names:
            table.setdefault(form, country)
    return table


@lru_cache(maxsize=1)
def capitals() -> dict[str, Country]:
    """Each capital (data/countries.tsv) to its country: "Avell City said" speaks for its government."""
    table: dict[str, Country] = {}
    for country in countries().values():
        if country.capital:
            table.setdefault(country.capital, country)
    return table


def institution_nouns() -> frozenset[str]:
    """"government", "ministry", "armed forces": bodies a country has one of (data/institutions.txt)."""
    return words("institutions")


def national_body(parts: list[str]) -> bool:
    """"Norlandic military", "Norlandic interior ministry": a country's institution, named for it."""
    phrase = " ".join(parts).lower()
    return len(parts) > 1 and any(" ".join(parts[:n]) in countries() for n in (1, 2, 3)) and any(
        phrase.endswith(" " + noun) for noun in institution_nouns()
    )
