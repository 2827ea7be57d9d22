"""Who won: "Ana Lind won the election" and "Piet Berg was declared the winner" name two winners
of one contest, which cannot both be true. Read from the words alone (a name before "won the
election", "declared winner", "the new mayor is …"), so that a claim of victory meets the
official result in whatever words each side puts it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..text import fold
from ..text.names import title_lexicon

# Contests whose winner is one person or party; an election, a vote and a poll are one contest.
_CONTESTS = {
    "election": "election", "elections": "election", "vote": "election", "poll": "election",
    "polls": "election", "ballot": "election", "presidency": "election", "runoff": "election",
    "run-off": "election", "primary": "election", "primaries": "election", "race": "election",
    "referendum": "referendum", "case": "case", "lawsuit": "case", "trial": "case", "final": "final",
}
# A name as the copy writes it: one to three capitalised words.
_NAME = r"(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
_CONTEST = "(?P<contest>" + "|".join(sorted(map(re.escape, _CONTESTS), key=len, reverse=True)) + r")\b"
_OFFICES = r"(?:president|prime\s+minister|mayor|governor|leader)"


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    return (
        # "Lind won the election", "Lind had won the Norland elections", "Lind wins the vote"
        re.compile(_NAME + r"\s+(?:has\s+|had\s+|have\s+)?(?:won|wins|clinched|secured)\s+"
                   r"(?:(?:the|a|this|last|her|his|their|its)\s+)?(?:[\w'’-]+\s+){0,3}?" + _CONTEST),
        # "Lind was declared the winner", "Lind declared winner of the disputed election"
        re.compile(_NAME + r"\s+(?:(?:was|is|has\s+been|had\s+been|been)\s+)?(?:declared|named|proclaimed|"
                   r"confirmed)(?:\s+as)?\s+(?:the\s+)?(?:outright\s+|overall\s+)?(?:winner|victor)\b"
                   r"(?:\s+of\s+(?:[\w'’-]+\s+){0,4}?" + _CONTEST + ")?"),
        # "declaring Lind the winner of the run-off", "results showed Lind the winner": named the winner
        re.compile(_NAME + r"\s+(?:as\s+)?the\s+(?:outright\s+|overall\s+)?(?:winner|victor)\b"
                   r"(?:\s+of\s+(?:[\w'’-]+\s+){0,4}?" + _CONTEST + ")?"),
        # "the new mayor of Varno will be Ana Lind"
        re.compile(r"\b(?:next|new)\s+" + _OFFICES + r"(?:\s+of\s+[A-Z][\w'’-]+)?\s+(?:is|will\s+be)\s+" + _NAME),
    )


@dataclass(frozen=True)
class Winner:
    """A winner a statement names, with the contest it won and where that is said."""

    name: str  # as written, titles dropped ("Ana Lind")
    contest: str  # "election", "case" …
    start: int
    end: int
    year: str | None = None  # "the 2018 election"

    @property
    def surname(self) -> str:
        return fold(self.name.split()[-1])


def winners_of(text: str) -> tuple[Winner, ...]:
    """The winners ``text`` names."""
    titles = title_lexicon().forms
    found = []
    for pattern in _patterns():
        for match in pattern.finditer(text):
            words = match.group("who").split()
            while words and words[0].lower().rstrip(".") in titles:
                words = words[1:]  # "President Ana Lind", "Mr Lind"
            if not words or words[0].lower() in _NOT_NAMES:
                continue
            contest = match.groupdict().get("contest")
            year = re.search(r"\b(?:19|20)\d\d\b", match.group(0))
            found.append(Winner(" ".join(words), _CONTESTS.get((contest or "election").lower(), "election"),
                                match.start(), match.end(), year.group(0) if year else None))
    return tuple(found)


# Capitalised words that open a sentence but name nobody: "It won the vote", "Who won the race".
_NOT_NAMES = frozenset("it this that who which they we he she the a an".split())


def rival_winners(mine: tuple[Winner, ...], theirs: tuple[Winner, ...]) -> tuple[Winner, Winner] | None:
    """A winner in each statement of the same contest, and not the same person."""
    for one in mine:
        for other in theirs:
            if one.contest == other.contest and one.surname != other.surname and not (
                set(fold(one.name).split()) & set(fold(other.name).split())
            ) and (one.year is None or other.year is None or one.year == other.year):
                return one, other
    return None
