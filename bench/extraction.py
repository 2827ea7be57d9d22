"""Score the statement extractor on PolNeAR (political news attribution relations).

Usage: python bench/extraction.py PATH [--split dev]

PATH is an unpacked copy of github.com/networkdynamics/PolNeAR (brat standoff files under
data/{train,dev,test}/attributions, texts under data/{split}/text). Never commit the data.

For each attribution the corpus marks a source span, a cue span and one or more content spans.
The extractor's statements are grouped into attributions by their speaker mention and cue; the
source span compared is the whole speaker phrase (appositives included), as PolNeAR marks it.

Figures (precision, recall, F1) are printed for:
- content, source and cue spans, exact and overlapping, matched one to one (source and cue
  figures count only attributions that have one);
- linked pairs: a predicted attribution whose content and source both match one gold attribution;
over all gold attributions and over those with a speech cue. A speech cue is a cue whose words
include a form the cue lexicon (quotetrack/data/cues.txt) files under "speech" or "written", or
"according to"; "finding" verbs (showed, found, suggested) and cognition verbs (believes, wants)
are not speech cues, nor are cues outside the lexicon. In the speech-cue rows recall is over gold
speech-cue attributions and precision over predicted statements whose cue is a speech cue, each
counted right if it matches any gold attribution.

Exact means the same words in the same order, ignoring punctuation and quote marks and a leading
"that" (PolNeAR content keeps the complementiser and the quote marks, also between the halves of
an interrupted quote; quotetrack's text does not).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from quotetrack.extract import cue_lexicon, extract_statements

Span = tuple[int, int]


@dataclass
class Attribution:
    content: list[Span]
    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    speech: bool = False


def read_gold(ann: Path, text: str) -> list[Attribution]:
    spans: dict[str, list[Span]] = {}
    attributions = []
    lines = ann.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if line.startswith("T") and line.count("\t") >= 1:
            ident, middle = line.split("\t")[:2]
            _, _, offsets = middle.partition(" ")
            spans[ident] = [tuple(map(int, part.split())) for part in offsets.split(";")]  # type: ignore[misc]
    for line in lines:
        if not line.startswith("E"):
            continue
        roles: dict[str, list[Span]] = {"Content": [], "Source": [], "Cue": []}
        for part in line.split("\t")[1].split():
            role, _, ident = part.partition(":")
            role = re.sub(r"\d+$", "", role)
            if role in roles and ident in spans:
                roles[role].extend(spans[ident])
        if roles["Content"]:
            cue_text = " ".join(text[a:b] for a, b in roles["Cue"])
            attributions.append(Attribution(roles["Content"], roles["Source"], roles["Cue"], is_speech_cue(cue_text)))
    return attributions


def is_speech_cue(cue_text: str) -> bool:
    words = re.findall(r"[a-z]+", cue_text.lower())
    lexicon = cue_lexicon()
    for i, word in enumerate(words):
        pair = " ".join(words[i : i + 2])
        for form in (pair, word):
            cue = lexicon.get(form)
            if cue and cue.category in ("speech", "written"):
                return True
    return False


def predict(text: str, published: date | None) -> list[Attribution]:
    groups: dict[tuple[int | None, int | None], Attribution] = {}
    for statement in extract_statements(text, published, quotes_only=True):
        key = (statement.speaker_start, statement.cue_start)
        if key not in groups:
            source = []
            if statement.speaker_phrase_start is not None and statement.speaker_phrase_end is not None:
                source = [(statement.speaker_phrase_start, statement.speaker_phrase_end)]
            cue = [(statement.cue_start, statement.cue_end)] if statement.cue_start is not None else []
            speech = statement.cue_category in ("speech", "written")
            groups[key] = Attribution([], source, cue, speech)  # type: ignore[arg-type]
        content_start = statement.content_start if statement.content_start is not None else statement.start
        groups[key].content.append((content_start, statement.end))
    return list(groups.values())


def normalise(text: str) -> str:
    """Words only: quote marks and punctuation (inside split quotes too) do not count."""
    words = re.findall(r"\w+", text)
    if words and words[0].lower() == "that":
        words = words[1:]
    return " ".join(words)


def joined(text: str, spans: list[Span]) -> str:
    return " ".join(text[a:b] for a, b in sorted(spans))


def overlaps(a: list[Span], b: list[Span]) -> bool:
    return any(x < y2 and x2 < y for x, y in a for x2, y2 in b)


def same(text: str, a: list[Span], b: list[Span]) -> bool:
    return bool(a) and bool(b) and normalise(joined(text, a)) == normalise(joined(text, b))


class Score:
    def __init__(self) -> None:
        self.tp_pred = 0
        self.pred = 0
        self.tp_gold = 0
        self.gold = 0

    def row(self, name: str) -> str:
        p = self.tp_pred / self.pred if self.pred else 0.0
        r = self.tp_gold / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"{name:<28} {p:6.3f} {r:6.3f} {f:6.3f}   ({self.pred} predicted, {self.gold} gold)"


def match(pred: list[Attribution], gold: list[Attribution], ok) -> tuple[set[int], set[int]]:
    """One-to-one greedy matching in article order; returns matched pred and gold indices."""
    used: set[int] = set()
    hits: set[int] = set()
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if j not in used and ok(p, g):
                used.add(j)
                hits.add(i)
                break
    return hits, used


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args()
    folder = args.path / "data" / args.split
    if not (folder / "attributions").is_dir():
        sys.exit(f"No PolNeAR {args.split} split under {folder}")
    annotations: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        article = ann.stem.rsplit("_", 1)[0]
        annotations.setdefault(article, ann)  # one annotator per article: the first by name
    names = sorted(annotations)[: args.limit or None]
    kinds = ("content", "source", "cue", "pair")
    scores = {
        (subset, kind, mode): Score() for subset in ("all", "speech") for kind in kinds for mode in ("exact", "overlap")
    }
    timings: list[float] = []
    cpu_timings: list[float] = []  # CPU time: what the extractor costs when the machine is busy
    for name in names:
        text = (folder / "text" / f"{name}.txt").read_text(encoding="utf-8")
        found = re.search(r"_(\d{4}-\d{2}-\d{2})_", name)
        published = date.fromisoformat(found.group(1)) if found else None
        gold = read_gold(annotations[name], text)
        began, began_cpu = time.perf_counter(), time.process_time()
        pred = predict(text, published)
        timings.append((time.perf_counter() - began) * 1000)
        cpu_timings.append((time.process_time() - began_cpu) * 1000)
        tests = {
            ("content", "overlap"): lambda p, g: overlaps(p.content, g.content),
            ("content", "exact"): lambda p, g, text=text: same(text, p.content, g.content),
            ("source", "overlap"): lambda p, g: overlaps(p.source, g.source),
            ("source", "exact"): lambda p, g, text=text: same(text, p.source, g.source),
            ("cue", "overlap"): lambda p, g: overlaps(p.cue, g.cue),
            ("cue", "exact"): lambda p, g, text=text: same(text, p.cue, g.cue),
            ("pair", "overlap"): lambda p, g: overlaps(p.content, g.content) and overlaps(p.source, g.source),
            ("pair", "exact"): lambda p, g, text=text: (
                same(text, p.content, g.content) and same(text, p.source, g.source)
            ),
        }
        for (kind, mode), ok in tests.items():
            needs = {"source": "source", "pair": "source", "cue": "cue"}.get(kind)
            gold_items = [g for g in gold if getattr(g, needs)] if needs else gold
            pred_items = [p for p in pred if getattr(p, needs)] if needs else pred
            hits, used = match(pred_items, gold_items, ok)
            for subset in ("all", "speech"):
                score = scores[(subset, kind, mode)]
                keep_p = [i for i, p in enumerate(pred_items) if subset == "all" or p.speech]
                keep_g = [j for j, g in enumerate(gold_items) if subset == "all" or g.speech]
                score.pred += len(keep_p)
                score.tp_pred += sum(1 for i in keep_p if i in hits)
                score.gold += len(keep_g)
                score.tp_gold += sum(1 for j in keep_g if j in used)
    print(f"PolNeAR {args.split}: {len(names)} articles")
    for subset in ("speech", "all"):
        label = "speech-cue attributions" if subset == "speech" else "all attributions"
        print(f"\n{label}{'':<12}   P      R      F1")
        for kind in kinds:
            for mode in ("overlap", "exact"):
                print(scores[(subset, kind, mode)].row(f"{kind} {mode}"))
    print(
        f"\nextraction time per article: median {statistics.median(timings):.1f} ms wall, "
        f"{statistics.median(cpu_timings):.1f} ms CPU; max {max(timings):.1f} ms wall, "
        f"{max(cpu_timings):.1f} ms CPU"
    )


if __name__ == "__main__":
    main()
