"""Real-coverage benchmark: ingest each event's articles one by one, as an editor would, and score.

For every event in ``bench/coverage/events/`` (annotated before quotetrack was run on the texts, see
``bench/coverage/README.md``) this script ingests the event's articles in publication order into a
fresh database, each with its outlet, date, address and headline, then runs ``quotetrack conflicts``
exactly as an editor would (no rescan) and prints, per event and in total:

- must-see disputes found in the top 10 conflicts (both sides matched, either order, by the
  listed pair or by one of the pairs it folds as the same dispute, its "repeats");
- false conflicts in the top 10 (listed conflicts none of whose pairs matches an annotated dispute);
- must-see speakers on record (a speaker record whose name or alias matches an annotated name or alias,
  with a leading "the", "a", "an" or "some" ignored on both sides);
- annotated statements recorded with the right span and the right speaker;
- events holding the main incident's annotated statements (1 is right).

    python bench/coverage.py                      # dev events
    python bench/coverage.py --split test         # only once, at the end
    python bench/coverage.py --event 2015-baga-massacre -v

With ``-v`` each miss says where the dispute was lost: a side not recorded, recorded under another
speaker, both recorded but not judged a conflict (with ``compare``'s verdict), or ranked below 10.

Texts are read from ``--texts`` (default /tmp/coverage/texts/<event>/<article>.txt); they are not
committed (``bench/coverage/texts.sha256`` lists them).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

HERE = Path(__file__).resolve().parent / "coverage"
SPAN_MATCH = 85  # partial_ratio of an annotated span against a stored statement
NAME_MATCH = 90


def run(args: list[str], db: Path) -> Any:
    env = dict(os.environ, QUOTETRACK_DB=str(db))
    proc = subprocess.run(
        [sys.executable, "-m", "quotetrack", *args], env=env, capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise RuntimeError(f"quotetrack {' '.join(args[:2])} failed: {proc.stderr.strip()}")
    return json.loads(proc.stdout) if "--json" in args else proc.stdout


def spans(a: str, b: str) -> bool:
    """An annotated span and a stored statement say the same words (one inside the other)."""
    a, b = default_process(a), default_process(b)
    if not a or not b:
        return False
    return fuzz.partial_ratio(a, b) >= SPAN_MATCH


def names(speaker: dict[str, Any]) -> list[str]:
    return [speaker["name"], *speaker.get("aliases", [])]


_DETERMINER = re.compile(r"^(?:the|a|an|some)\s+")


def bare(name: str) -> str:
    """A name as compared: lower case, no marks, no leading determiner ("the Defence Ministry"
    and "Defence Ministry" name one body; annotators copied the article's words)."""
    return _DETERMINER.sub("", default_process(name))


def same_name(annotated: dict[str, Any], recorded: dict[str, Any]) -> bool:
    """Fuzzy for names of four letters or more; a shorter name ("UN", "AP") must be the same."""
    wanted = names(annotated)
    return any(fuzz.ratio(bare(w), bare(r)) >= NAME_MATCH if len(w) > 3 else bare(w) == bare(r)
               for w in wanted for r in names(recorded))


@dataclass
class Score:
    event: str
    must_see: int = 0
    must_see_found: int = 0
    false_top10: int = 0
    speakers: int = 0
    speakers_right: int = 0
    statements: int = 0
    statements_right: int = 0
    main_events: int = 0
    notes: list[str] = field(default_factory=list)


def side_matches(side: dict[str, Any], statement: dict[str, Any], speakers: dict[str, dict[str, Any]]) -> bool:
    if not spans(side["text"], statement["text"]):
        return False
    annotated = speakers.get(side["speaker"])
    return annotated is None or same_name(annotated, statement["speaker"])


def lost_where(dispute: dict[str, Any], statements: list[dict[str, Any]], conflicts: list[dict[str, Any]],
               found: Any, db: Path) -> str:
    """Where a missed dispute was lost: a side not recorded (or under another speaker), the pair
    judged no conflict, or a conflict ranked below the top 10."""
    stages = []
    sides = {}
    for key in ("a", "b"):
        side = dispute[key]
        same_span = [st for st in statements if st["article"] == side["article"] and spans(side["text"], st["text"])]
        right = [st for st in same_span if found(side, st)]
        if right:
            sides[key] = right[0]
        elif same_span:
            stages.append(f"{key.upper()} recorded under {same_span[0]['speaker']['name']!r}")
        else:
            stages.append(f"{key.upper()} not recorded")
    if len(sides) == 2:
        ids = {sides["a"]["id"], sides["b"]["id"]}
        ranked = [i for i, c in enumerate(conflicts, 1) if {c["a"]["id"], c["b"]["id"]} == ids]
        if ranked:
            return f"both recorded; conflict ranked {ranked[0]}"
        verdict = run(["compare", "--ids", str(sides["a"]["id"]), str(sides["b"]["id"]), "--json"], db)
        return f"both recorded; not stored as a conflict (compare: {verdict['relation']}, {verdict['score']})"
    return "; ".join(stages)


def headline_of(title: str) -> str:
    """The article's headline as an editor would pass it: the annotator's note "(headline not in
    excerpt; from URL)" dropped, and nothing when the title was made up ("descriptive")."""
    note = re.search(r"\s*\(([^()]*(?:excerpt|from URL)[^()]*)\)$", title)
    if note is None:
        return title
    return "" if "descriptive" in note.group(1) or "no headline" in note.group(1) else title[: note.start()]


def score_event(path: Path, texts: Path, verbose: bool, keep: Path | None = None) -> Score:
    event = json.loads(path.read_text(encoding="utf-8"))
    score = Score(event["id"])
    by_name = {s["name"]: s for s in event["speakers"]}
    # Kept until the end: a missed dispute's two sides are compared on the record (-v).
    workspace = tempfile.TemporaryDirectory()
    db = Path(workspace.name) / "coverage.db"
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
        db = keep / f"{path.stem}.db"
        db.unlink(missing_ok=True)
    article_of_source: dict[int, str] = {}
    for article in sorted(event["articles"], key=lambda a: (a["published"], a["id"])):
        text = texts / event["id"] / f"{article['id']}.txt"
        args = ["ingest", str(text), "--outlet", article["outlet"], "--yes", "--json"]
        if article["published"] != "unknown":
            args += ["--published", article["published"]]
        if article.get("url"):
            args += ["--url", article["url"]]
        title = headline_of(article.get("title") or "")
        if title:
            args += ["--title", title]
        result = run(args, db)
        for item in result if isinstance(result, list) else [result]:
            if item.get("source"):
                article_of_source[item["source"]["id"]] = article["id"]
    statements = run(["list", "--json", "--limit", "100000"], db)
    conflicts = run(["conflicts", "--json", "--limit", "10"], db)
    # Every pair, folded or not: a listed conflict shows the pairs it folds ("repeats") too.
    all_conflicts = run(["conflicts", "--json", "--each-pair", "--limit", "100000"], db)
    pair_of = {c["id"]: (c["a"]["id"], c["b"]["id"]) for c in all_conflicts}
    speakers = run(["speakers", "--json"], db)
    events = run(["events", "--json"], db)
    members: dict[int, int] = {}
    for ev in events:
        for st in run(["event", str(ev["id"]), "--json"], db)["timeline"]:
            members[st["id"]] = ev["id"]

    for st in statements:
        st["article"] = article_of_source.get((st.get("source") or {}).get("id") or -1)

    def found(side: dict[str, Any], statement: dict[str, Any]) -> bool:
        return statement["article"] == side["article"] and side_matches(side, statement, by_name)

    matched_disputes: set[str] = set()
    by_id = {s["id"]: s for s in statements}
    for conflict in conflicts:
        a, b = by_id[conflict["a"]["id"]], by_id[conflict["b"]["id"]]
        told = [(a, b), *((by_id[x], by_id[y]) for x, y in map(pair_of.get, conflict.get("repeats", [])))]
        hit = [
            d["id"] for d in event["disputes"]
            if any((found(d["a"], x) and found(d["b"], y)) or (found(d["a"], y) and found(d["b"], x))
                   for x, y in told)
        ]
        matched_disputes.update(hit)
        if not hit:
            score.false_top10 += 1
            score.notes.append(f"false: [{conflict['type']}] {a['text'][:70]!r} / {b['text'][:70]!r}")
    for dispute in event["disputes"]:
        if dispute["must_see"]:
            score.must_see += 1
            if dispute["id"] in matched_disputes:
                score.must_see_found += 1
            else:
                score.notes.append(f"missed {dispute['id']} ({dispute['type']}): {dispute['why'][:90]}")
                if verbose:
                    score.notes.append("  " + lost_where(dispute, statements, all_conflicts, found, db))

    for annotated in event["speakers"]:
        score.speakers += 1
        if any(same_name(annotated, recorded) for recorded in speakers):
            score.speakers_right += 1
        else:
            score.notes.append(f"speaker not on record: {annotated['name']}")

    main_articles = {a["id"] for a in event["articles"] if "main" in a["incidents"]}
    main_events: set[int] = set()
    for annotated in event["statements"]:
        score.statements += 1
        hits = [st for st in statements if found(annotated, st)]
        if hits:
            score.statements_right += 1
        else:
            score.notes.append(f"statement not recorded right: {annotated['speaker']}: {annotated['text'][:70]!r}")
        if annotated["article"] in main_articles:
            main_events.update(members[st["id"]] for st in hits if st["id"] in members)
    score.main_events = len(main_events)
    workspace.cleanup()
    if verbose:
        for note in score.notes:
            print(f"    {note}")
    return score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--event", help="Only this event id.")
    parser.add_argument("--texts", type=Path, default=Path("/tmp/coverage/texts"))
    parser.add_argument("-v", "--verbose", action="store_true", help="List misses and false conflicts.")
    parser.add_argument("--keep", type=Path, help="Keep each event's database in this folder, to look into.")
    args = parser.parse_args()

    paths = sorted((HERE / "events").glob("*.json"))
    chosen = [
        p for p in paths
        if (args.event and p.stem == args.event)
        or (not args.event and json.loads(p.read_text(encoding="utf-8"))["split"] == args.split)
    ]
    if not chosen:
        sys.exit("No event matches.")
    print(f"{'event':42} {'must-see':>9} {'false@10':>8} {'speakers':>9} {'spans':>7} {'events':>6}")
    scores = []
    for path in chosen:
        s = score_event(path, args.texts, args.verbose, args.keep)
        scores.append(s)
        print(
            f"{s.event:42} {s.must_see_found:>4}/{s.must_see:<4} {s.false_top10:>8} "
            f"{s.speakers_right:>4}/{s.speakers:<4} {s.statements_right:>3}/{s.statements:<3} {s.main_events:>6}"
        )
    must = sum(s.must_see for s in scores)
    print(
        f"\ntotal: must-see in top 10 {sum(s.must_see_found for s in scores)}/{must}"
        f" ({sum(s.must_see_found for s in scores) / max(must, 1):.0%});"
        f" false conflicts in top 10 {sum(s.false_top10 for s in scores)}"
        f" (max per event {max(s.false_top10 for s in scores)});"
        f" speakers {sum(s.speakers_right for s in scores)}/{sum(s.speakers for s in scores)};"
        f" spans {sum(s.statements_right for s in scores)}/{sum(s.statements for s in scores)};"
        f" one event for the main incident in {sum(s.main_events == 1 for s in scores)}/{len(scores)} events"
    )


if __name__ == "__main__":
    main()
