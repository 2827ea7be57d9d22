"""Finding attributed statements in news copy, with rules from the language of news writing.

The extractor works paragraph by paragraph and sentence by sentence, one stage per module:

1. ``sentences``: quote marks are paired (curly or straight, nested single marks, quotes that run
   on over paragraphs, unbalanced marks closed at the paragraph end) and the copy is cut into
   sentences, never inside a quote;
2. ``quoted``: each quote is attached to a frame next to it (``“…,” X said`` / ``X said: “…”`` /
   ``“…,” said X``) or, when it stands alone as a sentence, continues the last quoted speaker;
3. ``reported``: sentences without a quoted statement are read for reported speech (``X said that
   …``, ``X told Y that …``, ``…, X said.``, ``according to X, …``);
4. ``frames`` and ``grammar``: the cue verb and what is around it, its subject, its object and
   where the content starts, for both of the above;
5. ``speakers``: speaker phrases are parsed into a name, title and affiliation, and resolved:
   pronouns to the last compatible speaker, surnames to the full name, "the report" to the report
   last named;
6. ``extracted``: dates in the frame give when it was said, dates in the statement what day it is
   about;
7. ``issued``: paragraphs in the first person plural that go on after "The ministry said in a
   statement:" (or under a heading "Statement by …") are the issuing body's;
8. ``reports``: what is left, sentences with a dated event and an action verb, the lead, a
   sentence hedged with "reportedly", a figure of the story stated as fact in the lead ("Up to
   300 people died in the fire"), or reporting that
   something has not happened ("There was no immediate claim of responsibility"), that nobody is
   credited with, are the outlet's own reports.

The lexicons (cue verbs, titles, document nouns, organisation words, pronouns, abbreviations) are
data files in ``quotetrack/data``, loaded once by ``lexicon``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date

from ..text import find_dates
from .extracted import Extracted, context_of, date_in, joined_pieces, place_in
from .frames import Found
from .issued import issued_statements
from .lexicon import Cue, cue_lexicon, pronoun_lexicon
from .quoted import LastQuoted, quote_statements
from .reported import continued_account, reported_statements
from .reports import outlet_reports
from .sentences import Sentence, read_copy
from .speakers import Resolved, Resolver, add_alias, relayed_in

__all__ = ["Cue", "Extracted", "cue_lexicon", "extract_statements"]

# A thousands separator lost when a page was saved ("3?500", "3\ufffd500" for a thin space): read as
# the comma it stood for, one character for one, so that offsets into the article still hold.
_LOST_SEPARATOR = re.compile(r"(?<=\d)[?\ufffd](?=\d{3}\b)")


def extract_statements(
    text: str,
    published: date | None = None,
    *,
    outlet: str | None = None,
    headline: str | None = None,
    quotes_only: bool = False,
) -> list[Extracted]:
    """Attributed statements in ``text``, in article order.

    The outlet's own factual assertions that nobody else is credited with (dated event sentences
    such as "On 30 June, X and Y conducted a joint operation …") are kind "report" with the outlet
    as speaker; ``quotes_only`` leaves them out.
    """
    if not text or not text.strip():
        return []
    text = _LOST_SEPARATOR.sub(",", text)
    copy = read_copy(text)
    resolver = Resolver(text)
    found: list[tuple[Found, Sentence]] = []
    last_quoted: LastQuoted | None = None
    previous: Sentence | None = None
    for sentence in copy.sentences:
        results = quote_statements(sentence, last_quoted)
        if not any(result.quote for result in results):
            # No quote of its own (at most a quoted phrase inside a reported clause): the reading
            # of reported speech, which finds every frame in the sentence, comes first.
            results = reported_statements(sentence, copy) or results
        if not results and found and found[-1][1] is previous and previous is not None:
            continued = continued_account(sentence, found[-1][0], previous)
            results = [continued] if continued else []
        for result in results:
            if _goes_on(result, sentence, found, previous, last_quoted):
                found[-1][0].spans.extend(result.spans)
            else:
                found.append((result, sentence))
            if result.quote:
                at = bisect_left(sentence.quote_opens, result.spans[-1][0]) - 1
                runs_on = at >= 0 and sentence.quotes[at].runs_on
                last_quoted = LastQuoted(result.frame, sentence.paragraph, runs_on)
        previous = sentence
    frames: list[tuple[int, int]] = [span for result, _ in found for span in result.frame.frame_spans]
    mentions = find_dates(text, published, antecedent_exclude=frames)
    statements: list[Extracted] = []
    speakers_of: dict[int, Resolved] = {}
    for result, sentence in found:
        frame = result.frame
        key = frame.mention.head_start
        if key not in speakers_of:
            resolved = resolver.resolve(frame.mention)
            if resolved is None:
                continue
            speakers_of[key] = resolved
        resolver.quiet_from = sentence.end
        speaker, speaker_confidence = speakers_of[key]
        medium = _IN_A_DOCUMENT.match(text, frame.cue_end, max(frame.cue_end, result.spans[0][0])) or (
            _IN_A_DOCUMENT.match(text, sentence.start, max(sentence.start, frame.mention.phrase_start)))
        if medium is not None:
            # "the family said in a statement …": a later "the statement said" is the family's.
            resolver.documents.append((frame.cue_end, medium.group(1).lower(), speaker))
        if frame.mention.head.lower() not in pronoun_lexicon():
            add_alias(speaker, frame.mention.head)
        relayed_to = frame.relayed_to or relayed_in(frame.mention.appositives)
        said_on = date_in(mentions, frame.frame_spans, precision=("day",))
        context = context_of(text, copy.paragraphs[sentence.paragraph], sentence)
        kind = result.kind
        if kind == "quote" and (frame.written or speaker.kind == "document"):
            kind = "written"
        content_start, end = result.spans[0][0], result.spans[-1][1]
        start = content_start
        if frame.cue_info.denial and kind != "quote" and frame.cue_end <= content_start:
            # "Lindqvist denied that the system had failed": stored without the cue this
            # would read as her saying it had failed.
            start = frame.cue_start
        pieces = [(start, result.spans[0][1]), *result.spans[1:]]
        event = date_in(mentions, result.spans, precision=("day",))
        if event is None and result.confidence < 0.8 and statements and statements[-1].speaker is speaker:
            event = statements[-1].event_date  # a continuing quote is about the same day
        statement_text = joined_pieces(text, pieces)
        statements.append(
            Extracted(
                text=statement_text,
                kind=kind,
                cue=frame.cue,
                confidence=round(result.confidence - max(0.0, 0.9 - speaker_confidence), 2),
                start=start,
                end=end,
                speaker=speaker,
                speaker_start=frame.mention.head_start,
                speaker_end=frame.mention.head_end,
                said_on=said_on,
                event_date=event,
                place=place_in(statement_text),
                context=context,
                relayed_to=relayed_to,
                speaker_phrase_start=frame.mention.phrase_start,
                speaker_phrase_end=frame.mention.phrase_end,
                cue_start=frame.cue_start,
                cue_end=frame.cue_end,
                cue_category=frame.cue_info.category,
                content_start=content_start,
                pieces=pieces,
            )
        )
    statements.extend(issued_statements(copy, statements, mentions))
    if not quotes_only:
        statements.extend(outlet_reports(copy, statements, mentions, outlet, published, headline))
    statements.sort(key=lambda s: s.start)
    return statements


# "said in a statement", "told reporters in an e-mail": the document the words were given in.
_IN_A_DOCUMENT = re.compile(
    r"[^.;]*?\bin\s+(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+)?(statement|letter|e-?mail|post|release)\b",
    re.IGNORECASE,
)


def _goes_on(
    result: Found, sentence: Sentence, found: list[tuple[Found, Sentence]], previous: Sentence | None,
    last_quoted: LastQuoted | None,
) -> bool:
    """A quote standing alone right after the sentence that credited the last quote, in the same
    paragraph (“…,” she said. “…”): the speaker's quote goes on, one statement with it."""
    if not (result.quote and found and last_quoted and result.frame is last_quoted.frame):
        return False
    before, in_sentence = found[-1]
    return before.quote and before.frame is result.frame and in_sentence is previous and (
        in_sentence.paragraph == sentence.paragraph
    )
