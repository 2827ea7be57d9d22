"""Finding attributed statements in news copy, with rules from the language of news writing.

The extractor works paragraph by paragraph and sentence by sentence:

1. quote marks are paired (curly or straight, nested single marks, quotes that run on over
   paragraphs, unbalanced marks closed at the paragraph end);
2. each quote is attached to a frame next to it (``“…,” X said`` / ``X said: “…”`` / ``“…,” said X``)
   or, when it stands alone as a sentence, continues the last quoted speaker;
3. sentences without a quoted statement are read for reported speech (``X said that …``,
   ``X told Y that …``, ``…, X said.``, ``according to X, …``);
4. speaker phrases are parsed into a name, title and affiliation, and resolved: pronouns to the last
   compatible speaker, surnames to the full name, "the report" to the report last named;
5. dates in the frame give when it was said, dates in the statement what day it is about;
6. what is left, sentences with a dated event and an action verb that nobody is credited with,
   are the outlet's own reports.

The lexicons (cue verbs, titles, document nouns, organisation words, pronouns, abbreviations) are
data files in ``quotetrack/data``, loaded once.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache

from .models import Source, Speaker, Statement
from .text import DateMention, find_dates
from .text import lexicon as lexicons

# --- Lexicons ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    lemma: str
    category: str  # speech, written, finding, cognition
    takes_object: bool  # "told Kurdistan 24 that …"
    bare: bool  # content may follow without "that"
    denial: bool = False  # "denied that …": the content is what the speaker denies
    clausal: bool = False  # a cue only before "that", a colon or a quote


def _data_lines(name: str) -> list[str]:
    return lexicons.lines(name)


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, Cue]:
    """Cue forms (lower case, possibly two words) to what they are."""
    lexicon: dict[str, Cue] = {}
    for line in _data_lines("cues.txt"):
        parts = line.split("\t")
        lemma, category, forms = parts[0], parts[1], parts[2]
        flags = {flag.strip() for flag in parts[3].split(",")} if len(parts) > 3 else set()
        for form in forms.split(","):
            form = form.strip()
            takes_object = form.endswith("+")
            lexicon[form.rstrip("+").lower()] = Cue(
                lemma, category, takes_object, "bare" in flags, "denial" in flags, "clausal" in flags
            )
    return lexicon


@lru_cache(maxsize=1)
def _titles() -> tuple[dict[str, str], int]:
    """Title forms (lower case) to the title as it should be shown, and the longest in words."""
    titles: dict[str, str] = {}
    for line in _data_lines("titles.txt"):
        form, _, full = line.partition("=")
        form, full = form.strip(), (full.strip() or form.strip())
        titles.setdefault(form.lower(), full)
    return titles, max(len(t.split()) for t in titles)


@cache
def _word_set(name: str) -> frozenset[str]:
    return frozenset(line.strip().lower() for line in _data_lines(name))


@lru_cache(maxsize=1)
def _pronouns() -> dict[str, tuple[str, ...]]:
    table = {}
    for line in _data_lines("pronouns.txt"):
        word, kinds = line.split("\t")
        table[word.lower()] = tuple(kinds.split(","))
    return table


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(line.strip() for line in _data_lines("abbreviations.txt"))


# Closed-class English words the grammar rules below turn on. These are grammar, not lexicon:
# editors extend the data files above, not these.
_DETERMINERS = frozenset(
    "the a an his her their its our my your this these those another some several many both "
    "one two three four five six seven eight nine ten other each every all most few no".split()
)
_CLAUSE_BREAKS = frozenset(
    "and but or nor so yet that which whom whose because if when whenever while as after before "
    "since although though than until unless whether where how why what whereas".split()
)
_AUXILIARIES = frozenset(
    "is are was were be been being am has have had do does did will would can could should may "
    "might must shall".split()
)
_OBJECT_PRONOUNS = frozenset("him them me us".split())
_SUBJECT_PRONOUNS = frozenset("he she they it we i you there".split())
_FEMALE = frozenset(
    "mrs ms miss madam dame lady queen princess spokeswoman chairwoman congresswoman businesswoman "
    "sister mother daughter wife grandmother aunt niece actress".split()
)
_MALE = frozenset(
    "mr sir lord king prince spokesman chairman congressman businessman brother father son husband "
    "grandfather uncle nephew actor".split()
)
_NOBODY = frozenset("no neither nobody none nor".split())  # subjects that deny the cue
_PLURALS = frozenset("people police staff media public children men women folks".split())
_CUE_MODIFIERS = frozenset(
    "also previously later then again repeatedly reportedly recently publicly privately once never "
    "not has have had would will did does do n't initially first earlier quickly flatly simply "
    "just further subsequently separately similarly often always frequently already".split()
)
_PREPOSITIONS = frozenset(
    "of for at from with in on to by near about under over into against among between "
    "within".split()
)
_WRITTEN_MEDIA = frozenset(
    "statement statements release releases tweet tweets post posts letter letters email emails "
    "e-mail filing memo report twitter facebook blog op-ed column website communique".split()
)
_DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tomorrow tonight "
    "morning afternoon evening night week month year january february march april may june "
    "july august september october november december jan feb mar apr jun jul aug sept sep oct "
    "nov dec last this earlier later".split()
)

# Cue forms that are never nouns, so "the spokesman says" is not mistaken for a noun phrase.
_UNAMBIGUOUS_CUES = frozenset("say says said tell tells told wrote writes found thought knew felt".split())

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_OPEN_SINGLE = "‘‹"
_CLOSE_SINGLE = "’›"
_QUOTE_CHARS = set(_OPEN_DOUBLE + _CLOSE_DOUBLE + _OPEN_SINGLE + _CLOSE_SINGLE + "\"'")
_TOKEN = re.compile(r"\w+(?:[-’'.&/]\w+)*\.?|[^\w\s]", re.UNICODE)
_WORD = re.compile(r"\w")


# --- Result -----------------------------------------------------------------------------------


@dataclass
class Extracted:
    text: str  # quote content without the outer marks, or the reported clause
    kind: str  # "quote" | "reported" | "written" | "report"
    cue: str | None  # cue as written: "said", "told", "according to", …
    confidence: float  # 0..1
    start: int  # text == article[start:end]
    end: int
    speaker: Speaker
    speaker_start: int | None  # the mention the statement is attributed through
    speaker_end: int | None
    said_on: date | None = None
    event_date: date | None = None
    place: str | None = None
    context: str = ""
    relayed_to: str | None = None
    # The whole speaker phrase, appositives included ("Thomas Veale, a spokesman for …").
    speaker_phrase_start: int | None = None
    speaker_phrase_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    cue_category: str | None = None  # speech, written, finding (see data/cues.txt)
    # Where the reported content starts. It is ``start`` except after a denial cue, whose text
    # keeps the cue ("denied that the dam failed") while the content denied starts after it.
    content_start: int | None = None

    def to_statement(self, source: Source | None = None) -> Statement:
        """The record to store, with ``source`` as where it was read."""
        return Statement(
            text=self.text,
            speaker=self.speaker,
            kind=self.kind,
            source=source,
            said_on=self.said_on,
            event_date=self.event_date,
            place=self.place,
            context=self.context,
            relayed_to=self.relayed_to,
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "kind": self.kind,
            "cue": self.cue,
            "confidence": round(self.confidence, 2),
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker.to_dict(),
            "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end,
            "said_on": self.said_on.isoformat() if self.said_on else None,
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "place": self.place,
            "context": self.context,
            "relayed_to": self.relayed_to,
        }


# --- Text structure ---------------------------------------------------------------------------


@dataclass
class _Quote:
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


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Blocks between blank lines; a single line break also ends a paragraph after a full stop,
    a closing quote or a headline-length line, so hard-wrapped prose stays whole."""
    spans: list[tuple[int, int]] = []
    for block in re.finditer(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*", text):
        start = block.start()
        lines = list(re.finditer(r"[^\n]+", block.group(0)))
        for i, line in enumerate(lines):
            content = line.group(0).rstrip()
            last = i == len(lines) - 1
            if last or re.search(r"[.!?:”\"’)]$", content) or len(content) < 60:
                end = block.start() + line.end()
                if text[start:end].strip():
                    spans.append(_strip_span(text, start, end))
                start = block.start() + line.end() + 1
    return spans


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True  # don’t, Region’s
    if after.isalnum() and before.isspace() and re.match(r"\w{1,2}\b", text[i + 1 : i + 4]):
        return text[i + 1 : i + 3].lower() in ("em", "tw", "n ", "s ") or text[i + 1 : i + 3].isdigit()
    return False


_WORD_AFTER = re.compile(r"\s*,?\s*\w")
_MARK = re.compile(r"[“”„«»‘’‹›\"']")


def _find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[_Quote]:
    """Pair quote marks paragraph by paragraph. Double marks (“ ”, ", and '' as some papers set
    them) carry statements; single marks do only when the copy has no double marks at all."""
    doubles = any(ch in text for ch in _OPEN_DOUBLE + _CLOSE_DOUBLE + '"') or "''" in text
    quotes: list[_Quote] = []
    for number, (p_start, p_end) in enumerate(paragraphs):
        open_at: int | None = None
        open_len = 1
        depth = 0
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
            if ch in _OPEN_DOUBLE and open_at is not None and depth == 1 and _closes(text, i, p_end):
                ch = "”"  # “…,“ said X: an opening mark typed where the closing one belongs
            if doubles:
                if ch in _OPEN_DOUBLE or (ch == '"' and open_at is None):
                    if ch == '"' and not _can_open(text, i, p_end, width):
                        i += width
                        continue
                    if open_at is None:
                        open_at, open_len, depth = i, width, 1
                    elif ch != '"':
                        depth += 1  # a stray second opening mark: wait for two closings
                elif (ch in _CLOSE_DOUBLE or ch == '"') and open_at is not None:
                    depth -= 1
                    if depth <= 0:
                        quotes.append(_Quote(open_at, i, open_at + open_len, i, number, close_len=width))
                        open_at = None
            else:
                if ch in _OPEN_SINGLE or (ch == "'" and open_at is None):
                    if not _is_apostrophe(text, i) and _can_open(text, i, p_end) and open_at is None:
                        open_at, open_len = i, 1
                elif (ch in _CLOSE_SINGLE or ch == "'") and open_at is not None:
                    if not _is_apostrophe(text, i):
                        quotes.append(_Quote(open_at, i, open_at + 1, i, number))
                        open_at = None
            i += width
        if open_at is not None:
            inner_end = _strip_span(text, open_at + open_len, p_end)[1]
            quote = _Quote(open_at, None, open_at + open_len, inner_end, number)
            following = paragraphs[number + 1][0] if number + 1 < len(paragraphs) else None
            quote.runs_on = following is not None and text[following] in _OPEN_DOUBLE + _OPEN_SINGLE + "\"'"
            quotes.append(quote)
    return quotes


def _closes(text: str, i: int, limit: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < limit else " "
    return not before.isspace() and (after.isspace() or after in ",.;:")


def _can_open(text: str, i: int, limit: int, width: int = 1) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < limit else " "
    return not after.isspace() and (not before.isalnum() or before in "([{—–-")


def _sentences(
    text: str, paragraphs: list[tuple[int, int]], quotes: list[_Quote]
) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each sentence; never split inside a quote."""
    abbreviations = _abbreviations()
    inside = [(q.open, q.end) for q in quotes]
    sentences = []
    qi = 0
    for number, (p_start, p_end) in enumerate(paragraphs):
        start = p_start
        boundaries = r"[.!?…]+[”’\"')\]]*(?=\s+[“‘\"'(\[]{0,2}[A-Z0-9])|;(?=\s)"
        for match in re.finditer(boundaries, text[p_start:p_end]):
            cut = p_start + match.end()
            while qi < len(inside) and inside[qi][1] <= cut - 1:
                qi += 1
            if any(a < cut - 1 < b - 1 for a, b in inside[max(0, qi - 2) : qi + 2]):
                continue
            closes_quote = text[cut - 1] in _CLOSE_DOUBLE + _CLOSE_SINGLE + "\"'"
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
            sentences.append((*_strip_span(text, start, cut), number))
            start = cut
        if text[start:p_end].strip():
            sentences.append((*_strip_span(text, start, p_end), number))
    return sentences


@lru_cache(maxsize=1)
def _frame_follows() -> re.Pattern[str]:
    """A capitalised speaker of up to five words and a cue: "Trump said", "Mr. Ali added"."""
    forms = sorted((f for f, c in cue_lexicon().items() if c.category != "cognition"), key=len, reverse=True)
    return re.compile(
        r"\s+(?:[A-Z][\w.’'-]*,?\s+){1,5}(?:\w+\s+)?(?:" + "|".join(re.escape(f) for f in forms) + r")\b"
    )


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    abbreviations = _abbreviations()
    tokens = []
    for match in _TOKEN.finditer(text, start, end):
        word = match.group(0)
        a, b = match.span()
        if len(word) > 1 and word.endswith(".") and _WORD.match(word):
            if not (word in abbreviations or re.fullmatch(r"(?:\w\.)+|[A-Z]\.", word)):
                tokens.append((a, b - 1, word[:-1]))
                tokens.append((b - 1, b, "."))
                continue
        tokens.append((a, b, word))
    return tokens


# --- Speakers ---------------------------------------------------------------------------------


@dataclass
class _Mention:
    """A speaker phrase found in a frame, before resolution."""

    phrase_start: int
    phrase_end: int
    head_start: int  # the name or pronoun inside the phrase
    head_end: int
    head: str  # the head phrase, e.g. "Peshmerga Colonel Srood", "he", "the report"
    appositives: list[str] = field(default_factory=list)
    antecedent: _Mention | None = None  # for "X, who said …"
    body: bool = False  # named in apposition to "the union", "the company": an organisation


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _clean(words: str) -> str:
    return " ".join(words.replace("\u00a0", " ").split())


class _Resolver:
    """Turns speaker phrases into Speakers, remembering who has been named so far."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.by_name: dict[str, Speaker] = {}
        self.history: list[tuple[int, Speaker]] = []  # named speakers in article order
        self.documents: list[tuple[int, str, Speaker]] = []  # (offset, noun, speaker)
        self.acronyms: dict[str, str] = {}
        for match in re.finditer(
            r"((?:[A-Z][\w’'-]*\s+)(?:(?:of|and|for|the|on|de|al)\s+)?(?:[A-Z][\w’'-]*\s*){1,7})\(([A-Z][A-Za-z&]{1,9})\)",
            text,
        ):
            full = _clean(match.group(1))
            full = re.sub(r"^(?:The|A|An)\s+", "", full)
            self.acronyms[match.group(2)] = full
        self.names = self._person_names(text)
        self.gender: dict[int, str] = {}  # id(speaker) -> "male" / "female", when the copy tells
        self.quiet_from = 0  # end of the last sentence with a statement
        self.organisations = self._organisation_names(text)
        self._scan_documents(text)

    def _person_names(self, text: str) -> list[tuple[int, str]]:
        """Capitalised two- and three-word names in the copy, for resolving a bare surname."""
        titles, _ = _titles()
        skip = _DATE_WORDS | _DETERMINERS | _word_set("organisations.txt") | _CLAUSE_BREAKS
        names = []
        for match in re.finditer(r"\b[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z’'-]+){1,2}\b", text):
            words = match.group(0).split()
            if any(w.lower().rstrip(".") in skip or w.lower() in titles for w in words):
                continue
            names.append((match.start(), match.group(0)))
        return names

    def _organisation_names(self, text: str) -> list[tuple[int, str]]:
        """Capitalised names ending in an organisation word ("the Electoral Commission")."""
        organisations = _word_set("organisations.txt")
        found = []
        for match in re.finditer(r"\b[A-Z][\w’'-]*(?:\s+(?:of|for|and|the)?\s*[A-Z][\w’'-]*){0,5}", text):
            words = match.group(0).split()
            if words[0] in ("The", "A", "An"):
                words = words[1:]
            if words and words[-1].lower() in organisations:
                found.append((match.start(), " ".join(words)))
        return found

    def _scan_documents(self, text: str) -> None:
        nouns = sorted(_word_set("documents.txt"), key=len, reverse=True)
        pattern = re.compile(
            r"\b(?:(?P<owner>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,5})(?:’s|'s)?\s+)?(?:[a-z-]+\s+){0,3}?"
            rf"(?P<noun>{'|'.join(re.escape(n) for n in nouns)})\b(?P<rest>[^.;:“”\"]{{0,160}})"
        )
        for match in pattern.finditer(text):
            org = None
            by = re.search(
                r"\b(?:by|from|of)\s+(?:the\s+)?((?:[A-Z][\w’'-]*|\([A-Z]+\))(?:\s+(?:of|and|for|on|the)?\s*(?:[A-Z][\w’'-]*|\([A-Z]+\)))*)",
                match.group("rest"),
            )
            if by:
                org = by.group(1)
            elif match.group("owner") and match.group("owner").split()[0] not in ("The", "A", "An"):
                org = match.group("owner")
            if not org:
                continue
            speaker = self._document(_clean(org), match.group("noun"), match.group(0))
            self.documents.append((match.start(), match.group("noun").lower(), speaker))

    def _document(self, org: str, noun: str, phrase: str) -> Speaker:
        acronym = re.search(r"\(([A-Z][A-Za-z&]{1,9})\)", org)
        org = _clean(re.sub(r"\s*\([^)]*\)", "", org))
        acronym_text: str | None = acronym.group(1) if acronym else None
        if org in self.acronyms:
            acronym_text, org = org, self.acronyms[org]
        key = f"{org}|{noun.lower()}"
        speaker = self.by_name.get(key)
        if speaker is None:
            speaker = Speaker(name=org, title=noun.lower(), kind="document")
            self.by_name[key] = speaker
        for alias in (acronym_text, f"{acronym_text} {noun.lower()}" if acronym_text else None):
            if alias and alias not in speaker.aliases and alias != speaker.name:
                speaker.aliases.append(alias)
        return speaker

    def resolve(self, mention: _Mention) -> tuple[Speaker, float] | None:
        """The speaker a mention stands for and how sure that is, or None if it cannot be told."""
        head = mention.head
        lower = head.lower()
        pronouns = _pronouns()
        if lower in pronouns:
            if mention.antecedent is not None:
                found = self.resolve(mention.antecedent)
                return (found[0], found[1] - 0.05) if found else None
            wanted = pronouns[lower]
            # "she" never stands for a speaker known to be a man, nor "he" for a woman.
            unwanted = {"he": "female", "she": "male"}.get(lower)
            introduced = self._introduced_since(mention.head_start) if lower in ("he", "she") else None
            if introduced is not None and self.gender.get(id(introduced)) != unwanted:
                self.gender[id(introduced)] = "male" if lower == "he" else "female"
                self._remember(mention.head_start, introduced)
                return introduced, 0.75
            if "organisation" in wanted and "person" not in wanted and self.history:
                # "Northline said … It said …": a one-word name, not a known person's surname, that
                # "it" stands for is a company or body.
                last = self.history[-1][1]
                surnames = {name.split()[-1] for _, name in self.names}
                if last.kind == "person" and len(last.name.split()) == 1 and not last.title and (
                    _is_capitalised(last.name) and last.name not in surnames
                ):
                    last.kind = "organisation"
                    return last, 0.7
            for _, speaker in reversed(self.history):
                if speaker.kind in wanted and self.gender.get(id(speaker)) != unwanted:
                    if lower in ("he", "she"):
                        self.gender[id(speaker)] = "male" if lower == "he" else "female"
                    return speaker, 0.85
            if "person" in wanted:
                earlier = [name for offset, name in self.names if offset < mention.head_start]
                if earlier:
                    return self._person(earlier[-1], [], mention.head_start), 0.6
            if "organisation" in wanted:
                # Nobody credited yet: the organisation last named in the copy.
                earlier = [name for offset, name in self.organisations if offset < mention.head_start]
                if earlier:
                    return self._unique(Speaker(name=earlier[-1], kind="organisation")), 0.55
            return None
        return self._named(mention)

    def _named(self, mention: _Mention) -> tuple[Speaker, float] | None:
        words = _clean(mention.head).split()
        while words and words[0].lower() in _DETERMINERS:
            words = words[1:]
        if not words:
            return None
        phrase = " ".join(words)
        documents = _word_set("documents.txt")
        noun = next((w.lower() for w in reversed(words) if w.lower() in documents), None)
        # A report, study or statement: a named one, or "the report" for the last one named.
        if noun and not _is_capitalised(words[-1]) or (noun and words[-1].lower() == noun):
            for offset, doc_noun, speaker in reversed(self.documents):
                if offset <= mention.head_start + 2 and doc_noun == noun:
                    self._remember(mention.head_start, speaker)
                    return speaker, 0.85
            speaker = self._unique(Speaker(name=phrase, title=noun, kind="document"))
            self._remember(mention.head_start, speaker)
            return speaker, 0.6
        titles, longest = _titles()
        title, affiliation, name_words = _split_title(words, titles, longest)
        for appositive in mention.appositives:
            a_title, a_affiliation = _parse_appositive(appositive, titles)
            title = title or a_title
            affiliation = affiliation or a_affiliation
        if not name_words and len(words) == 1 and words[0].islower() and words[0] in _word_set("organisations.txt"):
            # "the agency" after "the National Health Agency": the body named earlier.
            named = [org for offset, org in self.organisations if offset < mention.head_start]
            same = [org for org in named if org.split()[-1].lower() == words[0]]
            if same:
                speaker = self._unique(Speaker(name=same[-1], kind="organisation"))
                self._remember(mention.head_start, speaker)
                return speaker, 0.8
        definite = _clean(mention.head).split()[0].lower() == "the"
        if not name_words and title and definite and not affiliation and len(words) <= 2:
            # "the governor said" after "The regional governor, Anton Drexler, said": the person
            # last heard with that title.
            for _, known in reversed(self.history):
                if known.kind == "person" and known.title and known.name != phrase and (
                    known.title.lower().split()[-1] == title.lower().split()[-1]
                ):
                    self._remember(mention.head_start, known)
                    return known, 0.8
        if not name_words:
            # "a spokesman for the coalition", "officials": the description is all there is.
            name = phrase
            kind = "person" if title else ("organisation" if _looks_organisation(words, True) else "person")
            speaker = self._unique(Speaker(name=name, title=title, affiliation=affiliation, kind=kind))
            self._remember(mention.head_start, speaker)
            return speaker, 0.7
        name = " ".join(name_words)
        if name in self.acronyms:
            full = self.acronyms[name]
            speaker = self._unique(Speaker(name=full, kind="organisation"))
            _add_alias(speaker, name)
            self._remember(mention.head_start, speaker)
            return speaker, 0.9
        is_acronym = len(name_words) == 1 and name.isupper() and len(name) > 1
        if mention.body or _looks_organisation(name_words) or is_acronym:
            full_org = " ".join(affiliation.split() + name_words) if affiliation and not title else name
            speaker = self._unique(Speaker(name=full_org, kind="organisation"))
            for acronym, expansion in self.acronyms.items():
                if expansion == full_org:
                    _add_alias(speaker, acronym)
            self._remember(mention.head_start, speaker)
            return speaker, 0.9
        speaker = self._person(name, [phrase] if phrase != name else [], mention.head_start)
        speaker.title = speaker.title or title
        speaker.affiliation = speaker.affiliation or affiliation
        gender = _gender_of(words + " ".join(mention.appositives).split())
        if gender:
            self.gender[id(speaker)] = gender
        self._remember(mention.head_start, speaker)
        return speaker, 0.9

    def _person(self, name: str, aliases: list[str], offset: int) -> Speaker:
        name_words = name.split()
        if len(name_words) == 1:
            # A surname (or single name) seen before in full: "Mohammed" is "Rizgar Mohammed".
            for _, speaker in reversed(self.history):
                if speaker.kind == "person" and speaker.name.split()[-1] == name and speaker.name != name:
                    _add_alias(speaker, name)
                    for alias in aliases:
                        _add_alias(speaker, alias)
                    return speaker
            for position, full in reversed(self.names):
                if position < offset and full.split()[-1] == name:
                    speaker = self._unique(Speaker(name=full))
                    if speaker.title is None:
                        speaker.title, speaker.affiliation = self._role_before(position, full)
                    _add_alias(speaker, name)
                    return speaker
        speaker = self._unique(Speaker(name=name))
        for alias in aliases:
            _add_alias(speaker, alias)
        return speaker

    def _unique(self, speaker: Speaker) -> Speaker:
        key = speaker.name.lower()  # "Police said" and "police said" are one speaker
        known = self.by_name.get(key)
        if known is None:
            self.by_name[key] = speaker
            return speaker
        known.title = known.title or speaker.title
        known.affiliation = known.affiliation or speaker.affiliation
        return known

    def _role_before(self, position: int, full: str) -> tuple[str | None, str | None]:
        """Title and affiliation written right before a name where it was first mentioned
        ("Opposition leader Marcus Webb called …"), for when it is first quoted by surname."""
        titles, longest = _titles()
        window = re.split(r"[.;:,“”\"(\n]", self.text[max(0, position - 60) : position])[-1].split()
        if not window or window[-1].lower().rstrip(".") not in titles and window[-1].lower() not in titles:
            return None, None
        for size in range(min(4, len(window)), 0, -1):
            words = window[-size:]
            if words[0].lower() in _DETERMINERS or any(w.endswith(("’s", "'s")) and w.islower() for w in words):
                continue
            title, affiliation, names = _split_title(words + full.split(), titles, longest)
            if title and names == full.split():
                return title, affiliation
        return None, None

    def _introduced_since(self, offset: int) -> Speaker | None:
        """A person the copy introduces by role after the last statement and just before
        ``offset`` ("… supported by another passenger, Yusuf Demir. “…,” he said."): the
        pronoun stands for the newcomer, not for the speaker before."""
        titles, _ = _titles()
        for position, name in reversed(self.names):
            if position >= offset:
                continue
            if position < self.quiet_from or offset - position > 400:
                return None
            before = re.findall(r"[\w’'-]+|,", self.text[max(0, position - 40) : position])
            if before and before[-1] == ",":
                before = before[:-1]
            if not before or not before[-1].islower() or before[-1] not in titles:
                continue  # only a name given with a role ("another passenger, …") is an introduction
            if name.split()[-1] in (s.name.split()[-1] for _, s in self.history):
                return None  # a speaker already heard, named again
            speaker = self._person(name, [], position)
            speaker.title = speaker.title or before[-1]
            return speaker
        return None

    def _remember(self, offset: int, speaker: Speaker) -> None:
        self.history.append((offset, speaker))


def _gender_of(words: list[str]) -> str | None:
    """Gendered honorifics and titles ("Mrs.", "spokeswoman", "King") in a speaker phrase."""
    for word in words:
        low = word.lower().rstrip(".")
        if low in _FEMALE:
            return "female"
        if low in _MALE:
            return "male"
    return None


def _add_alias(speaker: Speaker, alias: str) -> None:
    alias = _clean(alias)
    words = alias.split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    alias = " ".join(words)
    if not any(_is_capitalised(w) for w in words) or len(words) > 6:
        return  # "the report", "a spokesman", long descriptions: not names
    if alias and alias != speaker.name and alias not in speaker.aliases:
        speaker.aliases.append(alias)


def _relayed_in(appositives: list[str]) -> str | None:
    """"while speaking to Kurdistan 24 on Wednesday" → "Kurdistan 24"."""
    for text in appositives:
        match = re.search(
            r"\b(?:speaking|talking|speaking exclusively|writing|in an interview|in remarks)\s+(?:to|with)\s+"
            r"((?:the\s+)?[A-Z0-9][\w’'.-]*(?:\s+[A-Z0-9][\w’'.-]*)*)",
            text,
        )
        if match:
            return _clean(match.group(1))
    return None


def _looks_organisation(words: list[str], lower_case_too: bool = False) -> bool:
    organisations = _word_set("organisations.txt")
    return any(
        w.lower().strip("()") in organisations for w in words if lower_case_too or _is_capitalised(w)
    )


def _split_title(
    words: list[str], titles: dict[str, str], longest: int
) -> tuple[str | None, str | None, list[str]]:
    """"Peshmerga Colonel Srood" → ("Colonel", "Peshmerga", ["Srood"])."""
    best: tuple[int, int, str] | None = None
    for i in range(len(words)):
        for n in range(min(longest, len(words) - i), 0, -1):
            candidate = " ".join(words[i : i + n]).lower()
            if candidate in titles:
                if best is None or i + n > best[1] or (i + n == best[1] and i < best[0]):
                    best = (i, i + n, titles[candidate])
                break
    owner = next((i for i, w in enumerate(words[:-1]) if w.endswith(("’s", "'s")) and _is_capitalised(w)), None)
    if owner is not None and owner < len(words) - 1:
        # "Labour's Keir Starmer", "Carter's press secretary, Peter Cook": the owner is the affiliation.
        owned_title, owned_affiliation, owned_names = _split_title(words[owner + 1 :], titles, longest)
        return owned_title, owned_affiliation or words[owner][:-2], owned_names
    if best is None:
        names = _trailing_name(words)
        descriptive = words[: len(words) - len(names)]
        if names and descriptive and all(not _is_capitalised(w) for w in descriptive):
            return " ".join(descriptive), None, names  # "campaign chairman John Podesta"
        return None, None, words if names == words else names or []
    start, end, found_title = best
    title: str | None = None if found_title == "-" else found_title
    before, after = words[:start], words[end:]
    names = [w for w in after if _is_capitalised(w) or w in ("al-", "bin", "de", "van", "von")]
    if names != after or not names:
        # "a spokesman for the US-led coalition": a title with its organisation after it.
        if after and after[0].lower() in ("for", "of", "at", "with", "from"):
            following = _clean(re.sub(r"^(?:the|a|an)\s+", "", " ".join(after[1:]), flags=re.I))
            return title, following or None, []
        return title, None, _trailing_name(words[end:])
    affiliation = " ".join(w for w in before if _is_capitalised(w) or w[:1].isdigit()) or None
    lowercase_title = " ".join(w for w in before if not _is_capitalised(w) and w.lower() not in _DETERMINERS)
    if lowercase_title and title and title[:1].islower():
        title = f"{lowercase_title} {title}"
    return title, affiliation, names


def _trailing_name(words: list[str]) -> list[str]:
    names: list[str] = []
    for word in reversed(words):
        if _is_capitalised(word) or (names and word.lower() in ("de", "van", "von", "bin", "al")):
            names.insert(0, word)
        else:
            break
    return names


def _parse_appositive(text: str, titles: dict[str, str]) -> tuple[str | None, str | None]:
    """", a spokesman for the US-led coalition fighting IS," → ("spokesman", "US-led coalition")."""
    words = _clean(text).split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if not words or words[0].lower() in _CLAUSE_BREAKS | {"who", "while", "speaking", "however"}:
        return None, None
    if len(words) == 1 and words[0][:1].isdigit():
        return None, None  # "Pell, 61,": an age
    relative = next((i for i, w in enumerate(words) if w.lower() in ("who", "whose", "whom", "which", "where")), None)
    if relative:
        words = words[:relative]  # "a shopkeeper whose store was destroyed": the role is before it
    # "the Ministry of Health's chief adviser": a capitalised owner is the affiliation.
    owner = next((i for i, w in enumerate(words[:8]) if w.endswith(("’s", "'s"))), None)
    affiliation = None
    if owner is not None and all(_is_capitalised(w) or w in ("of", "for", "and", "the") for w in words[:owner]):
        affiliation = " ".join(words[: owner + 1])[:-2]
        words = words[owner + 1 :]
    # The title is the noun phrase up to "for"/"of"/"at"; the affiliation what follows, up to a
    # participle or relative clause that only describes it.
    cut = next((i for i, w in enumerate(words) if w.lower() in ("for", "of", "at", "with", "from")), None)
    head = words[:cut] if cut is not None else words
    possessive = next((i for i, w in enumerate(head) if w.endswith(("’s", "'s"))), None)
    if possessive is not None:
        affiliation = " ".join(head[: possessive + 1])[:-2]
        head = head[possessive + 1 :]
    head_text = " ".join(head)
    if not head or len(head) > 5 or (not any(w.lower() in titles for w in head) and len(head) > 3):
        return None, affiliation
    if cut is not None:
        tail = []
        for w in words[cut + 1 :]:
            if w.lower() in _CLAUSE_BREAKS | {"who", "which", "that"} or (
                w.endswith("ing") and not _is_capitalised(w)
            ) or w in (",", "(", ")"):
                break
            tail.append(w)
        tail_text = re.sub(r"^(?:the|a|an)\s+", "", " ".join(tail), flags=re.I)
        affiliation = affiliation or (tail_text or None)
    return head_text, affiliation


# --- Frames: speaker + cue --------------------------------------------------------------------


@dataclass
class _Frame:
    mention: _Mention
    cue: str
    cue_start: int
    cue_end: int
    cue_info: Cue
    frame_spans: list[tuple[int, int]]  # the frame's text outside the statement
    relayed_to: str | None = None
    written: bool = False


class _Sentence:
    def __init__(
        self, text: str, start: int, end: int, paragraph: int, quotes: list[_Quote], opens: list[int]
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.paragraph = paragraph
        self.tokens = _tokens(text, start, end)
        self.starts = [t[0] for t in self.tokens]
        self.quotes = quotes[bisect_left(opens, start) : bisect_left(opens, end)]
        self.quote_opens = [q.open for q in self.quotes]
        # Which tokens lie inside a quote: one sweep, quotes and tokens both in text order.
        self.quoted = [False] * len(self.tokens)
        for quote in self.quotes:
            for i in range(bisect_left(self.starts, quote.open), bisect_left(self.starts, quote.end)):
                self.quoted[i] = True
        self.lower = [t[2].lower() for t in self.tokens]
        self._cues: dict[int, tuple[str, Cue, int] | None] = {}

    def index_at(self, offset: int) -> int:
        """Index of the first token starting at or after offset."""
        return bisect_left(self.starts, offset)

    def next_quote_open(self, offset: int) -> int | None:
        i = bisect_left(self.quote_opens, offset)
        return self.quote_opens[i] if i < len(self.quote_opens) else None

    def cue_at(self, i: int) -> tuple[str, Cue, int] | None:
        """The cue starting at token i: (form as written, cue, index of its last token)."""
        if i not in self._cues:
            self._cues[i] = self._cue_at(i)
        return self._cues[i]

    def _cue_at(self, i: int) -> tuple[str, Cue, int] | None:
        lexicon = cue_lexicon()
        word = self.tokens[i][2]
        if self.quoted[i] or (word[:1].isupper() and self.lower[i] != "according"):
            return None  # "Islamic State" is a name, not a cue
        if i + 1 < len(self.tokens):
            pair = f"{self.lower[i]} {self.lower[i + 1]}"
            if pair in lexicon:
                a, b = self.tokens[i][0], self.tokens[i + 1][1]
                return self.text[a:b], lexicon[pair], i + 1
        if self.lower[i] in lexicon and not self._noun_use(i):
            return word, lexicon[self.lower[i]], i
        return None

    @staticmethod
    def _lemma(form: str) -> str:
        return cue_lexicon()[form].lemma if form in cue_lexicon() else form

    def _noun_use(self, i: int) -> bool:
        """"a recent report", "his claims": a cue form that is a noun here. Past forms ("said",
        "reported") are verbs after a noun, so only present and base forms are checked."""
        low = self.lower[i]
        if low.endswith("ed") or low in _UNAMBIGUOUS_CUES:
            return False
        nxt = self.lower[i + 1] if i + 1 < len(self.tokens) else ""
        if low == self._lemma(low) and not low.endswith("s"):
            # A base form is a verb after "they", "officials", "did", "to"; otherwise a noun
            # ("the comparably cheaper state", "a new report").
            k = i - 1
            while k >= 0 and self.lower[k] in _CUE_MODIFIERS - _AUXILIARIES:
                k -= 1
            subject = self.lower[k] if k >= 0 else ""
            if not (
                subject in _SUBJECT_PRONOUNS | _AUXILIARIES | _PLURALS | {"to", "not", "n't", "who", "which", "that"}
                or (subject.endswith("s") and not subject.endswith(("’s", "'s", "ss")))
            ):
                return True
        if low.endswith("s") and nxt not in ("that", ":", ",", ".") and nxt not in _SUBJECT_PRONOUNS:
            if self.tokens[i + 1][2] not in _QUOTE_CHARS if nxt else False:
                return True  # "swing states", "his claims": plural nouns unless a clause follows
        before = self.lower[i - 1] if i > 0 else ""
        two_before = self.lower[i - 2] if i > 1 else ""
        return before in _DETERMINERS or before.endswith(("’s", "'s")) or (
            two_before in _DETERMINERS and before.isalpha() and before.islower()
            and before not in _CUE_MODIFIERS and before not in _AUXILIARIES
        )


def _subject(sentence: _Sentence, cue_index: int, floor: int = 0) -> _Mention | None:
    """The speaker phrase that ends just before the cue at cue_index (its modifiers skipped)."""
    tokens, lower = sentence.tokens, sentence.lower
    j = cue_index - 1
    while j >= floor and (lower[j] in _CUE_MODIFIERS or _temporal(sentence, j, floor) or _manner(sentence, j, floor)):
        j -= 1  # "Spicer on Thursday evening said": the time is not part of who spoke
    if j < floor:
        return None
    phrase_end = tokens[j][1]
    appositives: list[str] = []
    next_to_head: tuple[int, int] | None = None  # token span of the appositive right after the head
    # Appositives and asides between commas: "Thomas Veale, a spokesman for …, told".
    for _ in range(3):
        if lower[j] != ",":
            break
        k = j - 1
        depth = 0
        while k >= floor and (lower[k] != "," or depth) and j - k < 40:
            if lower[k] == ")":
                depth += 1
            elif lower[k] == "(":
                depth -= 1
            if sentence.quoted[k] or tokens[k][2] in _QUOTE_CHARS:
                return None
            k -= 1
        if k < floor or lower[k] != "," or k + 1 >= j:
            return None
        segment = sentence.text[tokens[k + 1][0] : tokens[j - 1][1]]
        appositives.insert(0, segment)
        next_to_head = (k + 1, j - 1)
        j = k - 1
        if j < floor:
            return None
        if not (lower[j][:1].islower() or lower[j][:1].isdigit()) or lower[j] in _pronouns():
            break
        # "Smith, 45, a spokesman, said": the piece before may itself be an aside.
        if j - 1 >= floor and lower[j - 1] == "," and tokens[j][2][:1].isdigit():
            appositives.insert(0, tokens[j][2])
            next_to_head = (j, j)
            j -= 2
            if j < floor:
                return None
        break
    head_last = j
    k = j
    depth = 0
    while k >= floor and head_last - k < 22:
        word, low = tokens[k][2], lower[k]
        if word == ")":
            depth += 1
        elif word == "(":
            depth -= 1
            if depth < 0:
                break
        elif word in (",", ";", ":", "—", "–", "-", "!", "?", ".") or word in _QUOTE_CHARS:
            attached = k > floor and tokens[k - 1][1] == tokens[k][0]
            apostrophe = word in "'’" and attached and lower[k - 1].endswith("s") and not sentence.quoted[k]
            if depth == 0 and not (word in "-–" and attached) and not apostrophe:
                break  # a hyphen inside a word and the apostrophe of "the drivers' union" do not end it
        elif sentence.quoted[k]:
            break
        elif low in ("and", "&") and depth == 0:
            if not (k > floor and _is_capitalised(tokens[k - 1][2]) and _is_capitalised(tokens[k + 1][2])):
                break
        elif low in _CLAUSE_BREAKS or low in _AUXILIARIES or (low in _OBJECT_PRONOUNS and k == head_last):
            if low in ("who", "which") and k == head_last:
                k -= 1
                break
            break
        elif sentence.cue_at(k) and k < head_last and not _participle(sentence, k):
            break
        k -= 1
    first = k + 1
    while first <= head_last and (
        lower[first] in _PREPOSITIONS
        or tokens[first][2] in "-–—"
        # "Later the governor said", "Meanwhile police said": an opening adverb is no part of the speaker.
        or (first < head_last and lower[first] in _CUE_MODIFIERS | {"meanwhile", "separately", "however", "now"})
    ):
        first += 1
    if first > head_last:
        return None
    if not _noun_phrase(sentence, first, head_last):
        return None
    if lower[first] in ("the", "a", "an") and not appositives and first - 2 >= floor and lower[first - 1] == ",":
        # "Sam Lau, the communications director for the party said": the closing comma is missing.
        name_end = first - 2
        name_start = name_end
        while name_start - 1 >= floor and _is_capitalised(tokens[name_start - 1][2]) and name_end - name_start < 4:
            name_start -= 1
        opens_clause = name_start == floor or tokens[name_start - 1][2] in (",", ";", ":")
        if _is_capitalised(tokens[name_end][2]) and opens_clause and tokens[name_end][2] not in _QUOTE_CHARS:
            appositives.append(sentence.text[tokens[first][0] : tokens[head_last][1]])
            first, head_last = name_start, name_end
    phrase_first = first
    body = False
    if next_to_head is not None and _name_like(sentence, *next_to_head, body=True):
        # "The regional governor, Anton Drexler, said": the name in apposition is the speaker and
        # the description before it gives the title; "the drivers' union, Aslef," names a body.
        body = _description(sentence, first, head_last, body=True)
        if body or _description(sentence, first, head_last):
            appositives[0] = sentence.text[tokens[first][0] : tokens[head_last][1]]
            first, head_last = next_to_head
    elif first - 2 >= floor and lower[first - 1] == "," and _name_like(sentence, first, head_last):
        # "A local engineer, Miriam Osei, who inspected the site, told": the same, read from the name.
        d = first - 2
        while d - 1 >= floor and first - d < 9 and tokens[d - 1][2] not in ",;:—–" and not sentence.quoted[d - 1]:
            if tokens[d - 1][2] in _QUOTE_CHARS or lower[d - 1] in _CLAUSE_BREAKS | _AUXILIARIES:
                break
            d -= 1
        if _description(sentence, d, first - 2, titled=True):
            appositives.insert(0, sentence.text[tokens[d][0] : tokens[first - 2][1]])
            phrase_first = d
    head_tokens = tokens[first : head_last + 1]
    if head_last - first >= 14 and not any(lower[i] in _word_set("documents.txt") for i in range(first, head_last + 1)):
        return None
    if lower[head_last] in _DETERMINERS or lower[head_last] in _PREPOSITIONS:
        return None
    head = sentence.text[head_tokens[0][0] : head_tokens[-1][1]]
    if not any(_is_capitalised(t[2]) or t[2][:1].isalpha() for t in head_tokens):
        return None
    mention = _Mention(
        phrase_start=min(head_tokens[0][0], tokens[phrase_first][0]),
        phrase_end=phrase_end,
        head_start=head_tokens[0][0],
        head_end=head_tokens[-1][1],
        head=head,
        appositives=appositives,
        body=body,
    )
    if lower[first] in ("who", "which") and first == head_last and first > floor and lower[first - 1] == ",":
        antecedent = _subject_before_comma(sentence, first - 1, floor)
        mention.antecedent = antecedent
        if antecedent is None:
            return None
    return mention


_NAME_PARTICLES = ("al-", "el-", "bin", "ibn", "de", "van", "von", "da", "di", "du", "der", "den", "la", "le")


def _name_like(sentence: _Sentence, first: int, last: int, body: bool = False) -> bool:
    """Tokens first..last read as a person's name ("Anton Drexler", "Qasim al-Araji", "Col. Srood"):
    capitalised words, name particles and honorifics, not a title, date, organisation or pronoun."""
    words = [t[2] for t in sentence.tokens[first : last + 1]]
    if body and words and words[0].lower() == "the":
        words = words[1:]  # "his party, the Greens,"
    if not words or len(words) > 5 or not _is_capitalised(words[0]) or not _is_capitalised(words[-1].split("-")[-1]):
        return False
    titles, _ = _titles()
    lowered = [w.lower() for w in words]
    if any(not _is_capitalised(w) and not w.lower().startswith(_NAME_PARTICLES) for w in words):
        return False
    if all(w in titles or w.rstrip(".") in titles for w in lowered) or any(w in _DATE_WORDS for w in lowered):
        return False
    if lowered[0] in _pronouns() or lowered[0] in _DETERMINERS or (_looks_organisation(words) and not body):
        return False
    return len(words) > 1 or words[0].lower() not in _word_set("stopwords.txt")


def _description(sentence: _Sentence, first: int, last: int, titled: bool = False, body: bool = False) -> bool:
    """Tokens first..last describe a person by role: "the regional governor", "Iraq's interior
    minister", "a local engineer". With ``titled`` its last word must be a title from the data
    file (the description stands before the name, where an adverbial could stand too). With
    ``body`` it must describe an organisation instead ("the drivers' union")."""
    if first > last or last - first > 7:
        return False
    tokens, lower = sentence.tokens, sentence.lower
    titles, _ = _titles()
    k = first
    if lower[k] in ("but", "and", "yet", "so"):
        k += 1
    if k > last:
        return False
    owner = k
    while owner < last and not tokens[owner][2].endswith(("’s", "'s")) and (
        _is_capitalised(tokens[owner][2]) or (owner > k and lower[owner] in ("of", "for", "and", "the"))
    ):
        owner += 1  # "Porto Azul's sporting director", "the Ministry of Health's adviser"
    possessive = tokens[owner][2].endswith(("’s", "'s")) and _is_capitalised(tokens[owner][2])
    opens = lower[k] in _DETERMINERS or possessive
    if not opens or lower[last] in _DETERMINERS or not tokens[last][2].isalpha() or _is_capitalised(tokens[last][2]):
        return False
    described = range(owner + 1 if possessive else k, last + 1)  # the owner may be an organisation
    # "the agency" describes a body, "the team doctor" a person: the head noun tells.
    if any(lower[i] in _AUXILIARIES | _CLAUSE_BREAKS for i in described) or lower[last] in _PREPOSITIONS:
        return False
    preposition = next((i for i in described if lower[i] in _PREPOSITIONS), None)
    if preposition is not None and (preposition == described[0] or lower[preposition - 1] not in titles):
        return False  # "a spokeswoman for the hospital" describes a role; "the day after the storm" does not
    head = preposition - 1 if preposition is not None else last
    role = lower[head]
    quoted = any(sentence.quoted[i] for i in range(k, last + 1))
    if quoted or _looks_organisation([tokens[head][2]], lower_case_too=True) != body:
        return False
    return body or not titled or role in titles or role.rstrip("s") in titles


def _manner(sentence: _Sentence, j: int, floor: int) -> bool:
    """"Lee strongly denied", "officials angrily said": a manner adverb between subject and cue. Only
    after a name, a pronoun or a plural, so "the family said" keeps its noun."""
    word, low = sentence.tokens[j][2], sentence.lower[j]
    if j <= floor or not (low.endswith("ly") and len(low) > 5 and word.islower()):
        return False
    before, previous = sentence.tokens[j - 1][2], sentence.lower[j - 1]
    if previous in _DETERMINERS or previous.endswith(("’s", "'s")) or not before.isalpha():
        return False
    return _is_capitalised(before) or previous in _SUBJECT_PRONOUNS or previous.endswith("s")


def _temporal(sentence: _Sentence, j: int, floor: int) -> bool:
    """A word of a time adverbial just before the cue: "on Thursday", "two weeks ago", "last week"."""
    low = sentence.lower[j]
    if low in _DATE_WORDS - {"may", "march"} or low in ("ago", "evening", "morning", "night", "afternoon"):
        return True
    lower = sentence.lower
    previous = lower[j - 1] if j > 0 else ""
    nxt = lower[j + 1] if j + 1 < len(sentence.tokens) else ""
    after_next = lower[j + 2] if j + 2 < len(sentence.tokens) else ""
    if low in ("past", "time", "interim", "meantime") and previous == "the":
        return True  # "in the past", "at the time"
    if low == "the" and nxt in ("past", "time", "interim", "meantime"):
        return True
    if low in ("on", "at", "in", "over", "during", "for") and (
        nxt in _DATE_WORDS or nxt[:1].isdigit() or (nxt == "the" and after_next in ("past", "time", "interim"))
    ):
        return j > floor  # keep a preposition that starts the sentence out of the subject
    return (low[:1].isdigit() or low in _DETERMINERS) and nxt in _DATE_WORDS | {"weeks", "days", "months", "years"}


def _noun_phrase(sentence: _Sentence, first: int, last: int) -> bool:
    """Reject a would-be speaker that reads as a clause: "Sanders sent a message to his supporters",
    "Carson appeared on Sunday shows", "happy to hear Clinton"."""
    past = _word_set("past_verbs.txt")
    lower, tokens = sentence.lower, sentence.tokens
    for k in range(first, last + 1):
        low, word = lower[k], tokens[k][2]
        if k > first and _is_capitalised(tokens[k - 1][2]) and not _is_capitalised(word):
            # A name followed by a past-tense verb starts a clause, not a noun phrase.
            if low in past or (low.endswith("ed") and len(low) > 4 and lower[k - 1] not in _DETERMINERS):
                if k + 1 > last or lower[k + 1] not in ("by", "in", "on", "at"):
                    return False
        if low == "to" and k < last and not (_is_capitalised(tokens[k + 1][2]) or lower[k + 1] in _DETERMINERS):
            return False  # an infinitive
    return True


def _participle(sentence: _Sentence, k: int) -> bool:
    """"a report published by X": a cue form used as a participle inside a noun phrase."""
    lower = sentence.lower
    nxt = lower[k + 1] if k + 1 < len(sentence.tokens) else ""
    if not (lower[k].endswith(("ed", "en", "wn")) and nxt in _PREPOSITIONS | {"last", "this"}):
        return False
    if k > 0 and lower[k - 1] in _SUBJECT_PRONOUNS:
        return False  # "she confirmed on …": a pronoun takes no participle after it
    # "Jones confirmed on Tuesday that …": a time adverbial, then the content.
    j = k + 1
    while j < len(lower) and (lower[j] in _DATE_WORDS or lower[j] in ("on", "in", "at", "late", "early")):
        j += 1
    return not (j > k + 2 and j < len(lower) and lower[j] == "that")


def _subject_before_comma(sentence: _Sentence, comma: int, floor: int) -> _Mention | None:
    """The noun phrase before ", who": built like a subject ending at the comma."""
    tokens = sentence.tokens
    k = comma - 1
    while k >= floor and tokens[k][2] not in (",", ";", ":") and tokens[k][2] not in _QUOTE_CHARS:
        if sentence.lower[k] in _CLAUSE_BREAKS or sentence.lower[k] in _AUXILIARIES:
            break
        k -= 1
    if k + 1 > comma - 1:
        return None
    a, b = tokens[k + 1][0], tokens[comma - 1][1]
    return _Mention(a, b, a, b, sentence.text[a:b])


def _object(sentence: _Sentence, i: int, limit: int) -> tuple[int, str | None]:
    """After "told": the person told, up to "that", a comma or an adverbial. Returns next index."""
    tokens, lower = sentence.tokens, sentence.lower
    j = i
    while j < limit and j - i < 6:
        low = lower[j]
        if low in ("that", ",", ":", ".", ";") or tokens[j][2] in _QUOTE_CHARS or sentence.quoted[j]:
            break
        if j > i and (low in _PREPOSITIONS - {"of"} or low in _DATE_WORDS or low in _CLAUSE_BREAKS):
            break
        number_after_words = low[:1].isdigit() and not _is_capitalised(tokens[j - 1][2])
        if j > i and (low in _SUBJECT_PRONOUNS or low in _DETERMINERS or number_after_words):
            break  # "told POLITICO he planned …", "told host Sean Hannity a loss is …"
        if j > i and not _is_capitalised(tokens[j][2]) and _is_capitalised(tokens[j - 1][2]):
            break  # the name told ends where lower-case words start
        j += 1
    if j == i:
        return i, None
    text = sentence.text[tokens[i][0] : tokens[j - 1][1]]
    return j, _clean(text)


def _tail_content(sentence: _Sentence, after_cue: int, cue: Cue) -> tuple[int | None, int, str | None]:
    """Where reported content starts after a cue: (token index or None, frame end index, relayed)."""
    tokens, lower = sentence.tokens, sentence.lower
    n = len(tokens)
    i = after_cue
    relayed = None
    if cue.takes_object:
        i, relayed = _object(sentence, i, n)
        if relayed is None:
            return None, i, None
    # "said in a statement that", "clarified, however, that", "told reporters on Tuesday that".
    for j in range(i, min(n, i + 14)):
        if sentence.quoted[j] or tokens[j][2] in ".;?!":
            break
        if lower[j] == "that" and j + 1 < n:
            if cue.clausal and j > i and lower[j - 1] not in _word_set("claim_nouns.txt"):
                break  # "dismissed the case that …": a relative clause, not what was said
            return j + 1, j, relayed
        if lower[j] == ":" and j + 1 < n:
            return j + 1, j, relayed
        if sentence.cue_at(j) and j > i:
            break
    if i >= n:
        return None, i, relayed
    if not cue.bare:
        # "confirmed the news", "denied any improper role", "announced his candidacy": a noun
        # phrase is what was confirmed or denied. Verbs that take no object here need "that".
        if (
            cue.category == "speech"
            and not cue.takes_object
            and not cue.clausal
            and n - i >= 3
            and (
                lower[i] in _DETERMINERS
                or lower[i] == "any"  # "denied any wrongdoing"
                or _is_capitalised(tokens[i][2])
                or lower[i] == "to"
                or re.split(r"[’']", lower[i])[0] in _SUBJECT_PRONOUNS  # "announced he will step down"
            )
            and tokens[i][2] not in _QUOTE_CHARS
            and not sentence.quoted[i]
        ):
            return i, i - 1, relayed
        return None, i, relayed
    j = i
    while j < n and (lower[j] in _DATE_WORDS or lower[j] in ("on", "in", "to", "at")) and j - i < 3:
        if lower[j] in ("in", "to", "at") and (j + 1 >= n or lower[j + 1] not in _DATE_WORDS):
            return None, i, relayed  # "said in a statement …" without "that": the frame goes on
        j += 1
    if j < n and lower[j] == ",":
        j += 1
    if j >= n:
        return None, i, relayed
    word = tokens[j][2]
    first_word = re.split(r"[’']", lower[j])[0]  # "he’d", "it’s"
    if cue.lemma in ("say", "tell") and not sentence.quoted[j]:
        # The commonest cues: any clause will do, "said if …" and "said violent threats …" too.
        if (word[:1].isalnum() or word in "“\"‘") and first_word not in _PREPOSITIONS and n - j >= 3:
            return j, j - 1, relayed
    starts_clause = (
        first_word in _SUBJECT_PRONOUNS
        or lower[j] in _DETERMINERS
        or lower[j] in _pronouns()
        or lower[j] in _SUBJECT_PRONOUNS
        or _is_capitalised(word)
        or word[:1].isdigit()
        or word in "“\"‘"
    )
    starts_clause = starts_clause or lower[j].startswith(("that’", "that'"))
    # "said turnout was high": a bare noun subject, told by the verb right after it.
    starts_clause = starts_clause or any(w in _AUXILIARIES for w in lower[j + 1 : j + 4])
    rest = lower[j:]
    verbish = first_word in _SUBJECT_PRONOUNS or any(
        w in _AUXILIARIES or w.endswith(("ed", "n't", "’s", "'s", "’re", "'re", "’ll", "'ll")) or w == "not"
        for w in rest
    )
    if starts_clause and len(rest) >= 4 and verbish:
        return j, j - 1, relayed
    return None, i, relayed


def _written_medium(sentence: _Sentence, start: int, end: int) -> bool:
    return any(sentence.lower[k] in _WRITTEN_MEDIA for k in range(start, min(end, len(sentence.tokens))))


# --- Extraction -------------------------------------------------------------------------------


@dataclass
class _Found:
    spans: list[tuple[int, int]]  # content pieces
    frame: _Frame
    kind: str
    confidence: float
    quote: bool


def extract_statements(
    text: str,
    published: date | None = None,
    *,
    outlet: str | None = None,
    quotes_only: bool = False,
) -> list[Extracted]:
    """Attributed statements in ``text``, in article order.

    The outlet's own factual assertions that nobody else is credited with (dated event sentences
    such as "On 30 June, X and Y conducted a joint operation …") are kind "report" with the outlet
    as speaker; ``quotes_only`` leaves them out.
    """
    if not text or not text.strip():
        return []
    paragraphs = _paragraphs(text)
    quotes = _find_quotes(text, paragraphs)
    opens = [q.open for q in quotes]
    sentences = [_Sentence(text, a, b, p, quotes, opens) for a, b, p in _sentences(text, paragraphs, quotes)]
    resolver = _Resolver(text)
    found: list[tuple[_Found, _Sentence]] = []
    last_quoted: tuple[_Frame, int, bool] | None = None  # frame, paragraph, unclosed run-on
    for sentence in sentences:
        results = _quote_statements(sentence, text, last_quoted)
        if not results:
            results = _reported_statements(sentence, text, quotes, opens)
        for result in results:
            found.append((result, sentence))
            if result.quote:
                at = bisect_left(sentence.quote_opens, result.spans[-1][0]) - 1
                runs_on = at >= 0 and sentence.quotes[at].runs_on
                last_quoted = (result.frame, sentence.paragraph, runs_on)
    frames = [span for result, _ in found for span in result.frame.frame_spans]
    mentions = find_dates(text, published, antecedent_exclude=frames)
    statements: list[Extracted] = []
    speakers_of: dict[int, tuple[Speaker, float]] = {}
    for result, sentence in found:
        frame = result.frame
        key = frame.mention.head_start
        if key not in speakers_of:
            resolved = resolver.resolve(frame.mention)
            if resolved is None:
                continue
            speakers_of[key] = resolved
        resolver.quiet_from = sentence.end
        speaker, speaker_confidence = speakers_of[key]
        if frame.mention.head.lower() not in _pronouns():
            _add_alias(speaker, frame.mention.head)
        relayed_to = frame.relayed_to or _relayed_in(frame.mention.appositives)
        said_on = _date_in(mentions, frame.frame_spans, precision=("day",))
        context = _context(text, paragraphs[sentence.paragraph], sentence)
        for n, (content_start, end) in enumerate(result.spans):
            kind = result.kind
            if kind == "quote" and (frame.written or speaker.kind == "document"):
                kind = "written"
            start = content_start
            if frame.cue_info.denial and kind != "quote" and n == 0 and frame.cue_end <= content_start:
                # "Lindqvist denied that the system had failed": stored without the cue this
                # would read as her saying it had failed.
                start = frame.cue_start
            event = _date_in(mentions, [(content_start, end)], precision=("day",))
            if event is None and result.confidence < 0.8 and statements and statements[-1].speaker is speaker:
                event = statements[-1].event_date  # a continuing quote is about the same day
            statements.append(
                Extracted(
                    text=text[start:end],
                    kind=kind,
                    cue=frame.cue,
                    confidence=round(result.confidence - max(0.0, 0.9 - speaker_confidence), 2),
                    start=start,
                    end=end,
                    speaker=speaker,
                    speaker_start=frame.mention.head_start,
                    speaker_end=frame.mention.head_end,
                    said_on=said_on,
                    event_date=event,
                    place=_place(text[start:end]),
                    context=context,
                    relayed_to=relayed_to,
                    speaker_phrase_start=frame.mention.phrase_start,
                    speaker_phrase_end=frame.mention.phrase_end,
                    cue_start=frame.cue_start,
                    cue_end=frame.cue_end,
                    cue_category=frame.cue_info.category,
                    content_start=content_start,
                )
            )
    if not quotes_only:
        statements.extend(_outlet_reports(text, sentences, statements, quotes, mentions, outlet, paragraphs))
    statements.sort(key=lambda s: s.start)
    return statements


def _date_in(
    mentions: list[DateMention], spans: list[tuple[int, int]], precision: tuple[str, ...]
) -> date | None:
    starts = [m.start for m in mentions]
    for a, b in spans:
        for mention in mentions[bisect_left(starts, a) : bisect_left(starts, b)]:
            if mention.value and mention.precision in precision:
                return mention.value
    return None


def _context(text: str, paragraph: tuple[int, int], sentence: _Sentence) -> str:
    """The paragraph, or only the sentence when the paragraph is very long."""
    a, b = paragraph if paragraph[1] - paragraph[0] <= 2000 else (sentence.start, sentence.end)
    return _clean(text[a : min(b, a + 4000)])


_PLACE = re.compile(r"\b(?:[Ii]n|[Nn]ear|[Aa]t|[Oo]utside|[Aa]round)\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)")


def _place(statement: str) -> str | None:
    skip = _DATE_WORDS | _word_set("organisations.txt")
    for match in _PLACE.finditer(statement):
        words = match.group(1).split()
        if not any(w.lower() in skip for w in words):
            return match.group(1)
    return None


def _inner(text: str, quote: _Quote) -> tuple[int, int]:
    """The quote's words: no outer marks, and no comma left by the frame ("…,” he said)."""
    start, end = _strip_span(text, quote.inner_start, quote.inner_end)
    while end > start and text[end - 1] in ",;: ":
        end -= 1
    return start, end


def _quote_statements(
    sentence: _Sentence, text: str, last_quoted: tuple[_Frame, int, bool] | None
) -> list[_Found]:
    results: list[_Found] = []
    previous_frame: _Frame | None = None
    previous_end = sentence.start
    for quote in sentence.quotes:
        start, end = _inner(text, quote)
        words = len(re.findall(r"\w+", text[start:end]))
        if words == 0:
            continue
        confidence = 0.95 if quote.close is not None else 0.7
        frame = _trailing_frame(sentence, quote, text) if quote.close is not None else None
        if frame is None:
            frame = _leading_frame(sentence, quote, previous_end)
        if frame is None and previous_frame is not None and _only_frame_between(text, previous_end, quote.open):
            frame = previous_frame  # “…,” he said, “…”: the second half of an interrupted quote
        first_in_sentence = quote is sentence.quotes[0] and not text[sentence.start : quote.open].strip()
        whole = first_in_sentence and quote is sentence.quotes[-1] and not _WORD.search(text, quote.end, sentence.end)
        if frame is None and whole and last_quoted and words >= 3:
            last_frame, paragraph, runs_on = last_quoted
            if sentence.paragraph - paragraph <= 1 and _not_title(text[start:end]):
                frame = last_frame
                confidence = min(confidence, 0.8 if runs_on else 0.65)
        if frame is None or _named_title(text, quote, start, end, words):
            continue
        if not whole and words < 3 and frame is not previous_frame and not _attached(text, quote, frame):
            continue
        if frame.cue_info.category == "cognition":
            continue
        results.append(_Found([(start, end)], frame, "quote", confidence, True))
        previous_frame = frame
        previous_end = quote.end
    if previous_frame is not None:
        added = _participle_statement(sentence, previous_frame)
        if added:
            results.append(added)
    return results


def _participle_statement(sentence: _Sentence, frame: _Frame) -> _Found | None:
    """“…,” he said, adding that …: a second statement by the same speaker."""
    i = sentence.index_at(frame.frame_spans[-1][1])
    n = len(sentence.tokens)
    if i + 2 >= n or sentence.lower[i] != ",":
        return None
    cue = sentence.cue_at(i + 1)
    if not cue or not cue[0].endswith("ing") or cue[1].category not in ("speech", "written"):
        return None
    form, info, last = cue
    content_at, frame_end, relayed = _tail_content(sentence, last + 1, info)
    if content_at is None:
        return None
    start, end = sentence.tokens[content_at][0], _content_end(sentence)
    if start >= end:
        return None
    spans = [(sentence.tokens[i + 1][0], sentence.tokens[frame_end][1])]
    added = _Frame(frame.mention, form, sentence.tokens[i + 1][0], sentence.tokens[last][1], info, spans, relayed)
    return _Found([(start, end)], added, "reported", 0.8, False)


def _named_title(text: str, quote: _Quote, start: int, end: int, words: int) -> bool:
    """The film “The Post”, “A Promised Land,” Obama writes: names and titles, not statements."""
    window = re.split(r"[.!?;:”\"]\s", text[max(0, quote.open - 40) : quote.open])[-1]  # this sentence only
    before = re.findall(r"[\w’'-]+", window)
    while before and before[-1].lower() in ("the", "a", "an", "his", "her", "their", "its", "new", "latest"):
        before.pop()
    if before and before[-1].lower() in _word_set("title_words.txt"):
        return True
    return words <= 6 and not _not_title(text[start:end].rstrip(",;:"))


def _attached(text: str, quote: _Quote, frame: _Frame) -> bool:
    """A short quote counts only when its frame sits right beside it (“No,” he said)."""
    inner = text[quote.inner_start : quote.inner_end].rstrip()
    return inner.endswith((",", ".", "?", "!", "…", "—")) or text[quote.end : quote.end + 2].startswith(",")


def _not_title(inner: str) -> bool:
    """A title capitalises every word but the small ones: “A Promised Land”, “The Art of the Deal”."""
    words = re.findall(r"[A-Za-z][\w’'-]*", inner)
    small = {"a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by", "with", "from"}
    lower_case = [w for w in words if not w[0].isupper() and w.lower() not in small]
    sentence_like = inner.rstrip().endswith((".", "?", "!"))
    return not (2 <= len(words) <= 8 and not lower_case and not sentence_like)


def _only_frame_between(text: str, a: int, b: int) -> bool:
    between = text[a:b]
    return len(between) < 120 and bool(re.search(r",\s*$", between))


def _trailing_frame(sentence: _Sentence, quote: _Quote, text: str) -> _Frame | None:
    """“…,” X said / “…,” said X / “…,” the report added, …"""
    # Usually "…,” X said", but a comma missing inside the marks ("… anonymity" said X) is forgiven.
    if not _WORD_AFTER.match(text, quote.end, sentence.end):
        return None
    i = sentence.index_at(quote.end)
    n = len(sentence.tokens)
    if i < n and sentence.lower[i] == ",":
        i += 1
    if i >= n:
        return None
    floor = i
    following = sentence.next_quote_open(quote.end)
    limit = n if following is None else sentence.index_at(following)
    # Inverted: “…,” said Smith, a spokesman.
    cue = sentence.cue_at(i)
    if cue and cue[1].category != "cognition" and not cue[0].endswith("ing"):
        form, info, last = cue
        j = last + 1
        k = j
        while k < limit and sentence.tokens[k][2] not in (",", ".", ";", "!", "?") and k - j < 10:
            if sentence.lower[k] in ("who", "which", "whose", "whom") and k > j:
                break  # "said a longtime GOP data expert who has worked for …"
            k += 1
        ends = k >= limit or sentence.tokens[k][2] in (",", ".", ";", "!", "?") or sentence.lower[k] in (
            "who", "which", "whose", "whom"
        )
        plain = not any(sentence.quoted[x] or sentence.tokens[x][2] in _QUOTE_CHARS for x in range(j, k))
        if k > j and ends and plain and _noun_phrase(sentence, j, k - 1):
            a, b = sentence.tokens[j][0], sentence.tokens[k - 1][1]
            mention = _Mention(a, b, a, b, text[a:b])
            if k < limit and sentence.tokens[k][2] == ",":
                end_k = k + 1
                while end_k < limit and sentence.tokens[end_k][2] not in (".", "!", "?"):
                    end_k += 1
                if end_k > k + 1:
                    mention.appositives.append(text[sentence.tokens[k + 1][0] : sentence.tokens[end_k - 1][1]])
                    mention.phrase_end = sentence.tokens[end_k - 1][1]
            return _Frame(
                mention, form, sentence.tokens[i][0], sentence.tokens[last][1], info,
                [(sentence.tokens[i][0], mention.phrase_end)],
                written=info.category == "written" or _written_medium(sentence, i, k + 8),
            )
    for c in range(i + 1, min(limit, i + 40)):
        cue = sentence.cue_at(c)
        if not cue or cue[1].category == "cognition":
            continue
        if _participle(sentence, c):
            continue
        form, info, last = cue
        subject = _subject(sentence, c, floor)
        if subject is None or sentence.index_at(subject.head_start) != floor:
            continue  # the frame must start right after the quote
        relayed = None
        j = last + 1
        if info.takes_object:
            j, relayed = _object(sentence, j, limit)
        frame_end = _frame_tail_end(sentence, j, limit)
        return _Frame(
            subject, form, sentence.tokens[c][0], sentence.tokens[last][1], info,
            [(sentence.tokens[floor][0], frame_end)], relayed,
            written=info.category == "written" or _written_medium(sentence, last + 1, limit),
        )
    return None


def _frame_tail_end(sentence: _Sentence, j: int, limit: int) -> int:
    """End of the frame's own words: up to the next comma clause or the sentence end."""
    k = j
    while k < limit and sentence.tokens[k][2] not in (",", ".", ";", "!", "?", ":"):
        k += 1
    if k > j:
        return sentence.tokens[k - 1][1]
    return sentence.tokens[max(0, j - 1)][1]


def _leading_frame(sentence: _Sentence, quote: _Quote, previous_end: int) -> _Frame | None:
    """X said: “…” / X told Y on Tuesday, “…” / According to X, “…”."""
    floor = sentence.index_at(previous_end)
    top = sentence.index_at(quote.open)
    if top == floor:
        return None
    before = sentence.text[max(sentence.tokens[floor][0], quote.open - 200) : quote.open]
    according = re.search(r"\b[Aa]ccording to\s+(.+?),?\s*$", before)
    if according and len(according.group(1).split()) <= 15:
        origin = max(sentence.tokens[floor][0], quote.open - 200)
        a = origin + according.start(1)
        b = a + len(according.group(1).rstrip(", "))
        mention = _Mention(a, b, a, b, sentence.text[a:b])
        cue_a = origin + according.start()
        return _Frame(mention, "according to", cue_a, cue_a + 12, cue_lexicon()["according to"], [(cue_a, b)])
    for c in range(top - 1, max(floor, top - 13) - 1, -1):
        cue = sentence.cue_at(c)
        if not cue or cue[1].category == "cognition":
            continue
        form, info, last = cue
        j = last + 1
        relayed = None
        if info.takes_object:
            j, relayed = _object(sentence, j, top)
        between = sentence.lower[j:top]
        if any(w in _AUXILIARIES or sentence.cue_at(j + k) for k, w in enumerate(between)):
            continue
        if between and between[-1] not in (",", ":", "that") and len(between) > 6:
            continue
        subject = _subject(sentence, c, floor)
        left = c - 1
        while left > floor and sentence.lower[left] in _CUE_MODIFIERS:
            left -= 1
        if subject is None and left > floor and sentence.lower[left] in ("and", "but"):
            subject = _clause_subject(sentence, left)  # "Mrs. Clinton shook her head and said, “No.”"
        if subject is None:
            continue
        return _Frame(
            subject, form, sentence.tokens[c][0], sentence.tokens[last][1], info,
            [(subject.phrase_start, quote.open)], relayed,
            written=info.category == "written" or _written_medium(sentence, last + 1, top),
        )
    return None


def _reported_statements(sentence: _Sentence, text: str, quotes: list[_Quote], opens: list[int]) -> list[_Found]:
    """The reported statement of a sentence and, when its content holds a coordinated clause with
    a frame of its own ("X said A, while Y said B"), that clause's statement too."""
    first = _reported_statement(sentence, text)
    if first is None:
        return []
    results = [first]
    start, end = first.spans[-1]
    tokens, lower = sentence.tokens, sentence.lower
    for i in range(sentence.index_at(start), sentence.index_at(end) - 3):
        if lower[i] != "," or lower[i + 1] not in ("and", "but", "while", "whereas") or sentence.quoted[i]:
            continue
        clause = _Sentence(text, tokens[i + 2][0], sentence.end, sentence.paragraph, quotes, opens)
        second = _reported_statement(clause, text)
        if second is None or second.frame.mention.phrase_start < clause.start:
            continue
        inside_frame = second.frame.mention.phrase_start == clause.start
        trailing = second.spans[0][0] == clause.start
        if inside_frame or trailing:
            first.spans[-1] = (start, tokens[i - 1][1])  # the first statement ends at the comma
            results.append(second)
            break
    return results


def _reported_statement(sentence: _Sentence, text: str) -> _Found | None:
    """X said (that) … / X told Y that … / …, X said. / according to X, …"""
    tokens, lower = sentence.tokens, sentence.lower
    n = len(tokens)
    if n < 4:
        return None
    end = _content_end(sentence)
    according = _according_to(sentence, end)
    if according:
        return according
    for c in range(n):
        cue = sentence.cue_at(c)
        if not cue or cue[1].category == "cognition" or cue[0].lower() == "according to":
            continue
        if _participle(sentence, c) or (c > 0 and lower[c - 1] in ("to", "the", "a", "an")):
            continue
        form, info, last = cue
        if _negated(sentence, c):
            continue  # "did not say", "declined to say", "shouldn't say": nothing was said
        after_pause = _after_pause(sentence, c)
        if lower[c].endswith("ing") and not after_pause:
            continue
        before = c - 1
        while before >= 0 and lower[before] in _CUE_MODIFIERS:
            before -= 1
        if lower[c].endswith("ing") and after_pause:
            mention = _clause_subject(sentence, c)
        elif before > 0 and lower[before] in ("and", "but"):
            mention = _clause_subject(sentence, before)  # "Reid voted … and says he …"
        else:
            mention = _subject(sentence, c)
        inverted = None
        if mention is None:
            inverted = _inverted_subject(sentence, c, last)
            if inverted is None:
                continue
            mention = inverted
        if mention.head.split()[0].lower() in _NOBODY:
            continue  # "neither club confirmed the figure": nobody said it
        content_at, frame_end_index, relayed = _tail_content(sentence, last + 1, info)
        cue_span = (tokens[c][0], tokens[last][1])
        if content_at is not None and inverted is None and tokens[content_at][0] < end:
            # X said (that) …
            start = tokens[content_at][0]
            frame_spans = [(mention.phrase_start, tokens[frame_end_index][1])]
            confidence = 0.85 if lower[frame_end_index] in ("that", ":") else 0.75
            written = info.category == "written" or _written_medium(sentence, last + 1, content_at)
            frame = _Frame(mention, form, *cue_span, info, frame_spans, relayed, written)
            return _Found([(start, end)], frame, "reported", confidence, False)
        if info.clausal:
            continue  # "In July, the court rejected a request …": an act, not a frame after content
        # …, X said. / …, said X. / The strikes, he said, were …
        p = sentence.index_at(mention.phrase_start) - 1 if inverted is None else c - 1
        if p < 2 or lower[p] != ",":
            continue
        tail_end = _frame_tail_end(sentence, last + 1, n)
        tail_index = sentence.index_at(tail_end)
        if info.takes_object and relayed is None:
            j, relayed = _object(sentence, last + 1, n)
        first = _content_start(sentence)
        content = (tokens[first][0], tokens[p - 1][1])
        if tokens[p - 1][2] in _QUOTE_CHARS and sentence.quoted[p - 1]:
            continue
        frame_spans = [(tokens[p][0], max(tail_end, mention.phrase_end))]
        frame = _Frame(mention, form, *cue_span, info, frame_spans, relayed, info.category == "written")
        if tail_index >= n - 1 or tokens[tail_index][2] in ".!?" or tail_index >= len(tokens):
            return _Found([content], frame, "reported", 0.8, False)
        continues = tail_index + 1 < n and _continues_clause(lower[tail_index + 1])
        if tokens[tail_index][2] == "," and n - tail_index > 3 and len(mention.head.split()) <= 4 and continues:
            second = (tokens[tail_index + 1][0], end)
            if inverted is None and second[0] < second[1]:
                return _Found([content, second], frame, "reported", 0.75, False)
        if tokens[tail_index][2] == ",":
            return _Found([content], frame, "reported", 0.7, False)
    return None


def _clause_subject(sentence: _Sentence, limit: int) -> _Mention | None:
    """"One operative inside Trump Tower tried …, saying …": the subject that opens the clause."""
    tokens, lower = sentence.tokens, sentence.lower
    first = _content_start(sentence)
    if lower[first] in _PREPOSITIONS | _CLAUSE_BREAKS | {"after", "during", "earlier", "later"} or (
        lower[first].endswith("ly") and lower[first + 1 : first + 2] != [","]
    ):
        # "In 2016, Mrs. Schlafly endorsed …": the subject follows the opening adverbial.
        comma = next((x for x in range(first, min(limit, first + 12)) if tokens[x][2] == ","), None)
        if comma is None:
            return None
        first = comma + 1
    k = first
    while k < limit and k - first < 9:
        low = lower[k]
        if low in _AUXILIARIES or low in _CLAUSE_BREAKS or tokens[k][2] in ",;:" or sentence.cue_at(k):
            break
        if k > first and not _is_capitalised(tokens[k][2]) and (
            low.endswith("ed") or low in _word_set("past_verbs.txt")
        ):
            break  # the verb: the subject is what came before it
        if sentence.quoted[k] or tokens[k][2] in _QUOTE_CHARS:
            return None
        k += 1
    if k < limit and tokens[k][2] == "," and k > first and _is_capitalised(tokens[k - 1][2]):
        # "Erin Brockovich, the legendary activist, endorsed …": step over the appositive.
        close = next((x for x in range(k + 1, min(limit, k + 25)) if tokens[x][2] == ","), None)
        verb = lower[close + 1] if close is not None and close + 1 < limit else ""
        if close is not None and verb.isalpha() and verb.islower() and verb not in _DETERMINERS | _CLAUSE_BREAKS:
            a, b = tokens[first][0], tokens[k - 1][1]
            mention = _Mention(a, tokens[close - 1][1], a, b, sentence.text[a:b])
            mention.appositives.append(sentence.text[tokens[k + 1][0] : tokens[close - 1][1]])
            return mention
    if k < limit and tokens[k][2] == "," and k > first and _description(sentence, first, k - 1):
        # "The finance minister, Karin Holt, defended …": the name after the role is the subject.
        close = next((x for x in range(k + 1, min(limit, k + 7)) if tokens[x][2] == ","), None)
        if close is not None and close + 1 < limit and _name_like(sentence, k + 1, close - 1):
            a, b = tokens[k + 1][0], tokens[close - 1][1]
            mention = _Mention(tokens[first][0], b, a, b, sentence.text[a:b])
            mention.appositives.append(sentence.text[tokens[first][0] : tokens[k - 1][1]])
            return mention
    if k == first or k >= limit or tokens[k][2] in ",;:":
        return None
    a, b = tokens[first][0], tokens[k - 1][1]
    return _Mention(a, b, a, b, sentence.text[a:b])


def _negated(sentence: _Sentence, c: int) -> bool:
    """The cue's own verb group is negated: "did not say", "has never said", "declined to say"."""
    k = c - 1
    while k >= 0 and c - k <= 4:
        word = sentence.lower[k]
        if word in ("not", "never", "n't", "declined", "refused") or word.endswith(("n't", "n’t")):
            return True
        if word not in _CUE_MODIFIERS and word not in ("to", "would", "could", "should", "will"):
            return False
        k -= 1
    return False


def _after_pause(sentence: _Sentence, c: int) -> bool:
    """A participle cue after a comma or dash (a closing quote may sit between): ", saying …"."""
    k = c - 1
    while k >= 0 and sentence.tokens[k][2] in _QUOTE_CHARS:
        k -= 1
    return k >= 0 and sentence.tokens[k][2] in (",", "—", "–", "-", "--")


def _continues_clause(word: str) -> bool:
    """"The strikes, he said, were …": after the frame the sentence goes on with its verb, not with
    an adjunct of the frame (", wiping sweat off his face", ", adding that …")."""
    if word in _AUXILIARIES:
        return True
    return word.isalpha() and word.islower() and not word.endswith("ing") and word not in (
        _CLAUSE_BREAKS | _PREPOSITIONS | _DETERMINERS | _SUBJECT_PRONOUNS | {"according"}
    )


def _inverted_subject(sentence: _Sentence, c: int, last: int) -> _Mention | None:
    """", said Smith." — the speaker after the cue, which itself follows a comma."""
    if c == 0 or sentence.lower[c - 1] != ",":
        return None
    n = len(sentence.tokens)
    k = last + 1
    while k < n and sentence.tokens[k][2] not in (",", ".", ";", "!", "?") and k - last <= 8:
        if sentence.lower[k] in _CLAUSE_BREAKS | _AUXILIARIES:
            return None
        k += 1
    if k == last + 1 or (k < n and sentence.tokens[k][2] not in (".", ",", "!", "?")):
        return None
    if not any(_is_capitalised(t[2]) or t[2].lower() in _DETERMINERS for t in sentence.tokens[last + 1 : k]):
        return None
    a, b = sentence.tokens[last + 1][0], sentence.tokens[k - 1][1]
    return _Mention(a, b, a, b, sentence.text[a:b])


def _according_to(sentence: _Sentence, end: int) -> _Found | None:
    tokens, lower = sentence.tokens, sentence.lower
    n = len(tokens)
    for c in range(n - 1):
        if lower[c] != "according" or lower[c + 1] != "to" or sentence.quoted[c]:
            continue
        k = c + 2
        while k < n and tokens[k][2] not in (",", ".", ";", "!", "?", ":", "-", "—", "–") and k - c < 32:
            if sentence.quoted[k]:
                break
            k += 1
        if k == c + 2:
            return None
        a, b = tokens[c + 2][0], tokens[k - 1][1]
        mention = _Mention(a, b, a, b, sentence.text[a:b])
        frame_spans = [(tokens[c][0], b)]
        cue = cue_lexicon()["according to"]
        frame = _Frame(mention, "according to", tokens[c][0], tokens[c + 1][1], cue, frame_spans)
        first = _content_start(sentence)
        if c <= first + 1 and k < n and tokens[k][2] == "," and k + 1 < n and tokens[k + 1][0] < end:
            return _Found([(tokens[k + 1][0], end)], frame, "reported", 0.85, False)
        if c > first + 2:
            stop = c - 1 if lower[c - 1] == "," else c
            content = (tokens[first][0], tokens[stop - 1][1])
            spans = [content]
            if k < n - 2 and tokens[k][2] == ",":
                spans.append((tokens[k + 1][0], end))
            return _Found(spans, frame, "reported", 0.8, False)
    return None


def _content_start(sentence: _Sentence) -> int:
    """Skip a dateline ("ERBIL (Kurdistan 24) -") and a leading conjunction."""
    match = _DATELINE.match(sentence.text, sentence.start, sentence.end)
    i = sentence.index_at(match.end()) if match else 0
    if i < len(sentence.tokens) and sentence.lower[i] in ("but", "and", "yet", "so"):
        i += 1
    return min(i, len(sentence.tokens) - 1)


def _content_end(sentence: _Sentence) -> int:
    """Sentence end without its final full stop (a closing quote mark stays)."""
    end = sentence.end
    while end > sentence.start and sentence.text[end - 1] in ".;:!? ":
        end -= 1
    if sentence.text[end - 1 : end] in ("?", "!"):
        end += 0
    return end


@cache
def _background_opener() -> re.Pattern[str]:
    openers = sorted(_data_lines("background_openers.txt"), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(o) for o in openers) + r")\b")


_DATELINE = re.compile(
    r"\s*[A-Z][A-Z .,'’-]{2,}(?:,\s*[A-Z][A-Za-z. ]+)?\s*(?:\([^)]{1,40}\))?\s*[-–—]{1,2}\s+"
)


def _outlet_reports(
    text: str,
    sentences: list[_Sentence],
    statements: list[Extracted],
    quotes: list[_Quote],
    mentions: list[DateMention],
    outlet: str | None,
    paragraphs: list[tuple[int, int]],
) -> list[Extracted]:
    """Dated event sentences nobody else is credited with: the outlet's own reports."""
    starts = [s.start for s in sentences]
    covered: set[int] = set()
    for s in statements:
        for x, y in ((s.start, s.end), (s.speaker_phrase_start or s.start, s.cue_end or s.end)):
            i = max(0, bisect_left(starts, x) - 1)
            while i < len(sentences) and sentences[i].start < y:
                if x < sentences[i].end:
                    covered.add(i)
                i += 1
    opens = [q.open for q in quotes]
    mention_starts = [m.start for m in mentions]
    past = _word_set("past_verbs.txt")
    speaker = Speaker(name=outlet or "the outlet", kind="organisation")
    reports = []
    for number, sentence in enumerate(sentences):
        a, b = sentence.start, sentence.end
        if number in covered or sentence.quotes or not sentence.tokens:
            continue
        inside = bisect_left(opens, a) - 1
        if (inside >= 0 and quotes[inside].end > a) or "?" in text[a:b]:
            continue
        first = _content_start(sentence)
        start = sentence.tokens[first][0]
        if _background_opener().match(text, start, b):
            continue
        dated = [
            m
            for m in mentions[bisect_left(mention_starts, start) : bisect_left(mention_starts, b)]
            if m.precision == "day" and m.value
        ]
        if not dated:
            continue
        words = sentence.lower[first:]
        modal = ("would", "could", "may", "might", "will", "should")
        if len(words) < 6 or any(t[2] in modal for t in sentence.tokens[first:]):  # "May" is a month
            continue
        cues = [sentence.cue_at(i) for i in range(first, len(sentence.tokens))]
        if any(cue and cue[1].category != "written" for cue in cues):
            continue  # somebody is credited: not the outlet's own word
        verbs = [
            i for i, w in enumerate(words)
            if i > 0 and ((w in past) or (w.endswith("ed") and len(w) > 4 and words[i - 1] not in _DETERMINERS))
        ]
        if not verbs:
            continue
        end = _content_end(sentence)
        reports.append(
            Extracted(
                text=text[start:end],
                kind="report",
                cue=None,
                confidence=0.6,
                start=start,
                end=end,
                speaker=speaker,
                speaker_start=None,
                speaker_end=None,
                said_on=None,
                event_date=dated[0].value,
                place=_place(text[start:end]),
                context=_context(text, paragraphs[sentence.paragraph], sentence),
            )
        )
    return reports
