"""Polarity conflicts: one statement denies what the other asserts, or says its opposite."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..evidence import DenialCue, Evidence, OppositeWords, Span
from ..models import Statement
from ..text import Quantity
from .lexicon import (
    FLAT,
    HEDGED,
    SILENCE,
    covering,
    denial_verbs,
    figure_nouns,
    opposite_stems,
    silenced_claim,
    word_stem,
)
from .reading import Cue, Reading
from .similarity import CONFLICT_CLAIM, another_name, another_one, coverage, covered_overlap, overlap, substitution
from .states import ActState, State, judged_alike, opposite_acts, opposite_states, subject_at
from .verdict import Verdict, scaled
from .winners import rival_winners

# Share of a denial's own words that the other statement must contain for the denial to be
# about the other statement's claim, not about something else it also mentions.
SCOPE_COVERAGE = 0.66
# Weight of the words a denial shares with the other claim (names count double) from which one
# replaced word no longer makes it another claim.
SUBSTITUTION_SHARED = 3.0
# Score multipliers by how firmly the denying side denies: "no indications of casualties" only
# says nothing is known of them; "has not commented" only that no claim was made.
STRENGTH = {FLAT: 1.0, HEDGED: 0.8, SILENCE: 0.6}
_CAVEATS = {
    HEDGED: "{side} hedges (“{cue}”): it doubts the claim or knows nothing of it, without denying it;"
    " check what was learnt later",
    SILENCE: "{side} reports silence (“{cue}”), not a denial: no claim was made, and one may come later",
}
_ABSENT = (
    "{side} did not find it (“{cue}”): it was not there as far as {side} knows, which does not deny"
    " that it was there earlier; check when and where each side means"
)


def polarity_conflict(first: Reading, second: Reading, similarity: float) -> Verdict | None:
    """One side denies what the other asserts, or uses a word of opposite meaning.

    Each side is negated when it holds a denial about the other's claim; a pair of opposite
    words flips one side once more. "did not increase" against "decreased" flips twice and
    agrees; "invalid" against "not valid" too.
    """
    if first.acts and second.acts and judged_alike(first.acts, second.acts):
        # "complied with the law" / "did not violate the law": the denial is the judgement.
        return None
    # Words the other statement implies count as shared: "killed civilians" speaks of
    # "civilian casualties" and of civilians "harmed".
    similarity = max(similarity, covered_overlap(first, second))
    opposites = _opposite_words(first, second)
    if opposites:
        # The opposite words are the disagreement, not a difference of topic.
        left = {t: w for t, w in first.content.items() if t not in opposites[4]}
        right = {t: w for t, w in second.content.items() if t not in opposites[4]}
        similarity = max(similarity, overlap(left, right))
    if similarity < CONFLICT_CLAIM:
        return focused_conflict(first, second, similarity) or disputed_count(first, second, similarity) or (
            denial_made(first, second, similarity))
    # A denial of "valid" is about the claim that says "invalid": the pair counts as shared.
    paired = frozenset(opposites[4]) if opposites else frozenset()
    denials_a = _relevant_cues(first, second, paired)
    denials_b = _relevant_cues(second, first, paired)
    denier, denied = (first, second) if denials_a else (second, first)
    if bool(denials_a) != bool(denials_b) and _also_denies(denied, denier):
        return None  # both deny the same thing in other words: "denied carrying out" / "no one claimed"
    if bool(denials_a) ^ bool(denials_b) ^ bool(opposites):
        if denials_a or denials_b:
            side, cue = ("a", denials_a[0]) if denials_a else ("b", denials_b[0])
            evidence: Evidence = DenialCue(cue.text, (cue.start, cue.end), side)
            score = round(scaled(0.55, similarity) * STRENGTH[cue.strength], 3)
            caveats = [_caveat(cue, side)] if cue.strength != FLAT else []
            return Verdict("conflict", "polarity", score, evidence, caveats)
        assert opposites is not None
        evidence = OppositeWords((opposites[0], opposites[1]), (opposites[2], opposites[3]))
        return Verdict("conflict", "polarity", scaled(0.5, similarity), evidence)
    found = disputed_count(first, second, similarity) or denial_made(first, second, similarity)
    if found is None and not (denials_a or denials_b or opposites):
        # no written opposite, but one implied: "Venn was holding a knife" / "Venn was unarmed"
        found = focused_conflict(first, second, similarity)
    return found


def denial_made(first: Reading, second: Reading, similarity: float) -> Verdict | None:
    """One side says a denial was not made ("did not issue an outright denial of the report",
    "never denied the report"), the other reports it ("firmly denies the report")."""
    for side, one, other in (("a", first, second), ("b", second, first)):
        for mine in one.denials_made:
            if mine.made:
                continue
            for theirs in other.denials_made:
                if theirs.made and (mine.noun == theirs.noun or not mine.noun or not theirs.noun) and _one_denier(
                        mine.denier, theirs.denier):
                    cue = mine.cue
                    caveat = (f"{side.upper()} says no such denial was made (“{cue.text}”), the other reports one"
                              f" (“{theirs.cue.text}”): check who denied what, and how firmly")
                    evidence = DenialCue(cue.text, (cue.start, cue.end), side)
                    return Verdict("conflict", "polarity", scaled(0.55, max(similarity, CONFLICT_CLAIM)), evidence,
                                   [caveat])
    return None


def report_denied(first: Reading, second: Reading, credited: tuple[bool, bool],
                  names: tuple[frozenset[str], frozenset[str]]) -> Verdict | None:
    """A denial of "the report" (or "the claims", "the story") that names nothing it denies,
    against what a report said ("the newspaper reported that the firm would close 40 stores"),
    in two statements known to report one incident. ``credited``: each side is credited to a
    report or a reporter (``reading.credited_to_report``); ``names``: the content stems of each
    side's speaker. What is reported must mention the one who denies (by the words of the
    denial's subject, or the denying speaker's name): a report about someone else is not theirs
    to deny."""
    for side, one, other, claimed, who in (("a", first, second, credited[1], names[0]),
                                          ("b", second, first, credited[0], names[1])):
        if not claimed or other.denials_made or any(not cue.cancelled for cue in other.cues):
            continue
        for denial in one.denials_made:
            if not denial.blanket:
                continue
            denier = {token for token, _ in denial.denier} | who
            if not denier & set(other.content):
                continue
            cue = denial.cue
            caveat = (f"{side.upper()} denies without saying what it denies (“{cue.text}”); the other gives what"
                      " a report said: check that it is the report denied")
            evidence = DenialCue(cue.text, (cue.start, cue.end), side)
            return Verdict("conflict", "polarity", round(scaled(0.55, CONFLICT_CLAIM) * STRENGTH[HEDGED], 3),
                           evidence, [caveat])
    return None


def _one_denier(one: Sequence[tuple[str, bool]], other: Sequence[tuple[str, bool]]) -> bool:
    """Who denies may be one party: unsaid on a side, a word in common, or a name and a
    description ("AVM" / "the company"); not two names, nor two descriptions ("the ministry" /
    "the rebels")."""
    if not one or not other or {t for t, _ in one} & {t for t, _ in other}:
        return True
    named_one, named_other = any(named for _, named in one), any(named for _, named in other)
    return named_one != named_other


def disputed_count(first: Reading, second: Reading, similarity: float) -> Verdict | None:
    """One side calls a count false ("the reports of 300 dead cannot be true", "dismissed
    reports that 300 were killed") that the other gives ("300 people were killed"): the count,
    not the words around it, says which claim is denied."""
    for side, denier, other in (("a", first, second), ("b", second, first)):
        for cue, mine in denier.disputed:
            for theirs in other.quantities:
                if _counts_alike(mine, theirs) and not any(_counts_alike(theirs, q) for _, q in other.disputed):
                    evidence = DenialCue(cue.text, (cue.start, cue.end), side)
                    return Verdict("conflict", "polarity", scaled(0.55, max(similarity, CONFLICT_CLAIM)), evidence)
    return None


def _counts_alike(mine: Quantity, theirs: Quantity) -> bool:
    """Two counts of about one figure (within a tenth) of the same thing, a bare figure ("the
    900 figure") standing for any."""
    if theirs.vague or theirs.earlier or not (mine.point and theirs.point):
        return False
    if abs(mine.point - theirs.point) > 0.1 * max(mine.point, theirs.point):
        return False
    (role_a, thing_a), (role_b, thing_b) = mine.key, theirs.key
    bare = (thing_a is None or thing_a in figure_nouns()) and not role_a
    bare = bare or ((thing_b is None or thing_b in figure_nouns()) and not role_b)
    if role_a and role_b and not _roles_alike(role_a, role_b):
        return False
    if not bare and bool(role_a) != bool(role_b):
        return False  # a count of something that happened to them against a bare count of them
    return bare or thing_a == thing_b or thing_a is None or thing_b is None


def _roles_alike(one: str, other: str) -> bool:
    """The same role, or one that takes in the other: "casualties" counts the killed."""
    stem_a, stem_b = word_stem(one), word_stem(other)
    return stem_a == stem_b or stem_b in covering([stem_a]) or stem_a in covering([stem_b])


def focused_conflict(first: Reading, second: Reading, similarity: float = 0.0) -> Verdict | None:
    """A contradiction about one small thing in statements that share little else, as two sides
    of a dispute word it: a state and its opposite said of one person ("he had a gun in his
    hand" / "he was unarmed"), or a thing one side did not find and the other has someone
    holding or using ("we did not find a letter" / "he was reading a letter")."""
    pair = opposite_states(first.states, second.states)
    if pair is not None:
        mine, theirs = pair
        caveats = [
            f"both said of one person ({_who(mine.subject)} / {_who(theirs.subject)}), read from"
            " the words around them: check that they are the same person at the same moment"
        ]
        caveats += [
            f"“{state.written}” is read as “{'not ' if state.lacking else ''}{state.word}”"
            for state in pair if state.written.lower() != state.word
        ]
        evidence: Evidence = OppositeWords((_state_word(mine), _state_word(theirs)), ((mine.start, mine.end),
                                                                          (theirs.start, theirs.end)))
        return Verdict("conflict", "polarity", scaled(0.5, max(similarity, CONFLICT_CLAIM)), evidence, caveats)
    found = act_conflict(first, second, similarity) or winners_conflict(first, second, similarity)
    if found is not None:
        return found
    for side, denier, other in (("a", first, second), ("b", second, first)):
        for cue in denier.cues:
            if cue.absent and not cue.cancelled and _held(cue, other):
                evidence = DenialCue(cue.text, (cue.start, cue.end), side)
                score = scaled(0.55, max(similarity, CONFLICT_CLAIM)) * STRENGTH[HEDGED]
                return Verdict("conflict", "polarity", round(score, 3), evidence, [_caveat(cue, side)])
    return None


def act_conflict(first: Reading, second: Reading, similarity: float = 0.0, *,
                 one_incident: bool = False) -> Verdict | None:
    """An act judged one way in one statement and the opposite way in the other ("the raid
    complied with international law" / "the raid violated the laws of war"; "the murder was
    premeditated" / "a fight that resulted in his death"): the same act when both name it alike, or
    any act of one incident when the statements are known to report one (``one_incident``)."""
    # Statements that otherwise make one claim ("the troops acted in line with the rules of
    # engagement" / "the troops violated the rules of engagement") judge one act, named or not.
    alike = similarity >= CONFLICT_CLAIM
    pair = opposite_acts(first.acts, second.acts, one_incident=one_incident or alike)
    if pair is None:
        return None
    mine, theirs = pair
    if covering(list(mine.act)) & covering(list(theirs.act)):
        which = f"both said of {_acts_named(mine, theirs)}"
    elif alike:
        which = "both said in statements that otherwise make one claim"
    else:
        which = "both said of the incident the two articles report"
    caveats = [f"{which}, read from the words around them: check that they judge the same act"]
    caveats += [f"“{act.written}” is read as “{act.word}”" for act in pair if act.written.lower() != act.word]
    evidence = OppositeWords((mine.word, theirs.word), ((mine.start, mine.end), (theirs.start, theirs.end)))
    return Verdict("conflict", "polarity", scaled(0.5, max(similarity, CONFLICT_CLAIM)), evidence, caveats)


def winners_conflict(first: Reading, second: Reading, similarity: float = 0.0) -> Verdict | None:
    """Two winners of one contest: "Ana Lind won the election" / "Piet Berg was declared the
    winner" (a claim of victory against the result, or two sides each claiming it)."""
    pair = rival_winners(first.winners, second.winners)
    if pair is None:
        return None
    mine, theirs = pair
    caveats = [f"each names the winner of the {mine.contest} ({mine.name} / {theirs.name}): check that it is"
               " the same contest and that neither only reports the other's claim"]
    evidence = OppositeWords((f"{mine.name} won", f"{theirs.name} won"),
                             ((mine.start, mine.end), (theirs.start, theirs.end)))
    return Verdict("conflict", "polarity", scaled(0.5, max(similarity, CONFLICT_CLAIM)), evidence, caveats)


def _acts_named(mine: ActState, theirs: ActState) -> str:
    return "one act (" + ", ".join(sorted(mine.act | theirs.act)) + ")"


def may_focus(first: Reading, second: Reading) -> bool:
    """Whether the rules for pairs that share little (``focused_conflict``, ``disputed_count``,
    ``denial_made``) can find anything: their cheap first questions, asked before ``compare``
    gives such a pair up."""
    if first.winners and second.winners:
        return True
    if first.states and second.states and opposite_states(first.states, second.states):
        return True
    if first.acts and second.acts and opposite_acts(first.acts, second.acts):
        return True
    for one, other in ((first, second), (second, first)):
        if one.disputed and other.quantities:
            return True
        if any(not mine.made for mine in one.denials_made) and any(theirs.made for theirs in other.denials_made):
            return True
        if any(cue.absent and cue.scope and cue.scope[-1] in other.content for cue in one.cues):
            return True
    return False


def _caveat(cue: Cue, side: str) -> str:
    """What the editor must check about a cue that does not flatly deny."""
    return (_ABSENT if cue.absent else _CAVEATS[cue.strength]).format(side=side.upper(), cue=cue.text)


def _state_word(state: State) -> str:
    return f"not {state.word}" if state.lacking else state.word


def _who(subject: str) -> str:
    return subject if subject in ("he", "she") else subject.capitalize()


def _held(cue: Cue, other: Reading) -> bool:
    """The thing a finding denies (``cue.scope``) is in ``other`` in a clause about one person:
    "he was reading a letter", "Marsh left the car with a letter"."""
    if not cue.scope or not all(token in other.content for token in cue.scope):
        return False
    if any(not theirs.cancelled and cue.scope[-1] in theirs.scope for theirs in other.cues):
        return False  # the other denies it too: "no book was in the car"
    where = [k for k, (word, _, _) in enumerate(other.words) if word_stem(word) == cue.scope[-1]]
    return any(subject_at(other.text, other.words, k, nearby=True) for k in where)


def _relevant_cues(
    reading: Reading, other: Reading, paired: frozenset[str] = frozenset()
) -> list[Cue]:
    """Uncancelled cues of ``reading`` that deny something ``other`` talks about."""
    return [
        cue for cue in reading.cues
        if not cue.cancelled and _denies(_scope_met(cue, other.covers | paired), reading, other, paired)
        and _counts_denied(cue, reading, other) and _predicate_met(cue, other, paired)
    ]


def denial_met(first: Reading, second: Reading) -> bool:
    """One side denies, word for word, a clause the other asserts, however much else either says:
    "there was no fraud or tampering in the ballot, whose staff were trained …" against "the
    figures cannot stand since the ballot was tampered with and …". The denied words (two or more,
    its first among them) are all the other's."""
    for denier, other in ((first, second), (second, first)):
        for cue in denier.cues:
            if cue.cancelled or cue.strength == SILENCE or cue.predicate is None:
                continue
            scope = _scope_met(cue, other.covers)
            if len(scope) >= 2 and all(t in other.covers for t in scope) and (
                cue.predicate in other.covers or cue.predicate in cue.alternatives
            ):
                return True
    return False


def _scope_met(cue: Cue, covers: frozenset[str]) -> tuple[str, ...]:
    """What the cue denies, as the other statement can claim it: of words joined by "or" ("no
    fraud or tampering"), those the other does not speak of are left out, if it speaks of one."""
    unmet = {token for token in cue.alternatives if token not in covers}
    if not cue.alternatives or unmet == cue.alternatives:
        return cue.scope
    return tuple(token for token in cue.scope if token not in unmet)


def _predicate_met(cue: Cue, other: Reading, paired: frozenset[str]) -> bool:
    """What the cue denies is what the other says: "the owners had not yet been identified"
    does not deny "police were trying to locate the owners" for sharing the owners. A predicate
    the other words differently still meets it in a long shared claim ("did not fire tear gas at
    the crowd" / "used tear gas at the crowd")."""
    covers = other.covers | paired
    if cue.predicate is None or cue.predicate in covers:
        return True
    if cue.predicate in cue.alternatives and cue.alternatives & covers:
        return True  # "no fraud or tampering" / "the ballot was tampered with": one of the two is met
    shared = sum(2.0 if other.content.get(t) == 2.0 else 1.0 for t in set(cue.scope) if t in covers)
    return shared >= SUBSTITUTION_SHARED


def _counts_denied(cue: Cue, reading: Reading, other: Reading) -> bool:
    """A denial of a counted claim ("dismissed reports that the rebels killed 300") denies the
    count: it meets only a claim that gives about that count, not every word about the rebels."""
    reach = len(reading.text) if cue.reach_end is None else cue.reach_end
    counted = [q for q in reading.quantities
               if cue.start <= q.start < reach and not q.vague and q.low is not None]
    if not counted:
        return True
    return any(
        theirs.role == mine.role and theirs.low is not None
        and theirs.low <= (mine.high or mine.low) * 1.1 and (theirs.high or theirs.low) >= mine.low * 0.9
        for mine in counted for theirs in other.quantities if mine.low is not None
    )


def _also_denies(reading: Reading, other: Reading) -> bool:
    """``reading`` holds a denial whose words are mostly ``other``'s, replaced words or not, or
    one that takes in all that ``other``'s own denial denies: when ``other`` denies too, the two
    deny one thing ("no immediate claim of responsibility for the attack" / "no group claimed
    responsibility"), whatever the rules make of the details."""
    own = [cue for cue in other.cues if not cue.cancelled]
    return any(
        not cue.cancelled and (
            coverage(cue.scope, other.covers) >= SCOPE_COVERAGE
            or any(coverage(theirs.scope, frozenset(cue.scope)) >= SCOPE_COVERAGE
                   or coverage(cue.scope, frozenset(theirs.scope)) >= SCOPE_COVERAGE for theirs in own)
        )
        for cue in reading.cues
    )


def _denies(
    scope: Sequence[str], reading: Reading, other: Reading, paired: frozenset[str] = frozenset()
) -> bool:
    """The words a cue denies are (mostly) the other statement's claim, with no word of theirs
    replaced by another: "no man playing a flute" does not deny "a man playing a guitar"."""
    covers = other.covers | paired
    if coverage(scope, covers) < SCOPE_COVERAGE:
        return False
    if another_one(other) & set(scope) and not another_one(reading) & set(scope):
        # "detectives sought another suspect" says what "Venn was not the suspect the detectives
        # sought" says: another one is not the one denied.
        return False
    if all(token in reading.named for token in scope if token in covers):
        # Names alone are no claim: "denied that the rebels' leader ordered the raid" does not
        # deny "the raid was the rebels' deadliest" for sharing the rebels' name.
        return False
    if silenced_claim()[1] in scope and not all(t in covers for t in silenced_claim() if t in scope):
        # No claim of responsibility denies only a claim of it, not the blame others lay; a
        # denial of involvement ("responsibility" alone) denies both.
        return False
    replaced = substitution(scope, other.sequence, covering(scope) | paired, covers)
    if replaced is None:
        return True
    if another_name(replaced[0], reading, replaced[1], other):
        return False  # another name in the same place: "North Korea" / "South Korea"
    # In a long shared claim one differing word is more often a paraphrase ("fired" / "used"
    # tear gas) than another claim, unless that claim is small.
    shared = sum(2.0 if other.content.get(t) == 2.0 else 1.0 for t in set(scope) if t in covers)
    return shared >= SUBSTITUTION_SHARED


def _opposite_words(
    first: Reading, second: Reading
) -> tuple[str, str, Span, Span, set[str]] | None:
    """A word in one statement whose opposite is in the other (and not in the first):
    (word in a, word in b, span in a, span in b, the stems of both)."""
    opposites = opposite_stems()
    stems_a, stems_b = first.stems, second.stems
    for stem_a, word_a, start_a, end_a in first.opposable:
        for stem_b in opposites[stem_a]:
            if stem_b in stems_b and stem_b not in stems_a and stem_a not in stems_b:
                word_b, start_b, end_b = stems_b[stem_b]
                if word_a in denial_verbs() or word_b in denial_verbs():
                    continue  # "denied" already counts as a denial; it must not flip twice
                if not _said_of_one_thing(first, stem_a, second, stem_b):
                    continue  # "shares rose" / "a decline in revenues"
                return word_a, word_b, (start_a, end_a), (start_b, end_b), {stem_a, stem_b}
    # A negating prefix makes an opposite of any word: "valid" / "invalid", "lawful" / "unlawful".
    for one, other, flipped in ((first, second, False), (second, first, True)):
        if not other.prefixed:
            continue
        for word, start, end in one.words:
            for prefixed in other.prefixed.get(word, ()):
                found = other.spans[prefixed]
                if prefixed in one.spans or word in other.spans:
                    continue
                stems = {word_stem(word), word_stem(prefixed)}
                pair = (word, prefixed, (start, end), found)
                if flipped:
                    pair = (prefixed, word, found, (start, end))
                return pair[0], pair[1], pair[2], pair[3], stems
    return None


# Content words either side of an opposite word that say what it is said of.
_NEIGHBOURHOOD = 2


def _said_of_one_thing(first: Reading, stem_a: str, second: Reading, stem_b: str) -> bool:
    """Opposite words said of one thing: the content words next to them (two either side) share
    one ("inflation rose" / "inflation fell"), or either word has none to tell."""
    near_a, near_b = _near(first, stem_a), _near(second, stem_b)
    if near_a is None or near_b is None:
        return True
    return bool(covering(list(near_a)) & covering(list(near_b)))


def _near(reading: Reading, stem: str) -> frozenset[str] | None:
    places = reading.places.get(stem)
    if not places:
        return None
    sequence = reading.sequence
    found = {sequence[k] for p in places for k in range(max(0, p - _NEIGHBOURHOOD), p + _NEIGHBOURHOOD + 1)
             if k < len(sequence) and k != p}
    return frozenset(found) or None


def before_the_claim(verdict: Verdict, denial: DenialCue, readings: tuple[Reading, Reading],
                     statements: tuple[Statement, Statement]) -> None:  # fmt: skip
    """A hedge or a silence told before the claim it meets ("no immediate claim" on Sunday, the
    claim on Monday) is a story that moved on as much as a dispute: say so, with both days."""
    side = 0 if denial.side == "a" else 1
    weak = any(cue.strength != FLAT and (cue.start, cue.end) == denial.cue_span for cue in readings[side].cues)
    said_a, said_b = _said(statements[side]), _said(statements[1 - side])
    if weak and said_a and said_b and said_a < said_b:
        verdict.caveats.append(
            f"the denying side was said first ({said_a.day} {said_a:%B}, the claim {said_b.day} {said_b:%B}):"
            " the story may have moved on rather than be disputed"
        )


def _said(statement: Statement) -> date | None:
    return statement.said_on or (statement.source.published if statement.source else None)
