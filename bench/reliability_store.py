"""Two classes of bench/reliability.py that are about the record as a shared file (issue 18):

- foreign databases: quotetrack pointed at another application's SQLite file, an empty file, a
  record a newer quotetrack upgraded, a copy from a file that does not exist. Each command must
  end with one clear line (or work, where it may), and leave the file byte for byte as it was.
- writers under load: rescans while other editors add and delete, and readers and writers while
  a long import runs. No command may fail, show "locked" or a broken foreign key, or wait out
  the import; nothing an editor recorded may be lost.

    python bench/reliability.py foreign --foreign 200
    python bench/reliability.py load --load-seconds 60 --load-import 30000
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "quotetrack" / "samples" / "makhmour-statements.jsonl"
# Table names another application might use, quotetrack's own among them: a table called
# "statements" does not make a file a quotetrack record.
TABLES = ["invoices", "users", "statements", "speakers", "changes", "notes", "conflicts", "events", "logs",
          "_sqlite_migrations"]
COLUMN_TYPES = ["INTEGER", "TEXT", "REAL", "BLOB", ""]
HANG_SECONDS = 120


def run(*args: str, timeout: float = HANG_SECONDS) -> subprocess.CompletedProcess[str] | None:
    """The real command in its own process; None when it did not end in time (a hang)."""
    try:
        return subprocess.run([sys.executable, "-m", "quotetrack", *args], capture_output=True, text=True,
                              timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return None


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "<absent>"


def one_error_line(done: subprocess.CompletedProcess[str], *fragments: str) -> bool:
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    return (done.returncode == 1 and len(lines) == 1 and lines[0].startswith("Error: ")
            and all(f in lines[0] for f in fragments))


# --- foreign databases ---


@dataclass
class Foreign:
    tried: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    tracebacks: int = 0
    hangs: int = 0
    wrong: int = 0  # an ending other than the one promised (a success on another's file, an unclear error)
    changed: int = 0  # a file quotetrack had to leave alone, changed
    examples: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.tracebacks == self.hangs == self.wrong == self.changed == 0

    def line(self) -> str:
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.by_kind.items()))
        return (f"foreign databases: {self.tried} tried ({kinds}); tracebacks {self.tracebacks}, hangs {self.hangs}, "
                f"wrong outputs {self.wrong}, files changed {self.changed} ({self.seconds:.0f} s)")


def foreign_file(path: Path, rng: random.Random) -> None:
    """Another application's SQLite file: a few tables of its own, some rows, either journal."""
    conn = sqlite3.connect(path)
    if rng.random() < 0.4:
        conn.execute("PRAGMA journal_mode = WAL")
    for table in rng.sample(TABLES, rng.randint(1, 3)):
        if table == "_sqlite_migrations":  # sqlite-utils' table, kept by another application
            conn.execute("CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT, name TEXT, "
                         "applied_at TEXT)")
            conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                         "VALUES ('billing', '0001_init', '2024-01-01')")
            continue
        columns = [f"c{i} {rng.choice(COLUMN_TYPES)}".strip() for i in range(rng.randint(1, 4))]
        conn.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, {', '.join(columns)})")
        for _ in range(rng.randint(0, 5)):
            conn.execute(f"INSERT INTO {table} (c0) VALUES (?)", [rng.choice([1, "x", 2.5, None])])
    conn.commit()
    conn.close()


def newer_record(path: Path, template: Path) -> None:
    """A quotetrack record that a later version has migrated further than this one knows."""
    path.write_bytes(template.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('quotetrack', '9999_later_version', '2099-01-01')")
    conn.commit()
    conn.close()


READS = [("list",), ("speakers",), ("events",), ("conflicts",), ("report",), ("log",), ("search", "Makhmour")]
WRITES = [("add", "--speaker", "Ann Smith", "The bridge is shut."), ("import", str(SAMPLE)),
          ("delete", "1", "--yes"), ("conflicts", "--rescan")]


def foreign_databases(inputs: int, folder: Path, seed: int) -> Foreign:
    rng = random.Random(seed)
    summary = Foreign()
    started = time.monotonic()
    work = folder / "foreign"
    work.mkdir(exist_ok=True)
    template = work / "template.db"
    if (done := run("import", str(SAMPLE), "--db", str(template))) is None or done.returncode:
        summary.examples.append("could not make a record to start from")
        summary.wrong += 1
        return summary
    for number in range(inputs):
        kind = rng.choice(["foreign read", "foreign write", "copy into foreign", "copy from foreign",
                           "copy from missing", "newer read", "newer write"])
        target = work / f"case-{number}.db"
        args: list[str]
        if kind.startswith("newer"):
            newer_record(target, template)
        elif kind != "copy from missing":
            foreign_file(target, rng)
        command = rng.choice(READS if kind.endswith("read") else WRITES)
        if kind == "copy into foreign":
            args = ["db", "copy", str(template), str(target)]
        elif kind == "copy from foreign":
            args = ["db", "copy", str(target), str(work / f"copy-{number}.db")]
        elif kind == "copy from missing":
            args = ["db", "copy", str(target), str(work / f"copy-{number}.db")]
        else:
            args = [command[0], "--db", str(target), *command[1:]]
        before = digest(target)
        done = run(*args)
        summary.tried += 1
        summary.by_kind[kind] = summary.by_kind.get(kind, 0) + 1
        problem = ""
        if done is None:
            summary.hangs += 1
            problem = "hang"
        elif "Traceback" in done.stderr:
            summary.tracebacks += 1
            problem = done.stderr.strip().splitlines()[-1]
        elif kind == "newer read":
            problem = "" if done.returncode == 0 else f"exit {done.returncode}: {done.stderr.strip()}"
        elif kind == "newer write":
            problem = "" if one_error_line(done, "newer quotetrack") else f"exit {done.returncode}: {done.stderr}"
        elif kind == "copy from missing":
            created = target.exists() or (work / f"copy-{number}.db").exists()
            problem = "" if one_error_line(done, "does not exist") and not created else "source or copy created"
        elif not one_error_line(done, "another application's tables", "db init --force"):
            problem = f"exit {done.returncode}: {done.stderr.strip()[:300]}"
        if problem and done is not None and "Traceback" not in done.stderr:
            summary.wrong += 1
        if digest(target) != before:
            summary.changed += 1
            problem = problem or "the file changed"
        if problem and len(summary.examples) < 10:
            summary.examples.append(f"{kind}: quotetrack {' '.join(args)}: {problem}")
    summary.seconds = time.monotonic() - started
    return summary


# --- writers under load ---


@dataclass
class Load:
    seconds_each: float
    import_records: int
    rescans: int = 0
    adds: int = 0
    deletes: int = 0
    reads: int = 0
    failed: list[str] = field(default_factory=list)
    locked: int = 0
    foreign_key: int = 0
    lost: int = 0
    imported: int = 0
    longest_read: float = 0.0
    longest_write: float = 0.0
    integrity: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return (not self.failed and self.lost == 0 and self.imported == self.import_records
                and self.integrity == "ok")

    def line(self) -> str:
        return (f"writers under load: {self.rescans} rescans beside {self.adds} adds and {self.deletes} deletes; "
                f"{self.reads} reads during a {self.import_records:,}-record import (longest read "
                f"{self.longest_read:.1f} s, longest write {self.longest_write:.1f} s); failed commands "
                f"{len(self.failed)}, 'locked' {self.locked}, foreign key {self.foreign_key}; lost {self.lost}; "
                f"imported {self.imported}/{self.import_records}; integrity_check {self.integrity} "
                f"({self.seconds:.0f} s)")


def _note(load: Load, lock: threading.Lock, args: tuple[str, ...], done: subprocess.CompletedProcess[str] | None,
          tolerated: str = "") -> bool:
    """Count a command's ending; True when it succeeded."""
    if done is not None and (done.returncode == 0 or (tolerated and tolerated in done.stderr)):
        return done.returncode == 0
    message = "hang" if done is None else done.stderr.strip()[-300:]
    with lock:
        load.failed.append(f"quotetrack {' '.join(args[:3])}: {message}")
        load.locked += "locked" in message
        load.foreign_key += "FOREIGN KEY" in message
    return False


def _timed(*args: str) -> tuple[subprocess.CompletedProcess[str] | None, float]:
    started = time.monotonic()
    done = run(*args)
    return done, time.monotonic() - started


def writers_under_load(seconds: float, records: int, folder: Path, seed: int) -> Load:
    """2 rescanners and 3 editors adding and deleting for ``seconds``; then readers and an editor
    while an import of ``records`` records runs."""
    load = Load(seconds, records)
    lock = threading.Lock()
    started = time.monotonic()
    db = folder / "load.db"
    kept: dict[str, str] = {}  # text -> which worker, for every statement added and not deleted
    _note(load, lock, ("import",), run("import", str(SAMPLE), "--db", str(db)))
    for n in range(12):
        _note(load, lock, ("add",), run("add", "--db", str(db), "--speaker", f"Officer {n % 4}", "--event-date",
                                        "2024-07-08", "--", f"{n % 6 + 2} strikes hit the Varnhold bridge on 8 July."))
    end = time.monotonic() + seconds

    def rescanner() -> None:
        while time.monotonic() < end:
            args = ("conflicts", "--rescan", "--db", str(db), "--json")
            _note(load, lock, args, run(*args))
            with lock:
                load.rescans += 1

    def editor(name: str) -> None:
        rng = random.Random(f"{seed}-{name}")
        mine: list[tuple[int, str]] = []
        number = 0
        while time.monotonic() < end:
            number += 1
            text = f"{name} says {rng.randint(2, 40)} strikes hit the Varnhold bridge on 8 July ({number})."
            args = ("add", "--db", str(db), "--speaker", name, "--event-date", "2024-07-08", "--json", "--", text)
            done = run(*args)
            if _note(load, lock, args, done) and done is not None:
                mine.append((json.loads(done.stdout)["id"], text))
                with lock:
                    load.adds += 1
                    kept[text] = name
            if mine and rng.random() < 0.5:
                statement_id, gone = mine.pop(rng.randrange(len(mine)))
                args = ("delete", str(statement_id), "--yes", "--db", str(db))
                if _note(load, lock, args, run(*args)):
                    with lock:
                        load.deletes += 1
                        kept.pop(gone, None)

    threads = [threading.Thread(target=rescanner) for _ in range(2)]
    threads += [threading.Thread(target=editor, args=(f"Editor {n}",)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # A long import, and an editor's reads and writes meanwhile.
    path = folder / "load-import.jsonl"
    with path.open("w") as fh:
        for n in range(records):
            fh.write(json.dumps({"text": f"Load record {n}: {n % 500 + 2} lorries crossed the Varnhold bridge.",
                                 "speaker": f"Driver {n % 40}", "outlet": "Wire"}) + "\n")
    importer = subprocess.Popen([sys.executable, "-m", "quotetrack", "import", str(path), "--db", str(db)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    readers = [("events",), ("event", "1"), ("report",), ("list", "--limit", "20"), ("conflicts",),
               ("search", "Varnhold"), ("match", "strikes hit the Varnhold bridge")]
    number = 0
    while importer.poll() is None:
        number += 1
        args = readers[number % len(readers)]
        done, took = _timed(args[0], "--db", str(db), *args[1:])
        _note(load, lock, args, done, tolerated="There is no event")
        load.reads += 1
        load.longest_read = max(load.longest_read, took)
        if number % 5 == 0:
            text = f"During the import, note {number}: the Varnhold bridge is shut."
            args = ("add", "--db", str(db), "--speaker", "Night Editor", "--", text)
            done, took = _timed(*args)
            if _note(load, lock, args, done):
                kept[text] = "Night Editor"
                load.adds += 1
            load.longest_write = max(load.longest_write, took)
    out, err = importer.communicate()
    if importer.returncode:
        load.failed.append(f"the import: {err.strip()[-300:]}")
    conn = sqlite3.connect(db, timeout=60)
    try:
        stored = {row[0] for row in conn.execute("SELECT text FROM statements")}
        load.imported = int(conn.execute("SELECT count(*) FROM statements WHERE text LIKE 'Load record %'")
                            .fetchone()[0])
        load.integrity = str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()
    load.lost = len(set(kept) - stored)
    load.seconds = time.monotonic() - started
    return load


if __name__ == "__main__":  # the classes alone: python bench/reliability_store.py [foreign|load]
    import tempfile

    os.environ.setdefault("QUOTETRACK_EDITOR", "reliability")
    with tempfile.TemporaryDirectory() as tmp:
        part = sys.argv[1] if len(sys.argv) > 1 else "foreign"
        result: Foreign | Load = (foreign_databases(40, Path(tmp), 7) if part == "foreign"
                                  else writers_under_load(10, 6000, Path(tmp), 7))
        print(result.line())
        sys.exit(0 if result.ok else 1)
