"""Time the editors' desk on a synthetic record: export, import of the export, timeline, dossier, check.

Usage: python bench/editors_desk.py [--statements 20000] [--quotes 50]

The record is made of generated sentences (numbered speakers, outlets, dates and words), imported
in one transaction the way `quotetrack import` does; timings are wall-clock seconds on this machine.
"""

from __future__ import annotations

import argparse
import io
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from quotetrack import check, dossier, export, record, store
from quotetrack.render import html

_WORDS = ("bridge road town village forces police council water school market border river strike "
          "operation report attack building fighters army city mayor minister power price rain").split()
_VERBS = ("closed opened destroyed attacked rebuilt reported denied confirmed crossed held").split()


def sentence(rng: random.Random) -> str:
    words = rng.sample(_WORDS, 6)
    return (f"The {words[0]} near the {words[1]} was {rng.choice(_VERBS)} by {rng.randint(2, 900)} "
            f"{words[2]} after the {words[3]} and the {words[4]} {words[5]}.")


def synthetic(n: int, seed: int = 7) -> list[tuple[str, dict]]:
    rng = random.Random(seed)
    start = date(2020, 1, 1)
    records = []
    for i in range(n):
        day = start + timedelta(days=rng.randint(0, 700))
        records.append((f"record {i}", {
            "text": sentence(rng) + f" ({i})", "speaker": f"Speaker {rng.randint(1, max(2, n // 40))}",
            "outlet": f"Outlet {rng.randint(1, 30)}", "published": day.isoformat(),
            "event_date": (day - timedelta(days=rng.randint(0, 5))).isoformat(),
            "tags": [f"story{rng.randint(1, 50)}"], "kind": "quote",
        }))
    return records


def timed(label: str, action):  # type: ignore[no-untyped-def]
    began = time.perf_counter()
    value = action()
    print(f"{label:<38} {time.perf_counter() - began:8.2f} s")
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=20000)
    parser.add_argument("--quotes", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = store.open_record(Path(tmp) / "bench.db")
        records = synthetic(args.statements)
        timed(f"import {args.statements} statements", lambda: record.import_records(db, records))
        buffer = io.StringIO()
        timed("export --format jsonl", lambda: export.write(db, "jsonl", buffer))
        dump = Path(tmp) / "dump.jsonl"
        dump.write_text(buffer.getvalue())
        fresh = store.open_record(Path(tmp) / "fresh.db")
        timed("import of that export (empty database)", lambda: record.import_records(fresh, record.read_records(dump)))
        timed("export --format csv", lambda: export.write(db, "csv", io.StringIO()))
        statements = timed("list all statements", lambda: store.list_statements(db))
        timed("timeline of all statements", lambda: dossier.timeline(statements))
        story = timed("dossier for one tag (no clusters)", lambda: dossier.build(db, tag="story1", clusterer=None))
        label = f"same, with claim clusters ({len(story.statements)} st.)"
        story = timed(label, lambda: dossier.build(db, tag="story1"))
        timed("HTML for that dossier", lambda: html.render(story))
        rng = random.Random(11)
        picked = rng.sample(statements, min(args.quotes, len(statements)))
        draft = "\n\n".join(f"“{s.text}” {s.speaker.name} said." for s in picked)
        result = timed(f"check a draft of {len(picked)} quotes", lambda: check.check_text(db, draft))
        counts = {k: v for k, v in result.counts().items() if v}
        print(f"check verdicts on quotes copied from the record: {counts}")


if __name__ == "__main__":
    main()
