"""The dossier as Markdown: headings, tables and lists, with every piece of stored text made literal."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..dossier import Dossier, Entry, Gap
from ..models import Speaker, Statement
from .common import (
    conflict_heading,
    counted,
    evidence_line,
    evidence_spans,
    figures_told,
    gap_text,
    quoted,
    segments,
    speaker_details,
    speaker_names,
    visible,
)

_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]#|~"} | {"<": "&lt;", ">": "&gt;", "&": "&amp;"})


def md(text: str | None) -> str:
    """Stored text made literal in Markdown: no emphasis, links, tables or raw HTML from it, and no
    control character (an ESC or BEL would act on the terminal that shows the file) except as ``\\xNN``."""
    return visible(re.sub(r"\s+", " ", (text or "").translate(_MD_SPECIAL)))


def _speaker(speaker: Speaker) -> str:
    details = speaker_details(speaker)
    return md(speaker.name) + (f" ({md(details)})" if details else "")


def _where(statement: Statement) -> str:
    parts = [f"#{statement.id}", statement.kind]
    if statement.source and statement.source.outlet:
        parts.append(md(statement.source.outlet))
    if statement.said_on:
        parts.append(f"said {statement.said_on.isoformat()}")
    return " · ".join(parts)


def _marked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The text made literal, the evidence spans in bold."""
    return "".join(f"**{md(piece)}**" if marked else md(piece) for piece, marked in segments(text, spans)).strip()


def _timeline_lines(items: Sequence[Entry | Gap]) -> list[str]:
    lines = []
    for item in items:
        if isinstance(item, Gap):
            lines.append(f"- *{gap_text(item)}*")
            continue
        day = f"**{item.day.isoformat()}** ({item.basis})" if item.day else "**undated**"
        flag = ""
        if item.disputes:
            # Linked to the dispute's anchor below (a raw <a id>, as Markdown has no anchors of its own).
            flag = " — **disputed**: " + ", ".join(
                f"[conflict {c.id}](#conflict-{c.id}) ({c.type}, {c.status})" for c in item.disputes)
        lines.append(f"- {day} {_speaker(item.statement.speaker)}: {quoted(item.statement, md(item.statement.text))} "
                     f"<small>{_where(item.statement)}</small>{flag}")
    return lines


def render(dossier: Dossier) -> str:
    """The dossier as Markdown: who spoke, the timeline, recurring claims, figures and disputes."""
    lines = [f"# {md(dossier.title)}", ""]
    if dossier.generated_at:
        lines += [f"Generated {dossier.generated_at} · {counted(len(dossier.statements), 'statement')}, "
                  f"{counted(len(dossier.disputes), 'dispute')}.", ""]
    lines += ["## Who spoke", "", "| Speaker | Title | Affiliation | Statements |", "|---|---|---|---:|"]
    for speaker, count in dossier.speakers:
        lines.append(f"| {md(speaker.name)} | {md(speaker.title)} | {md(speaker.affiliation)} | {count} |")
    lines += ["", "## Timeline", ""]
    periods = dossier.periods
    for number, period in enumerate(periods):
        # A long gap starts a new section (likely another story) rather than a row of empty days.
        if len(periods) > 1:
            lines += ([""] if number else []) + [f"### {period.label}", ""]
        lines += _timeline_lines(period.items)
    if dossier.clusters is not None:
        lines += ["", "## Claims made more than once", ""]
        if not dossier.clusters:
            lines.append("No claim is made by more than one statement here.")
        for cluster in dossier.clusters:
            who = "; ".join(sorted({md(name) for name in speaker_names(cluster)}))
            lines.append(f"- {quoted(cluster[0], md(cluster[0].text))} — {counted(len(cluster), 'statement')} ({who}): "
                         + ", ".join(f"#{s.id}" for s in cluster))
    tables = [(event, rows) for event, rows in dossier.figures if rows]
    if tables:
        lines += ["", "## Reported figures", ""]
    for event, rows in tables:
        lines += [f"### {md(event.name)}", "", "| Counted | Range | Sourcing | Figures in time order |",
                  "|---|---|---|---|"]
        for row in rows:
            told = "; ".join(f"{md(shown)} ({md(origin)})" for shown, origin in figures_told(row))
            lines.append(f"| {md(row.label)} | {md(row.range_text)} | {md(row.grade)} | {told} |")
        lines.append("")
    lines += ["", "## Disputes", ""]
    if not dossier.disputes:
        lines.append("No open or confirmed conflicts involve these statements.")
    for conflict in dossier.disputes:
        marks = evidence_spans(conflict.evidence)
        lines += [f'<a id="conflict-{conflict.id}"></a>', "", f"### {conflict_heading(conflict)}", "",
                  "| A | B |", "|---|---|",
                  f"| {_speaker(conflict.a.speaker)} | {_speaker(conflict.b.speaker)} |",
                  f"| {quoted(conflict.a, _marked(conflict.a.text, marks[0]))} "
                  f"| {quoted(conflict.b, _marked(conflict.b.text, marks[1]))} |",
                  f"| {_where(conflict.a)} | {_where(conflict.b)} |", ""]
        lines.append(f"**Evidence:** {md(evidence_line(conflict))}")
        for caveat in conflict.caveats:
            lines.append(f"**Caveat:** {md(caveat)}")
        if conflict.review.note:
            lines.append(f"**Note:** {md(conflict.review.note)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
