"""Claim matching at newsroom scale: load, size, latency, recall and speed against brute force.

Usage: python bench/matching_scale.py [--n 10000 100000 1000000] [--queries 100]
                                      [--brute-queries 20] [--keep DIR [--reuse]]

For each N a synthetic corpus (bench/synth.py, seeded) is stored through quotetrack's store,
each statement normalised and written to the claim index as ``quotetrack add`` does. Then, for
random claims typed as an editor would (a rewording, not itself stored: the claim's other
wording, other spellings of its names from the terms table, a hedge added and small words dropped;
``synth.query_for``; how many of them are, once normalised, exactly a stored statement of their
claim is printed too):

Both the matcher and the references keep only matches scoring at least ``match.DEFAULT_MIN_SCORE``
(what ``quotetrack match`` shows by default): below it the order is noise, not matches.

- latency of the matcher: tokens -> ``store.claim_candidates`` (the index) ->
  ``store.claim_term_counts`` -> ``match.rank``, p50 and p95 over ``--queries`` queries, and of
  ``claims.match_text`` (what ``quotetrack match`` runs, statements fetched and highlighted);
- recall@10 against brute force with the same scorer: ``match.rank`` over every statement that
  shares a word with the query, which is every statement that can score above 0 (the others
  score 0), so it is the exhaustive top 10; this is what the index's candidate cut loses;
- the naive brute force, rapidfuzz ``process.extract`` (token_set_ratio) over all N normalised
  texts, its time per query, and the speed ratio of the matcher against it;
- recall@10 of the synthetic ground truth (the stored statements of the same claim group) for the
  matcher and for the rapidfuzz brute force;
- peak memory (max RSS of this process) and database size.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402

from quotetrack import claims, match, store  # noqa: E402
from quotetrack.models import Source, Speaker, Statement  # noqa: E402


def load(db_path: Path, n: int, seed: int) -> tuple[list[dict[str, object]], float]:
    """Store N synthetic statements; returns the corpus rows and the seconds loading took."""
    rows = list(synth.generate(n, seed, with_slots=True))
    started = time.perf_counter()
    db = store.open_record(db_path)
    normalizer = db.normalizer
    speakers: dict[str, Speaker] = {}
    sources: dict[str, Source] = {}
    batch = 20_000
    for start in range(0, len(rows), batch):
        with store.transaction(db):
            for row in rows[start : start + batch]:
                name, outlet = str(row["speaker"]), str(row["outlet"])
                if name not in speakers:
                    speakers[name] = store.insert_speaker(db, Speaker(name))
                if outlet not in sources:
                    sources[outlet] = store.insert_source(db, Source(outlet=outlet))
                text = str(row["text"])
                statement = Statement(text, speakers[name], kind="report", source=sources[outlet])
                try:
                    row["statement_id"] = store.insert_statement(
                        db, statement, " ".join(normalizer.tokens(text))
                    )
                except Exception:  # an exact copy by the same speaker and outlet: one statement
                    row["statement_id"] = None
    db.close()
    return rows, time.perf_counter() - started


def matcher(db, normalizer, text: str, limit: int = 10) -> tuple[list[int], list[tuple]]:
    tokens = normalizer.tokens(text)
    candidates = claims.claim_candidates(db, tokens, limit=200, with_tokens=True)
    doc_freq, total = store.claim_term_counts(db, tokens)
    found = match.rank(text, candidates, normalizer=normalizer, limit=limit,
                       doc_freq=doc_freq, total_docs=total)
    return [m.id for m in found], candidates


def exhaustive(db, normalizer, text: str, avg_len: float, limit: int = 10) -> list[int]:
    """match.rank over every statement sharing any token with the query (all that can score)."""
    tokens = sorted(set(normalizer.tokens(text)))
    doc_freq, total = store.claim_term_counts(db, tokens)
    rows = db.execute(
        "SELECT st.id, st.text, f.norm FROM statements_fts f JOIN statements st ON st.id = f.rowid "
        "WHERE statements_fts MATCH ?",
        ["{norm} : (" + " OR ".join(tokens) + ")"],
    ).fetchall()
    found = match.rank(text, [tuple(r) for r in rows], normalizer=normalizer, limit=limit,
                       doc_freq=doc_freq, total_docs=total, avg_len=avg_len)
    return [m.id for m in found]


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(
    n: int, queries: int, brute_queries: int, seed: int, folder: Path, reuse: bool = False
) -> dict[str, float]:
    db_path = folder / f"scale-{n}-{seed}.db"
    ids_path = db_path.with_suffix(".ids.json")
    if reuse and db_path.exists() and ids_path.exists():
        rows = list(synth.generate(n, seed, with_slots=True))
        for row, statement_id in zip(rows, json.loads(ids_path.read_text()), strict=True):
            row["statement_id"] = statement_id
        load_seconds = float("nan")
    else:
        db_path.unlink(missing_ok=True)
        rows, load_seconds = load(db_path, n, seed)
        ids_path.write_text(json.dumps([row["statement_id"] for row in rows]))
    db_size = db_path.stat().st_size
    db = store.open_record(db_path)
    normalizer = db.normalizer

    groups: dict[int, list[int]] = {}
    firsts: dict[int, dict[str, object]] = {}
    for row in rows:
        if row.get("statement_id"):
            groups.setdefault(int(row["group"]), []).append(int(row["statement_id"]))  # type: ignore[arg-type]
            firsts.setdefault(int(row["group"]), row)  # type: ignore[arg-type]
    rng = random.Random(seed)
    picked = rng.sample(sorted(firsts), min(queries, len(firsts)))
    texts = [synth.query_for(firsts[g], seed + g) for g in picked]
    # A query whose tokens are exactly those of a statement of its claim tests retrieval, not
    # matching: count them, so that the recall below is read for what it is.
    def token_key(text: str) -> str:
        return " ".join(sorted(normalizer.tokens(text)))

    stored_keys: dict[int, set[str]] = {}
    for row in rows:
        if row.get("statement_id"):
            stored_keys.setdefault(int(row["group"]), set()).add(token_key(str(row["text"])))  # type: ignore[call-overload]
    identical = sum(token_key(t) in stored_keys[g] for t, g in zip(texts, picked, strict=True))

    latencies, cpu_times, cli_latencies, results, avg_lens = [], [], [], [], []
    for text in texts:
        started, cpu_started = time.perf_counter(), time.process_time()
        ids, candidates = matcher(db, normalizer, text)
        latencies.append(time.perf_counter() - started)
        cpu_times.append(time.process_time() - cpu_started)
        results.append(ids)
        avg_lens.append(
            sum(len(c[2].split()) for c in candidates) / max(len(candidates), 1)
        )
        started = time.perf_counter()
        claims.match_text(db, text, limit=10)
        cli_latencies.append(time.perf_counter() - started)

    # The generator draws place names from a finite syllable space, so at a million two groups
    # can hold the very same sentence: such copies count as the same claim.
    by_text: dict[str, list[int]] = {}
    for row in rows:
        if row.get("statement_id"):
            by_text.setdefault(str(row["text"]), []).append(int(row["statement_id"]))  # type: ignore[arg-type]
    texts_of = {int(r["statement_id"]): str(r["text"]) for r in rows if r.get("statement_id")}  # type: ignore[arg-type]

    def truth_recall(found: list[int], group: int) -> float:
        wanted = {i for member in groups[group] for i in by_text[texts_of[member]]}
        return len(wanted & set(found[:10])) / min(len(wanted), 10)

    matcher_truth = statistics.mean(truth_recall(r, g) for r, g in zip(results, picked, strict=True))

    # Brute force on a subset of the queries: both kinds take seconds each at a million.
    id_list = [int(r["statement_id"]) for r in rows if r.get("statement_id")]  # type: ignore[arg-type]
    norm_list = [
        " ".join(normalizer.tokens(str(r["text"]))) for r in rows if r.get("statement_id")
    ] if brute_queries else []
    same_scorer, brute_times, exhaustive_times, brute_truth = [], [], [], []
    for index in range(min(brute_queries, len(texts))):
        text, group = texts[index], picked[index]
        started = time.perf_counter()
        reference = exhaustive(db, normalizer, text, avg_lens[index])
        exhaustive_times.append(time.perf_counter() - started)
        if reference:
            same_scorer.append(len(set(reference) & set(results[index])) / len(reference))
        started = time.perf_counter()
        hits = process.extract(" ".join(normalizer.tokens(text)), norm_list,
                               scorer=fuzz.token_set_ratio, limit=10)
        brute_times.append(time.perf_counter() - started)
        brute_truth.append(truth_recall([id_list[i] for _, _, i in hits], group))
    db.close()
    p50 = percentile(latencies, 0.5)
    return {
        "n": n,
        "load_s": load_seconds,
        "db_mb": db_size / 1e6,
        "p50_ms": 1000 * p50,
        "p95_ms": 1000 * percentile(latencies, 0.95),
        "cpu_p50_ms": 1000 * percentile(cpu_times, 0.5),
        "cpu_p95_ms": 1000 * percentile(cpu_times, 0.95),
        "cli_p50_ms": 1000 * percentile(cli_latencies, 0.5),
        "cli_p95_ms": 1000 * percentile(cli_latencies, 0.95),
        "recall_same_scorer": statistics.mean(same_scorer) if same_scorer else float("nan"),
        "exhaustive_ms": 1000 * _median(exhaustive_times),
        "rapidfuzz_ms": 1000 * _median(brute_times),
        "speedup_rapidfuzz": _median(brute_times) / p50,
        "speedup_exhaustive": _median(exhaustive_times) / p50,
        "truth_recall_matcher": matcher_truth,
        "truth_recall_rapidfuzz": statistics.mean(brute_truth) if brute_truth else float("nan"),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "queries": len(texts),
        "queries_identical": identical,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[10_000])
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--brute-queries", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="keep the databases in this folder")
    parser.add_argument("--reuse", action="store_true",
                        help="with --keep: query databases a previous run left there")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for n in args.n:
            r = run(n, args.queries, args.brute_queries, args.seed, folder, args.reuse)
            print(
                f"N={r['n']:,}: load {r['load_s']:.1f} s, db {r['db_mb']:.0f} MB, "
                f"match p50 {r['p50_ms']:.1f} ms p95 {r['p95_ms']:.1f} ms "
                f"(CPU time p50 {r['cpu_p50_ms']:.1f} ms p95 {r['cpu_p95_ms']:.1f} ms) "
                f"(quotetrack match path p50 {r['cli_p50_ms']:.1f} ms p95 {r['cli_p95_ms']:.1f} ms); "
                f"recall@10 vs brute force with the same scorer {r['recall_same_scorer']:.3f} "
                f"(brute force {r['exhaustive_ms']:.0f} ms, {r['speedup_exhaustive']:.0f}x slower); "
                f"rapidfuzz process.extract over all N {r['rapidfuzz_ms']:.0f} ms "
                f"({r['speedup_rapidfuzz']:.1f}x slower than the matcher); "
                f"ground-truth recall@10 matcher {r['truth_recall_matcher']:.3f}, "
                f"rapidfuzz {r['truth_recall_rapidfuzz']:.3f}; queries that normalise to a stored "
                f"statement of their claim {r['queries_identical']} of {r['queries']}; "
                f"peak memory {r['peak_mb']:.0f} MB",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
