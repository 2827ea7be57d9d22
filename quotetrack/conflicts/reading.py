"""One statement read once for every rule: its words, content stems, denial cues, counts and figures."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..text import Normalizer, Quantity, find_dates, fold, tokenize
from ..text.names import title_lexicon
from ..text.quantities import quantities_of
from ..text.tokens import NUMBER
from .lexicon import (
    FLAT,
    HEDGED,
    SILENCE,
    STRONG_BOUNDARY,
    canon,
    claim_nouns,
    covering,
    cue_strength,
    cues_by_first_word,
    date_words,
    denial_verbs,
    exceptions_by_first_word,
    figure_denials,
    finding_verbs,
    generic_agents,
    not_topic_words,
    opposite_stems,
    report_nouns,
    silenced_claim,
    word_stem,
)
from .responsibility import deed_denied, in_one_wording
from .states import NEGATING_PREFIXES, PREFIX_MIN_LENGTH, ActState, State, act_states, states_of
from .winners import Winner, winners_of

_NUMBER = re.compile(NUMBER)
# Where a denial's subject starts at the latest: "Police said [no one was killed]".
_SUBJECT_BOUNDARY = {",", "that", "which", "who", "said", "says", "say", "told", "added", "stated"}
_COORDINATORS = {"and", "or", "nor", ","}
# A relative clause between commas, or a source named after the claim: asides, not part of it.
_ASIDE = re.compile(
    r",\s*(?:(?:who|whom|whose|which)\b[^,;.]*,|(?:as\s+(?:reported|stated|said)\s+by|according\s+to)\b[^,;.]*)"
)
_PREFIX_HEADS = frozenset(prefix[:2] for prefix in NEGATING_PREFIXES)
# Where the thing after a finding verb ends: "did not find [a letter] at the scene".
_THING_END = frozenset({"at", "in", "on", "inside", "near", "of", "from", "by", "during", "when", "after", "before",
                        "that", "which", "and", "or", "but", ",", ".", ";", ":", "!", "?"})  # fmt: skip
# What one finds no sign of rather than a thing that was there ("found no evidence that …"):
# such a cue keeps the reach of a hedge, the claim after it.
_NOT_THINGS = frozenset({"evidence", "sign", "signs", "trace", "traces", "proof", "indication", "indications"})
# Nouns naming a denial: "did not issue a denial of the report" says no denial was made.
_DENIAL_NOUNS = frozenset({"denial", "denials"})
_AUXILIARIES = frozenset({"did", "do", "does", "could", "can", "would", "has", "have", "had"})
# Words between a thing and its finding verb: "no book was found", "no weapon has been recovered".
_PASSIVE = frozenset({"was", "were", "is", "are", "has", "have", "had", "been", "be", "being"})


@dataclass(frozen=True)
class Cue:
    text: str
    start: int  # character span in the statement
    end: int
    scope: tuple[str, ...]  # content stems the cue denies, in order: its clause
    cancelled: bool  # paired with another cue in its reach (double negation)
    strength: str = FLAT  # FLAT, HEDGED or SILENCE (lexicon.cue_strength)
    # A finding denied ("we did not find a letter"): its scope is the thing not found, and it is
    # hedged, since the finder says only that it was not there as far as they know.
    absent: bool = False
    # The first word it denies after itself ("identified" in "had not yet been identified"):
    # None for a denial verb, a silence or a thing not found, whose scope says what is denied.
    predicate: str | None = None
    # Stems of words the scope joins with "or" ("no fraud or tampering"): denying either or both,
    # it denies a claim of one of them.
    alternatives: frozenset[str] = frozenset()
    reach_end: int | None = None  # where the words it denies end (None: the statement's end)


@dataclass(frozen=True)
class DenialMade:
    """A denial a statement says was made, or not made: "the company firmly denies the report"."""

    noun: str  # stem of the claim noun denied ("report"), or "" for any
    made: bool  # False: "did not issue a denial of the report", "never denied the report"
    cue: Cue  # the denial verb, or the cue saying no denial was made
    denier: tuple[tuple[str, bool], ...]  # content stems of who denies, each with "names something"
    bare: bool = False  # what it denies is named by nothing but a claim noun and names ("the Ledger report")

    @property
    def blanket(self) -> bool:
        """A denial made of "the report" that says nothing of what it denies."""
        return self.made and bool(self.noun) and self.bare


@dataclass(frozen=True)
class Reading:
    text: str  # the statement as written
    words: tuple[tuple[str, int, int], ...]  # folded word, start, end
    sequence: tuple[str, ...]  # content stems in order
    content: dict[str, float]  # content stem -> weight (named things weigh double)
    covers: frozenset[str]  # the stems and every broader word they imply ("man" -> "person")
    cues: tuple[Cue, ...]
    quantities: tuple[Quantity, ...]
    figures: tuple[Any, ...]  # counts and other figures, see figures_of
    stems: dict[str, tuple[str, int, int]]  # stem of each word (stop words too) -> word, span
    spans: dict[str, tuple[int, int]]  # each folded word -> its span
    quote_words: tuple[str, ...]  # words as a reader compares quotes: case, punctuation, quote marks ignored
    bag: Counter[str]  # quote_words counted, for a cheap bound on word-for-word similarity
    named: frozenset[str]  # content stems that name something (weight 2)
    weight: float  # sum of content weights
    places: dict[str, tuple[int, ...]]  # each content stem -> its places in sequence
    opposable: tuple[tuple[str, str, int, int], ...]  # (stem, word, start, end) of words with opposites
    # Word -> the words here that are it with a negating prefix ("valid" -> ("invalid",)), in
    # the order of NEGATING_PREFIXES: read once, so a comparison looks words up, not prefixes.
    prefixed: dict[str, tuple[str, ...]]
    states: tuple[State, ...]  # states said of one person ("he was unarmed"; "had a gun": armed)
    acts: tuple[ActState, ...]  # how acts are judged ("the raid violated the laws of war": unlawful)
    disputed: tuple[tuple[Cue, Quantity], ...]  # counts called false, each with the cue that does it
    denials_made: tuple[DenialMade, ...]  # "firmly denies the report", "did not issue a denial of it"
    winners: tuple[Winner, ...] = ()  # who it says won what: "Ana Lind won the election"
    opening: str | None = None  # the token of a name that opens it ("Tamm received 52 percent")


def _content_sequence(text: str, normalizer: Normalizer) -> list[tuple[str, float]]:
    """Content stems of ``text`` in order with their weights; numbers and dates left out,
    because they are compared explicitly, never as topic words."""
    text = in_one_wording(text)  # before dates go: "claimed Tuesday's ambush"
    for mention in reversed(find_dates(text)):
        text = text[: mention.start] + " , " + text[mention.end :]
    skip = not_topic_words()
    return [
        (canon(token), 2.0 if named else 1.0)
        for token, named in normalizer.analyse(text)
        if not token[0].isdigit() and token not in date_words() and token not in skip
    ]


@lru_cache(maxsize=65536)
def read(text: str, normalizer: Normalizer) -> Reading:
    found = [(token.text, token.start, token.end) for token in tokenize(text)]
    words = tuple((fold(raw), start, end) for raw, start, end in found)
    quote_words = tuple(w for (w, _, _), (raw, _, _) in zip(words, found, strict=True) if raw[0].isalnum())
    cues = _find_cues(text, words, normalizer)
    masked = text
    for cue in reversed(cues):  # "take place" in "did not take place" is no topic word
        # A denial verb is no topic word either, and stays for what reads it: "denied carrying out".
        verb = cue.text.split()[0]
        start = cue.start + len(verb) if fold(verb) in denial_verbs() else cue.start
        masked = masked[:start] + " " * (cue.end - start) + masked[cue.end :]
    sequence = _content_sequence(masked, normalizer)
    if any(cue.strength == SILENCE for cue in cues):
        # What a silent party has not made is the statement's topic: a claim of responsibility.
        sequence += [(token, 1.0) for token in silenced_claim() if token not in dict(sequence)]
    quantities = quantities_of(text)
    stems = {word_stem(w): (w, start, end) for w, start, end in words if w[0].isalnum()}
    return Reading(
        text=text,
        words=words,
        sequence=tuple(token for token, _ in sequence),
        content=dict(sequence),
        covers=covering([token for token, _ in sequence]),
        cues=cues,
        quantities=quantities,
        figures=figures_of(text, quantities),
        stems=stems,
        spans={w: (start, end) for w, start, end in words if w[0].isalnum()},
        prefixed=_prefixed_words(words),
        quote_words=quote_words,
        bag=Counter(quote_words),
        named=frozenset(token for token, weight in sequence if weight == 2.0),
        weight=sum(dict(sequence).values()),
        places=places_of(tuple(token for token, _ in sequence)),
        opposable=tuple((stem_, *where) for stem_, where in stems.items() if stem_ in opposite_stems()),
        states=states_of(text, words, [cue.start for cue in cues if not cue.cancelled]),
        acts=act_states(text, words, [(cue.start, cue.strength == FLAT) for cue in cues if not cue.cancelled]),
        disputed=_disputed_counts(text, words, cues, quantities),
        denials_made=_denials_made(text, words, cues, normalizer),
        winners=winners_of(text),
        opening=_opening_name(text, sequence[0][0] if sequence else None, normalizer),
    )


def _opening_name(text: str, first: str | None, normalizer: Normalizer) -> str | None:
    """The first content token when the text opens with a word written with a capital that may
    be a name: the normaliser reads a capital that opens a sentence as nothing ("Tamm received
    52 percent" / "Brel received 47 percent" would be one claim), so it is read here. A word
    the lexicons know as a common one (a plural, a title, a body, a month, a number) is none."""
    found = re.match(r"[\W_]*([A-Z][a-z][\w'’-]*)\b", text)
    if found is None or first is None:
        return None
    word = found.group(1)
    folded = fold(word)
    if folded.endswith("s") or folded in _common_openers():
        return None
    return first if normalizer.stem(folded) == first else None


@lru_cache(maxsize=1)
def _common_openers() -> frozenset[str]:
    from ..text.lexicon import words as lexicon_words

    known: set[str] = set()
    for name in ("speaker_nouns", "generic_agents", "organisations", "institutions", "counted_people",
                 "counted_things", "counted_objects", "incident_nouns", "place_words", "months",
                 "documents", "claim_nouns"):
        known |= {fold(w) for w in lexicon_words(name)}
    return frozenset(known | {fold(t) for t in title_lexicon()[0]})


def _denials_made(
    text: str, words: tuple[tuple[str, int, int], ...], cues: Sequence[Cue], normalizer: Normalizer
) -> tuple[DenialMade, ...]:
    """The denials a statement says were made or not made, with the claim noun they deny:
    "the company firmly denies the report" (made), "did not issue an outright denial of the
    report", "never denied the report" (not made)."""
    folded = [w for w, _, _ in words]
    first_word = {start: k for k, (_, start, _) in enumerate(words)}
    last_word = {end: k for k, (_, _, end) in enumerate(words)}
    found: list[tuple[str, bool, Cue]] = []
    for n, cue in enumerate(cues):
        first, last = first_word.get(cue.start), last_word.get(cue.end)
        if first is None or last is None:
            continue
        if folded[first] in denial_verbs():
            noun = _claim_noun(folded, last, last + 1)
            before = last_word.get(cues[n - 1].end, -9) if n > 0 else -9
            if cue.cancelled and cues[n - 1].cancelled and first - before <= 3:
                found.append((noun, False, cues[n - 1]))  # "never denied the report"
            elif not cue.cancelled and folded[last] in claim_nouns():
                found.append((noun, True, cue))  # what it denies is a report, not a claim spelt out
            continue
        if cue.cancelled:
            continue
        for k in range(last + 1, min(len(folded), last + 5)):
            if folded[k] in _DENIAL_NOUNS:  # "did not issue an outright denial of the report"
                found.append((_claim_noun(folded, k, k + 4), False, cue))
                break
    made = []
    named = {token for token, weight in _content_sequence(text, normalizer) if weight == 2.0} if found else set()
    for noun, done, cue in found:
        first = first_word[cue.start]
        start = _clause_start(folded, first)
        span = text[words[start][1] : cue.start] if start < first else ""
        denier = _content_sequence(span, normalizer) if span else []
        # A capital names even where the sentence starts with it: "Halvard did not deny".
        capitals = {word_stem(fold(token.text)) for token in tokenize(span) if token.text[:1].isupper()}
        # "denies the report in the Ledger" says whose report, not what it says; "dismissed the
        # allegations as baseless, …" says what it thinks of them
        end = last_word.get(cue.end)
        bare = set(cue.scope) <= named or (end is not None and folded[end] in claim_nouns()
                                            and folded[end + 1 : end + 2] in ([], ["as"]))
        made.append(DenialMade(noun, done, cue, tuple((token, weight == 2.0 or token in capitals)
                                                      for token, weight in denier), bare))
    return tuple(made)


# Verbs that credit what follows them to a reporter or a report: "had reported letters would be
# sent", "the Herald wrote that"; a report noun does so with "according to" or a verb of saying
# ("a report in the Herald said"), not when something else is said of it ("the annual report
# also showed that", which is the firm's own report).
# "The newspaper reported that …", and a claim or an accusation a blanket denial may answer ("his
# allies claim the ministry was behind it" / "the ministry dismissed the allegations").
_REPORTING = frozenset({"reported", "reports", "wrote", "writes", "claim", "claims", "claimed", "allege",
                        "alleges", "alleged", "accuse", "accuses", "accused"})
_REPORT_NOUNS = frozenset({"report", "reports"})
_REPORT_SAYS = frozenset({"according", "said", "says", "say"})
# How many words before a statement its context is read for them.
_CREDIT_REACH = 6


@lru_cache(maxsize=1 << 16)  # asked of a statement once for each candidate it is compared with
def credited_to_report(text: str, context: str | None) -> bool:
    """What a statement says is credited to a report or a reporter, in its own words ("according
    to a report, the firm will close 40 stores") or in the words of its sentence just before it
    ("The newspaper reported that …", "Ada Brun had reported letters would be sent …")."""
    before = ""
    if context and (at := context.find(text)) > 0:
        before = context[:at]
    words = [fold(token.text) for token in tokenize(before)][-_CREDIT_REACH:]
    if STRONG_BOUNDARY & set(words):
        words = words[max(k for k, w in enumerate(words) if w in STRONG_BOUNDARY) + 1 :]
    opening = {fold(token.text) for token in tokenize(text)[:_CREDIT_REACH]}
    return any(bool(_REPORTING & found or (_REPORT_NOUNS & found and _REPORT_SAYS & found))
               for found in (set(words), opening))


def denies_a_report(reading: Reading) -> bool:
    """The statement denies "the report" (or "the claims", "the story") without saying what it
    denies: "the company firmly denies the report"."""
    return any(denial.blanket for denial in reading.denials_made)


def _claim_noun(folded: list[str], last: int, end: int) -> str:
    """The stem of the claim noun among ``folded[last:end]`` ("reports" -> "report"), or "" (any)."""
    return next((word_stem(w) for w in folded[last : min(end, len(folded))] if w in claim_nouns()), "")

def _disputed_counts(
    text: str, words: tuple[tuple[str, int, int], ...], cues: Sequence[Cue], quantities: Sequence[Quantity]
) -> tuple[tuple[Cue, Quantity], ...]:
    """The counts a statement calls false: the first in its clause after a denial verb
    ("dismissed reports that 300 were killed, putting the dead at 40" disputes 300, not 40), or
    the last before words that call it false ("the reports of 300 dead cannot be true")."""
    counted = [q for q in quantities if not q.vague and not q.earlier and (q.low or q.high)]
    if not counted:
        return ()
    folded = [w for w, _, _ in words]
    starts = {start: k for k, (_, start, _) in enumerate(words)}
    found: list[tuple[Cue, Quantity]] = []
    for cue in cues:
        first = starts.get(cue.start)
        if cue.cancelled or first is None or folded[first] not in denial_verbs():
            continue
        end = words[_clause_end(folded, first + 1) - 1][2]
        after = [q for q in counted if cue.end <= q.start < end]
        if after:
            found.append((cue, after[0]))
    for k, word in enumerate(folded):
        for phrase in figure_denials():
            if word != phrase[0] or tuple(folded[k : k + len(phrase)]) != phrase:
                continue
            begin = words[_clause_start(folded, k)][1]
            # ending in the clause: the comma in "2,000" is no clause boundary for the count
            before = [q for q in counted if begin < q.end <= words[k][1]]
            if before and not any(begin <= cue.start < words[k][1] for cue in cues):
                end = words[k + len(phrase) - 1][2]
                found.append((Cue(text[words[k][1] : end], words[k][1], end, (), cancelled=False), before[-1]))
            break
    return tuple(found)


def places_of(sequence: tuple[str, ...]) -> dict[str, tuple[int, ...]]:
    places: dict[str, list[int]] = {}
    for k, token in enumerate(sequence):
        places.setdefault(token, []).append(k)
    return {token: tuple(ks) for token, ks in places.items()}


def _prefixed_words(words: tuple[tuple[str, int, int], ...]) -> dict[str, tuple[str, ...]]:
    """Each word with a negating prefix, under the word it negates ("unsafe" under "safe")."""
    found: dict[str, list[tuple[int, str]]] = {}
    for word in {w for w, _, _ in words if w[:2] in _PREFIX_HEADS}:
        for rank, prefix in enumerate(NEGATING_PREFIXES):
            for form, lead in enumerate((prefix, f"{prefix}-")):
                base = word[len(lead):] if word.startswith(lead) else ""
                # "inform" is not the opposite of "form", nor "display" of "play"
                if len(base) >= 4 and len(base) >= PREFIX_MIN_LENGTH.get(prefix, 5):
                    found.setdefault(base, []).append((2 * rank + form, word))
    return {base: tuple(word for _, word in sorted(forms)) for base, forms in found.items()}


def _is_negation_word(word: str) -> bool:
    return word.endswith(("n't", "n’t")) or word == "cannot"


def _find_cues(
    text: str, words: tuple[tuple[str, int, int], ...], normalizer: Normalizer
) -> tuple[Cue, ...]:
    folded = [w for w, _, _ in words]
    exempt: set[int] = set()
    for i, word in enumerate(folded):
        for phrase in exceptions_by_first_word().get(word, ()):
            if tuple(folded[i : i + len(phrase)]) == phrase:
                exempt.update(range(i, i + len(phrase)))
    found: list[tuple[int, int, str]] = []  # (first word, word count, strength)
    i = 0
    while i < len(folded):
        if i in exempt:
            i += 1
            continue
        if _is_negation_word(folded[i]):
            # "hasn't commented" is silence as "has not commented" is.
            spelled = (folded[i][:-3], "not", *folded[i + 1 : i + 3])
            silent = [n for n in (4, 3) if cue_strength().get(spelled[:n]) == SILENCE]
            count = silent[0] - 1 if silent else 1
            found.append((i, count, SILENCE if silent else FLAT))
            i += count
            continue
        if _attributive(folded, i, normalizer):
            i += 1
            continue
        for phrase in cues_by_first_word().get(folded[i], ()):
            if tuple(folded[i : i + len(phrase)]) == phrase and not _to_no_verb(phrase, folded, i, normalizer):
                count, strength = len(phrase), cue_strength()[phrase]
                # A cue that starts on this one's last word joins it: "there were no" +
                # "no indications of" is one hedged cue.
                last = i + count - 1
                for more in cues_by_first_word().get(folded[last], ()):
                    if len(more) > 1 and tuple(folded[last : last + len(more)]) == more:
                        count = last + len(more) - i
                        strength = cue_strength()[more] if cue_strength()[more] != FLAT else strength
                        break
                found.append((i, count, strength))
                i += count
                break
        else:
            i += 1
    cancelled: set[int] = set()
    for n, (first, count, _) in enumerate(found):
        end = _clause_end(folded, first + count)
        # A second cue inside this one's reach and the same clause undoes it: "cannot be
        # denied", "it is not true that there were no …". The pair cancels out.
        if n in cancelled or n + 1 >= len(found) or found[n + 1][0] >= end:
            continue
        between = folded[first + count : found[n + 1][0]]
        # "were not involved and did not take part" is two denials, not a double negation.
        if not any(word in _COORDINATORS for word in between):
            cancelled.update({n, n + 1})
    return tuple(
        _cue(text, words, (first, count), strength, normalizer, cancelled=n in cancelled)
        for n, (first, count, strength) in enumerate(found)
    )


# Words after which a denial verb's -ed form describes the noun after it.
_BEFORE_ADJECTIVE = frozenset("the a an this that these those its their his her our of in on for over".split())


def _attributive(folded: Sequence[str], i: int, normalizer: Normalizer) -> bool:
    """"the disputed election", "of a rejected bid", "Norland's contested vote": the denial verb's
    participle says what the noun is, and denies nothing."""
    word = folded[i]
    if not word.endswith("ed") or word not in denial_verbs() or i + 1 >= len(folded):
        return False
    after, before = folded[i + 1], folded[i - 1] if i > 0 else ""
    if not after.isalpha() or after in normalizer.stopwords:
        return False
    return before in _BEFORE_ADJECTIVE or before.endswith(("'s", "’s"))


def _to_no_verb(phrase: tuple[str, ...], folded: Sequence[str], i: int, normalizer: Normalizer) -> bool:
    """A cue ending in "to" ("declined to", "refused to") denies the verb after it; before a
    number or a determiner it is no cue: "sales declined to 40,000", "declined to its lowest"."""
    if phrase[-1] != "to":
        return False
    after = folded[i + len(phrase)] if i + len(phrase) < len(folded) else ""
    return not after.isalpha() or after in normalizer.stopwords


def _cue(
    text: str,
    words: tuple[tuple[str, int, int], ...],
    where: tuple[int, int],  # first word, word count
    strength: str,
    normalizer: Normalizer,
    *,
    cancelled: bool,
) -> Cue:
    """One cue with what it denies: the rest of its clause and, but for a denial verb or a
    knower, its subject."""
    folded = [w for w, _, _ in words]
    first, count = where
    end = _clause_end(folded, first + count)
    last = first + count - 1
    denial_verb = folded[first] in denial_verbs()
    if denial_verb:
        # "denied reports that …", "rejected as baseless claims that …": what is denied is
        # what the reports say.
        noun = next((k for k in range(last + 1, min(end, last + 4)) if folded[k] in claim_nouns()), None)
        last = noun if noun is not None else last
    missing = None if denial_verb or strength != FLAT else _thing_not_found(folded, first, last, end)
    if missing is not None:
        # "did not find a letter at the scene": the cue takes in its finding verb, and what it
        # denies is the book being there, not the scene.
        first, last, _, end = missing
        strength = HEDGED
    scope_start = words[last][2]  # the cue's own words ("did not take place") deny, not claim
    scope_end = words[end - 1][2] if end > first else words[last][2]
    # ", who went missing on Tuesday," says who someone is, ", according to …" who says so:
    # neither is what is denied.
    scope_text = _ASIDE.sub(" , ", text[scope_start:scope_end])
    # ", whose credibility is vital …" to the end says more of what it names, not what is denied.
    relative = _RELATIVE_TAIL.search(scope_text)
    reach_end = scope_start + relative.start() if relative else None
    scope_text = scope_text[: relative.start()] if relative else scope_text
    if denial_verb or folded[last] == "who":
        scope_text = deed_denied(scope_text)  # "denied carrying out", "unclear who was behind"
    if strength == SILENCE:
        scope_text = ""  # silence is about one claim only: that the party did it
    # A denial reaches back to its subject too ("A man is not playing"), up to the clause start,
    # except the one denying ("the army denied that") or the one who knows nothing of it
    # ("officials could not confirm …", "police are not aware of …"); "the dead were unlikely
    # to be linked" is about its subject.
    subject_start = _clause_start(folded, first)
    subject_text = text[words[subject_start][1] : words[first][1]] if subject_start < first else ""
    if denial_verb or (strength == HEDGED and count > 1) or missing is not None:
        subject_text = ""  # the one who found nothing is not what is denied either
    # "no group has claimed": whoever it was. "not aware of the report": a hedge about a
    # report is about what it says, not that it exists.
    left_out = generic_agents() | (report_nouns() if strength == HEDGED else frozenset())
    # One pass over both parts; the comma keeps a name from running across them.
    scope = tuple(
        token for token, _ in _content_sequence(f"{subject_text} , {scope_text}", normalizer) if token not in left_out
    )
    if strength == SILENCE:
        scope += silenced_claim()
    predicate = None
    if not (denial_verb or missing is not None or strength == SILENCE):
        predicate = next((token for token, _ in _content_sequence(scope_text, normalizer)
                          if token not in left_out), None)
    alternatives = frozenset(
        token for match in _OR_JOINED.finditer(scope_text) for word in match.groups()
        for token, _ in _content_sequence(word, normalizer)
    )
    return Cue(
        text=text[words[first][1] : words[last][2]],
        start=words[first][1],
        end=words[last][2],
        scope=scope,
        cancelled=cancelled,
        strength=strength,
        absent=missing is not None,
        predicate=predicate,
        alternatives=alternatives,
        reach_end=reach_end,
    )


_RELATIVE_TAIL = re.compile(r",\s+(?:whose|which|who|whom|where)\b", re.IGNORECASE)
_OR_JOINED = re.compile(r"\b([^\W\d_]+)\s+or\s+([^\W\d_]+)\b")


def _thing_not_found(folded: list[str], first: int, last: int, end: int) -> tuple[int, int, int, int] | None:
    """A cue that denies finding a thing: "did not find a letter", "found no weapon", "no knife
    was recovered". (first and last word of the cue with its verb, first word of the thing, the
    word after it), or None."""
    after = last + 1
    if after < end and folded[after] in finding_verbs():
        # "did not find": the auxiliary belongs to the cue as it is shown
        start = first - 1 if first > 0 and folded[first] == "not" and folded[first - 1] in _AUXILIARIES else first
        return _thing(folded, (start, after), after + 1, end)
    if folded[first] != "no":
        return None
    if first > 0 and folded[first - 1] in finding_verbs():
        return _thing(folded, (first - 1, last), after, end)
    for verb in range(after + 1, min(end, after + 5)):
        if folded[verb] in finding_verbs() and folded[verb - 1] in _PASSIVE:
            thing_end = verb - 1
            while thing_end > after and folded[thing_end - 1] in _PASSIVE:
                thing_end -= 1
            return _thing(folded, (first, first), after, thing_end)
    return None


def _thing(folded: list[str], cue: tuple[int, int], start: int, end: int) -> tuple[int, int, int, int] | None:
    """The thing a finding is about, from ``start`` to the first word that ends it."""
    stop = next((k for k in range(start, end) if folded[k] in _THING_END), end)
    if stop == start or any(word in _NOT_THINGS for word in folded[start:stop]):
        return None
    return cue[0], cue[1], start, stop


# A clause put before the main one ("While the board has said that this is no risk to
# patients, we regret the delay …") ends at its comma.
_FRONTED = frozenset("while although though whereas because since if when".split())


def _clause_end(folded: list[str], start: int) -> int:
    fronted = bool(folded) and folded[0] in _FRONTED
    for i in range(start, len(folded)):
        if folded[i] in STRONG_BOUNDARY and not (folded[i] == "yet" and _adverb_yet(folded, i)):
            return i
        if fronted and folded[i] == ",":
            return i
    return len(folded)


def _adverb_yet(folded: list[str], i: int) -> bool:
    """"not yet been identified", "has yet to say": "yet" opens a clause only after a comma or
    "and" ("…, yet the toll rose")."""
    return i == 0 or folded[i - 1] not in {",", "and"}


def _clause_start(folded: list[str], index: int) -> int:
    for i in range(index - 1, -1, -1):
        if folded[i] in STRONG_BOUNDARY or folded[i] in _SUBJECT_BOUNDARY:
            return i + 1
    return 0



def figures_of(text: str, quantities: Sequence[Quantity]) -> tuple[Any, ...]:
    """What a text's numbers say, whatever their spelling: its counts and its other figures
    ("Brigade 10"), dates left out (they need the statement's anchor, see ``same_days``)."""
    dates = find_dates(text)
    counts = sorted((q.low or 0, q.high or 0, q.role or "", q.thing or "") for q in quantities)
    taken = [(q.start, q.end) for q in quantities] + [(m.start, m.end) for m in dates]
    labels = sorted(
        m.group() for m in _NUMBER.finditer(text)
        if not any(start <= m.start() < end for start, end in taken)
    )  # fmt: skip
    return (tuple(counts), tuple(labels))

