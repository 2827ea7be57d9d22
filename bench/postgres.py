"""Figures for a team on PostgreSQL: concurrent editors, and `db copy` there and back.

Usage: python bench/postgres.py [--url postgresql://quotetrack:quotetrack@localhost/quotetrack]
       [--processes 16] [--each 40] [--copy-synthetic 100000] [--skip-concurrency]

Runs in a fresh schema of the given database, dropped at the end. Prints:
- N processes each adding statements (through the CLI's library path, conflict detection
  included) and reviewing the open conflicts they see, at the same time: statements expected
  and held, reviews written, reviews refused by the last-writer check, and every other error
  (which would have reached a user);
- `db copy` of the seed record plus the statements above, SQLite -> PostgreSQL -> SQLite,
  compared by `quotetrack export`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "quotetrack" / "samples" / "makhmour-statements.jsonl"

WORKER = """
import json, random, sys
from quotetrack import record, store
from quotetrack.errors import QuotetrackError
from quotetrack.models import Speaker, Statement
url, name, each = sys.argv[1], sys.argv[2], int(sys.argv[3])
db = store.open_record(url, editor=name)
out = {"added": 0, "reviewed": 0, "refused": 0, "errors": []}
rng = random.Random(name)
for i in range(each):
    n = rng.randint(1, 9)
    text = f"{name} says {n} strikes hit the bridge at Qayyarah on day {i} of the {name} series."
    try:
        record.add_statement(db, Statement(text=text, speaker=Speaker(name=f"Officer {name}")))
        out["added"] += 1
        open_ = store.list_conflicts(db, status="open", limit=5)
        if open_:
            seen = rng.choice(open_)
            with store.transaction(db):
                store.review_conflict(db, seen.id, rng.choice(["confirmed", "dismissed"]), None, seen=seen)
            out["reviewed"] += 1
    except store.StaleReview:
        out["refused"] += 1
    except QuotetrackError as exc:
        out["errors"].append(str(exc))
print(json.dumps(out))
"""


def schema_url(url: str, schema: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema},public"


def quotetrack(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "quotetrack", *args], capture_output=True, text=True, check=True)
    return done.stdout


def concurrent(url: str, processes: int, each: int) -> str:
    quotetrack("import", str(SEED), "--db", url)
    start = time.perf_counter()
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, url, f"p{i:02d}", str(each)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for i in range(processes)]
    results, crashes = [], []
    for w in workers:
        stdout, stderr = w.communicate()
        if w.returncode:
            crashes.append(stderr.strip().splitlines()[-1] if stderr.strip() else f"exit {w.returncode}")
        else:
            results.append(json.loads(stdout))
    seconds = time.perf_counter() - start
    held = len(json.loads(quotetrack("list", "--json", "--db", url)))
    expected = 12 + processes * each
    errors = [e for r in results for e in r["errors"]] + crashes
    return (
        f"concurrency: {processes} processes x {each} adds = {processes * each} (+12 seed) statements; "
        f"held {held} of {expected}; reviews written {sum(r['reviewed'] for r in results)}, "
        f"refused as stale {sum(r['refused'] for r in results)}; errors reaching a user {len(errors)}"
        f"{(': ' + errors[0]) if errors else ''}; {seconds:.1f} s"
    )


def round_trip(url: str, folder: Path, synthetic: int) -> str:
    """SQLite -> PostgreSQL -> SQLite of the concurrency record, or of the seed plus N synthetic."""
    original = folder / "original.db"
    if synthetic:
        sys.path.insert(0, str(Path(__file__).parent))
        from postgres_match import build_sqlite

        build_sqlite(original, synthetic, seed=11)
        quotetrack("import", str(SEED), "--db", str(original))
    else:
        quotetrack("db", "copy", url, str(original))
    schema2 = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url.split("?")[0], autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema2}")
    try:
        start = time.perf_counter()
        there = schema_url(url.split("?")[0], schema2)
        quotetrack("db", "copy", str(original), there)
        back = folder / "back.db"
        quotetrack("db", "copy", there, str(back))
        seconds = time.perf_counter() - start
        exported = quotetrack("export", "--db", str(original))
        same = exported == quotetrack("export", "--db", str(back))
        statements = len(json.loads(quotetrack("list", "--json", "--db", str(back))))
        listed = [quotetrack("list", "--json", "--db", str(db)) for db in (original, back)]
        same_list = listed[0] == listed[1]
    finally:
        with psycopg.connect(url.split("?")[0], autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema2} CASCADE")
    return (f"db copy: SQLite -> PostgreSQL -> SQLite of {statements} statements: export identical: {same} "
            f"({len(exported.splitlines())} lines), list --json identical: {same_list}; "
            f"{seconds:.1f} s for both copies")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="postgresql://quotetrack:quotetrack@localhost/quotetrack")
    parser.add_argument("--processes", type=int, default=16)
    parser.add_argument("--each", type=int, default=40)
    parser.add_argument("--copy-synthetic", type=int, default=0,
                        help="copy the seed plus this many synthetic statements instead of the concurrency record")
    parser.add_argument("--skip-concurrency", action="store_true")
    args = parser.parse_args()
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(args.url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public")
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        url = schema_url(args.url, schema)
        if not args.skip_concurrency:
            print(concurrent(url, args.processes, args.each), flush=True)
        with tempfile.TemporaryDirectory() as folder:
            print(round_trip(url, Path(folder), args.copy_synthetic), flush=True)
    finally:
        with psycopg.connect(args.url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


if __name__ == "__main__":
    main()
