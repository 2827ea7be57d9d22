"""Reported speech: ``X said (that) …``, ``X told Y that …``, ``…, X said.``, ``according to X, …``."""

from __future__ import annotations

from .frames import (
    Found,
    Frame,
    clause_subject,
    find_subject,
    frame_tail_end,
    inverted_subject,
    tail_content,
    told_object,
)
from .grammar import (
    content_end,
    continues_clause,
    first_content_token,
    follows_pause,
    frame_has_no_object,
    is_negated,
    is_participle,
    reported_end,
    written_medium,
)
from .lexicon import CUE_MODIFIERS, NOBODY, QUOTE_CHARS, cue_lexicon
from .sentences import Copy, Sentence, Span
from .speakers import Mention


def reported_statements(sentence: Sentence, copy: Copy) -> list[Found]:
    """The reported statement of a sentence and, when its content holds a coordinated clause with
    a frame of its own ("X said A, while Y said B"), that clause's statement too."""
    text = copy.text
    first = _reported_statement(sentence, text)
    if first is None:
        return []
    results = [first]
    start, end = first.spans[-1]
    tokens, lower = sentence.tokens, sentence.lower
    for i in range(sentence.index_at(start), sentence.index_at(end) - 3):
        added = _added_statement(sentence, first, i) if first.frame.cue_end <= start else None
        if added is not None:
            # "X said A, but added that B": the same speaker's second statement.
            first.spans[-1] = Span(start, tokens[i - 1 if lower[i - 1] != "," else i - 2].end)
            results.append(added)
            break
        if lower[i] != "," or lower[i + 1] not in ("and", "but", "while", "whereas") or sentence.quoted[i]:
            continue
        clause = Sentence(text, tokens[i + 2].start, sentence.end, sentence.paragraph, copy.quotes, copy.opens)
        second = _reported_statement(clause, text)
        if second is None or second.frame.mention.phrase_start < clause.start:
            continue
        inside_frame = second.frame.mention.phrase_start == clause.start
        trailing = second.spans[0][0] == clause.start
        if inside_frame or trailing:
            first.spans[-1] = Span(start, tokens[i - 1].end)  # the first statement ends at the comma
            results.append(second)
            break
    else:
        if first.frame.cue_end <= start:  # "X said …": the writer may go on with a clause of his own
            first.spans[-1] = Span(start, reported_end(sentence, sentence.index_at(start), end))
    return results


def _reported_statement(sentence: Sentence, text: str) -> Found | None:
    """X said (that) … / X told Y that … / …, X said. / according to X, …"""
    tokens, lower = sentence.tokens, sentence.lower
    n = len(tokens)
    if n < 4:
        return None
    end = content_end(sentence)
    according = _according_to(sentence, end)
    if according:
        return according
    for c in range(n):
        cue = sentence.cue_at(c)
        if not cue or cue.cue.category == "cognition" or cue.form.lower() == "according to":
            continue
        if is_participle(sentence, c) or (c > 0 and lower[c - 1] in ("to", "the", "a", "an")):
            continue
        form, info, last = cue
        if is_negated(sentence, c):
            continue  # "did not say", "declined to say", "shouldn't say": nothing was said
        after_pause = follows_pause(sentence, c)
        if lower[c].endswith("ing") and not after_pause:
            continue
        before = c - 1
        while before >= 0 and lower[before] in CUE_MODIFIERS:
            before -= 1
        if lower[c].endswith("ing") and after_pause:
            mention = clause_subject(sentence, c)
        elif before > 0 and lower[before] in ("and", "but"):
            mention = clause_subject(sentence, before)  # "Reid voted … and says he …"
        else:
            mention = find_subject(sentence, c)
        inverted = None
        if mention is None:
            inverted = inverted_subject(sentence, c, last)
            if inverted is None:
                continue
            mention = inverted
        if mention.head.split()[0].lower() in NOBODY:
            continue  # "neither club confirmed the figure": nobody said it
        content_at, frame_end_index, relayed = tail_content(sentence, last + 1, info)
        if _between_commas(sentence, mention, last):
            content_at = None  # "The strikes, he said, were necessary": the frame interrupts the content
        cue_span = (tokens[c].start, tokens[last].end)
        if content_at is not None and inverted is None and tokens[content_at].start < end:
            # X said (that) …
            start = tokens[content_at].start
            frame_spans = [Span(mention.phrase_start, tokens[frame_end_index].end)]
            confidence = 0.85 if lower[frame_end_index] in ("that", ":") else 0.75
            written = info.category == "written" or written_medium(sentence, last + 1, content_at)
            frame = Frame(mention, form, *cue_span, info, frame_spans, relayed, written)
            return Found([Span(start, end)], frame, "reported", confidence, False)
        if info.clausal:
            continue  # "In July, the court rejected a request …": an act, not a frame after content
        # …, X said. / …, said X. / The strikes, he said, were …
        p = sentence.index_at(mention.phrase_start) - 1 if inverted is None else c - 1
        if p < 2 or lower[p] != ",":
            continue
        tail_end = frame_tail_end(sentence, last + 1, n)
        tail_index = sentence.index_at(tail_end)
        after = last + 1
        if info.takes_object:
            after, told = told_object(sentence, last + 1, n)
            relayed = relayed or told
        if inverted is None and not frame_has_no_object(sentence, after, tail_index):
            continue  # "At the debate, Clinton mentioned her name": the cue's object is what was said
        first = first_content_token(sentence)
        content = Span(tokens[first].start, tokens[p - 1].end)
        if tokens[p - 1].text in QUOTE_CHARS and sentence.quoted[p - 1]:
            continue
        frame_spans = [Span(tokens[p].start, max(tail_end, mention.phrase_end))]
        frame = Frame(mention, form, *cue_span, info, frame_spans, relayed, info.category == "written")
        if tail_index >= n - 1 or tokens[tail_index].text in ".!?" or tail_index >= len(tokens):
            return Found([content], frame, "reported", 0.8, False)
        continues = tail_index + 1 < n and continues_clause(lower[tail_index + 1])
        if tokens[tail_index].text == "," and n - tail_index > 3 and len(mention.head.split()) <= 4 and continues:
            second = Span(tokens[tail_index + 1].start, end)
            if inverted is None and second.start < second.end:
                return Found([content, second], frame, "reported", 0.75, False)
        if tokens[tail_index].text == ",":
            return Found([content], frame, "reported", 0.7, False)
    return None


def _added_statement(sentence: Sentence, first: Found, i: int) -> Found | None:
    """At token i, "and"/"but" then a speech cue with content of its own ("…, but stated that B",
    "… and added that B"): a second statement of the first one's speaker."""
    lower, tokens = sentence.lower, sentence.tokens
    if lower[i] not in ("and", "but") or sentence.quoted[i] or i + 1 >= len(tokens):
        return None
    cue = sentence.cue_at(i + 1)
    if not cue or cue.form.endswith("ing") or cue.cue.category not in ("speech", "written"):
        return None
    form, info, last = cue
    content_at, frame_end, relayed = tail_content(sentence, last + 1, info)
    if content_at is None:
        return None
    span = Span(tokens[content_at].start, reported_end(sentence, content_at, content_end(sentence)))
    frame = Frame(
        first.frame.mention, form, tokens[i + 1].start, tokens[last].end, info,
        [Span(tokens[i + 1].start, tokens[frame_end].end)], relayed, info.category == "written",
    )
    return Found([span], frame, "reported", 0.8, False)


def _between_commas(sentence: Sentence, mention: Mention, last: int) -> bool:
    """The frame stands between commas inside a clause, whose verb comes after it: "The strikes,
    he said, were necessary" (not "Back home, he said, he took aim …", where a clause follows)."""
    before = sentence.index_at(mention.phrase_start) - 1
    lower = sentence.lower
    return before >= 2 and lower[before] == "," and last + 2 < len(lower) and lower[last + 1] == "," and (
        continues_clause(lower[last + 2])
    )


def _according_to(sentence: Sentence, end: int) -> Found | None:
    tokens, lower = sentence.tokens, sentence.lower
    n = len(tokens)
    for c in range(n - 1):
        if lower[c] != "according" or lower[c + 1] != "to" or sentence.quoted[c]:
            continue
        k = c + 2
        while k < n and tokens[k].text not in (",", ".", ";", "!", "?", ":", "-", "—", "–") and k - c < 32:
            if sentence.quoted[k]:
                break
            k += 1
        if k == c + 2:
            return None
        a, b = tokens[c + 2].start, tokens[k - 1].end
        mention = Mention(a, b, a, b, sentence.text[a:b])
        frame_spans = [Span(tokens[c].start, b)]
        cue = cue_lexicon()["according to"]
        frame = Frame(mention, "according to", tokens[c].start, tokens[c + 1].end, cue, frame_spans)
        first = first_content_token(sentence)
        if c <= first + 1 and k < n and tokens[k].text == "," and k + 1 < n and tokens[k + 1].start < end:
            return Found([Span(tokens[k + 1].start, end)], frame, "reported", 0.85, False)
        if c > first + 2:
            stop = c - 1 if lower[c - 1] == "," else c
            content = Span(tokens[first].start, tokens[stop - 1].end)
            spans = [content]
            if k < n - 2 and tokens[k].text == ",":
                spans.append(Span(tokens[k + 1].start, end))
            return Found(spans, frame, "reported", 0.8, False)
    return None
