"""Checks of what an editor typed: text that is there and plain, a kind among the allowed."""

from __future__ import annotations

from .errors import InvalidInput


def clean_text(text: str | None, what: str = "The statement text") -> str:
    if text is None or not text.strip():
        raise InvalidInput(f"{what} is empty; give the words that were said.")
    if "\x00" in text:
        raise InvalidInput(f"{what} contains a NUL byte; give plain text.")
    return text


def check_kind(kind: str, allowed: tuple[str, ...], what: str) -> str:
    if kind not in allowed:
        raise InvalidInput(f"{what} {kind!r} is not one of: {', '.join(allowed)}.")
    return kind
