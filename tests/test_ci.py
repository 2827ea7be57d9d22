"""The test run and CI fail when what they were asked to run cannot run."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_postgresql_backend_without_a_server_fails_the_run():
    env = dict(os.environ, QUOTETRACK_TEST_BACKEND="postgresql",
               QUOTETRACK_TEST_PG_URL="postgresql://nobody:nothing@127.0.0.1:1/none")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--collect-only", "tests/test_docs.py"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode != 0, result.stdout + result.stderr
    assert "no PostgreSQL server reachable" in result.stdout + result.stderr


def test_a_browser_test_without_the_browser_fails_when_the_browser_is_required():
    env = dict(os.environ, QUOTETRACK_TEST_BROWSER="required", QUOTETRACK_TEST_CHROMIUM="/nonexistent/chromium")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", "-x",
         "tests/test_report_screenshots.py"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode != 0, result.stdout + result.stderr
    assert "Chromium is not installed" in result.stdout + result.stderr
    assert "QUOTETRACK_TEST_BROWSER=required" in (ROOT / ".ci" / "run").read_text()


def ci_commands():
    """The commands of .ci/run, continuation lines joined and comments left out."""
    text = (ROOT / ".ci" / "run").read_text().replace("\\\n", " ")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]


def test_ci_script_stops_at_the_first_failing_step():
    lines = ci_commands()
    assert "set -euo pipefail" in lines
    # `|| true` hides a failure (a PostgreSQL that did not start); a command in an `a && b`
    # chain is exempt from `set -e`, so a failed pip install there would not stop the script.
    assert not [line for line in lines if re.search(r"\|\|\s*true\b", line)]
    assert not [line for line in lines if "&&" in line and re.search(r"\b(pip|pytest|venv)\b", line)]
