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


def test_a_headline_not_in_the_text_is_read_as_its_first_line():
    from quotetrack.ingest import read_article

    body = b"Rescue teams reached the valley on Monday.\n"
    article = read_article(body, "a.txt", title="Ministry says 12 killed in floods")
    assert article.text == "Ministry says 12 killed in floods\n\nRescue teams reached the valley on Monday."
    assert [(s.speaker.name, s.text) for s in article.statements] == [("Ministry", "12 killed in floods")]
    assert article.source.title == "Ministry says 12 killed in floods"
    # The article is known by its body: the same text under another headline is the same article.
    assert read_article(body, "a.txt", title="Floods: the toll").sha256 == read_article(body, "a.txt").sha256
    # A headline the text opens with already is not read twice.
    opening = b"NEWS\n\nMinistry says 12 killed in floods\n\nRescue teams reached the valley.\n"
    assert read_article(opening, "b.txt", title="Ministry Says 12 Killed in Floods").text.count("12 killed") == 1
