"""Time `quotetrack import` and the full rescan of `quotetrack conflicts --rescan` on a synthetic record.

Usage: python bench/rescan.py 10000 [100000 …] [--seed 7] [--keep DIR [--reuse]]

For each N, the seeded corpus of ``bench/synth.py`` is written to a temporary folder and imported
into a fresh database with the CLI (`quotetrack import`, which finds conflicts incrementally as it
adds statements); then ``detect.rescan``, what `conflicts --rescan` runs, compares every statement
with its candidates again in a process of its own. Prints N, import seconds, rescan seconds (wall
clock, including starting Python and loading the record, and the CPU seconds of the child
processes, workers included), pairs compared and conflicts found, with the load average so a
figure taken on a busy machine reads as such. ``--reuse`` rescans a copy of a database an earlier
``--keep`` run left, without importing again."""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    cpu, began = _children_cpu(), time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - began
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return wall, _children_cpu() - cpu, done.stdout + done.stderr


def bench(n: int, seed: int, folder: Path, reuse: bool = False) -> dict[str, float | int]:
    corpus = folder / f"synth{n}.jsonl"
    db = folder / f"synth{n}.db"
    if reuse and db.exists():
        # A record imported by an earlier run: time the rescan alone, on a copy of it.
        copy = folder / f"synth{n}.rescan.db"
        shutil.copyfile(db, copy)
        row = _rescan(copy)
        copy.unlink()
        return {"n": n, "import_s": float("nan"), "import_cpu_s": float("nan"), **row}
    made = subprocess.run([sys.executable, str(HERE / "synth.py"), str(n), "--seed", str(seed)],
                          capture_output=True, text=True, check=True)
    # The corpus's invented names are alike ("Ahmed Falha", "Ahmed Falkh"): the first mention of
    # each says it is a new speaker, as an editor would, so import does not stop to ask which.
    seen: set[str] = set()
    with corpus.open("w", encoding="utf-8") as out:
        for line in made.stdout.splitlines():
            row = json.loads(line)
            if row["speaker"] not in seen:
                seen.add(row["speaker"])
                row["new_speaker"] = True
            out.write(json.dumps(row) + "\n")
    env = {**os.environ, "QUOTETRACK_DB": str(db)}
    import_wall, import_cpu, _ = _run([sys.executable, "-m", "quotetrack", "import", str(corpus)], env)
    return {"n": n, "import_s": import_wall, "import_cpu_s": import_cpu, **_rescan(db)}


def _rescan(db: Path) -> dict[str, float | int]:
    env = {**os.environ, "QUOTETRACK_DB": str(db)}
    # The rescan the CLI runs (`conflicts --rescan`), in a process of its own so the counts come
    # back with the time; the wall clock includes starting Python and opening the database.
    code = (
        "import json; from quotetrack import detect, record, store;"
        f"db = store.open_record({str(db)!r});"
        "r = detect.rescan(db, db.normalizer);"
        "print(json.dumps({'compared': r.compared, 'found': r.found}))"
    )
    rescan_wall, rescan_cpu, output = _run([sys.executable, "-c", code], env)
    counts = json.loads(output[output.rindex("{"):output.rindex("}") + 1])
    return {"rescan_s": rescan_wall, "rescan_cpu_s": rescan_cpu, "compared": counts["compared"],
            "conflicts": counts["found"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="+", type=int)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="Keep the corpus and database in this folder.")
    parser.add_argument("--reuse", action="store_true",
                        help="With --keep: rescan a copy of the database kept there, without importing again.")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} CPUs")
    print(f"{'N':>8} {'import s':>9} {'cpu s':>7} {'rescan s':>9} {'cpu s':>7} {'compared':>9} {'conflicts':>9}")
    for n in args.sizes:
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            row = bench(n, args.seed, args.keep, args.reuse)
        else:
            with tempfile.TemporaryDirectory() as folder:
                row = bench(n, args.seed, Path(folder))
        print(f"{row['n']:>8} {row['import_s']:>9.1f} {row['import_cpu_s']:>7.1f} {row['rescan_s']:>9.1f} "
              f"{row['rescan_cpu_s']:>7.1f} {row['compared']:>9} {row['conflicts']:>9}", flush=True)
    print(f"load average after: {os.getloadavg()[0]:.2f} (1 min)")


if __name__ == "__main__":
    main()
