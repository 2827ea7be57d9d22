"""`check`: every statement in a draft held against the record before publication.

Each statement the extractor finds in the draft gets one verdict:

- ``verbatim``: the same words are on record from the same speaker;
- ``altered``: the speaker's recorded words differ from the draft's (a word-level diff is kept);
- ``misattributed``: the words are on record from a different speaker;
- ``contradicted``: the claim conflicts with a recorded statement (the verdict of
  ``conflicts.compare`` is kept, with the stored conflicts of that statement);
- ``not on record``: nothing close.

Words are compared as case-folded word sequences, so punctuation, quote marks and letter case
never make a quote "altered"; a draft quoting part of a recorded statement is still verbatim. A
paraphrase ("X said that …") is held to its claim, not its wording: it is altered only when the
change makes it conflict with what the speaker is on record as saying.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import claims, store
from .articles import article_text
from .conflicts import CLAIM_TYPES, Verdict, compare
from .extract import Extracted, extract_statements
from .match import SPEAKER_THRESHOLD, resolve_speaker
from .models import Conflict, Speaker, Statement
from .store import Database
from .text import Normalizer
from .text import words as text_words

VERDICTS = ("verbatim", "altered", "misattributed", "contradicted", "not on record")
# Verdicts that fail the check (exit status 1): the draft says something the record does not bear out.
FAILING = ("altered", "misattributed", "contradicted")
# Share of the draft's words (in order) that a recorded statement must hold for the draft to be
# quoting it, altered or not; below it the statements are merely about the same thing.
SAME_WORDS = 0.6
# Shortest draft statement (in words) worth holding against the record word for word: a
# two-word fragment matches too much to mean anything.
MIN_WORDS = 3
# Draft statements in the writer's words ("X said that …"): a different wording is not an
# alteration, only a different claim is.
PARAPHRASES = ("reported",)
# How many of the matcher's candidates are examined per draft statement.
CANDIDATES = 10

# A conflict between the draft and the record of these types is a contradiction of the claim;
# misattribution and alteration are found from the words directly.


@dataclass
class Finding:
    """One draft statement and what the record says about it."""

    draft: Extracted
    verdict: str
    recorded: Statement | None = None  # the recorded statement it was held against
    similarity: float = 0.0  # share of the draft's words found in order in ``recorded``
    diff: list[list[str]] = field(default_factory=list)  # [op, word]: "=", "-" (recorded), "+" (draft)
    conflict: Verdict | None = None  # for "contradicted": the rules' verdict, draft as A
    disputes: list[Conflict] = field(default_factory=list)  # stored conflicts of ``recorded``

    @property
    def fails(self) -> bool:
        return self.verdict in FAILING

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "text": self.draft.text,
            "speaker": self.draft.speaker.name,
            "kind": self.draft.kind,
            "start": self.draft.start,
            "end": self.draft.end,
            "similarity": round(self.similarity, 3),
            "recorded": self.recorded.to_dict() if self.recorded else None,
            "diff": self.diff,
            "conflict": self.conflict.to_dict() if self.conflict else None,
            "stored_conflicts": [c.id for c in self.disputes],
        }


@dataclass
class CheckResult:
    name: str
    findings: list[Finding]

    @property
    def failed(self) -> bool:
        return any(f.fails for f in self.findings)

    def counts(self) -> dict[str, int]:
        return {v: sum(1 for f in self.findings if f.verdict == v) for v in VERDICTS}

    def to_dict(self) -> dict[str, Any]:
        return {"draft": self.name, "passed": not self.failed, "counts": self.counts(),
                "quotes": [f.to_dict() for f in self.findings]}


# --- words ---


def words(text: str) -> list[str]:
    return text_words(text, hyphens=False)


def _folded(tokens: Sequence[str]) -> list[str]:
    return [t.casefold().replace("’", "'") for t in tokens]


def alignment(draft: str, recorded: str) -> tuple[float, list[list[str]]]:
    """How much of the draft's wording the recorded text holds, and the word diff recorded → draft.

    The recorded text is cut to the stretch the draft lines up with, so quoting one sentence of a
    longer statement is not counted as dropping the rest.
    """
    d_raw, r_raw = words(draft), words(recorded)
    d, r = _folded(d_raw), _folded(r_raw)
    if not d or not r:
        return 0.0, []
    blocks = [b for b in difflib.SequenceMatcher(None, d, r, autojunk=False).get_matching_blocks() if b.size]
    if not blocks:
        return 0.0, []
    lo = max(0, blocks[0].b - blocks[0].a)
    hi = min(len(r), blocks[-1].b + blocks[-1].size + (len(d) - blocks[-1].a - blocks[-1].size))
    window, window_raw = r[lo:hi], r_raw[lo:hi]
    matcher = difflib.SequenceMatcher(None, window, d, autojunk=False)
    diff: list[list[str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            diff += [["=", w] for w in d_raw[j1:j2]]
        else:
            diff += [["-", w] for w in window_raw[i1:i2]]
            diff += [["+", w] for w in d_raw[j1:j2]]
    same = sum(size for _, _, size in matcher.get_matching_blocks())
    return same / max(len(d), len(window)), diff


def is_verbatim(diff: Sequence[Sequence[str]]) -> bool:
    return bool(diff) and all(op == "=" for op, _ in diff)


# --- the check ---


def read_draft(raw: bytes, name: str) -> str:
    """The draft's plain text from text, Markdown or HTML bytes."""
    text, _title = article_text(raw, name)
    return text


def check_text(
    db: Database, text: str, name: str = "draft", *, progress: Callable[[int, int], None] | None = None,
) -> CheckResult:
    """Every statement the extractor finds in ``text``, with its verdict against the record."""
    extracted = extract_statements(text)
    speakers = store.all_speakers(db)
    normalizer = db.normalizer
    findings = []
    for done, draft in enumerate(extracted, 1):
        findings.append(_judge(db, draft, _who(draft, speakers, normalizer)))
        if progress:
            progress(done, len(extracted))
    return CheckResult(name, findings)


def _who(draft: Extracted, speakers: Sequence[Speaker], normalizer: Normalizer) -> set[int]:
    """The speakers on record the draft's speaker may be: one, several for a shared surname, or none."""
    if not draft.speaker.name:
        return set()
    resolution = resolve_speaker(draft.speaker.name, speakers, normalizer)
    if resolution.status == "match" and resolution.speaker_id is not None:
        return {resolution.speaker_id}
    if resolution.status == "ambiguous":
        return {sid for sid, _name, score in resolution.candidates if score >= SPEAKER_THRESHOLD}
    return set()


def _judge(db: Database, draft: Extracted, speaker_ids: set[int]) -> Finding:
    """The verdict for one draft statement; ``speaker_ids`` are who the draft's speaker may be on record."""
    # No score floor: a changed word is exactly what the matcher marks down, and the words are
    # compared here anyway.
    found = claims.match_text(db, draft.text, limit=CANDIDATES, min_score=0)
    candidates = [f.statement for f in found]
    if len(words(draft.text)) >= MIN_WORDS:
        scored = [(alignment(draft.text, c.text), c) for c in candidates]
        close = [(sim, diff, c) for (sim, diff), c in scored if sim >= SAME_WORDS]
        # The speaker's own words first, then the closest wording; verbatim beats altered.
        close.sort(key=lambda x: (x[2].speaker.id not in speaker_ids, not is_verbatim(x[1]), -x[0]))
        if close:
            sim, diff, recorded = close[0]
            if recorded.speaker.id in speaker_ids:
                verdict = "verbatim" if is_verbatim(diff) else "altered"
            elif not draft.speaker.name:
                # Nobody named in the draft: only the words can be checked.
                verdict = "verbatim" if is_verbatim(diff) else "altered"
            else:
                verdict = "misattributed"
                # Someone else's words turned around ("no soldiers" → "soldiers") are a contradiction.
                turned = None if is_verbatim(diff) else _claim_conflict(db, draft, recorded)
                if turned is not None:
                    return Finding(draft, "contradicted", recorded, sim, diff, conflict=turned,
                                   disputes=_disputes(db, recorded))
            finding = Finding(draft, verdict, recorded, sim, diff, disputes=_disputes(db, recorded))
            if verdict == "altered":
                # A changed word can turn the claim around ("no operations" → "operations"): say so.
                finding.conflict = _claim_conflict(db, draft, recorded)
                if draft.kind in PARAPHRASES and finding.conflict is None:
                    # A paraphrase's wording is the writer's own: it is held to its claim only.
                    finding.verdict = "verbatim"
            return finding
    for candidate in candidates:
        conflict = _claim_conflict(db, draft, candidate)
        if conflict is not None:
            similarity, _diff = alignment(draft.text, candidate.text)
            return Finding(draft, "contradicted", candidate, similarity, conflict=conflict,
                           disputes=_disputes(db, candidate))
    return Finding(draft, "not on record")


def _claim_conflict(db: Database, draft: Extracted, recorded: Statement) -> Verdict | None:
    """The rules' verdict when the draft's claim conflicts with the recorded one (draft as A)."""
    statement = Statement(text=draft.text, speaker=draft.speaker, kind=draft.kind,
                          said_on=draft.said_on, event_date=draft.event_date)
    verdict = compare(statement, recorded, normalizer=db.normalizer)
    if verdict.relation == "conflict" and verdict.type in CLAIM_TYPES:
        return verdict
    return None


def _disputes(db: Database, statement: Statement) -> list[Conflict]:
    if statement.id is None:
        return []
    return [c for c in store.list_conflicts(db, statement_ids=[statement.id]) if c.status != "dismissed"]
