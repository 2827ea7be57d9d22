"""The word lists editors extend (quotetrack/data/), read the same way by every module."""

from __future__ import annotations

from importlib import resources


def lines(name: str, *, strip: bool = True) -> list[str]:
    """A data file's lines, without blank lines and ``#`` comments; ``strip=False`` keeps the
    whitespace around a line (a TSV line's empty last field)."""
    text = resources.files("quotetrack.data").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() if strip else line for line in text.splitlines()
            if line.strip() and not line.startswith("#")]
