"""Text saved as UTF-16 with a byte order mark (Windows' "Unicode") is read, not refused as binary."""

import json

import pytest

from quotetrack import store
from quotetrack.articles import article_text
from quotetrack.errors import InvalidInput
from quotetrack.text.encoding import announced_encoding

ARTICLE = 'Mayor Ines Alvarado said on Monday that "the bridge will reopen in May," and résumé work began.\n'


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_an_article_with_a_byte_order_mark_is_decoded(encoding):
    raw = ARTICLE.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):  # these codecs write no mark: add it
        raw = "\ufeff".encode(encoding) + raw
    text, _ = article_text(raw, "a.txt")
    assert text == ARTICLE.strip("\n")


def test_utf16_without_its_mark_is_still_refused_as_binary():
    with pytest.raises(InvalidInput, match="binary"):
        article_text(ARTICLE.encode("utf-16-le"), "a.txt")


def test_bytes_that_break_their_mark_are_refused_in_a_sentence():
    with pytest.raises(InvalidInput, match="byte order mark"):
        article_text(b"\xff\xfeA\x00\x00\xd8", "a.txt")  # a lone surrogate half


def test_the_utf32_mark_is_not_read_as_utf16():
    assert announced_encoding(b"\xff\xfe\x00\x00") == "utf-32"
    assert announced_encoding(b"\xff\xfeA\x00") == "utf-16"


def test_ingest_and_import_read_utf16_files(run, tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes(ARTICLE.encode("utf-16"))
    assert run("ingest", article, "--yes").exit_code == 0
    rows = [json.dumps({"text": f"Statement {i} on the bridge.", "speaker": "Ana Ruiz"}) for i in range(2)]
    for name in ("b.jsonl", "c.csv"):
        path = tmp_path / name
        body = "\r\n".join(rows) if name.endswith("jsonl") else 'text,speaker\r\n"On the road.",Ana Ruiz\r\n'
        path.write_bytes(body.encode("utf-16"))
        result = run("import", path)
        assert result.exit_code == 0, result.output
    texts = {s.text for s in store.list_statements(store.open_record())}
    assert {"Statement 0 on the bridge.", "Statement 1 on the bridge.", "On the road."} <= texts
