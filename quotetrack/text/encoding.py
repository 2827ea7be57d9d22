"""Which encoding a file's first bytes announce: one place for every reader of files."""

from __future__ import annotations

import codecs

# Longest first: a UTF-32 little-endian mark begins with the UTF-16 one.
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def announced_encoding(head: bytes) -> str | None:
    """The encoding named by the byte order mark ``head`` starts with (Windows tools save
    "Unicode" text as UTF-16 with one), else None. The codec returned reads and drops the mark."""
    for mark, encoding in _MARKS:
        if head.startswith(mark):
            return encoding
    return None


def decode_marked(data: bytes) -> str | None:
    """``data`` decoded by the encoding its byte order mark announces; None without a mark.
    Raises UnicodeDecodeError when the bytes do not follow it."""
    encoding = announced_encoding(data[:4])
    return None if encoding is None else data.decode(encoding)
