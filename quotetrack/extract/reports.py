"""The outlet's own reports: dated event sentences that nobody else is credited with."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from ..models import Speaker
from ..text import DateMention
from .extracted import Extracted, context_of, place_in
from .grammar import content_end, first_content_token
from .lexicon import DETERMINERS, data_lines, word_set
from .sentences import Copy


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
    text, sentences, quotes, paragraphs = copy.text, copy.sentences, copy.quotes, copy.paragraphs
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
        if _background_opener().match(text, start, b):
            continue
        dated = [
            m
            for m in mentions[bisect_left(mention_starts, start) : bisect_left(mention_starts, b)]
            if m.precision == "day" and m.value
        ]
        if not dated:
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
        end = content_end(sentence)
        reports.append(
            Extracted(
                text=text[start:end],
                kind="report",
                cue=None,
                confidence=0.6,
                start=start,
                end=end,
                speaker=speaker,
                speaker_start=None,
                speaker_end=None,
                said_on=None,
                event_date=dated[0].value,
                place=place_in(text[start:end]),
                context=context_of(text, paragraphs[sentence.paragraph], sentence),
            )
        )
    return reports
