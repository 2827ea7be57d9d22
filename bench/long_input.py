"""How long one long "word" takes, and one long article: reading must be linear in its input.

Usage: python bench/long_input.py [--lengths 10000 20000 100000]
       python bench/long_input.py --news 1 5 20

``--news MB…``: ``ingest`` (extraction, storing and conflict detection, in this process, into a
new record each time) of that many megabytes of generated news copy (``bench/scale_ingest.py``'s
articles, one after another, as one input). Target: seconds per megabyte within 2x of each
other from 1 to 20 MB. Sizes over ``ingest``'s cap (10 MB) need its ``--max-size``, as here.

For each length N, times (wall clock, one run each, in this process so Python's start-up is
left out):

- ``quotetrack match WORD`` on a one-statement record, through the CLI (typer's test runner), for
  a word of N letters ("aaaa…") and for hostile variants of it: a hashtag, a handle, camel case,
  hyphenated parts;
- the readers of ``quotetrack.text`` on the plain word: the normaliser, counts, dates, fold.

The target: every figure under a second at N = 100,000, and ten times N costs about ten times
the time, not a hundred.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

VARIANTS: dict[str, Callable[[int], str]] = {
    "word": lambda n: "a" * n,
    "hashtag": lambda n: "#" + "a" * (n - 1),
    "handle": lambda n: "@" + "ab" * (n // 2),
    "camel": lambda n: "aB" * (n // 2),
    "hyphens": lambda n: "ab-" * (n // 3),
    "accents": lambda n: "Łó" * (n // 2),
}


def _seconds(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lengths", type=int, nargs="+", default=[10_000, 20_000, 100_000])
    parser.add_argument("--news", type=float, nargs="+", metavar="MB", help="ingest this much news copy")
    args = parser.parse_args()
    if args.news:
        news(args.news)
        return

    from typer.testing import CliRunner

    from quotetrack.cli import app
    from quotetrack.text import default_normalizer, find_dates, find_quantities, fold

    runner = CliRunner()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["QUOTETRACK_DB"] = str(Path(folder) / "long.db")
        added = runner.invoke(app, ["add", "Talks stalled", "--speaker", "A. Nowak"])
        assert added.exit_code == 0, added.output
        runner.invoke(app, ["match", "talks"])  # warm: lexicons and the index load once

        def match(text: str) -> None:
            result = runner.invoke(app, ["match", text])
            assert result.exit_code == 0, result.output

        normalizer = default_normalizer()
        readers: dict[str, Callable[[str], object]] = {
            "normalizer": normalizer.tokens,
            "quantities": find_quantities,
            "dates": find_dates,
            "fold": fold,
        }
        print(f"{'input':<22}" + "".join(f"{n:>12,}" for n in args.lengths))
        for name, make in VARIANTS.items():
            times = [_seconds(partial(match, make(n))) for n in args.lengths]
            print(f"{'match ' + name:<22}" + "".join(f"{t:>11.3f}s" for t in times))
        for name, read in readers.items():
            times = [_seconds(partial(read, "a" * n)) for n in args.lengths]
            print(f"{name + ' (word)':<22}" + "".join(f"{t:>11.3f}s" for t in times))


def news(sizes: list[float]) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from scale_ingest import news_text

    from quotetrack import ingest, store

    rates = []
    for megabytes in [0.02, *sizes]:  # the first, small, loads the lexicons: not counted
        text = news_text(megabytes)
        with tempfile.TemporaryDirectory() as folder:
            db = store.open_record(Path(folder) / "news.db")
            start = time.perf_counter()
            article = ingest.read_article(text.encode(), "news.txt", outlet="Bench Wire")
            read = time.perf_counter() - start
            result = ingest.ingest(db, article)
            seconds = time.perf_counter() - start
            db.close()
        if megabytes == 0.02:
            continue
        rates.append(seconds / megabytes)
        print(f"ingest {megabytes:g} MB: {seconds:.1f} s ({rates[-1]:.2f} s/MB; extraction {read:.1f} s), "
              f"{result.added:,} statements", flush=True)
    print(f"slowest / fastest s/MB: {max(rates) / min(rates):.2f} (target <= 2)")


if __name__ == "__main__":
    main()
