"""Tests on a run of tokens around a cue: is it a name, a role, a time adverbial, a noun phrase, a
participle, a negated verb group; where a sentence's content starts and ends."""

from __future__ import annotations

import re

from .lexicon import (
    AUXILIARIES,
    CLAUSE_BREAKS,
    CUE_MODIFIERS,
    DATE_WORDS,
    DETERMINERS,
    PREPOSITIONS,
    QUOTE_CHARS,
    SUBJECT_PRONOUNS,
    WRITTEN_MEDIA,
    pronoun_lexicon,
    title_lexicon,
    word_set,
)
from .sentences import Sentence, is_capitalised
from .speakers import looks_organisation

_NAME_PARTICLES = ("al-", "el-", "bin", "ibn", "de", "van", "von", "da", "di", "du", "der", "den", "la", "le")


def name_like(sentence: Sentence, first: int, last: int, body: bool = False) -> bool:
    """Tokens first..last read as a person's name ("Anton Drexler", "Qasim al-Araji", "Col. Srood"):
    capitalised words, name particles and honorifics, not a title, date, organisation or pronoun."""
    words = [t.text for t in sentence.tokens[first : last + 1]]
    if body and words and words[0].lower() == "the":
        words = words[1:]  # "his party, the Greens,"
    if not words or len(words) > 5 or not is_capitalised(words[0]) or not is_capitalised(words[-1].split("-")[-1]):
        return False
    titles, _ = title_lexicon()
    lowered = [w.lower() for w in words]
    if any(not is_capitalised(w) and not w.lower().startswith(_NAME_PARTICLES) for w in words):
        return False
    if all(w in titles or w.rstrip(".") in titles for w in lowered) or any(w in DATE_WORDS for w in lowered):
        return False
    if lowered[0] in pronoun_lexicon() or lowered[0] in DETERMINERS or (looks_organisation(words) and not body):
        return False
    return len(words) > 1 or words[0].lower() not in word_set("stopwords")


def describes_role(sentence: Sentence, first: int, last: int, titled: bool = False, body: bool = False) -> bool:
    """Tokens first..last describe a person by role: "the regional governor", "Iraq's interior
    minister", "a local engineer". With ``titled`` its last word must be a title from the data
    file (the description stands before the name, where an adverbial could stand too). With
    ``body`` it must describe an organisation instead ("the drivers' union")."""
    if first > last or last - first > 7:
        return False
    tokens, lower = sentence.tokens, sentence.lower
    titles, _ = title_lexicon()
    k = first
    if lower[k] in ("but", "and", "yet", "so"):
        k += 1
    if k > last:
        return False
    owner = k
    while owner < last and not tokens[owner].text.endswith(("’s", "'s")) and (
        is_capitalised(tokens[owner].text) or (owner > k and lower[owner] in ("of", "for", "and", "the"))
    ):
        owner += 1  # "Porto Azul's sporting director", "the Ministry of Health's adviser"
    possessive = tokens[owner].text.endswith(("’s", "'s")) and is_capitalised(tokens[owner].text)
    opens = lower[k] in DETERMINERS or possessive
    # "the District Head": a title may be capitalised; any other capitalised word ends a name.
    named = is_capitalised(tokens[last].text) and lower[last] not in titles
    if not opens or lower[last] in DETERMINERS or not tokens[last].text.isalpha() or named:
        return False
    described = range(owner + 1 if possessive else k, last + 1)  # the owner may be an organisation
    # "the agency" describes a body, "the team doctor" a person: the head noun tells.
    if any(lower[i] in AUXILIARIES | CLAUSE_BREAKS for i in described) or lower[last] in PREPOSITIONS:
        return False
    preposition = next((i for i in described if lower[i] in PREPOSITIONS), None)
    if preposition is not None and (preposition == described[0] or lower[preposition - 1] not in titles):
        return False  # "a spokeswoman for the hospital" describes a role; "the day after the storm" does not
    head = preposition - 1 if preposition is not None else last
    role = lower[head]
    quoted = any(sentence.quoted[i] for i in range(k, last + 1))
    if quoted or looks_organisation([tokens[head].text], lower_case_too=True) != body:
        return False
    return body or not titled or role in titles or role.rstrip("s") in titles


def is_manner(sentence: Sentence, j: int, floor: int) -> bool:
    """"Lee strongly denied", "officials angrily said": a manner adverb between subject and cue. Only
    after a name, a pronoun or a plural, so "the family said" keeps its noun."""
    word, low = sentence.tokens[j].text, sentence.lower[j]
    if j <= floor or not (low.endswith("ly") and len(low) > 5 and word.islower()):
        return False
    before, previous = sentence.tokens[j - 1].text, sentence.lower[j - 1]
    if before == ",":
        return True  # "Ann Lee, the league's head, forcefully told …": after an appositive
    if previous in DETERMINERS or previous.endswith(("’s", "'s")) or not before.isalpha():
        return False
    return is_capitalised(before) or previous in SUBJECT_PRONOUNS or previous.endswith("s")


def is_temporal(sentence: Sentence, j: int, floor: int) -> bool:
    """A word of a time adverbial just before the cue: "on Thursday", "two weeks ago", "last week"."""
    low = sentence.lower[j]
    if low in DATE_WORDS - {"may", "march"} or low in ("ago", "evening", "morning", "night", "afternoon"):
        return True
    lower = sentence.lower
    previous = lower[j - 1] if j > 0 else ""
    nxt = lower[j + 1] if j + 1 < len(sentence.tokens) else ""
    after_next = lower[j + 2] if j + 2 < len(sentence.tokens) else ""
    if low in ("past", "time", "interim", "meantime") and previous == "the":
        return True  # "in the past", "at the time"
    if low == "the" and nxt in ("past", "time", "interim", "meantime"):
        return True
    if low in ("on", "at", "in", "over", "during", "for") and (
        nxt in DATE_WORDS or nxt[:1].isdigit() or (nxt == "the" and after_next in ("past", "time", "interim"))
    ):
        return j > floor  # keep a preposition that starts the sentence out of the subject
    return (low[:1].isdigit() or low in DETERMINERS) and nxt in DATE_WORDS | {"weeks", "days", "months", "years"}


def is_noun_phrase(sentence: Sentence, first: int, last: int) -> bool:
    """Reject a would-be speaker that reads as a clause: "Sanders sent a message to his supporters",
    "Carson appeared on Sunday shows", "happy to hear Clinton"."""
    past = word_set("past_verbs")
    lower, tokens = sentence.lower, sentence.tokens
    for k in range(first, last + 1):
        low, word = lower[k], tokens[k].text
        if k > first and is_capitalised(tokens[k - 1].text) and not is_capitalised(word):
            # A name followed by a past-tense verb starts a clause, not a noun phrase.
            if low in past or (low.endswith("ed") and len(low) > 4 and lower[k - 1] not in DETERMINERS):
                if k + 1 > last or lower[k + 1] not in ("by", "in", "on", "at"):
                    return False
        if low == "to" and k < last and not (is_capitalised(tokens[k + 1].text) or lower[k + 1] in DETERMINERS) and (
            lower[k + 1] != "be" or k == first or not lower[k - 1].endswith(("ing", "ed"))
        ):
            return False  # an infinitive, but "a man purporting to be a spokesman" names who spoke
    return True


def is_participle(sentence: Sentence, k: int) -> bool:
    """"a report published by X": a cue form used as a participle inside a noun phrase."""
    lower = sentence.lower
    nxt = lower[k + 1] if k + 1 < len(sentence.tokens) else ""
    if not (lower[k].endswith(("ed", "en", "wn")) and nxt in PREPOSITIONS | {"last", "this"}):
        return False
    if k > 0 and lower[k - 1] in SUBJECT_PRONOUNS:
        return False  # "she confirmed on …": a pronoun takes no participle after it
    # "Jones confirmed on Tuesday that …": a time adverbial, then the content.
    j = k + 1
    while j < len(lower) and (lower[j] in DATE_WORDS or lower[j] in ("on", "in", "at", "late", "early")):
        j += 1
    return not (j > k + 2 and j < len(lower) and lower[j] == "that")


def frame_has_no_object(sentence: Sentence, after: int, end: int) -> bool:
    """After a cue that follows its content (", Smith said on Friday."), only adverbials may stand
    before the frame ends: in ", Clinton mentioned Machado's name," the cue has an object of its
    own, so the words before the comma are no statement of hers."""
    if after >= end or after >= len(sentence.tokens):
        return True
    low = sentence.lower[after]
    adverb = low.endswith("ly") and low.isalpha()
    extra = {"before", "after", "during", "while", "when", "as", "ago", "again", "afterward", "afterwards"}
    extra |= {"late", "early"}  # "late on Friday"
    return low in PREPOSITIONS | DATE_WORDS | CUE_MODIFIERS | extra or adverb or not low.isalnum()


def written_medium(sentence: Sentence, start: int, end: int) -> bool:
    return any(sentence.lower[k] in WRITTEN_MEDIA for k in range(start, min(end, len(sentence.tokens))))


def is_negated(sentence: Sentence, c: int) -> bool:
    """The cue's own verb group is negated: "did not say", "has never said", "declined to say"."""
    k = c - 1
    while k >= 0 and c - k <= 4:
        word = sentence.lower[k]
        if word in ("not", "never", "n't", "declined", "refused") or word.endswith(("n't", "n’t")):
            return True
        if word not in CUE_MODIFIERS and word not in ("to", "would", "could", "should", "will"):
            return False
        k -= 1
    return False


def follows_pause(sentence: Sentence, c: int) -> bool:
    """A participle cue after a comma or dash (a closing quote may sit between): ", saying …"."""
    k = c - 1
    while k >= 0 and sentence.tokens[k].text in QUOTE_CHARS:
        k -= 1
    return k >= 0 and sentence.tokens[k].text in (",", "—", "–", "-", "--")


def continues_clause(word: str) -> bool:
    """"The strikes, he said, were …": after the frame the sentence goes on with its verb, not with
    an adjunct of the frame (", wiping sweat off his face", ", adding that …")."""
    if word in AUXILIARIES:
        return True
    return word.isalpha() and word.islower() and not word.endswith("ing") and word not in (
        CLAUSE_BREAKS | PREPOSITIONS | DETERMINERS | SUBJECT_PRONOUNS | {"according"}
    )


def first_content_token(sentence: Sentence) -> int:
    """Skip a dateline ("ERBIL (Kurdistan 24) -") and a leading conjunction."""
    match = _DATELINE.match(sentence.text, sentence.start, sentence.end)
    i = sentence.index_at(match.end()) if match else 0
    if i < len(sentence.tokens) and sentence.lower[i] in ("but", "and", "yet", "so"):
        i += 1
    return min(i, len(sentence.tokens) - 1)


_ASIDES = ("but", "although", "though", "while", "whereas")
# Adverbs by which the writer, not the speaker, guesses at what was meant.
_GLOSSES = ("apparently", "presumably", "seemingly", "evidently", "ostensibly")


def reported_end(sentence: Sentence, first: int, end: int) -> int:
    """Where a reported clause that starts at token ``first`` ends: before a clause the writer
    adds (", but the council disagreed", ", although it may take days", " — and he noted …"), or
    at ``end``. A dash alone may open an aside inside the clause ("the plan — a costly one —
    failed"), so only a dash before "and" or one of those conjunctions ends it. A participle
    clause (", arguing that …") stays in: annotators read it as part of what was said as often
    as not; one the writer hedges (", apparently referring to …") is the writer's."""
    tokens, lower = sentence.tokens, sentence.lower
    for i in range(first + 2, len(tokens) - 2):
        if tokens[i].start >= end:
            break
        if sentence.quoted[i] or tokens[i].text not in (",", "—", "–", "--"):
            continue
        if lower[i + 1] in _ASIDES or (tokens[i].text != "," and lower[i + 1] == "and"):
            return tokens[i - 1].end
        if lower[i + 1] in _GLOSSES and lower[i + 2].endswith("ing"):
            return tokens[i - 1].end  # "…, apparently referring to …": the writer's reading of it
        if _describes_a_document(sentence, i):
            return tokens[i - 1].end
    return end


_PUBLISHED = ("published", "written", "posted", "released", "issued", "carried", "first")


def _describes_a_document(sentence: Sentence, comma: int) -> bool:
    """"… denies the report, which was written by a contributor": where the writer tells the
    reader whose the report is, not a part of what the speaker said of it."""
    lower = sentence.lower
    words = lower[comma + 1 : comma + 5]
    return (
        lower[comma - 1] in word_set("documents") | {"article", "story"}
        and len(words) == 4
        and words[0] in ("which", "that")
        and words[1] in ("was", "were", "is", "had")
        and any(w in _PUBLISHED for w in words[2:4])
    )


def content_end(sentence: Sentence) -> int:
    """Sentence end without its final full stop (a closing quote mark stays)."""
    end = sentence.end
    while end > sentence.start and sentence.text[end - 1] in ".;:!? ":
        end -= 1
    if sentence.text[end - 1 : end] in ("?", "!"):
        end += 0
    return end


_DATELINE = re.compile(
    r"\s*[A-Z][A-Z .,'’-]{2,}(?:,\s*[A-Z][A-Za-z. ]+)?\s*(?:\([^)]{1,40}\))?\s*[-–—]{1,2}\s+"
)
