"""Reading article files: plain text, Markdown and HTML in; article text and title out."""

import pytest

from quotetrack.articles import article_text
from quotetrack.errors import InvalidInput


def test_plain_text_keeps_text_and_takes_headline_as_title():
    text, title = article_text(b"Strikes near the town\n\nThe coalition said it struck twice.\n")
    assert title == "Strikes near the town"
    assert "The coalition said it struck twice." in text


def test_plain_text_without_headline_has_no_title():
    _, title = article_text(b"The coalition said it struck twice. It gave no numbers.\n")
    assert title is None


def test_markdown_markup_is_stripped():
    raw = b"# Big news\n\nThe **mayor** said [the road](http://x.test) is *closed*.\n\n- one item\n"
    text, title = article_text(raw, "story.md")
    assert title == "Big news"
    assert "The mayor said the road is closed." in text
    assert "one item" in text and "http" not in text and "*" not in text


def test_html_keeps_article_text_and_drops_furniture():
    raw = b"""<!doctype html><html><head><title>Site | Story</title><style>p{}</style>
    <script>var x = "said";</script></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Story headline</h1><p>The mayor said the road is closed.</p>
    <div class="share-buttons">Share this</div><p>Second &amp; last paragraph.</p></article>
    <footer>Copyright</footer></body></html>"""
    text, title = article_text(raw, "page.html")
    assert title == "Story headline"
    assert text == "Story headline\n\nThe mayor said the road is closed.\n\nSecond & last paragraph."


def test_html_detected_without_a_file_name():
    text, _ = article_text(b"<html><body><p>One paragraph here.</p></body></html>")
    assert text == "One paragraph here."


@pytest.mark.parametrize("raw", [b"\x00\x01\x02binary", bytes(range(256)) * 4])
def test_binary_input_is_refused(raw):
    with pytest.raises(InvalidInput, match="is not a text file"):
        article_text(raw, "photo.jpg")


@pytest.mark.parametrize("raw", [b"", b"   \n\n", b"<html><body><script>x</script></body></html>"])
def test_empty_input_is_refused(raw):
    with pytest.raises(InvalidInput, match="no article text"):
        article_text(raw, "empty.txt" if not raw.startswith(b"<") else "empty.html")


def test_windows_line_endings_and_bom():
    text, title = article_text("\ufeffHeadline\r\n\r\nBody text here.\r\n".encode())
    assert title == "Headline"
    assert "\r" not in text
