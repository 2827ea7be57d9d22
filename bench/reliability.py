"""Reliability figures: concurrent writers, kill -9 during imports and ingests, hostile input.

    python bench/reliability.py                      # full size: 8 × 500 writers, 20 kills, 10,000 inputs
    python bench/reliability.py --small              # the size CI runs (tests/test_reliability.py)
    python bench/reliability.py --processes 4 --writes 100 --kills 4 --hostile 500
    python bench/reliability.py foreign         # one class: concurrency, kill, hostile, foreign, load

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
                f"{self.before_commit}, after commit {self.after_commit}, finished before the kill "
                f"{self.finished_first}; each re-run completed without "
                f"duplicates: {'yes' if not self.problems else 'NO'} ({self.seconds:.0f} s)")


def _timed(*args: str) -> tuple[subprocess.CompletedProcess[bytes], float]:
    started = time.monotonic()
    done = quotetrack(*args)
    return done, time.monotonic() - started


def _kill_after(args: list[str], delay: float) -> int | None:
    """Start quotetrack, SIGKILL it after `delay` seconds; its exit status if it finished first."""
    child = subprocess.Popen([sys.executable, "-m", "quotetrack", *args], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, cwd=ROOT)
    try:
        return child.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        child.wait()
        return None


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
    # How long a whole run of each kind takes, updated from every re-run: the load on a shared
    # machine changes, and a kill timed from a stale figure lands after the run has finished.
    seconds = {"import": seconds_import, "ingest": 0.0}
    if ingest:
        probe = folder / "probe.txt"
        probe.write_text(article_for("Probe", records // 10))
        done, seconds["ingest"] = _timed("ingest", str(probe), "--db", str(db), "--yes", "--published", "2018-07-11")
    held: dict[str, int] = {"Trial -1 record %": records}
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
        status = _kill_after(args, rng.uniform(0.05, 0.95) * seconds[kind])
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
        else:
            kills.finished_first += 1
        rerun, took = _timed(*args)
        if found == 0:  # the re-run did the whole work: a fresh measure of a whole run
            seconds[kind] = took
        again = quotetrack(*args)
        after = texts_like(db, pattern)
        if rerun.returncode != 0 or again.returncode != 0 or len(after) != whole or len(set(after)) != whole:
            problems.append(f"trial {trial} ({kind}): re-run left {len(after)} of {whole} "
                            f"({rerun.stderr.decode(errors='replace').strip()})")
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
    per_command = max(1, inputs // len(cases.COMMANDS))

    for command in cases.COMMANDS:
        @settings(max_examples=per_command, deadline=None, database=None, derandomize=False,
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
        print(result.line(), flush=True)
        for example in result.examples[:5]:
            print(f"  {example}")
        ok &= result.ok
    return ok


# --- the report ---


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("part", nargs="?", default="all",
                        choices=["all", "concurrency", "kill", "hostile", "foreign", "load", "worker"])
    parser.add_argument("--small", action="store_true",
                        help="CI size: 2 × 20 writers, 2 kills of 100 records, 40 inputs, 14 foreign "
                        "databases, 8 s of rescans beside editors, a 6,000-record import beside readers.")
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--writes", type=int, default=500, help="Statements each process writes.")
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--kill-records", type=int, default=600, help="Records in each killed import.")
    parser.add_argument("--hostile", type=int, default=10_000, help="Hostile inputs to try.")
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
        args.foreign, args.load_seconds, args.load_import = 14, 8, 6000

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("QUOTETRACK_EDITOR", "reliability")
    ok = True
    with tempfile.TemporaryDirectory(prefix="quotetrack-reliability-") as tmp:
        folder = args.folder or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        if args.part in ("all", "concurrency"):
            result = concurrency(args.processes, args.writes, folder)
            print(result.line(), flush=True)
            for failure in result.failed_commands[:5]:
                print(f"  failed: {failure}")
            ok &= result.ok
        if args.part in ("all", "kill"):
            kills = kill_trials(args.kills, args.kill_records, folder, random.Random(args.seed))
            print(kills.line(), flush=True)
            for problem in kills.problems[:5]:
                print(f"  problem: {problem}")
            ok &= kills.ok
        if args.part in ("all", "hostile"):
            summary = hostile(args.hostile, folder, args.seed)
            print(summary.line(), flush=True)
            for example in summary.examples[:5]:
                print(f"  {example}")
            ok &= summary.ok
            ok &= output_classes(args.hostile, folder, args.seed)
        ok &= store_classes(args, folder)
    print("reliability: " + ("all promises held" if ok else "PROMISE BROKEN"), flush=True)
    return 0 if ok else 1


def store_classes(args: argparse.Namespace, folder: Path) -> bool:
    """Foreign databases and writers under load (bench/reliability_store.py): their lines."""
    from reliability_store import foreign_databases, writers_under_load

    ok = True
    if args.part in ("all", "foreign"):
        foreign = foreign_databases(args.foreign, folder, args.seed)
        print(foreign.line(), flush=True)
        for example in foreign.examples[:5]:
            print(f"  {example}")
        ok &= foreign.ok
    if args.part in ("all", "load"):
        load = writers_under_load(args.load_seconds, args.load_import, folder, args.seed)
        print(load.line(), flush=True)
        for failure in load.failed[:5]:
            print(f"  failed: {failure}")
        ok &= load.ok
    return ok


if __name__ == "__main__":
    sys.exit(main())
