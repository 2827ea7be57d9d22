"""`match` latency on a large synthetic record, on SQLite and on PostgreSQL.

Usage: python bench/postgres_match.py [--statements 1000000] [--sqlite /tmp/qt-synthetic.db]
       [--url postgresql://quotetrack:quotetrack@localhost/quotetrack] [--queries 60]

Builds (once; reused when the file exists) a seeded SQLite record of synthetic statements whose
words follow a Zipf law over a vocabulary of made-up words, as running text does, each stored
with its claim tokens from quotetrack's normaliser (see ``build_sqlite``); copies it with ``store.copy_record``
into a fresh PostgreSQL schema (kept as ``bench_match_<n>`` for reruns); then times
``claims.match_text`` (what ``quotetrack match`` runs) for the same queries on both: half are
stored statements reworded (a word dropped, two swapped), half are new sentences. Prints p50 and
p90 in milliseconds after one warm-up query.
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing
import random
import statistics
import time
from pathlib import Path

import psycopg

from quotetrack import claims, store
from quotetrack.models import Speaker
from quotetrack.text import Normalizer

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
        self.cumulative = list(itertools.accumulate(1 / (rank + 1) ** 1.05 for rank in range(len(self.words))))
        self.places = [w.capitalize() for w in vocabulary(random.Random(seed + 1), 400)]

    def __call__(self) -> str:
        rng = self.rng
        picked = rng.choices(self.words, cum_weights=self.cumulative, k=9)
        return (f"{rng.randint(2, 400)} {picked[0]} {picked[1]} were {picked[2]} near {rng.choice(self.places)} "
                f"after the {picked[3]} {picked[4]}, the {picked[5]} said of {picked[6]} {picked[7]} {picked[8]}.")


_normalizer: Normalizer | None = None


def _tokens(texts: list[str]) -> list[str]:
    global _normalizer
    _normalizer = _normalizer or Normalizer()  # once per worker process
    return [" ".join(_normalizer.tokens(text)) for text in texts]


def build_sqlite(path: Path, n: int, seed: int) -> None:
    """Speakers through the store; statements and their index rows written in bulk.

    A million statements one ``insert_statement`` at a time take about an hour here; the rows
    written are the same (text, speaker, claim tokens from the same normaliser), without the
    change-log entry and conflict detection that ``quotetrack add`` adds.
    """
    db = store.open_record(path)
    make = Sentences(seed)
    with store.transaction(db):
        speakers = [store.insert_speaker(db, Speaker(name=f"Spokesperson {i:04d}")) for i in range(2000)]
    start = time.perf_counter()
    created = store.now()
    with multiprocessing.Pool() as pool:
        for batch_start in range(0, n, 50_000):
            ids = range(batch_start + 1, min(n, batch_start + 50_000) + 1)
            texts = [make() for _ in ids]
            chunks = [texts[i:i + 2000] for i in range(0, len(texts), 2000)]
            norms = [norm for chunk in pool.map(_tokens, chunks) for norm in chunk]
            with store.transaction(db):
                db.conn.executemany(
                    "INSERT INTO statements (id, text, kind, speaker_id, created_at) VALUES (?, ?, 'quote', ?, ?)",
                    [(i, t, speakers[i % len(speakers)].id, created) for i, t in zip(ids, texts, strict=True)],
                )
                db.conn.executemany(
                    "INSERT INTO statements_fts (rowid, text, speaker, outlet, norm) VALUES (?, ?, ?, '', ?)",
                    [(i, t, speakers[i % len(speakers)].name, m) for i, t, m in zip(ids, texts, norms, strict=True)],
                )
            print(f"  built {ids[-1]} statements, {time.perf_counter() - start:.0f} s", flush=True)
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
    sqlite_db, pg_db = store.open_record(path), store.open_record(url)
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
