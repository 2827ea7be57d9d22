"""The outlet's own reports: dated event sentences, figures of the story stated as fact, and
reports that something has not happened, that nobody else is credited with."""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date
from functools import cache

from ..models import Speaker
from ..text import DateMention, find_quantities, fold
from ..text import lexicon as lexicons
from ..text.captions import is_credit, is_uncredited_caption
from ..text.tokens import copy_tokens
from .extracted import Extracted, context_of, mention_start, place_in
from .grammar import content_end, first_content_token
from .lexicon import DETERMINERS, data_lines, word_set
from .sentences import Copy, Sentence, Span

# How many sentences of running copy open an article: its lead, where a figure the outlet states
# is the story's own claim; further down a figure is more often a detail or background.
LEAD = 3
# A day further back than this before publication is another incident's, told as background.
BACKGROUND_DAYS = 31


@cache
def _background_opener() -> re.Pattern[str]:
    openers = sorted(data_lines("background_openers.txt"), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(o) for o in openers) + r")\b")


def outlet_reports(
    copy: Copy, statements: list[Extracted], mentions: list[DateMention], outlet: str | None,
    published: date | None = None, headline: str | None = None,
) -> list[Extracted]:
    """Sentences nobody else is credited with that report a dated event, a figure of the story
    (``story_figure``) or that something has not happened, and the article's headline: the
    outlet's own reports.

    ``statements`` are those already credited to somebody; ``mentions`` the dates in the copy;
    ``published`` the day the copy came out; ``headline`` the article's, as the outlet gave it.
    """
    text, sentences, quotes = copy.text, copy.sentences, copy.quotes
    starts = [s.start for s in sentences]
    covered: dict[int, int] = {}  # sentence -> where the first statement or frame in it starts
    said_from: dict[int, int] = {}  # sentence -> where the first statement's words in it start
    for s in statements:
        for x, y in ((s.start, s.end), (s.speaker_phrase_start or s.start, s.cue_end or s.end)):
            i = max(0, bisect_left(starts, x) - 1)
            while i < len(sentences) and sentences[i].start < y:
                if x < sentences[i].end:
                    covered[i] = min(covered.get(i, x), x)
                    if x == s.start:
                        said_from[i] = min(said_from.get(i, x), x)
                i += 1
    opens = [q.open for q in quotes]
    mention_starts = [m.start for m in mentions]
    past = word_set("past_verbs")
    speaker = outlet_speaker(outlet)
    # Undated claims (the lead, a figure, a hedge) are the outlet's only when it is named: a
    # draft checked against the record has none, and its lead is no outlet's statement.
    named = outlet is not None
    reports = []
    headline_paragraph = _headline_paragraph(copy, covered, headline) if named else None
    body = 0  # sentences of running copy so far: headlines and captions are not counted
    for number, sentence in enumerate(sentences):
        a, b = sentence.start, sentence.end
        caption = _captioned(text, a, b)
        body += not (sentence.headline or caption)
        limit = len(sentence.tokens)
        if number in covered:
            negative = None if sentence.quotes else negative_report(sentence)
            if negative is not None and negative.end <= said_from.get(number, b):
                # "Avell did not issue a denial, but suggested the report was wrong": what the
                # outlet says Avell did not do is its report, what Avell suggested is Avell's.
                reports.append(sentence_statement(copy, sentence, negative, speaker, mentions))
                continue
            # "The figure differs from first accounts of the raid, with the Relief Council
            # saying that …": the clause before the credited one is the outlet's.
            clause = _WITH_CLAUSE.search(text, a, max(a, covered[number]))
            if clause is None or sentence.quotes:
                continue
            b, limit = clause.start(), sentence.index_at(clause.start())
        if not sentence.tokens:
            continue
        first = first_content_token(sentence)
        start = sentence.tokens[first].start
        if sentence.paragraph == headline_paragraph:
            if sentence.start == copy.paragraphs[sentence.paragraph].start:
                # What the outlet says the story is, in its own words: an editor checks a headline
                # against the sources as much as any sentence ("Toll hits 1,500" when 1,500 was a
                # forecast). Read whole, though a semicolon or a colon may cut it in two.
                whole = copy.paragraphs[sentence.paragraph]
                reports.append(sentence_statement(copy, sentence, Span(start, whole.end), speaker, mentions))
            continue
        if sentence.quotes and not _scare_quotes_only(sentence):
            continue
        inside = bisect_left(opens, a) - 1
        if (inside >= 0 and quotes[inside].end > a) or "?" in text[a:b]:
            continue
        negative = negative_report(sentence) if limit == len(sentence.tokens) else None
        if negative is not None:
            reports.append(sentence_statement(copy, sentence, negative, speaker, mentions))
            continue
        learned = _OUTLET_LEARNED.match(text, start, b) if named else None
        if learned and _names_outlet(learned.group("who"), outlet or ""):
            # "The Ledger understands the minister will resign": the outlet's own report of what it learned.
            reports.append(sentence_statement(copy, sentence, Span(learned.start("what"), content_end(sentence)),
                                              speaker, mentions))
            continue
        if _background_opener().match(text, start, b) or _long_before(mentions, mention_starts, start, b, published):
            continue
        if caption:
            continue  # "Relatives gather at a burial … / Wire": a photo's caption, not a report
        words = sentence.lower[first:limit]
        modal = ("would", "could", "may", "might", "will", "should")
        # A modal of the main clause makes it a forecast; one in a clause after "that" does not
        # ("X is dismissing a report that it could cut 110,000 jobs").
        main = next((k for k in range(first, limit) if sentence.lower[k] in ("that", "which", "who")), limit)
        if len(words) < 6 or any(t.text in modal for t in sentence.tokens[first:main]):  # "May" is a month
            continue
        if any(_credits(sentence, i) for i in range(first, limit)):
            continue  # somebody is credited: not the outlet's own word
        end = content_end(sentence) if limit == len(sentence.tokens) else b
        if named and body <= LEAD and end == content_end(sentence) and story_figure(
            copy, sentence, start, mentions, mention_starts
        ):
            report = sentence_statement(copy, sentence, Span(start, end), speaker, mentions)
            credited = _figure_credited_next(copy, number, statements)
            if credited is not None:
                report.speaker, report.kind = credited.speaker, "reported"
            reports.append(report)
            continue
        verbs = [
            i for i, w in enumerate(words)
            if i > 0 and ((w in past) or (w.endswith("ed") and len(w) > 4 and words[i - 1] not in DETERMINERS)
                          or (w.endswith("ing") and words[i - 1] in ("is", "are")))  # "Avell is dismissing …"
        ]
        if not verbs:
            continue
        # The lead states the story as the outlet tells it; "reportedly" is the outlet's own hedge.
        # Either is a sentence of running copy: on one line, with its full stop (not a page's
        # headline, date and caption run together).
        hedged = any(w in _HEDGES for w in words)
        running = "\n" not in text[start:end] and text[end:b].strip()[:1] in (".", "!")
        if (named and running and (body == 1 or hedged)) or _day_dates(mentions, start, b):
            reports.append(sentence_statement(copy, sentence, Span(start, end), speaker, mentions))
    return reports


# What an editor notes after an outlet's name: the wire or site it came through, "(Wire)",
# "(copy on example.org)", "(Calcutta)".
_OUTLET_NOTE = re.compile(r"\s*\([^()]*\)\s*$")


def outlet_speaker(outlet: str | None) -> Speaker:
    """The outlet as the speaker of its own reports: "The Varno Post (Wire)" is The Varno Post, named
    so under every article of its, the outlet as given kept as an alias."""
    if outlet is None:
        return Speaker(name="the outlet", kind="organisation")
    name = outlet.strip()
    while (bare := _OUTLET_NOTE.sub("", name)) and bare != name:
        name = bare
    return Speaker(name=name, kind="organisation", aliases=[outlet.strip()] if name != outlet.strip() else [])


def _scare_quotes_only(sentence: Sentence) -> bool:
    """The sentence's quote marks only set off a few words of the writer's ("officials are trying
    to “calm the streets” after …"): no quoted statement."""
    return all(q.close is not None and q.open > sentence.start
               and len(sentence.text[q.inner_start:q.inner_end].split()) <= 4 for q in sentence.quotes)


def _figure_credited_next(copy: Copy, number: int, statements: list[Extracted]) -> Extracted | None:
    """The statement in the next sentence that announces "the toll" the sentence at ``number``
    gave as fact ("Up to 60 died in the floods. The governor announced the provisional toll on Monday,
    …"): the figure is that speaker's."""
    if number + 1 >= len(copy.sentences):
        return None
    after = copy.sentences[number + 1]
    nouns = word_set("figure_nouns")
    for statement in statements:
        if not after.start <= statement.start < after.end or statement.kind == "quote":
            continue
        words = [t.low for t in copy_tokens(copy.text, statement.content_start or statement.start, statement.end)]
        noun = next((i for i in range(1, min(4, len(words))) if words[i] in nouns), None)
        # The figure named and nothing said of it ("the toll, saying …"), not "the toll has risen".
        if words[:1] == ["the"] and noun is not None and words[noun + 1 : noun + 2] in ([], [","], ["on"], ["to"]):
            return statement
    return None


# What an outlet says it has learned: "The BBC understands (that) …", "Ledger has learned …".
_OUTLET_LEARNED = re.compile(
    r"(?:The\s+)?(?P<who>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s+(?:understands|has\s+learned|has\s+learnt|"
    r"can\s+reveal|has\s+been\s+told)\s+(?:that\s+)?(?P<what>\S)"
)


def _names_outlet(who: str, outlet: str) -> bool:
    """"The BBC" for the outlet "BBC News", "The Post" for "The Varno Post": the outlet names itself."""
    words, named = fold(who).split(), fold(outlet).replace("the ", " ").split()
    return bool(words) and words in (named[: len(words)], named[-len(words):])


def _headline_paragraph(copy: Copy, covered: dict[int, int], headline: str | None) -> int | None:
    """The paragraph that is the article's headline, when nobody is credited with any of it and it
    says something (three words or more)."""
    if not headline:
        return None
    wanted = " ".join(fold(headline).split())
    for number, (a, b) in enumerate(copy.paragraphs):
        if " ".join(fold(copy.text[a:b]).split()) == wanted:
            sentences = [i for i, s in enumerate(copy.sentences) if s.paragraph == number]
            if any(i in covered for i in sentences) or len(wanted.split()) < 3:
                return None
            return number
    return None


def _captioned(text: str, start: int, end: int) -> bool:
    """The sentence at ``start``–``end`` is a photo caption: a credit ends its line, stands on a
    line of its own in it, or on the short line right after it; or its line stops, with no full
    stop, on the picture's date."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    candidates = [text[start:end]]  # "Photograph: Str/Wire" read as a sentence of its own
    lines = text[start:line_end].split("\n")
    for line in lines:
        if len(lines) > 1:
            candidates.append(line)  # a line of its own inside the sentence
        tail = re.split(r"[.!?]\s", line)[-1]  # "… May 4, 2021. / Wire", read as one sentence
        if tail != line:
            candidates.append(tail)
    # The next line found in place: slicing off the rest of the text made this quadratic.
    next_start = line_end
    while text.startswith("\n", next_start):
        next_start += 1
    next_end = text.find("\n", next_start)
    after = text[next_start : len(text) if next_end < 0 else next_end]
    if len(after) <= 80:
        candidates.append(after)
    own_line = text[text.rfind("\n", 0, start) + 1:line_end]
    return is_uncredited_caption(own_line) or any(is_credit(line) for line in candidates)


# ", with the Relief Council saying that …" right before a credited statement: the clause before
# the comma is the outlet's own.
_WITH_CLAUSE = re.compile(r",\s+with\s+$")
# A count after one of these is told in a clause that describes something else ("X is urging
# calm over a fever that has killed 20 people"): not what the sentence reports.
_RELATIVE = re.compile(r"\b(?:that|which|who|whose)\b", re.IGNORECASE)
# Adverbs by which the outlet reports what it has not confirmed: "the minister was reportedly questioned".
_HEDGES = frozenset(("reportedly", "allegedly", "purportedly"))
_BE = frozenset("is are was were be been being".split())


def _credits(sentence: Sentence, i: int) -> bool:
    """A cue at token i credits somebody with the sentence. A written cue does not ("the report
    was published"), nor one of belief, which is never recorded as anybody's statement ("…, and to
    fears that no one can be sure"), nor a passive with nobody named ("88 people are
    believed to have died", "he is said to be"): that is the outlet's hedge."""
    found = sentence.cue_at(i)
    if found is None or found.cue.category in ("written", "cognition"):
        return False
    lower = sentence.lower
    after = lower[found.last + 1 : found.last + 2]
    return not (i > 0 and lower[i - 1] in _BE and after == ["to"])


def _long_before(
    mentions: list[DateMention], starts: list[int], start: int, end: int, published: date | None
) -> bool:
    """A day named between ``start`` and ``end`` lies more than ``BACKGROUND_DAYS`` before
    ``published``: an earlier incident told as background ("On 3 May 2012 a gunman killed seven
    people")."""
    chosen = mentions[bisect_left(starts, start) : bisect_left(starts, end)]
    return published is not None and any(
        m.precision == "day" and m.value and (published - m.value).days > BACKGROUND_DAYS for m in chosen
    )


def story_figure(
    copy: Copy, sentence: Sentence, start: int, mentions: list[DateMention], mention_starts: list[int]
) -> bool:
    """The sentence states as fact how many people something happened to in the story ("Up to
    300 people died in the fire"; "More than 40 workers were injured"), in the article's lead: a
    count with its role
    (killed, wounded, missing ...), given as a figure ("dozens" is no figure), not a running
    total ("bringing the number killed this year to 40"), a superseded or an expected figure.
    Left out: a caption or headline (no full stop), and a sentence dated to a month or a year
    (background: "after cutting 7,000 jobs in 2011")."""
    if sentence.headline or not copy.text[start : sentence.end].rstrip().endswith((".", "!")):
        return False
    dates = mentions[bisect_left(mention_starts, start) : bisect_left(mention_starts, sentence.end)]
    if any(m.precision in ("month", "year") for m in dates):
        return False
    text = copy.text[start : sentence.end]
    return any(
        q.role and not (q.vague or q.cumulative or q.earlier or q.forecast)
        and not _RELATIVE.search(text, 0, q.start)
        for q in find_quantities(text)
    )


def sentence_statement(
    copy: Copy, sentence: Sentence, span: Span, speaker: Speaker, mentions: list[DateMention],
    kind: str = "report", confidence: float = 0.6,
) -> Extracted:
    """A statement credited by no frame of its own: the outlet's report, or a sentence of a
    statement set out without quote marks."""
    start, end = span
    dated = _day_dates(mentions, start, end)
    return Extracted(
        text=copy.text[start:end],
        kind=kind,
        cue=None,
        confidence=confidence,
        start=start,
        end=end,
        speaker=speaker,
        speaker_start=None,
        speaker_end=None,
        said_on=None,
        event_date=dated[0].value if dated else None,
        place=place_in(copy.text[start:end]),
        context=context_of(copy.text, copy.paragraphs[sentence.paragraph], sentence),
    )


def _day_dates(mentions: list[DateMention], start: int, end: int) -> list[DateMention]:
    """The dates to the day between ``start`` and ``end``."""
    chosen = mentions[bisect_left(mentions, start, key=mention_start) : bisect_left(mentions, end, key=mention_start)]
    return [m for m in chosen if m.precision == "day" and m.value]


@cache
def _negative_words() -> dict[str, frozenset[str]]:
    """data/negative_reports.tsv: role (noun, who, verb) -> its words."""
    roles: dict[str, set[str]] = {}
    for word, role in lexicons.rows("negative_reports"):
        roles.setdefault(role, set()).add(word.lower())
    return {role: frozenset(words) for role, words in roles.items()}


_ON_HOLD = ("yet", "immediately", "publicly", "officially", "so", "far", "has", "have", "had")
_SUBORDINATORS = ("while", "although", "though", "as", "but", "and", "since", "because", "whereas")


def negative_report(sentence: Sentence) -> Span | None:
    """The clause in which the outlet reports that something has not happened: "there was no
    immediate claim of responsibility", "no group has claimed the attack", "the group has not
    commented", "…, which has yet to comment". A clause opened by "which" or "who" keeps the
    sentence's start, so that it says who has not commented."""
    lower, tokens = sentence.lower, sentence.tokens
    words = _negative_words()
    nouns, who, verbs = words.get("noun", frozenset()), words.get("who", frozenset()), words.get("verb", frozenset())
    n = len(tokens)

    def verb_after(k: int) -> bool:
        while k < n and lower[k] in _ON_HOLD:
            k += 1
        return k < n and lower[k] in verbs

    for i, word in enumerate(lower):
        if sentence.quoted[i]:
            continue
        found = False
        if word == "no" and "there" in lower[max(0, i - 3) : i] and lower[i - 1] in ("is", "was", "were", "been"):
            found = any(w in nouns for w in lower[i + 1 : i + 4])  # "there was no (immediate) claim"
        elif word in ("no", "nobody") and i + 1 < n:
            subject = i + 1 if word == "no" else i
            subject += next((d for d in range(3) if subject + d < n and lower[subject + d] in who), 3)
            found = subject < n and (lower[subject] in who or word == "nobody") and verb_after(subject + 1)
        elif word in ("not", "n't", "n’t") and i > 0 and lower[i - 1] in ("has", "have", "had", "did", "does", "do"):
            found = verb_after(i + 1)  # "has not (yet) commented"
        elif word == "yet" and i > 0 and lower[i - 1] in ("has", "have", "had") and lower[i + 1 : i + 2] == ["to"]:
            found = verb_after(i + 2)  # "has yet to comment"
        if found:
            return _clause_around(sentence, i)
    return None


def _clause_around(sentence: Sentence, i: int) -> Span:
    """The clause that holds token i: between the commas, semicolons or conjunctions around it."""
    lower, tokens, text = sentence.lower, sentence.tokens, sentence.text
    first = first_content_token(sentence)

    def pause(k: int) -> bool:
        return tokens[k].text in (",", ";") and text[tokens[k].end : tokens[k].end + 1] == " "

    a = i
    while a > first and not pause(a - 1):
        a -= 1
    if lower[a] in ("which", "who"):
        a = first  # "the group, which has not commented": the sentence says who
    elif lower[a] in _SUBORDINATORS and a + 1 < i:
        a += 1
    b = i
    while b + 1 < len(tokens) and not pause(b + 1) and lower[b + 1] not in ("but", "though", "although"):
        b += 1
    end = min(tokens[b].end, content_end(sentence))
    return Span(tokens[a].start, end)
