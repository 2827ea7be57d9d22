"""Photo captions in article copy: a credit line tells a caption from running copy.

A caption dates and places its picture, often of another incident than the one the article
reports, and says nothing anybody said: extraction and incident reading both leave it out.
"""

from __future__ import annotations

import re

# A photo credit: "[Agencies]", "(Jan Ruis / Wire / Picture Desk)", "/ Reuters", "STR/AFP",
# "Photograph: …", "… Getty Images", "(AP Photo)".
CREDIT = re.compile(
    r"\s*(?:\[[^\]]{1,40}\]|\([^()]{0,80}/[^()]{0,80}\)|\([^()]{0,80}\b(?:Photo|Photograph|Images|Pictures)\b"
    r"[^()]{0,80}\)|/\s*[A-Z][\w .]{1,30}|[A-Z][\w.]*/\s*[A-Z][\w ./]{1,40}"
    r"|(?:Photograph|Photo|Picture)s?\s*:.*|[\w ./]*\bGetty Images\b[\w ./]*)\s*"
)


def is_credit(line: str) -> bool:
    """The whole line is a photo credit."""
    return bool(line.strip()) and CREDIT.fullmatch(line) is not None


def without_captions(text: str) -> str:
    """The copy less its photo captions: a credit line and the paragraph just above it."""
    if "/" not in text and "(" not in text and "[" not in text and ":" not in text and "Getty" not in text:
        return text
    lines = text.splitlines(keepends=True)
    dropped: set[int] = set()
    for n, line in enumerate(lines):
        if is_credit(line.rstrip("\n")):
            dropped.add(n)
            above = n - 1
            while above >= 0 and not lines[above].strip():
                above -= 1
            if above >= 0:
                dropped.add(above)
    return "".join(line for n, line in enumerate(lines) if n not in dropped) if dropped else text
