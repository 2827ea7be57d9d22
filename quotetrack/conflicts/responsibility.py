"""Claims of responsibility in one wording: "claimed the attack", "took responsibility for it",
"said it carried out the attack" and "we carried out the attack" all read as "claimed
responsibility for the attack", and "denied carrying out" as "denied responsibility for", so
that a claim and its denial in two outlets' words share their topic words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from ..text import fold
from .lexicon import denial_verbs, incident_words, perpetration_verbs, responsibility_verbs

# The words after "claimed" that end the phrase of its object: "claimed the attack on the hotel".
_PHRASE_END = r"(?:[,.;:!?)]|$|\b(?:in|on|at|against|near|outside|inside|and|which|that|as|last|earlier|this)\b)"
_AUXILIARY = r"(?:had\s+|has\s+|have\s+)?"
# "carried out the attack" is the deed; "carrying explosives" is not: only the phrase implies
# responsibility (through "conduct" in broader.tsv), never "carry" alone.
_CARRIED_OUT = re.compile(r"\bcarr(?:y|ies|ied|ying)\s+out\b", re.I)


def _either(phrases: Iterable[str]) -> str:
    """A regex alternation of word phrases, longest first, any run of spaces between words."""
    ordered = sorted(phrases, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in ordered) + ")"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(took responsibility, said it did it, claimed an incident, the deed after a denial verb)."""
    deeds = _either(perpetration_verbs())
    taken = re.compile(rf"\b{_either(responsibility_verbs())}\s+(?:full\s+|sole\s+)?(?=responsibility\b)", re.I)
    # "said it carried out", "said they were behind", and "we carried out" opening a quote
    said = re.compile(
        rf"(\b(?:said|says|say|announced|stated|added)\s+(?:that\s+)?|^\s*|[\"“‘]\s*)(?:it|they|we)\s+{_AUXILIARY}{deeds}\b",
        re.I,
    )
    # "claimed [the, Saturday's …] attack" ending its phrase; "claimed the strike killed only
    # fighters" is a claim about the strike, not of it, and does not match
    claimed = re.compile(
        rf"\b(claim(?:s|ed|ing)?)(?=\s+(?:(?!that\b|of\b|to\b)[\w'’-]+\s+){{0,3}}?{_either(incident_words())}\b"
        rf"\s*{_PHRASE_END})",
        re.I,
    )
    # what a denial verb denies, when it is doing the deed: "carrying out", "that it was behind"
    denied = re.compile(rf"^\s*(?:that\s+)?(?:(?:it|they|he|she|we)\s+{_AUXILIARY})?{deeds}\b", re.I)
    return taken, said, claimed, denied


def in_one_wording(text: str) -> str:
    """``text`` with every claim of responsibility, and a denial of the deed, worded alike."""
    lower = text.lower()
    # The patterns are compiled only for a text that can hold them: most hold none of them.
    if "responsibility" in lower:
        text = _patterns()[0].sub("claimed ", text)
    if any(max(deed.split(), key=len) in lower for deed in perpetration_verbs()):  # most name no deed
        text = _patterns()[1].sub(r"\1claimed responsibility for", text)
        for verb in re.finditer(r"[\w']+", text):
            if fold(verb.group()) in denial_verbs():
                text = text[: verb.end()] + deed_denied(text[verb.end() :])
                break
    if "out" in lower:
        text = _CARRIED_OUT.sub("conducted", text)
    return _patterns()[2].sub(r"\1 responsibility for", text) if "claim" in lower else text


def deed_denied(denied: str) -> str:
    """What follows a denial verb, a deed ("carrying out the attack") read as responsibility."""
    return _patterns()[3].sub(" responsibility for", denied, count=1)
