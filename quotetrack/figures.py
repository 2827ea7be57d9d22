"""Reported figures: every source's count of one thing for one event, side by side.

A figure is a counted quantity read from a statement (``quantities.find_quantities``: "at least
12 people were killed", "nine soldiers and three civilians") together with who gave it, in which
outlet and when. ``figure_rows`` lays an event's figures out per thing counted, the way
monitors such as Airwars keep them: the range across sources, every value in time order, how
many independent sources there are and whether they agree.

A figure is credited to its origin, not to whoever printed it: a report that says "according to
Rudaw" or "Rudaw said on its website", or that quotes Rudaw as the speaker, gives Rudaw's figure,
and counts as Rudaw for independence. The cues are in ``data/citation_cues.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache
from typing import Any

from .incidents import Period, counts_elsewhere
from .models import Statement
from .text import Normalizer, Quantity, default_normalizer, find_quantities, fold, folded_parts, lexicon, role_of

# A capitalised name as a cue's {source}: "AP", "the Associated Press", "Ministry of Health".
_NAME = r"(?:the\s+)?(?P<source>[A-Z][\w'’&.-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z0-9][\w'’&.-]*)*)"
# What may stand between two parts of a split count: "nine soldiers and three civilians".
_SPLIT_JOIN = re.compile(r"^\s*(?:,|and|,\s*and)\s*$")


@dataclass(frozen=True)
class Figure:
    """One source's count of one thing, as read from one statement."""

    statement_id: int
    quantity: Quantity
    speaker: str
    outlet: str | None
    reported_on: date | None  # when it was said, else published, else recorded
    origin: str  # who the figure is credited to: the cited outlet, else the speaker
    cited: bool = False  # credited to another outlet that this report cites
    derived: bool = False  # a total added up from a split count in the same sentence
    via: str | None = None  # the outlet it was cited from, when credited further back

    @property
    def key(self) -> tuple[str | None, str | None]:
        role, thing = self.quantity.key
        if thing and role and role_of(thing) == role:
            return role, None  # "seven bodies" counts the killed
        return role, thing

    @property
    def point(self) -> float:
        """One number to order and compare figures by (``Quantity.point``)."""
        return self.quantity.point

    def to_dict(self) -> dict[str, Any]:
        q = self.quantity
        return {
            "statement_id": self.statement_id,
            "text": q.text,
            "shown": show_quantity(q),
            "value": q.value,
            "low": q.low,
            "high": q.high,
            "speaker": self.speaker,
            "outlet": self.outlet,
            "reported_on": self.reported_on.isoformat() if self.reported_on else None,
            "origin": self.origin,
            "cited": self.cited,
            "derived": self.derived,
            "via": self.via,
        }


@dataclass
class FigureRow:
    """Every figure for one thing counted in one event, in time order, and its sourcing grade."""

    role: str | None
    thing: str | None
    figures: list[Figure]
    low: float | None
    high: float | None
    open_ended: bool  # the highest figure is "at least"/"more than": the range has no top
    sources: int  # independent origins
    status: str  # single source, agreed, rising, contested
    conflicts: list[int] = field(default_factory=list)  # number conflicts between these statements
    kind: str | None = None  # "confirmed", "suspected": two kinds of count are two rows, never one range

    @property
    def label(self) -> str:
        return label(self.role, self.thing, self.kind)

    @property
    def range_text(self) -> str:
        if self.low is None and self.high is None:  # only words such as "several"
            return ", ".join(dict.fromkeys(show_quantity(f.quantity) for f in self.figures)) or "?"
        low = _number(self.low) if self.low is not None else "?"
        top = _number(self.high) if self.high is not None else ""
        text = low if low == top else f"{low}–{top}"
        return text + ("+" if self.open_ended else "")

    @property
    def grade(self) -> str:
        noun = "source" if self.sources == 1 else "sources"
        if self.status in ("single source", "agreed"):
            return f"{self.sources} independent {noun}"
        return f"{self.sources} independent {noun}, {self.status}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "thing": label(self.role, self.thing, self.kind),
            "role": self.role,
            "counted": self.thing,
            "kind": self.kind,
            "range": {"low": self.low, "high": self.high, "open_ended": self.open_ended,
                      "text": self.range_text},
            "independent_sources": self.sources,
            "origins": sorted({f.origin for f in self.figures}),
            "status": self.status,
            "contested": self.status == "contested",
            "progression": [f.point for f in self.figures],
            "figures": [f.to_dict() for f in self.figures],
            "conflicts": list(self.conflicts),
        }


def label(role: str | None, thing: str | None, kind: str | None = None) -> str:
    """What a row counts, for people: "killed", "killed: civilian", "strike", "killed (confirmed)"."""
    text = f"{role}: {thing}" if role and thing else role or thing or "count"
    return f"{text} ({kind})" if kind else text


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def show_quantity(q: Quantity) -> str:
    """A figure as a reader compares it: "12", "12+", "31+", "≤40", "12–40"."""
    if q.vague:
        return q.text  # "several", "dozens of people": a word, never shown as a range
    if q.value is not None and q.low == q.high:
        return _number(q.value)
    if q.low is not None and q.high is None:
        return f"{_number(q.low)}+"
    if q.low is None and q.high is not None:
        return f"≤{_number(q.high)}"
    if q.low is not None and q.high is not None:
        return f"{_number(q.low)}–{_number(q.high)}"
    return q.text


# --- citations -----------------------------------------------------------------------------


@cache
def _citation_cues() -> tuple[tuple[re.Pattern[str], bool], ...]:
    cues = []
    for line in lexicon.lines("citation_cues", strip=False):
        phrase, _, scope = line.partition("\t")
        # Cue words are matched in any case; the name must keep its capital.
        cues.append((re.compile(_cue_pattern(phrase)), scope.strip() != "outlet"))
    return tuple(cues)


def _cue_pattern(phrase: str) -> str:
    out = []
    for part in re.split(r"(\{source\})", phrase):
        if part == "{source}":
            out.append(_NAME)
            continue
        words = ["".join(f"[{ch}{ch.upper()}]" if ch.isalpha() else re.escape(ch) for ch in word)
                 for word in part.split()]
        joined = r"\s+".join(words)
        out.append((r"\s+" if part[:1].isspace() else "") + joined + (r"\s+" if part[-1:].isspace() else ""))
    return r"(?<!\w)" + "".join(out)


def name_key(name: str | None, normalizer: Normalizer | None = None) -> str:
    """One key for names that are the same (case, accents, the terms table: AP = Associated Press)."""
    if not name:
        return ""
    return _name_key(name, normalizer or default_normalizer())


@lru_cache(maxsize=65536)
def _name_key(name: str, normalizer: Normalizer) -> str:
    # Cached: a figure table keys every outlet on record for each of its statements.
    canonical = normalizer.canonical(name) or name
    return " ".join(folded_parts(fold(canonical).removeprefix("the ")))


def cited_source(text: str, outlets: Iterable[str], own: str | None,
                 normalizer: Normalizer | None = None) -> str | None:
    """The source a text credits its words to ("according to AP"), other than its own outlet."""
    known = {name_key(o, normalizer): o for o in outlets if o}
    own_key = name_key(own, normalizer)
    for pattern, any_name in _citation_cues():
        for match in pattern.finditer(text):
            name = match.group("source").rstrip(".")
            key = name_key(name, normalizer)
            if not key or key == own_key:
                continue
            if key in known:
                return known[key]
            if any_name:
                return name
    return None


def origin_of(statement: Statement, outlets: Iterable[str],
              normalizer: Normalizer | None = None) -> tuple[str, bool]:
    """Who a statement's figures are credited to, and whether that is another outlet it cites."""
    outlets = list(outlets)
    own = statement.source.outlet if statement.source else None
    own_key = name_key(own, normalizer)
    speaker_key = name_key(statement.speaker.name, normalizer)
    for outlet in outlets:
        if speaker_key and name_key(outlet, normalizer) == speaker_key and speaker_key != own_key:
            return outlet, True  # the report's speaker is another outlet: "Rudaw said …"
    cited = cited_source(statement.text, outlets, own, normalizer)
    if cited is None and statement.context:
        # The surrounding sentence may name the outlet ("Rudaw reported that …"), but only an
        # outlet on record counts there: the paragraph may hold other people's words.
        cited = cited_source(statement.context, outlets, own, normalizer)
        if cited is not None and name_key(cited, normalizer) not in {name_key(o, normalizer) for o in outlets}:
            cited = None
    if cited is not None:
        return cited, True
    return statement.speaker.name, False


# --- reading -------------------------------------------------------------------------------


@cache
def _counted() -> frozenset[str]:
    return lexicon.words("counted_things")


@cache
def _not_figures() -> frozenset[str]:
    return lexicon.words("not_figures")


def is_figure(q: Quantity) -> bool:
    """A count worth a row: a casualty role or a listed countable thing, and a whole, not a part.
    Spans of time ("two years after"), running totals ("this month"), figures the statement has
    moved on from ("up from 12") and expected ones ("expected to pass 4,500") are not figures."""
    if q.part_of or q.cumulative or q.earlier or q.forecast or q.key == (None, None) \
            or (q.thing or "") in _not_figures():
        return False
    return q.role is not None or (q.thing or "") in _counted()


def reported_on(statement: Statement) -> date | None:
    if statement.said_on:
        return statement.said_on
    if statement.source and statement.source.published:
        return statement.source.published
    if statement.created_at:
        try:
            return date.fromisoformat(statement.created_at[:10])
        except ValueError:
            return None
    return None


def read_figures(statement: Statement, outlets: Sequence[str] = (),
                 normalizer: Normalizer | None = None, periods: Sequence[Period] = ()) -> list[Figure]:
    """The figures in one statement, credited to their origin; split counts also give a total.
    ``periods`` are the days of the statement's incident: a count its clause dates elsewhere
    ("13,000 jobs last year") or makes a running total ("this month") is not read."""
    assert statement.id is not None
    published = statement.source.published if statement.source else None
    quantities = [q for q in _shared_roles(statement.text, find_quantities(statement.text))
                  if is_figure(q) and not counts_elsewhere(statement.text, q.start, q.end, published, periods)]
    origin, cited = origin_of(statement, outlets, normalizer)
    base = Figure(
        statement_id=statement.id, quantity=quantities[0] if quantities else _EMPTY,
        speaker=statement.speaker.name, outlet=statement.source.outlet if statement.source else None,
        reported_on=reported_on(statement), origin=origin, cited=cited,
    )
    figures = [replace(base, quantity=q) for q in quantities]
    figures.extend(replace(base, quantity=total, derived=True)
                   for total in _split_totals(statement.text, quantities))
    return figures


def _shared_roles(text: str, quantities: Sequence[Quantity]) -> list[Quantity]:
    """"nine soldiers and three civilians were killed": the role said once holds for the whole list."""
    out = list(quantities)
    start = 0
    for i in range(1, len(out) + 1):
        if i < len(out) and _SPLIT_JOIN.match(text[out[i - 1].end:out[i].start]):
            continue
        run = out[start:i]
        roles = {q.role for q in run if q.role}
        if len(run) > 1 and len(roles) == 1:
            role = roles.pop()
            out[start:i] = [q if q.role or not q.thing else replace(q, role=role) for q in run]
        start = i
    return out


_EMPTY = Quantity(value=None, low=None, high=None, thing=None, role=None, text="", start=0, end=0)


def _split_totals(text: str, quantities: Sequence[Quantity]) -> list[Quantity]:
    """"nine soldiers and three civilians killed" also says 12 killed, unless a total is given."""
    totals = []
    run: list[Quantity] = []
    for q in [*quantities, None]:
        if (q is not None and run and q.role and q.role == run[-1].role and q.thing
                and q.value is not None and _SPLIT_JOIN.match(text[run[-1].end:q.start])):
            run.append(q)
            continue
        given = {x.key for x in quantities}
        if len(run) > 1 and len({x.thing for x in run}) == len(run) and (run[0].role, None) not in given:
            first, last = run[0], run[-1]
            totals.append(Quantity(
                value=sum(x.value or 0 for x in run), low=sum(x.value or 0 for x in run),
                high=sum(x.value or 0 for x in run), thing=None, role=first.role,
                text=text[first.start:last.end], start=first.start, end=last.end,
            ))
        run = [q] if q is not None and q.role and q.thing and q.value is not None else []
    return totals


# --- the table -----------------------------------------------------------------------------


def figure_rows(figures: Iterable[Figure]) -> list[FigureRow]:
    """One row per thing counted, most reported first; each row's figures in time order."""
    by_key: dict[tuple[str | None, str | None, str | None], list[Figure]] = {}
    for figure in credit_citations(list(figures)):
        by_key.setdefault((*figure.key, figure.quantity.kind), []).append(figure)
    rows = []
    for (role, thing, kind), items in by_key.items():
        items.sort(key=lambda f: (f.reported_on or date.max, f.statement_id, f.quantity.start))
        counted = [f.quantity for f in items if not f.quantity.vague]  # "several" is no number
        lows = [q.low if q.low is not None else q.high for q in counted]
        highs = [q.high if q.high is not None else q.low for q in counted]
        low = min((x for x in lows if x is not None), default=None)
        high = max((x for x in highs if x is not None), default=None)
        open_ended = any(q.high is None and q.low is not None and q.low >= (high or 0) for q in counted)
        rows.append(FigureRow(
            role=role, thing=thing, figures=items, low=low, high=high, open_ended=open_ended,
            sources=len({_origin_key(f) for f in items}), status=_status(items), kind=kind,
        ))
    rows.sort(key=lambda r: (-r.sources, -len(r.figures), r.role is None, r.label))
    return rows


def credit_citations(figures: Sequence[Figure]) -> list[Figure]:
    """A figure cited from an outlet goes back to where that outlet got it.

    "Zagros Wire said 12 were killed" is Zagros Wire's figure; if Zagros Wire's own report of the
    event gives 12 killed on the word of the police, the figure is the police's, via Zagros Wire.
    """
    out = []
    for figure in figures:
        if figure.cited:
            origin_key = name_key(figure.origin)
            for other in figures:
                if (other is not figure and not other.cited and other.key == figure.key
                        and name_key(other.outlet) == origin_key and name_key(other.origin) != origin_key
                        and other.quantity.overlaps(figure.quantity)):
                    figure = replace(figure, origin=other.origin, via=figure.origin)
                    break
        out.append(figure)
    return out


def _origin_key(figure: Figure) -> str:
    return name_key(figure.origin) or figure.origin


def _overlap(a: Quantity, b: Quantity) -> bool:
    return a.overlaps(b)


def _status(items: Sequence[Figure]) -> str:
    """single source, agreed, rising (a toll going up over the days), or contested.

    Figures from one origin are that origin's updates, never a dispute. Independent origins that
    disagree on the same day, or where a later figure is lower than an earlier one, contest the
    count; a later, higher figure is the toll rising. Dates are days: within one day the order
    of reports is not known, so a same-day disagreement stays contested.
    """
    if len({_origin_key(f) for f in items}) == 1:
        return "single source"
    disagree = rising = False
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if _origin_key(a) == _origin_key(b) or a.quantity.vague or b.quantity.vague \
                    or _overlap(a.quantity, b.quantity):
                continue  # "several" is a word, not a figure to dispute
            disagree = True
            later_is_higher = b.point > a.point
            if a.reported_on and b.reported_on and a.reported_on < b.reported_on and later_is_higher:
                rising = True
                continue
            return "contested"
    if rising:
        return "rising"
    return "agreed" if not disagree else "contested"
