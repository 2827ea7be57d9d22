"""Score the statement extractor on PolNeAR (political news attribution relations).

Usage: python bench/extraction.py PATH [--split dev] [--strict]

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
include a form of the fixed list ``bench/speech_cues.txt`` (said, told, announced, according to,
wrote, …; "finding" verbs such as showed or found and cognition verbs such as believes are not
on it). The list was copied from the cue lexicon once and is kept apart from it, so that widening
the lexicon cannot change the denominator; the same figures with the subset the cue lexicon
(quotetrack/data/cues.txt) defines today ("speech" and "written" forms) are printed after them.
In the speech-cue rows recall is over gold speech-cue attributions and precision over predicted
statements whose cue is a speech cue, each counted right if it matches any gold attribution.

Exact means the same words in the same order, ignoring punctuation and quote marks and a leading
"that" (PolNeAR content keeps the complementiser and the quote marks, also between the halves of
an interrupted quote; quotetrack's text does not).

``--strict`` scores the way an editor sees the record instead:
- every statement ``ingest`` records is a prediction (each one on its own, not grouped by speaker
  and cue), except the outlet's own reports (kind "report"); its span is where the stored
  text stands in the article (several pieces when a frame interrupts a quote);
- each gold attribution's content (its spans together) is one gold item;
- predictions and gold items are paired one to one, best Dice first, where Dice is
  2|A∩B| / (|A| + |B|) over character offsets; a pair counts only when Dice >= 0.5;
- precision = paired predictions / predictions (a prediction may pair with any gold attribution,
  speech cue or not); recall = paired speech-cue attributions / speech-cue attributions;
- linked = a counted pair whose statement's speaker mention (``speaker_start``..``speaker_end``)
  overlaps the gold source span.
With ``--show`` it prints, per article, the statements left unpaired (or paired but not linked)
and the speech-cue contents missed, to see what costs precision and recall.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from quotetrack.extract import cue_lexicon, extract_statements

Span = tuple[int, int]


@dataclass
class Attribution:
    content: list[Span]
    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    speech: bool = False  # a speech cue by the fixed list
    speech_lexicon: bool = False  # a speech cue by the extractor's own lexicon


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
            attributions.append(Attribution(roles["Content"], roles["Source"], roles["Cue"],
                                            is_speech_cue(cue_text, fixed_speech_cues()),
                                            is_speech_cue(cue_text, lexicon_speech_cues())))
    return attributions


@cache
def fixed_speech_cues() -> frozenset[str]:
    lines = (Path(__file__).parent / "speech_cues.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def lexicon_speech_cues() -> frozenset[str]:
    return frozenset(form for form, cue in cue_lexicon().items() if cue.category in ("speech", "written"))


def is_speech_cue(cue_text: str, forms: frozenset[str]) -> bool:
    words = re.findall(r"[a-z]+", cue_text.lower())
    return any(form in forms for i, word in enumerate(words) for form in (" ".join(words[i : i + 2]), word))


def predict(text: str, published: date | None) -> list[Attribution]:
    groups: dict[tuple[int | None, int | None], Attribution] = {}
    for statement in extract_statements(text, published, quotes_only=True):
        key = (statement.speaker_start, statement.cue_start)
        if key not in groups:
            source = []
            if statement.speaker_phrase_start is not None and statement.speaker_phrase_end is not None:
                source = [(statement.speaker_phrase_start, statement.speaker_phrase_end)]
            cue = [(statement.cue_start, statement.cue_end)] if statement.cue_start is not None else []
            cue_text = text[statement.cue_start : statement.cue_end] if statement.cue_start is not None else ""
            groups[key] = Attribution([], source, cue, is_speech_cue(cue_text, fixed_speech_cues()),  # type: ignore[arg-type]
                                      statement.cue_category in ("speech", "written"))
        content_start = statement.content_start if statement.content_start is not None else statement.start
        groups[key].content.extend([(content_start, statement.spans[0][1]), *statement.spans[1:]])
    return list(groups.values())


@dataclass
class Recorded:
    """One statement as ingest records it: where its text stands and its speaker mention."""

    spans: list[Span]
    speaker: Span | None


def recorded(text: str, published: date | None) -> list[Recorded]:
    return [
        Recorded(
            s.spans,
            (s.speaker_start, s.speaker_end) if s.speaker_start is not None and s.speaker_end is not None else None,
        )
        for s in extract_statements(text, published)
        if s.kind != "report"
    ]


def dice(a: list[Span], b: list[Span]) -> float:
    """Dice overlap of two sets of character offsets."""
    x = {i for start, end in a for i in range(start, end)}
    y = {i for start, end in b for i in range(start, end)}
    return 2 * len(x & y) / (len(x) + len(y)) if x or y else 0.0


class Strict:
    """Counts for --strict: each recorded statement paired one to one with a gold content."""

    def __init__(self, subset: str = "speech") -> None:
        self.subset = subset  # the Attribution flag that marks a gold speech-cue attribution
        self.pred = self.gold = self.content_pred = self.content_gold = self.linked_pred = self.linked_gold = 0

    def add(self, pred: list[Recorded], gold: list[Attribution], show: str | None = None) -> None:
        self.pred += len(pred)
        self.gold += sum(1 for g in gold if getattr(g, self.subset))
        pairs = sorted(
            ((d, i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)
             if (d := dice(p.spans, g.content)) >= 0.5),
            key=lambda t: (-t[0], t[1], t[2]),
        )
        used_p: set[int] = set()
        used_g: set[int] = set()
        for _, i, j in pairs:
            if i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            speaker = pred[i].speaker
            linked = speaker is not None and overlaps([speaker], gold[j].source)
            self.content_pred += 1
            self.linked_pred += linked
            if getattr(gold[j], self.subset):
                self.content_gold += 1
                self.linked_gold += linked
            if show is not None and not linked:
                source = joined(show, gold[j].source)
                speaker = show[speaker[0] : speaker[1]] if speaker else None
                print(f"  UNLINKED {speaker!r} (gold {source!r}): {joined(show, pred[i].spans)!r}")
        if show is not None:
            for i, p in enumerate(pred):
                if i not in used_p:
                    best = max((dice(p.spans, g.content) for g in gold), default=0.0)
                    print(f"  EXTRA dice {best:.2f}: {joined(show, p.spans)!r}")
            for j, g in enumerate(gold):
                if j not in used_g and getattr(g, self.subset):
                    print(f"  MISSED: {joined(show, g.content)!r}")

    def rows(self) -> list[str]:
        out = []
        for name, tp_pred, tp_gold in (
            ("content", self.content_pred, self.content_gold),
            ("linked", self.linked_pred, self.linked_gold),
        ):
            score = Score()
            score.tp_pred, score.pred, score.tp_gold, score.gold = tp_pred, self.pred, tp_gold, self.gold
            out.append(score.row(f"{name} (Dice >= 0.5)"))
        return out


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
    parser.add_argument("--strict", action="store_true", help="score every recorded statement, paired by Dice")
    parser.add_argument("--show", action="store_true", help="with --strict: print what was not paired")
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
    subsets = ("all", "speech", "speech_lexicon")
    scores = {
        (subset, kind, mode): Score() for subset in subsets for kind in kinds for mode in ("exact", "overlap")
    }
    strict, strict_lexicon = Strict(), Strict("speech_lexicon")
    timings: list[float] = []
    cpu_timings: list[float] = []  # CPU time: what the extractor costs when the machine is busy
    for name in names:
        text = (folder / "text" / f"{name}.txt").read_text(encoding="utf-8")
        found = re.search(r"_(\d{4}-\d{2}-\d{2})_", name)
        published = date.fromisoformat(found.group(1)) if found else None
        gold = read_gold(annotations[name], text)
        if args.strict:
            if args.show:
                print(f"== {name}")
            found_here = recorded(text, published)
            strict.add(found_here, gold, text if args.show else None)
            strict_lexicon.add(found_here, gold)
            continue
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
            for subset in subsets:
                score = scores[(subset, kind, mode)]
                keep_p = [i for i, p in enumerate(pred_items) if subset == "all" or getattr(p, subset)]
                keep_g = [j for j, g in enumerate(gold_items) if subset == "all" or getattr(g, subset)]
                score.pred += len(keep_p)
                score.tp_pred += sum(1 for i in keep_p if i in hits)
                score.gold += len(keep_g)
                score.tp_gold += sum(1 for j in keep_g if j in used)
    print(f"PolNeAR {args.split}: {len(names)} articles")
    if args.strict:
        print(f"\n{'strict, speech-cue recall':<28} {'P':>6} {'R':>6} {'F1':>6}")
        print("\n".join(strict.rows()))
        print(f"\n{'the same, speech cues as the cue lexicon has them today':<28}")
        print("\n".join(strict_lexicon.rows()))
        return
    labels = {"speech": "speech-cue attributions", "all": "all attributions",
              "speech_lexicon": "speech-cue attributions by today's cue lexicon"}
    for subset in ("speech", "all", "speech_lexicon"):
        label = labels[subset]
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
