"""Score quotetrack's contradiction rules on the SICK corpus (SemEval-2014 task 1).

SICK pairs are labelled ENTAILMENT, NEUTRAL or CONTRADICTION. quotetrack's verdict maps onto
them: same claim -> ENTAILMENT, unrelated -> NEUTRAL, conflict -> CONTRADICTION.

Get the data with git (it is never committed to this repository), then run on the train split:

    git clone --depth 1 https://github.com/brmson/dataset-sts /tmp/dataset-sts
    python bench/sick.py /tmp/dataset-sts/data/sts/sick2014 --split train

Splits: train (SICK_train.txt, tune here), trial (SICK_trial.txt, the dev split) and test
(SICK_test_annotated.txt, report only).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

from quotetrack.conflicts import compare
from quotetrack.models import Speaker, Statement
from quotetrack.text import default_normalizer

FILES = {
    "train": "SICK_train.txt",
    "trial": "SICK_trial.txt",
    "dev": "SICK_trial.txt",
    "test": "SICK_test_annotated.txt",
}
LABELS = {"same": "ENTAILMENT", "unrelated": "NEUTRAL", "conflict": "CONTRADICTION"}
ORDER = ("ENTAILMENT", "NEUTRAL", "CONTRADICTION")


def read_pairs(path: Path) -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(row["sentence_A"], row["sentence_B"], row["entailment_judgment"]) for row in rows]


def predict(text_a: str, text_b: str) -> str:
    # Unknown speakers and the outlet's own voice: the quote rules (same words, other speaker)
    # do not apply, as for `quotetrack compare TEXT_A TEXT_B`.
    a = Statement(text_a, Speaker(""), kind="report")
    b = Statement(text_b, Speaker(""), kind="report")
    return LABELS[compare(a, b, normalizer=default_normalizer()).relation]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="folder holding the SICK files (data/sts/sick2014)")
    parser.add_argument("--split", choices=sorted(FILES), default="train")
    parser.add_argument("--errors", type=int, default=0, help="print this many misjudged pairs")
    args = parser.parse_args(argv)
    path = args.path / FILES[args.split] if args.path.is_dir() else args.path
    pairs = read_pairs(path)
    started = time.perf_counter()
    confusion: Counter[tuple[str, str]] = Counter()
    errors = []
    for text_a, text_b, gold in pairs:
        guess = predict(text_a, text_b)
        confusion[gold, guess] += 1
        if guess != gold:
            errors.append((gold, guess, text_a, text_b))
    elapsed = time.perf_counter() - started
    total = sum(confusion.values())
    correct = sum(confusion[label, label] for label in ORDER)
    print(f"SICK {args.split}: {total} pairs, {elapsed:.1f} s")
    print(f"accuracy {correct / total:.3f}")
    for label in ORDER:
        predicted = sum(confusion[gold, label] for gold in ORDER)
        actual = sum(confusion[label, guess] for guess in ORDER)
        precision = confusion[label, label] / predicted if predicted else 0.0
        recall = confusion[label, label] / actual if actual else 0.0
        print(f"{label.lower():>13}: precision {precision:.3f}  recall {recall:.3f}  (n={actual})")
    print("confusion (rows gold, columns predicted):")
    print(" " * 14 + "".join(f"{label[:7]:>9}" for label in ORDER))
    for gold in ORDER:
        print(f"{gold:>14}" + "".join(f"{confusion[gold, guess]:>9}" for guess in ORDER))
    for gold, guess, text_a, text_b in errors[: args.errors]:
        print(f"{gold[:4]}->{guess[:4]}\t{text_a}\t{text_b}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
