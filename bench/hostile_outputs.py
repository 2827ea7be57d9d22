"""Hostile classes for what quotetrack prints and writes (issue 18: items 2, 3, 4, 5 and 10's raw
ESC/BEL in reports). bench/reliability.py runs them after its hostile inputs.

- markup: rich markup, links, :emoji: codes and terminal escapes put in every field a command prints
  (text, speaker, title, affiliation, outlet, headline, place, context, relayed-to, tag, review note,
  event name, an ingested file's name, compare's free text, a draft's quote, an alias, a term);
  every printing command must end well,
  send no control character and show the field as written (Markdown and HTML dossiers too).
- paths: `export -o` and `report -o` aimed at new and existing files, links to files and devices,
  dangling links, named pipes, directories, missing folders and odd names, with and without
  --force; run as real processes with a time limit, so a write that blocks on a pipe is a hang.
- csv: records whose cells start with formula characters or quotes, carry carriage returns, or run
  past the csv module's 131,072-character field limit, exported to CSV and imported again: no cell
  may start a formula and the record must come back exactly.

Each class reports inputs tried, tracebacks, hangs, wrong outputs and data lost.
"""

from __future__ import annotations

import json
import os
import random
import stat
import subprocess
import sys
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from outcomes import Outcomes

ROOT = Path(__file__).resolve().parent.parent

# Pieces that a renderer could read as markup or a terminal could act on. Newlines and tabs are
# left out: a table folds them, so the field could not be looked for on one line.
MARKUP = ["[bold]", "[/]", "[/bold]", "[red on white]", "[link=https://evil.example]", "[/link]", "[sic]",
          "[", "]", "\\[", "\\", ":smile:", ":warning:", "[i]x[/i]", "[blink]", "<script>", "</script>",
          "&amp;", "*x*", "_y_", "`z`", "|", "#", "~"]
ESCAPES = ["\x1b[31m", "\x1b[0m", "\x1b]0;pwned\x07", "\x1b[2J", "\x1bc", "\x9b31m", "\x07", "\x08",
           "\x7f", "\x1b]8;;https://evil.example\x1b\\", "\x90", "\x9d", "\r", "\x1b[?1049h"]
WORDS = ["Harbour", "Mosul", "bridge", "Ana", "quay", "north"]
# Characters a terminal acts on: C0 but line feed and tab, DEL, and C1.
SENT = {chr(c) for c in [*range(0, 9), *range(11, 32), *range(127, 160)]}


def hostile_string(rng: random.Random) -> str:
    """A word with markup and escapes around and inside it."""
    pieces = [rng.choice(WORDS)]
    for _ in range(rng.randint(1, 4)):
        pieces.insert(rng.randint(0, len(pieces)), rng.choice(MARKUP + ESCAPES))
    return "".join(pieces)


def _visible(text: str) -> str:
    from quotetrack.render.common import visible

    return visible(text)


class Runner:
    """The CLI in this process on one database, wide enough that no table cell wraps."""

    def __init__(self, db: Path) -> None:
        from typer.testing import CliRunner

        from quotetrack.cli import app

        self.app, self.db = app, db
        self.runner = CliRunner(env={"COLUMNS": "3000", "QUOTETRACK_EDITOR": "reliability"})

    def __call__(self, *argv: str) -> Any:
        args = list(argv)
        at = args.index("--") if "--" in args else len(args)  # options go before a "--"
        return self.runner.invoke(self.app, [*args[:at], "--db", str(self.db), *args[at:]], catch_exceptions=True)


def _traceback(result: Any) -> str | None:
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        return f"{type(exc).__name__}: {exc}"
    if "Traceback (most recent call last)" in result.output:
        return result.output[-400:]
    return None


# --- markup and escapes in every printed field ---


def _record_with(run: Runner, s: str, n: int, work: Path) -> bool:
    """Two statements, a reviewed conflict and a named event, every field carrying ``s``."""
    from quotetrack import store
    from quotetrack.evidence import NO_EVIDENCE

    common = [f"--title={s}", f"--affiliation={s}", f"--outlet={s}", f"--source-title={s}", f"--place={s}",
              f"--context={s}", f"--relayed-to={s}", f"--tag={s}", "--event-date=2021-05-03", "--new-speaker"]
    for said, words in (("2021-05-03", "Twelve people were killed"), ("2021-05-04", "Three people were killed")):
        result = run("add", f"--speaker=Ana {s} Ruiz", f"--said-on={said}", *common, "--",
                     f"{words} at the {s} quay {n}.")
        if result.exit_code != 0:
            return False
    db = store.open_record(run.db)
    try:
        ids = [s_.id for s_ in store.list_statements(db)]
        with store.transaction(db):
            store.save_conflict(db, ids[0], ids[1], "number", 0.9, NO_EVIDENCE, [s])
    finally:
        db.close()
    run("conflicts", "review", "1", "--confirm", f"--note={s}")
    run("events")
    run("events", "rename", "1", "--", s)
    return True


def _stored_fields(run: Runner) -> dict[str, str]:
    """The fields as the record keeps them (a name is trimmed, for one): what the views must show."""
    statement = json.loads(run("show", "1", "--json").stdout)
    conflicts = json.loads(run("conflicts", "--json").stdout)
    events = json.loads(run("events", "--json").stdout)
    return {"text": statement["text"], "speaker": statement["speaker"]["name"],
            "outlet": statement["source"]["outlet"], "place": statement["place"],
            "context": statement["context"], "note": (conflicts[0]["note"] or "") if conflicts else "",
            "event": events[0]["name"] if events else ""}


def _printing_commands(stored: dict[str, str]) -> list[tuple[list[str], list[str]]]:
    """(argv, the stored strings its output must show as written)."""
    text = stored["text"]
    return [
        (["show", "1"], [text, stored["speaker"], stored["outlet"], stored["place"], stored["context"]]),
        (["list"], [text, stored["speaker"]]),
        (["speakers"], [stored["speaker"]]),
        (["timeline"], [text]),
        (["report", "--no-clusters"], [text, stored["note"]]),
        (["events"], [stored["event"]]),
        (["event", "1"], [text, stored["event"]]),
        (["conflicts"], [text, stored["note"]]),
        (["conflicts", "--each-pair"], [text]),
        (["search", "quay"], []),
        (["match", "--", text], [text]),
        (["compare", "--", text, f"No one was killed at the {stored['place']} quay."], [text]),
        (["log"], []),
        (["claims"], []),
    ]


def markup(inputs: int, folder: Path, rng: random.Random) -> Outcomes:
    from quotetrack.render import markdown

    result = Outcomes("hostile markup in every printed field")
    for n in range(inputs):
        s = hostile_string(rng)
        work = folder / f"markup-{n}"
        work.mkdir(parents=True, exist_ok=True)
        run = Runner(work / "r.db")
        result.tried += 1
        if not _record_with(run, s, n, work):
            result.problem("wrong", f"add refused {s!r}")  # every field here is storable text
            continue
        stored = _stored_fields(run)
        for argv, shown in _printing_commands(stored):
            _judge_printed(result, run(*argv), argv, [_visible(x) for x in shown])
        # Commands that print what they were just given: a draft's quote, an alias, a term, an edit.
        draft = work / "draft.md"  # control characters make a file binary to `check`: markup only
        quote = "".join(c for c in f'"{stored["text"]}" said {stored["speaker"]}.' if c not in SENT)
        draft.write_text(quote + "\n", encoding="utf-8")
        _judge_printed(result, run("check", str(draft)), ["check"], [], verdict=True)
        for argv in (["speakers", "alias", "1", "--", f"A. {s}"], ["terms", "add", "--", f"{s} Port", f"{s}P"],
                     ["edit", "1", f"--relayed-to={s}"]):
            _judge_printed(result, run(*argv), argv, [])
        for suffix, form in ((".md", markdown.md), (".html", lambda x: escape(_visible(x), quote=True))):
            page = work / f"story{suffix}"
            done = run("report", "--no-clusters", "-o", str(page))
            if _traceback(done):
                result.problem("tracebacks", f"report -o {suffix}: {_traceback(done)}")
                continue
            written = page.read_text(encoding="utf-8") if page.exists() else ""
            if SENT & set(written) or form(f"Twelve people were killed at the {s} quay {n}.") not in written:
                result.problem("wrong", f"report -o {suffix} with {s!r}")
        name = "".join(c for c in s if c not in "/\x00") or "x"
        article = work / f"quay {name}.txt"
        try:
            article.write_text(f'"The quay reopens on Monday," said Ana Ruiz, the harbour master. {n}\n')
        except OSError:
            continue
        _judge_printed(result, run("ingest", str(article), "--published", "2021-05-05", "--yes"),
                       ["ingest", article.name], [_visible(article.name)])
    return result


def _judge_printed(result: Outcomes, done: Any, argv: list[str], shown: list[str], verdict: bool = False) -> None:
    """``verdict``: exit status 1 is an answer (`check` found a quote to fix), not an error."""
    trace = _traceback(done)
    if trace:
        result.problem("tracebacks", f"{argv!r}: {trace}")
        return
    output = done.stdout + done.stderr
    if done.exit_code not in ((0, 1) if verdict else (0,)) or "Error: " in done.stderr:
        result.problem("wrong", f"{argv!r} exit {done.exit_code}: {done.stderr[:300]!r}")
    elif SENT & set(output):
        result.problem("wrong", f"{argv!r} sent {sorted(SENT & set(output))[:3]!r}")
    else:
        missing = [x for x in shown if x not in done.stdout]
        if missing:
            result.problem("wrong", f"{argv!r} did not show {missing[0]!r}")


# --- output paths ---


def _target(kind: str, work: Path, rng: random.Random, suffix: str) -> tuple[Path, Callable[[], Any]]:
    """A target of the given kind, and how to read what it is afterwards (to see it unchanged)."""
    name = work / f"out-{kind}{suffix}"
    if kind == "existing":
        name.write_text("an editor's notes\n")
    elif kind == "link-to-file":
        real = work / f"real-{kind}"
        real.write_text("an editor's notes\n")
        name.symlink_to(real)
    elif kind == "dangling-link":
        name.symlink_to(work / "not-yet")
    elif kind == "link-to-device":
        name.symlink_to(os.devnull)
    elif kind == "fifo":
        os.mkfifo(name)
    elif kind == "directory":
        name.mkdir()
    elif kind == "missing-folder":
        name = work / "no-such-folder" / f"out{suffix}"
    elif kind == "odd-name":
        name = work / (("".join(c for c in hostile_string(rng) if c not in "/\x00") or "x") + suffix)
    elif kind == "long-name":
        name = work / ("n" * 300 + suffix)

    def what() -> Any:
        try:
            mode = os.lstat(name).st_mode
        except OSError:
            return None
        if stat.S_ISLNK(mode):
            return ("link", os.readlink(name), what_real())
        if stat.S_ISREG(mode):
            return ("file", name.read_bytes())
        return ("other", stat.S_IFMT(mode))

    def what_real() -> Any:
        try:
            real = os.stat(name)
        except OSError:
            return None
        return ("file", Path(os.path.realpath(name)).read_bytes()) if stat.S_ISREG(real.st_mode) else stat.S_IFMT(
            real.st_mode)

    return name, what


KINDS = ["new", "existing", "link-to-file", "dangling-link", "link-to-device", "fifo", "directory",
         "missing-folder", "odd-name", "long-name"]
# What must happen: written, or refused with the target left as it was.
_WRITTEN = {"new", "dangling-link", "odd-name"}
_WRITTEN_WITH_FORCE = {"existing", "link-to-file"}


def paths(inputs: int, folder: Path, rng: random.Random) -> Outcomes:
    result = Outcomes("hostile output paths")
    db = folder / "paths.db"
    Runner(db)("add", "--speaker=Ana Ruiz", "--outlet=Harbour Post", "--", "The quay reopens on Monday.")
    for n in range(inputs):
        kind = KINDS[n % len(KINDS)]
        force = rng.random() < 0.5
        work = folder / f"paths-{n}"
        work.mkdir(parents=True, exist_ok=True)
        # CSV as one table: without --table, --format csv writes a folder of tables.
        command = rng.choice([["export", *rng.choice([["--format", "jsonl"], ["--format", "json"],
                                                      ["--format", "csv", "--table", "statements"]])],
                              ["report", "--no-clusters"]])
        target, what = _target(kind, work, rng, ".md" if command[0] == "report" else "")
        before = what()
        argv = [*command, "-o", str(target), *(["--force"] if force else []), "--db", str(db)]
        result.tried += 1
        try:
            done = subprocess.run([sys.executable, "-m", "quotetrack", *argv], capture_output=True, timeout=60,
                                  cwd=ROOT, env=os.environ | {"QUOTETRACK_EDITOR": "reliability"})
        except subprocess.TimeoutExpired:
            result.problem("hangs", f"{kind}: {argv[:3]!r} did not end in 60 s")
            if kind == "fifo":  # let the blocked writer go
                os.unlink(target)
            continue
        err = done.stderr.decode(errors="replace")
        if "Traceback" in err:
            result.problem("tracebacks", f"{kind}: {err[-300:]}")
            continue
        should_write = kind in _WRITTEN or (force and kind in _WRITTEN_WITH_FORCE)
        after = what()
        leftovers = [p.name for p in work.rglob("*partial*")]
        if leftovers:
            result.problem("wrong", f"{kind}: left {leftovers[:2]}")
        if should_write:
            if done.returncode != 0:
                result.problem("wrong", f"{kind} force={force}: {argv[:2]} refused: {err.strip()[:200]}")
            elif kind in ("dangling-link", "link-to-file") and (
                    after is None or after[0] != "link" or after[2] is None or after == before):
                result.problem("wrong", f"{kind}: the link was replaced or its file not written: {after!r}"[:300])
            elif kind in ("new", "existing", "odd-name") and (after is None or after == before):
                result.problem("wrong", f"{kind}: nothing written")
        else:
            lines = [line for line in err.splitlines() if line.strip()]
            if done.returncode == 0:
                result.problem("lost" if before is not None else "wrong",
                               f"{kind} force={force}: {argv[:2]} wrote over it")
            elif not lines or not lines[-1].startswith("Error: "):
                result.problem("wrong", f"{kind}: unclear refusal {err[:200]!r}")
            if after != before:
                result.problem("lost", f"{kind} force={force}: target changed from {before!r} to {after!r}"[:300])
        if kind == "link-to-device" and not stat.S_ISCHR(os.stat(os.devnull).st_mode):
            result.problem("lost", f"{os.devnull} is no longer a device")
    return result


# --- CSV round trip ---

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CELL_STARTS = ["=", "+", "-", "@", "\t", "\r", "'", "''", "'=", "=HYPERLINK(\"http://evil.example\",\"x\")",
                "+1", "-1", "@SUM(A1)", ""]


def _cell(rng: random.Random, n: int) -> str:
    middle = rng.choice(["", "\r", "\r\n", "\n", ",", "\"", "'", ";", " "])
    return f"{rng.choice(_CELL_STARTS)}{rng.choice(WORDS)}{middle}{n}"


def csv_round_trip(inputs: int, folder: Path, rng: random.Random) -> Outcomes:
    import csv

    result = Outcomes("hostile CSV round trip")
    records = []
    for n in range(inputs):
        start = rng.choice(_CELL_STARTS).strip()
        record = {"text": _cell(rng, n) + " said the harbour master", "speaker": f"{start}Ana {n}",
                  "outlet": _cell(rng, n), "place": _cell(rng, n), "context": _cell(rng, n),
                  "relayed_to": _cell(rng, n), "source_title": _cell(rng, n),
                  "tags": [_cell(rng, n).strip() or "t"]}
        records.append(record)
    # One statement past the csv module's default field limit (131,072 characters).
    records.append({"text": "=" + "The quay reopens on Monday. " * 5400, "speaker": "Ana Ruiz"})
    result.tried = len(records)
    source = folder / "csv-in.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    first, second = Runner(folder / "csv-a.db"), Runner(folder / "csv-b.db")
    exported = folder / "csv-out.csv"
    for run, argv in ((first, ["import", str(source)]),
                      (first, ["export", "--table", "statements", "-o", str(exported)]),
                      (second, ["import", str(exported)])):
        done = run(*argv)
        if _traceback(done):
            result.problem("tracebacks", f"{argv[0]}: {_traceback(done)}")
            return result
        if done.exit_code != 0:
            result.problem("lost", f"{argv[0]}: {done.stderr[:300]!r}")
            return result
    with open(exported, newline="", encoding="utf-8") as stream:
        csv.field_size_limit(2**30)
        for row in list(csv.reader(stream))[1:]:
            for cell in row:
                if cell.startswith(FORMULA_START):
                    result.problem("wrong", f"formula cell {cell[:60]!r}")
    a, b = _statements(first), _statements(second)
    if len(a) != len(records):
        result.problem("lost", f"{len(records) - len(a)} records not imported from JSON Lines")
    for lost in [x for x in a if x not in b]:
        result.problem("lost", f"{lost['text'][:80]!r} did not come back as it was")
    return result


def _statements(run: Runner) -> list[dict[str, Any]]:
    items = json.loads(run("list", "--json").stdout)
    for item in items:
        item.pop("id")
        item["speaker"].pop("id")
        if item["source"]:
            item["source"].pop("id")
    return items


def run_classes(inputs: int, folder: Path, seed: int) -> list[Outcomes]:
    """The three classes, sized from the number of hostile inputs the run was given."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for part in ("markup", "paths", "csv"):
        (folder / part).mkdir(exist_ok=True)
    return [
        markup(max(2, inputs // 100), folder / "markup", rng),
        paths(max(len(KINDS), inputs // 100), folder / "paths", rng),
        csv_round_trip(max(20, inputs // 20), folder / "csv", rng),
    ]
