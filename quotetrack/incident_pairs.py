"""Which statements report one incident, and which of them to compare however far apart in time.

Detection pairs statements that share words or were told about the same days (``detect``); the
sides of a toll dispute may do neither: an inquiry's figure months after the official toll, or an
article whose date is unknown. Both sides' articles still report one incident, and name it with
the same names. So an article's statements with a casualty figure are also compared with those of
the older articles (found by one of its names in their statements' words) that
``incidents.same_incident`` joins to it. Pairs are read from the two articles alone and from the
statements older than the article, so ingest and a rescan find the same ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from . import incidents, store
from .conflicts.numbers import counts_victims as _counts_victims
from .conflicts.reading import credited_to_report, denies_a_report, read
from .incidents import Article
from .models import Statement
from .store import Database
from .text import Normalizer

# An article's prominent names (in their order) that find the other articles about its incident.
ARTICLE_NAMES = 12
# The latest statements holding such a name that are looked at, and the articles kept of theirs.
NAMED_CAP = 300
ARTICLES_CAP = 12
# The older statements with a figure, latest first, each statement is compared with this way.
FIGURE_CANDIDATES = 12


@dataclass
class Incidents:
    """Which statements report one incident, read from their articles (``incidents``): two
    articles that ``incidents.same_incident`` joins, or one article, and neither statement dating
    what it says to other days. Decided pair by pair from the two articles alone, so ingest
    (which has seen fewer articles) and a rescan agree; grouping into events is not consulted,
    since a later article can join or split events."""

    articles: dict[int, Article] = field(default_factory=dict)  # source id -> reading
    # (source id, source id) -> one incident, and its days: asked for every pair of statements.
    _pairs: dict[tuple[int, int], tuple[bool, tuple[incidents.Period, ...]]] = field(default_factory=dict)

    @classmethod
    def of(cls, db: Database, statements: Iterable[Statement], normalizer: Normalizer) -> Incidents:
        """The readings of the articles kept with ``statements`` (statements typed or imported
        without their article have none, and are never paired this way)."""
        found = cls()
        found.read(db, [s.source.id for s in statements if s.source and s.source.id is not None], normalizer)
        return found

    def read(self, db: Database, source_ids: Iterable[int], normalizer: Normalizer) -> None:
        """Read the articles of these sources not read yet (sources kept without text have none)."""
        wanted = sorted(set(source_ids) - set(self.articles))
        if wanted:
            self.articles.update(
                (source_id, incidents.read_article(source_id, title, text,
                                                   date.fromisoformat(published) if published else None, normalizer))
                for source_id, title, published, text in store.event_articles(db, wanted))

    def together(self, a: Statement, b: Statement) -> bool:
        """Both statements are about one incident."""
        read = self._articles_of(a, b)
        if read is None:
            return False
        one, periods = self._pair(*read)
        return one and not (_dated_elsewhere(a.text, read[0].published, periods)
                            or _dated_elsewhere(b.text, read[1].published, periods))

    def apart(self, a: Statement, b: Statement) -> bool:
        """One of the two dates what it says away from the incident their articles report, the
        other does not: "Last May, the company cut 174 jobs" in an article about this week's
        cuts tells of another incident than "50 employees were laid off" does."""
        read = self._articles_of(a, b)
        if read is None:
            return False
        periods = self._pair(*read)[1]
        return (_dated_elsewhere(a.text, read[0].published, periods)
                != _dated_elsewhere(b.text, read[1].published, periods))

    def _pair(self, first: Article, second: Article) -> tuple[bool, tuple[incidents.Period, ...]]:
        key = (first.source_id, second.source_id)
        if key not in self._pairs:
            self._pairs[key] = (first is second or incidents.same_incident(first, second),
                                tuple(_periods(first, second)))
        return self._pairs[key]

    def _articles_of(self, a: Statement, b: Statement) -> tuple[Article, Article] | None:
        first = self.articles.get(a.source.id or 0) if a.source else None
        second = self.articles.get(b.source.id or 0) if b.source else None
        return None if first is None or second is None else (first, second)


@lru_cache(maxsize=1 << 16)
def _dated_elsewhere(text: str, published: date | None, periods: tuple[incidents.Period, ...]) -> bool:
    """``incidents.dated_elsewhere``, remembered: a statement is asked about with each of its
    candidates, against the same periods."""
    return incidents.dated_elsewhere(text, published, periods)


def _periods(first: Article, second: Article) -> list[incidents.Period]:
    """The days the two articles date their incident to. Articles that date nothing still report
    something of the weeks before they came out: "killed 12 people on September 16, 2013" in a
    list of past shootings is not this incident."""
    both = [first] if first is second else [first, second]
    return incidents.incident_periods(both) or [days for x in both if (days := x.days) is not None]


def counts_victims(statement: Statement, normalizer: Normalizer) -> bool:
    """The statement gives a count of one incident's victims (killed, wounded, missing)."""
    return any(_counts_victims(q) for q in read(statement.text, normalizer).quantities)


def judges_acts(statement: Statement, normalizer: Normalizer) -> bool:
    """The statement judges an act: lawful or not, planned or not (``conflicts.states.act_states``)."""
    return bool(read(statement.text, normalizer).acts)


def reports_or_denies(statement: Statement, normalizer: Normalizer) -> bool:
    """The statement is credited to a report, or denies "the report" without saying what it
    denies (``conflicts.polarity.report_denied``)."""
    return credited_to_report(statement.text, statement.context) or denies_a_report(read(statement.text, normalizer))


# What makes two statements of one incident's articles worth comparing however they are worded:
# both count its victims, both judge its acts, or one gives a report the other denies.
_PAIRED_BY = (counts_victims, judges_acts, reports_or_denies)


def incident_pairs(db: Database, statements: Sequence[Statement], normalizer: Normalizer,
                   together: Incidents) -> set[tuple[int, int]]:
    """Pairs (older id, newer id) of statements giving victim counts (or judging acts, or a report
    and a bare denial of it) in two articles about one incident, for the articles of
    ``statements`` against older articles; ``together`` holds the readings of the articles of
    ``statements``, and gains those of the older articles read."""
    pairs: set[tuple[int, int]] = set()
    by_source: dict[int, list[Statement]] = {}
    for statement in statements:
        if statement.source and statement.source.id in together.articles and statement.id is not None:
            by_source.setdefault(statement.source.id, []).append(statement)
    # Each article's statements read once: an older article is looked at for every newer one.
    of_article: dict[int, list[Statement]] = {}
    for source_id, mine in sorted(by_source.items()):
        older: list[Statement] | None = None  # the older articles' statements, read once for every kind
        for kind in _PAIRED_BY:
            counting = [s for s in mine if kind(s, normalizer)]
            if not counting:
                continue
            if older is None:
                first = min(s.id or 0 for s in _statements_of(db, source_id, of_article))
                older = _older_of_incident(db, together, together.articles[source_id], first, normalizer, of_article)
            alike = [s.id or 0 for s in older if kind(s, normalizer)][:FIGURE_CANDIDATES]
            for statement in counting:
                pairs.update((other, statement.id or 0) for other in alike)
    return pairs


def _statements_of(db: Database, source_id: int, of_article: dict[int, list[Statement]]) -> list[Statement]:
    if source_id not in of_article:
        of_article[source_id] = store.list_statements(db, source_id=source_id)
    return of_article[source_id]


def _older_of_incident(db: Database, together: Incidents, article: Article, below: int,
                       normalizer: Normalizer, of_article: dict[int, list[Statement]]) -> list[Statement]:
    """The statements, latest first, of the older articles about the incident ``article``
    reports: those whose statements (with ids under ``below``) hold one of its names."""
    # Statements seldom name their article's names ("Over 84,000 people died"), but most
    # articles hold one that names the place or the people involved.
    keys = [(name,) for name in sorted(article.prominent)[:ARTICLE_NAMES]]
    if not keys:
        return []
    found = [i for i, _ in store.statements_sharing(db, keys, NAMED_CAP, below)]
    sources = sorted({s.source.id for s in store.get_statements(db, found) if s.source and s.source.id is not None
                      and s.source.id != article.source_id}, reverse=True)[:ARTICLES_CAP]
    together.read(db, sources, normalizer)
    joined = [i for i in sources if i in together.articles and incidents.same_incident(article, together.articles[i])]
    older = [s for source_id in joined for s in _statements_of(db, source_id, of_article) if (s.id or 0) < below]
    return sorted(older, key=lambda s: s.id or 0, reverse=True)
