"""Text structure: paragraphs, paired quote marks, sentences and their tokens.

A ``Sentence`` also answers which of its tokens start a cue ("said", "according to"), since that
is asked of every token by every later stage.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from ..text.dates import WEEKDAYS, months
from ..text.tokens import Token, copy_tokens
from .lexicon import (
    AUXILIARIES,
    CLOSE_DOUBLE,
    CLOSE_SINGLE,
    CUE_MODIFIERS,
    DETERMINERS,
    OPEN_DOUBLE,
    OPEN_SINGLE,
    PLURALS,
    QUOTE_CHARS,
    SUBJECT_PRONOUNS,
    UNAMBIGUOUS_CUES,
    WRITTEN_MEDIA,
    Cue,
    abbreviation_set,
    cue_lexicon,
)

_INITIALS = re.compile(r"(?:\w\.)+|[A-Z]\.")  # "U.S.", "J.": full stops that are not sentence ends


class Span(NamedTuple):
    """A stretch of the article: ``text[start:end]``."""

    start: int
    end: int


class SentenceSpan(NamedTuple):
    start: int
    end: int
    paragraph: int  # index into the article's paragraphs


class CueMatch(NamedTuple):
    """A cue found at a token: "said", "according to"."""

    form: str  # as written
    cue: Cue
    last: int  # index of its last token (two-word cues span two)


@dataclass
class Quote:
    """A pair of quote marks, or an opening mark left unclosed at the paragraph end."""

    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark, None when the paragraph ends first
    inner_start: int
    inner_end: int
    paragraph: int
    close_len: int = 1  # '' is two characters
    runs_on: bool = False  # unclosed, and the next paragraph opens with a quote mark

    @property
    def end(self) -> int:
        return self.close + self.close_len if self.close is not None else self.inner_end


_BULLET = re.compile(r"[ \t]*[•·▪●◦*-][ \t]")


def paragraph_spans(text: str) -> list[Span]:
    """Blocks between blank lines; a single line break also ends a paragraph after a full stop,
    a closing quote or a headline-length line, so hard-wrapped prose stays whole."""
    spans: list[Span] = []
    for block in re.finditer(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*", text):
        start = block.start()
        lines = list(re.finditer(r"[^\n]+", block.group(0)))
        for i, line in enumerate(lines):
            content = line.group(0).rstrip()
            last = i == len(lines) - 1
            signed = not last and re.match(r"[—–]\s", lines[i + 1].group(0))  # "— Name (@handle)" signs a post
            # A long headline has no full stop; the date line under it ends it all the same.
            dated = not last and is_dateline(lines[i + 1].group(0))
            listed = not last and _BULLET.match(lines[i + 1].group(0))  # "• At least six were hurt": an item
            if last or re.search(r"[.!?:”\"’)]$", content) or len(content) < 60 or signed or dated or listed:
                end = block.start() + line.end()
                if text[start:end].strip():
                    spans.append(strip_span(text, start, end))
                start = block.start() + line.end() + 1
    return _join_introduced(text, _split_date_mark(text, spans))


# "date 2024-08-03 Ana Lind has …": a page saved with its date run into its first line.
_DATE_MARK = re.compile(
    r"(?:date|published|updated|posted):?\s+\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?[ \t]+(?=\S)", re.IGNORECASE
)


def _split_date_mark(text: str, spans: list[Span]) -> list[Span]:
    """The date mark a saved page opens with is a paragraph of its own, not the start of its lead
    (under the headline, when one was put above the copy)."""
    for i, span in enumerate(spans[:2]):
        mark = _DATE_MARK.match(text, span.start)
        if mark is not None and mark.end() < span.end:
            return [*spans[:i], strip_span(text, span.start, mark.end()), Span(mark.end(), span.end), *spans[i + 1:]]
    return spans


# Words a date line may hold besides the date: "Updated: 01 September 2018 06:15 PM GMT".
_DATELINE_WORDS = frozenset(
    "am pm a.m p.m gmt utc bst cet cest est edt pst pdt ist wat eat cat updated published posted "
    "last modified on at".split()
)


def is_dateline(line: str) -> bool:
    """A line that only dates the copy under a headline: "March 03 2021 10:15 AM",
    "Published: Mon 3 Jan 2022", "2019-06-14 10:02 GMT"."""
    words = re.findall(r"[A-Za-z][A-Za-z.]*", line)
    if not re.search(r"\d", line) or len(line) > 60 or len(words) > 6:
        return False
    return all(w.lower().rstrip(".") in _dateline_words() for w in words)


@cache
def _dateline_words() -> frozenset[str]:
    return frozenset(months()) | frozenset(WEEKDAYS) | {w[:3] for w in WEEKDAYS} | _DATELINE_WORDS


def _join_introduced(text: str, spans: list[Span]) -> list[Span]:
    """A paragraph that ends "… said:" or "… said in a statement:" introduces the next one: the
    two are read as one, so that the quote (or the statement set off without marks) on the next
    line has its frame."""
    joined: list[Span] = []
    for span in spans:
        if joined and _introduces(text, joined[-1]):
            joined[-1] = Span(joined[-1].start, span.end)
        else:
            joined.append(span)
    return joined


def _introduces(text: str, span: Span) -> bool:
    if not text[span.start : span.end].endswith(":"):
        return False
    tail = [t.low for t in copy_tokens(text, span.start, span.end)][-12:-1]
    cues = cue_lexicon()
    return any((w in cues and cues[w].category != "cognition") or w in WRITTEN_MEDIA for w in tail)


def strip_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True  # don’t, Region’s
    if after.isalnum() and before.isspace() and re.match(r"\w{1,2}\b", text[i + 1 : i + 4]):
        return text[i + 1 : i + 3].lower() in ("em", "tw", "n ", "s ") or text[i + 1 : i + 3].isdigit()
    return False


_MARK = re.compile(r"[“”„«»‘’‹›\"']")


def find_quotes(text: str, paragraphs: list[Span]) -> list[Quote]:
    """Pair quote marks paragraph by paragraph. Double marks (“ ”, ", and '' as some papers set
    them) carry statements; single marks do only when the copy has no double marks at all."""
    doubles = any(ch in text for ch in OPEN_DOUBLE + CLOSE_DOUBLE + '"') or "''" in text
    quotes: list[Quote] = []
    continued: set[int] = set()  # paragraphs inside a quote that runs on without opening marks
    for number, (p_start, p_end) in enumerate(paragraphs):
        open_at: int | None = None
        open_len = 1
        depth = 0
        if number in continued:
            open_at, open_len, depth = p_start, 0, 1
        i = p_start
        while i < p_end:
            mark = _MARK.search(text, i, p_end)  # jump from mark to mark: the rest is words
            if mark is None:
                break
            i = mark.start()
            ch = text[i]
            width = 1
            if doubles and open_at is not None and text.startswith("'''", i):
                i += 1  # an inner single mark closing together with the outer pair
                continue
            if doubles and text.startswith("''", i):
                ch, width = '"', 2
            if ch in OPEN_DOUBLE and open_at is not None and depth == 1 and _closes(text, i, p_end):
                ch = "”"  # “…,“ said X: an opening mark typed where the closing one belongs
            if doubles:
                if ch in OPEN_DOUBLE or (ch == '"' and open_at is None):
                    if ch == '"' and not _can_open(text, i, p_end, width):
                        i += width
                        continue
                    if open_at is None:
                        open_at, open_len, depth = i, width, 1
                    elif ch != '"':
                        depth += 1  # a stray second opening mark: wait for two closings
                elif (ch in CLOSE_DOUBLE or ch == '"') and open_at is not None:
                    depth -= 1
                    if depth <= 0:
                        quotes.append(Quote(open_at, i, open_at + open_len, i, number, close_len=width))
                        open_at = None
            else:
                if ch in OPEN_SINGLE or (ch == "'" and open_at is None):
                    if not _is_apostrophe(text, i) and _can_open(text, i, p_end) and open_at is None:
                        open_at, open_len = i, 1
                elif (ch in CLOSE_SINGLE or ch == "'") and open_at is not None:
                    if not _is_apostrophe(text, i):
                        quotes.append(Quote(open_at, i, open_at + 1, i, number))
                        open_at = None
            i += width
        comma = _frame_inside(text, open_at, p_end) if open_at is not None and doubles else None
        if open_at is not None and comma is not None:
            # “We have confirmed 84 dead, police official Ali Omar told AFP. — the closing mark
            # left out: the quote ends at the comma before the frame.
            quotes.append(Quote(open_at, comma + 1, open_at + open_len, comma + 1, number, close_len=0))
        elif open_at is not None:
            inner_end = strip_span(text, open_at + open_len, p_end)[1]
            quote = Quote(open_at, None, open_at + open_len, inner_end, number)
            following = paragraphs[number + 1][0] if number + 1 < len(paragraphs) else None
            quote.runs_on = following is not None and text[following] in OPEN_DOUBLE + OPEN_SINGLE + "\"'"
            if doubles and not quote.runs_on and number not in continued:
                closing = _closed_later(text, paragraphs, number)
                if closing is not None:
                    continued.update(range(number + 1, closing + 1))
            quote.runs_on = quote.runs_on or number + 1 in continued
            quotes.append(quote)
    return quotes


def _frame_inside(text: str, start: int, end: int) -> int | None:
    """In a quote left open to its paragraph's end: the comma before a frame that ends the
    paragraph (", police official Ali Omar told AFP."), or None."""
    for match in _frame_at_end().finditer(text, start, end):
        if not text[match.end() : end].strip():
            return match.start()
    return None


@lru_cache(maxsize=1)
def _frame_at_end() -> re.Pattern[str]:
    """", <up to six words> <cue> <up to three words>." at a paragraph's end."""
    spoken = (f for f, c in cue_lexicon().items() if c.category in ("speech", "written"))
    forms = sorted(spoken, key=len, reverse=True)
    cue = "|".join(re.escape(f) for f in forms)
    verbs = "|".join(sorted(AUXILIARIES | {"and", "but", "or", "that", "which", "who"}))
    word = rf"(?!(?:{verbs})\b)[\w.’'-]+,?\s+"  # the speaker's words, not a clause's
    return re.compile(rf",\s+(?:{word}){{1,6}}(?:{cue})(?:\s+[\w’'-]+){{0,3}}\s*\.")


def _closed_later(text: str, paragraphs: list[Span], number: int) -> int | None:
    """A quote left open at the end of paragraph ``number`` that some papers close only at the end
    of the statement, paragraphs later, with no opening mark in between: the paragraph whose first
    mark closes it, when every paragraph before that has no mark at all."""
    for later in range(number + 1, min(len(paragraphs), number + 8)):
        a, b = paragraphs[later]
        mark = re.search(r"[“”\"]", text[a:b])
        if mark is None:
            continue
        i = a + mark.start()
        closes = text[i] == "”" or (text[i] == '"' and not _can_open(text, i, b))
        return later if closes else None
    return None


def _closes(text: str, i: int, limit: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < limit else " "
    return not before.isspace() and (after.isspace() or after in ",.;:")


def _can_open(text: str, i: int, limit: int, width: int = 1) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < limit else " "
    return not after.isspace() and (not before.isalnum() or before in "([{—–-")


def sentence_spans(text: str, paragraphs: list[Span], quotes: list[Quote]) -> list[SentenceSpan]:
    """Where each sentence is; never split inside a quote."""
    abbreviations = abbreviation_set()
    inside = [(q.open, q.end) for q in quotes]
    sentences: list[SentenceSpan] = []
    qi = 0
    for number, (p_start, p_end) in enumerate(paragraphs):
        start = p_start
        # A full stop run into the next sentence ("… told reporters.Holt also said …"), as copy
        # taken from a web page often has it, ends the sentence too; "U.S.", "Amazon.com" do not.
        boundaries = (r"[.!?…]+[”’\"')\]]*(?=\s+[“‘\"'(\[]{0,2}[A-Z0-9])|;(?=\s)"
                      r"|(?<=[a-z]{3})\.(?=[A-Z][a-z]+\s|[A-Z]{2,6}\s)")
        for match in re.finditer(boundaries, text[p_start:p_end]):
            cut = p_start + match.end()
            while qi < len(inside) and inside[qi][1] <= cut - 1:
                qi += 1
            if any(a < cut - 1 < b - 1 for a, b in inside[max(0, qi - 2) : qi + 2]):
                continue
            closes_quote = text[cut - 1] in CLOSE_DOUBLE + CLOSE_SINGLE + "\"'"
            frame = _frame_follows().match(text, cut) if closes_quote else None
            # “… OK?” Trump said. — the frame belongs with its quote; after a full stop only when the
            # frame ends there (“… anything.” She said her staff … starts a sentence of its own).
            if frame and (match.group(0)[0] != "." or re.match(r"\s*[.,;]|\s+(?:in|on|at)\s", text[frame.end() :])):
                continue
            word = re.search(r"\S+$", text[start : p_start + match.start() + 1])
            token = word.group(0) if word else ""
            token = token.lstrip("“‘\"'(")
            if token in abbreviations or re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]?\.", token):
                continue
            if not text[cut : cut + 1].isspace() and re.search(r"[./@:]", token[:-1]):
                continue  # "www.example.Com": an address, not two sentences
            sentences.append(SentenceSpan(*strip_span(text, start, cut), number))
            start = cut
        if text[start:p_end].strip():
            sentences.append(SentenceSpan(*strip_span(text, start, p_end), number))
    return sentences


@lru_cache(maxsize=1)
def _frame_follows() -> re.Pattern[str]:
    """A capitalised speaker of up to five words and a cue: "Trump said", "Mr. Ali added"."""
    forms = sorted((f for f, c in cue_lexicon().items() if c.category != "cognition"), key=len, reverse=True)
    return re.compile(
        r"\s+(?:[A-Z][\w.’'-]*,?\s+){1,5}(?:\w+\s+)?(?:" + "|".join(re.escape(f) for f in forms) + r")\b"
    )


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Words and punctuation marks of ``text[start:end]``; a full stop after a word is its own
    token unless the word is an abbreviation or initials ("Col.", "U.S.")."""
    abbreviations = abbreviation_set()
    tokens = []
    for token in copy_tokens(text, start, end):
        word = token.text
        if len(word) > 1 and word.endswith(".") and not (word in abbreviations or _INITIALS.fullmatch(word)):
            a, b = token.start, token.end
            tokens.append(Token(word[:-1], token.low[:-1], a, b - 1))
            tokens.append(Token(".", ".", b - 1, b))
        else:
            tokens.append(token)
    return tokens


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def clean(words: str) -> str:
    return " ".join(words.replace("\u00a0", " ").split())


class Sentence:
    """A sentence as the later stages read it: its tokens, which of them are quoted, its quotes,
    and the cue (if any) that starts at each token."""

    def __init__(
        self, text: str, start: int, end: int, paragraph: int, quotes: list[Quote], opens: list[int]
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.paragraph = paragraph
        self.tokens = tokenize(text, start, end)
        self.starts = [t.start for t in self.tokens]
        self.quotes = quotes[bisect_left(opens, start) : bisect_left(opens, end)]
        self.quote_opens = [q.open for q in self.quotes]
        # Which tokens lie inside a quote: one sweep, quotes and tokens both in text order.
        self.quoted = [False] * len(self.tokens)
        for quote in self.quotes:
            for i in range(bisect_left(self.starts, quote.open), bisect_left(self.starts, quote.end)):
                self.quoted[i] = True
        self.lower = [t.low for t in self.tokens]
        self._cues: dict[int, CueMatch | None] = {}
        self.headline = False  # a line of its own with no full stop: a headline or a subhead
        self.title_case = False  # "Norland Admits Envoy Held At Embassy"

    def read_as_headline(self) -> None:
        """Mark the sentence as a headline; in title case its cue words are capitalised too."""
        self.headline = True
        long_words = [t.text for t in self.tokens if t.text.isalpha() and len(t.text) > 3]
        capitalised = sum(1 for w in long_words if is_capitalised(w))
        self.title_case = len(long_words) >= 3 and capitalised >= 0.8 * len(long_words)
        self._cues.clear()

    def index_at(self, offset: int) -> int:
        """Index of the first token starting at or after offset."""
        return bisect_left(self.starts, offset)

    def next_quote_open(self, offset: int) -> int | None:
        i = bisect_left(self.quote_opens, offset)
        return self.quote_opens[i] if i < len(self.quote_opens) else None

    def cue_at(self, i: int) -> CueMatch | None:
        """The cue starting at token i."""
        if i not in self._cues:
            self._cues[i] = self._cue_at(i)
        return self._cues[i]

    def _cue_at(self, i: int) -> CueMatch | None:
        lexicon = cue_lexicon()
        word = self.tokens[i].text
        if self.quoted[i] or (word[:1].isupper() and self.lower[i] != "according" and not (self.title_case and i)):
            return None  # "Islamic State" is a name, not a cue
        if i + 1 < len(self.tokens):
            pair = f"{self.lower[i]} {self.lower[i + 1]}"
            if pair in lexicon:
                a, b = self.tokens[i].start, self.tokens[i + 1].end
                return CueMatch(self.text[a:b], lexicon[pair], i + 1)
        if self.lower[i] in lexicon and lexicon[self.lower[i]].lemma == "add" and self.lower[i + 1 : i + 2] == ["to"]:
            return None  # "…, adding to doubt (and to fears that …)": adding to something, not speech
        if self.lower[i] in lexicon and not self._noun_use(i) and self._has_medium(i, lexicon[self.lower[i]]):
            return CueMatch(word, lexicon[self.lower[i]], i)
        return None

    def _has_medium(self, i: int, cue: Cue) -> bool:
        """"released a (brief) statement": a cue flagged ``medium`` needs one as its object."""
        return not cue.medium or any(w in WRITTEN_MEDIA for w in self.lower[i + 1 : i + 5])

    @staticmethod
    def _lemma(form: str) -> str:
        return cue_lexicon()[form].lemma if form in cue_lexicon() else form

    def _named_subject_then_clause(self, i: int) -> bool:
        """Token i follows a capitalised name with no determiner before it (or "he", "she", "it"),
        and a clause with its own subject and verb follows it: "Lind predicts the cuts will come"
        (not "the Tarn Council claims … were dropped", "Republican claims were false")."""
        k = i - 1
        while k >= 0 and self.tokens[k].text[:1].isupper() and self.lower[k] not in DETERMINERS:
            k -= 1
        pronoun = i > 0 and self.lower[i - 1] in ("he", "she", "it")  # "he adds the toll could rise"
        if not pronoun and (
            k == i - 1 or (k >= 0 and (self.lower[k] in DETERMINERS or self.lower[k].endswith(("’s", "'s"))))
        ):
            return False
        rest = self.lower[i + 1 : i + 8]
        if not rest or not (rest[0] in DETERMINERS or rest[0][:1].isdigit()):
            return False
        return any(w in AUXILIARIES for w in rest[1:])

    def _noun_use(self, i: int) -> bool:
        """"a recent report", "his claims": a cue form that is a noun here. Past forms ("said",
        "reported") are verbs after a noun, so only present and base forms are checked."""
        low = self.lower[i]
        if low.endswith("ed") or low in UNAMBIGUOUS_CUES or cue_lexicon()[low].figure:
            return False  # a figure cue is checked for its count later ("officials put the toll at ten")
        if self.headline and i > 0:
            # Headlines tell in the present: "Army denies …", "…, admits coalition".
            before = self.lower[i - 1]
            return before in DETERMINERS or before.endswith(("’s", "'s"))
        nxt = self.lower[i + 1] if i + 1 < len(self.tokens) else ""
        if low == self._lemma(low) and not low.endswith("s"):
            # A base form is a verb after "they", "officials", "did", "to"; otherwise a noun
            # ("the comparably cheaper state", "a new report").
            k = i - 1
            while k >= 0 and self.lower[k] in CUE_MODIFIERS - AUXILIARIES:
                k -= 1
            subject = self.lower[k] if k >= 0 else ""
            if not (
                subject in SUBJECT_PRONOUNS | AUXILIARIES | PLURALS | {"to", "not", "n't", "who", "which", "that"}
                or (subject.endswith("s") and not subject.endswith(("’s", "'s", "ss")))
            ):
                return True
        if low.endswith("s") and nxt not in ("that", ":", ",", ".") and nxt not in SUBJECT_PRONOUNS:
            if self._named_subject_then_clause(i):
                return False  # "Lind predicts the cuts will come": a name, the verb, a clause
            if self.tokens[i + 1].text not in QUOTE_CHARS if nxt else False:
                return True  # "swing states", "his claims": plural nouns unless a clause follows
        before = self.lower[i - 1] if i > 0 else ""
        two_before = self.lower[i - 2] if i > 1 else ""
        # "the report estimates that …": a present verb with "that" after a determiner and its noun;
        # "a statement saying …": a participle after a written medium.
        verb_with_that = (low.endswith("s") and nxt == "that") or (low.endswith("ing") and before in WRITTEN_MEDIA)
        # "his allies claim the …": a base form after a plural noun is its verb, not "a new report".
        after_plural = low == self._lemma(low) and before.endswith("s") and not before.endswith("ss")
        return before in DETERMINERS or before.endswith(("’s", "'s")) or (
            two_before in DETERMINERS and before.isalpha() and before.islower()
            and before not in CUE_MODIFIERS and before not in AUXILIARIES and not verb_with_that and not after_plural
        )


@dataclass
class Copy:
    """The article cut up: paragraphs, paired quotes (with their opening offsets, for bisecting)
    and sentences, all in text order."""

    text: str
    paragraphs: list[Span]
    quotes: list[Quote]
    opens: list[int]
    sentences: list[Sentence]


# A page's list of links under its own heading: "Related readings:", "Read more", "See also".
_LINKS_HEADING = re.compile(
    r"(?:related(?:\s+(?:readings?|articles?|stories|content|news|links|coverage))?|read\s+(?:more|also)|"
    r"also\s+read|see\s+also|full\s+coverage|more\s+on\s+this(?:\s+story)?|recommended(?:\s+for\s+you)?|"
    r"most\s+(?:read|popular|viewed)|you\s+may\s+also\s+like|trending(?:\s+now)?)\s*:?",
    re.IGNORECASE,
)


def link_lists(text: str, paragraphs: list[Span]) -> set[int]:
    """The paragraphs of the link lists a saved page carries: each heading and the lines under it,
    up to the next blank line. They are headlines of other stories, not this one's copy."""
    found: set[int] = set()
    listing = False
    for number, (a, b) in enumerate(paragraphs):
        if listing and "\n\n" not in text[paragraphs[number - 1].end : a].replace(" ", "").replace("\t", ""):
            found.add(number)
            continue
        listing = _LINKS_HEADING.fullmatch(text[a:b].strip()) is not None
        if listing:
            found.add(number)
    return found


def read_copy(text: str) -> Copy:
    """Paragraphs, quotes and sentences of an article: the first stage of extraction."""
    paragraphs = paragraph_spans(text)
    quotes = find_quotes(text, paragraphs)
    opens = [q.open for q in quotes]
    links = link_lists(text, paragraphs)
    sentences = [Sentence(text, a, b, p, quotes, opens) for a, b, p in sentence_spans(text, paragraphs, quotes)
                 if p not in links]
    for sentence in sentences:
        if _is_headline(text, sentence, paragraphs[sentence.paragraph]):
            sentence.read_as_headline()
    return Copy(text, paragraphs, quotes, opens, sentences)


def _is_headline(text: str, sentence: Sentence, paragraph: Span) -> bool:
    """A paragraph of one short line with no full stop: "Ministry says 12 killed in floods"."""
    line = text[paragraph.start : paragraph.end]
    if (sentence.start, sentence.end) != tuple(paragraph) or "\n" in line or len(sentence.tokens) > 25:
        return False
    return line.rstrip("”’\"')")[-1:].isalnum()
