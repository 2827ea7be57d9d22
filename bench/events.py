"""Time event grouping and figure tables on a synthetic record of many incidents.

Usage: python bench/events.py [--statements 5000] [--places 300]

Each generated statement reports a casualty toll for an incident at one of ``--places`` invented
towns (some written in a second spelling), on one of 700 days, from one of 30 outlets; the record
is imported the way `quotetrack import` does. Timings are wall-clock seconds on this machine.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from quotetrack import events, record, store

_SYLLABLES = "qa ra sro ko ba zi dar tal kan mir sha hu".split()
_WHAT = ("car bomb", "mortar attack", "air strike", "ambush", "drone strike", "roadside bomb")


def town(rng: random.Random) -> str:
    return "".join(rng.sample(_SYLLABLES, 3)).capitalize()


def variant(name: str) -> str:
    """A second transliteration: o for u, ou for u, the way place names drift between outlets."""
    return name.replace("o", "u", 1) if "o" in name else name + "h"


def synthetic(n: int, places: int, seed: int = 7) -> list[tuple[str, dict]]:
    rng = random.Random(seed)
    towns = [town(rng) for _ in range(places)]
    start = date(2020, 1, 1)
    records = []
    for i in range(n):
        place = rng.choice(towns)
        if rng.random() < 0.2:
            place = variant(place)
        day = start + timedelta(days=rng.randint(0, 700))
        what = rng.choice(_WHAT)
        text = f"The {what} in {place} killed {rng.randint(1, 40)} people and wounded {rng.randint(0, 60)} ({i})"
        records.append((f"record {i}", {
            "text": text, "speaker": f"Official {rng.randint(1, 200)}", "outlet": f"Outlet {rng.randint(1, 30)}",
            "published": (day + timedelta(days=rng.randint(0, 1))).isoformat(), "kind": "reported",
        }))
    return records


def timed(label: str, action):  # type: ignore[no-untyped-def]
    began = time.perf_counter()
    value = action()
    print(f"{label:<38} {time.perf_counter() - began:8.2f} s")
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=5000)
    parser.add_argument("--places", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = store.open_record(Path(tmp) / "bench.db")
        records = synthetic(args.statements, args.places)
        timed(f"import {len(records)} statements", lambda: record.import_records(db, records))
        result = timed("group into events (first time)", lambda: events.rescan(db))
        timed("group again (editors' pins kept)", lambda: events.rescan(db))
        found = timed("list events", lambda: events.list_events(db))
        biggest = max(found, key=lambda e: e.statements)
        detail = timed(f"event view, {biggest.statements} statements", lambda: events.get_event(db, biggest.id))
        print(f"{result.events} events over {result.grouped} of {len(records)} statements; "
              f"largest has {biggest.statements} statements and {len(detail.figures)} figure rows")


if __name__ == "__main__":
    main()
