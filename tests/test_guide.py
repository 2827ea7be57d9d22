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
