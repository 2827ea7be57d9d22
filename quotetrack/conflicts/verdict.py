"""A verdict on a pair of statements: the relation, a conflict's type, score, evidence and caveats."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..evidence import NO_EVIDENCE, Evidence, to_json
from ..models import CONFLICT_TYPES as CONFLICT_TYPES  # with the record's other constants

# The conflicts in which two statements say different things about one claim (the others are
# about who said it, or about the wording of a quote).
CLAIM_TYPES = ("polarity", "number", "date", "self")
RELATIONS = ("same", "conflict", "unrelated")

# Conflicts scored below this are not worth an editor's time (``find_conflicts``).
DEFAULT_MIN_SCORE = 0.3


@dataclass
class Verdict:
    relation: str  # "same" | "conflict" | "unrelated"
    type: str | None  # one of CONFLICT_TYPES when relation == "conflict"
    score: float  # 0-1: how sure and how serious
    evidence: Evidence = NO_EVIDENCE
    caveats: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "relation": self.relation,
            "type": self.type,
            "score": round(self.score, 3),
            "evidence": to_json(self.evidence),
            "caveats": list(self.caveats),
        }


def scaled(base: float, similarity: float) -> float:
    """Score: a floor for the rule firing, the rest earned by how closely the claims match."""
    return round(base + (1 - base) * min(1.0, similarity), 3)

