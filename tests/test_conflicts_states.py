"""Two sides of a dispute that share few words: a state and its opposite said of one person
("he had a knife in his hand" / "he was unarmed"), and a thing one side did not find that the
other has someone holding or using. Each rule with look-alike pairs that are not conflicts."""

from __future__ import annotations

import pytest

from quotetrack.conflicts import compare
from quotetrack.evidence import DenialCue, OppositeWords
from quotetrack.models import Source, Speaker, Statement


def st(text: str, speaker: str = "") -> Statement:
    return Statement(text=text, speaker=Speaker(speaker), kind="reported", source=Source(outlet="Test wire"))


def kind_of(a: str, b: str) -> str:
    verdict = compare(st(a), st(b))
    return verdict.type or "" if verdict.relation == "conflict" else verdict.relation


UNARMED = "His mother said he was unarmed when the officers stopped him outside the bakery"


@pytest.mark.parametrize(
    "armed",
    [
        "Dario Venn had a knife in his hand when he was shot by the officers",
        "the sergeant said Venn was holding a pistol",
        "Venn was armed",
        "Venn ran towards the patrol car with a rifle",
        "he was carrying a loaded handgun, according to the police report",
    ],
)
def test_a_state_and_its_opposite_said_of_one_person_conflict_whatever_else_differs(armed: str) -> None:
    assert kind_of(armed, UNARMED) == "polarity"
    assert kind_of(UNARMED, armed) == "polarity"


def test_the_evidence_names_the_words_as_written_and_says_what_was_read_into_them() -> None:
    verdict = compare(st("Dario Venn had a knife in his hand"), st(UNARMED))
    assert isinstance(verdict.evidence, OppositeWords)
    assert verdict.evidence.words == ("armed", "unarmed")  # the states; the spans are the words as written
    assert verdict.evidence.spans[0] == (11, 22)
    assert any("“had a knife” is read as “armed”" in caveat for caveat in verdict.caveats)
    assert any("(Venn / he)" in caveat and "same person" in caveat for caveat in verdict.caveats)


@pytest.mark.parametrize(
    "other",
    [
        "he was not armed when they stopped him",  # agrees
        "he did not have a gun",  # agrees
        "he was armed with nothing but an umbrella",  # "nothing but": only an umbrella
        "Whether he had a gun is still disputed by the family and the police",  # a question
        "The officers had rifles and shields",  # not one person
        "Police were armed with batons",  # plural
        "she had a gun in her bag",  # another person
        "they were armed",
        "The weapon had been stolen from a shop",  # a gun, but nobody holding it
        "An officer shot him with a rifle",  # his is not the rifle
        "Police said the officer shot her with a pistol",
        "Nobody knows how armed they are",  # a clause that ends on its verb
    ],
)
def test_no_state_of_one_person_or_the_same_state_is_no_conflict(other: str) -> None:
    assert kind_of(other, UNARMED) != "polarity"
    assert kind_of(UNARMED, other) != "polarity"


def test_states_about_other_things_are_no_conflict() -> None:
    # "able to walk" / "unable to speak": each state is about its complement
    assert kind_of("Doctors said he was able to walk on Friday", "His son said he was unable to speak") != "polarity"
    assert kind_of("Doctors said he was conscious on Friday", "His son said he was unconscious") == "polarity"
    # an adjective of a noun is no state of the subject; "an unarmed man" is
    assert kind_of("He was legal guardian of the boy", "He was illegal immigrant, the agency said") != "polarity"
    assert kind_of("Venn was an unarmed man, his lawyer said", "Venn had a pistol in his belt") == "polarity"


READING = "The neighbour said he was sitting in his van reading a newspaper while he waited for his son"
IN_HIS_VAN = "Man was in his van, reading a newspaper waiting for his son. They shot him"


@pytest.mark.parametrize(
    "not_found",
    [
        "I can tell you that we did not find a newspaper",
        "Investigators found no newspaper in the van",
        "no newspaper was found at the scene, the chief said",
        "officers couldn't find a newspaper in the van",
    ],
)
def test_a_thing_not_found_against_someone_holding_it_is_a_hedged_polarity_conflict(not_found: str) -> None:
    for a, b, side in ((not_found, READING, "a"), (READING, not_found, "b")):
        verdict = compare(st(a), st(b))
        assert verdict.relation == "conflict" and verdict.type == "polarity", (a, b, verdict)
        assert isinstance(verdict.evidence, DenialCue) and verdict.evidence.side == side
        assert "newspaper" not in verdict.evidence.cue
        assert any("did not find it" in caveat for caveat in verdict.caveats)
        assert verdict.score < 0.7  # weaker than a flat denial


def test_a_thing_not_found_meets_it_in_anyone_s_hands() -> None:
    seized = "I can tell you a pistol was seized by the detectives. I can tell you we did not find a newspaper"
    assert kind_of(seized, IN_HIS_VAN) == "polarity"


def test_the_cue_of_a_thing_not_found_takes_in_its_verb() -> None:
    verdict = compare(st("We did not find a newspaper at the scene"), st(READING))
    assert isinstance(verdict.evidence, DenialCue)
    assert verdict.evidence.cue == "did not find"
    assert verdict.evidence.cue_span == (3, 15)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the other denies it too
        ("we did not find a newspaper", "he did not have a newspaper with him either"),
        ("Investigators did not find a newspaper", "His sister told a radio station he never read a newspaper at work"),
        # the thing, but no one holding it
        ("officers did not find a newspaper in the van at the scene", "The printers sold a million newspapers"),
        # found no sign of something is a hedge about a claim, not a thing missing
        ("we did not find any evidence of a struggle", "he was reading the evidence file"),
        # found, not missed
        ("we found a newspaper in the van", READING),
    ],
)
def test_not_finding_something_else_or_agreeing_is_no_conflict(a: str, b: str) -> None:
    assert kind_of(a, b) != "polarity"
    assert kind_of(b, a) != "polarity"


def test_a_truck_carrying_explosives_claims_no_responsibility() -> None:
    # "carried out" is the deed; "carrying" alone is not
    assert kind_of("The lorry was carrying explosives", "There was no immediate claim of responsibility") != "polarity"
    claim = "Gunmen carried out the attack on the convoy"
    assert kind_of(claim, "There was no immediate claim of responsibility for the attack on the convoy") == "polarity"


TOLL = "Up to 300 people were killed when the gunmen stormed the market, local officials said"


@pytest.mark.parametrize(
    ("denial", "cue"),
    [
        ("The governor said the reports of 300 dead cannot be true", "cannot be true"),
        ("the 300 figure was inflated", "inflated"),
        ("The army said the figure of 300 deaths was exaggerated", "exaggerated"),
        ("The army dismissed reports that gunmen killed 300 people, putting the dead at 40", "dismissed reports"),
        ("The ministry disputed reports that as many as 300 were killed", "disputed reports"),
    ],
)
def test_a_count_called_false_meets_the_statement_that_gives_it(denial: str, cue: str) -> None:
    for a, b, side in ((denial, TOLL, "a"), (TOLL, denial, "b")):
        verdict = compare(st(a), st(b))
        assert verdict.relation == "conflict" and verdict.type == "polarity", (a, b, verdict)
        assert isinstance(verdict.evidence, DenialCue)
        assert (verdict.evidence.cue, verdict.evidence.side) == (cue, side)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # another count: a number question, not this denial
        ("The governor said the reports of 300 dead cannot be true", "At least 12 people were killed, police said"),
        # another thing counted
        ("The governor said the reports of 300 dead cannot be true", "Some 300 homes were destroyed"),
        ("The governor said the reports of 300 dead cannot be true", "300 people were injured"),
        # the count after the disputed one is the denier's own: "putting the dead at 40"
        ("The army dismissed reports that gunmen killed 300 people, putting the dead at 40", "The dead number 40"),
        # both call it false
        ("the 300 figure was inflated", "The army dismissed reports that gunmen killed 300 people"),
        # no count to tell which figure is meant
        ("the governor said the toll had been exaggerated", TOLL),
    ],
)
def test_a_count_called_false_meets_no_other_count_and_no_other_denial(a: str, b: str) -> None:
    for one, other in ((a, b), (b, a)):
        verdict = compare(st(one), st(other))
        assert not (verdict.type == "polarity" and verdict.relation == "conflict"), (one, other, verdict)


def test_a_figure_called_false_meets_casualties_counted_in_it() -> None:
    # "casualties" takes in the killed; the comma inside "2,000" ends no clause
    denial, toll = "the 2,000 figure was inflated", "local officials put casualties at up to 2,000"
    assert kind_of(denial, toll) == "polarity"
    assert kind_of(toll, denial) == "polarity"
    disputed = "The ministry disputed reports that as many as 300 were killed"
    assert kind_of(disputed, "local officials put casualties at up to 300") == "polarity"


def test_a_share_of_a_workforce_called_false_meets_the_report_of_it() -> None:
    denial = "The firm denied reports that it will lay off 26 per cent of its staff, or 40,000 people"
    assert kind_of(denial, "Halvard Systems plans to cut 26 percent of its global workforce") == "polarity"
    assert kind_of(denial, "Halvard Systems plans to cut 12 percent of its global workforce") != "polarity"


def test_opposite_words_said_of_different_things_are_no_conflict() -> None:
    revenues = "Halvard Systems would cut jobs after reporting a third quarterly decline in revenues"
    shares = "Between Thursday and Monday morning's denial, Halvard Systems shares rose about 4 per cent"
    assert kind_of(revenues, shares) != "polarity"
    assert kind_of("Halvard Systems revenues rose in the third quarter",
                   "Halvard Systems reported a decline in revenues in the third quarter") == "polarity"


NO_DENIAL = "Halvard Systems did not issue an outright denial of the report, but suggested it was inaccurate"


@pytest.mark.parametrize(
    "denied",
    [
        "A spokesman told reporters that the company firmly denies the report",
        "Halvard Systems firmly denied the report on Monday",
    ],
)
def test_a_denial_said_not_to_have_been_made_meets_the_report_of_it(denied: str) -> None:
    for a, b, side in ((NO_DENIAL, denied, "a"), (denied, NO_DENIAL, "b")):
        verdict = compare(st(a), st(b))
        assert verdict.relation == "conflict" and verdict.type == "polarity", (a, b, verdict)
        assert isinstance(verdict.evidence, DenialCue)
        assert (verdict.evidence.cue, verdict.evidence.side) == ("not", side)
        assert any("no such denial was made" in caveat for caveat in verdict.caveats)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The ministry never denied the report", "The rebels denied the report"),  # two deniers
        (NO_DENIAL, "Norland Bank firmly denies the report"),  # two names
        (NO_DENIAL, "The company firmly denies the rumours"),  # another thing denied
        (NO_DENIAL, "The company did not deny the report either"),  # both say no denial
        ("The company firmly denies the report", "Halvard Systems denied the report on Monday"),  # both denied
    ],
)
def test_a_denial_not_made_meets_no_denial_by_another_or_of_another_thing(a: str, b: str) -> None:
    assert kind_of(a, b) != "polarity"
    assert kind_of(b, a) != "polarity"


@pytest.mark.parametrize(
    "other",
    [
        "Police detained Dario Venn on Tuesday as detectives sought another suspect named in a warrant",
        "The detectives were hunting a different suspect",
    ],
)
def test_another_one_is_not_the_one_denied(other: str) -> None:
    denial = "Venn was not the suspect the detectives sought"
    assert kind_of(other, denial) != "polarity"
    assert kind_of(denial, "Police said Venn was the suspect the detectives sought") == "polarity"


def test_another_one_is_not_the_same_claim() -> None:
    another = "The rebels attacked another village on Sunday"
    assert kind_of(another, "The rebels attacked the village on Sunday") != "same"
    assert kind_of("The rebels attacked the village on Sunday", "On Sunday the rebels attacked the village") == "same"


@pytest.mark.parametrize(
    "lacking",
    [
        "His mother said he had no weapon when the officers stopped him",
        "Venn ran towards the officers without a weapon, a witness said",
        "Venn was carrying no weapons",
    ],
)
def test_holding_nothing_is_the_opposite_of_holding_a_weapon(lacking: str) -> None:
    armed = "Dario Venn had a knife in his hand"
    verdict = compare(st(lacking), st(armed))
    assert verdict.relation == "conflict" and verdict.type == "polarity", verdict
    assert any("is read as “not armed”" in caveat for caveat in verdict.caveats)
    assert kind_of(armed, lacking) == "polarity"
    assert kind_of(lacking, "he was unarmed when they stopped him") != "polarity"  # they agree

