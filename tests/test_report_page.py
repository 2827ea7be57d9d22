"""`report` as an editor reads it on a desk or a phone: --title, --event, --tag, -o -, long gaps
folded into sections, "disputed" linked to its dispute, figure series drawn as inline SVG.

The story is the invented batch in tests/fixtures/brennmoor-batch (a flood in Brennmoor, April
2026, from three outlets; a strike in Ostara, January 2023, three years before).
"""

import re
from datetime import date
from pathlib import Path

import pytest
from conftest import as_json

from quotetrack.render import charts

BATCH = Path(__file__).parent / "fixtures" / "brennmoor-batch"


@pytest.fixture
def story(run):
    as_json(run("ingest", "--manifest", BATCH / "articles.csv", "--yes", "--json"))
    return run


def _page(run, *args):
    result = run("report", "--no-clusters", "-o", "-", *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_dash_writes_the_page_to_standard_output(story, tmp_path):
    page = _page(story)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    markdown = _page(story, "--format", "md")
    assert markdown.startswith("# Dossier: the whole record")
    assert not list(tmp_path.glob("-*"))  # no file named "-"


@pytest.mark.parametrize(("args", "message"), [
    (("-o", "-", "--json"), "-o - and --json both write to standard output"),
    (("-o", "story.md", "--format", "html"), "story.md is named as md but --format says html"),
    (("--format", "pdf", "-o", "-"), "--format 'pdf' is not one of: html, md"),
    (("--format", "md",), "--format is the format of the file -o writes"),
])
def test_output_options_that_disagree_are_refused(story, args, message):
    result = story("report", *args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert result.stdout == ""


def test_title_names_the_page(story):
    page = _page(story, "--tag", "brennmoor-flood", "--title", "The Brennmoor flood <day by day>")
    assert "<title>The Brennmoor flood &lt;day by day&gt;</title>" in page
    assert "<h1>The Brennmoor flood &lt;day by day&gt;</h1>" in page
    assert as_json(story("report", "--title", "Desk copy", "--no-clusters", "--json"))["title"] == "Desk copy"


def test_event_keeps_only_that_events_statements(story):
    events = as_json(story("events", "--json"))
    flood = next(e for e in events if e["place"] == "Brennmoor")
    data = as_json(story("report", "--event", flood["id"], "--no-clusters", "--json"))
    assert data["filters"]["event"] == str(flood["id"])
    assert data["title"] == f"Dossier: event {flood['id']} ({flood['name']})"
    texts = [i["statement"]["text"] for i in data["timeline"] if i["type"] == "statement"]
    assert len(texts) == flood["statements"]
    assert any("Brennmoor" in t for t in texts) and not any("Ostara" in t for t in texts)
    missing = story("report", "--event", "999")
    assert missing.exit_code == 1
    assert "There is no event with id 999" in missing.stderr


def test_a_long_gap_becomes_a_section_break_not_a_row(story):
    page = _page(story)
    # Ostara (January 2023) and Brennmoor (April 2026): two sections, no row of 1,180 empty days.
    assert re.findall(r'<h3 class="period">([^<]*)</h3>', page) == [
        "2023-01-09 – 2023-01-10", "2026-04-05 – 2026-04-10"]
    assert not re.search(r"\d{3,} days with nothing on record", page)
    assert "1 day with nothing on record" in page  # a short gap inside the story stays
    markdown = _page(story, "--format", "md")
    assert "### 2023-01-09 – 2023-01-10" in markdown and "### 2026-04-05 – 2026-04-10" in markdown
    assert not re.search(r"\d{3,} days with nothing on record", markdown)
    gaps = [i for i in as_json(story("timeline", "--json")) if i["type"] == "gap"]
    assert [g["folded"] for g in gaps if g["days"] > 1000] == [True]


def test_one_story_alone_has_no_sections(story):
    page = _page(story, "--tag", "brennmoor-flood")
    assert '<h3 class="period">' not in page


def test_disputed_flags_link_to_their_dispute(story):
    page = _page(story, "--tag", "brennmoor-flood")
    links = re.findall(r'<a class="flag [a-z]+" href="#conflict-(\d+)">disputed: conflict (\d+)', page)
    assert links and all(target == shown for target, shown in links)
    anchors = set(re.findall(r'<section class="dispute [a-z]+" id="conflict-(\d+)">', page))
    assert {target for target, _ in links} <= anchors
    markdown = _page(story, "--tag", "brennmoor-flood", "--format", "md")
    for target in {target for target, _ in links}:
        assert f"[conflict {target}](#conflict-{target})" in markdown
        assert f'<a id="conflict-{target}"></a>' in markdown


def test_a_figure_series_is_an_inline_svg_step_chart(story):
    page = _page(story, "--tag", "brennmoor-flood")
    (svg,) = re.findall(r"<svg .*?</svg>", page, re.S)
    assert 'aria-label="killed over time: 1 (2026-04-06), 3 (2026-04-06), 9 (2026-04-08), 10 (2026-04-10)"' in svg
    assert svg.count("<circle") == 4
    # Drawn on the server: no script, no outside asset, nothing the page's CSP would block.
    assert "<script" not in page and "src=" not in page and "<link" not in page
    assert not re.search(r'href="(?!#|https://(ledger|courier|radio)\.example/)', page)


def test_the_page_reads_on_a_phone():
    # The rules themselves; tests/test_report_screenshots.py measures the page in Chromium.
    css = (Path(charts.__file__).parent / "templates" / "dossier.css").read_text()
    phone = css[css.index("@media (max-width: 640px)"):]
    assert ".sides { grid-template-columns: 1fr;" in phone
    assert ".scroll { max-width: 100%; overflow-x: auto; }" in css


# --- charts.py on its own ---


def test_a_step_chart_holds_each_value_until_the_next():
    chart = charts.step_chart([charts.Point(date(2026, 4, 6), 1), charts.Point(date(2026, 4, 8), 9),
                               charts.Point(date(2026, 4, 10), 10)], title="killed")
    assert chart is not None
    # Horizontal to the next report's day, then up to its value: a step, never a slope.
    assert re.fullmatch(r"M[\d.]+ [\d.]+( H[\d.]+ V[\d.]+){2}", chart.path)
    xs = [d.x for d in chart.dots]
    ys = [d.y for d in chart.dots]
    assert xs == sorted(xs) and xs[1] - xs[0] == pytest.approx(xs[2] - xs[1])  # two days each
    assert ys[0] > ys[1] > ys[2]  # higher values stand higher (SVG's y runs down)
    assert [label.text for label in chart.labels] == ["10", "0", "2026-04-06", "2026-04-10"]


def test_a_step_chart_needs_two_points_and_starts_at_zero():
    assert charts.step_chart([charts.Point(date(2026, 4, 6), 5)], title="killed") is None
    chart = charts.step_chart([charts.Point(date(2026, 4, 6), 90), charts.Point(date(2026, 4, 7), 100)],
                              title="killed")
    assert chart is not None
    bottom = charts.HEIGHT - 22
    # 90 of 100 stands near the top, not at the bottom of a cut axis.
    assert bottom - chart.dots[0].y > 0.8 * (bottom - chart.dots[1].y)


def test_svg_gives_the_markup_alone_and_escapes_its_text():
    chart = charts.step_chart([charts.Point(date(2026, 4, 6), 1, "<b>one</b>"),
                               charts.Point(date(2026, 4, 7), 2)], title='killed "now"')
    markup = str(charts.svg(chart))
    assert markup.startswith('<svg class="chart"') and markup.endswith("</svg>")
    assert "<title>&lt;b&gt;one&lt;/b&gt;</title>" in markup and "&quot;now&quot;" in markup


def test_undated_statements_after_dated_ones_are_a_period_of_their_own():
    from datetime import date

    from quotetrack.dossier import Entry, periods
    from quotetrack.models import Speaker, Statement

    def entry(day):
        statement = Statement(text="The dam held", speaker=Speaker(name="Ana Lind"))
        return Entry(statement, day, "said" if day else "undated")

    cut = periods([entry(date(2031, 3, 2)), entry(date(2031, 3, 3)), entry(None), entry(None)])
    assert [[item.day for item in period.items] for period in cut] == [
        [date(2031, 3, 2), date(2031, 3, 3)], [None, None]]
    assert len(periods([entry(None), entry(None)])) == 1  # nothing dated before them: no cut
