"""Events: the statements about one incident grouped together, and editors' decisions about them.

Two statements are about the same event when they name the same place (spelling variants and the
terms table count as the same: Makhmour, Makhmur), the days they are about lie within
``WINDOW_DAYS`` of each other, and they share at least one key word (an actor, "bomb", "killed").
Statements that name no place join the event of their own article when they share a key word
with it. An event needs two statements, or one that reports a figure.

Grouping runs again on ``rescan`` (and by itself when statements were added since the last run);
editors' decisions stick: ``merge``, ``split`` and ``rename`` pin statements and names, and a
rescan groups the rest around the pins. All SQL is in ``store``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Any

from rapidfuzz import fuzz

from . import figures as figures_
from . import incidents, record, store
from .errors import DatabaseLocked, InvalidInput, NotFound
from .evidence import counted_thing
from .figures import FigureRow
from .incidents import Article
from .models import Statement
from .ranking import is_headline
from .store import Database
from .text import Normalizer, find_dates, fold, iter_quantities, lexicon
from .text.dates import WEEKDAYS, months

# Reports of one incident come out over a few days; two incidents in one town a week apart do not merge.
WINDOW_DAYS = incidents.WINDOW_DAYS
# Two spellings of a place with the same consonant skeleton must also be this alike (0-100).
PLACE_SIMILARITY = 70


@dataclass
class Profile:
    """What grouping reads from one statement."""

    statement: Statement
    places: dict[str, str]  # place key -> the name as written
    days: list[date]
    words: set[str]  # key words: content tokens that are not places or numbers

    @property
    def id(self) -> int:
        return self.statement.id or 0


@dataclass
class EventSummary:
    id: int
    name: str
    place: str | None
    first_day: date | None
    last_day: date | None
    statements: int
    sources: list[str]
    open_conflicts: int
    named_by_editor: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "place": self.place,
            "first_day": self.first_day.isoformat() if self.first_day else None,
            "last_day": self.last_day.isoformat() if self.last_day else None,
            "statements": self.statements, "sources": list(self.sources),
            "open_conflicts": self.open_conflicts, "named_by_editor": self.named_by_editor,
        }


@dataclass
class EventDetail:
    summary: EventSummary
    statements: list[Statement]  # oldest first
    figures: list[FigureRow]
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    pinned: set[int] = field(default_factory=set)  # statements an editor placed here

    def to_dict(self) -> dict[str, Any]:
        return self.summary.to_dict() | {
            "timeline": [s.to_dict() | {"reported_on": _iso(figures_.reported_on(s)),
                                        "placed_by": "editor" if s.id in self.pinned else "auto"}
                         for s in self.statements],
            "figures": [row.to_dict() for row in self.figures],
            "conflicts": self.conflicts,
        }


@dataclass
class GroupingResult:
    events: int = 0
    created: int = 0
    removed: int = 0
    grouped: int = 0  # statements in an event


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


# --- places --------------------------------------------------------------------------------


def _lines(name: str) -> list[str]:
    return lexicon.lines(name)


@cache
def _place_pattern() -> re.Pattern[str]:
    phrases = sorted(_lines("place_prepositions.txt"), key=len, reverse=True)
    cues = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)
    name = r"[A-Z][\w’'-]+(?:\s+(?:al-|el-)?[A-Z][\w’'-]+)*"
    return re.compile(rf"(?<![\w-])(?i:{cues})\s+(?:the\s+)?({name})")


@cache
def _not_place_words() -> frozenset[str]:
    # Organisation words and titles: "in Ministry statements", "at Colonel X's request".
    words = {w.lower() for w in _lines("organisations.txt") + _lines("titles.txt")}
    return frozenset(w for w in words if " " not in w)


def find_places(text: str) -> list[str]:
    """Names the text places something at: "near Makhmour", "in Dastbar", "north of Kirkuk"."""
    found = []
    for match in _place_pattern().finditer(text):
        name = _place_name(match.group(1))
        if name:
            found.append(name)
    return found


def _place_name(name: str) -> str | None:
    """The name without a possessive, or None when it is a date or an organisation, not a place."""
    name = name.strip().rstrip("'’").removesuffix("'s").removesuffix("’s")
    if not name or find_dates(name) or name.lower().rstrip(".") in months() or name.lower() in WEEKDAYS:
        return None  # "in July", "in Monday's attack", "inspected in March"
    if any(w.lower().strip(".") in _not_place_words() for w in name.split()):
        return None
    return name


@lru_cache(maxsize=20_000)
def place_key(name: str, normalizer: Normalizer) -> str:
    """One key for spellings of one place: the terms table first, then a consonant skeleton
    (vowels, h, w, y dropped; q and g as k), so Makhmour, Makhmur and Mexmûr meet."""
    canonical = normalizer.canonical(name) or name
    letters = re.sub(r"[^a-z]", "", fold(canonical))
    skeleton = re.sub(r"[aeiouhwy]", "", letters).replace("q", "k").replace("g", "k")
    skeleton = re.sub(r"(.)\1+", r"\1", skeleton)
    return skeleton if len(skeleton) >= 3 else letters


@lru_cache(maxsize=20_000)
def same_place(a: str, b: str, normalizer: Normalizer) -> bool:
    """Two names for one place: same key, and alike as written unless the terms table says so."""
    if place_key(a, normalizer) != place_key(b, normalizer):
        return False
    ca, cb = (normalizer.canonical(x) or x for x in (a, b))
    return fuzz.ratio(fold(ca), fold(cb)) >= PLACE_SIMILARITY


# --- reading statements --------------------------------------------------------------------


@lru_cache(maxsize=20_000)
def _name_tokens(name: str, normalizer: Normalizer) -> frozenset[str]:
    return frozenset(normalizer.tokens(name))


def profile(statement: Statement, normalizer: Normalizer, tokens: Sequence[str] | None = None) -> Profile:
    """What grouping reads from a statement; ``tokens`` are its claim tokens when already known."""
    names = find_places(statement.text)
    given = _place_name(statement.place) if statement.place else None
    if given:
        names.insert(0, given)
    if not names:
        # "Police in Qasruk said …": the place may be in the sentence around the words, or the headline.
        for around in (statement.context, statement.source.title if statement.source else None):
            names = find_places(around or "")
            if names:
                break
    places: dict[str, str] = {}
    for name in names:
        places.setdefault(place_key(name, normalizer), name)
    place_tokens = {t for name in names for t in _name_tokens(name, normalizer)}
    if tokens is None:
        tokens = normalizer.tokens(statement.text)
    words = {t for t in tokens if not t[0].isdigit() and t not in place_tokens and len(t) > 2}
    return Profile(statement, places, _days(statement), words)


def _days(statement: Statement) -> list[date]:
    """The days a statement is about: its event date, else full days its text names, else when said."""
    if statement.event_date:
        return [statement.event_date]
    # When it was recorded says nothing about when it happened: an undated article has no days.
    anchor = statement.said_on or (statement.source.published if statement.source else None)
    named = [m.value for m in find_dates(statement.text, anchor) if m.value and m.precision == "day"]
    if named:
        return named
    return [anchor] if anchor else []


_WINDOW = timedelta(days=WINDOW_DAYS)


def _near_in_time(a: Profile, b: Profile) -> bool:
    if not a.days or not b.days:
        return True
    return any(abs(x - y) <= _WINDOW for x in a.days for y in b.days)


def _linked(a: Profile, b: Profile) -> bool:
    # The shared word first: a set intersection costs less than comparing days.
    return bool(a.words & b.words) and _near_in_time(a, b)


# --- grouping ------------------------------------------------------------------------------


def group(statements: Sequence[Statement], normalizer: Normalizer,
          articles: Sequence[Article] = ()) -> list[list[int]]:
    """Statement ids grouped into events (each group sorted), largest first. Pure: no database.
    ``articles`` are the statements' articles as ``incidents.read_article`` reads them."""
    return group_profiles([profile(s, normalizer) for s in statements if s.id is not None], normalizer, articles)


def group_profiles(profiles: Sequence[Profile], normalizer: Normalizer,
                   articles: Sequence[Article] = ()) -> list[list[int]]:
    by_id = {p.id: p for p in profiles}
    chains = incidents.Chains(by_id)
    find = chains.find
    # Block by place key, so only statements naming one place are ever compared.
    blocks: dict[str, list[Profile]] = {}
    for p in profiles:
        for key in p.places:
            blocks.setdefault(key, []).append(p)
    for key, members in blocks.items():
        ids = [p.id for p in members]
        for i, a in enumerate(members):
            a_id, a_place = ids[i], a.places[key]
            for j in range(i + 1, len(members)):
                b = members[j]
                if find(a_id) == find(ids[j]):
                    continue
                if not same_place(a_place, b.places[key], normalizer):
                    continue
                if _linked(a, b):
                    chains.join(a_id, ids[j])
    placed = {p.id for p in profiles if p.places} | _join_incidents(profiles, articles, chains)
    groups: dict[int, list[int]] = {}
    for p in profiles:
        if p.id in placed:
            groups.setdefault(find(p.id), []).append(p.id)
    _attach_placeless([p for p in profiles if p.id not in placed], groups, find, profiles)
    out = [sorted(ids) for ids in groups.values() if _is_event(ids, by_id)]
    out.sort(key=lambda ids: (-len(ids), ids[0]))
    return out


def _join_incidents(profiles: Sequence[Profile], articles: Sequence[Article], chains: incidents.Chains) -> set[int]:
    """Statements of articles about one incident join one group, except those that date what
    they say to another day (``incidents.dated_elsewhere``). Returns the statements joined."""
    if not articles:
        return set()
    by_source: dict[int, list[Profile]] = {}
    for p in profiles:
        if p.statement.source and p.statement.source.id is not None:
            by_source.setdefault(p.statement.source.id, []).append(p)
    joined: set[int] = set()
    for cluster in incidents.group_articles([a for a in articles if a.source_id in by_source]):
        periods = incidents.incident_periods(cluster)
        members = [p for a in cluster for p in by_source[a.source_id]
                   if not incidents.dated_elsewhere(p.statement.text, a.published, periods)]
        for p in members[1:]:
            chains.join(p.id, members[0].id)
        joined.update(p.id for p in members)
    return joined


def _attach_placeless(loose: Sequence[Profile], groups: dict[int, list[int]], find: Any,
                      profiles: Sequence[Profile]) -> None:
    """A statement of ``loose`` (in no group yet) naming no place joins its article's event, when
    the article's placed statements are all in one event (an article about one incident) and it
    shares a key word with them or reports a figure.

    An article that covers several incidents leaves its placeless statements out: which incident
    a background sentence belongs to is a guess an editor makes better (`events merge`)."""
    by_source: dict[int, list[Profile]] = {}
    for p in profiles:
        if p.places and p.statement.source and p.statement.source.id is not None:
            by_source.setdefault(p.statement.source.id, []).append(p)
    for p in loose:
        if p.places or not p.statement.source or p.statement.source.id is None:
            continue
        placed = by_source.get(p.statement.source.id, [])
        if len({find(other.id) for other in placed}) != 1:
            continue
        # A figure in a one-incident article is about that incident even without a shared word.
        if any(p.words & other.words for other in placed) or _has_figure(p.statement):
            groups[find(placed[0].id)].append(p.id)


def _is_event(ids: Sequence[int], by_id: dict[int, Profile]) -> bool:
    return len(ids) > 1 or _has_figure(by_id[ids[0]].statement)


def _has_figure(statement: Statement) -> bool:
    return _reports_a_figure(statement.text)


@lru_cache(maxsize=50_000)
def _reports_a_figure(text: str) -> bool:
    # Remembered, as articles' readings are: a long-running process (the API) groups again after
    # each new statement, and reading every lone statement's counts again is most of the work.
    return any(figures_.is_figure(q) for q in iter_quantities(text, how=False))  # stops at the first figure


# --- the record ----------------------------------------------------------------------------


def _describe(profiles: Sequence[Profile], articles: dict[int, Article] | None = None,
              ) -> tuple[str | None, date | None, date | None]:
    """The place most named and the days covered, for an event's automatic name. When its
    articles date the incident, days its statements name far from that (background: "a blast
    on February 20") do not stretch the event."""
    names: Counter[str] = Counter()
    spelled: dict[str, Counter[str]] = {}
    days: list[date] = []
    for p in profiles:
        for key, name in p.places.items():
            names[key] += 1
            spelled.setdefault(key, Counter())[name] += 1
        days.extend(p.days)
    place = spelled[names.most_common(1)[0][0]].most_common(1)[0][0] if names else None
    sources = {p.statement.source.id for p in profiles if p.statement.source}
    periods = incidents.incident_periods([a for i, a in (articles or {}).items() if i in sources])
    near = [d for d in days if any(incidents.Period(d, d).days_from(q) <= incidents.APART_DAYS for q in periods)]
    days = near + [q.first for q in periods if q.last - q.first <= timedelta(days=6)] if near else days
    return place, min(days, default=None), max(days, default=None)


def auto_name(place: str | None, first: date | None) -> str:
    """"Qasrok, 2026-03-02": the place most named and the first day."""
    return ", ".join(x for x in (place or "unplaced", first.isoformat() if first else "") if x)


def rescan(db: Database) -> GroupingResult:
    """Group every statement again, keeping editors' pins, names and event ids where they fit."""
    normalizer = db.normalizer
    result = GroupingResult()
    with store.transaction(db):
        statements = store.list_statements(db, oldest_first=True)
        by_id = {s.id: s for s in statements if s.id is not None}
        pins = store.event_pins(db)
        previous = store.event_memberships(db)
        # The claim index already holds every statement's tokens: reading them beats recomputing.
        stored = store.claim_tokens(db)
        profiles = {s.id: profile(s, normalizer, stored[s.id].split() if stored.get(s.id) else None)
                    for s in statements if s.id is not None}
        articles = {a.source_id: a for a in _articles(db, normalizer)}
        clusters = group_profiles(list(profiles.values()), normalizer, list(articles.values()))
        grouped: set[int] = {i for ids in clusters for i in ids}
        # Statements an editor placed but that grouping left out still belong to their event.
        for statement_id in pins:
            if statement_id not in grouped:
                clusters.append([statement_id])
                grouped.add(statement_id)
        taken: set[int] = set()
        continued: list[tuple[int | None, list[int]]] = []
        for ids in clusters:
            event_id = _event_for(ids, pins, previous, taken)
            if event_id is not None:
                taken.add(event_id)
            continued.append((event_id, ids))
        # New events are made in one write, not one a group: a first grouping makes thousands.
        result.created = sum(1 for event_id, _ in continued if event_id is None)
        new_ids = iter(store.create_events(db, result.created))
        assignment: dict[int, list[int]] = {}
        for event_id, ids in continued:
            assignment.setdefault(event_id if event_id is not None else next(new_ids), []).extend(ids)
        store.clear_auto_memberships(db)
        store.place_statements(db, [(i, event_id) for event_id, ids in assignment.items()
                                    for i in ids if i not in pins], placed_by="auto")
        members_of: dict[int, list[Profile]] = {}
        for statement_id, event_id in store.event_memberships(db).items():
            if statement_id in profiles:
                members_of.setdefault(event_id, []).append(profiles[statement_id])
        empty = [event_id for event_id in store.event_ids(db) if not members_of.get(event_id)]
        store.delete_events(db, empty)
        result.removed = len(empty)
        described: dict[int, tuple[str | None, str | None, str | None, str]] = {}
        for event_id, members in members_of.items():
            place, first, last = _describe(members, articles)
            described[event_id] = (place, _iso(first), _iso(last), auto_name(place, first))
            result.grouped += len(members)
        store.describe_events(db, described)
        result.events = len(described)
        store.record_grouping(db, len(by_id), max(by_id, default=0))
    return result


def _articles(db: Database, normalizer: Normalizer, source_ids: Sequence[int] | None = None) -> list[Article]:
    return [incidents.read_article(source_id, title, text, date.fromisoformat(published) if published else None,
                                   normalizer)
            for source_id, title, published, text in store.event_articles(db, source_ids)]


def _event_for(ids: Sequence[int], pins: dict[int, int], previous: dict[int, int],
               taken: set[int]) -> int | None:
    """The event a new group continues: the one its pinned statements are in, else the one most
    of its statements were in before (each old event continues once)."""
    pinned = Counter(pins[i] for i in ids if i in pins)
    if pinned:
        return pinned.most_common(1)[0][0]
    before = Counter(previous[i] for i in ids if i in previous and previous[i] not in taken)
    if before:
        return before.most_common(1)[0][0]
    return None


def ensure_grouped(db: Database, wait: bool = False) -> GroupingResult | None:
    """Group again when statements were added or removed since the last grouping.

    A reading command (``wait`` false) never waits on another command's write: while one holds
    the record (a long import), or when the record is open for reading only, it shows the events
    as last grouped, and the statements added since join them on a later run.
    """
    if store.grouping_is_current(db) or db.read_only is not None:
        return None
    try:
        with store.transaction(db, wait=wait):
            return rescan(db)
    except DatabaseLocked:
        if wait:
            raise
        return None


def list_events(db: Database, *, since: date | None = None, place: str | None = None) -> list[EventSummary]:
    """Events, largest first (then latest), so the story most sources tell leads; --place matches
    spelling variants of the place."""
    ensure_grouped(db)
    normalizer = db.normalizer
    summaries = [_summary(row) for row in store.list_events(db, since=_iso(since))]
    if place:
        summaries = [s for s in summaries if _place_matches(db, s, place, normalizer)]
    return summaries


def _place_matches(db: Database, summary: EventSummary, wanted: str, normalizer: Normalizer) -> bool:
    if summary.place and same_place(summary.place, wanted, normalizer):
        return True
    statements = store.get_statements(db, store.event_statement_ids(db, summary.id))
    return any(same_place(name, wanted, normalizer)
               for s in statements for name in profile(s, normalizer).places.values())


def _summary(row: dict[str, Any]) -> EventSummary:
    return EventSummary(
        id=row["id"], name=row["name"] or row["auto_name"] or f"event {row['id']}", place=row["place"],
        first_day=date.fromisoformat(row["first_day"]) if row["first_day"] else None,
        last_day=date.fromisoformat(row["last_day"]) if row["last_day"] else None,
        statements=row["statements"], sources=row["sources"], open_conflicts=row["open_conflicts"],
        named_by_editor=bool(row["name"]),
    )


def get_event(db: Database, event_id: int) -> EventDetail:
    """An event's statements as a timeline, its figure table and its conflicts."""
    ensure_grouped(db)
    return _detail(db, event_id)


def _detail(db: Database, event_id: int) -> EventDetail:
    summary = _summary(store.get_event(db, event_id))
    ids = store.event_statement_ids(db, event_id)
    statements = sorted(store.get_statements(db, ids),
                        key=lambda s: (figures_.reported_on(s) or date.max, s.id or 0))
    conflicts = _conflicts(db, ids)
    return EventDetail(
        summary=summary, statements=statements, figures=_rows(db, statements, conflicts),
        conflicts=conflicts, pinned=set(store.event_pins(db, event_id)),
    )


def event_summary(db: Database, event_id: int) -> EventSummary:
    """One event's summary, without its timeline or figures; NotFound names the id."""
    ensure_grouped(db)
    return _summary(store.get_event(db, event_id))


def every_figure_table(db: Database) -> Iterator[tuple[EventSummary, list[FigureRow]]]:
    """Every event, largest first, with its reported figures (for the figures export): the
    record grouped once, not again for each event."""
    for summary in list_events(db):
        yield summary, _detail(db, summary.id).figures


def figure_tables(db: Database, statement_ids: Iterable[int]) -> list[tuple[EventSummary, list[FigureRow]]]:
    """The events any of these statements are in, each with its figure table (for a dossier)."""
    ensure_grouped(db)
    event_ids = sorted(set(store.events_of_statements(db, list(statement_ids)).values()))
    out = []
    for event_id in event_ids:
        detail = _detail(db, event_id)  # grouped once above, not again for each event
        out.append((detail.summary, detail.figures))
    return out


def events_of_statements(db: Database, statement_ids: Iterable[int]) -> dict[int, int]:
    """statement id -> event id, for the statements that are in an event (e.g. to link a conflict)."""
    return store.events_of_statements(db, list(statement_ids))


def _conflicts(db: Database, ids: Sequence[int]) -> list[dict[str, Any]]:
    members = set(ids)
    return [
        {"id": c.id, "type": c.type, "status": c.status, "a_id": c.a.id, "b_id": c.b.id,
         "thing": counted_thing(c.evidence)}
        for c in store.list_conflicts(db, statement_ids=list(ids))
        if c.a.id in members and c.b.id in members
    ]


def _rows(db: Database, statements: Sequence[Statement], conflicts: Sequence[dict[str, Any]]) -> list[FigureRow]:
    normalizer = db.normalizer
    outlets = store.outlets(db)
    sources = [s.source.id for s in statements if s.source and s.source.id is not None]
    periods = incidents.incident_periods(_articles(db, normalizer, sources))
    # A headline restates its article's figure without saying what it counts: the body's is shown.
    found = [f for s in statements if not is_headline(s)
             for f in figures_.read_figures(s, outlets, normalizer, periods)]
    rows = figures_.figure_rows(found)
    for row in rows:
        ids = {f.statement_id for f in row.figures}
        counted = " ".join(part for part in (row.role, row.thing) if part)
        row.conflicts = sorted(c["id"] for c in conflicts
                               if c["type"] == "number" and c["a_id"] in ids and c["b_id"] in ids
                               and c["thing"] in (None, counted))
    return rows


# --- editors' decisions --------------------------------------------------------------------


def merge(db: Database, a: int, b: int) -> EventSummary:
    """Merge event A into B: A's statements move to B and stay there on later runs."""
    if a == b:
        raise InvalidInput("Give two different events to merge.")
    ensure_grouped(db, wait=True)
    with store.transaction(db):
        store.get_event(db, a)
        store.get_event(db, b)
        moving = store.event_statement_ids(db, a)
        staying = store.event_statement_ids(db, b)
        store.add_event_members(db, b, [*staying, *moving], placed_by="editor")
        store.delete_event(db, a)
        store.log_change(db, "merge", "event", b, {"merged": a, "statements": moving})
    return _summary(store.get_event(db, b))


def split(db: Database, event_id: int, statement_ids: Sequence[int]) -> EventSummary:
    """Move statements out of an event into a new one; both keep their statements on later runs."""
    ensure_grouped(db, wait=True)
    with store.transaction(db):
        store.get_event(db, event_id)
        members = store.event_statement_ids(db, event_id)
        strays = [i for i in statement_ids if i not in members]
        if strays:
            raise NotFound(f"Statement {strays[0]} is not in event {event_id}; "
                           f"`quotetrack event {event_id}` lists its statements.")
        if set(statement_ids) >= set(members):
            raise InvalidInput("Splitting off every statement leaves nothing behind; name fewer.")
        new_id = store.create_event(db)
        store.add_event_members(db, new_id, list(statement_ids), placed_by="editor")
        store.add_event_members(db, event_id, [i for i in members if i not in statement_ids],
                                placed_by="editor")
        normalizer = db.normalizer
        for target in (event_id, new_id):
            place, first, last = _describe([profile(s, normalizer) for s in
                                            store.get_statements(db, store.event_statement_ids(db, target))])
            store.update_event(db, target, {"place": place, "first_day": _iso(first), "last_day": _iso(last),
                                            "auto_name": auto_name(place, first)})
        store.log_change(db, "split", "event", event_id, {"new_event": new_id, "statements": list(statement_ids)})
    return _summary(store.get_event(db, new_id))


def rename(db: Database, event_id: int, name: str) -> EventSummary:
    """Give an event an editor's name, kept on later runs."""
    name = record.clean_text(name, "The event name")
    ensure_grouped(db, wait=True)
    with store.transaction(db):
        before = store.get_event(db, event_id)
        store.update_event(db, event_id, {"name": name})
        store.log_change(db, "rename", "event", event_id,
                         {"before": before["name"] or before["auto_name"], "after": name})
    return _summary(store.get_event(db, event_id))
