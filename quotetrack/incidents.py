"""Which incident an article reports, and which articles report the same one.

A statement's own words seldom name the place and day of its incident ("The toll has risen to
53", "It was a mistake"); the article around it does. So grouping also reads each article kept
with its text: the names it is about (words written with a capital inside a sentence, acronyms
and names from the terms table, counted over the headline and the text), and the day it dates
its incident to — the first date written next to an incident noun, resolved against the
publication date: "Saturday's bombing", "the Mar. 9 earthquake", "the attack on Monday", "an
August air strike", "last week's massacre"; not a date taken by a verb of what came after ("the
rescue in the collapse ended on Tuesday", ``data/aftermath_verbs.txt``), nor an incident a year
or more before the article (a comparison: "the deadliest since the 1998 disaster").

Two articles report the same incident when they share at least ``SHARED_NAMES`` names, one of
them what both are about (in the headline or named twice), and their incidents' days meet: both
dated, within ``WINDOW_DAYS``; an article that dates nothing is taken to report something from
the ``UNDATED_DAYS`` before it was published, and joins one incident rather than linking two
(``group_articles``). A statement in an article belongs to the article's incident unless it dates
something else: a day outside every day its incident's articles give ("On 30 June, a joint
operation ..." in a report of the 8 July strikes; "attacked a base on Monday" in a report of
last week's massacre). Days on which something was said ("said on Monday") date nothing.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

from .text import Normalizer, find_dates, fold, lexicon
from .text.captions import without_captions
from .text.dates import WEEKDAYS, DateMention, days_after, months

# Reports of one incident come out over a few days; two incidents in one town a week apart do not merge.
WINDOW_DAYS = 2
# An article that dates nothing reports an incident of the last six weeks (follow-ups, reactions, a
# dispute that runs on: a count contested for a month).
UNDATED_DAYS = 45
# An incident dated this many days before the article came out is not what it reports.
PAST_DAYS = 365
# A day a statement names this far from its incident's days is another incident's ("a week earlier").
APART_DAYS = 4
# Names two articles must share: one (a country, "police") is common to unrelated stories.
SHARED_NAMES = 3
# A name the article is about: in the headline, or this often in the text.
NAME_MENTIONS = 2
# Two spellings of one name with the same consonant skeleton must also be this alike (0-100).
SPELLING_SIMILARITY = 70
# What an article is about is named in its top part; reading a long article's whole text costs time.
NAMES_CHARS = 4000
# The lead, where an article says what it reports (a headline and a sentence or two).
LEAD_CHARS = 400
# How far a date may stand from its incident noun, in words: "Saturday's deadly truck bombing".
_NOUN_GAP = 3


_WEEK = timedelta(days=6)


@dataclass(frozen=True)
class Period:
    """The days a date mention stands for: one day, a week, a month or a year."""

    first: date
    last: date

    def days_from(self, other: Period) -> int:
        """Days between the two periods; 0 when they overlap."""
        return max(0, (other.first - self.last).days, (self.first - other.last).days)

    def meets(self, other: Period) -> bool:
        """Days that can be one incident's: within WINDOW_DAYS of a day or a week ("last week's
        massacre" may have begun the Saturday before); inside a month or a year itself."""
        short = self.last - self.first <= _WEEK and other.last - other.first <= _WEEK
        gap = WINDOW_DAYS if short else 0
        # Days apart, not days moved: a day moved past the calendar's end (year 9999) has no date.
        return (self.first - other.last).days <= gap and (other.first - self.last).days <= gap


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
        return Period(days_after(self.published, -UNDATED_DAYS) or date.min, self.published)


def period_of(mention: DateMention) -> Period | None:
    return None if mention.value is None else _period(mention.value, mention.precision)


def _period(day: date, precision: str) -> Period:
    if precision == "day":
        return Period(day, day)
    if precision == "week":
        monday = day - timedelta(days=day.weekday())  # 0001-01-01 was a Monday
        return Period(monday, days_after(monday, 6) or date.max)
    if precision == "month":
        return Period(day.replace(day=1), day.replace(day=monthrange(day.year, day.month)[1]))
    return Period(date(day.year, 1, 1), date(day.year, 12, 31))


# --- reading dates next to incidents -------------------------------------------------------


@cache
def _noun() -> str:
    nouns = sorted(lexicon.words("incident_nouns"), key=len, reverse=True)
    # "attacked", "bombings", "strikes": the noun's own forms, not longer words ("firearm").
    return r"(?:" + "|".join(r"\s+".join(re.escape(w) for w in n.split()) for n in nouns) + r")(?:s|es|ed|d|ing)?\b"


@cache
def _after_date() -> re.Pattern[str]:
    # "<date>'s deadly bombing", "<date> earthquake", "<date> air strike"
    # Not across "that": "said on radio Friday that the vote …" dates the saying.
    return re.compile(rf"(?:['’]s)?,?[^\S\n]+(?:(?!that\b)[\w-]+[^\S\n]+){{0,{_NOUN_GAP}}}?{_noun()}", re.IGNORECASE)


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
    return [period for _, period in _incident_dates(text, published)]


def _incident_dates(text: str, published: date | None) -> list[tuple[int, Period]]:
    found: list[tuple[int, Period]] = []
    for mention in find_dates(text, published):
        period = period_of(mention)
        if period is None or (published and period.first > published):
            continue
        # The noun stands in the date's own sentence: not in a headline or paragraph above it.
        before = re.split(r"\n|[.!?]\s", text[max(0, mention.start - 60):mention.start])[-1]
        # "Veld on Tuesday said the raids …": the day something was said, whatever follows.
        spoken = re.match(r"\s+([a-z]+)", text[mention.end:mention.end + 20])
        if spoken and spoken.group(1) in _speech_forms():
            continue
        if _after_date().match(text, mention.end) or _dates_the_noun_before(before):
            found.append((mention.start, period))
    # A bare year before the noun: "the 1998 earthquake", "Norland's devastating 1998 earthquake".
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
    return sorted(found, key=lambda item: item[0])




def _dates_the_noun_before(before: str) -> bool:
    """The date that follows ``before`` dates the incident noun in it: "the attack on Saturday",
    "strikes near the town on Monday", "collapsed on April 24"; not when a verb of another act
    stands between them ("the rescue at the mill was called off on Tuesday")."""
    match = _before_date().search(before)
    return match is not None and _nothing_else_done(before[match.start():])


def _nothing_else_done(span: str) -> bool:
    """``span`` opens with an incident noun and holds no verb of another act after it ("… was
    called off", "… rose", "… said"), so a date right after it is the incident's."""
    noun = re.match(_noun(), span, re.IGNORECASE)
    gap = span[noun.end() if noun else 0:].lower().split()
    # "the Relief Office said on Sunday": the day of the saying.
    return lexicon.words("aftermath_verbs").isdisjoint(gap) and _speech_forms().isdisjoint(gap)


def said_on(text: str, mention: DateMention) -> bool:
    """A day something was said on: "said on Monday", "told reporters on Monday", "on Monday said"."""
    before = re.split(r"[.,;:!?\n]", text[max(0, mention.start - 40):mention.start])[-1]
    after = re.split(r"[.,;:!?\n]", text[mention.end:mention.end + 20])[0]
    words = re.findall(r"[a-z]+", before.lower())[-3:] + re.findall(r"[a-z]+", after.lower())[:1]
    return bool(set(words) & _speech_forms())


def _lead_date(text: str, published: date | None) -> tuple[int, Period] | None:
    """The first day the lead gives in a sentence about an incident, not one on which something
    was said: "A car bomb killed nine people at the market on Saturday"; failing a day, its
    month: "An air attack … last month that killed dozens" (a follow-up weeks later)."""
    month: tuple[int, Period] | None = None
    for mention in find_dates(text[:LEAD_CHARS], published):
        period = period_of(mention)
        if period is None or mention.precision not in ("day", "week", "month") or said_on(text, mention):
            continue
        if published and period.first > published:
            continue
        opening = max(text.rfind(". ", 0, mention.start), text.rfind("\n", 0, mention.start))
        nouns = list(re.finditer(rf"\b{_noun()}", text[opening + 1:mention.start], re.IGNORECASE))
        if nouns and _nothing_else_done(text[opening + 1 + nouns[-1].start():mention.start]):
            if mention.precision != "month":
                return mention.start, period
            month = month or (mention.start, period)
    return month


@cache
def _speech_forms() -> frozenset[str]:
    forms: set[str] = set()
    for row in lexicon.rows("cues"):
        if len(row) > 2 and row[1] in ("speech", "written"):
            forms.update(form.strip().rstrip("+").lower() for form in row[2].split(","))
    return frozenset(forms)


def dated_elsewhere(text: str, published: date | None, periods: Sequence[Period]) -> bool:
    """True when a statement dates what it says to days outside ``periods`` (its incident's):
    an incident it dates ("Friday's raid") that does not meet them, a plain day ("on March 1")
    further than ``APART_DAYS`` from them, or a month or year before them ("last May"), and
    it names no incident that those dates leave
    undated. A plain day near the incident is more likely one of its days (a rescue the day
    after) than another incident's; "the bomb killed nine, while a blast on February 20 killed
    12" also speaks of an undated incident, most likely its article's, and stays (the other
    count is left out of the figures by ``counts_elsewhere``)."""
    if not periods:
        return False
    own = _incident_dates(text, published)
    if any(p.meets(q) for _, p in own for q in periods):
        return False
    dated_at = {at for at, _ in own}
    outside = len(own)
    for mention in find_dates(text, published):
        period = period_of(mention)
        if period is None or mention.start in dated_at or said_on(text, mention):
            continue
        # A plain day within a few days of the incident is more likely one of its days; a past
        # month or year ("Last May, the company cut 174 jobs") dates something else, but not a
        # week to come ("notices go out next week") nor a running period ("since 2010").
        if mention.precision != "day" and (mention.precision not in ("month", "year")
                                           or mention.text.lower().startswith("since")
                                           or any(period.last >= q.first for q in periods)):
            continue
        if all(period.days_from(q) > APART_DAYS for q in periods):
            outside += 1
    if not outside:
        return False
    return len(_named_incidents().findall(text)) <= outside


@cache
def _named_incidents() -> re.Pattern[str]:
    # An incident the statement speaks of: "the bomb", "a blast", "a joint operation" (not the
    # verbs "killing several", "attacked a base").
    return re.compile(rf"\b(?:the|a|an|this|that|its|their|his|her)\s+(?:[\w-]+\s+)?{_noun()}", re.IGNORECASE)


# A clause ends at a sentence stop or where a second claim starts: "..., while officials put it at ten".
_CLAUSE_BREAK = re.compile(r"[.;!?](?:\s|$)|\n|,?\s+(?:while|whereas|but|compared with|after)\s")
# Words that make a month or a year a running total rather than the incident's date.
_RUNNING = ("this ", "since ", "so far")


def counts_elsewhere(text: str, start: int, end: int, published: date | None, periods: Sequence[Period]) -> bool:
    """True when the count at ``text[start:end]`` is dated, in its own clause, to days other than
    its incident's ``periods`` ("the 13,000 jobs cut last year", "in 1993") or is a running total
    ("bringing the number killed this month to 40", "since January"): not this incident's figure."""
    opening = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    closing = _CLAUSE_BREAK.search(text, end)
    clause = text[opening:closing.start() if closing else len(text)]
    at = (start - opening, end - opening)
    dated = [(m, p) for m in find_dates(clause, published)
             if (p := period_of(m)) is not None and not said_on(clause, m)]
    if not dated:
        return False
    # The date nearest the count is the one it goes with: "today marked two years since the
    # June 3, 2016 bombing, which killed over 300" counts the bombing's dead.
    mention, period = min(dated, key=lambda mp: min(abs(mp[0].start - at[1]), abs(at[0] - mp[0].end)))
    if mention.precision in ("month", "year") and mention.text.lower().startswith(_RUNNING):
        # "killed 12 people, bringing the number killed this month to 40": the 12 is the incident's
        return "," not in clause[min(at[1], mention.end):max(at[0], mention.start)]
    if mention.precision == "day":
        return bool(periods) and all(period.days_from(p) > APART_DAYS for p in periods)
    return bool(periods) and not any(period.meets(p) for p in periods)


# --- articles ------------------------------------------------------------------------------


@lru_cache(maxsize=5000)
def read_article(source_id: int, title: str | None, text: str, published: date | None,
                 normalizer: Normalizer) -> Article:
    """The names an article is about and the day it dates its incident to. Remembered: a long
    running process (the API) groups again after each new article without reading the rest again."""
    text = without_captions(text)
    head = f"{title}.\n{text}" if title else text
    # A month or a year named further down is background more often than the story's day ("the
    # earlier collision that happened in May"): only the lead dates the story that loosely.
    # A year ago or more is a comparison or a past incident ("the deadliest since the 1998 disaster"):
    # news reports what is happening now.
    dated = [(at, period) for at, period in _incident_dates(head, published)
             if (at < LEAD_CHARS or period.last - period.first <= _WEEK)
             and (published is None or (published - period.last).days < PAST_DAYS)]
    # The lead says what the article reports: a date next to an incident noun there, else the
    # first day of an incident sentence there, else a date next to an incident noun further on.
    lead = _lead_date(head, published)
    if lead and (not dated or dated[0][0] >= LEAD_CHARS):
        dated.insert(0, lead)
    common = _common_names(normalizer)
    counts: Counter[str] = Counter()
    for token, named in normalizer.analyse(text[:NAMES_CHARS]):
        if named and not token[0].isdigit() and len(token) > 1 and token not in common:
            counts[token] += 1
    # The lead names what the article reports as surely as the headline does.
    for token, named in normalizer.analyse(text[:LEAD_CHARS]):
        if named and token in counts:
            counts[token] += 1
    # A headline's words are what the article is about when they name something: written with a
    # capital inside the headline, or named in the text ("Dorvasque toll rises").
    for token, named in normalizer.analyse(title or ""):
        if (named or token in counts) and not token[0].isdigit() and len(token) > 1 and token not in common:
            counts[token] += NAME_MENTIONS
    prominent = frozenset(t for t, n in counts.items() if n >= NAME_MENTIONS)
    return Article(source_id, published, dated[0][1] if dated else None, frozenset(counts), prominent)


@cache
def _common_names(normalizer: Normalizer) -> frozenset[str]:
    """Capitalised words that name no incident: days, months, titles ("Minister", "Monday")."""
    words = [*months(), *WEEKDAYS, *(w for line in lexicon.lines("titles") for w in line.split("=")[0].split())]
    return frozenset(t for w in words for t in normalizer.tokens(w))


def _alike(a: str, b: str) -> bool:
    """One name: the same, a name and its demonym ("Chile" and "Chilean", "Albania" and "Albanian"),
    or two spellings of it (the consonant skeleton of ``skeleton`` and 70 % alike)."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= 4 and len(long) - len(short) <= 3 and long.startswith(short[:-1]) and short[:4] == long[:4]:
        return True
    if len(short) < 4 or skeleton(a) != skeleton(b):
        return False
    from rapidfuzz import fuzz  # loaded here: detection imports this module for every `add`

    return fuzz.ratio(a, b) >= SPELLING_SIMILARITY


@lru_cache(maxsize=50_000)
def skeleton(name: str) -> str:
    """Spellings of one name meet: vowels, h, w and y dropped, q and g read as k, doubles single
    (Makhmour and Makhmur, Qasrok and Qasruk, Dorvask and Dorvasque)."""
    letters = re.sub(r"[^a-z]", "", fold(name))
    bones = re.sub(r"[aeiouhwy]", "", letters).replace("q", "k").replace("g", "k")
    bones = re.sub(r"(.)\1+", r"\1", bones)
    return bones if len(bones) >= 3 else letters


@lru_cache(maxsize=50_000)
def _block(name: str) -> str:
    return skeleton(name)[:3]


def shared_names(a: Article, b: Article) -> set[str]:
    """The names two articles both mention (a's spelling), a name and its demonym counted once."""
    shared: set[str] = set()
    for x in sorted(a.names, key=len):
        if _in(x, b.names) and not _in(x, frozenset(shared)):
            shared.add(x)
    return shared


def _in(name: str, names: frozenset[str]) -> bool:
    return name in names or any(_alike(name, other) for other in _by_block(names).get(_block(name), ()))


@lru_cache(maxsize=4096)
def _by_block(names: frozenset[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name in names:
        out.setdefault(_block(name), []).append(name)
    return out


def same_incident(a: Article, b: Article) -> bool:
    """Two articles about one incident: names in common, one of them prominent, and days that meet."""
    shared = shared_names(a, b)
    if len(shared) < SHARED_NAMES:
        return False
    # One of them is what both articles are about: a shared headline name or a repeated one.
    if not any(_in(x, a.prominent) and _in(x, b.prominent) for x in shared):
        return False
    days_a, days_b = a.days, b.days
    if days_a is None or days_b is None:
        return True  # neither published date nor a dated incident: the names decide
    return days_a.meets(days_b)


def group_articles(articles: Sequence[Article]) -> list[list[Article]]:
    """Articles chained into incidents, the way statements are.

    Articles that date their incident chain first. An article that dates nothing never links two
    incidents: it joins the one it shares most names with among those its days meet; only
    articles that meet no dated incident chain among themselves (a story whose copy never dates
    it, as a disappearance reported over two weeks)."""
    dated = [a for a in articles if a.period is not None]
    clusters = _chain(dated)
    alone: list[Article] = []
    for article in (a for a in articles if a.period is None and a.published is not None):
        if not _join_best(article, clusters):
            alone.append(article)
    clusters.extend(_chain(alone))
    for article in (a for a in articles if a.period is None and a.published is None):
        if not _join_best(article, clusters):
            clusters.append([article])
    return clusters


class Chains:
    """Items chained by links, the way an incident's reports are (union-find over int ids)."""

    def __init__(self, ids: Iterable[int]) -> None:
        self.parent = {i: i for i in ids}

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def _chain(articles: Sequence[Article]) -> list[list[Article]]:
    chains = Chains(range(len(articles)))
    find = chains.find
    # Compare only articles where one mentions a name the other is about.
    holders: dict[str, list[int]] = {}
    for i, article in enumerate(articles):
        for name in article.prominent:
            holders.setdefault(_block(name), []).append(i)
    for i, a in enumerate(articles):
        candidates = {j for name in a.names for j in holders.get(_block(name), ()) if j != i}
        for j in sorted(candidates):
            if find(i) != find(j) and same_incident(a, articles[j]):
                chains.join(i, j)
    groups: dict[int, list[Article]] = {}
    for i, article in enumerate(articles):
        groups.setdefault(find(i), []).append(article)
    return list(groups.values())


def _latest(cluster: Sequence[Article]) -> date:
    return max((a.period.last for a in cluster if a.period), default=date.min)


def _join_best(article: Article, clusters: list[list[Article]]) -> bool:
    """Put an undated article in the incident it shares most names with, if any fits; between
    equals, the latest: a reaction follows the incident it reacts to."""
    blocks = {_block(name) for name in article.names}
    scores = [max(((len(shared_names(article, other)), _latest(cluster)) for other in cluster
                   if not blocks.isdisjoint(_by_block(other.prominent)) and same_incident(article, other)),
                  default=(0, date.min)) for cluster in clusters]
    best = max(range(len(clusters)), key=lambda k: scores[k], default=None)
    if best is None or scores[best][0] == 0:
        return False
    clusters[best].append(article)
    return True


def incident_periods(articles: Sequence[Article]) -> list[Period]:
    """The days an incident's articles date it to (those that date it)."""
    return [a.period for a in articles if a.period is not None]
