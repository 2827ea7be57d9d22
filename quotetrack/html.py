"""The dossier as one self-contained HTML page: inline CSS, no scripts, no external assets.

Every piece of stored text goes through ``esc``: a quote holding ``<script>`` is shown as text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from .dossier import Dossier, Entry, Gap
from .models import Conflict, Speaker, Statement

Spans = Callable[[Conflict], tuple[list[tuple[int, int]], list[tuple[int, int]]]]

_CSS = """
:root { --ink: #1d232b; --muted: #5f6b7a; --line: #d9dee5; --bg: #f6f7f9; --dispute: #b42318;
        --mark: #ffe08a; --confirmed: #7a2e9e; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
       font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 28px 32px 60px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 34px 0 10px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; }
.meta, .muted { color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; vertical-align: top; padding: 7px 10px; border-bottom: 1px solid var(--line); }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.timeline td.day { white-space: nowrap; font-variant-numeric: tabular-nums; width: 8.5em; }
.timeline tr.gap td { color: var(--muted); font-style: italic; background: repeating-linear-gradient(
    135deg, #fff, #fff 6px, #f1f3f6 6px, #f1f3f6 12px); text-align: center; padding: 4px; }
.timeline tr.disputed td { background: #fff4f2; }
.timeline tr.disputed td:first-child { border-left: 4px solid var(--dispute); }
.flag { display: inline-block; margin: 4px 6px 0 0; color: #fff; background: var(--dispute); border-radius: 3px;
        padding: 0 6px; font-size: 12px; font-weight: 600; }
.flag.confirmed { background: var(--confirmed); }
.quote { white-space: pre-wrap; }
.speaker { font-weight: 600; }
.cluster { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; margin: 8px 0; }
.dispute { background: #fff; border: 1px solid var(--line); border-top: 4px solid var(--dispute);
           border-radius: 6px; margin: 16px 0; padding: 12px 16px; }
.dispute.confirmed { border-top-color: var(--confirmed); }
.dispute h3 { margin: 0 0 10px; font-size: 16px; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.side { border: 1px solid var(--line); border-radius: 4px; padding: 10px 12px; }
.side .label { font-weight: 700; color: var(--dispute); margin-right: 6px; }
.side blockquote { margin: 8px 0; font-size: 16px; }
mark { background: var(--mark); padding: 0 2px; border-radius: 2px; font-weight: 600; }
.evidence, .caveat, .note { margin: 8px 0 0; }
.caveat { color: #8a5300; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
@media print { body { background: #fff; } .dispute, .side { break-inside: avoid; } }
"""


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def esc(text: str | None) -> str:
    return escape(text or "", quote=True)


def highlighted(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The text escaped, with the evidence spans in <mark> (overlapping or bad spans ignored)."""
    out, at = [], 0
    for start, end in sorted(spans):
        if start < at or not 0 <= start < end <= len(text):
            continue
        out += [esc(text[at:start]), "<mark>", esc(text[start:end]), "</mark>"]
        at = end
    out.append(esc(text[at:]))
    return "".join(out)


def _speaker(speaker: Speaker) -> str:
    details = ", ".join(x for x in (speaker.title, speaker.affiliation) if x)
    return f'<span class="speaker">{esc(speaker.name)}</span>' + (
        f' <span class="muted">{esc(details)}</span>' if details else "")


def _speaker_row(speaker: Speaker, count: int) -> str:
    aliases = f'<div class="muted">also {esc(", ".join(speaker.aliases))}</div>' if speaker.aliases else ""
    return (f"<tr><td>{esc(speaker.name)}{aliases}</td><td>{esc(speaker.title)}</td>"
            f"<td>{esc(speaker.affiliation)}</td><td>{esc(speaker.kind)}</td>"
            f'<td class="num">{count}</td></tr>')


def _where(statement: Statement) -> str:
    parts = [f"#{statement.id}", esc(statement.kind)]
    source = statement.source
    if source and source.outlet:
        outlet = esc(source.outlet)
        if source.url and source.url.lower().startswith(("http://", "https://")):
            outlet = f'<a href="{esc(source.url)}">{outlet}</a>'
        parts.append(outlet)
    if statement.event_date:
        parts.append(f"event {statement.event_date.isoformat()}")
    if statement.said_on:
        parts.append(f"said {statement.said_on.isoformat()}")
    elif source and source.published:
        parts.append(f"published {source.published.isoformat()}")
    return '<div class="muted">' + " · ".join(parts) + "</div>"


def _timeline(items: Sequence[Entry | Gap]) -> str:
    rows = []
    for item in items:
        if isinstance(item, Gap):
            rows.append(f'<tr class="gap"><td colspan="3">… {item.days} day{"s" if item.days != 1 else ""} '
                        "with nothing on record …</td></tr>")
            continue
        statement = item.statement
        flags = "".join(
            f'<span class="flag {esc(c.status)}">disputed: conflict {c.id} · {esc(c.type)} · '
            f'{esc(c.status)}</span>' for c in item.disputes
        )
        day = item.day.isoformat() if item.day else "undated"
        rows.append(
            f'<tr class="{"disputed" if item.disputes else ""}" id="statement-{statement.id}">'
            f'<td class="day">{day}<div class="muted">{esc(item.basis)}</div></td>'
            f"<td>{_speaker(statement.speaker)}</td>"
            f'<td><div class="quote">“{esc(statement.text)}”</div>{_where(statement)}{flags}</td></tr>'
        )
    if not rows:
        return '<p class="muted">No statements match.</p>'
    return ('<table class="timeline"><thead><tr><th>Day</th><th>Speaker</th><th>Statement</th></tr></thead>'
            "<tbody>" + "".join(rows) + "</tbody></table>")


def _dispute(conflict: Conflict, spans: Spans | None, evidence: Callable[[Conflict], str] | None) -> str:
    spans_a, spans_b = spans(conflict) if spans else ([], [])
    sides = "".join(
        f'<div class="side"><span class="label">{label}</span>{_speaker(s.speaker)}'
        f'<blockquote class="quote">“{highlighted(s.text, marks)}”</blockquote>{_where(s)}</div>'
        for label, s, marks in (("A", conflict.a, spans_a), ("B", conflict.b, spans_b))
    )
    extra = ""
    if evidence:
        extra += f'<p class="evidence"><strong>Evidence:</strong> {esc(evidence(conflict))}</p>'
    extra += "".join(f'<p class="caveat"><strong>Caveat:</strong> {esc(c)}</p>' for c in conflict.caveats)
    if conflict.note:
        extra += f'<p class="note"><strong>Editor\'s note:</strong> {esc(conflict.note)}</p>'
    return (f'<section class="dispute {esc(conflict.status)}" id="conflict-{conflict.id}">'
            f"<h3>Conflict {conflict.id} · {esc(conflict.type)} · {esc(conflict.status)} · "
            f"score {conflict.score:.2f}</h3><div class=\"sides\">{sides}</div>{extra}</section>")


def _figures(name: str, rows: Sequence[Any]) -> str:
    """One event's figure table: what was counted, the range, the sourcing, each figure in time order."""
    body = "".join(
        f"<tr><td>{esc(row.label)}</td><td>{esc(row.range_text)}</td><td>{esc(row.grade)}</td><td>"
        + "; ".join(f"{esc(f.to_dict()['shown'])} ({esc(f.origin)})" for f in row.figures)
        + "</td></tr>"
        for row in rows
    )
    return (f"<h3>{esc(name)}</h3><table><thead><tr><th>Counted</th><th>Range</th><th>Sourcing</th>"
            f"<th>Figures in time order</th></tr></thead><tbody>{body}</tbody></table>")


def render(dossier: Dossier, *, spans: Spans | None = None,
           evidence: Callable[[Conflict], str] | None = None) -> str:
    """The whole page. ``spans`` gives the evidence to highlight in each side of a conflict;
    ``evidence`` a one-line plain-text summary of it."""
    speakers = "".join(_speaker_row(s, n) for s, n in dossier.speakers)
    clusters = ""
    if dossier.clusters is not None:
        body = "".join(
            f'<div class="cluster"><div class="quote">“{esc(c[0].text)}”</div><div class="muted">'
            f"{len(c)} statements · {esc('; '.join(sorted({s.speaker.name for s in c})))} · "
            + ", ".join(f'<a href="#statement-{s.id}">#{s.id}</a>' for s in c) + "</div></div>"
            for c in dossier.clusters
        ) or '<p class="muted">No claim is made by more than one statement here.</p>'
        clusters = f"<h2>Claims made more than once</h2>{body}"
    figures = "".join(_figures(event.name, rows) for event, rows in dossier.figures if rows)
    if figures:
        figures = f"<h2>Reported figures</h2>{figures}"
    disputes = "".join(_dispute(c, spans, evidence) for c in dossier.disputes) or (
        '<p class="muted">No open or confirmed conflicts involve these statements.</p>')
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{esc(dossier.title)}</title>
<style>{_CSS}</style>
</head>
<body><main>
<h1>{esc(dossier.title)}</h1>
<p class="meta">{_count(len(dossier.statements), "statement")} from {_count(len(dossier.speakers), "speaker")} ·
{_count(len(dossier.disputes), "dispute")} · generated {esc(dossier.generated_at)} by quotetrack</p>
<h2>Who spoke</h2>
<table><thead><tr><th>Speaker</th><th>Title</th><th>Affiliation</th><th>Kind</th><th>Statements</th></tr></thead>
<tbody>{speakers}</tbody></table>
<h2>Timeline</h2>
{_timeline(dossier.timeline)}
{clusters}
{figures}
<h2>Disputes</h2>
{disputes}
<footer>Made with quotetrack from the record; every quote is shown as stored.</footer>
</main></body>
</html>
"""
