"""Reliability figures: concurrent writers, kill -9 during imports and ingests, hostile input.

    python bench/reliability.py                      # full size: 8 × 500 writers, 20 kills, 10,000 inputs
    python bench/reliability.py --small              # the size CI runs (tests/test_reliability.py)
    python bench/reliability.py --processes 4 --writes 100 --kills 4 --hostile 500
    python bench/reliability.py rescan          # one class: concurrency, kill, hostile, dates, sizes,
                                                # rescan, foreign, load

Prints one line per part and exits 1 when a promise is broken: a statement lost or duplicated, a
"database is locked" shown to a user, a kill that left the record damaged or half-written, or a
hostile input that ended in a traceback or an unclear error.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from outcomes import Outcomes

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["Amina Rahimi", "Boris Lindqvist", "Chidi Okonkwo", "Dolores Vega", "Emeka Nwosu", "Fiona Gallagher",
         "Goran Petrovic", "Hana Yoshida", "Ingrid Solberg", "Jamal Haddad", "Kiri Te Rangi", "Lars Eriksen",
         "Maya Sharon", "Nikolai Orlov", "Olusegun Bello", "Priya Raman"]
IMPORT_BATCH = 25


def quotetrack(*args: str, stdin: bytes | None = None, timeout: float = 900) -> subprocess.CompletedProcess[bytes]:
    """The real command in its own process, as an editor runs it."""
    return subprocess.run([sys.executable, "-m", "quotetrack", *args], input=stdin, capture_output=True,
                          timeout=timeout, cwd=ROOT)


def has_command(name: str) -> bool:
    import typer.main

    from quotetrack.cli import app  # imported late: workers and the parent both use it

    return name in typer.main.get_command(app).commands  # type: ignore[attr-defined]


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db, timeout=60)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def texts_like(db: Path, pattern: str) -> list[str]:
    conn = sqlite3.connect(db, timeout=60)
    try:
        return [row[0] for row in conn.execute("SELECT text FROM statements WHERE text LIKE ?", [pattern])]
    finally:
        conn.close()


def statements_by_id(db: Path) -> list[tuple[int, str]]:
    conn = sqlite3.connect(db, timeout=60)
    try:
        return [(row[0], row[1]) for row in conn.execute("SELECT id, text FROM statements")]
    finally:
        conn.close()


# --- concurrency ---


def statement_text(worker: str, number: int) -> str:
    return f"{worker} statement {number}: the convoy passed the checkpoint at dawn, {number} trucks."


def article_for(worker: str, quotes: int) -> str:
    """A news article whose quotes carry the worker's name, so its statements can be counted."""
    paragraphs = [f"{worker} article: officials spoke about the convoy on 8 July 2018."]
    for number in range(quotes):
        paragraphs.append(
            f"“We counted {number + 3} trucks at the {worker} checkpoint number {number},” "
            f"Colonel {NAMES[number % len(NAMES)]} told reporters."
        )
    return "\n\n".join(paragraphs) + "\n"


def worker(db: Path, name: str, writes: int, folder: Path, ingest: bool) -> dict[str, Any]:
    """One writer: half its statements by `add`, the rest by `import` in batches, then an article."""
    from typer.testing import CliRunner

    from quotetrack.cli import app

    runner = CliRunner()
    expected: list[str] = []
    failures: list[str] = []
    ingested: list[tuple[int, str]] = []

    def run(command: str, *args: str) -> Any:
        # --db right after the command name: after "--" it would be read as text.
        result = runner.invoke(app, [command, "--db", str(db), *args])
        if result.exit_code != 0:
            failures.append(f"{command}: exit {result.exit_code}: {result.stderr.strip() or result.exception!r}")
        return result

    adds = writes // 2
    for number in range(adds):
        text = statement_text(name, number)
        expected.append(text)
        run("add", "--speaker", name, "--", text)
    for start in range(adds, writes, IMPORT_BATCH):
        path = folder / f"{name.replace(' ', '_')}-{start}.jsonl"
        lines = []
        for number in range(start, min(writes, start + IMPORT_BATCH)):
            text = statement_text(name, number)
            expected.append(text)
            lines.append(json.dumps({"text": text, "speaker": name, "outlet": "Wire Service", "tags": ["load"]}))
        path.write_text("\n".join(lines) + "\n")
        run("import", str(path))
    if ingest:
        path = folder / f"{name.replace(' ', '_')}-article.txt"
        path.write_text(article_for(name, 6))
        result = run("ingest", str(path), "--outlet", "Wire Service", "--published", "2018-07-11", "--yes",
                     "--json")
        if result.exit_code == 0:
            report = json.loads(result.stdout)
            ingested = [(s["id"], s["text"]) for s in report["statements"] if s.get("id") is not None]
    return {"expected": expected, "failures": failures, "ingested": ingested}


@dataclass
class Concurrency:
    processes: int
    writes: int
    expected: int = 0
    held: int = 0
    lost: int = 0
    duplicated: int = 0
    failed_commands: list[str] = field(default_factory=list)
    locked_shown: int = 0
    ingested: int = 0  # statements the ingest commands reported recorded
    ingested_held: int = 0  # of those, found with the same id and text at the end
    integrity: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return (self.lost == 0 and self.duplicated == 0 and not self.failed_commands and self.locked_shown == 0
                and self.ingested_held == self.ingested and self.integrity == "ok")

    def line(self) -> str:
        return (f"concurrency: {self.processes} processes × {self.writes} writes = {self.expected} statements; "
                f"held {self.held}, lost {self.lost}, duplicated {self.duplicated}; "
                f"ingested {self.ingested_held}/{self.ingested} article statements; "
                f"failed commands {len(self.failed_commands)}, 'locked' shown to a user {self.locked_shown}; "
                f"integrity_check {self.integrity} ({self.seconds:.0f} s)")


def concurrency(processes: int, writes: int, folder: Path) -> Concurrency:
    db = folder / "shared.db"
    ingest = has_command("ingest")
    quotetrack("list", "--db", str(db))  # create the schema first, as an editor's first command would
    started = time.monotonic()
    children = [
        subprocess.Popen([sys.executable, __file__, "worker", "--db", str(db), "--name", NAMES[i % len(NAMES)]
                          + ("" if i < len(NAMES) else f" {i}"), "--writes", str(writes), "--folder", str(folder)]
                         + (["--ingest"] if ingest else []),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
        for i in range(processes)
    ]
    result = Concurrency(processes, writes)
    expected: list[str] = []
    ingested: list[tuple[int, str]] = []
    for child in children:
        out, err = child.communicate(timeout=3600)
        if child.returncode != 0:
            result.failed_commands.append(f"worker crashed: {err.decode(errors='replace')[-500:]}")
            continue
        report = json.loads(out.decode().strip().splitlines()[-1])
        expected += report["expected"]
        result.failed_commands += report["failures"]
        ingested += [(i, t) for i, t in report["ingested"]]
    result.seconds = time.monotonic() - started
    stored = texts_like(db, "% statement %: the convoy passed%")
    result.expected = len(expected)
    result.held = len(set(stored) & set(expected))
    result.lost = len(set(expected) - set(stored))
    result.duplicated = len(stored) - len(set(stored))
    result.locked_shown = sum("locked" in f for f in result.failed_commands)
    result.ingested = len(ingested)
    result.ingested_held = len(set(ingested) & set(statements_by_id(db)))
    result.integrity = integrity(db)
    return result


# --- kill -9 ---


def import_file(folder: Path, trial: int, records: int) -> Path:
    path = folder / f"trial-{trial}.jsonl"
    with path.open("w") as fh:
        for number in range(records):
            fh.write(json.dumps({
                "text": f"Trial {trial} record {number}: the bridge at kilometre {number} was closed.",
                "speaker": NAMES[number % len(NAMES)], "outlet": "Wire Service", "tags": [f"trial-{trial}"],
            }) + "\n")
    return path


@dataclass
class Kills:
    trials: int = 0
    survived: int = 0
    before_commit: int = 0
    inside: int = 0  # kills that landed while the command held the write lock
    finished_first: int = 0
    after_commit: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.survived == self.trials and not self.problems

    def line(self) -> str:
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.by_kind.items()))
        return (f"kill -9: {self.trials} trials ({kinds}); survived {self.survived}; killed before commit "
                f"{self.before_commit} ({self.inside} inside the write transaction), after commit "
                f"{self.after_commit}, finished before the kill "
                f"{self.finished_first}; each re-run completed without "
                f"duplicates: {'yes' if not self.problems else 'NO'} ({self.seconds:.0f} s)")


def _timed(*args: str) -> tuple[subprocess.CompletedProcess[bytes], float]:
    started = time.monotonic()
    done = quotetrack(*args)
    return done, time.monotonic() - started


def _write_locked(db: Path) -> bool:
    """Does a process hold the record's write lock (quotetrack begins every write transaction
    with BEGIN IMMEDIATE)? Asked without waiting."""
    conn = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        return "locked" in str(exc)
    finally:
        conn.close()


@dataclass
class Landing:
    status: int | None  # the exit status when the command finished before the kill
    inside: bool  # the kill landed while the command held the write lock
    writing: float  # seconds from taking the lock to the kill or the end


def _kill_in_transaction(args: list[str], db: Path, fraction: float, writing: float) -> Landing:
    """Start quotetrack, wait until it holds the write lock (its transaction has begun), then
    SIGKILL it ``fraction`` of ``writing`` (how long a whole run holds the lock) later. Timed from
    the start instead, most kills landed in Python's start-up, before anything was written."""
    child = subprocess.Popen([sys.executable, "-m", "quotetrack", *args], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, cwd=ROOT)
    while child.poll() is None and not _write_locked(db):
        time.sleep(0.002)
    locked = time.monotonic()
    if child.poll() is not None:
        return Landing(child.returncode, False, 0.0)
    try:
        status = child.wait(timeout=fraction * writing)
        return Landing(status, False, time.monotonic() - locked)
    except subprocess.TimeoutExpired:
        inside = _write_locked(db)
        child.send_signal(signal.SIGKILL)
        child.wait()
        return Landing(None, inside, time.monotonic() - locked)


def kill_trials(trials: int, records: int, folder: Path, rng: random.Random) -> Kills:
    """Kill imports (and ingests) at random moments; each must be wholly in or wholly out."""
    db = folder / "kill.db"
    kills = Kills()
    started = time.monotonic()
    ingest = has_command("ingest")
    # A first, unkilled import gives the record some content and times a whole run.
    done, seconds_import = _timed("import", str(import_file(folder, -1, records)), "--db", str(db))
    if done.returncode != 0:
        kills.problems.append(f"baseline import failed: {done.stderr.decode(errors='replace')}")
        return kills
    # How long a whole run of each kind holds the write lock, measured by a run that is not
    # killed and updated from every re-run: the load on a shared machine changes, and a kill timed
    # from a stale figure lands after the run has finished.
    probe_import = _kill_in_transaction(["import", str(import_file(folder, -2, records)), "--db", str(db)],
                                        db, 1e9, 1.0)
    seconds = {"import": probe_import.writing or seconds_import, "ingest": 0.0}
    if ingest:
        probe = folder / "probe.txt"
        probe.write_text(article_for("Probe", records // 10))
        seconds["ingest"] = _kill_in_transaction(
            ["ingest", str(probe), "--db", str(db), "--yes", "--published", "2018-07-11"], db, 1e9, 1.0).writing
    held: dict[str, int] = {"Trial -1 record %": records, "Trial -2 record %": records}
    for trial in range(trials):
        kind = "ingest" if ingest and trial % 2 else "import"
        if kind == "import":
            path = import_file(folder, trial, records)
            args = ["import", str(path), "--db", str(db)]
            pattern, whole = f"Trial {trial} record %", records
        else:
            path = folder / f"article-{trial}.txt"
            name = f"Trial{trial}"
            path.write_text(article_for(name, records // 10))
            dry = quotetrack("ingest", str(path), "--dry-run", "--json", "--published", "2018-07-11")
            whole = sum("checkpoint number" in s["text"] for s in json.loads(dry.stdout)["statements"])
            args = ["ingest", str(path), "--db", str(db), "--yes", "--published", "2018-07-11"]
            pattern = f"%{name} checkpoint number%"
        kills.trials += 1
        kills.by_kind[kind] = kills.by_kind.get(kind, 0) + 1
        landing = _kill_in_transaction(args, db, rng.uniform(0.05, 0.9), seconds[kind])
        status = landing.status
        check = integrity(db)
        found = len(texts_like(db, pattern))
        earlier = {p: len(texts_like(db, p)) for p in held}
        problems = []
        if check != "ok":
            problems.append(f"trial {trial}: integrity_check {check}")
        if found not in (0, whole):
            problems.append(f"trial {trial} ({kind}): {found} of {whole} statements after the kill")
        if any(earlier[p] != n for p, n in held.items()):
            problems.append(f"trial {trial}: earlier statements changed: {earlier} != {held}")
        if status is None:
            kills.before_commit += found == 0
            kills.after_commit += found == whole
            kills.inside += landing.inside
            if found == 0 and not landing.inside:
                problems.append(f"trial {trial} ({kind}): killed before it began to write")
        else:
            kills.finished_first += 1
        rerun = _kill_in_transaction(args, db, 1e9, 1.0)
        if found == 0 and rerun.status == 0 and rerun.writing > 0:  # the re-run did the whole work
            seconds[kind] = rerun.writing
        rerun_failed = rerun.status != 0
        again = quotetrack(*args)
        after = texts_like(db, pattern)
        if rerun_failed or again.returncode != 0 or len(after) != whole or len(set(after)) != whole:
            problems.append(f"trial {trial} ({kind}): re-run left {len(after)} of {whole} "
                            f"({again.stderr.decode(errors='replace').strip()})")
        held[pattern] = whole
        kills.survived += not problems
        kills.problems += problems
    kills.seconds = time.monotonic() - started
    return kills


# --- hostile input ---


def load_hostile() -> Any:
    spec = importlib.util.spec_from_file_location("test_hostile", ROOT / "tests" / "test_hostile.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["test_hostile"] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


@dataclass
class Hostile:
    tried: int = 0
    tracebacks: int = 0
    unclear: int = 0
    commands: int = 0
    examples: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.tracebacks == 0 and self.unclear == 0

    def line(self) -> str:
        return (f"hostile inputs: {self.tried} tried across {self.commands} commands; tracebacks {self.tracebacks}; "
                f"other unclear endings {self.unclear} ({self.seconds:.0f} s)")


def hostile(inputs: int, folder: Path, seed: int) -> Hostile:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hypothesis_seed

    cases = load_hostile()
    summary = Hostile(commands=len(cases.COMMANDS))
    started = time.monotonic()
    db = cases.seeded_database(folder / "hostile.db")
    work = folder / "hostile-work"
    work.mkdir(exist_ok=True)
    # The inputs asked for, spread over the commands: the first few take one more each, so
    # that 40 inputs over 31 commands are 40, not 31.
    share, extra = divmod(inputs, len(cases.COMMANDS))

    for number, command in enumerate(cases.COMMANDS):
        examples = share + (number < extra)
        if not examples:
            continue

        @settings(max_examples=examples, deadline=None, database=None, derandomize=False,
                  suppress_health_check=list(HealthCheck))
        @hypothesis_seed(seed)
        @given(case=cases.case_for(command))
        def one(case: Any) -> None:
            outcome = cases.run_case(case, work, db)
            summary.tried += 1
            if outcome.problem:
                if outcome.problem.startswith("traceback"):
                    summary.tracebacks += 1
                else:
                    summary.unclear += 1
                if len(summary.examples) < 10:
                    summary.examples.append(outcome.problem[:1500])

        one()
    summary.seconds = time.monotonic() - started
    return summary


# --- dates at the ends of the calendar ---

RELATIVE = ["next year", "last year", "next month", "last month", "next week", "last week", "this year",
            "tomorrow", "yesterday", "today", "on Monday", "on Sunday", "next Friday", "last Saturday",
            "in January", "next March", "last December", "on Saturday last week", "in May last year",
            "Dec. 31", "Jan. 1", "Feb. 29", "that day", "on Tuesday that day"]


def _edge_day(rng: random.Random) -> Any:
    from datetime import date, timedelta

    if rng.random() < 0.5:
        return date(1, 1, 1) + timedelta(days=rng.randrange(400))
    return date(9999, 12, 31) - timedelta(days=rng.randrange(400))


def _run_checked(outcomes: Outcomes, args: list[str], what: str) -> subprocess.CompletedProcess[bytes] | None:
    """One command; a hang, a traceback or a failure is counted against the class."""
    try:
        done = quotetrack(*args, timeout=120)
    except subprocess.TimeoutExpired:
        outcomes.problem("hangs", what)
        return None
    err = done.stderr.decode(errors="replace")
    if "Traceback" in err:
        outcomes.problem("tracebacks", f"{what}: {err[-400:]}")
        return None
    if done.returncode != 0:
        outcomes.problem("wrong", f"{what}: exit {done.returncode}: {err.strip()[:300]}")
        return None
    return done


def dates_at_edges(inputs: int, folder: Path, seed: int) -> Outcomes:
    """Relative dates read against days near 0001-01-01 and 9999-12-31: every reading in the
    calendar or left unresolved (the library, ``inputs`` texts), and ``ingest`` / ``add`` of such
    texts dated there (a tenth as many, through the command) record every statement."""
    from quotetrack.text import find_dates

    rng = random.Random(seed)
    outcomes = Outcomes("dates at the ends of the calendar")
    started = time.monotonic()
    for _ in range(inputs):
        anchor = _edge_day(rng)
        text = " and ".join(f"it happened {rng.choice(RELATIVE)}" for _ in range(rng.randint(1, 3))) + "."
        outcomes.tried += 1
        try:
            mentions = find_dates(text, anchor)
        except Exception as exc:  # noqa: BLE001 - any exception is the failure counted
            outcomes.problem("tracebacks", f"{text!r} at {anchor}: {exc!r}")
            continue
        for mention in mentions:
            if mention.value is not None and abs((mention.value - anchor).days) > 800:
                outcomes.problem("wrong", f"{text!r} at {anchor}: {mention.text!r} read as {mention.value}")
    db = folder / "dates.db"
    for number in range(max(2, inputs // 10)):
        anchor = _edge_day(rng).isoformat()
        phrase = rng.choice(RELATIVE)
        outcomes.tried += 1
        before = len(statements_by_id(db)) if db.exists() else 0
        if number % 2:
            article = folder / f"dates-{number}.txt"
            article.write_text(f'Mayor {rng.choice(NAMES)} said {number} trucks came {phrase}. "We counted '
                               f'{number + 3} of them {rng.choice(RELATIVE)}," the mayor said.\n')
            args = ["ingest", str(article), "--published", anchor, "--yes", "--db", str(db)]
        else:
            args = ["add", f"The convoy of {number} trucks left {phrase}.", "--speaker", rng.choice(NAMES),
                    "--said-on", anchor, "--db", str(db)]
        if _run_checked(outcomes, args, " ".join(args[:3]) + f" at {anchor}") is None:
            continue
        if len(statements_by_id(db)) <= before:
            outcomes.problem("lost", f"{args[0]} at {anchor} with {phrase!r} recorded nothing")
    outcomes.seconds = time.monotonic() - started
    return outcomes


# --- sizes ---


def sizes(inputs: int, folder: Path, seed: int) -> Outcomes:
    """Articles around ``ingest``'s size cap (refused over it, in one sentence, nothing written;
    recorded under it) and JSON Lines files refused at their last line (nothing written, in
    bounded memory: the file is read a line at a time)."""
    import resource

    rng = random.Random(seed)
    outcomes = Outcomes("sizes")
    started = time.monotonic()
    db = folder / "sizes.db"
    # One statement, then copy that states nothing: the size is what is tried, not extraction.
    quote = 'Mayor Ines Alvarado said on Monday that the bridge would reopen by {n}.\n\n'
    filler = "The council met again and the roads out of town were quiet by nightfall.\n\n"
    for number in range(max(2, inputs // 20)):
        cap = rng.choice([1, 2])
        size = cap * 1_000_000 + rng.choice([-200, -1, 1, 200, 50_000])
        body = quote.format(n=number) + filler * (size // len(filler) + 1)
        article = folder / f"size-{number}.txt"
        article.write_bytes(body.encode()[:size])
        outcomes.tried += 1
        before = len(statements_by_id(db)) if db.exists() else 0
        try:
            done = quotetrack("ingest", str(article), "--yes", "--max-size", str(cap), "--db", str(db), timeout=600)
        except subprocess.TimeoutExpired:
            outcomes.problem("hangs", f"ingest of {size:,} bytes")
            continue
        err = done.stderr.decode(errors="replace")
        after = len(statements_by_id(db)) if db.exists() else 0
        if "Traceback" in err:
            outcomes.problem("tracebacks", err[-400:])
        elif size > cap * 1_000_000 and (done.returncode != 1 or "--max-size" not in err or after != before):
            outcomes.problem("wrong", f"{size:,} bytes over a {cap} MB cap: exit {done.returncode}, {err[:200]}")
        elif size <= cap * 1_000_000 and (done.returncode != 0 or after <= before):
            outcomes.problem("lost", f"{size:,} bytes under a {cap} MB cap: exit {done.returncode}, {err[:200]}")
    for number in range(max(1, inputs // 100)):
        lines = rng.choice([1_000, 50_000, 200_000])
        path = folder / f"refused-{number}.jsonl"
        with path.open("w") as file:
            for i in range(lines):
                file.write(json.dumps({"text": f"Budget line {i} was approved.", "speaker": rng.choice(NAMES)}) + "\n")
            file.write(rng.choice(['{"text": "unfinished"', '[1, 2]', '{"text": ""}', '"just a string"']) + "\n")
        outcomes.tried += 1
        before = len(statements_by_id(db)) if db.exists() else 0
        peak_before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        done = quotetrack("import", str(path), "--db", str(db), timeout=600)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        err = done.stderr.decode(errors="replace")
        if "Traceback" in err:
            outcomes.problem("tracebacks", err[-400:])
        elif done.returncode != 1 or f"line {lines + 1}" not in err:
            outcomes.problem("wrong", f"{lines:,} lines refused at the last: exit {done.returncode}, {err[:200]}")
        elif len(statements_by_id(db)) != before:
            outcomes.problem("wrong", f"{lines:,} lines refused at the last wrote statements")
        elif peak > max(peak_before, 300_000):  # kilobytes: a process that held the file would pass it
            outcomes.problem("wrong", f"{lines:,} lines refused at the last took {peak // 1000} MB")
    outcomes.seconds = time.monotonic() - started
    return outcomes


# --- rescan stability ---


def _conflict_rows(db: Path) -> dict[tuple[int, int, str], tuple[int, str, str | None]]:
    """The stored conflicts: (older statement, newer, type) -> (id, status, note)."""
    conn = sqlite3.connect(db, timeout=60)
    try:
        return {(a, b, kind): (conflict_id, status, note) for conflict_id, a, b, kind, status, note in conn.execute(
            "SELECT id, a_id, b_id, type, status, note FROM conflicts")}
    finally:
        conn.close()


# Conflicts reviewed before the rescan (each review is a command of its own).
REVIEWED = 12


def rescan_stability(statements: int, folder: Path, seed: int) -> Outcomes:
    """A synthetic record (bench/synth.py) imported in three parts and a few single ``add``s, its
    conflicts found as it grows; some reviewed (confirmed or dismissed, with a note); then
    ``conflicts --rescan``. Incremental detection and the rescan must find the same set: no
    conflict new or dropped (each is a wrong output), none with another id, and every review kept
    with its status and note (a review lost is data lost)."""
    from synth import generate

    rng = random.Random(seed)
    outcomes = Outcomes("rescan stability")
    started = time.monotonic()
    db = folder / "rescan.db"
    rows = list(generate(statements, seed))
    seen: set[str] = set()
    for row in rows:  # the corpus's names are alike: the first mention of each is a new speaker
        row["new_speaker"] = row["speaker"] not in seen
        seen.add(str(row["speaker"]))
    singles = rows[-min(5, len(rows) // 10):]
    parts = [rows[:len(rows) // 3], rows[len(rows) // 3:2 * len(rows) // 3], rows[2 * len(rows) // 3:-len(singles)]]
    for number, part in enumerate(parts):
        path = folder / f"rescan-{number}.jsonl"
        path.write_text("".join(json.dumps(row) + "\n" for row in part), encoding="utf-8")
        if _run_checked(outcomes, ["import", str(path), "--db", str(db)], f"import of part {number + 1}") is None:
            return outcomes
    for row in singles:
        args = ["add", "--speaker", str(row["speaker"]), "--outlet", str(row["outlet"]),
                "--said-on", str(row["said_on"]), "--db", str(db), "--", str(row["text"])]
        if _run_checked(outcomes, args, "add") is None:
            return outcomes
    before = _conflict_rows(db)
    for key in rng.sample(sorted(before), min(len(before), REVIEWED)):
        verdict = rng.choice(["--confirm", "--dismiss"])
        note = f"checked by the desk ({rng.randrange(1000)})"
        if _run_checked(outcomes, ["conflicts", "review", str(before[key][0]), verdict, "--note", note,
                                   "--db", str(db)], "conflicts review") is None:
            return outcomes
    before = _conflict_rows(db)
    if _run_checked(outcomes, ["conflicts", "--rescan", "--json", "--db", str(db)], "conflicts --rescan") is None:
        return outcomes
    after = _conflict_rows(db)
    outcomes.tried = len(before.keys() | after.keys())
    for key in sorted(before.keys() | after.keys()):
        was, now = before.get(key), after.get(key)
        if was is None:
            outcomes.problem("wrong", f"conflict {now[0]} of statements {key[:2]} ({key[2]}) is new on rescan")
        elif now is None:
            kind = "wrong" if was[1] == "open" else "lost"
            outcomes.problem(kind, f"conflict {was[0]} of statements {key[:2]} ({key[2]}) was dropped by the rescan")
        elif was[0] != now[0]:
            outcomes.problem("wrong", f"conflict {was[0]} of statements {key[:2]} is {now[0]} after the rescan")
        elif was[1:] != now[1:]:
            outcomes.problem("lost", f"conflict {was[0]}'s review {was[1:]} is {now[1:]} after the rescan")
    outcomes.seconds = time.monotonic() - started
    return outcomes


# --- hostile classes of what quotetrack prints and writes (bench/hostile_outputs.py) ---


def output_classes(inputs: int, folder: Path, seed: int) -> bool:
    """Markup in every printed field, output paths, CSV round trip: one line each; True if all held."""
    spec = importlib.util.spec_from_file_location("hostile_outputs", ROOT / "bench" / "hostile_outputs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["hostile_outputs"] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    ok = True
    for result in module.run_classes(inputs, folder / "outputs", seed):
        ok &= shown(result, result.examples)
    return ok


# --- the report ---


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("part", nargs="?", default="all",
                        choices=["all", "concurrency", "kill", "hostile", "dates", "sizes", "rescan", "foreign",
                                 "load", "worker"])
    parser.add_argument("--small", action="store_true",
                        help="CI size: 2 × 20 writers, 2 kills of 100 records, 40 inputs, a rescan of 300 "
                        "statements, 14 foreign databases, 8 s of rescans beside editors, a 6,000-record "
                        "import beside readers.")
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--writes", type=int, default=500, help="Statements each process writes.")
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--kill-records", type=int, default=600, help="Records in each killed import.")
    parser.add_argument("--hostile", type=int, default=10_000, help="Hostile inputs to try.")
    parser.add_argument("--dates", type=int, default=2_000, help="Dates near the calendar's ends to read.")
    parser.add_argument("--sizes", type=int, default=200, help="Size cases (a twentieth ingested).")
    parser.add_argument("--rescan", type=int, default=3_000,
                        help="Statements of the record whose conflicts a rescan must keep.")
    parser.add_argument("--foreign", type=int, default=200, help="Commands on foreign databases to try.")
    parser.add_argument("--load-seconds", type=float, default=60, help="Seconds of rescans beside adds and deletes.")
    parser.add_argument("--load-import", type=int, default=30_000, help="Records of the import readers run beside.")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--folder", type=Path, help="Keep the databases here (default: a temporary folder).")
    # worker-only options
    parser.add_argument("--db", type=Path)
    parser.add_argument("--name")
    parser.add_argument("--ingest", action="store_true")
    args = parser.parse_args(argv)

    if args.part == "worker":
        report = worker(args.db, args.name, args.writes, args.folder, args.ingest)
        sys.stdout.write(json.dumps(report) + "\n")
        return 0
    if args.small:
        args.processes, args.writes, args.kills, args.kill_records, args.hostile = 2, 20, 2, 100, 40
        args.dates, args.sizes, args.rescan = 40, 40, 300
        args.foreign, args.load_seconds, args.load_import = 14, 8, 6000

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("QUOTETRACK_EDITOR", "reliability")
    ok = True
    with tempfile.TemporaryDirectory(prefix="quotetrack-reliability-") as tmp:
        folder = args.folder or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        if args.part in ("all", "concurrency"):
            result = concurrency(args.processes, args.writes, folder)
            ok &= shown(result, result.failed_commands, "failed: ")
        if args.part in ("all", "kill"):
            kills = kill_trials(args.kills, args.kill_records, folder, random.Random(args.seed))
            ok &= shown(kills, kills.problems, "problem: ")
        if args.part in ("all", "hostile"):
            summary = hostile(args.hostile, folder, args.seed)
            ok &= shown(summary, summary.examples)
            ok &= output_classes(args.hostile, folder, args.seed)
        for part, run_class, count in (("dates", dates_at_edges, args.dates), ("sizes", sizes, args.sizes),
                                       ("rescan", rescan_stability, args.rescan)):
            if args.part in ("all", part):
                outcomes = run_class(count, folder, args.seed)
                ok &= shown(outcomes, outcomes.examples)
        ok &= store_classes(args, folder)
    print("reliability: " + ("all promises held" if ok else "PROMISE BROKEN"), flush=True)
    return 0 if ok else 1


def shown(result: Any, details: list[str], label: str = "") -> bool:
    """Print a class's figures and its first five details; whether its promises held."""
    print(result.line(), flush=True)
    for detail in details[:5]:
        print(f"  {label}{detail}")
    return bool(result.ok)


def store_classes(args: argparse.Namespace, folder: Path) -> bool:
    """Foreign databases and writers under load (bench/reliability_store.py): their lines."""
    from reliability_store import foreign_databases, writers_under_load

    ok = True
    if args.part in ("all", "foreign"):
        foreign = foreign_databases(args.foreign, folder, args.seed)
        ok &= shown(foreign, foreign.examples)
    if args.part in ("all", "load"):
        load = writers_under_load(args.load_seconds, args.load_import, folder, args.seed)
        ok &= shown(load, load.failed, "failed: ")
    return ok


if __name__ == "__main__":
    sys.exit(main())
