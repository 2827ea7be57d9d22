"""The report command: the dossier in the terminal, as self-contained HTML and as Markdown; hostile
text stays text. The renderers alone are tested in test_render_*.py."""

import re

import pytest
from conftest import as_json

from quotetrack import dossier, store
from quotetrack.evidence import NO_EVIDENCE, DenialCue
from quotetrack.render import html

HOSTILE = 'He said <script>alert("x")</script> & <b>left</b> *now* [link](http://evil.example)'
HOSTILE_NAME = "<img src=x onerror=alert(1)>"


def conflict(db_path, text_a, text_b, status=None, note=None, evidence=None):
    db = store.open_record(db_path)
    try:
        ids = {s.text: s.id for s in store.list_statements(db)}
        with store.transaction(db):
            conflict_id, _ = store.save_conflict(db, ids[text_a], ids[text_b], "polarity", 0.8,
                                                 evidence or NO_EVIDENCE, ["dates differ"])
            if status:
                store.review_conflict(db, conflict_id, status, note, editor="desk")
    finally:
        db.close()


@pytest.fixture
def story(run, isolated_db):
    run("add", "There were no operations near the town.", "--speaker", "Ann Smith", "--title", "Colonel",
        "--affiliation", "Army", "--event-date", "2020-03-01", "--said-on", "2020-03-04", "--outlet", "AP",
        "--tag", "town")
    run("add", "Forces conducted a joint operation near the town.", "--speaker", "Bo Lin", "--outlet", "Reuters",
        "--event-date", "2020-03-01", "--tag", "town")
    run("add", HOSTILE, "--speaker", HOSTILE_NAME, "--outlet", "<i>Outlet</i>", "--event-date", "2020-03-09",
        "--tag", "town")
    run("add", "Off topic.", "--speaker", "Cy Doe", "--tag", "other")
    conflict(isolated_db, "There were no operations near the town.",
             "Forces conducted a joint operation near the town.",
             evidence=DenialCue("There were no", (0, 13), "a"))
    conflict(isolated_db, HOSTILE, "Forces conducted a joint operation near the town.", status="confirmed",
             note="</section><script>alert(2)</script>")
    return run


def test_terminal_dossier_shows_speakers_timeline_and_disputes(story):
    result = story("report", "--tag", "town", "--no-clusters")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for expected in ("Who spoke", "Ann Smith", "Colonel", "Timeline", "7 days with nothing on record",
                     "Disputes", "Conflict 1", "There were no", "Bo Lin"):
        assert expected in out
    assert "Off topic." not in out


def test_json_dossier(story):
    data = as_json(story("report", "--tag", "town", "--no-clusters", "--json"))
    assert data["filters"]["tag"] == "town"
    assert sorted((s["name"], s["statements"]) for s in data["speakers"]) == [
        (HOSTILE_NAME, 1), ("Ann Smith", 1), ("Bo Lin", 1)]
    assert [c["status"] for c in data["disputes"]] == ["open", "confirmed"]
    assert data["clusters"] is None
    assert [i["type"] for i in data["timeline"]] == ["statement", "statement", "gap", "statement"]


def test_html_is_self_contained_and_shows_hostile_text_literally(story, tmp_path):
    target = tmp_path / "story.html"
    result = story("report", "--tag", "town", "--no-clusters", "--output", target)
    assert result.exit_code == 0, result.output
    page = target.read_text()
    assert page.startswith("<!DOCTYPE html>")
    # Nothing stored becomes markup: the only tags are the page's own.
    assert "<script" not in page.lower() and "<img" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;/section&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in page
    # Self-contained: inline CSS, nothing fetched.
    assert "<style>" in page
    assert not re.search(r"<link|<[^>]*\ssrc=|@import|url\(", page)
    # The timeline, the gap and the dispute with its evidence highlighted.
    assert "7 days with nothing on record" in page
    assert 'id="conflict-1"' in page and "<mark>There were no</mark>" in page
    assert "disputed: conflict 1" in page


def test_markdown_keeps_stored_text_literal(story, tmp_path):
    target = tmp_path / "story.md"
    assert story("report", "--tag", "town", "--no-clusters", "--output", target).exit_code == 0
    page = target.read_text()
    assert page.startswith("# Dossier: tag town")
    assert "<script" not in page.lower() and "<img" not in page
    assert r"\*now\* \[link\](http://evil.example)" in page
    assert "**There were no** operations" in page
    assert "## Who spoke" in page and "| Ann Smith | Colonel | Army | 1 |" in page


def test_output_needs_a_known_suffix(story, tmp_path):
    result = story("report", "--output", tmp_path / "story.pdf")
    assert result.exit_code == 1
    assert "must end in .html or .md" in result.stderr


def test_clusters_come_from_the_clusterer(story, isolated_db):
    db = store.open_record(isolated_db)
    try:
        everything = store.list_statements(db)
        by_text = {s.text: s for s in everything}
        pair = [by_text["There were no operations near the town."], by_text["Off topic."]]
        town = [s for s in everything if "town" in s.tags]
        built = dossier.build(db, tag="town", clusterer=lambda _db, _statements: [town, pair])
        without = dossier.build(db, tag="town", clusterer=None)
    finally:
        db.close()
    # Only members inside the dossier count; a cluster left with one member is not shown.
    assert [len(c) for c in built.clusters] == [3]
    assert without.clusters is None
    assert "Claims made more than once" in html.render(built)
    assert "Claims made more than once" not in html.render(without)


def test_statements_making_the_same_claim_cluster_and_contradictions_do_not(run, isolated_db):
    run("add", "The new bridge over the river will open to traffic in March.", "--speaker", "Ann Smith")
    run("add", "The new bridge over the river opens to traffic in March.", "--speaker", "Bo Lin")
    run("add", "The new bridge over the river will not open to traffic in March.", "--speaker", "Cy Doe")
    run("add", "Bread prices rose again this week.", "--speaker", "Di Roe")
    db = store.open_record(isolated_db)
    try:
        groups = dossier.cluster_statements(db, store.list_statements(db))
    finally:
        db.close()
    assert [sorted(s.speaker.name for s in g) for g in groups] == [["Ann Smith", "Bo Lin"]]


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_written_dossiers_carry_no_control_characters(run, tmp_path, suffix):
    # Read back with `cat`, an ESC or BEL in a page would clear the screen or retitle the window.
    hostile = "Harbour\x1b]0;pwned\x07\x1b[2J\x9b31m"
    run("add", f"The ferry sank near {hostile} on Friday.", "--speaker", f"Ann {hostile}", "--outlet", hostile,
        "--place", hostile, "--context", hostile, "--event-date", "2021-06-04", "--tag", "ferry")
    page = tmp_path / f"ferry{suffix}"
    result = run("report", "--tag", "ferry", "-o", page)
    assert result.exit_code == 0, result.output
    written = page.read_text(encoding="utf-8")
    assert not any(c in written for c in "\x1b\x07\x9b")
    assert "Harbour\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m" in written.replace("\\]", "]").replace("\\[", "[")
