"""Check the real-coverage annotations against the article texts.

    python bench/coverage/validate.py [--texts /tmp/coverage/texts] [event-id ...]

For every event file in bench/coverage/events/: every article id that a dispute,
statement, speaker or incident list refers to exists; every incident id an
article names exists; every dispute side and every statement text occurs
verbatim in its article's text (<texts>/<event-id>/<article-id>.txt, kept out
of git); every speaker named by a dispute or statement is listed. Then the
counts the benchmark needs (12 events, 8 dev / 4 test, >= 3 articles each,
>= 45 articles in all). Events whose texts are not on this machine are checked
for structure only and reported as such. Exit status 1 on any error.
"""
import argparse
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
TYPES = {"number", "claim_denial", "polarity", "date", "other"}


def check_event(path, texts_root):
    errors, warnings = [], []
    ev = json.loads(path.read_text(encoding="utf-8"))
    eid = ev["id"]
    if path.stem != eid:
        errors.append(f"file name {path.name} does not match id {eid}")
    if ev.get("split") not in ("dev", "test"):
        errors.append(f"split is {ev.get('split')!r}")
    incidents = {i["id"] for i in ev["incidents"]}
    arts = {a["id"]: a for a in ev["articles"]}
    for a in ev["articles"]:
        for key in ("outlet", "published", "title", "url"):
            if not a.get(key):
                errors.append(f"{a['id']}: no {key}")
        for i in a.get("incidents", []):
            if i not in incidents:
                errors.append(f"{a['id']}: unknown incident {i}")
    speakers = {s["name"] for s in ev["speakers"]}
    for s in ev["speakers"]:
        for aid in s.get("articles", []):
            if aid not in arts:
                errors.append(f"speaker {s['name']}: unknown article {aid}")
    text_dir = texts_root / eid
    have_texts = text_dir.is_dir()
    if not have_texts:
        warnings.append(f"no texts at {text_dir}: spans not checked")
    cache = {}

    def text_of(aid):
        if aid not in cache:
            f = text_dir / f"{aid}.txt"
            cache[aid] = f.read_text(encoding="utf-8") if f.exists() else None
        return cache[aid]

    def check_span(where, side):
        aid = side["article"]
        if aid not in arts:
            errors.append(f"{where}: unknown article {aid}")
            return
        if side["speaker"] not in speakers:
            errors.append(f"{where}: speaker {side['speaker']!r} not in speakers")
        if have_texts:
            t = text_of(aid)
            if t is None:
                errors.append(f"{where}: no text file for {aid}")
            elif side["text"] not in t:
                errors.append(f"{where}: text not verbatim in {aid}: {side['text'][:70]!r}")

    ids = set()
    for d in ev["disputes"]:
        if d["id"] in ids:
            errors.append(f"duplicate dispute id {d['id']}")
        ids.add(d["id"])
        if d["type"] not in TYPES:
            errors.append(f"{d['id']}: unknown type {d['type']}")
        check_span(f"{d['id']}.a", d["a"])
        check_span(f"{d['id']}.b", d["b"])
    for n, s in enumerate(ev["statements"]):
        check_span(f"statement {n}", s)
    if have_texts:
        for aid in arts:
            if text_of(aid) is None:
                errors.append(f"no text file for article {aid}")
    return ev, errors, warnings


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--texts", default="/tmp/coverage/texts")
    p.add_argument("events", nargs="*")
    args = p.parse_args()
    root = pathlib.Path(args.texts)
    files = sorted((HERE / "events").glob("*.json"))
    if args.events:
        files = [f for f in files if f.stem in args.events]
    bad = False
    split = {"dev": 0, "test": 0}
    n_articles = n_disputes = n_must = 0
    for f in files:
        ev, errors, warnings = check_event(f, root)
        split[ev.get("split")] = split.get(ev.get("split"), 0) + 1
        na, nd = len(ev["articles"]), len(ev["disputes"])
        nm = sum(1 for d in ev["disputes"] if d.get("must_see"))
        n_articles += na
        n_disputes += nd
        n_must += nm
        if na < 3:
            errors.append(f"only {na} articles")
        status = "ERROR" if errors else ("ok (structure only)" if warnings else "ok")
        print(f"{ev['id']:45} {ev['split']:4} articles {na:2} disputes {nd:2} (must-see {nm}) "
              f"statements {len(ev['statements']):2}  {status}")
        for e in errors:
            print("   error:", e)
        for w in warnings:
            print("   note:", w)
        bad = bad or bool(errors)
    print(f"events {len(files)} ({split.get('dev', 0)} dev / {split.get('test', 0)} test), "
          f"articles {n_articles}, disputes {n_disputes} (must-see {n_must})")
    if not args.events:
        if len(files) < 12 or split.get("dev") != 8 or split.get("test") != 4 or n_articles < 45:
            print("counts: NOT reached (need 12 events, 8 dev / 4 test, >= 45 articles)")
            bad = True
        else:
            print("counts: reached")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
