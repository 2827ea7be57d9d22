"""The conflict rules' word lists: negation cues, denial verbs, opposites, equivalents, broader
terms and the things whose count is a floor. Each is read through ``quotetrack.text.lexicon`` once."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

from ..text import WEEKDAYS, Normalizer, default_normalizer, fold, lexicon, months, singular, stem
from ..text.numbers import vague_phrases


def _data_lines(name: str) -> list[str]:
    return lexicon.lines(name)


# How firmly a cue denies (``cue_strength``): a flat denial, a report that nothing is known of it
# ("no indications of", "not aware of"), or silence ("has not commented"), which only says that
# no claim was made.
FLAT, HEDGED, SILENCE = "flat", "hedged", "silence"
# Where a denial's reach ends: the sentence, or a clause joined by a contrasting word.
STRONG_BOUNDARY = frozenset({".", ";", "!", "?", "but", "while", "whereas", "although", "though", "however", "yet",
                             "because", "since"})


@cache
def negation_cues() -> tuple[tuple[str, ...], ...]:
    """Cue phrases as word tuples, longest first so "there were no" wins over "no"."""
    return tuple(sorted(cue_strength(), key=len, reverse=True))


@cache
def cue_strength() -> dict[tuple[str, ...], str]:
    """Every cue phrase (as words) -> FLAT, HEDGED or SILENCE."""
    cues = {tuple(fold(line).split()): FLAT for line in _data_lines("negation.txt")}
    cues |= {(verb,): FLAT for verb in denial_verbs()}
    cues |= {tuple(fold(line).split()): HEDGED for line in _data_lines("negation_hedged.txt")}
    cues |= {tuple(fold(line).split()): SILENCE for line in _data_lines("negation_silence.txt")}
    return cues


@cache
def silenced_claim() -> tuple[str, ...]:
    """What a silent party has not made, as content stems: a claim of responsibility."""
    return tuple(canon(token) for token in default_normalizer().tokens("claim responsibility"))


@cache
def incident_words() -> tuple[str, ...]:
    """The nouns that name an incident one can claim ("claimed the bombing"), as written."""
    return tuple(fold(line) for line in _data_lines("claimable_incidents.txt"))


@cache
def responsibility_verbs() -> tuple[str, ...]:
    """Verbs that claim what they take: "took responsibility" is "claimed responsibility"."""
    return tuple(fold(line) for line in _data_lines("responsibility_verbs.txt"))


@cache
def perpetration_verbs() -> tuple[str, ...]:
    """Verbs of doing an incident ("carried out"), longest first: saying one did it claims it."""
    return tuple(sorted((fold(line) for line in _data_lines("perpetration_verbs.txt")), key=len, reverse=True))


@cache
def report_nouns() -> frozenset[str]:
    """Stems of the claim nouns (claim_nouns.txt) but "claim" itself, which is the topic of a
    claim of responsibility: what a hedge about "the report" is not about."""
    normalizer = default_normalizer()
    stems = {canon(token) for line in _data_lines("claim_nouns.txt") for token in normalizer.tokens(line)}
    return frozenset(stems - set(silenced_claim()))


@cache
def claim_nouns() -> frozenset[str]:
    """Nouns for what someone claimed ("denied reports that …"), folded."""
    return frozenset(fold(line) for line in _data_lines("claim_nouns.txt"))


@cache
def generic_agents() -> frozenset[str]:
    """Stems of nouns that stand for whoever it was ("no group", "the group has not commented"):
    in a denial's scope they match any claimant, so they are left out of it."""
    normalizer = default_normalizer()
    return frozenset(canon(token) for line in _data_lines("generic_agents.txt") for token in normalizer.tokens(line))


@cache
def exceptions_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    return lexicon.by_first_word(_negation_exceptions(), _itself)


@cache
def denial_verbs() -> frozenset[str]:
    return frozenset(fold(line) for line in _data_lines("denial_verbs.txt"))


@lexicon.stored  # built through the normaliser: kept between runs
def not_topic_words() -> frozenset[str]:
    """Tokens that never make a claim's topic: negation cues and denial verbs (polarity is
    read separately) and vague quantity words (counts are compared separately)."""
    normalizer = default_normalizer()
    words = [" ".join(cue) for cue in negation_cues() if len(cue) == 1]
    words += list(denial_verbs())
    # Words that frame a claim without being its topic: "admitted that", "no immediate claim".
    words += _data_lines("frame_words.txt")
    # The words of the number reader's vague phrases ("several", "dozens of", "a handful of"),
    # not those of a phrase that names one figure ("half a dozen" is 6, compared as a count).
    words += [word for phrase, (low, high) in vague_phrases().items() if high != low for word in phrase]
    return frozenset(token for word in words for token in normalizer.tokens(word))


@cache
def cues_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    return lexicon.by_first_word(negation_cues(), _itself)  # longest first, kept in that order


def _itself(phrase: tuple[str, ...]) -> tuple[str, ...]:
    return phrase


@cache
def _negation_exceptions() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(line).split()) for line in _data_lines("negation_exceptions.txt"))


@lexicon.stored  # built through the normaliser: kept between runs
def opposite_stems() -> dict[str, set[str]]:
    """Stem -> stems of its opposites, both ways round."""
    pairs: dict[str, set[str]] = {}
    for left, right in _word_pairs("opposites.tsv"):
        pairs.setdefault(left, set()).add(right)
        pairs.setdefault(right, set()).add(left)
    return pairs


def _word_pairs(name: str) -> list[tuple[str, str]]:
    """The first two words of each line of a two-column list, as tokens made canonical;
    lines whose words are not one token each are left out."""
    normalizer = default_normalizer()
    out = []
    for line in _data_lines(name):
        left, right = (canon(_token(normalizer, word)) for word in line.split("\t")[:2])
        if left and right:
            out.append((left, right))
    return out


@lexicon.stored  # built through the normaliser: kept between runs
def _equivalents() -> dict[str, str]:
    """Token -> the token of its group's first word (data/equivalents.tsv)."""
    normalizer = default_normalizer()
    out: dict[str, str] = {}
    for line in _data_lines("equivalents.tsv"):
        tokens = [_token(normalizer, word) for word in line.split("\t")]
        canonical = tokens[0]
        for token in tokens[1:]:
            if token and canonical and token != canonical:
                out.setdefault(token, canonical)
    return out


@lexicon.stored  # built through the normaliser: kept between runs
def broader() -> dict[str, set[str]]:
    """Token -> tokens of the broader words that cover it, followed transitively."""
    direct: dict[str, set[str]] = {}
    for specific, general in _word_pairs("broader.tsv"):
        direct.setdefault(specific, set()).add(general)
    closed: dict[str, set[str]] = {}
    for token in direct:
        seen: set[str] = set()
        todo = list(direct[token])
        while todo:
            general = todo.pop()
            if general not in seen:
                seen.add(general)
                todo.extend(direct.get(general, ()))
        closed[token] = seen
    return closed


def _token(normalizer: Normalizer, word: str) -> str:
    tokens = normalizer.tokens(word.strip())
    return tokens[0] if len(tokens) == 1 else ""


def canon(token: str) -> str:
    return _equivalents().get(token, token)


@cache
def date_words() -> frozenset[str]:
    """Stems of month and weekday names: a date is compared as a date, not as a topic word."""
    words = [*months(), *WEEKDAYS, "today", "yesterday"]
    return frozenset(stem(fold(word)) for word in words) | frozenset(words)


# --- reading one statement -------------------------------------------------------------------


@lru_cache(maxsize=65536)
def word_stem(word: str) -> str:
    return canon(default_normalizer().stem(word))


@cache
def floor_things() -> frozenset[str]:
    """Things whose count is a floor for a toll ("bodies" for the killed): casualty_roles.tsv
    rows marked "floor", as the singular nouns quantities.py reads."""
    return frozenset(singular(row[0]) for row in lexicon.rows("casualty_roles") if len(row) > 2 and row[2] == "floor")



def covering(tokens: Sequence[str]) -> frozenset[str]:
    """The tokens and the broader words they imply: "a man" covers "a person"."""
    return frozenset(tokens) | {general for token in tokens for general in broader().get(token, ())}



@cache
def implied_states() -> dict[str, str]:
    """Folded noun -> the state that holding it implies ("gun" -> "armed"; implied_states.tsv)."""
    return {fold(noun): fold(row[0]) for row in lexicon.rows("implied_states") for noun in row[1:]
            if noun and not _is_phrase(noun)}


def _is_phrase(entry: str) -> bool:
    return " " in entry or "-" in entry


@cache
def state_phrases() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """First folded word -> (state, the phrase's folded words) for the phrases of several words
    (or one hyphenated) in implied_states.tsv that say a state wherever they stand ("hands up",
    "empty-handed" -> "unarmed")."""
    by_word: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for row in lexicon.rows("implied_states"):
        for phrase in row[1:]:
            if _is_phrase(phrase):
                words = tuple(fold(phrase).split())
                by_word.setdefault(words[0], []).append((fold(row[0]), words))
    return by_word


# The marks of act_states.tsv phrases: a gap of a few words of the clause, a longer gap in the
# sentence, and a verb joining a subject to its state.
GAP, LONG_GAP, BE = "*", "**", "BE"


@cache
def act_state_phrases() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(state, the phrase as stems and marks) for each phrase of act_states.tsv: how an account
    judges an act ("violated the laws of war": unlawful). The word after BE stays as written,
    folded: a state is an adjective ("was planned"), which a verb of the same stem is not
    ("has been planning")."""
    marks = {GAP, LONG_GAP, BE}
    found = []
    for row in lexicon.rows("act_states"):
        if row[0] == _ACT:
            continue
        for phrase in row[1:]:
            words = phrase.split()
            found.append((fold(row[0]), tuple(
                word if word in marks else fold(word) if n and words[n - 1] == BE else word_stem(fold(word))
                for n, word in enumerate(words))))
    return tuple(found)


_ACT = "ACT"  # the act_states.tsv row of nouns for an act beyond the incident nouns ("death")


@cache
def act_nouns() -> frozenset[str]:
    """Stems of the nouns that name an act a state is said of ("strike", "raid", "killing",
    "death"): incident_nouns.txt, claimable_incidents.txt and the ACT row of act_states.tsv."""
    words = set(lexicon.words("incident_nouns") | lexicon.words("claimable_incidents"))
    words.update(word for row in lexicon.rows("act_states") if row[0] == _ACT for word in row[1:])
    return frozenset(word_stem(fold(word)) for word in words if word and " " not in word)


@cache
def holding_words() -> frozenset[str]:
    """Words after which a thing is held ("had", "holding", "with"; holding_words.txt), folded."""
    return frozenset(fold(line) for line in _data_lines("holding_words.txt"))


@cache
def finding_verbs() -> frozenset[str]:
    """Verbs of finding a thing somewhere ("found", "recovered"; finding_verbs.txt), folded."""
    return frozenset(fold(line) for line in _data_lines("finding_verbs.txt"))


@cache
def copulas() -> frozenset[str]:
    """Verbs joining a subject to its state ("was", "remained"; copulas.txt), folded."""
    return frozenset(fold(line) for line in _data_lines("copulas.txt"))


@cache
def figure_denials() -> tuple[tuple[str, ...], ...]:
    """Phrases that call the figure before them false ("cannot be true", "exaggerated";
    figure_denials.txt), as folded words, longest first."""
    phrases = (tuple(fold(line).split()) for line in _data_lines("figure_denials.txt"))
    return tuple(sorted(phrases, key=len, reverse=True))


@cache
def figure_nouns() -> frozenset[str]:
    """Nouns naming a count ("figure", "toll"; figure_nouns.txt), folded and singular."""
    return frozenset(singular(fold(line)) for line in _data_lines("figure_nouns.txt"))
