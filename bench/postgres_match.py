"""`match` latency on a large synthetic record, on SQLite and on PostgreSQL.

Usage: python bench/postgres_match.py [--statements 1000000] [--sqlite /tmp/qt-synthetic.db]
       [--url postgresql://quotetrack:quotetrack@localhost/quotetrack] [--queries 60]

Builds (once; reused when the file exists) a seeded SQLite record of synthetic statements whose
words follow a Zipf law over a vocabulary of made-up words, as running text does, each stored
through ``store.insert_statement`` with its claim tokens; copies it with ``store.copy_record``
into a fresh PostgreSQL schema (kept as ``bench_match_<n>`` for reruns); then times
``claims.match_text`` (what ``quotetrack match`` runs) for the same queries on both: half are
stored statements reworded (a word dropped, two swapped), half are new sentences. Prints p50 and
p90 in milliseconds after one warm-up query.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

import psycopg

from quotetrack import claims, record, store
from quotetrack.models import Speaker, Statement

SYLLABLES = "ba ko ri mun tel sa vo dri an pel qu ist ora len mak hu zed fi rom tas ul ver ni go".split()


def vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class Sentences:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words = vocabulary(self.rng, 30_000)
        self.weights = [1 / (rank + 1) ** 1.05 for rank in range(len(self.words))]
        self.places = [w.capitalize() for w in vocabulary(random.Random(seed + 1), 400)]

    def __call__(self) -> str:
        rng = self.rng
        picked = rng.choices(self.words, self.weights, k=9)
        return (f"{rng.randint(2, 400)} {picked[0]} {picked[1]} were {picked[2]} near {rng.choice(self.places)} "
                f"after the {picked[3]} {picked[4]}, the {picked[5]} said of {picked[6]} {picked[7]} {picked[8]}.")


def build_sqlite(path: Path, n: int, seed: int) -> None:
    db = store.open_db(path)
    normalizer = record.normalizer_for(db)
    make = Sentences(seed)
    speakers = []
    with store.transaction(db):
        for i in range(2000):
            speakers.append(store.insert_speaker(db, Speaker(name=f"Spokesperson {i:04d}")))
    start = time.perf_counter()
    for batch_start in range(0, n, 20_000):
        with store.transaction(db):
            for i in range(batch_start, min(n, batch_start + 20_000)):
                text = make()
                statement = Statement(text=text, speaker=speakers[i % len(speakers)])
                store.insert_statement(db, statement, " ".join(normalizer.tokens(text)))
        print(f"  built {min(n, batch_start + 20_000)} statements, {time.perf_counter() - start:.0f} s", flush=True)
    db.close()


def rewordings(db, make: Sentences, count: int, seed: int) -> list[str]:  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    top = store.count_statements(db)
    queries = []
    for statement in store.get_statements(db, [rng.randint(1, top) for _ in range(count // 2)]):
        words = statement.text.split()
        del words[rng.randrange(1, len(words))]
        i = rng.randrange(1, len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
        queries.append(" ".join(words))
    return queries + [make() for _ in range(count - len(queries))]


def timings(db, queries: list[str]) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    claims.match_text(db, queries[0])  # warm-up: caches, normaliser
    times, found = [], 0
    for query in queries:
        began = time.perf_counter()
        found += bool(claims.match_text(db, query))
        times.append((time.perf_counter() - began) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.9)], found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--sqlite", type=Path, default=None)
    parser.add_argument("--url", default="postgresql://quotetrack:quotetrack@localhost/quotetrack")
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    path = args.sqlite or Path(f"/tmp/qt-synthetic-{args.statements}.db")
    if not path.exists():
        print(f"building {path} ...", flush=True)
        build_sqlite(path, args.statements, args.seed)
    schema = f"bench_match_{args.statements}"
    url = f"{args.url}{'&' if '?' in args.url else '?'}options=-csearch_path%3D{schema},public"
    with psycopg.connect(args.url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public")
        exists = conn.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", [schema]).fetchone()
        if not exists:
            conn.execute(f"CREATE SCHEMA {schema}")
    sqlite_db, pg_db = store.open_db(path), store.open_db(url)
    if not exists or store.count_statements(pg_db) == 0:
        began = time.perf_counter()
        store.copy_record(sqlite_db, pg_db)
        pg_db.execute("ANALYZE")
        print(f"db copy SQLite -> PostgreSQL of {args.statements} statements: {time.perf_counter() - began:.0f} s")
    queries = rewordings(sqlite_db, Sentences(args.seed + 100), args.queries, args.seed)
    for name, db in (("SQLite", sqlite_db), ("PostgreSQL", pg_db)):
        p50, p90, found = timings(db, queries)
        print(f"match on {name} at {store.count_statements(db)} statements: p50 {p50:.0f} ms, p90 {p90:.0f} ms "
              f"({found}/{len(queries)} queries matched something)", flush=True)


if __name__ == "__main__":
    main()
