"""Which speaker on record a name stands for: one an editor typed, or one the extractor read.

An editor's name is looked up (name, alias, then the matcher); an extracted speaker joins a
speaker on record only on strong evidence (``same_speaker``), because one wrong merge moves a
whole outlet's statements under another speaker.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from . import store
from .errors import Ambiguous, NotFound, QuotetrackWarning
from .inputs import check_kind, clean_text
from .models import SPEAKER_KINDS, Speaker
from .speaker_keys import exact_key, resolve_keys, same_speaker_keys
from .speaker_keys import variants as _variants
from .store import Database
from .text.fold import without_invisible
from .text.names import descriptive_name, spelling_key

if TYPE_CHECKING:
    from .text import Normalizer


# Speakers to ask about by id in one query; more (every speaker, when the keys are stale) are
# asked about by their article alone.
MAX_LISTED = 500


def visible_name(name: str) -> str:
    """A name without the characters that show nothing (zero-width spaces, direction marks),
    which would make a second speaker that looks exactly like the first; a warning says so."""
    visible = without_invisible(name)
    if visible != name:
        warnings.warn(QuotetrackWarning(
            f"The name {name!r} holds characters that show nothing (zero-width or direction marks); "
            f"read as {visible!r}."), stacklevel=2)
    return visible


def find_speaker(db: Database, name: str) -> Speaker:
    """The one speaker a name or alias refers to; NotFound or Ambiguous otherwise."""
    name = visible_name(clean_text(name, "The speaker name"))
    if name.strip().isdecimal():
        return store.get_speaker(db, int(name))
    wanted = name.strip().casefold()
    # The name or alias as written first: most names given are, and those need no other key.
    exact = [s for s in _candidates(db, lambda: {exact_key(name)}) if wanted in _names(s)]
    if len(exact) == 1:
        return exact[0]
    speakers = _candidates(db, lambda: resolve_keys(name, db.normalizer))
    from .match import resolve_speaker  # the matcher (rapidfuzz) loads only when a name is resolved

    resolution = resolve_speaker(name, speakers, db.normalizer)
    if resolution.status == "match" and resolution.speaker_id is not None:
        return store.get_speaker(db, resolution.speaker_id)
    if resolution.status == "ambiguous" or len(exact) > 1:
        names = [f"{n} (id {i})" for i, n, _ in resolution.candidates] or [
            f"{s.name} (id {s.id})" for s in exact
        ]
        raise Ambiguous(
            f"{name!r} could be any of: {', '.join(names)}; give the full name or the id.",
            names,
        )
    raise NotFound(f"No speaker on record is called {name!r}; `quotetrack speakers` lists them.")


def _names(speaker: Speaker) -> set[str]:
    return {n.strip().casefold() for n in [speaker.name, *speaker.aliases]}


def speakers_named(db: Database, name: str) -> list[Speaker]:
    """The speakers whose own name is ``name`` (case aside), in the order of ``store.all_speakers``."""
    key = name.strip().casefold()
    return [s for s in _candidates(db, lambda: {exact_key(name)}) if s.name.casefold() == key]


def _candidates(db: Database, keys: Callable[[], set[str]]) -> list[Speaker]:
    """The speakers stored under any of ``keys``: every speaker the name rules could pick, in
    the order of ``store.all_speakers``. Until the record's keys are current (a read before
    the first write after an upgrade or a change of terms), every speaker."""
    if store.speaker_keys_current(db):
        return store.speakers_with_keys(db, sorted(keys()))
    return store.all_speakers(db)


def speaker_form(speaker: Speaker) -> tuple[object, ...]:
    """A speaker as given (name, kind, title, affiliation, aliases): within one transaction,
    ``speaker_for`` finds the same stored speaker for the same form once a statement is stored
    under it, so a batch may remember the answer instead of resolving the form again."""
    return (speaker.name, speaker.kind, speaker.title, speaker.affiliation, tuple(speaker.aliases))


def speaker_for(
    db: Database, wanted: Speaker, *, new_speaker: bool = False, speaker_id: int | None = None,
    source_id: int | None = None,
) -> Speaker:
    """The stored speaker a statement belongs to, created when the name is new.

    An existing speaker gains the name as an alias when it was written differently, so the
    next mention in that form resolves at once. ``source_id``: the speaker was read from that
    article by the extractor, not named by an editor, so it joins a speaker on record only on
    strong evidence (``same_speaker``), and one described without a name stays the article's own.
    """
    if speaker_id is not None:
        return store.get_speaker(db, speaker_id)
    wanted.name = visible_name(clean_text(wanted.name, "The speaker name")).strip()
    wanted.aliases = [alias for a in wanted.aliases if (alias := visible_name(a).strip())]
    wanted.name = clean_text(wanted.name, "The speaker name")  # nothing left once they are gone
    store.ensure_speaker_keys(db)
    check_kind(wanted.kind, SPEAKER_KINDS, "Speaker kind")
    if not new_speaker:
        if source_id is not None:
            found = _extracted_speaker(db, wanted, source_id)
        else:
            try:
                found = find_speaker(db, wanted.name)
            except NotFound:
                found = None
        if found is not None:
            assert found.id is not None
            added = [a for a in [wanted.name, *wanted.aliases] if store.insert_alias(db, found.id, a)]
            fill = {
                k: getattr(wanted, k) for k in ("title", "affiliation")
                if getattr(wanted, k) and not getattr(found, k)
                and (k != "title" or wanted.kind == found.kind)  # a report's title is no body's
            }
            if fill:
                store.update_speaker(db, found.id, fill)
            if added or fill:
                store.reindex_speaker(db, found.id)
                found = store.get_speaker(db, found.id)
            return found
    return store.insert_speaker(db, wanted)


def _extracted_speaker(db: Database, wanted: Speaker, source_id: int) -> Speaker | None:
    """The speaker on record an extracted speaker is, if the evidence is strong; else None.

    A wrong merge moves every later statement of that name under another speaker, so a description
    ("a senior official") is matched only within its article, a name only by ``same_speaker``;
    when several fit, the article's own, the one with the same title, the same name, or none."""
    speakers = _candidates(db, lambda: same_speaker_keys(wanted, db.normalizer))
    among = [s.id for s in speakers if s.id is not None]
    here = store.speaker_ids_in_source(db, source_id, among if len(among) <= MAX_LISTED else None)
    key = wanted.name.casefold()
    own = next((s for s in speakers if s.id in here and s.name.casefold() == key), None)
    if own is not None or descriptive_name(wanted.name):
        return own  # the same name in the same article is the same speaker
    # Strong evidence shares a word of the name or acronym, unless the terms table joins the names.
    termed, mine = any(db.normalizer.canonical(n) for n in [wanted.name, *wanted.aliases]), _name_words(wanted)
    found = [s for s in speakers if (termed or mine & _name_words(s)) and same_speaker(wanted, s, db.normalizer)]
    if len(found) > 1:
        found = ([s for s in found if s.id in here] or [s for s in found if _same_title(wanted, s)]
                 or [s for s in found if s.name == wanted.name])
    return found[0] if len(found) == 1 else None


def same_speaker(wanted: Speaker, known: Speaker, normalizer: Normalizer) -> bool:
    """Strong evidence that two speakers are one: the same name (a person's one-word name only
    with the same title: "Col. Srood" and "Peshmerga Colonel Srood"), the same full name once
    titles are set aside, or two names the terms table makes equal ("CENTCOM", "US Central Command").
    """
    from .match import strip_titles

    names = [v for n in [known.name, *known.aliases] if not descriptive_name(n) for v in _variants(n)]
    if not names:
        return False
    forms = {strip_titles(n) for n in names}
    for name in _variants(wanted.name):
        form = strip_titles(name)
        if len(form.split()) == 1 and (wanted.kind == "person" or known.kind == "person"):
            # A surname or single name: many people share one; the same title must go with it
            # (or, for the very same single name, no title that says otherwise).
            if form in {f.split()[-1] for f in forms if f} and _same_title(wanted, known):
                return True
            if form == strip_titles(known.name) and (not wanted.title or not known.title):
                return True
            continue
        if name.casefold() in {n.casefold() for n in names} or (form and form in forms):
            return True
        if wanted.kind == "person" and any(_fuller(form, f) or _fuller(f, form) for f in forms):
            return True
        if wanted.kind == "person" and _same_title(wanted, known) and any(_spelt_alike(form, f) for f in forms):
            return True  # "Ibrahim Obu Turan" and "Ibrahim Obba Turan", both a group's spokesman
        if wanted.kind != "person" and spelling_key(name) in {spelling_key(n) for n in names}:
            return True  # "Defence Ministry", "Defense Ministry": one body spelt two ways
        term = normalizer.canonical(name)
        if term is not None and any(normalizer.canonical(n) == term for n in names):
            return True
    # An acronym the article gave the name ("the Relief Federation (WRF)") is the same body's.
    acronyms = {a for a in wanted.aliases if a.isupper() and len(a) > 1}
    return wanted.kind != "person" and bool(acronyms & set(names))


def _name_words(speaker: Speaker) -> frozenset[str]:  # every word of its names, case folded
    return frozenset(word for name in [speaker.name, *speaker.aliases] for word in _words(name))


@lru_cache(maxsize=65536)
def _words(name: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", name.casefold()))


def _fuller(short: str, full: str) -> bool:
    """"issa dalo" in "karim issa dalo", "lena berg" in "lena m berg": the
    same surname and at least two words of a person's name, the rest a given name or initial."""
    a, b = short.split(), full.split()
    return len(a) >= 2 and len(b) > len(a) and a[-1] == b[-1] and set(a) <= set(b)


def _same_title(a: Speaker, b: Speaker) -> bool:
    """The same title, whatever its gender: "spokesman", "spokesperson", "spokeswoman"."""
    titles = [re.sub(r"(?:wo)?man$|person$", "", (s.title or "").casefold().split()[-1]) if s.title else ""
              for s in (a, b)]
    return bool(titles[0] and titles[0] == titles[1])


def _spelt_alike(a: str, b: str) -> bool:
    """Two spellings of one person's name: the same first and last word, the rest nearly alike."""
    from rapidfuzz import fuzz

    x, y = a.split(), b.split()
    return len(x) >= 3 and len(y) >= 3 and x[0] == y[0] and x[-1] == y[-1] and fuzz.ratio(a, b) >= 88
