"""The report in a real browser: headless Chromium renders an invented story's dossier at 1280 and
390 px wide, the screenshots go to docs/ (docs/report.md shows them), and at 390 px nothing is
wider than the screen.

Needs the Debian package `chromium` (/usr/bin/chromium) and the PyPI package `playwright` (the
`test` extra), which drives that browser: no browser is downloaded. Skipped when either is missing,
unless QUOTETRACK_TEST_BROWSER=required (CI): then a failure (conftest's `browser`).
"""

import re
from pathlib import Path

import pytest
from conftest import as_json

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
BATCH = Path(__file__).parent / "fixtures" / "brennmoor-batch"
PHONE, DESK = 390, 1280


@pytest.fixture
def page_file(run, tmp_path):
    """The dossier of the Brennmoor flood as an HTML file, its time of making fixed so that the
    screenshots change only when the page does."""
    as_json(run("ingest", "--manifest", BATCH / "articles.csv", "--yes", "--json"))
    path = tmp_path / "story.html"
    result = run("report", "--tag", "brennmoor-flood", "--title", "The Brennmoor flood", "-o", path)
    assert result.exit_code == 0, result.output
    path.write_text(re.sub(r"generated \S+ by quotetrack", "generated 2026-04-10T18:00:00+00:00 by quotetrack",
                           path.read_text()))
    return path


def _open(browser, path, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(path.as_uri())
    return page


def _save(page, name):
    """The screenshot into docs/, rewritten only when it differs (a checkout stays clean)."""
    shot = page.screenshot(full_page=True)
    target = DOCS / name
    if not target.exists() or target.read_bytes() != shot:
        target.write_bytes(shot)


# Elements whose right edge passes the viewport, other than inside a box that scrolls by itself.
_OVERFLOWING = """
() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !e.closest('.scroll'))
  .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))
"""
_SIDES = "() => [...document.querySelectorAll('.dispute .side')].slice(0, 2).map(e => e.getBoundingClientRect().x)"


def test_at_390_px_the_page_is_no_wider_than_the_screen(browser, page_file):
    page = _open(browser, page_file, PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    assert page.evaluate(_OVERFLOWING) == []
    # A dispute's two sides stand one above the other.
    a, b = page.evaluate(_SIDES)
    assert a == b
    # The chart is drawn, inside the screen.
    box = page.locator("svg.chart").bounding_box()
    assert box is not None and box["width"] > 200 and box["x"] + box["width"] <= PHONE
    _save(page, "report-390.png")
    page.close()


def test_at_1280_px_the_sides_of_a_dispute_stand_side_by_side(browser, page_file):
    page = _open(browser, page_file, DESK)
    assert page.evaluate("document.documentElement.scrollWidth") <= DESK
    a, b = page.evaluate(_SIDES)
    assert b > a + 300
    _save(page, "report-1280.png")
    page.close()


def test_the_docs_show_the_screenshots():
    text = (DOCS / "report.md").read_text()
    for name in ("report-1280.png", "report-390.png"):
        assert f"]({name})" in text and (DOCS / name).is_file()
