"""Cue frames: the cue verb and what is around it (its subject, its object, where the content
starts), and ``Found``, a statement found in a sentence before its speaker is resolved."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from ..text.dates import WEEKDAYS, months
from .grammar import (
    describes_role,
    first_content_token,
    is_manner,
    is_noun_phrase,
    is_participle,
    is_temporal,
    name_like,
)
from .lexicon import (
    AUXILIARIES,
    CLAIMING,
    CLAUSE_BREAKS,
    CUE_MODIFIERS,
    DATE_WORDS,
    DETERMINERS,
    OBJECT_PRONOUNS,
    PREPOSITIONS,
    QUOTE_CHARS,
    SUBJECT_PRONOUNS,
    Cue,
    pronoun_lexicon,
    word_set,
)
from .sentences import Sentence, Span, clean, is_capitalised
from .speakers import Mention


@dataclass
class Frame:
    """Who is credited and with which cue: "Thomas Veale … told Kurdistan 24", "according to X"."""

    mention: Mention
    cue: str
    cue_start: int
    cue_end: int
    cue_info: Cue
    frame_spans: list[Span]  # the frame's text outside the statement
    relayed_to: str | None = None
    written: bool = False


_RELATIVES = frozenset({"where", "who", "which", "whose"})
_MONTHS_AND_DAYS = frozenset(months()) | frozenset(WEEKDAYS)
_SPANS = frozenset("day days week weeks month months year years hours".split())


def _time_ago(lower: list[str], k: int) -> bool:
    """Tokens k … k+2 say when: "two days later", "a week earlier"."""
    return (lower[k] in DETERMINERS or lower[k].isdigit()) and lower[k + 1] in _SPANS and lower[k + 2] in (
        "later", "earlier", "after", "before")


def _relative_clause_before(sentence: Sentence, cue_index: int, floor: int) -> int | None:
    """Where a relative clause with a verb of its own opens right before the cue: "Nurses at the
    clinic [where the girl is treated] said", "The man [who was arrested] said". The speaker is
    the noun phrase before it."""
    tokens, lower = sentence.tokens, sentence.lower
    verb = False
    for r in range(cue_index - 1, max(floor, cue_index - 20) - 1, -1):
        low = lower[r]
        if tokens[r].text in ",;:.!?—–" or sentence.quoted[r] or tokens[r].text in QUOTE_CHARS:
            return None
        if low in _RELATIVES:
            before = lower[r - 1] if r - 1 >= floor else ""
            if verb and before.isalpha() and before not in DETERMINERS | PREPOSITIONS:
                return r
            return None
        verb = verb or low in AUXILIARIES or (low.endswith("ed") and not is_capitalised(tokens[r].text)) \
            or low in word_set("past_verbs") or bool(sentence.cue_at(r))
    return None


def find_subject(sentence: Sentence, cue_index: int, floor: int = 0) -> Mention | None:
    """The speaker phrase that ends just before the cue at cue_index (its modifiers skipped)."""
    relative = _relative_clause_before(sentence, cue_index, floor)
    if relative is not None:
        return find_subject(sentence, relative, floor)
    tokens, lower = sentence.tokens, sentence.lower
    j = cue_index - 1
    while j >= floor and (
        lower[j] in CUE_MODIFIERS
        or is_temporal(sentence, j, floor)
        or is_manner(sentence, j, floor)
        # "Cruz has long said": a word between "has" and the cue qualifies the verb.
        or (j > floor and lower[j - 1] in ("has", "have", "had") and lower[j].isalpha() and tokens[j].text.islower())
    ):
        j -= 1  # "Spicer on Thursday evening said": the time is not part of who spoke
    if j < floor:
        return None
    phrase_end = tokens[j].end
    appositives: list[str] = []
    next_to_head: tuple[int, int] | None = None  # token span of the appositive right after the head
    # Appositives and asides between commas: "Thomas Veale, a spokesman for …, told".
    for _ in range(3):
        if lower[j] != ",":
            break
        k = j - 1
        depth = 0
        while k >= floor and (lower[k] != "," or depth) and j - k < 40:
            if lower[k] == ")":
                depth += 1
            elif lower[k] == "(":
                depth -= 1
            if sentence.quoted[k] or tokens[k].text in QUOTE_CHARS:
                return None
            k -= 1
        if k < floor or lower[k] != "," or k + 1 >= j:
            return None
        segment = sentence.text[tokens[k + 1].start : tokens[j - 1].end]
        appositives.insert(0, segment)
        next_to_head = (k + 1, j - 1)
        j = k - 1
        if j < floor:
            return None
        if not (lower[j][:1].islower() or lower[j][:1].isdigit()) or lower[j] in pronoun_lexicon():
            break
        # "Smith, 45, a spokesman, said": the piece before may itself be an aside.
        if j - 1 >= floor and lower[j - 1] == "," and tokens[j].text[:1].isdigit():
            appositives.insert(0, tokens[j].text)
            next_to_head = (j, j)
            j -= 2
            if j < floor:
                return None
        break
    head_last = j
    k = j
    depth = 0
    while k >= floor and head_last - k < 22:
        word, low = tokens[k].text, lower[k]
        if word == ")":
            depth += 1
        elif word == "(":
            depth -= 1
            if depth < 0:
                break
        elif word in (",", ";", ":", "—", "–", "-", "!", "?", ".") or word in QUOTE_CHARS:
            attached = k > floor and tokens[k - 1].end == tokens[k].start
            apostrophe = word in "'’" and attached and lower[k - 1].endswith("s") and not sentence.quoted[k]
            if depth == 0 and not (word in "-–" and attached) and not apostrophe:
                break  # a hyphen inside a word and the apostrophe of "the drivers' union" do not end it
        elif sentence.quoted[k]:
            break
        elif low in ("and", "&") and depth == 0:
            if not (k > floor and is_capitalised(tokens[k - 1].text) and is_capitalised(tokens[k + 1].text)):
                break
        elif low in CLAUSE_BREAKS or (low in AUXILIARIES and not _name_part(sentence, k) and not _claims_to_be(
            sentence, k, floor)) or (low in OBJECT_PRONOUNS and k == head_last):
            if low in ("who", "which") and k == head_last:
                k -= 1
                break
            break
        elif sentence.cue_at(k) and k < head_last and not is_participle(sentence, k):
            break
        k -= 1
    first = k + 1
    while first <= head_last and (
        lower[first] in PREPOSITIONS
        or tokens[first].text in "-–—"
        # "Later the governor said", "Meanwhile police said": an opening adverb is no part of the speaker.
        or (first < head_last and lower[first] in CUE_MODIFIERS | word_set("sentence_adverbs"))
        # "In May the plant's safety officer warned": the month after the preposition is when.
        or (first < head_last and first > 0 and lower[first - 1] in PREPOSITIONS and lower[first] in _MONTHS_AND_DAYS)
    ):
        first += 1
    if first + 3 <= head_last and _time_ago(lower, first):
        first += 3  # "Two days later the board said", "A week earlier police said": when, not who
    if first > head_last:
        return None
    if not is_noun_phrase(sentence, first, head_last):
        return None
    if lower[first] in ("the", "a", "an") and not appositives and first - 2 >= floor and lower[first - 1] == ",":
        # "Sam Lau, the communications director for the party said": the closing comma is missing.
        name_end = first - 2
        name_start = name_end
        while name_start - 1 >= floor and is_capitalised(tokens[name_start - 1].text) and name_end - name_start < 4:
            name_start -= 1
        opens_clause = name_start == floor or tokens[name_start - 1].text in (",", ";", ":")
        # "Still, the agency said", "On Friday, the army said", "In Kabul, the ministry said": an
        # opening adverbial, no name.
        adverbial = any(lower[x] in PREPOSITIONS | DATE_WORDS for x in range(name_start, name_end + 1))
        named = name_like(sentence, name_start, name_end) and lower[name_start] not in word_set("sentence_adverbs")
        if named and not adverbial and opens_clause and tokens[name_end].text not in QUOTE_CHARS:
            appositives.append(sentence.text[tokens[first].start : tokens[head_last].end])
            first, head_last = name_start, name_end
    phrase_first = first
    body = False
    if next_to_head is not None and name_like(sentence, *next_to_head, body=True):
        # "The regional governor, Anton Drexler, said": the name in apposition is the speaker and
        # the description before it gives the title; "the drivers' union, Aslef," names a body.
        body = describes_role(sentence, first, head_last, body=True)
        if body or describes_role(sentence, first, head_last):
            appositives[0] = sentence.text[tokens[first].start : tokens[head_last].end]
            first, head_last = next_to_head
    elif first - 2 >= floor and lower[first - 1] == "," and name_like(sentence, first, head_last):
        # "A local engineer, Miriam Osei, who inspected the site, told": the same, read from the name.
        d = first - 2
        while d - 1 >= floor and first - d < 9 and tokens[d - 1].text not in ",;:—–" and not sentence.quoted[d - 1]:
            if tokens[d - 1].text in QUOTE_CHARS or lower[d - 1] in CLAUSE_BREAKS | AUXILIARIES:
                break
            d -= 1
        if describes_role(sentence, d, first - 2, titled=True):
            appositives.insert(0, sentence.text[tokens[d].start : tokens[first - 2].end])
            phrase_first = d
    head_tokens = tokens[first : head_last + 1]
    if head_last - first >= 14 and not any(lower[i] in word_set("documents") for i in range(first, head_last + 1)):
        return None
    if lower[head_last] in DETERMINERS or lower[head_last] in PREPOSITIONS:
        return None
    head = sentence.text[head_tokens[0].start : head_tokens[-1].end]
    if not any(is_capitalised(t.text) or t.text[:1].isalpha() for t in head_tokens):
        return None
    mention = Mention(
        phrase_start=min(head_tokens[0].start, tokens[phrase_first].start),
        phrase_end=phrase_end,
        head_start=head_tokens[0].start,
        head_end=head_tokens[-1].end,
        head=head,
        appositives=appositives,
        body=body,
    )
    if lower[first] in ("who", "which") and first == head_last and first > floor and lower[first - 1] == ",":
        antecedent = _subject_before_comma(sentence, first - 1, floor)
        mention.antecedent = antecedent
        if antecedent is None:
            return None
    return mention


def _subject_before_comma(sentence: Sentence, comma: int, floor: int) -> Mention | None:
    """The noun phrase before ", who": built like a subject ending at the comma."""
    tokens = sentence.tokens
    k = comma - 1
    while k >= floor and tokens[k].text not in (",", ";", ":") and tokens[k].text not in QUOTE_CHARS:
        if sentence.lower[k] in CLAUSE_BREAKS or sentence.lower[k] in AUXILIARIES:
            break
        k -= 1
    if k + 1 > comma - 1:
        return None
    a, b = tokens[k + 1].start, tokens[comma - 1].end
    return Mention(a, b, a, b, sentence.text[a:b])


class Told(NamedTuple):
    after: int  # index of the first token after the person told
    relayed: str | None  # the person told: "Kurdistan 24", "reporters"


class Tail(NamedTuple):
    """What follows a cue."""

    content_at: int | None  # token index where the reported content starts; None when none does
    frame_end: int  # index of the frame's last token ("that", ":" or the word before the content)
    relayed: str | None  # whom it was told to


def told_object(sentence: Sentence, i: int, limit: int) -> Told:
    """After "told": the person told, up to "that", a comma or an adverbial."""
    tokens, lower = sentence.tokens, sentence.lower
    j = i
    while j < limit and j - i < 6:
        low = lower[j]
        if low in ("that", ",", ":", ".", ";") or tokens[j].text in QUOTE_CHARS or sentence.quoted[j]:
            break
        if j > i and (low in PREPOSITIONS - {"of"} or low in DATE_WORDS or low in CLAUSE_BREAKS):
            break
        number_after_words = low[:1].isdigit() and not is_capitalised(tokens[j - 1].text)
        if j > i and (low in SUBJECT_PRONOUNS or low in DETERMINERS or number_after_words):
            break  # "told POLITICO he planned …", "told host Sean Hannity a loss is …"
        if j > i and not is_capitalised(tokens[j].text) and is_capitalised(tokens[j - 1].text):
            break  # the name told ends where lower-case words start
        j += 1
    if j == i:
        return Told(i, None)
    text = sentence.text[tokens[i].start : tokens[j - 1].end]
    return Told(j, clean(text))


def tail_content(sentence: Sentence, after_cue: int, cue: Cue) -> Tail:
    """Where reported content starts after a cue."""
    tokens, lower = sentence.tokens, sentence.lower
    n = len(tokens)
    i = after_cue
    relayed = None
    if cue.takes_object:
        i, relayed = told_object(sentence, i, n)
        if relayed is None:
            return Tail(None, i, None)
    # "said in a statement that", "clarified, however, that", "told reporters on Tuesday that".
    for j in range(i, min(n, i + 14)):
        if sentence.quoted[j] or tokens[j].text in ".;?!":
            break
        if tokens[j].text == "," and lower[j + 1 : j + 2] in (["but"], ["while"], ["although"], ["though"], ["yet"]):
            break  # "announced a new bus, but that is unlikely to …": the writer's clause, not what was said
        if lower[j] == "that" and j + 1 < n:
            if cue.clausal and j > i and lower[j - 1] not in word_set("claim_nouns"):
                break  # "dismissed the case that …": a relative clause, not what was said
            return Tail(j + 1, j, relayed)
        if lower[j] == ":" and j + 1 < n:
            return Tail(j + 1, j, relayed)
        if sentence.cue_at(j) and j > i:
            break
    if i >= n:
        return Tail(None, i, relayed)
    if not cue.bare:
        # "confirmed the news", "denied any improper role", "announced his candidacy": a noun
        # phrase is what was confirmed or denied. Verbs that take no object here need "that",
        # unless what they reject is a claim: "dismissed the allegations", not "dismissed the case".
        rejects_a_claim = cue.denial and any(lower[k] in word_set("claim_nouns") for k in range(i, min(n, i + 4)))
        if (
            cue.category == "speech"
            and not cue.takes_object
            and (not cue.clausal or rejects_a_claim)
            and n - i >= 3
            and (
                lower[i] in DETERMINERS
                or lower[i] == "any"  # "denied any wrongdoing"
                or is_capitalised(tokens[i].text)
                or lower[i] == "to"
                or re.split(r"[’']", lower[i])[0] in SUBJECT_PRONOUNS  # "announced he will step down"
            )
            and tokens[i].text not in QUOTE_CHARS
            and not sentence.quoted[i]
        ):
            return Tail(i, i - 1, relayed)
        return Tail(None, i, relayed)
    j = i
    while j < n and (lower[j] in DATE_WORDS or lower[j] in ("on", "in", "to", "at")) and j - i < 3:
        if lower[j] in ("in", "to", "at") and (j + 1 >= n or lower[j + 1] not in DATE_WORDS):
            return Tail(None, i, relayed)  # "said in a statement …" without "that": the frame goes on
        j += 1
    if j < n and lower[j] == ",":
        j += 1
        if j < n and lower[j].endswith("ing") and lower[j].isalpha() and not any(w in AUXILIARIES for w in lower[j:]):
            # "…, the guards said, speaking on condition of anonymity": how it was said. A gerund
            # with a verb of its own is what was said ("…, he said, replacing her would be hard").
            return Tail(None, i, relayed)
    if j >= n:
        return Tail(None, i, relayed)
    word = tokens[j].text
    first_word = re.split(r"[’']", lower[j])[0]  # "he’d", "it’s"
    if cue.lemma in ("say", "tell") and not sentence.quoted[j]:
        # The commonest cues: any clause will do, "said if …" and "said violent threats …" too.
        if (word[:1].isalnum() or word in "“\"‘") and first_word not in PREPOSITIONS and n - j >= 3:
            return Tail(j, j - 1, relayed)
    starts_clause = (
        first_word in SUBJECT_PRONOUNS
        or lower[j] in DETERMINERS
        or lower[j] in pronoun_lexicon()
        or lower[j] in SUBJECT_PRONOUNS
        or is_capitalised(word)
        or word[:1].isdigit()
        or word in "“\"‘"
    )
    starts_clause = starts_clause or lower[j].startswith(("that’", "that'"))
    # "said turnout was high": a bare noun subject, told by the verb right after it; "suggested
    # traders moved the price": by a past tense.
    starts_clause = starts_clause or any(w in AUXILIARIES for w in lower[j + 1 : j + 4]) or (
        lower[j].isalpha() and j + 1 < n and lower[j + 1].isalpha()
        and (lower[j + 1].endswith("ed") or lower[j + 1] in word_set("past_verbs"))
    )
    rest = lower[j:]
    verbish = first_word in SUBJECT_PRONOUNS or any(
        w in AUXILIARIES or w.endswith(("ed", "n't", "’s", "'s", "’re", "'re", "’ll", "'ll")) or w == "not"
        for w in rest
    )
    if starts_clause and len(rest) >= 4 and verbish:
        return Tail(j, j - 1, relayed)
    return Tail(None, i, relayed)


@dataclass
class Found:
    """A statement found in a sentence, before its speaker is resolved."""

    spans: list[Span]  # content pieces
    frame: Frame
    kind: str
    confidence: float
    quote: bool


def frame_tail_end(sentence: Sentence, j: int, limit: int) -> int:
    """End of the frame's own words: up to the next comma clause or the sentence end."""
    k = j
    while k < limit and sentence.tokens[k].text not in (",", ".", ";", "!", "?", ":"):
        k += 1
    if k > j:
        return sentence.tokens[k - 1].end
    return sentence.tokens[max(0, j - 1)].end


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


# Nouns that end like adverbs: "the assembly voted", "the family rejected", "the daily reported".
_LY_NOUNS = frozenset("assembly family ally rally supply anomaly monopoly daily weekly monthly quarterly".split())


def clause_subject(sentence: Sentence, limit: int) -> Mention | None:
    """"One operative inside Trump Tower tried …, saying …": the subject that opens the clause."""
    tokens, lower = sentence.tokens, sentence.lower
    first = first_content_token(sentence)
    if lower[first] in word_set("sentence_adverbs") and first + 2 < limit and lower[first + 1] == ",":
        first += 2  # "Meanwhile, the group attacked …"
    if lower[first] in PREPOSITIONS | CLAUSE_BREAKS | {"after", "during", "earlier", "later"} or (
        lower[first].endswith("ly") and lower[first + 1 : first + 2] != [","]
    ):
        # "In 2016, Mrs. Schlafly endorsed …": the subject follows the opening adverbial.
        comma = next((x for x in range(first, min(limit, first + 12)) if tokens[x].text == ","), None)
        if comma is None:
            return None
        first = comma + 1
    k = first
    while k < limit and k - first < 9:
        low = lower[k]
        if low in AUXILIARIES or low in CLAUSE_BREAKS or tokens[k].text in ",;:" or sentence.cue_at(k):
            break
        on_day = low in ("on", "late", "early") and k + 1 < limit and lower[k + 1] in DATE_WORDS
        if k > first and (on_day or low in _WEEKDAYS or low in ("yesterday", "today")):
            break  # "The president on Wednesday vowed …", "Police Tuesday said …": when, not who
        if k > first and not is_capitalised(tokens[k].text) and (
            low.endswith("ed") or low in word_set("past_verbs")
        ):
            break  # the verb: the subject is what came before it
        after = lower[k + 1] if k + 1 < limit else ""
        if k > first and low.endswith("ly") and low not in _LY_NOUNS and (
                after.endswith("ed") or after in word_set("past_verbs")):
            break  # "the court immediately rejected …": the adverb goes with the verb
        if sentence.quoted[k] or tokens[k].text in QUOTE_CHARS:
            return None
        k += 1
    named = k > first and (is_capitalised(tokens[k - 1].text) or tokens[k - 1].text == ")")  # "Roy Cooper (D),"
    if k < limit and tokens[k].text == "," and named:
        # "Erin Brockovich, the legendary activist, endorsed …": step over the appositive.
        close = next((x for x in range(k + 1, min(limit, k + 25)) if tokens[x].text == ","), None)
        verb = lower[close + 1] if close is not None and close + 1 < limit else ""
        if close is not None and verb.isalpha() and verb.islower() and verb not in DETERMINERS | CLAUSE_BREAKS:
            a, b = tokens[first].start, tokens[k - 1].end
            mention = Mention(a, tokens[close - 1].end, a, b, sentence.text[a:b])
            mention.appositives.append(sentence.text[tokens[k + 1].start : tokens[close - 1].end])
            return mention
    if k < limit and tokens[k].text == "," and k > first and describes_role(sentence, first, k - 1):
        # "The finance minister, Karin Holt, defended …": the name after the role is the subject.
        close = next((x for x in range(k + 1, min(limit, k + 7)) if tokens[x].text == ","), None)
        if close is not None and close + 1 < limit and name_like(sentence, k + 1, close - 1):
            a, b = tokens[k + 1].start, tokens[close - 1].end
            mention = Mention(tokens[first].start, b, a, b, sentence.text[a:b])
            mention.appositives.append(sentence.text[tokens[first].start : tokens[k - 1].end])
            return mention
    if k == first or k >= limit or tokens[k].text in ",;:":
        return None
    a, b = tokens[first].start, tokens[k - 1].end
    return Mention(a, b, a, b, sentence.text[a:b])


def inverted_subject(sentence: Sentence, c: int, last: int) -> Mention | None:
    """", said Smith." — the speaker after the cue, which itself follows a comma."""
    if c == 0 or sentence.lower[c - 1] != ",":
        return None
    n = len(sentence.tokens)
    k = last + 1
    while k < n and sentence.tokens[k].text not in (",", ".", ";", "!", "?") and k - last <= 8:
        if sentence.lower[k] in CLAUSE_BREAKS or (sentence.lower[k] in AUXILIARIES and not _name_part(sentence, k)):
            return None
        k += 1
    if k == last + 1 or (k < n and sentence.tokens[k].text not in (".", ",", "!", "?")):
        return None
    if not any(is_capitalised(t.text) or t.text.lower() in DETERMINERS for t in sentence.tokens[last + 1 : k]):
        return None
    a, b = sentence.tokens[last + 1].start, sentence.tokens[k - 1].end
    return Mention(a, b, a, b, sentence.text[a:b])


def _claims_to_be(sentence: Sentence, k: int, floor: int) -> bool:
    """"A man purporting to be a rebel spokesman", "a woman claiming to be his sister": the "be" of
    a claimed identity belongs to the speaker phrase; who spoke is the one who claimed it."""
    lower = sentence.lower
    return lower[k] == "be" and k - 2 >= floor and lower[k - 1] == "to" and lower[k - 2] in CLAIMING


def _name_part(sentence: Sentence, k: int) -> bool:
    """"Will Lowe", "May Chen", "AM Reed": a word that could be a verb ("will", "may", "am") written
    with a capital inside the sentence and followed by another capitalised word is part of a name."""
    tokens = sentence.tokens
    if k > first_content_token(sentence) and len(tokens[k].text) > 1 and tokens[k].text.isupper() and k + 1 < len(
        tokens
    ) and tokens[k + 1].text.islower() and k > 0 and sentence.lower[k - 1] in ("a", "an", "the"):
        return True  # "an AM spokesman": an acronym before a noun, not the verb "is"
    return k > first_content_token(sentence) and tokens[k].text[:1].isupper() and (
        (k + 1 < len(tokens) and is_capitalised(tokens[k + 1].text))
        # "Ana May said": a surname after a first name
        or (is_capitalised(tokens[k - 1].text) and tokens[k - 1].text.isalpha() and not tokens[k - 1].text.isupper())
    )


_QUOTING = ("quoting", "quoted", "citing", "cited")


def quoted_source(sentence: Sentence, c: int) -> tuple[Mention, int] | None:
    """Before a "saying" at token c, the one another quotes: "a statement quoting the mayor as
    saying", "the agency cited an aide saying", "The mayor was quoted as saying". Returns that
    speaker and where the frame starts (at "quoting", or at the speaker of the passive)."""
    tokens, lower = sentence.tokens, sentence.lower
    k = c - 2 if lower[c - 1] == "as" else c - 1  # the last word of the one quoted
    if k < 2:
        return None
    if lower[c - 1] == "as" and lower[k] in _QUOTING and lower[k - 1] in ("was", "were", "is", "are", "been"):
        mention = find_subject(sentence, k - 1)
        return (mention, mention.phrase_start) if mention is not None else None
    first = k
    while first > 0 and lower[first - 1] not in _QUOTING and k - first < 10:
        if sentence.quoted[first - 1] or tokens[first - 1].text in ";:" or sentence.cue_at(first - 1):
            return None
        first -= 1
    if first == 0 or lower[first - 1] not in _QUOTING or first > k:
        return None
    # "the country's president, Ann Holt,": the comma before "as" is no part of the name.
    last = k - 1 if tokens[k].text == "," and k - 1 > first else k
    frame_start = tokens[first - 1].start
    by = next((x for x in range(first + 1, last) if lower[x] == "by" and lower[x - 1] in word_set("documents")), None)
    if by is not None:
        first = by + 1  # "cited an early inquiry by Tarn prosecutors saying": the prosecutors' inquiry
    a, b = tokens[first].start, tokens[last].end
    return Mention(a, b, a, b, sentence.text[a:b]), frame_start

