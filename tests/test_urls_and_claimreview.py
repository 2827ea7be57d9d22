"""ClaimReview can be embedded in a page as it is, and only http(s) addresses are kept or published
(issue 18, item 4)."""

import json

import pytest
from conftest import as_json
from test_export import stored_conflict

NOT_WEB = ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>",
           "file:///etc/passwd", "vbscript:msgbox", " https://x.example/", "https://", "//evil.example/x",
           "https://x.example/\x1b]0;t\x07", "https:/x.example", "http://x.example/a b"]
WEB = ["https://news.example/2021/05/bridge?id=4#top", "HTTP://news.example", "http://[::1]:8080/a"]


@pytest.mark.parametrize("url", NOT_WEB)
def test_only_http_addresses_are_web_urls(url):
    from quotetrack.inputs import is_web_url

    assert not is_web_url(url)


@pytest.mark.parametrize("url", WEB)
def test_http_and_https_addresses_are_web_urls(url):
    from quotetrack.inputs import is_web_url

    assert is_web_url(url)


def _nothing_stored(run):
    assert as_json(run("list", "--json")) == []
    assert as_json(run("speakers", "--json")) == []


def _refused(result, url):
    assert result.exit_code == 1, result.output
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: ")
    assert "http:// or https://" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<b>x</b>"])
def test_add_refuses_a_url_that_is_not_a_web_address(run, url):
    _refused(run("add", "The bridge will reopen in June.", "--speaker", "Ann Smith", "--url", url), url)
    _nothing_stored(run)


def test_ingest_refuses_a_url_that_is_not_a_web_address(run, tmp_path):
    article = tmp_path / "bridge.txt"
    article.write_text('"The bridge will reopen in June," said Ann Smith, the city engineer.\n')
    _refused(run("ingest", article, "--url", "javascript:alert(1)", "--outlet", "Harbour Post", "--yes"), "")
    _nothing_stored(run)


@pytest.mark.parametrize("record", [
    {"text": "The bridge will reopen in June.", "speaker": "Ann Smith", "url": "javascript:alert(1)"},
    {"text": "The bridge will reopen in June.", "speaker": "Ann Smith",
     "source": {"outlet": "Harbour Post", "url": "data:text/html,x"}},
    {"record": "article", "source": {"outlet": "Harbour Post", "url": "file:///etc/passwd"},
     "text": "The bridge will reopen in June, Ann Smith said."},
])
def test_import_refuses_a_url_that_is_not_a_web_address(run, tmp_path, record):
    good = {"text": "The ferry runs on Sundays.", "speaker": "Bo Lin", "url": "https://news.example/ferry"}
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps(record) + "\n")
    result = run("import", path)
    _refused(result, "")
    assert "line 2" in result.stderr
    _nothing_stored(run)


def test_a_web_address_is_kept(run):
    added = as_json(run("add", "The bridge will reopen in June.", "--speaker", "Ann Smith",
                        "--url", "https://news.example/bridge?a=1&b=2", "--json"))
    assert added["source"]["url"] == "https://news.example/bridge?a=1&b=2"


def _reviewed(run, isolated_db, text_a, text_b, note):
    run("add", text_a, "--speaker", "Ann Smith", "--outlet", "Harbour <Post> & Co", "--url", "https://news.example/a")
    run("add", text_b, "--speaker", "Bo Lin </script>")
    stored_conflict(isolated_db, text_a, text_b, status="confirmed", note=note)


def test_claimreview_cannot_end_the_script_element_it_is_embedded_in(run, isolated_db):
    text_b = "The bridge is closed </script><script>alert(1)</script> & <!-- for good"
    note = "See </SCRIPT> & <b>this</b>"
    _reviewed(run, isolated_db, "The bridge is open.", text_b, note)
    result = run("export", "--format", "claimreview", "--base-url", "https://news.example/checks?x=1&y=2")
    assert result.exit_code == 0, result.output
    assert not any(c in result.stdout for c in "<>&")
    assert "\\u003c/script\\u003e" in result.stdout
    (review,) = json.loads(result.stdout)
    assert review["claimReviewed"] == text_b
    assert review["reviewRating"]["ratingExplanation"] == note
    assert review["url"] == "https://news.example/checks?x=1&y=2#conflict-1"


@pytest.mark.parametrize("base_url", ["javascript:alert(1)//", "data:,x"])
def test_claimreview_refuses_a_base_url_that_is_not_a_web_address(run, isolated_db, tmp_path, base_url):
    _reviewed(run, isolated_db, "The bridge is open.", "The bridge is closed.", None)
    target = tmp_path / "reviews.json"
    _refused(run("export", "--format", "claimreview", "--base-url", base_url, "-o", target), base_url)
    assert not target.exists() and not target.with_name("reviews.json.partial").exists()
