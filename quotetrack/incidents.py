"""Which incident an article reports, and which articles report the same one.

A statement's own words seldom name the place and day of its incident ("The toll has risen to
53", "It was a mistake"); the article around it does. So grouping also reads each article kept
with its text: the names it is about (words written with a capital inside a sentence, acronyms
and names from the terms table, counted over the headline and the text), and the day it dates
its incident to — the first date written next to an incident noun, resolved against the
publication date: "Saturday's bombing", "the Jan. 12 earthquake", "the attack on Monday", "an
August air strike", "last week's massacre".

Two articles report the same incident when they share at least ``SHARED_NAMES`` of the names
they are about and their incidents' days meet: both dated, within ``WINDOW_DAYS``; an article
that dates nothing is taken to report something from the ``UNDATED_DAYS`` before it was
published. A statement in an article belongs to the article's incident unless it dates
something else: a day outside every day its incident's articles give ("On 30 June, a joint
operation ..." in a report of the 8 July strikes; "attacked a base on Monday" in a report of
last week's massacre). Days on which something was said ("said on Monday") date nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from .text import Normalizer, find_dates, lexicon
from .text.dates import WEEKDAYS, DateMention, months

# Reports of one incident come out over a few days; two incidents in one town a week apart do not merge.
WINDOW_DAYS = 2
# An article that dates nothing reports an incident of the last two weeks (follow-ups, reactions).
UNDATED_DAYS = 14
# Names two articles must share: one (a country, "police") is common to unrelated stories.
SHARED_NAMES = 2
# A name the article is about: in the headline, or this often in the text.
NAME_MENTIONS = 2
# How far a date may stand from its incident noun, in words: "Saturday's deadly truck bombing".
_NOUN_GAP = 3


@dataclass(frozen=True)
class Period:
    """The days a date mention stands for: one day, a week, a month or a year."""

    first: date
    last: date

    def meets(self, other: Period, slack: int = WINDOW_DAYS) -> bool:
        gap = timedelta(days=slack)
        return self.first - gap <= other.last and other.first - gap <= self.last


@dataclass(frozen=True)
class Article:
    """What grouping reads from one article."""

    source_id: int
    published: date | None
    period: Period | None  # the days it dates its incident to; None when it dates nothing
    names: frozenset[str]  # the names it mentions
    prominent: frozenset[str] = frozenset()  # those in its headline or named more than once

    @property
    def days(self) -> Period | None:
        """Its incident's days, or for an article that dates nothing, the days before it came out."""
        if self.period is not None:
            return self.period
        if self.published is None:
            return None
        return Period(self.published - timedelta(days=UNDATED_DAYS), self.published)


def period_of(mention: DateMention) -> Period | None:
    return None if mention.value is None else _period(mention.value, mention.precision)


def _period(day: date, precision: str) -> Period:
    if precision == "day":
        return Period(day, day)
    if precision == "week":
        monday = day - timedelta(days=day.weekday())
        return Period(monday, monday + timedelta(days=6))
    if precision == "month":
        following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return Period(day.replace(day=1), following - timedelta(days=1))
    return Period(date(day.year, 1, 1), date(day.year, 12, 31))


# --- reading dates next to incidents -------------------------------------------------------


@cache
def _noun() -> str:
    nouns = sorted(lexicon.words("incident_nouns"), key=len, reverse=True)
    # "attacked", "bombings", "strikes": the noun's own forms, not longer words ("firearm").
    return r"(?:" + "|".join(r"\s+".join(re.escape(w) for w in n.split()) for n in nouns) + r")(?:s|es|ed|ing)?\b"


@cache
def _after_date() -> re.Pattern[str]:
    # "<date>'s deadly bombing", "<date> earthquake", "<date> air strike"
    return re.compile(rf"(?:['’]s)?,?\s+(?:[\w-]+\s+){{0,{_NOUN_GAP}}}?{_noun()}", re.IGNORECASE)


@cache
def _before_date() -> re.Pattern[str]:
    # "the attack on <date>", "strikes near the town on <date>"
    return re.compile(rf"\b{_noun()}\s+(?:[\w’'-]+\s+){{0,{_NOUN_GAP}}}?(?:on\s+|in\s+)?$", re.IGNORECASE)


_BARE_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@cache
def _bare_month() -> re.Pattern[str]:
    names = sorted(months(), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(n.capitalize() for n in names) + r")\.?(?=\s+\D)")


def incident_dates(text: str, published: date | None) -> list[Period]:
    """The days ``text`` dates incidents to, in order: dates written next to an incident noun.
    Dates after publication are plans, not incidents, and are left out."""
    found: list[tuple[int, Period]] = []
    for mention in find_dates(text, published):
        period = period_of(mention)
        if period is None or (published and period.first > published):
            continue
        before = text[max(0, mention.start - 60):mention.start]
        if _after_date().match(text, mention.end) or _before_date().search(before):
            found.append((mention.start, period))
    # A bare year before the noun: "the 2010 earthquake", "Haiti's devastating 2010 earthquake".
    for match in _BARE_YEAR.finditer(text):
        year = int(match.group(1))
        if _after_date().match(text, match.end()) and (published is None or year <= published.year):
            found.append((match.start(), Period(date(year, 1, 1), date(year, 12, 31))))
    # A bare month before the noun: "an August air strike" (the latest August by publication).
    for match in _bare_month().finditer(text):
        month = months()[match.group(1).lower()]
        if published and _after_date().match(text, match.end()):
            year = published.year - (1 if month > published.month else 0)
            found.append((match.start(), _period(date(year, month, 1), "month")))
    return [period for _, period in sorted(found, key=lambda item: item[0])]


def _said_on(text: str, mention: DateMention) -> bool:
    """A day something was said on: "said on Monday", "on Monday told reporters"."""
    around = text[max(0, mention.start - 25):mention.end + 25].lower()
    return bool(set(re.findall(r"[a-z]+", around)) & _speech_forms())


@cache
def _speech_forms() -> frozenset[str]:
    forms: set[str] = set()
    for row in lexicon.rows("cues"):
        if len(row) > 2 and row[1] in ("speech", "written"):
            forms.update(form.strip().rstrip("+").lower() for form in row[2].split(","))
    return frozenset(forms)


def dated_elsewhere(text: str, published: date | None, periods: Sequence[Period]) -> bool:
    """True when a statement dates what it says to a day outside ``periods`` (its incident's)."""
    if not periods:
        return False
    own = incident_dates(text, published)
    if own:
        return not any(p.meets(q) for p in own for q in periods)
    for mention in find_dates(text, published):
        period = period_of(mention)
        if period is None or mention.precision != "day" or _said_on(text, mention):
            continue
        if not any(period.meets(q) for q in periods):
            return True
    return False


# --- articles ------------------------------------------------------------------------------


def read_article(source_id: int, title: str | None, text: str, published: date | None,
                 normalizer: Normalizer) -> Article:
    """The names an article is about and the day it dates its incident to."""
    head = f"{title}.\n{text}" if title else text
    dated = incident_dates(head, published)
    common = _common_names(normalizer)
    counts: Counter[str] = Counter()
    for part, weight in ((title or "", NAME_MENTIONS), (text, 1)):
        for token, named in normalizer.analyse(part):
            if named and not token[0].isdigit() and len(token) > 1 and token not in common:
                counts[token] += weight
    prominent = frozenset(t for t, n in counts.items() if n >= NAME_MENTIONS)
    return Article(source_id, published, dated[0] if dated else None, frozenset(counts), prominent)


@cache
def _common_names(normalizer: Normalizer) -> frozenset[str]:
    """Capitalised words that name no incident: days, months, titles ("Minister", "Monday")."""
    words = [*months(), *WEEKDAYS, *(w for line in lexicon.lines("titles") for w in line.split("=")[0].split())]
    return frozenset(t for w in words for t in normalizer.tokens(w))


def _alike(a: str, b: str) -> bool:
    """One name, or a name and its demonym: "Haiti" and "Haitian", "Somalia" and "Somali"."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and len(long) - len(short) <= 3 and long.startswith(short[:-1]) and short[:4] == long[:4]


def shared_names(a: Article, b: Article) -> set[str]:
    """The names two articles are both about (a's spelling)."""
    return {x for x in a.names if x in b.names or any(_alike(x, y) for y in b.names if y[:4] == x[:4])}


def same_incident(a: Article, b: Article) -> bool:
    """Two articles about one incident: names in common, one of them prominent, and days that meet."""
    shared = shared_names(a, b)
    if len(shared) < SHARED_NAMES:
        return False
    prominent = a.prominent | b.prominent
    if not any(_alike(x, y) for x in shared for y in prominent if x[:4] == y[:4]):
        return False
    days_a, days_b = a.days, b.days
    if days_a is None or days_b is None:
        return True  # neither published date nor a dated incident: the names decide
    return days_a.meets(days_b)


def group_articles(articles: Sequence[Article]) -> list[list[Article]]:
    """Articles chained into incidents: linked pairs join, the way statements do."""
    parent = list(range(len(articles)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # Compare only articles that share a name.
    holders: dict[str, list[int]] = {}
    for i, article in enumerate(articles):
        for name in article.prominent:
            holders.setdefault(name[:4], []).append(i)
    for i, a in enumerate(articles):
        candidates = {j for name in a.names for j in holders.get(name[:4], ()) if j != i}
        for j in sorted(candidates):
            if find(i) != find(j) and same_incident(a, articles[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[Article]] = {}
    for i, article in enumerate(articles):
        groups.setdefault(find(i), []).append(article)
    return list(groups.values())


def incident_periods(articles: Sequence[Article]) -> list[Period]:
    """The days an incident's articles date it to (those that date it)."""
    return [a.period for a in articles if a.period is not None]
