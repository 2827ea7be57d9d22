"""The statement panel lays out its fields as rich's grid table did, without loading rich.table."""

import io

import pytest
from rich.console import Console
from rich.table import Table
from rich.text import Text

from quotetrack.render.panel import Fields

ROWS = [
    ("Speaker", Text("Ana Ruiz\nMayor, Harbour Party")),
    ("Kind", "quote"),
    ("URL", Text("https://news.example/" + "long-path-" * 12)),
    ("Context", Text("The council met on Tuesday after the bridge closed. " * 4 + "\n\nA second paragraph.")),
    ("Also known as", Text("A. Ruiz, Mayor Ruiz")),
]


def _render(renderable, width: int, color: str | None) -> str:
    out = io.StringIO()
    Console(width=width, file=out, color_system=color, force_terminal=color is not None).print(renderable)
    return out.getvalue()


@pytest.mark.parametrize("width", [12, 24, 40, 79, 120])
@pytest.mark.parametrize("color", [None, "truecolor"])
def test_fields_render_as_the_grid_table_did(width, color):
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    fields = Fields()
    for label, value in ROWS:
        grid.add_row(label, value)
        fields.add_row(label, value)
    assert _render(fields, width, color) == _render(grid, width, color)
