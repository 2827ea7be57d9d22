"""The outlet's own reports: dated event sentences that nobody else is credited with."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from ..models import Speaker
from ..text import DateMention
from ..text import lexicon as lexicons
from .extracted import Extracted, context_of, place_in
from .grammar import content_end, first_content_token
from .lexicon import DETERMINERS, data_lines, word_set
from .sentences import Copy, Sentence, Span


@cache
def _background_opener() -> re.Pattern[str]:
    openers = sorted(data_lines("background_openers.txt"), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(o) for o in openers) + r")\b")


def outlet_reports(
    copy: Copy, statements: list[Extracted], mentions: list[DateMention], outlet: str | None
) -> list[Extracted]:
    """Dated event sentences nobody else is credited with: the outlet's own reports.

    ``statements`` are those already credited to somebody; ``mentions`` the dates in the copy.
    """
    text, sentences, quotes = copy.text, copy.sentences, copy.quotes
    starts = [s.start for s in sentences]
    covered: set[int] = set()
    for s in statements:
        for x, y in ((s.start, s.end), (s.speaker_phrase_start or s.start, s.cue_end or s.end)):
            i = max(0, bisect_left(starts, x) - 1)
            while i < len(sentences) and sentences[i].start < y:
                if x < sentences[i].end:
                    covered.add(i)
                i += 1
    opens = [q.open for q in quotes]
    mention_starts = [m.start for m in mentions]
    past = word_set("past_verbs")
    speaker = Speaker(name=outlet or "the outlet", kind="organisation")
    reports = []
    for number, sentence in enumerate(sentences):
        a, b = sentence.start, sentence.end
        if number in covered or sentence.quotes or not sentence.tokens:
            continue
        inside = bisect_left(opens, a) - 1
        if (inside >= 0 and quotes[inside].end > a) or "?" in text[a:b]:
            continue
        first = first_content_token(sentence)
        start = sentence.tokens[first].start
        negative = negative_report(sentence)
        if negative is not None:
            reports.append(sentence_statement(copy, sentence, negative, speaker, mentions))
            continue
        if _background_opener().match(text, start, b):
            continue
        if not _day_dates(mentions, mention_starts, start, b):
            continue
        words = sentence.lower[first:]
        modal = ("would", "could", "may", "might", "will", "should")
        if len(words) < 6 or any(t.text in modal for t in sentence.tokens[first:]):  # "May" is a month
            continue
        cues = [sentence.cue_at(i) for i in range(first, len(sentence.tokens))]
        if any(cue and cue.cue.category != "written" for cue in cues):
            continue  # somebody is credited: not the outlet's own word
        verbs = [
            i for i, w in enumerate(words)
            if i > 0 and ((w in past) or (w.endswith("ed") and len(w) > 4 and words[i - 1] not in DETERMINERS))
        ]
        if not verbs:
            continue
        reports.append(sentence_statement(copy, sentence, Span(start, content_end(sentence)), speaker, mentions))
    return reports


def sentence_statement(
    copy: Copy, sentence: Sentence, span: Span, speaker: Speaker, mentions: list[DateMention],
    kind: str = "report", confidence: float = 0.6,
) -> Extracted:
    """A statement credited by no frame of its own: the outlet's report, or a sentence of a
    statement set out without quote marks."""
    start, end = span
    dated = _day_dates(mentions, [m.start for m in mentions], start, end)
    return Extracted(
        text=copy.text[start:end],
        kind=kind,
        cue=None,
        confidence=confidence,
        start=start,
        end=end,
        speaker=speaker,
        speaker_start=None,
        speaker_end=None,
        said_on=None,
        event_date=dated[0].value if dated else None,
        place=place_in(copy.text[start:end]),
        context=context_of(copy.text, copy.paragraphs[sentence.paragraph], sentence),
    )


def _day_dates(mentions: list[DateMention], starts: list[int], start: int, end: int) -> list[DateMention]:
    """The dates to the day between ``start`` and ``end``; ``starts`` are the mentions' offsets."""
    chosen = mentions[bisect_left(starts, start) : bisect_left(starts, end)]
    return [m for m in chosen if m.precision == "day" and m.value]


@cache
def _negative_words() -> dict[str, frozenset[str]]:
    """data/negative_reports.tsv: role (noun, who, verb) -> its words."""
    roles: dict[str, set[str]] = {}
    for word, role in lexicons.rows("negative_reports"):
        roles.setdefault(role, set()).add(word.lower())
    return {role: frozenset(words) for role, words in roles.items()}


_ON_HOLD = ("yet", "immediately", "publicly", "officially", "so", "far", "has", "have", "had")
_SUBORDINATORS = ("while", "although", "though", "as", "but", "and", "since", "because", "whereas")


def negative_report(sentence: Sentence) -> Span | None:
    """The clause in which the outlet reports that something has not happened: "there was no
    immediate claim of responsibility", "no group has claimed the attack", "the group has not
    commented", "…, which has yet to comment". A clause opened by "which" or "who" keeps the
    sentence's start, so that it says who has not commented."""
    lower, tokens = sentence.lower, sentence.tokens
    words = _negative_words()
    nouns, who, verbs = words.get("noun", frozenset()), words.get("who", frozenset()), words.get("verb", frozenset())
    n = len(tokens)

    def verb_after(k: int) -> bool:
        while k < n and lower[k] in _ON_HOLD:
            k += 1
        return k < n and lower[k] in verbs

    for i, word in enumerate(lower):
        if sentence.quoted[i]:
            continue
        found = False
        if word == "no" and "there" in lower[max(0, i - 3) : i] and lower[i - 1] in ("is", "was", "were", "been"):
            found = any(w in nouns for w in lower[i + 1 : i + 4])  # "there was no (immediate) claim"
        elif word in ("no", "nobody") and i + 1 < n:
            subject = i + 1 if word == "no" else i
            subject += next((d for d in range(3) if subject + d < n and lower[subject + d] in who), 3)
            found = subject < n and (lower[subject] in who or word == "nobody") and verb_after(subject + 1)
        elif word in ("not", "n't", "n’t") and i > 0 and lower[i - 1] in ("has", "have", "had", "did", "does", "do"):
            found = verb_after(i + 1)  # "has not (yet) commented"
        elif word == "yet" and i > 0 and lower[i - 1] in ("has", "have", "had") and lower[i + 1 : i + 2] == ["to"]:
            found = verb_after(i + 2)  # "has yet to comment"
        if found:
            return _clause_around(sentence, i)
    return None


def _clause_around(sentence: Sentence, i: int) -> Span:
    """The clause that holds token i: between the commas, semicolons or conjunctions around it."""
    lower, tokens, text = sentence.lower, sentence.tokens, sentence.text
    first = first_content_token(sentence)

    def pause(k: int) -> bool:
        return tokens[k].text in (",", ";") and text[tokens[k].end : tokens[k].end + 1] == " "

    a = i
    while a > first and not pause(a - 1):
        a -= 1
    if lower[a] in ("which", "who"):
        a = first  # "the group, which has not commented": the sentence says who
    elif lower[a] in _SUBORDINATORS and a + 1 < i:
        a += 1
    b = i
    while b + 1 < len(tokens) and not pause(b + 1) and lower[b + 1] not in ("but", "though", "although"):
        b += 1
    end = min(tokens[b].end, content_end(sentence))
    return Span(tokens[a].start, end)
