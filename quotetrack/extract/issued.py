"""Statements set out without quote marks in the first person plural, credited to the body that
issued them: the paragraphs that go on after "The ministry said in a statement:" ("We have no
information that …", "We categorically reject …"), or a release headed "Statement by the
Ministry of Defence"."""

from __future__ import annotations

import re
from bisect import bisect_left

from ..models import Speaker
from ..text import DateMention
from .extracted import Extracted
from .grammar import content_end, first_content_token
from .reports import sentence_statement
from .sentences import Copy, Sentence, Span

_WE = frozenset({"we", "our", "us", "ours", "ourselves"})
_HEADING = re.compile(
    r"(?:press\s+)?(?:statement|declaration|communiqu[eé]|press\s+release)\s+(?:by|of|from)\s+(?:the\s+)?"
    r"(?P<body>[A-Z][\w’'&.-]*(?:\s+(?:of|for|and|on|the|[A-Z][\w’'&.-]*))*)\s*$",
    re.IGNORECASE,
)


def issued_statements(copy: Copy, statements: list[Extracted], mentions: list[DateMention]) -> list[Extracted]:
    """The first-person-plural sentences of a statement that a frame introduced with a colon, or
    that a heading names the issuer of; ``statements`` are those already credited."""
    text, sentences = copy.text, copy.sentences
    taken = sorted((s.start, s.end) for s in statements)
    issuer = _heading_issuer(copy)
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    introduced = {
        copy.sentences[_sentence_at(copy, s.start)].paragraph: s
        for s in statements
        if re.search(r":\s*[“\"]?$", text[max(0, s.start - 4) : s.start])
    }
    found: list[Extracted] = []
    speaker, kind = issuer, "written"
    for number in sorted(by_paragraph):
        group = by_paragraph[number]
        if number in introduced:
            intro = introduced[number]
            speaker, kind = intro.speaker, ("written" if intro.kind in ("quote", "written") else intro.kind)
            group = [s for s in group if s.start >= intro.end and not s.quotes and not _overlaps(taken, s.start, s.end)]
            if not group:
                continue
        first_person = any(
            word in _WE and not sentence.quoted[i] for sentence in group for i, word in enumerate(sentence.lower)
        )
        if not first_person or any(_overlaps(taken, s.start, s.end) or s.quotes for s in group):
            speaker = issuer  # the statement ends where somebody else speaks or the copy goes on
            continue
        if speaker is None:
            continue
        for sentence in group:
            start = sentence.tokens[first_content_token(sentence)].start
            span = Span(start, content_end(sentence))
            found.append(sentence_statement(copy, sentence, span, speaker, mentions, kind=kind, confidence=0.7))
    return found


def _heading_issuer(copy: Copy) -> Speaker | None:
    """"Statement by the Ministry of Defence" as a headline names who issued the copy."""
    for sentence in copy.sentences[:5]:
        if not sentence.headline:
            continue
        match = _HEADING.fullmatch(copy.text, sentence.start, sentence.end)
        if match:
            return Speaker(name=match.group("body"), kind="organisation")
    return None


def _sentence_at(copy: Copy, offset: int) -> int:
    return max(0, bisect_left([s.start for s in copy.sentences], offset + 1) - 1)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)
