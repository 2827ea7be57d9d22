"""Rich renderables and plain dicts for what the commands show in the terminal. Nothing here prints."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..evidence import Evidence
from ..models import Conflict, Speaker, Statement
from .common import (
    counted,
    dates,
    evidence_parts,
    evidence_spans,
    gap_text,
    quoted,
    speaker_details,
    word_diff_parts,
)
from .panel import safe, speaker_label
from .panel import statement_panel as statement_panel  # where `show` and `edit` find it

if TYPE_CHECKING:
    # Only for the hints: every command loads this module, and the dossier module loads the record.
    from ..dossier import Dossier, Entry, Gap


def _styled(text: str, style: str) -> Text:
    styled = safe(text)
    styled.stylize(style)
    return styled


def _title(text: str | None) -> Text:
    """A table's title as text, never markup: titles carry event names, places and file names."""
    return _styled(text or "", "table.title")


def _date_cell(statement: Statement) -> Text:
    parts = []
    if statement.said_on:
        parts.append(f"said {statement.said_on.isoformat()}")
    if statement.event_date:
        parts.append(f"event {statement.event_date.isoformat()}")
    if not parts and statement.source and statement.source.published:
        parts.append(f"pub. {statement.source.published.isoformat()}")
    return Text("\n".join(parts))


def statements_table(statements: Sequence[Statement], title: str | None = None) -> Table:
    table = Table(title=_title(title), box=box.SIMPLE_HEAD, show_lines=False, expand=True)
    table.add_column("ID", justify="right", style="cyan", no_wrap=True)
    table.add_column("Speaker", ratio=2, min_width=14)
    table.add_column("Statement", ratio=5, min_width=24)
    table.add_column("Kind · source · dates", ratio=2, min_width=16)
    for statement in statements:
        where = Text(statement.kind, style="italic")
        if statement.source and statement.source.outlet:
            where.append("\n")
            where.append_text(safe(statement.source.outlet))
        when = _date_cell(statement)
        if when:
            where.append("\n")
            where.append_text(when)
        table.add_row(str(statement.id), speaker_label(statement.speaker), safe(statement.text), where)
    return table


def extraction_table(rows: Sequence[tuple[Any, int | None]], title: str | None = None) -> Table:
    """Statements extracted from an article: (Extracted, stored id or None) pairs."""
    table = Table(title=_title(title), box=box.SIMPLE_HEAD, expand=True)
    table.add_column("#", justify="right", style="cyan", no_wrap=True)
    table.add_column("Speaker", ratio=2, min_width=14)
    table.add_column("Kind · cue", no_wrap=True)
    table.add_column("Statement", ratio=5, min_width=24)
    table.add_column("Conf.", justify="right", no_wrap=True)
    for number, (extracted, statement_id) in enumerate(rows, 1):
        cue = Text(extracted.kind, style="italic")
        if extracted.cue:
            cue.append("\n")
            cue.append_text(safe(extracted.cue))
        label = str(statement_id) if statement_id is not None else f"({number})"
        table.add_row(label, speaker_label(extracted.speaker), cue, safe(extracted.text),
                      f"{extracted.confidence:.2f}")
    return table


def ingest_summary(rows: Sequence[Any], dry_run: bool = False) -> Table:
    """The table `ingest` ends with: per file (ingest.IngestSummary), the statements recorded, its
    speakers new to the record and already on it, and the conflicts found."""
    table = Table(title=_title("Dry run: nothing recorded" if dry_run else "Ingested"), box=box.SIMPLE_HEAD,
                  expand=True)
    table.add_column("File", ratio=3, min_width=12, overflow="fold")
    table.add_column("Source", justify="right", style="cyan", no_wrap=True)
    table.add_column("Statements" if not dry_run else "Found", justify="right", no_wrap=True)
    table.add_column("Speakers\nnew", justify="right", no_wrap=True)
    table.add_column("Speakers\nknown", justify="right", no_wrap=True)
    table.add_column("Conflicts\nfound", justify="right", no_wrap=True)
    totals = [0, 0, 0, 0]
    for row in rows:
        counts = [row.statements, row.speakers_new, row.speakers_known, row.conflicts]
        totals = [t + (c or 0) for t, c in zip(totals, counts, strict=True)]
        name = safe(row.file)
        if row.already_recorded:
            name.append_text(_styled("\nalready on record", "dim"))
        table.add_row(name, "" if row.source_id is None else str(row.source_id),
                      *("–" if c is None else str(c) for c in counts))
    if len(rows) > 1:
        table.add_section()
        table.add_row(Text(f"{counted(len(rows), 'file')} in all", style="bold"), "",
                      *(str(t) if not dry_run or n == 0 else "–" for n, t in enumerate(totals)))
    return table


def in_source(article: str, start: int, end: int, speaker_start: int | None,
              speaker_end: int | None, margin: int = 400) -> Text:
    """The stretch of the article around a statement, the statement and speaker highlighted."""
    lo = max(0, min(start, speaker_start if speaker_start is not None else start) - margin)
    hi = min(len(article), max(end, speaker_end if speaker_end is not None else end) + margin)
    text = safe(article[lo:hi])
    # safe() keeps lengths only where no control characters were escaped; article text is clean.
    text.stylize("bold yellow", start - lo, end - lo)
    if speaker_start is not None and speaker_end is not None:
        text.stylize("bold cyan underline", speaker_start - lo, speaker_end - lo)
    if lo > 0:
        text = Text("…") + text
    if hi < len(article):
        text.append("…")
    return text


def speakers_table(rows: Sequence[tuple[Speaker, int]]) -> Table:
    # Title and affiliation share a column and long words fold rather than end in "…": at 80
    # columns separate narrow columns cut "manager" to "mana…" while Kind kept its full width.
    table = Table(box=box.SIMPLE_HEAD, expand=True)
    table.add_column("ID", justify="right", style="cyan", no_wrap=True)
    table.add_column("Name", ratio=3, min_width=18, overflow="fold")
    table.add_column("Title · affiliation", ratio=3, min_width=12, overflow="fold")
    table.add_column("Kind", overflow="fold")
    table.add_column("Aliases", ratio=2, overflow="fold")
    table.add_column("Stmts", justify="right", no_wrap=True)
    for speaker, count in rows:
        table.add_row(
            str(speaker.id), safe(speaker.name), safe(speaker_details(speaker)),
            speaker.kind, safe(", ".join(speaker.aliases)), str(count),
        )
    return table


def changes_table(rows: Sequence[dict[str, Any]]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=True)
    table.add_column("#", justify="right", style="cyan", no_wrap=True)
    table.add_column("When (UTC)", no_wrap=True)
    table.add_column("Editor")
    table.add_column("Action")
    table.add_column("What")
    table.add_column("Detail", ratio=3)
    for row in rows:
        what = row["entity"] + (f" {row['entity_id']}" if row["entity_id"] is not None else "")
        detail = row["detail"]
        summary = detail.get("text") or detail.get("name") or ", ".join(
            f"{k}" for k in (detail.get("after") or detail)
        )
        table.add_row(str(row["id"]), row["at"], safe(row["editor"]), row["action"], what,
                      safe(str(summary)))
    return table


def search_table(rows: Sequence[tuple[Statement, str]]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=True)
    table.add_column("ID", justify="right", style="cyan", no_wrap=True)
    table.add_column("Speaker", ratio=1)
    table.add_column("Match", ratio=4)
    table.add_column("Source", ratio=1)
    for statement, snippet in rows:
        table.add_row(str(statement.id), speaker_label(statement.speaker), highlighted_snippet(snippet),
                      safe(statement.source.outlet if statement.source else ""))
    return table


def plain_snippet(snippet: str) -> str:
    return snippet.replace("\x02", "").replace("\x03", "")


def snippet_highlights(snippet: str) -> list[str]:
    return re.findall(r"\x02(.*?)\x03", snippet)


def terms_table(terms: Sequence[dict[str, Any]]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Name", ratio=2)
    table.add_column("Also written", ratio=4)
    table.add_column("From", no_wrap=True)
    for term in terms:
        table.add_row(safe(term["canonical"]), safe(", ".join(term["variants"])), term["origin"])
    return table


def highlighted_snippet(snippet: str) -> Text:
    """An FTS snippet whose matches are wrapped in STX/ETX, as rich Text with them in bold."""
    text = Text()
    bold = False
    for piece in re.split(r"([\x02\x03])", snippet):
        if piece == "\x02":
            bold = True
        elif piece == "\x03":
            bold = False
        elif piece:
            part = safe(piece)
            if bold:
                part.stylize("bold yellow")
            text.append_text(part)
    return text


# --- conflicts ---

_TYPE_LABELS = {
    "polarity": "asserted and denied",
    "number": "different numbers",
    "date": "different dates",
    "misattribution": "same words, different speakers",
    "altered": "quote altered",
    "self": "speaker contradicts themself",
}


def _pieces(parts: Sequence[tuple[str, str]]) -> Text:
    text = Text()
    for piece, style in parts:
        text.append_text(_styled(piece, style) if style else safe(piece))
    return text


def evidence_summary(evidence: Evidence) -> Text:
    """One line an editor reads: the cue, the two numbers, the two dates, or the diff."""
    return _pieces(evidence_parts(evidence))


def word_diff(diff: Sequence[Sequence[str]]) -> Text:
    """A word-level diff: dropped words struck through in red, added ones underlined in green."""
    return _pieces(word_diff_parts(diff))


def _side(statement: Statement, spans: list[tuple[int, int]], label: str) -> Table:
    grid = Table.grid()
    grid.add_column()
    head = Text(f"{label}  ", style="bold")
    head.append_text(speaker_label(statement.speaker))
    grid.add_row(head)
    body = safe(statement.text)
    for start, end in spans:
        if 0 <= start < end <= len(statement.text):
            body.stylize("bold red reverse", start, end)
    grid.add_row(body)
    # Free text given to `compare` has no id and no kind worth showing.
    facts = [f"statement {statement.id}", statement.kind] if statement.id is not None else []
    if statement.source and statement.source.outlet:
        facts.append(statement.source.outlet)
    facts += dates(statement)
    if facts:
        grid.add_row(_styled(" · ".join(facts), "dim"))
    return grid


def _pair(a: Statement, b: Statement, evidence: Evidence, caveats: Sequence[str]) -> list[RenderableType]:
    """The two statements side by side with the evidence marked, then the evidence and caveats."""
    spans_a, spans_b = evidence_spans(evidence)
    sides = Table.grid(expand=True, padding=(0, 2))
    sides.add_column(ratio=1)
    sides.add_column(ratio=1)
    sides.add_row(_side(a, spans_a, "A"), _side(b, spans_b, "B"))
    parts: list[RenderableType] = [sides, Text("")]
    summary = evidence_summary(evidence)
    if len(summary):
        parts.append(Text("Evidence: ", style="bold") + summary)
    for caveat in caveats:
        parts.append(Text("Caveat: ", style="bold yellow") + safe(caveat))
    return parts


def conflict_panel(conflict: Conflict) -> Panel:
    parts = _pair(conflict.a, conflict.b, conflict.evidence, conflict.caveats)
    if conflict.review.note:
        parts.append(Text("Note: ", style="bold") + safe(conflict.review.note))
    title = (f"Conflict {conflict.id} · {conflict.type} ({_TYPE_LABELS.get(conflict.type, '')}) · "
             f"score {conflict.score:.2f} · {conflict.status}")
    style = {"open": "red", "confirmed": "magenta", "dismissed": "dim"}.get(conflict.status, "")
    return Panel(Group(*parts), title=safe(title), title_align="left", border_style=style, expand=True)


def verdict_panel(verdict: Any, a: Statement, b: Statement) -> Panel:
    """`compare`'s answer for two texts."""
    label = {"same": "same claim", "unrelated": "unrelated"}.get(
        verdict.relation, f"conflict: {verdict.type} ({_TYPE_LABELS.get(verdict.type or '', '')})"
    )
    parts = _pair(a, b, verdict.evidence, verdict.caveats)
    # A conflict's score is how sure and how serious it is; otherwise it is only how much of the
    # two claims' wording is shared, which an editor could take for confidence in the verdict.
    measure = "conflict score" if verdict.relation == "conflict" else "wording shared"
    return Panel(Group(*parts), title=safe(f"{label} · {measure} {verdict.score:.2f} (0–1)"), title_align="left",
                 expand=True)


# --- matching ---


def matches_table(found: Sequence[Any]) -> Table:
    """`match` results: claims.Found items, best first, matching words highlighted; a match under
    the short-claim bar, shown because the query is long, is marked weak."""
    table = Table(box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("ID", justify="right", style="cyan", no_wrap=True)
    table.add_column("Speaker", ratio=2, min_width=14)
    table.add_column("Statement", ratio=5, min_width=24)
    table.add_column("Source", ratio=1)
    for item in found:
        statement = item.statement
        body = safe(statement.text)
        for start, end in item.spans:
            body.stylize("bold yellow", start, end)
        score = Text(f"{item.match.score:.0f}")
        if item.weak:
            score.append("\nweak", style="yellow")
        table.add_row(score, str(statement.id), speaker_label(statement.speaker), body,
                      safe(statement.source.outlet if statement.source else ""))
    return table


def clusters_table(clusters: Sequence[Any]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Claim", ratio=5, min_width=24)
    table.add_column("Count", justify="right", no_wrap=True)
    table.add_column("Speakers · outlets", ratio=3)
    table.add_column("First – last seen", no_wrap=True)
    for cluster in clusters:
        data = cluster.to_dict()
        who = safe("; ".join(data["speakers"]))
        if data["outlets"]:
            who.append("\n")
            who.append_text(_styled(", ".join(data["outlets"]), "dim"))
        seen = f"{data['first_seen'] or '?'} – {data['last_seen'] or '?'}"
        ids = ", ".join(str(s["id"]) for s in data["statements"])
        claim = safe(data["claim"])
        claim.append_text(_styled(f"\nstatements {ids}", "dim"))
        table.add_row(claim, str(data["count"]), who, seen)
    return table


# --- events and reported figures ---


def events_table(summaries: Sequence[Any]) -> Table:
    """`events`: events.EventSummary items, largest first."""
    table = Table(box=box.SIMPLE_HEAD, expand=True)
    table.add_column("ID", justify="right", style="cyan", no_wrap=True)
    table.add_column("Event", ratio=3)
    table.add_column("Days", min_width=10)
    table.add_column("State-\nments", justify="right")
    table.add_column("Outlets", ratio=3)
    table.add_column("Open\nconflicts", justify="right")
    for summary in summaries:
        data = summary.to_dict()
        name = safe(data["name"])
        if data["place"] and data["place"] not in data["name"]:
            name.append_text(_styled(f"\n{data['place']}", "dim"))
        days = data["first_day"] or "?"
        if data["last_day"] and data["last_day"] != data["first_day"]:
            days += f" –\n{data['last_day']}"
        table.add_row(str(data["id"]), name, days, str(data["statements"]),
                      safe(", ".join(data["sources"])), str(data["open_conflicts"]))
    return table


def figures_table(rows: Sequence[Any], title: str | None = "Reported figures") -> Table:
    """An event's figure table: figures.FigureRow items, each source's figure in time order."""
    table = Table(title=_title(title), box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Counted · range · sourcing", ratio=3, min_width=18)
    table.add_column("Reported", no_wrap=True)
    table.add_column("Figure", no_wrap=True, style="bold")
    table.add_column("Credited to", ratio=3, min_width=14)
    table.add_column("In", ratio=2, min_width=8)
    table.add_column("ID", justify="right", style="cyan", no_wrap=True)
    for row in rows:
        heading = _styled(row.label, "bold")
        heading.append_text(safe(f"\n{row.range_text}\n"))
        heading.append(row.grade, style="bold red" if row.status == "contested" else "")
        if row.conflicts:
            heading.append_text(_styled("\nconflicts " + ", ".join(str(i) for i in row.conflicts), "dim"))
        for n, figure in enumerate(row.figures):
            data = figure.to_dict()
            credited = safe(figure.origin)
            if figure.via:
                credited.append_text(_styled(f"\nvia {figure.via}", "dim"))
            shown = data["shown"] + (" (sum)" if figure.derived else "")
            table.add_row(heading if n == 0 else "", data["reported_on"] or "?", safe(shown), credited,
                          safe(figure.outlet or ""), str(figure.statement_id),
                          end_section=n == len(row.figures) - 1)
    return table


def event_view(detail: Any) -> Group:
    """`event ID`: the heading, the statements as a timeline, then the figure table."""
    summary = detail.summary
    heading = Text(f"Event {summary.id}: ", style="bold")
    heading.append_text(safe(summary.name))
    if summary.sources:
        outlets = counted(len(summary.sources), "outlet")
        heading.append_text(_styled(f"\n{outlets}: " + ", ".join(summary.sources), "dim"))
    timeline = Table(title="Timeline", box=box.SIMPLE_HEAD, expand=True)
    timeline.add_column("Reported", no_wrap=True)
    timeline.add_column("ID", justify="right", style="cyan", no_wrap=True)
    timeline.add_column("Speaker", ratio=2, min_width=14)
    timeline.add_column("Statement", ratio=5, min_width=24)
    timeline.add_column("Outlet", ratio=2)
    for statement in detail.statements:
        data = statement.to_dict()
        when = (data["said_on"] or (data["source"] or {}).get("published") or "?")
        text = safe(statement.text)
        if statement.id in detail.pinned:
            text.append_text(_styled("  (placed by an editor)", "dim"))
        timeline.add_row(when, str(statement.id), speaker_label(statement.speaker), text,
                         safe(statement.source.outlet if statement.source else ""))
    parts: list[RenderableType] = [heading, timeline]
    if detail.figures:
        parts.append(figures_table(detail.figures))
    else:
        parts.append(Text("No figures reported.", style="dim"))
    return Group(*parts)


# --- editors' desk: timeline and dossier ---


def timeline_table(items: Sequence[Entry | Gap], title: str | None = "Timeline") -> Table:
    """dossier.timeline items: statements by day, gaps as dim rows, disputed statements flagged."""
    table = Table(title=_title(title), box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Day", no_wrap=True)
    table.add_column("ID", justify="right", style="cyan", no_wrap=True)
    table.add_column("Speaker", ratio=2, min_width=14)
    table.add_column("Statement", ratio=5, min_width=24)
    table.add_column("Source", ratio=2)
    from ..dossier import Gap  # loaded already: the items come from it (see the hints above)

    for item in items:
        if isinstance(item, Gap):
            if item.folded:  # a new period, likely another story: a rule, not a row of empty days
                table.add_section()
            else:
                table.add_row("", "", "", _styled(gap_text(item), "dim italic"), "")
            continue
        statement = item.statement
        day = Text(item.day.isoformat() if item.day else "undated")
        day.append_text(_styled(f"\n{item.basis}", "dim"))
        text = safe(statement.text)
        for conflict in item.disputes:
            text.append_text(_styled(f"\n⚑ disputed: conflict {conflict.id} ({conflict.type}, {conflict.status})",
                                     "bold red"))
        where = Text(statement.kind, style="italic")
        if statement.source and statement.source.outlet:
            where.append("\n")
            where.append_text(safe(statement.source.outlet))
        table.add_row(day, str(statement.id), speaker_label(statement.speaker), text, where)
    return table


def dossier_view(dossier: Dossier) -> Group:
    """`report`: who spoke, the timeline, recurring claims, and the disputes side by side."""
    heading = safe(dossier.title)
    heading.stylize("bold")
    heading.append_text(_styled(
        f"\n{counted(len(dossier.statements), 'statement')} from {counted(len(dossier.speakers), 'speaker')}; "
        f"{counted(len(dossier.disputes), 'dispute')}", "dim"))
    parts: list[RenderableType] = [heading, Text("")]
    who = speakers_table(dossier.speakers)
    who.title = "Who spoke"
    parts += [who, timeline_table(dossier.timeline)]
    if dossier.clusters is not None:
        if dossier.clusters:
            clusters = Table(title="Claims made more than once", box=box.SIMPLE_HEAD, expand=True)
            clusters.add_column("Claim", ratio=5)
            clusters.add_column("Count", justify="right", no_wrap=True)
            clusters.add_column("Speakers · statements", ratio=3)
            for cluster in dossier.clusters:
                names = safe("; ".join(sorted({s.speaker.name for s in cluster})))
                names.append_text(_styled("\n" + ", ".join(str(s.id) for s in cluster), "dim"))
                clusters.add_row(safe(cluster[0].text), str(len(cluster)), names)
            parts.append(clusters)
        else:
            parts.append(Text("No claim is made by more than one statement here.", style="dim"))
    for event, rows in dossier.figures:
        if rows:
            parts.append(figures_table(rows, title=f"Reported figures: {event.name}"))
    parts.append(Text("Disputes", style="bold"))
    if dossier.disputes:
        parts += [conflict_panel(conflict) for conflict in dossier.disputes]
    else:
        parts.append(Text("No open or confirmed conflicts involve these statements.", style="dim"))
    return Group(*parts)


# --- check ---

_VERDICT_STYLES = {"verbatim": "green", "altered": "bold yellow", "misattributed": "bold red",
                   "contradicted": "bold magenta", "not on record": "dim"}


def check_summary(result: Any) -> Table:
    """`check`: one row per statement found in the draft, its verdict and where it is on record."""
    counts = ", ".join(f"{n} {v}" for v, n in result.counts().items() if n)
    table = Table(title=_title(f"{result.name}: {counts or 'no statements found'}"), box=box.SIMPLE_HEAD,
                  expand=True)
    table.add_column("#", justify="right", style="cyan", no_wrap=True)
    table.add_column("Verdict", no_wrap=True)
    table.add_column("Speaker (draft)", ratio=2, min_width=12)
    table.add_column("Statement (draft)", ratio=5, min_width=24)
    table.add_column("On record", ratio=2, min_width=12)
    for number, finding in enumerate(result.findings, 1):
        recorded = finding.recorded
        where = Text("")
        if recorded is not None:
            where = Text(f"statement {recorded.id}\n", style="cyan")
            where.append_text(safe(recorded.speaker.name))
        for conflict in finding.disputes:
            where.append_text(_styled(f"\n⚑ conflict {conflict.id} ({conflict.status})", "red"))
        table.add_row(str(number), _styled(finding.verdict, _VERDICT_STYLES.get(finding.verdict, "")),
                      safe(finding.draft.speaker.name), safe(finding.draft.text), where)
    return table


def condensed_diff(diff: Sequence[Sequence[str]], context: int = 5) -> list[list[str]]:
    """A word diff with long unchanged stretches cut to ``context`` words either side of a change."""
    changed = [i for i, (op, _) in enumerate(diff) if op != "="]
    keep = {j for i in changed for j in range(i - context, i + context + 1)}
    out: list[list[str]] = []
    for i, (op, word) in enumerate(diff):
        if i in keep or not changed:
            out.append([op, word])
        elif not out or out[-1] != ["=", "…"]:
            out.append(["=", "…"])
    return out


def check_detail(number: int, finding: Any) -> Panel:
    """What an editor needs to fix one statement: the diff, the right speaker, or the contradiction."""
    parts: list[RenderableType] = []
    recorded = finding.recorded
    draft_line = Text("Draft: ", style="bold")
    draft_line.append_text(safe(finding.draft.speaker.name or "(no speaker)"))
    draft_line.append(": ")
    draft_line.append_text(safe(quoted(finding.draft)))
    parts.append(draft_line)
    if recorded is not None:
        on_record = Text(f"On record (statement {recorded.id}): ", style="bold")
        on_record.append_text(speaker_label(recorded.speaker).split("\n")[0])
        on_record.append(": ")
        on_record.append_text(safe(quoted(recorded)))
        where = ", ".join(x for x in (
            recorded.source.outlet if recorded.source else None,
            recorded.said_on.isoformat() if recorded.said_on else (
                recorded.source.published.isoformat() if recorded.source and recorded.source.published else None),
        ) if x)
        if where:
            on_record.append_text(_styled(f" ({where})", "dim"))
        parts.append(on_record)
    if finding.verdict == "altered":
        parts.append(Text("Recorded → draft: ", style="bold") + word_diff(condensed_diff(finding.diff)))
    if finding.verdict == "misattributed" and recorded is not None:
        line = Text("The draft gives these words to ", style="bold")
        line.append_text(safe(finding.draft.speaker.name))
        line.append("; the record has them from ", style="bold")
        line.append_text(safe(recorded.speaker.name))
        parts.append(line)
        if not all(op == "=" for op, _ in finding.diff):
            parts.append(Text("Recorded → draft: ", style="bold") + word_diff(condensed_diff(finding.diff)))
    if finding.conflict is not None and recorded is not None:
        draft_statement = Statement(text=finding.draft.text, speaker=finding.draft.speaker, kind=finding.draft.kind)
        parts.append(verdict_panel(finding.conflict, draft_statement, recorded))
    for conflict in finding.disputes:
        parts.append(_styled(f"The recorded statement is in conflict {conflict.id} ({conflict.type}, "
                             f"{conflict.status}): quotetrack conflicts --speaker {recorded.speaker.id}", "red"))
    style = _VERDICT_STYLES.get(finding.verdict, "").replace("bold ", "")
    return Panel(Group(*parts), title=safe(f"{number}. {finding.verdict}"), title_align="left", border_style=style,
                 expand=True)
