"""Quoted statements: each quote in a sentence with the frame that credits it."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..text.tokens import part_at, parts
from ..text.tokens import words as words_of
from .frames import (
    Found,
    Frame,
    clause_subject,
    find_subject,
    frame_tail_end,
    quoted_source,
    tail_content,
    told_object,
)
from .grammar import (
    content_end,
    first_content_token,
    follows_pause,
    is_noun_phrase,
    is_participle,
    name_like,
    written_medium,
)
from .lexicon import AUXILIARIES, CUE_MODIFIERS, QUOTE_CHARS, WRITTEN_MEDIA, cue_lexicon, word_set
from .sentences import Quote, Sentence, Span, is_capitalised, strip_span
from .speakers import Mention

_COMMA_AFTER = re.compile(r"\s*,?\s*")  # then a word: "…,” X said" or "…” X said"


def _inner(text: str, quote: Quote) -> Span:
    """The quote's words: no outer marks, and no comma left by the frame ("…,” he said)."""
    start, end = strip_span(text, quote.inner_start, quote.inner_end)
    while end > start and text[end - 1] in ",;: ":
        end -= 1
    return Span(start, end)


class LastQuoted(NamedTuple):
    """The last quote attributed so far, which a quote standing alone as a sentence continues."""

    frame: Frame
    paragraph: int
    runs_on: bool  # it was left open and the next paragraph opens with a quote mark


def quote_statements(sentence: Sentence, last_quoted: LastQuoted | None) -> list[Found]:
    """Each quote in ``sentence`` with the frame that credits it, and a statement the frame adds
    ("…,” he said, adding that …")."""
    text = sentence.text
    results: list[Found] = []
    previous_frame: Frame | None = None
    previous_end = sentence.start
    for quote in sentence.quotes:
        start, end = _inner(text, quote)
        words = sum(1 for _ in parts(text[start:end]))
        if words == 0:
            continue
        confidence = 0.95 if quote.close is not None else 0.7
        frame = _trailing_frame(sentence, quote, text) if quote.close is not None else None
        if frame is None:
            frame = (
                _leading_frame(sentence, quote, previous_end)
                or _document_reads(sentence, quote, previous_end)
                or _colon_frame(sentence, quote, previous_end)
            )
            first_quote = previous_frame is None or previous_frame.cue_start != getattr(frame, "cue_start", None)
            clause = _clause_around(sentence, frame, quote) if frame is not None and first_quote else None
            if frame is not None and clause is not None:
                # "He said her “only experience” was …": the reported clause is the statement.
                results.append(Found([clause], frame, "reported", 0.85, False))
                break
        if frame is None and previous_frame is not None and _only_frame_between(text, previous_end, quote.open):
            frame = previous_frame  # “…,” he said, “…”: the second half of an interrupted quote
        first_in_sentence = quote is sentence.quotes[0] and not text[sentence.start : quote.open].strip()
        whole = first_in_sentence and quote is sentence.quotes[-1] and not _word_in(text, quote.end, sentence.end)
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
        interrupted = previous_frame is not None and frame.cue_start == previous_frame.cue_start
        if interrupted and results and results[-1].quote and _only_frame_between(text, previous_end, quote.open):
            # “…,” he said, “…”: one quote that the frame interrupts, one statement.
            results[-1].spans.append(Span(start, end))
        else:
            results.append(Found([Span(start, end)], frame, "quote", confidence, True))
        previous_frame = frame
        previous_end = quote.end
    if previous_frame is not None:
        added = _participle_statement(sentence, previous_frame)
        if added:
            results.append(added)
    return results


def _participle_statement(sentence: Sentence, frame: Frame) -> Found | None:
    """“…,” he said, adding that …: a second statement by the same speaker."""
    i = sentence.index_at(frame.frame_spans[-1][1])
    n = len(sentence.tokens)
    if i + 2 >= n or sentence.lower[i] != ",":
        return None
    cue = sentence.cue_at(i + 1)
    if not cue or not cue.form.endswith("ing") or cue.cue.category not in ("speech", "written"):
        return None
    form, info, last = cue
    content_at, frame_end, relayed = tail_content(sentence, last + 1, info)
    if content_at is None:
        return None
    start, end = sentence.tokens[content_at].start, content_end(sentence)
    if start >= end:
        return None
    spans = [Span(sentence.tokens[i + 1].start, sentence.tokens[frame_end].end)]
    added = Frame(frame.mention, form, sentence.tokens[i + 1].start, sentence.tokens[last].end, info, spans, relayed)
    return Found([Span(start, end)], added, "reported", 0.8, False)


def _clause_around(sentence: Sentence, frame: Frame, quote: Quote) -> Span | None:
    """The clause the frame reports when the quote is only a phrase inside it: words of that
    clause stand between the cue and the quote mark ("X said the plan was “dead on arrival”"), or
    go on right after the quote ("X said that “race matters” in every city")."""
    content_at = tail_content(sentence, sentence.index_at(frame.cue_end), frame.cue_info).content_at
    top = sentence.index_at(quote.open)
    if content_at is None or content_at > top:
        return None
    end = content_end(sentence)
    before = content_at < top and sentence.lower[top - 1] != ","
    after = re.match(r"\s*\w", sentence.text[quote.end : end]) is not None
    return Span(sentence.tokens[content_at].start, end) if before or after else None


def _named_title(text: str, quote: Quote, start: int, end: int, words: int) -> bool:
    """The film “The Post”, “A Promised Land,” Obama writes: names and titles, not statements."""
    window = re.split(r"[.!?;:”\"]\s", text[max(0, quote.open - 40) : quote.open])[-1]  # this sentence only
    before = words_of(window)
    while before and before[-1].lower() in ("the", "a", "an", "his", "her", "their", "its", "new", "latest"):
        before.pop()
    if before and before[-1].lower() in word_set("title_words"):
        return True
    return words <= 6 and not _not_title(text[start:end].rstrip(",;:"))


def _word_in(text: str, start: int, end: int) -> bool:
    """Whether a word starts in ``text[start:end]``."""
    return next(parts(text, start, end), None) is not None


def _attached(text: str, quote: Quote, frame: Frame) -> bool:
    """A short quote counts only when its frame sits right beside it (“No,” he said)."""
    inner = text[quote.inner_start : quote.inner_end].rstrip()
    return inner.endswith((",", ".", "?", "!", "…", "—")) or text[quote.end : quote.end + 2].startswith(",")


def _not_title(inner: str) -> bool:
    """A title capitalises every word but the small ones: “A Promised Land”, “The Art of the Deal”."""
    found = [w for w in words_of(inner) if w[0].isalpha()]
    small = {"a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by", "with", "from"}
    lower_case = [w for w in found if not w[0].isupper() and w.lower() not in small]
    sentence_like = inner.rstrip().endswith((".", "?", "!"))
    return not (2 <= len(found) <= 8 and not lower_case and not sentence_like)


def _only_frame_between(text: str, a: int, b: int) -> bool:
    between = text[a:b]
    return len(between) < 120 and bool(re.search(r",\s*$", between))


def _trailing_frame(sentence: Sentence, quote: Quote, text: str) -> Frame | None:
    """“…,” X said / “…,” said X / “…,” the report added, …"""
    # Usually "…,” X said", but a comma missing inside the marks ("… anonymity" said X) is forgiven.
    gap = _COMMA_AFTER.match(text, quote.end, sentence.end)
    if gap is None or gap.end() >= sentence.end or not part_at(text, gap.end()):
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
    if cue and cue.cue.category != "cognition" and not cue.form.endswith("ing"):
        form, info, last = cue
        j = last + 1
        k = j
        while k < limit and sentence.tokens[k].text not in (",", ".", ";", "!", "?") and k - j < 10:
            if sentence.lower[k] in ("who", "which", "whose", "whom") and k > j:
                break  # "said a longtime GOP data expert who has worked for …"
            k += 1
        ends = k >= limit or sentence.tokens[k].text in (",", ".", ";", "!", "?") or sentence.lower[k] in (
            "who", "which", "whose", "whom"
        )
        plain = not any(sentence.quoted[x] or sentence.tokens[x].text in QUOTE_CHARS for x in range(j, k))
        if k > j and ends and plain and is_noun_phrase(sentence, j, k - 1):
            a, b = sentence.tokens[j].start, sentence.tokens[k - 1].end
            mention = Mention(a, b, a, b, text[a:b])
            if k < limit and sentence.tokens[k].text == ",":
                end_k = k + 1
                while end_k < limit and sentence.tokens[end_k].text not in (".", "!", "?"):
                    end_k += 1
                if end_k > k + 1:
                    mention.appositives.append(text[sentence.tokens[k + 1].start : sentence.tokens[end_k - 1].end])
                    mention.phrase_end = sentence.tokens[end_k - 1].end
            return Frame(
                mention, form, sentence.tokens[i].start, sentence.tokens[last].end, info,
                [Span(sentence.tokens[i].start, mention.phrase_end)],
                written=info.category == "written" or written_medium(sentence, i, k + 8),
            )
    for c in range(i + 1, min(limit, i + 40)):
        cue = sentence.cue_at(c)
        if not cue or cue.cue.category == "cognition":
            continue
        if is_participle(sentence, c):
            continue
        form, info, last = cue
        subject = find_subject(sentence, c, floor)
        if subject is None or sentence.index_at(subject.head_start) != floor:
            continue  # the frame must start right after the quote
        relayed = None
        j = last + 1
        if info.takes_object:
            j, relayed = told_object(sentence, j, limit)
        frame_end = frame_tail_end(sentence, j, limit)
        return Frame(
            subject, form, sentence.tokens[c].start, sentence.tokens[last].end, info,
            [Span(sentence.tokens[floor].start, frame_end)], relayed,
            written=info.category == "written" or written_medium(sentence, last + 1, limit),
        )
    return None


def _leading_frame(sentence: Sentence, quote: Quote, previous_end: int) -> Frame | None:
    """X said: “…” / X told Y on Tuesday, “…” / According to X, “…”."""
    floor = sentence.index_at(previous_end)
    top = sentence.index_at(quote.open)
    if top == floor:
        return None
    before = sentence.text[max(sentence.tokens[floor].start, quote.open - 200) : quote.open]
    according = re.search(r"\b[Aa]ccording to\s+(.+?),?\s*$", before)
    if according and len(according.group(1).split()) <= 15:
        origin = max(sentence.tokens[floor].start, quote.open - 200)
        a = origin + according.start(1)
        b = a + len(according.group(1).rstrip(", "))
        mention = Mention(a, b, a, b, sentence.text[a:b])
        cue_a = origin + according.start()
        return Frame(mention, "according to", cue_a, cue_a + 12, cue_lexicon()["according to"], [Span(cue_a, b)])
    for c in range(top - 1, max(floor, top - 13) - 1, -1):
        cue = sentence.cue_at(c)
        if not cue or cue.cue.category == "cognition":
            continue
        if cue.cue.category == "finding" and _spoken_before(sentence, floor, c):
            continue  # "Lee said the raid showed “clear contempt”": what Lee said, not the raid
        form, info, last = cue
        j = last + 1
        relayed = None
        if info.takes_object:
            j, relayed = told_object(sentence, j, top)
        between = sentence.lower[j:top]
        if any(w in AUXILIARIES or sentence.cue_at(j + k) for k, w in enumerate(between)):
            continue
        if between and between[-1] not in (",", ":", "that") and len(between) > 6:
            continue
        source = quoted_source(sentence, c) if form.endswith("ing") else None
        subject: Mention | None
        if source is not None:
            subject = source[0]  # "The agency quoted an aide saying “…”": the aide says it
        elif form.endswith("ing") and follows_pause(sentence, c):
            subject = clause_subject(sentence, c)  # "The group attacked him, saying he “…”"
        else:
            subject = find_subject(sentence, c, floor)
        left = c - 1
        while left > floor and sentence.lower[left] in CUE_MODIFIERS:
            left -= 1
        if subject is None and left > floor and sentence.lower[left] in ("and", "but"):
            subject = clause_subject(sentence, left)  # "Mrs. Clinton shook her head and said, “No.”"
        if subject is None:
            continue
        return Frame(
            subject, form, sentence.tokens[c].start, sentence.tokens[last].end, info,
            [Span(subject.phrase_start, quote.open)], relayed,
            written=info.category == "written" or written_medium(sentence, last + 1, top),
        )
    return None


def _colon_frame(sentence: Sentence, quote: Quote, previous_end: int) -> Frame | None:
    """"Lind shook her head: “We will not pay.”": no cue verb, but a person named opens the
    sentence, whose verb phrase ends in a colon and the quote she is heard saying. A thing as the
    subject ("The sign read: …", "Officials had one message: …") is no speaker."""
    tokens, lower = sentence.tokens, sentence.lower
    top = sentence.index_at(quote.open)
    first = first_content_token(sentence)
    if top - first < 3 or tokens[top - 1].text != ":" or _word_in(sentence.text, quote.end, sentence.end):
        return None
    if sentence.headline:
        return None  # "Northern floods: “…”": a headline's topic, not a person and a verb
    if tokens[first].start < previous_end or any(sentence.quoted[k] for k in range(first, top)):
        return None
    last = first
    while last + 1 < top and is_capitalised(tokens[last + 1].text):
        last += 1
    if tokens[last].text.endswith(("’s", "'s")):
        return None  # "Lee's reply was short: …": her reply is the subject, not she
    verb = lower[last + 1] if last + 1 < top - 1 else ""
    if not (verb.isalpha() and verb.islower()) or verb in AUXILIARIES:
        return None  # "Holt was blunt: …" describes her; "Holt shook her head: …" is her answer
    if not name_like(sentence, first, last):
        # "He went on: “…”" is left out: with no cue verb, a pronoun resolved to the last speaker
        # credits too many quotes to the wrong person.
        return None
    a, b = tokens[first].start, tokens[last].end
    colon = tokens[top - 1]
    return Frame(Mention(a, b, a, b, sentence.text[a:b]), ":", colon.start, colon.end, cue_lexicon()["said"],
                 [Span(a, colon.end)])


def _document_reads(sentence: Sentence, quote: Quote, previous_end: int) -> Frame | None:
    """"The ministry's statement read: “…”", "The letter reads, in part, “…”": what a written
    statement reads is what it says; the statement, resolved like "the report", is credited."""
    tokens, lower = sentence.tokens, sentence.lower
    top = sentence.index_at(quote.open)
    first = first_content_token(sentence)
    k = top - 1
    if k < 0 or tokens[k].text not in (":", ","):
        return None
    k -= 1
    if k > 2 and lower[k - 1 : k + 1] == ["in", "part"]:
        k -= 2 + (lower[k - 2] == ",")  # "read in part:", "read, in part,"
    if k < 1 or lower[k] not in ("read", "reads") or lower[k - 1] not in WRITTEN_MEDIA:
        return None
    if tokens[first].start < previous_end or k - 1 - first > 7 or any(sentence.quoted[x] for x in range(first, k)):
        return None
    a, b = tokens[first].start, tokens[k - 1].end
    owner = tokens[k - 2].text if k - 2 >= first else ""
    if owner.lower() in ("her", "his", "its", "their", "our", "my", "your"):
        return None  # "Her letter reads": whose, the pronoun does not say by itself
    if owner in ("’", "'") and k - 3 >= first:
        b = tokens[k - 3].end  # "The prosecutors' statement read"
    for mark in ("’s", "'s"):
        if owner.endswith(mark) and len(owner) > len(mark):
            # "The agency's statement read": the agency wrote it, as in "the agency said in a statement".
            b = tokens[k - 2].end - len(mark)
    info = cue_lexicon()["wrote"]
    return Frame(Mention(a, tokens[k - 1].end, a, b, sentence.text[a:b]), tokens[k].text, tokens[k].start,
                 tokens[k].end, info, [Span(a, tokens[top - 1].end)], written=True)


def _spoken_before(sentence: Sentence, floor: int, c: int) -> bool:
    """A speech cue stands between ``floor`` and token c, so a cue at c is inside its content."""
    return any((cue := sentence.cue_at(k)) and cue.cue.category in ("speech", "written") for k in range(floor, c))

