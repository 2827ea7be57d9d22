"""docs/guide.md is the real output of the commands it shows: regenerated, never edited by hand."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import user_guide  # noqa: E402


def test_user_guide_is_current():
    assert (ROOT / "docs" / "guide.md").read_text() == user_guide.guide(), (
        "docs/guide.md is stale: run python scripts/user_guide.py"
    )


def test_readme_tour_is_current():
    text = (ROOT / "README.md").read_text()
    assert [m["args"] for m in user_guide.TOUR.finditer(text)] == [
        "conflicts", 'match "Daesh held building destroyed near Makhmour"']
    assert text == user_guide.readme(), (
        "README.md's tour is stale: run python scripts/user_guide.py"
    )


def test_readme_tour_blocks_are_filled_from_their_commands():
    stale = "<!-- tour: speakers --json -->\n```\n$ quotetrack speakers\nnobody\n```\n<!-- /tour -->\n"
    filled = user_guide.readme(stale)
    assert filled.startswith("<!-- tour: speakers --json -->\n```\n$ quotetrack speakers --json\n[")
    assert '"name": "Srood"' in filled and "nobody" not in filled
