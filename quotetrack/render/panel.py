"""One statement as a rich panel: what `quotetrack add`, `show` and `edit` print.

Kept apart from ``terminal`` because `add` prints this panel and nothing else: its label and
value columns are laid out here the way ``rich.table.Table.grid(padding=(0, 2))`` lays them out,
without loading rich.table (and the fractions module behind it) into every `add`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Group
from rich.padding import Padding
from rich.panel import Panel
from rich.segment import Segment
from rich.text import Text

from ..models import Speaker, Statement
from .common import speaker_details, visible

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

# The space between a label and its value.
_GAP = 2
# Narrower than this, the value column is left to rich.table, which shrinks the labels too.
_NARROWEST_VALUE = 8


def safe(text: str | None) -> Text:
    """Stored text as a rich Text: never parsed as markup, control characters made visible."""
    if text is None:
        return Text("")
    return Text(visible(text))


def speaker_label(speaker: Speaker) -> Text:
    label = safe(speaker.name)
    details = speaker_details(speaker)
    if details:
        label.append("\n")
        label.append_text(safe(details))
        label.stylize("dim", len(speaker.name) + 1)
    return label


class Fields:
    """Labels (bold, never wrapped) beside their values (wrapped in what width is left)."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, RenderableType]] = []

    def add_row(self, label: str, value: RenderableType) -> None:
        self.rows.append((label, value))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        label_width = max((cell_len(label) for label, _ in self.rows), default=0) + _GAP
        value_width = options.max_width - label_width
        if value_width < _NARROWEST_VALUE:
            yield self._grid()
            return
        label_style = console.get_style("bold")
        # The options and padding rich.table gives a grid's cells, so that text wraps and
        # overflows exactly as it did in the grid this replaces.
        cell = options.update(justify="left", no_wrap=False, overflow="ellipsis", height=None, highlight=False)
        for label, value in self.rows:
            labels = console.render_lines(Padding(label, (0, _GAP, 0, 0)),
                                          cell.update(width=label_width, no_wrap=True), style=label_style)
            values = console.render_lines(Padding(value, 0), cell.update(width=value_width))
            height = max(len(labels), len(values))
            labels = Segment.set_shape(Segment.align_top(labels, label_width, height, label_style), label_width)
            values = Segment.set_shape(Segment.align_top(values, value_width, height, console.get_style("")),
                                       value_width)
            for label_line, value_line in zip(labels, values, strict=True):
                yield from label_line
                yield from value_line
                yield Segment.line()

    def _grid(self) -> RenderableType:
        from rich.table import Table

        grid = Table.grid(padding=(0, _GAP))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column()
        for label, value in self.rows:
            grid.add_row(label, value)
        return grid


def statement_panel(statement: Statement) -> Panel:
    fields = Fields()
    speaker = statement.speaker
    fields.add_row("Speaker", speaker_label(speaker))
    if speaker.aliases:
        fields.add_row("Also known as", safe(", ".join(speaker.aliases)))
    fields.add_row("Kind", statement.kind)
    if statement.source:
        src = statement.source
        source_text = ", ".join(
            x for x in (src.outlet, src.title, src.published.isoformat() if src.published else None) if x
        )
        fields.add_row("Source", safe(source_text))
        if src.url:
            fields.add_row("URL", safe(src.url))
    for label, value in (
        ("Said on", statement.said_on),
        ("Event date", statement.event_date),
    ):
        if value:
            fields.add_row(label, value.isoformat())
    for label, text in (
        ("Place", statement.place),
        ("Relayed to", statement.relayed_to),
        ("Tags", ", ".join(statement.tags) if statement.tags else None),
        ("Context", statement.context),
        ("Recorded", statement.created_at),
    ):
        if text:
            fields.add_row(label, safe(text))
    body = Group(safe(statement.text), Text(""), fields)
    return Panel(body, title=safe(f"Statement {statement.id}"), title_align="left", expand=True)
