"""Write docs/guide.md: the seed story walked end to end, with the real output of every command;
and the outputs of the README's tour.

Run: python scripts/user_guide.py           (rewrites docs/guide.md and the README's tour blocks)
     python scripts/user_guide.py --check   (exit 1 when either is stale, for CI)

In README.md, a line ``<!-- tour: ARGS -->`` is followed by a block with ``$ quotetrack ARGS`` and
its output, up to ``<!-- /tour -->``; the tour runs on a record holding the README's first
command's article.

Every command runs against a fresh database in a temporary folder. The clock is fixed and the
editor named, so the guide only changes when quotetrack's behaviour does.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from quotetrack import store
from quotetrack.cli import app

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "guide.md"
README = ROOT / "README.md"
TOUR = re.compile(r"<!-- tour: (?P<args>.+?) -->\n.*?<!-- /tour -->", re.S)
ARTICLE = ROOT / "quotetrack" / "samples" / "makhmour-strikes.txt"
FIXED_NOW = "2018-07-12T09:00:00+00:00"
WIDTH = "100"


class Walk:
    """Runs commands in a scratch folder and collects them, with their output, as Markdown."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.parts: list[str] = []
        self.runner = CliRunner()

    def text(self, markdown: str) -> None:
        self.parts.append(markdown.strip() + "\n")

    def run(self, *args: str, show: bool = True, input: str | None = None, expect: int = 0) -> Any:
        cwd = os.getcwd()
        os.chdir(self.folder)
        try:
            result = self.runner.invoke(app, list(args), input=input, prog_name="quotetrack")
        finally:
            os.chdir(cwd)
        if result.exit_code != expect:
            raise SystemExit(f"quotetrack {shlex.join(args)} exited {result.exit_code}:\n{result.output}"
                             f"{result.exception!r}")
        if show:
            shown = "\n".join(line.rstrip() for line in result.output.rstrip().splitlines())
            command = "$ quotetrack " + shlex.join(args)
            status = f"\n$ echo $?\n{result.exit_code}" if expect else ""
            self.parts.append(f"```console\n{command}\n{shown}{status}\n```\n")
        return result

    def json(self, *args: str) -> Any:
        return json.loads(self.run(*args, "--json", show=False).stdout)

    def file(self, name: str, content: str, language: str = "text", show: bool = True) -> Path:
        path = self.folder / name
        path.write_text(content)
        if show:
            self.parts.append(f"`{name}`:\n\n```{language}\n{content.rstrip()}\n```\n")
        return path


def statement_id(walk: Walk, speaker: str, starts: str) -> str:
    for statement in walk.json("list", "--speaker", speaker):
        if statement["text"].startswith(starts):
            return str(statement["id"])
    raise SystemExit(f"no statement of {speaker} starts with {starts!r}")


def story(walk: Walk) -> None:
    walk.text("""
# quotetrack user guide: one story, end to end

This guide follows one real article through quotetrack: *"Coalition continues strikes against IS
remnants near Makhmour"* (Kurdistan 24, 11 July 2018), shipped as
`quotetrack/samples/makhmour-strikes.txt`. In it the US-led coalition reports air strikes near
Makhmour on 8 July, a Peshmerga colonel says there were no Peshmerga operations near Makhmour that
day, and the outlet itself reports a joint Peshmerga-coalition operation on 30 June.

Every block below is the real output of the command above it, produced by
`python scripts/user_guide.py` on a fresh database, so this guide never drifts from the program.
Set the record's location once with `export QUOTETRACK_DB=story.db` (or pass `--db` to any command).
""")
    walk.text("""
## 1. Record the article

`ingest` reads the article (plain text, Markdown or HTML), finds every attributed statement and
records them with the source. Each row is a statement: who said it, how (the cue), the words, and
how sure the extractor is. `--dry-run` shows the same table and records nothing.
""")
    walk.run("ingest", "makhmour-strikes.txt", "--outlet", "Kurdistan 24", "--published", "2018-07-11", "--yes")
    walk.text("## 2. Look at the record\n\nWho spoke, with titles and affiliations as the article gives them:")
    walk.run("speakers")
    walk.text("Statements, newest first; `--speaker`, `--outlet`, `--tag`, `--since` and `--limit` narrow "
              "them down:")
    walk.run("list", "--speaker", "Thomas Veale")
    srood = statement_id(walk, "Srood", "")
    walk.text("One statement in full, highlighted where it stands in the article:")
    walk.run("show", srood, "--in-source")
    walk.text("Full-text search over words, speakers and outlets. Every word must be found, as written: "
              "`search US-led` finds \"US-led\"; `--fts` reads the query as full-text syntax instead "
              "(`\"a phrase\"`, `AND`, `OR`, `NOT`, `prefix*`):")
    walk.run("search", "Peshmerga")

    walk.text("""
## 3. Disputes

Each new statement is checked against the record as it is stored. The colonel's denial and the
outlet's own report of a joint operation are flagged as a polarity conflict, with a caveat that the
two statements name different days:
""")
    walk.run("conflicts")
    conflicts = walk.json("conflicts")
    if conflicts:
        first = str(conflicts[0]["id"])
        walk.text("An editor reads both sides and records a verdict; the note stays with the conflict and in "
                  "the change log:")
        walk.run("conflicts", "review", first, "--confirm", "--note",
                 "Srood denies any Peshmerga operation on 8 July; the joint operation was on 30 June.")

    walk.text("""
## 4. Timeline

Statements in the order of the days they are about (the event date, else the day said, else the day
published). Days with nothing on record between two dated statements show as gaps; statements in an
open or confirmed conflict are flagged:
""")
    walk.run("timeline")

    walk.text("""
## 5. The dossier

`report` gathers who spoke, the timeline, claims made more than once, and the disputes side by side
with the evidence highlighted; `--speaker`, `--tag`, `--outlet`, `--since` and `--until` choose the
statements. In the terminal, for the colonel:
""")
    walk.run("report", "--speaker", "Srood")
    walk.text("""
The same dossier as a self-contained web page (inline CSS, no scripts, nothing fetched; every quote is
escaped, so `<script>` in a quote is shown as text) or as Markdown:
""")
    walk.run("report", "--output", "story.html")
    walk.run("report", "--output", "story.md")
    walk.text("""
The page is drawn from two template files that a newsroom can restyle without touching the code:
`quotetrack/render/templates/dossier.css` (its look) and `dossier.html` (its layout, a Jinja2 template
that escapes everything it shows).
""")

    walk.text("""
## 6. Check a draft before publication

A reporter's draft reuses the story, but one quote has a word changed, one is given to the wrong
person, and one is new:
""")
    article = ARTICLE.read_text()
    draft = article.replace("cannot be denied", "cannot be ignored")
    draft = draft.replace("these terrorists,” he said.", "these terrorists,” Rizgar Mohammed said.")
    draft = draft.replace("Editing by", "“We will reopen the road to Erbil before the winter,” the governor "
                          "of Nineveh said.\n\nEditing by")
    changed = [line for line in draft.splitlines() if line and line not in article.splitlines()]
    walk.file("draft.md", draft, show=False)
    walk.text("The lines of `draft.md` that differ from the article:\n\n```text\n" + "\n\n".join(changed) + "\n```")
    walk.text("`check` finds every quote in the draft and holds it against the record. The exit status is 1 "
              "because something is altered, misattributed or contradicted, so a publishing script can stop:")
    walk.run("check", "draft.md", expect=1)
    walk.text("`--json` gives the same verdicts for scripts, with the word diff and the recorded statement.")

    walk.text("""
## 7. Export, share, restore

The whole record (statements, speakers with their aliases, sources, conflicts and reviews) as JSON
Lines; `--format json` carries the same. `import` replays it into another database with nothing
lost:
""")
    walk.run("export", "--format", "jsonl", "--output", "record.jsonl")
    walk.run("import", "record.jsonl", "--db", "copy.db")
    walk.text("""
For a spreadsheet, `--format csv` writes flat tables, one file per record type, into a folder:
statements (with the speaker's name and the outlet as columns, and no article text), speakers,
conflicts (each side's speaker and words) and figures (each source's figure for each event).
`--table statements` writes one of them to the screen or to `--output FILE`; `import` reads the
statements table back. `list --csv` and `search --csv` give the same statement columns.
""")
    walk.run("export", "--format", "csv", "--output", "tables")
    walk.text("""
`--output` (of `export` and `report`) is written whole or not at all, and replaces an existing file
only when you add `--force`; a device, a named pipe or a directory is never replaced, and a symbolic
link is followed to the file it names, which is what gets written. In CSV, a cell a
spreadsheet would run as a formula (one starting with `=`, `+`, `-`, `@`, a tab or a carriage return)
is written with a single quote in front, and so is one that starts with a single quote; `import`
takes exactly that quote off again, so nothing changes on the way back.
""")
    walk.text("Reviewed conflicts as schema.org `ClaimReview` JSON-LD, ready to embed in a published fact "
              "check:")
    walk.run("export", "--format", "claimreview", "--base-url", "https://example.org/makhmour-check",
             "--publisher", "Example News Desk")
    walk.text("""
`<`, `>` and `&` are written as `\\u003c`, `\\u003e` and `\\u0026`, so a quote or a note holding
`</script>` cannot end the `<script type="application/ld+json">` element the reviews are pasted into.
Only web addresses are kept and published: `--url` (of `add` and `ingest`), a `url` in an imported
file and `--base-url` must start `http://` or `https://`. Anything else (`javascript:`, `data:`,
`file:`) is refused with one line of error, and nothing is written.
""")
    shared(walk)
    walk.text("The command reference (`docs/commands.md`) lists every option of every command.")


def shared(walk: Walk) -> None:
    """Section 8: the record as a file other programs and other desks share."""
    walk.text("""
## 8. A record among other files

quotetrack opens only its own record, or an empty or new file. A `--db` that names another
program's SQLite database is refused and left exactly as it was (no table added, no journal
changed):
""")
    conn = sqlite3.connect(walk.folder / "accounts.db")
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.commit()
    conn.close()
    walk.run("list", "--db", "accounts.db", expect=1)
    walk.text("To keep a record inside such a database on purpose, adopt it once; quotetrack's tables are "
              "added beside the others:")
    walk.run("db", "init", "--force", "--db", "accounts.db")
    walk.text("The record opens in Datasette, searchable, with the metadata quotetrack writes "
              "([datasette.md](datasette.md)):")
    walk.run("db", "datasette", "-o", "metadata.json")
    walk.text("`db copy` copies only a record that exists. A record that a newer quotetrack has upgraded is "
              "read as usual but not written: upgrade quotetrack to change it.")
    walk.text("""
Several editors can use one record at once. Reading commands (`list`, `show`, `events`, `event`,
`report`, `conflicts`, `search`, `match`, `timeline`) never wait for a command that is writing:
while one holds the record, `events` and `report` show the events as last grouped, and
statements added since join them on the next run. Writers take turns; a long `import` commits
5,000 records at a time and pauses between batches, so an `add` or a review made meanwhile waits
seconds, not the whole import. A file is checked whole before its first batch is committed; an
import stopped part way keeps its finished batches, and running it again completes it (records
already on record are skipped).

A record that cannot be written where it is (a read-only mount, a file shared read-only) is opened
for reading: every reading command works, and a write ends with one line saying the record is
read-only here. A verdict given on a conflict is changed (its status or its note) only with
`conflicts review --overrule`, even under the same editor's name: two people may review under one
name (a shared login), and quotetrack cannot tell them apart. The change log keeps every verdict
with its editor and time.
""")


@contextmanager
def scratch() -> Iterator[Walk]:
    """A walk in a fresh folder holding the article: its own record, a fixed clock and editor."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / ARTICLE.name).write_text(ARTICLE.read_text())
        saved = {k: os.environ.get(k) for k in ("QUOTETRACK_DB", "COLUMNS", "QUOTETRACK_EDITOR")}
        os.environ.update({"QUOTETRACK_DB": str(folder / "story.db"), "COLUMNS": WIDTH,
                           "QUOTETRACK_EDITOR": "editor"})
        # The store's clock (store.base.now), also named store.now: both tell the fixed time.
        real_now: Callable[[], str] = store.base.now
        store.now = store.base.now = lambda: FIXED_NOW  # type: ignore[assignment]
        try:
            yield Walk(folder)
        finally:
            store.now = store.base.now = real_now  # type: ignore[assignment]
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


def guide() -> str:
    with scratch() as walk:
        story(walk)
        return "\n".join(walk.parts).replace(str(walk.folder), "/tmp/guide")


def readme(current: str | None = None) -> str:
    """README.md with each tour block's output run again (after the README's first command)."""
    text = README.read_text() if current is None else current
    with scratch() as walk:
        walk.run("ingest", ARTICLE.name, "--outlet", "Kurdistan 24", "--published", "2018-07-11", "--yes",
                 show=False)

        def block(found: re.Match[str]) -> str:
            args = shlex.split(found["args"])
            walk.parts = []
            walk.run(*args)
            shown = walk.parts[0].replace("```console\n", "```\n", 1)
            return f"<!-- tour: {found['args']} -->\n{shown}<!-- /tour -->"

        return TOUR.sub(block, text)


if __name__ == "__main__":
    outputs = {TARGET: guide(), README: readme()}
    if "--check" in sys.argv[1:]:
        stale = [path.name for path, text in outputs.items() if not path.exists() or path.read_text() != text]
        if stale:
            sys.stderr.write(f"{' and '.join(stale)} stale: run python scripts/user_guide.py\n")
            raise SystemExit(1)
        raise SystemExit(0)
    for path, text in outputs.items():
        path.write_text(text)
        sys.stdout.write(f"wrote {path}\n")
