"""What the terminal, HTML and Markdown renderers say the same way: counts, dates, speakers, evidence.

Each function returns plain strings (or plain data); every renderer marks them up its own way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..evidence import (
    AlteredQuote,
    Counts,
    Days,
    DenialCue,
    Evidence,
    Misattribution,
    OppositeWords,
    claim_of,
)
from ..inputs import is_web_url
from ..models import Conflict, Speaker, Statement

if TYPE_CHECKING:
    # Only for the hints: the terminal renderer, loaded by every command, must not load the record.
    from ..dossier import Gap

# C0 and C1 controls other than newline and tab: an ESC inside stored text would otherwise
# reach the terminal and recolour, move the cursor or retitle the window.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

Spans = list[tuple[int, int]]


# JSON escapes only the C0 controls. DEL, the C1 controls (U+009B starts a terminal command as
# ESC [ does) and the line separators it leaves raw are written as escapes too: the same JSON.
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029]")


def inert_json(text: str) -> str:
    """JSON text (from ``json.dumps``) with nothing left in it that a terminal would act on."""
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def visible(text: str) -> str:
    """Control characters written out as ``\\xNN``, so they show instead of acting."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def counted(n: int, noun: str) -> str:
    """``1 statement``, ``2 statements``."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


# Only words a speaker said or wrote verbatim go inside quotation marks: a paraphrase shown as a
# quote could be republished as one.
VERBATIM_KINDS = ("quote", "written")


def quote_marks(statement: Statement) -> tuple[str, str]:
    """``("“", "”")`` around a verbatim statement, nothing around reported speech or a report."""
    return ("“", "”") if statement.kind in VERBATIM_KINDS else ("", "")


def quoted(statement: Statement, text: str | None = None) -> str:
    """The statement's text (or ``text``, a marked-up form of it) inside its quote marks, if any."""
    opening, closing = quote_marks(statement)
    return f"{opening}{statement.text if text is None else text}{closing}"


def gap_text(gap: Gap) -> str:
    return f"… {gap.days} day{'s' if gap.days != 1 else ''} with nothing on record …"


def speaker_details(speaker: Speaker) -> str:
    """Title and affiliation, for the line under a speaker's name ("" when neither is known)."""
    return ", ".join(x for x in (speaker.title, speaker.affiliation) if x)


def speaker_names(statements: Sequence[Statement]) -> list[str]:
    """Who made these statements, each name once, in order."""
    return sorted({s.speaker.name for s in statements})


def dates(statement: Statement) -> list[str]:
    """The statement's event date, then when it was said (else when it was published)."""
    facts = []
    if statement.event_date:
        facts.append(f"event {statement.event_date.isoformat()}")
    if statement.said_on:
        facts.append(f"said {statement.said_on.isoformat()}")
    elif statement.source and statement.source.published:
        facts.append(f"published {statement.source.published.isoformat()}")
    return facts


def web_link(statement: Statement) -> str | None:
    """The source's address when it is a web page: no ``javascript:`` or ``file:`` link is made."""
    url = statement.source.url if statement.source else None
    return url if url and is_web_url(url) else None


def conflict_heading(conflict: Conflict) -> str:
    return f"Conflict {conflict.id} · {conflict.type} · {conflict.status} · score {conflict.score:.2f}"


def figures_told(row: Any) -> list[tuple[str, str]]:
    """A figures.FigureRow's figures in time order, each as (the figure as shown, who gave it)."""
    from ..figures import show_quantity  # here: every command loads this module, only reports need it

    return [(show_quantity(f.quantity), f.origin) for f in row.figures]


def segments(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[str, bool]]:
    """The text cut at the evidence spans: (piece, is evidence) in order; overlapping or bad spans
    are ignored."""
    out: list[tuple[str, bool]] = []
    at = 0
    for start, end in sorted(spans):
        if start < at or not 0 <= start < end <= len(text):
            continue
        out += [(text[at:start], False), (text[start:end], True)]
        at = end
    out.append((text[at:], False))
    return out


# --- conflict evidence ---


def evidence_spans(evidence: Evidence) -> tuple[Spans, Spans]:
    """Character spans of the evidence in statement a and in statement b."""
    a: Spans = []
    b: Spans = []
    claim = claim_of(evidence)
    if isinstance(claim, DenialCue):
        (a if claim.side == "a" else b).append(claim.cue_span)
    elif isinstance(claim, OppositeWords):
        a.append(claim.spans[0])
        b.append(claim.spans[1])
    elif isinstance(claim, Counts):
        a.append(claim.a_number.span)
        b.append(claim.b_number.span)
    return a, b


# Styles name the emphasis; the terminal applies them, HTML and Markdown read the text only.
EMPHASIS = "bold red"

Parts = list[tuple[str, str]]


def word_diff_parts(diff: Sequence[Sequence[str]]) -> Parts:
    """A word-level diff as (text, style) pieces: dropped words ``[-so-]``, added ones ``{+so+}``."""
    parts: Parts = []
    started = False  # a space goes between words, never before the first one shown
    for op, word in diff:
        if started:
            parts.append((" ", ""))
        if op == "-":
            parts.append((f"[-{word}-]", "red strike"))
        elif op == "+":
            parts.append((f"{{+{word}+}}", "green underline"))
        else:
            parts.append((word, ""))
        started = started or bool(parts[-1][0])
    return parts


def evidence_parts(evidence: Evidence) -> Parts:
    """One line an editor reads, as (text, style) pieces: the cue, the two numbers, the two dates,
    or the diff."""
    claim = claim_of(evidence)
    parts: Parts = []
    if isinstance(claim, DenialCue):
        parts += [("denial cue ", ""), (f"“{claim.cue}”", EMPHASIS), (f" in {claim.side.upper()}", "")]
    elif isinstance(claim, OppositeWords):
        first, second = claim.words
        parts += [("opposite words: ", ""), (f"“{first}”", EMPHASIS), (" vs ", ""), (f"“{second}”", EMPHASIS)]
    elif isinstance(claim, Counts):
        # A figure named only as "the number" or "the crowd" counts nothing the text says.
        counted = "figures" if claim.thing == "figure" else f"counts of {claim.thing or 'the same thing'}"
        parts += [(counted, ""), (": ", ""),
                  (claim.a_number.text, EMPHASIS), (" vs ", ""), (claim.b_number.text, EMPHASIS)]
    elif isinstance(claim, AlteredQuote):
        parts += [("recorded → other: ", ""), *word_diff_parts(claim.diff)]
    elif isinstance(claim, Misattribution):
        parts.append((f"the same words from {claim.a_speaker} and {claim.b_speaker}", ""))
    # Days that differ are named beside a denial or opposite words (a caveat) and are the whole
    # of a date conflict; beside two counts they are left out, as they always were.
    days = claim if isinstance(claim, Days) else claim.days if isinstance(claim, DenialCue | OppositeWords) else None
    if days is not None:
        if parts:
            parts.append(("; ", ""))
        parts.append((f"dates {days.a_date} vs {days.b_date}", "bold"))
    return parts


def evidence_line(conflict: Conflict) -> str:
    """A conflict's evidence as one line of plain text (control characters made visible)."""
    return "".join(visible(text) for text, _ in evidence_parts(conflict.evidence))
