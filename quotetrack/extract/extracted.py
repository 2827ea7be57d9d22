"""The extracted statement as handed to the rest of quotetrack, and the fields read around it
(the date it was said or is about, the place, the paragraph it stands in)."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from ..models import Source, Speaker, Statement, json_fields
from ..text import DateMention
from .lexicon import DATE_WORDS, QUOTE_CHARS, word_set
from .sentences import Sentence, Span, clean


@dataclass
class Extracted:
    text: str  # quote content without the outer marks, or the reported clause; the pieces joined
    kind: str  # "quote" | "reported" | "written" | "report"
    cue: str | None  # cue as written: "said", "told", "according to", …
    confidence: float  # 0..1
    start: int  # text == article[start:end] when the statement is in one piece (a lost "3?500" read as "3,500")
    end: int
    speaker: Speaker
    speaker_start: int | None  # the mention the statement is attributed through
    speaker_end: int | None
    said_on: date | None = None
    event_date: date | None = None
    place: str | None = None
    context: str = ""
    relayed_to: str | None = None
    # The whole speaker phrase, appositives included ("Thomas Veale, a spokesman for …").
    speaker_phrase_start: int | None = None
    speaker_phrase_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    cue_category: str | None = None  # speech, written, finding (see data/cues.txt)
    # Where the reported content starts. It is ``start`` except after a denial cue, whose text
    # keeps the cue ("denied that the dam failed") while the content denied starts after it.
    content_start: int | None = None
    # Where the text stands in the article: one span, or several when the frame interrupts it
    # ("“The strikes were necessary,” Smith said, “and they will continue.”"); text joins them.
    pieces: list[tuple[int, int]] = field(default_factory=list)

    @property
    def spans(self) -> list[tuple[int, int]]:
        return self.pieces or [(self.start, self.end)]

    def to_statement(self, source: Source | None = None) -> Statement:
        """The record to store, with ``source`` as where it was read."""
        return Statement(
            text=self.text,
            speaker=self.speaker,
            kind=self.kind,
            source=source,
            said_on=self.said_on,
            event_date=self.event_date,
            place=self.place,
            context=self.context,
            relayed_to=self.relayed_to,
        )

    def to_dict(self) -> dict[str, object]:
        fields = json_fields(self, "text", "kind", "cue", "confidence", "start", "end", "speaker", "speaker_start",
                             "speaker_end", "said_on", "event_date", "place", "context", "relayed_to")
        return fields | {"confidence": round(self.confidence, 2)}


def mention_start(mention: DateMention) -> int:
    return mention.start


def date_in(
    mentions: list[DateMention], spans: Sequence[tuple[int, int]], precision: tuple[str, ...]
) -> date | None:
    # Bisected by key, not over a list of the starts: built per statement, that list made
    # reading an article quadratic in its length.
    for a, b in spans:
        first, last = (bisect_left(mentions, at, key=mention_start) for at in (a, b))
        for mention in mentions[first:last]:
            if mention.value and mention.precision in precision:
                return mention.value
    return None


def joined_pieces(text: str, pieces: Sequence[tuple[int, int]]) -> str:
    """The pieces of a quote the frame interrupts, as one text. Where the frame ended a sentence
    (“We will not go back,” he said. “This is final.”) the comma that stood for the full stop is
    a full stop again; inside a sentence the pieces join with a space."""
    out = text[pieces[0][0] : pieces[0][1]]
    for (_, end), (start, next_end) in itertools.pairwise(pieces):
        gap = text[end:start].rstrip().rstrip("".join(QUOTE_CHARS)).rstrip()
        closes = gap.endswith((".", "!", "?")) and not out.endswith((".", "!", "?", "…"))
        out += (". " if closes else " ") + text[start:next_end]
    return out


def context_of(text: str, paragraph: Span, sentence: Sentence) -> str:
    """The paragraph, or only the sentence when the paragraph is very long."""
    a, b = paragraph if paragraph[1] - paragraph[0] <= 2000 else (sentence.start, sentence.end)
    return clean(text[a : min(b, a + 4000)])


_PLACE = re.compile(r"\b(?:[Ii]n|[Nn]ear|[Aa]t|[Oo]utside|[Aa]round)\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)")


def place_in(statement: str) -> str | None:
    skip = DATE_WORDS | word_set("organisations")
    for match in _PLACE.finditer(statement):
        words = match.group(1).split()
        if not any(w.lower() in skip for w in words):
            return match.group(1)
    return None
