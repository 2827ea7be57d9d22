"""Precision and recall of quotetrack's contradiction rules on hand-labelled statement pairs.

    python bench/conflict_pairs.py [bench/conflict_pairs.jsonl] [--errors]

Each line of the JSONL file is one pair: ``label`` (conflict / same / unrelated), ``type`` (the
conflict type, for conflicts), ``a`` and ``b`` (text, speaker name, kind, optional said_on,
event_date, published, outlet) and a ``note`` on what makes the pair tricky. The pairs are news
copy written for this benchmark; none comes from the seed article.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from quotetrack.conflicts import CONFLICT_TYPES, compare
from quotetrack.models import Source, Speaker, Statement
from quotetrack.text import default_normalizer, parse_date

DEFAULT_PATH = Path(__file__).with_name("conflict_pairs.jsonl")


def statement(data: dict[str, Any]) -> Statement:
    source = Source(outlet=data.get("outlet"), published=parse_date(data.get("published")))
    return Statement(
        text=data["text"],
        speaker=Speaker(data.get("speaker") or ""),
        kind=data.get("kind", "reported"),
        source=source,
        said_on=parse_date(data.get("said_on")),
        event_date=parse_date(data.get("event_date")),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, nargs="?", default=DEFAULT_PATH)
    parser.add_argument("--errors", action="store_true", help="print every misjudged pair")
    parser.add_argument(
        "--set",
        choices=("all", "tuning", "held-out", "tolls"),
        default="all",
        help="tuning: the pairs the rules were fixed against; held-out: pairs written afterwards; "
        "tolls: one toll told with different verbs, and body counts",
    )
    args = parser.parse_args(argv)
    pairs = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines() if line]
    if args.set != "all":
        pairs = [pair for pair in pairs if pair.get("set", "tuning") == args.set]
    normalizer = default_normalizer()
    predicted: Counter[str] = Counter()
    actual: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    relation_correct = 0
    errors = []
    started = time.perf_counter()
    for pair in pairs:
        verdict = compare(statement(pair["a"]), statement(pair["b"]), normalizer=normalizer)
        gold = pair["type"] if pair["label"] == "conflict" else pair["label"]
        guess = verdict.type if verdict.relation == "conflict" else verdict.relation
        actual[gold] += 1
        predicted[guess or ""] += 1
        if guess == gold:
            correct[gold] += 1
        else:
            errors.append((pair, verdict))
        relation_correct += verdict.relation == pair["label"]
    elapsed = time.perf_counter() - started
    print(f"{args.set}: {len(pairs)} pairs, {elapsed * 1000 / len(pairs):.2f} ms a pair")
    print(f"relation accuracy (same / conflict / unrelated): {relation_correct / len(pairs):.3f}")
    print(f"{'type':>15} {'precision':>9} {'recall':>7} {'gold':>5} {'found':>6}")
    for label in (*CONFLICT_TYPES, "same", "unrelated"):
        precision = correct[label] / predicted[label] if predicted[label] else 0.0
        recall = correct[label] / actual[label] if actual[label] else 0.0
        print(f"{label:>15} {precision:>9.3f} {recall:>7.3f} {actual[label]:>5} {predicted[label]:>6}")
    if args.errors:
        for pair, verdict in errors:
            gold = pair["type"] or pair["label"]
            guess = verdict.type or verdict.relation
            print(f"\n{pair['id']} gold {gold}, got {guess} {verdict.score} {pair['note']}")
            print(f"  a: {pair['a']['text']}  [{pair['a']['speaker']}]")
            print(f"  b: {pair['b']['text']}  [{pair['b']['speaker']}]")
            print(f"  evidence: {json.dumps(verdict.evidence)[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
