"""What one class of reliability inputs did: the figures issue 18's closing note asks for (inputs
tried, tracebacks, hangs, wrong outputs, data lost), with a few examples of what went wrong."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Outcomes:
    name: str
    tried: int = 0
    tracebacks: int = 0
    hangs: int = 0
    wrong: int = 0
    lost: int = 0
    examples: list[str] = field(default_factory=list)
    seconds: float | None = None  # printed when the class times itself

    @property
    def ok(self) -> bool:
        return self.tracebacks == self.hangs == self.wrong == self.lost == 0

    def problem(self, kind: str, detail: str) -> None:
        setattr(self, kind, getattr(self, kind) + 1)
        if len(self.examples) < 10:
            self.examples.append(f"{kind}: {detail[:600]}")

    def line(self) -> str:
        took = f" ({self.seconds:.0f} s)" if self.seconds is not None else ""
        return (f"{self.name}: {self.tried} tried; tracebacks {self.tracebacks}, hangs {self.hangs}, "
                f"wrong outputs {self.wrong}, data lost {self.lost}{took}")
