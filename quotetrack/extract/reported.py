"""Reported speech: ``X said (that) …``, ``X told Y that …``, ``…, X said.``, ``according to X, …``."""

from __future__ import annotations

import re
from functools import cache

from ..text import lexicon as text_lexicon
from ..text.numbers import modifiers, read_number, told_of_a_whole
from .frames import (
    Found,
    Frame,
    clause_subject,
    find_subject,
    frame_tail_end,
    inverted_subject,
    quoted_source,
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
from .lexicon import (
    AUXILIARIES,
    CLAUSE_BREAKS,
    CUE_MODIFIERS,
    DATE_WORDS,
    DETERMINERS,
    NOBODY,
    PREPOSITIONS,
    QUOTE_CHARS,
    SUBJECT_PRONOUNS,
    WRITTEN_MEDIA,
    Cue,
    cue_lexicon,
    title_lexicon,
    word_set,
)
from .sentences import Copy, Sentence, Span, is_capitalised
from .speakers import Mention, looks_organisation

_COORDINATORS = ("and", "but", "while", "whereas", "although", "though")
_CONTRASTS = ("while", "whereas")


def reported_statements(sentence: Sentence, copy: Copy) -> list[Found]:
    """The reported statement of a sentence and, when its content holds a coordinated clause with
    a frame of its own ("X said A, while Y said B"), that clause's statement too."""
    text = copy.text
    signed = _signed(sentence, copy)
    if signed is not None:
        return [signed]
    if sentence.headline:
        headline = _headline_statement(sentence)
        if headline is not None:
            return [headline]
    first = _reported_statement(sentence, text) or _characterised(sentence)
    if first is None:
        return []
    at = first_content_token(sentence)
    opener, after = sentence.tokens[at], sentence.tokens[min(at + 1, len(sentence.tokens) - 1)]
    opens_with = first.frame.frame_spans[0].start == opener.start or first.frame.mention.phrase_start == after.start
    if opener.text.lower() == "with" and opens_with:
        # "With the Relief Council saying 300 were killed, the army said …": the main clause may have
        # a frame of its own after the opening one.
        rest = sentence.index_at(first.spans[-1].end) + 1
        if rest < len(sentence.tokens) - 3:
            clause = Sentence(text, sentence.tokens[rest].start, sentence.end, sentence.paragraph, copy.quotes,
                              copy.opens)
            main = _reported_statement(clause, text)
            return [first, main] if main is not None else [first]
    if first.frame.cue_info.figure and first.spans[-1].end < sentence.end:
        # "A day after the minister raised the toll to 90, her office quoted X as saying …"
        later = _quoted_as_after(sentence, first.spans[-1].end, content_end(sentence))
        if later is not None:
            return [first, later]
    tokens, lower = sentence.tokens, sentence.lower
    if first.spans[0].start == first.frame.cue_start:
        first = _credited_after(sentence, copy, first)
    results = [first]
    start, end = first.spans[-1]
    for i in range(sentence.index_at(start), sentence.index_at(end) - 3):
        added = _added_statement(sentence, first, i) if first.frame.cue_end <= start else None
        if added is not None:
            # "X said A, but added that B": the same speaker's second statement.
            first.spans[-1] = Span(start, tokens[i - 1 if lower[i - 1] != "," else i - 2].end)
            results.append(added)
            break
        # "…put the toll at ten while the group said …": a contrast needs no comma before it.
        bare = lower[i] in _CONTRASTS and lower[i - 1] != "," and not sentence.quoted[i]
        if not bare and (lower[i] != "," or lower[i + 1] not in _COORDINATORS or sentence.quoted[i]):
            continue
        if first.frame.cue_end <= start and _added_statement(sentence, first, i + 1) is not None:
            continue  # "…, but it added that B": the first speaker's, read at the next token
        clause = Sentence(text, tokens[i + 1 + (not bare)].start, sentence.end, sentence.paragraph, copy.quotes,
                          copy.opens)
        second = _reported_statement(clause, text)
        if second is None or second.frame.mention.phrase_start < clause.start:
            continue
        inside_frame = second.frame.mention.phrase_start == clause.start
        trailing = not bare and second.spans[0][0] == clause.start and _has_verb(clause, second.spans[0])
        if inside_frame or trailing:
            first.spans[-1] = Span(start, tokens[i - 1].end)  # the first statement ends at the comma
            results.append(second)
            break
    else:
        if first.frame.cue_end <= start:  # "X said …": the writer may go on with a clause of his own
            first.spans[-1] = Span(start, reported_end(sentence, sentence.index_at(start), end))
    return results


# Openings by which an account goes on to what happened next ("Moments later, …", "He then …").
_NEXT_OPENERS = (("then",), ("moments", "later"), ("minutes", "later"), ("seconds", "later"), ("after", "that"),
                 ("at", "that", "point"), ("shortly", "afterwards"), ("shortly", "after"))


def continued_account(sentence: Sentence, before: Found, before_sentence: Sentence) -> Found | None:
    """"Officers told him to drop the gun, the chief said. The man then raised it toward them.": a
    sentence of no frame of its own that takes the account on to what happened next ("then",
    "moments later") right after a sentence credited by a frame at its end, in the same
    paragraph, goes on with that account and that speaker. Anything else the writer adds after
    such a sentence (background, a description) is the writer's own."""
    if sentence.headline or sentence.quotes or sentence.paragraph != before_sentence.paragraph:
        return None
    if before.quote or before.kind != "reported" or before.frame.cue_start < before.spans[-1].end:
        return None  # the speaker came first ("X said that …"): what follows is not tied to it
    tokens, lower = sentence.tokens, sentence.lower
    cues = (sentence.cue_at(k) for k in range(len(tokens)))
    if len(tokens) < 5 or any(cue and cue.cue.category in ("speech", "written") for cue in cues):
        return None  # a frame of its own: somebody else may be speaking
    first = first_content_token(sentence)
    opens = any(tuple(lower[first : first + len(words)]) == words for words in _NEXT_OPENERS)
    # "The man then raised …": "then" right after a short subject.
    after_subject = "then" in lower[first + 1 : first + 4] and not any(
        w in (",", "if", "when") for w in lower[first : lower.index("then", first + 1)]
    )
    if not (opens or after_subject):
        return None
    content = Span(tokens[first].start, content_end(sentence))
    return Found([content], before.frame, "reported", 0.6, False)


_SUBORDINATORS = frozenset("where which who whom when whereas while although though because since".split())
_BE_PASSIVE = frozenset("be been being is are was were".split())


def _reported_statement(sentence: Sentence, text: str) -> Found | None:
    """X said (that) … / X told Y that … / …, X said. / according to X, …"""
    if len(sentence.tokens) < 4:
        return None
    end = content_end(sentence)
    according = _according_to(sentence, end)
    if according is None:
        return _framed(sentence, end)
    inner = _framed(sentence, end) if according.spans[0].start > according.frame.cue_start else None
    if inner is not None and inner.frame.mention.phrase_start == according.spans[0].start \
            and inner.spans[0].start > inner.frame.cue_start:
        # "According to the Post, the minister said the toll was 40": the minister's claim, which
        # reached us through the Post.
        inner.frame.relayed_to = inner.frame.relayed_to or according.frame.mention.head
        return inner
    return according


def _framed(sentence: Sentence, end: int) -> Found | None:
    """The reported statement of the sentence's first speech cue with a speaker (``X said …``,
    ``…, X said.``), if any."""
    tokens, lower = sentence.tokens, sentence.lower
    n = len(tokens)
    for c in range(n):
        cue = sentence.cue_at(c)
        if not cue or cue.cue.category == "cognition" or cue.form.lower() == "according to":
            continue
        if is_participle(sentence, c) or (c > 0 and lower[c - 1] in ("to", "the", "a", "an")):
            continue
        if c > 0 and lower[c - 1] in _BE_PASSIVE and lower[c].endswith(("ed", "en", "wn")):
            continue  # "an emergency would have been declared": what was declared, not who declared it
        form, info, last = cue
        if is_negated(sentence, c):
            continue  # "did not say", "declined to say", "shouldn't say": nothing was said
        if lower[c] in ("reporting", "speaking", "talking", "writing") and \
                lower[last + 1 : last + 2] in (["from"], ["to"], ["with"], ["in"], ["on"]):
            continue  # "Ana Lind, reporting from Varno, said …": where she spoke from, not what
        after_pause = follows_pause(sentence, c)
        if lower[c].endswith("ing") and not info.figure:
            with_clause = _with_saying(sentence, c, info, end)
            if with_clause is not None:
                return with_clause
        if lower[c].endswith("ing") and c > 2 and quoted_source(sentence, c):
            quoted_as = _quoted_as_saying(sentence, c, info, end)
            if quoted_as is not None:
                return quoted_as
            continue
        if lower[c].endswith("ing") and not after_pause and not info.figure:
            issued = _statement_saying(sentence, c, info, end)
            if issued is not None:
                return issued
            continue
        before = c - 1
        while before >= 0 and lower[before] in CUE_MODIFIERS:
            before -= 1
        if before > 0 and _adverb(lower[before]) and lower[before - 1] in ("and", "but"):
            before -= 1  # "… but strongly suggested": the adverb is not the subject
        if lower[c].endswith("ing") and after_pause:
            mention = clause_subject(sentence, c)
        elif before > 0 and lower[before] in ("and", "but"):
            mention = clause_subject(sentence, before)  # "Reid voted … and says he …"
        elif _named_after(sentence, c, last):
            # "…, 40 kilometres from the capital, said Ona Pell, a harbour master.": a name and its aside
            # after the cue, and no clause, is who said it; what comes before was said.
            mention = None
        else:
            mention = find_subject(sentence, c)
        inverted = None
        if mention is None:
            inverted = inverted_subject(sentence, c, last) or _inverted_with_relative(sentence, c, last)
            if inverted is None:
                continue
            mention = inverted
        if any(w.lower() in NOBODY for w in mention.head.split()[:3]):
            continue  # "neither club confirmed the figure", "so far no group has claimed it": nobody said it
        if _an_incident(mention.head):
            continue  # "the fire once more underscored the poor wiring": an event speaks for nobody
        cue_span = (tokens[c].start, tokens[last].end)
        claimed = info.lemma == "claim" and claims_act(sentence, last + 1)
        estimated = info.lemma == "estimate" and sets_figure(sentence, last + 1)  # "estimated the toll at 40"
        if info.figure or (inverted is None and (claimed or estimated)):
            found = _verb_kept(sentence, c, mention, form, info, end)
            if found is not None:
                return found
            continue
        content_at, frame_end_index, relayed = tail_content(sentence, last + 1, info)
        if content_at is None and info.bare and relayed is None and _bounded_count(sentence, last + 1):
            content_at, frame_end_index = last + 1, last  # "said at least 30 people had died"
        if content_at is None and info.denial and not info.clausal and _bare_clause(sentence, last + 1):
            content_at, frame_end_index = last + 1, last  # "The army denies civilians were killed"
        if content_at is not None and adjunct_only(sentence, last + 1):
            content_at = None  # "…, the agency said on its website": where it was said, not what
        if _between_commas(sentence, mention, last):
            content_at = None  # "The strikes, he said, were necessary": the frame interrupts the content
        if content_at is not None and inverted is None and tokens[content_at].start < end:
            # X said (that) …
            start = tokens[content_at].start
            frame_spans = [Span(mention.phrase_start, tokens[frame_end_index].end)]
            confidence = 0.85 if lower[frame_end_index] in ("that", ":") else 0.75
            written = info.category == "written" or written_medium(sentence, last + 1, content_at)
            opening, subject = first_content_token(sentence), sentence.index_at(mention.phrase_start)
            if subject - 1 > opening and lower[subject - 1] == "," and adjunct_only(sentence, opening, subject - 1):
                written = written or written_medium(sentence, opening, subject)  # "In a post on Friday, X said"
            frame = Frame(mention, form, *cue_span, info, frame_spans, relayed, written)
            spans = [Span(start, end)]
            if subject - 1 > opening and lower[subject - 1] == "," and told_of_a_whole(
                    sentence.text[: tokens[subject - 1].end], tokens[subject - 1].end) and tokens[opening].low == "of":
                # "Of the 58, he said 30 were confirmed dead": the part is told of its whole.
                spans.insert(0, Span(tokens[opening].start, tokens[subject - 1].end))
            return Found(spans, frame, "reported", confidence, False)
        if info.clausal:
            continue  # "In July, the court rejected a request …": an act, not a frame after content
        # …, X said. / …, said X. / The strikes, he said, were …
        p = sentence.index_at(mention.phrase_start) - 1 if inverted is None else c - 1
        if inverted is None and p > 2 and lower[p] in ("and", "or"):
            mention, p = _coordinated_subject(sentence, p, mention)  # "…, security and medical sources said"
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
        if inverted is None and adjunct_only(sentence, first, p):
            # "In a tweet on Thursday, the police said at least four officers were hurt": the words
            # before the speaker say where it was said; what was said follows the cue.
            if n - last < 4 or not info.bare:
                continue
            written = info.category == "written" or written_medium(sentence, first, p)
            spans = [Span(tokens[first].start, tokens[last].end)]
            frame = Frame(mention, form, *cue_span, info, spans, relayed, written)
            return Found([Span(tokens[last + 1].start, end)], frame, "reported", 0.7, False)
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
    if lower[i] not in ("and", "but") or sentence.quoted[i] or i + 2 >= len(tokens):
        return None
    mention, at = first.frame.mention, i + 1
    if lower[at] in ("it", "they"):
        at += 1  # "The army said A, but it added that B": the subject of the first clause again
    elif lower[at] in ("he", "she"):
        # Resolved like any other "he": "Ann Lee said A, but he added B" is somebody else.
        a, b = tokens[at].start, tokens[at].end
        mention, at = Mention(a, b, a, b, tokens[at].text), at + 1
    cue = sentence.cue_at(at)
    if not cue or cue.form.endswith("ing") or cue.cue.category not in ("speech", "written"):
        return None
    form, info, last = cue
    content_at, frame_end, relayed = tail_content(sentence, last + 1, info)
    if content_at is None:
        return None
    span = Span(tokens[content_at].start, reported_end(sentence, content_at, content_end(sentence)))
    frame = Frame(
        mention, form, tokens[at].start, tokens[last].end, info,
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


def _credited_after(sentence: Sentence, copy: Copy, kept: Found) -> Found:
    """"Norland revised its toll to four from 11, Health Minister X told reporters": a count set
    or an act claimed (the verb kept) that a frame after it credits to somebody else is theirs,
    the whole clause."""
    tokens = sentence.tokens
    after = sentence.index_at(kept.frame.cue_end)
    if after >= len(tokens):
        return kept
    clause = Sentence(copy.text, tokens[after].start, sentence.end, sentence.paragraph, copy.quotes, copy.opens)
    later = _reported_statement(clause, copy.text)
    if later is None or later.spans[0].start != clause.start or later.frame.mention.phrase_start < kept.spans[0].end:
        return kept
    start = tokens[first_content_token(sentence)].start
    return Found([Span(start, later.spans[0].end)], later.frame, "reported", later.confidence, False)


def _statement_saying(sentence: Sentence, c: int, info: Cue, end: int) -> Found | None:
    """"The consulate issued a statement saying that the journalist had left": the body that
    issued the statement says what follows the participle."""
    tokens, lower = sentence.tokens, sentence.lower
    media = c - 1
    if media < 2 or lower[media] not in WRITTEN_MEDIA:
        return None
    verb = media - 1
    while verb > 0 and (lower[verb] in DETERMINERS or (lower[verb].isalpha() and not _verb_like(lower[verb]))):
        verb -= 1  # "a brief written statement"
    if verb <= 0 or media - verb > 4 or not _verb_like(lower[verb]):
        return None
    first = verb - 1
    while first > 0 and tokens[first - 1].text not in (",", ";", ":") and verb - first < 8:
        first -= 1
    head_last = verb - 1
    while head_last > first and (lower[head_last].endswith("ly") or lower[head_last] in CUE_MODIFIERS):
        head_last -= 1  # "The consulate subsequently issued", "the embassy later issued"
    if first > head_last or not any(is_capitalised(t.text) or t.text.isalpha() for t in tokens[first : head_last + 1]):
        return None
    content_at, _, _ = tail_content(sentence, c + 1, info)
    if content_at is None or tokens[content_at].start >= end:
        return None
    a, b = tokens[first].start, tokens[head_last].end
    frame = Frame(Mention(a, b, a, b, sentence.text[a:b]), tokens[c].text, tokens[c].start, tokens[c].end, info,
                  [Span(a, tokens[content_at - 1].end)], written=True)
    return Found([Span(tokens[content_at].start, end)], frame, "reported", 0.75, False)


def _with_saying(sentence: Sentence, c: int, info: Cue, end: int) -> Found | None:
    """"…, with the Relief Council, and several local papers, reporting that 300 were killed": the
    ones named after "with" say what follows the participle; the first of them is credited."""
    tokens, lower = sentence.tokens, sentence.lower
    w = c - 1
    while w >= 0 and lower[w] != "with" and c - w <= 12:
        if sentence.quoted[w] or tokens[w].text in ";:" or sentence.cue_at(w):
            return None
        w -= 1
    if w < 0 or lower[w] != "with" or w + 1 >= c:
        return None
    if w > first_content_token(sentence) and tokens[w - 1].text != ",":
        return None  # "filed a complaint with the board, claiming …": a preposition, not an opener
    content_at, _, _ = tail_content(sentence, c + 1, info)
    if content_at is None or tokens[content_at].start >= end:
        return None
    last = w + 1
    while last + 1 < c and tokens[last + 1].text != "," and lower[last + 1] not in ("and", "or"):
        last += 1
    head, titles = lower[last], title_lexicon().forms
    named = any(is_capitalised(t.text) for t in tokens[w + 1 : last + 1])
    if not (named or head in titles or head.rstrip("s") in titles or head in word_set("organisations")):
        return None  # "with prices rising", "with the water reaching …": no speaker
    a, b = tokens[w + 1].start, tokens[last].end
    mention = Mention(a, tokens[c - 1].end, a, b, sentence.text[a:b])
    frame = Frame(mention, tokens[c].text, tokens[c].start, tokens[c].end, info,
                  [Span(tokens[w].start, tokens[content_at - 1].end)])
    stop = reported_end(sentence, content_at, end)
    if w == first_content_token(sentence):
        # "With the Relief Council saying 300 were killed, the army called for calm": the clause ends
        # at its comma, where the sentence's own clause starts.
        comma = next((k for k in range(content_at, len(tokens)) if tokens[k].text == ","), None)
        if comma is None:
            return None
        stop = tokens[comma - 1].end
    return Found([Span(tokens[content_at].start, stop)], frame, "reported", 0.75, False)


_CHARACTERISING = frozenset("described describes called calls branded brands labelled labeled labels".split())
_PARTICLES = PREPOSITIONS | {"off", "up", "back"}


def _characterised(sentence: Sentence) -> Found | None:
    """"Its interior minister described the claims as “lies”", "the company called the report
    “ridiculous”": what the speaker calls something is a statement, kept with its verb, since
    "the claims as lies" alone says nothing. Without "as" the word must stand in quote marks, so
    that "called him a friend" or "called the meeting" are no statements."""
    tokens, lower = sentence.tokens, sentence.lower
    n = len(tokens)
    for c in range(1, n - 3):
        if lower[c] not in _CHARACTERISING or sentence.quoted[c] or lower[c + 1] in _PARTICLES:
            continue  # "called for calm", "called off the talks"
        k = c + 1
        while k < n and k - c <= 8 and lower[k] != "as" and tokens[k].text not in QUOTE_CHARS and (
            tokens[k].text not in ",.;:" and not sentence.quoted[k]
        ):
            k += 1
        if k == c + 1 or k + 1 >= n:
            continue
        quoted_after = tokens[k].text in QUOTE_CHARS or sentence.quoted[k]
        if lower[k] == "as":
            quoted_after = tokens[k + 1].text in QUOTE_CHARS or sentence.quoted[k + 1]
        described_as = lower[k] == "as" and lower[k + 1] in ("a", "an") and lower[c].startswith("descri")
        if not (quoted_after or described_as):
            continue  # "called the meeting to order", "described the scene in detail"
        mention = find_subject(sentence, c)
        before = sentence.index_at(mention.phrase_start) - 1 if mention is not None else -1
        if mention is None or (before >= 0 and lower[before] in ("what", "which", "that", "as", "whom")):
            continue  # "what he called a “brazen breach” of the truce": the writer's phrase, not his claim
        info = cue_lexicon()["said"]
        frame = Frame(mention, tokens[c].text, tokens[c].start, tokens[c].end, info,
                      [Span(mention.phrase_start, tokens[c - 1].end)])
        start = tokens[c].start
        return Found([Span(start, reported_end(sentence, c, content_end(sentence)))], frame, "reported", 0.7, False)
    return None


def _quoted_as_after(sentence: Sentence, offset: int, end: int) -> Found | None:
    """The first "… quoting X as saying …" that starts after ``offset``."""
    for c in range(sentence.index_at(offset), len(sentence.tokens)):
        cue = sentence.cue_at(c)
        if cue and c > 2 and sentence.lower[c].endswith("ing") and quoted_source(sentence, c):
            return _quoted_as_saying(sentence, c, cue.cue, end)
    return None


def _quoted_as_saying(sentence: Sentence, c: int, info: Cue, end: int) -> Found | None:
    """"The office put out a statement quoting the mayor as saying 300 homes had burned", "the
    paper cited an aide saying that …": the one quoted says what follows "saying"."""
    tokens = sentence.tokens
    source = quoted_source(sentence, c)
    content_at, _, _ = tail_content(sentence, c + 1, info)
    if source is None or content_at is None or tokens[content_at].start >= end:
        return None
    mention, frame_start = source
    frame = Frame(mention, tokens[c].text, tokens[c].start, tokens[c].end, info,
                  [Span(frame_start, tokens[content_at - 1].end)])
    content = Span(tokens[content_at].start, reported_end(sentence, content_at, end))
    return Found([content], frame, "reported", 0.75, False)


def _verb_like(word: str) -> bool:
    return word.endswith("ed") or word in word_set("past_verbs") or word in ("put", "sent", "made", "gave")


def _inverted_with_relative(sentence: Sentence, c: int, last: int) -> Mention | None:
    """"…, said the armed group that controls the capital.": the speaker after the cue, with a
    relative clause of its own to the sentence end."""
    tokens, lower = sentence.tokens, sentence.lower
    n = len(tokens)
    if c == 0 or lower[c - 1] != ",":
        return None
    k = last + 1
    while k < n and lower[k] not in ("that", "which", "who") and tokens[k].text not in ",.;!?" and k - last <= 8:
        k += 1
    if k == last + 1 or k >= n or lower[k] not in ("that", "which", "who") or lower[last + 1] not in DETERMINERS:
        return None
    if any(t.text in (",", ";") for t in tokens[k:]) or sentence.quoted[k]:
        return None
    a, b = tokens[last + 1].start, tokens[k - 1].end
    return Mention(a, b, a, b, sentence.text[a:b])


_SIGNATURE = re.compile(
    r"[—–-]{1,2}\s*(?P<name>[^()\n]{2,60}?)\s*\(@\w{1,30}\)(?:\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})?"
)
_LINK = re.compile(r"\s*(?:pic\.twitter\.com|https?://)\S*$")


def _signed(sentence: Sentence, copy: Copy) -> Found | None:
    """An embedded post: its text, then a line "— Name (@handle) June 3, 2016" signing it."""
    following = sentence.paragraph + 1
    if following >= len(copy.paragraphs):
        return None
    a, b = copy.paragraphs[following]
    signature = _SIGNATURE.fullmatch(copy.text, a, b)
    if signature is None:
        return None
    start, end = sentence.start, content_end(sentence)
    quotes = sentence.quotes
    whole = len(quotes) == 1 and quotes[0].open == sentence.start and quotes[0].end >= end
    if whole:
        start, end = quotes[0].inner_start, quotes[0].inner_end
    else:
        link = _LINK.search(copy.text, start, end)  # the post's picture link is no part of what it says
        end = link.start() if link else end
    if end <= start:
        return None
    name_start, name_end = signature.span("name")
    mention = Mention(name_start, name_end, name_start, name_end, copy.text[name_start:name_end])
    info = cue_lexicon()["tweeted"]
    frame = Frame(mention, "—", a, a + 1, info, [Span(a, b)], written=True)
    return Found([Span(start, end)], frame, "quote" if whole else "reported", 0.75, whole)


def _headline_statement(sentence: Sentence) -> Found | None:
    """Headline forms without a full frame: "Police chief: Officers found a handgun", "Health
    ministry: 'No deaths recorded'", "12 dead in floods, says ministry"."""
    tokens, lower, text = sentence.tokens, sentence.lower, sentence.text
    n = len(tokens)
    end = content_end(sentence)
    colon = next((k for k in range(1, min(n - 2, 7)) if tokens[k].text == ":" and not sentence.quoted[k]), None)
    if colon is not None and _names_a_speaker(sentence, 0, colon):
        a, b = tokens[0].start, tokens[colon - 1].end
        start, kind = tokens[colon + 1].start, "reported"
        if text[start] in QUOTE_CHARS and text[end - 1] in QUOTE_CHARS and end - start > 2:
            start, end, kind = start + 1, end - 1, "quote"  # only what stands inside the marks is verbatim
        info = cue_lexicon()["said"]
        frame = Frame(Mention(a, b, a, b, text[a:b]), ":", tokens[colon].start, tokens[colon].end, info, [Span(a, b)])
        return Found([Span(start, end)], frame, kind, 0.7, kind == "quote")
    for c in range(2, n - 1):
        cue = sentence.cue_at(c)
        if cue is None or lower[c - 1] != "," or cue.cue.category not in ("speech", "written") or n - cue.last > 7:
            continue
        a, b = tokens[cue.last + 1].start, tokens[n - 1].end
        if not _names_a_speaker(sentence, cue.last + 1, n) and not is_capitalised(tokens[cue.last + 1].text):
            continue
        mention = Mention(a, b, a, b, text[a:b])
        frame = Frame(mention, cue.form, tokens[c].start, tokens[cue.last].end, cue.cue, [Span(tokens[c].start, b)])
        return Found([Span(tokens[0].start, tokens[c - 2].end)], frame, "reported", 0.7, False)
    return None


def _names_a_speaker(sentence: Sentence, first: int, stop: int) -> bool:
    """Tokens first..stop-1 name a speaker by a title or an organisation word ("Police chief",
    "Health ministry", "Avell-led coalition"), not a topic ("Norland earthquake")."""
    words = [t.text for t in sentence.tokens[first:stop]]
    if not words or len(words) > 6 or any(w in QUOTE_CHARS or w in ",;" for w in words):
        return False
    titles = title_lexicon().forms
    return any(w.lower() in titles for w in words) or looks_organisation(
        [w.split("-")[-1] for w in words], lower_case_too=True
    )


def _named_after(sentence: Sentence, c: int, last: int) -> bool:
    """", said Ona Pell, deputy harbour master of Varno." — the cue follows a comma,
    then a capitalised name and at most its aside, with no verb, up to the sentence's end."""
    if c == 0 or sentence.lower[c - 1] != "," or last + 1 >= len(sentence.tokens):
        return False
    tokens, n = sentence.tokens, len(sentence.tokens)
    k = last + 1
    while k < n and tokens[k].text not in (",", ".", ";", "!", "?"):
        if not is_capitalised(tokens[k].text) or tokens[k].text.endswith(("'s", "’s")):
            return False  # "said Piet Lind's memo didn't …": a clause, not a name
        k += 1
    if k == last + 1:
        return False
    rest = Span(tokens[last + 1].start, content_end(sentence))
    return inverted_subject(sentence, c, last) is not None and not _has_verb(sentence, rest)


def _has_verb(sentence: Sentence, span: Span) -> bool:
    """"…, but not a letter, according to …" is a fragment of the clause before, not a clause."""
    words = sentence.lower[sentence.index_at(span.start) : sentence.index_at(span.end)]
    past = word_set("past_verbs")
    return any(w in AUXILIARIES or w in past or (w.endswith("ed") and len(w) > 3) for w in words)


def _adverb(word: str) -> bool:
    return word.endswith("ly") and word.isalpha() and len(word) > 4 and word not in ("family", "assembly", "supply")


def _bare_clause(sentence: Sentence, i: int) -> bool:
    """From token i: a clause without "that", its subject a noun or two and then its verb group
    ("civilians were killed", "the strike had hit a school")."""
    lower = sentence.lower
    words = lower[i : i + 4]
    verb = next((k for k, w in enumerate(words) if w in AUXILIARIES), None)
    subject = words[:verb] if verb else []
    return bool(subject) and all(w.isalpha() and w not in PREPOSITIONS | CLAUSE_BREAKS for w in subject)


def _bounded_count(sentence: Sentence, i: int) -> bool:
    """From token i: a count with its bound, "at least 30 people", "about 5,000 residents"."""
    lower = sentence.lower
    for phrase in modifiers():
        size = len(phrase)
        if tuple(lower[i : i + size]) == phrase and i + size < len(lower) and read_number(lower, i + size):
            return True
    return False


def _verb_kept(sentence: Sentence, c: int, mention: Mention, form: str, info: Cue, end: int) -> Found | None:
    """"Officials put the toll at ten", "the rebels claimed responsibility for the attack": the
    statement keeps its verb, since "the toll at ten" alone says nothing of who counted."""
    tokens, lower, text = sentence.tokens, sentence.lower, sentence.text
    after = c + len(form.split())
    act = info.lemma == "claim" and claims_act(sentence, after)
    if not act and not sets_figure(sentence, after):
        return None  # a figure cue with no count: "put pressure on the council"
    # The comma after the clause, not the one inside "2,000".
    commas = (k for k in range(c, len(tokens)) if tokens[k].text == "," and text[tokens[k].end :][:1] == " ")
    comma = next(commas, None)
    if lower[c].endswith("ing") and not follows_pause(sentence, c):
        # "With district officials putting the toll at 1,200, …": the clause ends at its comma.
        opener = sentence.index_at(mention.phrase_start) - 1
        if opener < 0 or lower[opener] != "with":
            return None
    elif comma is not None and comma + 1 < len(tokens) and lower[comma + 1] in ("and", "but", "while", "whereas"):
        comma = None  # "…put the toll at ten, while the group said …": the coordination is split later
    spans = [Span(tokens[c].start, tokens[comma - 1].end if comma is not None else end)]
    said = sentence.cue_at(comma + 1) if comma is not None and comma + 3 < len(tokens) else None
    if act and said is not None and said.form.lower().endswith("ing"):
        # "…claimed the bombing, saying it had killed 30 soldiers": what the claim said.
        k = said.last + 1 + (lower[said.last + 1] == "that")
        spans.append(Span(tokens[k].start, end))
    frame_spans = [Span(mention.phrase_start, tokens[c - 1].end)] if c > 0 else []
    frame = Frame(mention, form, tokens[c].start, tokens[after - 1].end, info, frame_spans)
    return Found(spans, frame, "reported", 0.8, False)


def claims_act(sentence: Sentence, i: int) -> bool:
    """From token i: the act claimed, "responsibility for …", "the attack", "Monday's bombing"."""
    acts = word_set("claimed_acts")
    for j in range(i, min(len(sentence.tokens), i + 3)):
        if sentence.lower[j] in acts:
            return True
        if sentence.lower[j] not in DETERMINERS and not sentence.lower[j].endswith(("’s", "'s")):
            return False
    return False


def sets_figure(sentence: Sentence, i: int) -> bool:
    """From token i: a count named and set, "(its confirmed death) toll (from the flood) to 12",
    "the number of dead at up to 900", "the toll from the attack at the market at 40"."""
    lower, n = sentence.lower, len(sentence.tokens)
    nouns = word_set("figure_nouns")
    named = False
    for j in range(i, min(n, i + 20)):
        word = lower[j]
        # "the tally of "presumed" victims", "the number of victims of last week's storm in the north at …"
        if word in (",", ";", ".", ":") or word in AUXILIARIES or word in ("that", "which", "who", "and", "but"):
            return False
        if word in nouns:
            named = True
        elif named and word in ("at", "to") and any(read_number(lower, k) for k in range(j + 1, min(n, j + 4))):
            return True  # not "at Kessel" in "the toll from the raid at Kessel at 40": the place goes on
    return False


def adjunct_only(sentence: Sentence, i: int, stop: int | None = None) -> bool:
    """Tokens i up to ``stop`` (the sentence end) say where or when something was said: "on its
    website", "in a post on Telegram", "late on Friday"; no verb, so no content."""
    tokens, lower = sentence.tokens, sentence.lower
    n = len(tokens) if stop is None else stop
    while n > i and tokens[n - 1].text in ".!?":
        n -= 1
    if i >= n or n - i > 10 or lower[i] not in PREPOSITIONS | DATE_WORDS | {"late", "early", "during", "after"}:
        return False
    past = word_set("past_verbs")
    for k in range(i, n):
        word = lower[k]
        if sentence.quoted[k] or word in AUXILIARIES or word in past or word in SUBJECT_PRONOUNS:
            return False
        if word.endswith(("ed", "n't", "n’t")) and not (k + 1 < n and lower[k + 1] in PREPOSITIONS):
            return False  # "said on Friday nobody was hurt"; "a statement posted on" is no verb of its own
    return True


def _coordinated_subject(sentence: Sentence, p: int, mention: Mention) -> tuple[Mention, int]:
    """"…, security and medical sources said": the first conjunct belongs to the speaker. Returns
    the widened mention and the index of the comma before it (or ``p`` unchanged)."""
    tokens, lower = sentence.tokens, sentence.lower
    q = p - 1
    while q > 0 and p - q <= 3 and tokens[q].text.isalpha() and lower[q] not in AUXILIARIES | CLAUSE_BREAKS:
        q -= 1
    if q == p - 1 or lower[q] != ",":
        return mention, p
    a = tokens[q + 1].start
    head = sentence.text[a : mention.head_end]
    return Mention(a, mention.phrase_end, a, mention.head_end, head, list(mention.appositives)), q


# What carries people, which cannot speak: "the ferry radioed a warning" (its crew did).
_VEHICLES = frozenset("plane aircraft airliner jet helicopter ship vessel ferry boat train bus truck car".split())


def _an_incident(head: str) -> bool:
    """The phrase names an incident ("the disaster", "the bombings") or a vehicle ("the
    short-haul plane"), which says nothing itself."""
    words = head.lower().split()
    last = words[-1] if words else ""
    return last in _incident_words() or last.rstrip("s") in _incident_words() or last in _VEHICLES


@cache
def _incident_words() -> frozenset[str]:
    return frozenset(w for w in text_lexicon.words("incident_nouns") if " " not in w)


def _verb_of_the_clause(sentence: Sentence, k: int) -> bool:
    """Token k is the verb of a clause, not a word of a noun phrase: a past form followed by what a
    verb takes ("received 52 percent", "said the", "found that"), not "an unnamed official"."""
    low = sentence.lower[k]
    after = sentence.lower[k + 1] if k + 1 < len(sentence.tokens) else ""
    if low in ("is", "are", "was", "were", "has", "have", "had") and sentence.lower[k - 1] not in (
            "who", "that", "which", "what"):
        return True  # "which according to observers was marred by fraud"
    past = (low.endswith("ed") and not is_capitalised(sentence.tokens[k].text)) or low in word_set("past_verbs")
    return past and (after[:1].isdigit() or after in DETERMINERS or after in ("that", "to"))


def _according_to(sentence: Sentence, end: int) -> Found | None:
    tokens, lower = sentence.tokens, sentence.lower
    n = len(tokens)
    for c in range(n - 1):
        if lower[c] != "according" or lower[c + 1] != "to" or sentence.quoted[c]:
            continue
        k = c + 2
        while k < n and tokens[k].text not in (",", ".", ";", "!", "?", ":", "-", "—", "–") and k - c < 32:
            if sentence.quoted[k] or (k > c + 2 and _verb_of_the_clause(sentence, k)):
                break  # "who according to the board received 52 percent": the source ends at the verb
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
        opener = c - 2 if lower[c - 1] == "," else c - 1
        if c > first + 2 and lower[opener] in _SUBORDINATORS and k < n - 2 and tokens[k].text == ",":
            # "… turned down the recount where, according to the registrar, she trailed": the source
            # vouches for the clause it stands in, not for the sentence around it.
            return Found([Span(tokens[k + 1].start, end)], frame, "reported", 0.8, False)
        if c > first + 2 and lower[c - 1] in _SUBORDINATORS and k < n - 2 and tokens[k].text not in ",.;!?":
            # "Tamm, who according to the board received 52 percent of the vote, beamed": the
            # clause the source stands in, up to its comma.
            stop = next((x for x in range(k, n) if tokens[x].text in ",;"), None)
            clause_end = tokens[stop - 1].end if stop is not None else end
            spans = [Span(tokens[k].start, min(clause_end, end))]
            if lower[c - 1] in ("who", "which") and c - 2 > first and tokens[c - 2].text == ",":
                spans.insert(0, Span(tokens[first].start, tokens[c - 3].end))  # whom it is said of: "Tamm"
            return Found(spans, frame, "reported", 0.75, False)
        if c > first + 2:
            stop = c - 1 if lower[c - 1] == "," else c
            content = Span(tokens[first].start, tokens[stop - 1].end)
            spans = [content]
            if k < n - 2 and tokens[k].text == ",":
                spans.append(Span(tokens[k + 1].start, end))
            return Found(spans, frame, "reported", 0.8, False)
    return None
