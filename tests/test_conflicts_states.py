"""Two sides of a dispute that share few words: a state and its opposite said of one person
("he had a knife in his hand" / "he was unarmed"), and a thing one side did not find that the
other has someone holding or using. Each rule with look-alike pairs that are not conflicts."""

from __future__ import annotations

import pytest
from conftest import as_json

from quotetrack.conflicts import compare, incident_conflict
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



@pytest.mark.parametrize(
    "raised",
    [
        "She stepped out of the van with her hands raised",
        "Ilka Dorn came out with her hands up, a neighbour said",
        "she raised her hands as the officers shouted",
        "She walked towards them with her hands in the air",
        "Ilka Dorn walked out of the van empty-handed",
        "Ilka Dorn was trying to surrender when they fired, her lawyer said",
    ],
)
def test_hands_raised_is_the_opposite_of_holding_a_weapon(raised: str) -> None:
    armed = "She stepped out of the van holding a pistol"
    verdict = compare(st(raised), st(armed))
    assert verdict.relation == "conflict" and verdict.type == "polarity", verdict
    assert isinstance(verdict.evidence, OppositeWords) and set(verdict.evidence.words) == {"armed", "unarmed"}
    assert any("is read as “unarmed”" in caveat for caveat in verdict.caveats)
    assert kind_of(armed, raised) == "polarity"
    assert kind_of(raised, "she had no weapon when she stepped out") != "polarity"  # they agree


@pytest.mark.parametrize(
    "other",
    [
        "The officers told her to put her hands up",  # an order, not a state
        "They ordered Dorn to come out with her hands raised",
        "She did not raise her hands, the officer said",  # denied
        "They came out with their hands up",  # not one person
    ],
)
def test_hands_raised_in_an_order_a_denial_or_of_many_says_no_state(other: str) -> None:
    armed = "She stepped out of the van holding a pistol"
    assert kind_of(other, armed) != "polarity"
    assert kind_of(armed, other) != "polarity"


@pytest.mark.parametrize(
    ("lawful", "unlawful"),
    [
        ("The raid complied with international law, the ministry said", "the raid lacked legal justification"),
        ("The raid was legitimate", "The raid violated the laws of war"),
        ("The raid was carried out in accordance with international humanitarian law",
         "Investigators found that the raid was not justified"),
        ("The ministry said the raid did not violate international law", "The raid was unlawful"),
        ("The army said the raid was fully justified", "the raid was carried out without any legal justification"),
        ("The night raid conformed to the laws of war", "An inquiry found the night operation was unlawful"),
        ("The soldiers acted lawfully in the raid", "the soldiers acted illegally during the raid, the inquiry found"),
    ],
)
def test_an_act_judged_lawful_and_unlawful_conflicts(lawful: str, unlawful: str) -> None:
    for a, b in ((lawful, unlawful), (unlawful, lawful)):
        verdict = compare(st(a), st(b))
        assert verdict.relation == "conflict" and verdict.type == "polarity", (a, b, verdict)
        assert isinstance(verdict.evidence, OppositeWords)
        assert set(verdict.evidence.words) == {"lawful", "unlawful"}
        assert any("raid" in caveat and "same act" in caveat for caveat in verdict.caveats)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The raid complied with international law", "The raid did not violate international law"),  # agree
        ("The raid was legitimate", "The arrest of the mayor was illegal"),  # two acts
        ("The night raid was legitimate", "The day operation was illegal"),
        ("The raid was legitimate", "Lawyers asked whether the raid was legal"),  # a question
        ("The raid was legitimate", "The raid may have violated international law"),  # open
        ("The raid was legitimate", "Rights groups are investigating alleged violations of the law in the raid"),
        ("The raid was legitimate", "There is no evidence that the raid violated international law"),  # hedged
        ("The raid was legitimate", "The raid was planned for weeks"),  # another judgement
    ],
)
def test_an_act_judged_alike_unsettled_or_another_act_is_no_conflict(a: str, b: str) -> None:
    assert kind_of(a, b) != "polarity"
    assert kind_of(b, a) != "polarity"


def test_a_planned_killing_against_a_death_in_a_fight() -> None:
    # named alike, as free text
    assert kind_of("The killing was premeditated, prosecutors said", "The killing was accidental") == "polarity"
    assert kind_of("It was a planned killing", "the killing happened in a fight that led to his death") == "polarity"
    assert kind_of("The killing was premeditated", "The killing was not premeditated, his lawyer said") == "polarity"
    assert kind_of("The killing was premeditated", "The killing was deliberate") != "polarity"
    # named otherwise, only as two statements known to report one incident
    planned, brawl = st("We believe that the murder was premeditated"), st("He died in a brawl with the guards")
    assert kind_of(planned.text, brawl.text) != "polarity"
    verdict = incident_conflict(planned, brawl)
    assert verdict is not None and verdict.type == "polarity"
    assert set(verdict.evidence.words) == {"planned", "unplanned"}
    assert any("the incident the two articles report" in caveat for caveat in verdict.caveats)
    assert incident_conflict(planned, st("The murder was planned weeks before")) is None


@pytest.mark.parametrize(
    "not_made",
    [
        "The ministry did not deny the report",
        "The ministry stopped short of denying it",
        "The ministry did not issue a categorical denial",
        "The ministry declined to deny the report",
    ],
)
def test_a_denial_not_made_in_other_words_meets_the_denial(not_made: str) -> None:
    assert kind_of(not_made, "The ministry flatly denied the report") == "polarity"
    assert kind_of("The ministry flatly denied the report", not_made) == "polarity"
    assert kind_of(not_made.replace("ministry", "rebels"), "The ministry flatly denied the report") != "polarity"


def test_a_name_opening_the_sentence_and_a_description_may_be_one_denier() -> None:
    no_denial = "Halvard did not issue a categorical denial of the report, but suggested it was inaccurate"
    assert kind_of(no_denial, 'the company "flatly denies" the report') == "polarity"
    assert kind_of(no_denial, "Norland Bank flatly denies the report") != "polarity"  # two names
    assert kind_of("The group declined to comment", "The group flatly denied the report") != "polarity"  # silence


RAID_WIRE = """Night raid on Kessel village

Soldiers of the Orsk Brigade raided the village of Kessel in Marrow province on Tuesday night.
A defence ministry spokesman said the raid on Kessel complied with international law.
"""
RAID_INQUIRY = """Inquiry faults Kessel raid

Three weeks after the March 5 raid on Kessel village in Marrow province, a parliamentary inquiry
published its findings on the Orsk Brigade. The inquiry said the operation lacked any military justification.
"""


def test_an_act_judged_both_ways_weeks_apart_is_found_at_ingest_and_after_a_rescan(run, tmp_path):
    for name, text, outlet, day in (("wire.txt", RAID_WIRE, "Wire", "2024-03-06"),
                                    ("inquiry.txt", RAID_INQUIRY, "Post", "2024-03-27")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert run("ingest", path, "--outlet", outlet, "--published", day, "--yes").exit_code == 0
    found = as_json(run("conflicts", "--json"))
    judged = [c for c in found if c["evidence"].get("opposites") and "lawful" in c["evidence"]["opposites"]]
    assert len(judged) == 1, found
    assert {"complied", "lacked"} <= {w for c in judged for s in (c["a"], c["b"]) for w in s["text"].split()}
    rescanned = as_json(run("conflicts", "--rescan", "--json"))
    assert [c["id"] for c in rescanned] == [c["id"] for c in found]


def test_a_state_and_its_opposite_told_by_several_outlets_is_listed_once(run):
    for text, speaker, outlet in (("Ilka Dorn was unarmed when the officers stopped her", "Ari Lenz", "Ledger"),
                                  ("Ilka Dorn was unarmed, her brother told reporters", "Tomas Dorn", "Post"),
                                  ("Ilka Dorn had a pistol in her hand", "Mira Holt", "Herald")):
        assert run("add", text, "--speaker", speaker, "--outlet", outlet, "--published", "2024-05-03").exit_code == 0
    every = as_json(run("conflicts", "--json", "--each-pair"))
    assert len(every) == 2 and all(c["evidence"]["opposites"] for c in every)
    (shown,) = as_json(run("conflicts", "--json"))
    assert sorted([shown["id"], *shown["repeats"]]) == sorted(c["id"] for c in every)


DENIED = "The company flatly denied the report on Tuesday"


@pytest.mark.parametrize(
    "reported",
    [
        st("The Courier reported that the company would close 40 of its stores"),
        st("According to a report in the Courier, the company will close 40 stores"),
        Statement(text="notices could go out next week to a quarter of the company's staff",
                  speaker=Speaker("Ada Brun"), kind="reported",
                  context="Analyst Ada Brun had reported notices could go out next week to a quarter of the company's"
                  " staff. The firm did not comment."),
    ],
)
def test_a_denial_of_the_report_meets_what_the_report_said_in_one_incident(reported: Statement) -> None:
    for a, b, side in ((reported, st(DENIED), "b"), (st(DENIED), reported, "a")):
        verdict = incident_conflict(a, b)
        assert verdict is not None and verdict.type == "polarity", (a.text, b.text)
        assert isinstance(verdict.evidence, DenialCue) and verdict.evidence.side == side
        assert any("without saying what it denies" in caveat for caveat in verdict.caveats)
    assert kind_of(reported.text, DENIED) != "polarity"  # as free text, nothing says which report is denied


@pytest.mark.parametrize(
    "other",
    [
        "The company will close 40 stores, its chief executive said",  # no report
        "The Courier reported that a rival chain would close 40 stores",  # not about the one denying
        "The Courier reported that the company would not close any stores",  # itself a denial
        "Shares in the company rose 4 per cent after the report was published",  # no report's claim
        Statement(text="the company's profit fell in the quarter", speaker=Speaker(""), kind="reported",
                  context="The company's earnings report also revealed that the company's profit fell in the quarter."),
    ],
)
def test_a_denial_of_the_report_meets_no_claim_of_another_kind(other: str | Statement) -> None:
    claim = other if isinstance(other, Statement) else st(other)
    assert incident_conflict(claim, st(DENIED)) is None
    assert incident_conflict(st(DENIED), claim) is None
    # a denial that says what it denies is read by the other rules
    assert incident_conflict(st("The Courier reported that the company would close 40 of its stores"),
                             st("The company denied the report that it would close stores")) is None


def test_a_judgement_is_an_adjective_as_written_not_a_verb_of_its_stem() -> None:
    assert kind_of("The company has been planning a new raid", "The raid was spontaneous") != "polarity"
    assert kind_of("The raid was planned", "The raid was spontaneous") == "polarity"


@pytest.mark.parametrize(
    "other",
    [
        "It was illegal to enter the zone around the raid at night",  # judges entering, not the raid
        "The envoy urged both sides to respect international law after the raid",  # an exhortation
        "A war crimes court will hear the case of the raid",  # a court, not a judgement
    ],
)
def test_words_of_law_that_judge_no_act_are_no_conflict(other: str) -> None:
    assert kind_of("The raid was legitimate", other) != "polarity"
    assert kind_of("The raid was legitimate", "The raid was a war crime") == "polarity"


STORES_REPORT = """Grocer's plans in Dunmere

The Dunmere Ledger reported on Monday that Korvel Foods would close 40 of its stores in Dunmere and Aslo.
"""
STORES_DENIAL = """Korvel Foods answers the Ledger

A spokeswoman for Korvel Foods in Dunmere told reporters that the company flatly denies the report in the Ledger.
"""


def test_a_denial_of_the_report_days_later_is_found_at_ingest_and_after_a_rescan(run, tmp_path):
    for name, text, outlet, day in (("report.txt", STORES_REPORT, "Wire", "2024-04-01"),
                                    ("denial.txt", STORES_DENIAL, "Post", "2024-04-12")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert run("ingest", path, "--outlet", outlet, "--published", day, "--yes").exit_code == 0
    found = as_json(run("conflicts", "--json"))
    assert [sorted((c["a"]["text"][:12], c["b"]["text"][:12])) for c in found] == [
        sorted(("Korvel Foods", "the company "))], found
    assert "without saying what it denies" in found[0]["caveats"][0]
    assert [c["id"] for c in as_json(run("conflicts", "--rescan", "--json"))] == [c["id"] for c in found]


def test_self_defence_and_excessive_force_are_the_law_of_one_act() -> None:
    defence = st("The officer fired in self-defence, the police chief said")
    force = st("The family's lawyer said the officer used excessive force in the shooting")
    assert kind_of(defence.text, force.text) != "polarity"  # nothing names one act
    verdict = incident_conflict(defence, force)
    assert verdict is not None and set(verdict.evidence.words) == {"lawful", "unlawful"}
    assert incident_conflict(defence, st("The officer was accused of using excessive force")) is None
    # statements that otherwise make one claim judge one act, named or not
    verdict = compare(st("The troops acted in line with the rules of engagement"),
                      st("The troops violated the rules of engagement"))
    assert verdict.relation == "conflict" and any("otherwise make one claim" in c for c in verdict.caveats)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sales declined to 40,000 units last year", "Sales reached 40,000 units last year"),
        ("Output declined to its lowest level in a decade", "Output fell to its lowest level in a decade"),
    ],
)
def test_declined_to_a_figure_is_a_fall_not_a_refusal(a: str, b: str) -> None:
    assert kind_of(a, b) != "polarity"
    assert kind_of("The ministry declined to name the group", "The ministry named the group") == "polarity"
