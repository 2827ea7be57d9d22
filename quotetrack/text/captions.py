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


# A caption written without a credit: a paragraph that stops, with no full stop, on the day the
# picture was taken ("Mourners attend a funeral in Tessaly, on March 2, 2031").
_DATED_END = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\s*$"
    r"|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}\s*$"
)


def is_credit(line: str) -> bool:
    """The whole line is a photo credit."""
    return bool(line.strip()) and CREDIT.fullmatch(line) is not None


def is_uncredited_caption(line: str) -> bool:
    """A line that reads as a caption with no credit: it ends on a full date, with no full stop,
    and a few words come before the date."""
    line = line.strip()
    return 40 <= len(line) <= 400 and _DATED_END.search(line) is not None


def without_captions(text: str) -> str:
    """The copy less its photo captions: a credit line and the paragraph just above it, and a
    line that ends on the picture's date (``is_uncredited_caption``)."""
    lines = text.splitlines(keepends=True)
    dropped: set[int] = set()
    for n, line in enumerate(lines):
        if is_uncredited_caption(line):
            dropped.add(n)
            continue
        if is_credit(line.rstrip("\n")):
            dropped.add(n)
            above = n - 1
            while above >= 0 and not lines[above].strip():
                above -= 1
            if above >= 0:
                dropped.add(above)
    return "".join(line for n, line in enumerate(lines) if n not in dropped) if dropped else text
