"""Score claim matching on CLEF CheckThat! 2020 task 2 (verified-claim retrieval), as MAP@5.

Usage: python bench/claim_retrieval.py PATH [--split dev] [--db FILE] [--runs FILE]

PATH is the unpacked ``data/v3.zip`` of github.com/sshaar/clef2020-factchecking-task2 (the
folder holding ``verified_claims.docs.tsv`` and ``train/``, ``dev/``). ``--split`` names any folder
there with a ``tweets.queries.tsv`` (such as the task's test split, copied in beside them); without
its ``tweet-vclaim-pairs.qrels`` the ranking is written (``--runs``) but not scored. Never commit
the data, and tune on train and dev only.

Each verified claim (its text and its title) is stored as one statement through quotetrack's
store, so it is normalised and written to the claim index exactly as ``quotetrack add`` would;
each tweet is then matched with ``claims.match_text``, the function behind ``quotetrack match``
(candidates from the index, scored by ``match.rank``), with no score threshold. MAP@5 is the
task's metric: the mean over tweets of average precision over the top five (one relevant claim
per tweet here, so it is the reciprocal rank of the right claim when within the top five).
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from pathlib import Path

from quotetrack import claims, store
from quotetrack.errors import Duplicate
from quotetrack.models import Speaker, Statement

csv.field_size_limit(sys.maxsize)


def read_tsv(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    return rows[1:]  # header


def read_split(root: Path, split: str) -> tuple[dict[int, str], dict[int, set[int]] | None]:
    """The split's tweets, and its gold pairs (None when the split comes without them)."""
    tweets = {int(row[0]): row[1] for row in read_tsv(root / split / "tweets.queries.tsv")}
    qrels = root / split / "tweet-vclaim-pairs.qrels"
    if not qrels.exists():
        return tweets, None
    gold: dict[int, set[int]] = {}
    for line in qrels.read_text().splitlines():
        if line.strip():
            tweet_id, _, claim_id, relevant = line.split()
            if int(relevant) > 0:
                gold.setdefault(int(tweet_id), set()).add(int(claim_id))
    return tweets, gold


def load_claims(db_path: Path, root: Path) -> tuple[dict[int, int], float]:
    """Store every verified claim; returns statement id -> claim id and the seconds it took."""
    started = time.perf_counter()
    db = store.open_record(db_path)
    normalizer = db.normalizer
    statement_to_claim: dict[int, int] = {}
    with store.transaction(db):
        speaker = store.insert_speaker(db, Speaker("Fact-checkers", kind="organisation"))
        for row in read_tsv(root / "verified_claims.docs.tsv"):
            claim_id, text, title = int(row[0]), row[1], row[2]
            statement_text = f"{text} {title}".strip()
            statement = Statement(statement_text, speaker, kind="report")
            try:
                statement_id = store.insert_statement(
                    db, statement, " ".join(normalizer.tokens(statement_text))
                )
            except Duplicate:
                continue
            statement_to_claim[statement_id] = claim_id
    db.close()
    return statement_to_claim, time.perf_counter() - started


def average_precision(ranked: list[int], relevant: set[int], depth: int = 5) -> float:
    hits, total = 0, 0.0
    for position, claim_id in enumerate(ranked[:depth], start=1):
        if claim_id in relevant:
            hits += 1
            total += hits / position
    return total / min(len(relevant), depth) if relevant else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="unpacked v3.0 folder of the CLEF-2020 task 2 data")
    parser.add_argument("--split", default="dev", help="a folder of PATH: train, dev (default), test")
    parser.add_argument("--db", type=Path, help="database file to build (default: a temporary one)")
    parser.add_argument("--runs", type=Path, help="also write the ranking in TREC run format here")
    args = parser.parse_args(argv)
    root = args.path
    if not (root / "verified_claims.docs.tsv").exists() and (root / "v3.0").is_dir():
        root = root / "v3.0"
    if not (root / args.split / "tweets.queries.tsv").exists():
        splits = sorted(p.parent.name for p in root.glob("*/tweets.queries.tsv"))
        parser.error(f"{root / args.split} holds no tweets.queries.tsv; splits here: {', '.join(splits) or 'none'}")

    with tempfile.TemporaryDirectory() as scratch:
        db_path = args.db or Path(scratch) / "clef.db"
        statement_to_claim, load_seconds = load_claims(db_path, root)
        tweets, gold = read_split(root, args.split)
        db = store.open_record(db_path)
        started = time.perf_counter()
        total = 0.0
        top1 = 0
        lines = []
        for tweet_id, text in tweets.items():
            found = claims.match_text(db, text, limit=5, min_score=0)
            ranked = [statement_to_claim[f.statement.id] for f in found if f.statement.id]
            relevant = (gold or {}).get(tweet_id, set())
            total += average_precision(ranked, relevant)
            top1 += bool(ranked) and ranked[0] in relevant
            for position, f in enumerate(found, start=1):
                lines.append(
                    f"{tweet_id}\tQ0\t{ranked[position - 1]}\t{position}\t{f.match.score}\tquotetrack"
                )
        seconds = time.perf_counter() - started
        db.close()
    if args.runs:
        args.runs.write_text("\n".join(lines) + "\n")
    count = len(tweets)
    print(f"CLEF-2020 task 2, {args.split} split: {count} tweets, {len(statement_to_claim)} claims")
    if gold is None:
        print(f"no tweet-vclaim-pairs.qrels in {root / args.split}: ranking not scored"
              + (f" (written to {args.runs})" if args.runs else "; give --runs FILE to keep it"))
    else:
        print(f"MAP@5 {total / count:.4f}   precision@1 {top1 / count:.4f}")
    print(f"indexing {load_seconds:.1f} s; matching {1000 * seconds / count:.1f} ms a tweet")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
