"""Reading an article file: plain text, Markdown or HTML bytes in, plain article text out."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .errors import InvalidInput
from .manifest import ArticleFacts, split_front_matter
from .text.encoding import decode_marked

# Elements whose content is never article text.
_SKIP = {
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
    "button", "select", "iframe", "figure", "figcaption", "menu",
}
_BLOCK = {
    "p", "div", "section", "article", "main", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4",
    "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "dd", "dt", "hr",
}
_VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col"}
# Class or id words that mark page furniture rather than the story.
_FURNITURE = re.compile(
    r"\b(?:nav|navbar|menu|footer|header|sidebar|share|social|related|comment|comments|cookie|"
    r"advert|ad|ads|promo|newsletter|subscribe|breadcrumbs?|byline-share)\b",
    re.IGNORECASE,
)


def article_text(raw: bytes, name: str | None = None) -> tuple[str, str | None]:
    """Plain article text and its title (or None) from plain text, Markdown or HTML bytes.

    ``name`` (a file name) only helps decide the format; the content decides when it is absent.
    """
    label = name or "the input"
    return _article(_decoded(raw, label), name, label)


def article_with_facts(raw: bytes, name: str | None = None) -> tuple[str, str | None, ArticleFacts]:
    """``article_text``, and the facts of the front matter opening a text or Markdown file (see
    ``manifest``), which is not part of the article: the text is read as if it were not there."""
    label = name or "the input"
    decoded = _decoded(raw, label)
    facts = ArticleFacts()
    if not _is_html(decoded, name):
        front = split_front_matter(decoded, label)
        decoded, facts = front.text, front.facts
    text, title = _article(decoded, name, label)
    return text, title, facts


def _decoded(raw: bytes, label: str) -> str:
    """The bytes as text, lines ending in newlines; InvalidInput when they are not text."""
    try:
        marked = decode_marked(raw)  # UTF-16 as Windows saves "Unicode" text, with its mark
    except UnicodeDecodeError:
        raise InvalidInput(f"{label} is not a text file (its bytes do not follow its byte order mark).") from None
    if marked is not None:
        decoded = marked
    elif b"\x00" in raw[:8192]:
        raise InvalidInput(f"{label} is not a text file (it holds binary data).")
    else:
        try:
            decoded = raw.decode("utf-8")
        except UnicodeDecodeError:
            try:
                decoded = raw.decode("cp1252")
            except UnicodeDecodeError:
                raise InvalidInput(f"{label} is not a text file (it is not UTF-8 text).") from None
    if _looks_binary(decoded):
        raise InvalidInput(f"{label} is not a text file (it holds control characters).")
    return decoded.replace("\r\n", "\n").replace("\r", "\n")


def _suffix(name: str | None) -> str:
    return (name or "").lower().rsplit(".", 1)[-1] if name and "." in name else ""


def _is_html(decoded: str, name: str | None) -> bool:
    suffix = _suffix(name)
    return suffix in ("html", "htm", "xhtml") or (not suffix and _looks_html(decoded))


def _article(decoded: str, name: str | None, label: str) -> tuple[str, str | None]:
    suffix = _suffix(name)
    if _is_html(decoded, name):
        text, title = _from_html(decoded)
    elif suffix in ("md", "markdown") or (not suffix and _looks_markdown(decoded)):
        text, title = _from_markdown(decoded)
    else:
        text, title = decoded.strip("\n"), _plain_title(decoded)
    if not text.strip():
        raise InvalidInput(f"{label} holds no article text.")
    return text, title


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > max(2, len(sample) // 100)


def _looks_html(text: str) -> bool:
    head = text[:2000].lower()
    return bool(re.search(r"<!doctype html|<html|<body|<article|<p[ >]|<div[ >]", head))


def _looks_markdown(text: str) -> bool:
    return bool(re.search(r"^#{1,6} |\[[^\]]+\]\([^)]+\)|^\s*[-*] |\*\*[^*]+\*\*", text, re.M))


def _plain_title(text: str) -> str | None:
    """The first line, when it reads as a headline: short, no final full stop, a blank line after."""
    lines = text.strip("\n").split("\n")
    first = lines[0].strip()
    if (
        len(lines) > 1
        and not lines[1].strip()
        and 0 < len(first) <= 200
        and not first.endswith((".", ":", ",", ";"))
    ):
        return first
    return None


def _from_markdown(text: str) -> tuple[str, str | None]:
    title = None
    out = []
    for line in text.split("\n"):
        heading = re.match(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
        if heading:
            line = heading.group(1)
            title = title or line
        line = re.sub(r"^\s{0,3}>\s?", "", line)  # block quotes
        line = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", line)  # list markers
        line = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", line)  # images keep their alt text
        line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)  # links keep their text
        line = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", line)
        line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
        line = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)", r"\1", line)
        line = re.sub(r"(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)", r"\1", line)
        line = re.sub(r"`([^`]*)`", r"\1", line)
        if re.fullmatch(r"\s*(?:[-*_]\s*){3,}", line) or re.match(r"^\s*\[[^\]]+\]:\s", line):
            line = ""
        out.append(line.rstrip())
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n")
    return text, title or _plain_title(text)


class _ArticleParser(HTMLParser):
    """Collects text block by block, skipping page furniture, and notes which blocks sit in <article>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.skip_depth = 0
        self.article_depth = 0
        self.blocks: list[tuple[str, bool]] = []  # (text, inside <article>/<main>)
        self.current: list[str] = []
        self.title: str | None = None
        self.h1: str | None = None
        self.in_title = False
        self.in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "br":
                self.current.append("\n")
            return
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        skipped = tag in _SKIP or (
            tag in ("div", "section", "ul", "ol", "span", "p") and bool(_FURNITURE.search(marks))
        )
        if "hidden" in dict(attrs) or "display:none" in (dict(attrs).get("style") or "").replace(" ", ""):
            skipped = True
        if tag in _BLOCK:
            self._flush()
        self.stack.append((tag, skipped))
        if skipped:
            self.skip_depth += 1
        if tag in ("article", "main"):
            self.article_depth += 1
        self.in_title = tag == "title" or self.in_title
        self.in_h1 = tag == "h1" or self.in_h1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not any(t == tag for t, _ in self.stack):
            return
        while self.stack:
            open_tag, skipped = self.stack.pop()
            if skipped:
                self.skip_depth -= 1
            if open_tag in ("article", "main"):
                self.article_depth -= 1
            if open_tag == "title":
                self.in_title = False
            if open_tag == "h1":
                self.in_h1 = False
                self._flush(h1=True)
            if open_tag in _BLOCK:
                self._flush()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_title and self.title is None and data.strip():
            self.title = " ".join(data.split())
            return
        if self.in_title or self.skip_depth:
            return
        self.current.append(data)

    def _flush(self, h1: bool = False) -> None:
        text = re.sub(r"[ \t\f\v\u00a0]*\n[ \t\f\v\u00a0]*", "\n", "".join(self.current))
        text = re.sub(r"[ \t\f\v]+", " ", text).strip()
        self.current = []
        if text:
            if h1 and self.h1 is None:
                self.h1 = text
            self.blocks.append((text, self.article_depth > 0))


def _from_html(text: str) -> tuple[str, str | None]:
    parser = _ArticleParser()
    parser.feed(text)
    parser.close()
    parser._flush()
    blocks = parser.blocks
    if any(inside for _, inside in blocks):
        blocks = [(b, inside) for b, inside in blocks if inside]
    body = "\n\n".join(b for b, _ in blocks)
    return body, parser.h1 or parser.title
