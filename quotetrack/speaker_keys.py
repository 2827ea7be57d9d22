"""The keys a speaker's names are stored under, so that resolving a name reads only the few
speakers it could mean instead of re-reading every name on record.

A lookup is exact, not a shortcut: every rule of ``match.resolve_speaker`` and
``speaker_resolution.same_speaker`` that can join a name to a speaker needs the two to share one
of these keys, so the speakers found under the keys of a name are all those the rules could
pick (and some they will not); the rules then decide among them as before.

- ``n:`` a name or alias as written, case folded: exact names and aliases.
- ``f:`` its form, titles stripped (``match.strip_titles``): the same person with another rank.
- ``z:`` each word of the form and each word with one letter left out: a surname alone, a
  fuller name, and spelling variants ("Srood" and "Sirood" share "srood"), which is how
  rapidfuzz's comparison of forms reaches the speaker threshold.
- ``j:`` the form with its spaces removed: "Abu Bakr" and "Abubakr".
- ``s:`` its spelling key (``text.names.spelling_key``): "Defence Ministry", "Defense Ministry".
- ``t:`` the canonical name the terms table gives it: "CENTCOM" and "US Central Command".

The ``t:`` keys depend on the record's terms and the others on the shipped title lists, so the
store keeps the fingerprint of what they were computed with (``fingerprint``) and computes them
all again when it changes.
"""

from __future__ import annotations

import hashlib
import re
import weakref
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from .text.names import spelling_key

if TYPE_CHECKING:
    from .models import Speaker
    from .text import Normalizer

# Raised when what a key means changes, so that stored keys are computed again.
KEY_SCHEME = "2"  # 2: spelling keys fold "the", plurals and "Ministry of X"
# Words shorter than this get no one-letter-less variants: "al" would key half the record.
FUZZY_WORD = 4


@lru_cache(maxsize=65536)
def variants(name: str) -> tuple[str, ...]:
    """A name, without what it adds in brackets, and its acronym in them:
    "International Council of the Relief Federation (ICRF)" is also "International Council of the
    Relief Federation" and "ICRF"."""
    bare = " ".join(re.sub(r"\([^)]*\)", " ", name).split())
    initials = "".join(w[0] for w in bare.split() if w[:1].isupper() and w not in ("The", "Of", "And", "For"))
    # Only the name's own acronym: "Avell Times (AFP)" names the agency it took the story from.
    acronyms = [a for a in re.findall(r"\(([A-Z][A-Za-z&]{1,9})\)", name) if a.isupper() and _within(initials, a)]
    return tuple(dict.fromkeys([name, *([bare] if bare else []), *acronyms]))


def _within(initials: str, acronym: str) -> bool:
    """The name's initials spell its acronym, perhaps short of a word: "Flood Relief Agency" (FRA)
    in NFRA. "Avell Times (AFP)" credits another body: AT is not in AFP."""
    letters = iter(acronym)
    return len(initials) > 1 and all(c in letters for c in initials)


def exact_key(name: str) -> str:
    return "n:" + name.strip().casefold()


@lru_cache(maxsize=65536)
def _word_keys(word: str) -> tuple[str, ...]:
    if len(word) < FUZZY_WORD:
        return ("z:" + word,)
    return ("z:" + word, *("z:" + word[:i] + word[i + 1:] for i in range(len(word))))


def _form_keys(form: str) -> set[str]:
    if not form:
        return set()
    keys = {"f:" + form, "j:" + form.replace(" ", "")}
    for word in form.split():
        keys.update(_word_keys(word))
    return keys


def _term_keys(names: Iterable[str], normalizer: Normalizer) -> set[str]:
    from .match import canonical_term

    return {"t:" + term for name in names if (term := canonical_term(name, normalizer)) is not None}


def stored_keys(speaker: Speaker, normalizer: Normalizer) -> set[str]:
    """Every key a stored speaker is found under."""
    from .match import strip_titles

    keys: set[str] = set()
    for name in [speaker.name, *speaker.aliases]:
        for variant in variants(name):
            form = strip_titles(variant)
            keys |= {exact_key(variant), "s:" + spelling_key(variant)} | _form_keys(form)
            keys |= _term_keys([variant, form], normalizer)
    return keys


def resolve_keys(name: str, normalizer: Normalizer) -> set[str]:
    """The keys of the speakers ``match.resolve_speaker`` may score at all for ``name``."""
    from .match import strip_titles

    form = strip_titles(name)
    return {exact_key(name)} | _form_keys(form) | _term_keys([name, form], normalizer)


def same_speaker_keys(wanted: Speaker, normalizer: Normalizer) -> set[str]:
    """The keys of the speakers ``speaker_resolution.same_speaker`` may find to be ``wanted``:
    its name and variants, their forms, first and last words, spellings and terms, and the
    acronyms among its aliases."""
    from .match import strip_titles

    keys = {exact_key(wanted.name)} | {exact_key(a) for a in wanted.aliases}
    for variant in variants(wanted.name):
        form = strip_titles(variant)
        keys |= {exact_key(variant), "s:" + spelling_key(variant)} | _term_keys([variant], normalizer)
        if form:
            words = form.split()
            keys |= {"f:" + form, "z:" + words[0], "z:" + words[-1]}
    return keys


_FINGERPRINTS: weakref.WeakKeyDictionary[Normalizer, str] = weakref.WeakKeyDictionary()


def fingerprint(normalizer: Normalizer) -> str:
    """What the stored keys were computed with: the key scheme, the titles stripped from names and
    the terms the normaliser reads (shipped and the record's own)."""
    found = _FINGERPRINTS.get(normalizer)
    if found is None:
        from .match import speaker_titles

        digest = hashlib.sha256(KEY_SCHEME.encode())
        digest.update(repr(sorted(speaker_titles())).encode())  # sorted: their order varies by run
        digest.update(normalizer.terms_fingerprint().encode())
        found = _FINGERPRINTS[normalizer] = digest.hexdigest()[:32]
    return found
