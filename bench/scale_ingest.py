"""Does the record's size slow every write? Import a large record, then ingest articles into it.

Usage: python bench/scale_ingest.py [--small | --statements N --speakers M] [--articles DIR] [--keep PATH]

1. ``quotetrack import`` of a JSON Lines file of 100,000 statements by 20,000 speakers (names of
   random syllables, so that no two speakers share a name by chance; each speaker has five
   statements; said on days spread over the five years before the articles, about 55 a day)
   into a new SQLite record. Target: under 120 s.
2. ``quotetrack ingest`` of 84 articles into that record, in one command. The articles are the
   ``.txt`` files of ``--articles`` (PolNeAR's dev texts are 84 articles of about 5 KB:
   ``--articles /tmp/data/PolNeAR/data/dev/text``), else 84 generated ones of that size, whose
   quotes come from speakers on record and new ones. Target: at least 20 articles a second.

``--small`` imports 5,000 statements by 1,000 speakers and ingests 21 articles: a quick check
that the script runs, not the figure; ``--statements`` and ``--speakers`` choose other sizes (for
a profile), the targets scaled to them. Both steps run ``quotetrack`` in a subprocess, start-up
included, the way an editor runs them; each line gives the CPU seconds of that process too, and
the load average, so that a figure taken on a busy machine reads as such.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

SYLLABLES = ["ka", "ri", "mo", "sa", "tel", "bar", "nu", "dim", "ho", "za", "lek", "pa", "vro", "is",
             "gan", "te", "lu", "shi", "dor", "ma", "fen", "o", "ru", "bek", "ya", "qua", "nel", "ti"]
CLAIMS = [
    "{n} families have returned to {place} since the ceasefire",
    "the clinic in {place} treated {n} patients last week",
    "there were no strikes near {place} on {day}",
    "the council will spend {n} million on roads around {place}",
    "police arrested {n} people after the protest in {place}",
    "the water supply to {place} was cut for {n} days",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
# The record covers five years up to the articles' day: about 55 statements a day at 100,000.
FIRST_DAY, DAYS_COVERED, PUBLISHED = date(2019, 6, 2), 5 * 365, "2024-06-01"


def _name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{word()} {word()}"


def speaker_names(count: int, seed: int = 18) -> list[str]:
    rng = random.Random(seed)
    names: dict[str, None] = {}
    while len(names) < count:
        names[_name(rng)] = None
    return list(names)


def place_names(count: int, seed: int = 19) -> list[str]:
    """A real archive covers many places: one for every 50 statements, so that a claim meets the
    few others about its place, as it would, and not a fifth of the record."""
    rng = random.Random(seed)
    return ["".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize() for _ in range(max(count, 8))]


def write_statements(path: Path, statements: int, speakers: list[str], seed: int = 18) -> None:
    rng = random.Random(seed)
    places = place_names(statements // 50)
    with path.open("w", encoding="utf-8") as out:
        for i in range(statements):
            text = rng.choice(CLAIMS).format(n=rng.randint(2, 900), place=rng.choice(places),
                                             day=rng.choice(DAYS))
            out.write(json.dumps({
                "text": f"{text[0].upper()}{text[1:]} (item {i}).",
                "speaker": speakers[i % len(speakers)],
                "outlet": f"Outlet {i % 40}",
                "said_on": (FIRST_DAY + timedelta(days=rng.randrange(DAYS_COVERED))).isoformat(),
            }) + "\n")


def article(rng: random.Random, speakers: list[str], places: list[str]) -> str:
    """An article of about 5 KB: a headline, paragraphs of reporting, about a dozen quotes from four
    speakers of ``speakers`` and two new ones, with their titles."""
    people = rng.sample(speakers, 4) + [_name(rng), _name(rng)]
    place = rng.choice(places)
    paragraphs = [f"Officials in {place} dispute the count after a week of protests"]
    while sum(len(p) for p in paragraphs) < 4800:
        who = rng.choice(people)
        claim = rng.choice(CLAIMS).format(n=rng.randint(2, 900), place=place, day=rng.choice(DAYS))
        paragraphs.append(rng.choice([
            f'"{claim[0].upper()}{claim[1:]}," said {who}, a spokesman for the regional council.',
            f"{who}, the mayor's deputy, said {claim}.",
            f'According to {who}, {claim}. "We will not stop until the work is done," {who.split()[-1]} said.',
            *[f"Residents gathered outside the town hall on {rng.choice(DAYS)} as the debate went on "
              f"into the evening, and several shops in {place} stayed closed for the day. The council "
              f"met again later, and the roads out of town were quiet by nightfall."] * 2,
        ]))
    return "\n\n".join(paragraphs) + "\n"


def news_text(megabytes: float, seed: int = 18) -> str:
    """Generated articles one after another, ``megabytes`` of them: a long input of news copy."""
    rng = random.Random(seed)
    speakers, places = speaker_names(2_000, seed), place_names(400, seed + 1)
    parts: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        parts.append(article(rng, speakers, places))
        size += len(parts[-1]) + 2
    return "\n\n".join(parts)


def write_articles(folder: Path, count: int, speakers: list[str], seed: int = 18) -> list[Path]:
    rng = random.Random(seed)
    places = place_names(len(speakers) // 10, seed=seed + 1)
    paths = []
    for a in range(count):
        path = folder / f"article-{a:03d}.txt"
        path.write_text(article(rng, speakers, places), encoding="utf-8")
        paths.append(path)
    return paths


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(args: list[str], db: Path) -> tuple[float, str]:
    """Wall-clock seconds of one command, and a note of its CPU seconds and the load average."""
    env = os.environ | {"QUOTETRACK_DB": str(db)}
    cpu, start = _children_cpu(), time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "quotetrack", *args], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"quotetrack {args[0]} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return seconds, f"CPU {_children_cpu() - cpu:.1f} s, load average {os.getloadavg()[0]:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", action="store_true", help="5,000 statements by 1,000 speakers, 21 articles")
    parser.add_argument("--statements", type=int, help="statements to import (default 100,000)")
    parser.add_argument("--speakers", type=int, help="speakers they are by (default a fifth as many)")
    parser.add_argument("--articles", type=Path, help="a folder of .txt articles to ingest (84 are used)")
    parser.add_argument("--keep", type=Path, help="keep the record at this path (a new file)")
    args = parser.parse_args()
    statements, speakers, articles = (5_000, 1_000, 21) if args.small else (100_000, 20_000, 84)
    if args.statements:
        statements, speakers = args.statements, args.speakers or max(1, args.statements // 5)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = args.keep or folder / "scale.db"
        names = speaker_names(speakers)
        jsonl = folder / "statements.jsonl"
        write_statements(jsonl, statements, names)
        seconds, cost = _run(["import", str(jsonl)], db)
        target = 120 * statements / 100_000
        print(f"import: {statements:,} statements by {speakers:,} speakers in {seconds:.1f} s "
              f"({statements / seconds:,.0f} a second; target < {target:.0f} s: "
              f"{'met' if seconds < target else 'NOT met'}; {cost})", flush=True)

        if args.articles:
            paths = sorted(args.articles.glob("*.txt"))[:articles]
            origin = str(args.articles)
        else:
            (folder / "articles").mkdir()
            paths = write_articles(folder / "articles", articles, names)
            origin = "generated"
        size = sum(p.stat().st_size for p in paths) / len(paths)
        seconds, cost = _run(["ingest", *map(str, paths), "--outlet", "Bench Wire", "--published", PUBLISHED,
                              "--yes"], db)
        rate = len(paths) / seconds
        print(f"ingest: {len(paths)} articles ({origin}, {size / 1000:.1f} KB each) into that record in "
              f"{seconds:.1f} s ({rate:.1f} articles a second; target >= 20: "
              f"{'met' if rate >= 20 else 'NOT met'}; {cost})")


if __name__ == "__main__":
    main()
