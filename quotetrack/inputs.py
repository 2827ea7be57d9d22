"""Checks of what an editor typed: text that is there and plain, a kind among the allowed."""

from __future__ import annotations

import re

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


# A web address as quotetrack keeps and publishes it: http or https, a host, and no control
# character or space. Anything else (javascript:, data:, file:) would become a live link in a
# dossier or a ClaimReview that someone else's page embeds.
_WEB_URL = re.compile(r"https?://[^\s/?#\\]+[^\s]*", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def is_web_url(url: str) -> bool:
    """``url`` is an http(s) address that is safe to store, link and publish."""
    return bool(_WEB_URL.fullmatch(url)) and not _CONTROL.search(url)


def check_url(url: str | None, what: str = "The URL") -> str | None:
    """The URL unchanged when it is an http(s) address (None and "" pass: no URL given)."""
    if url and not is_web_url(url):
        shown = url if len(url) <= 60 else f"{url[:60]}…"
        raise InvalidInput(f"{what} {shown!r} is not a web address; give one starting http:// or https://.")
    return url
