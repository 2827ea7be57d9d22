"""Claims and their denials across outlets: responsibility claimed or not, casualties asserted or
hedged away, the identity of the dead. Each rule with look-alike pairs that are not conflicts."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import as_json

from quotetrack.conflicts import claim_keys, compare, denied_keys
from quotetrack.evidence import DenialCue
from quotetrack.models import Source, Speaker, Statement


def st(text: str, speaker: str = "") -> Statement:
    return Statement(text=text, speaker=Speaker(speaker), kind="reported", source=Source(outlet="Test wire"))


def kind_of(a: str, b: str) -> str:
    verdict = compare(st(a), st(b))
    return verdict.type or "" if verdict.relation == "conflict" else verdict.relation


def score(a: str, b: str) -> float:
    verdict = compare(st(a), st(b))
    assert verdict.relation == "conflict", (a, b, verdict)
    return verdict.score


CLAIMED = "The Northern Front claimed responsibility for the bombing of the ferry terminal"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The rebels claimed the attack", "No group has claimed the attack"),
        ("The rebels claimed Tuesday's ambush on the convoy", "No group has claimed the ambush"),
        (CLAIMED, "No one has claimed responsibility for the bombing"),
        (CLAIMED, "Nobody has claimed responsibility"),
        (CLAIMED, "There was no immediate claim of responsibility"),
        (CLAIMED, "The Northern Front denied any involvement in the bombing"),
        (CLAIMED, "The group has not commented"),
        (CLAIMED, "The group hasn't yet commented"),
        ("A militant group said it took responsibility for the blast", "The blast has not been claimed"),
        ("The group said it carried out the attack", "No group has claimed the attack"),
        ('"We carried out the attack on the convoy," the statement said', "No one has claimed the attack"),
        # blame laid by others, denied by the one blamed
        ("The government blamed the rebels for the attack", "The rebels denied involvement in the attack"),
        ("The rebels claimed the attack", "The rebels denied carrying out the attack"),
        ("The group claimed the attack", "The group denied it was behind the attack"),
        ("The army carried out the strike, witnesses said", "The army denied carrying out the strike"),
        ("The rebels claimed the attack", "It was not immediately clear who was behind the attack"),
    ],
)
def test_a_claim_of_responsibility_and_no_claim_or_a_denial_conflict(a: str, b: str) -> None:
    assert kind_of(a, b) == "polarity"
    assert kind_of(b, a) == "polarity"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # "claimed" that is no claim of responsibility
        ("The rebels claimed the hilltop town after a week of fighting", "No group has claimed the attack"),
        ("The flood claimed 12 lives in the valley", "No one has claimed responsibility for the attack"),
        ("The army claimed the strike killed only fighters", "No group has claimed the strike"),
        # silence says nothing about anything but a claim
        ("The group said the talks would resume next week", "The group has not commented"),
        ("Ministers agreed on the budget", "The ministry declined to comment"),
        ("The firm said it carried out an audit", "No group has claimed the attack"),
        # blame is no claim: "no claim yet" and "the government blamed the rebels" agree
        ("The government blamed the rebels for the attack", "No group has claimed the attack"),
        # two denials of one thing in other words agree
        ("The army denied carrying out the strike", "No group has claimed the strike"),
        # another claimant named on each side
        ("The Northern Front claimed the attack", "The Eastern Brigades denied involvement in the attack"),
    ],
)
def test_look_alike_claims_and_silences_are_not_conflicts(a: str, b: str) -> None:
    assert kind_of(a, b) != "polarity"
    assert kind_of(b, a) != "polarity"


def test_a_flat_denial_outranks_a_report_of_no_claim_which_outranks_silence() -> None:
    flat = score(CLAIMED, "The Northern Front denied involvement in the bombing")
    none_yet = score(CLAIMED, "There was no immediate claim of responsibility for the bombing")
    silent = score(CLAIMED, "The Northern Front has not commented on the bombing")
    assert flat > none_yet > silent


def test_silence_and_hedges_are_shown_with_their_cue_and_a_caveat() -> None:
    verdict = compare(st(CLAIMED), st("The group has not commented"))
    assert verdict.evidence == DenialCue("has not commented", (10, 27), "b")
    assert verdict.caveats and "silence" in verdict.caveats[0]
    verdict = compare(st("The strike killed civilians"), st("There were no indications of civilian casualties"))
    assert isinstance(verdict.evidence, DenialCue) and verdict.evidence.cue == "There were no indications of"
    assert verdict.caveats and "hedges" in verdict.caveats[0]
    flat = compare(st(CLAIMED), st("No one has claimed responsibility for the bombing"))
    assert flat.caveats == []


@pytest.mark.parametrize(
    "denial",
    [
        "There were no indications of civilian casualties",
        "The army said it was not aware of any civilian casualties",
        "No civilians were harmed, the ministry said",
        "The air force denied that civilians were killed",
        "There is no evidence that civilians were harmed",
        "The coalition said it had no information about civilian casualties",
        "The interior ministry said no civilians were among the dead",
        "The minister said he was not aware of reports that civilians were killed",
    ],
)
def test_civilians_killed_against_no_civilian_casualties_is_a_polarity_conflict(denial: str) -> None:
    for admission in ("The strike killed civilians", "Civilians and children were killed in the strike",
                      "The army acknowledged that two civilians were killed"):  # fmt: skip
        assert kind_of(admission, denial) == "polarity", (admission, denial)


def test_a_hedged_denial_scores_below_a_flat_one() -> None:
    claim = "The strike killed civilians"
    assert score(claim, "No civilians were killed") > score(claim, "There were no indications of civilian casualties")
    # Not having been told of a cause is knowing nothing of it, not denying it.
    result = compare(st("the villagers have not been told of the cause of the fire", "Reporter"),
                     st("the cause of the fire was a faulty heater", "Fire brigade"))
    assert result.relation == "conflict" and "hedges" in result.caveats[0]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The strike killed three soldiers", "There were no indications of civilian casualties"),
        ("Police found no evidence of a break-in", "The strike killed civilians"),
        ("The clashes killed 17 fighters", "Three civilians died in the clashes"),
        ("The army was not aware of the protest", "The strike killed civilians"),
        # a hedge about a report is about what it says, not that it exists
        ("The minister said he was not aware of the report", "The report said 40 people were killed"),
    ],
)
def test_hedges_about_something_else_are_not_conflicts(a: str, b: str) -> None:
    assert kind_of(a, b) != "polarity"


def test_who_the_dead_were_is_a_conflict() -> None:
    assert kind_of(
        "A general said one of the dead was a militant", "The dead were unlikely to be linked to the group"
    ) == "polarity"
    assert kind_of("One of the dead was a militant", "The dead were unlikely to be tourists") != "polarity"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # "denied reports that …": what the reports say is denied; an aside between commas and an
        # honorific do not make it another claim
        ("Police believe Mr Berg was killed at the embassy in Lintara",
         "The ministry denied reports that reporter Anton Berg, who disappeared on Monday, was killed at the"
         " embassy in Lintara"),
        ("Mr Novak was arrested at the border", "Jan Novak was not arrested at the border"),
        ("Mr Novak was arrested at the border",
         "The police denied that Jan Novak was arrested at the border, according to several local newspapers"),
    ],
)  # fmt: skip
def test_a_denial_of_reports_is_about_what_they_report(a: str, b: str) -> None:
    assert kind_of(a, b) == "polarity"


def test_a_different_name_in_the_same_place_is_still_another_claim() -> None:
    assert kind_of("Mr Novak was arrested at the border", "Mr Horak was not arrested at the border") != "polarity"
    # a name against a common word too, unless the name only lengthens a shared one
    named_place = ("The strike on Dorvan killed civilians", "The strike on the market did not kill civilians")
    assert kind_of(*named_place) != "polarity"
    longer_name = ("Police said Novak was killed in the Lintaran consulate",
                   "The ministry denied that Lintaran journalist Novak was killed in the consulate")  # fmt: skip
    assert kind_of(*longer_name) == "polarity"


# --- through the CLI, as an editor checks two sentences ---


def test_compare_reads_a_claim_against_no_claim(run):
    verdict = as_json(run("compare", "The rebels claimed the attack", "No group has claimed the attack", "--json"))
    assert (verdict["relation"], verdict["type"]) == ("conflict", "polarity")
    assert verdict["evidence"]["cue"] == "No" and verdict["evidence"]["side"] == "b"
    assert verdict["caveats"] == []


def test_compare_shows_a_hedged_denial_with_its_caveat(run):
    result = run("compare", "The strike killed civilians", "There were no indications of civilian casualties")
    assert result.exit_code == 0, result.output
    assert "conflict" in result.stdout and "There were no indications of" in result.stdout
    verdict = as_json(run("compare", "The strike killed civilians",
                          "There were no indications of civilian casualties", "--json"))  # fmt: skip
    assert verdict["type"] == "polarity" and "hedges" in verdict["caveats"][0]
    unrelated = as_json(run("compare", "The strike killed three soldiers",
                            "There were no indications of civilian casualties", "--json"))  # fmt: skip
    assert unrelated["relation"] != "conflict"


def test_denied_keys_are_found_among_the_claim_keys_of_what_they_deny() -> None:
    """What candidate generation needs: a denial's words looked up among what statements imply."""
    [denied] = denied_keys("There were no indications of civilian casualties")
    assert set(denied) <= claim_keys("The strike killed civilians and children")
    assert not set(denied) <= claim_keys("The strike destroyed a bridge")
    [silence] = denied_keys("The group has not commented")
    assert set(silence) <= claim_keys("The rebels claimed the attack")
    assert denied_keys("The strike killed civilians") == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The blast killed 20 people", "Officials have not confirmed any deaths"),
        ("Three people were wounded in the blast", "No one was hurt"),
        ("Two soldiers were killed", "There were no casualties"),
    ],
)
def test_tolls_against_no_casualties_or_unconfirmed_deaths(a: str, b: str) -> None:
    assert kind_of(a, b) == "polarity"


def dated(text: str, day: int) -> Statement:
    return Statement(text=text, speaker=Speaker(""), kind="report",
                     source=Source(outlet="Wire", published=date(2024, 5, day)))  # fmt: skip


def test_a_report_of_no_claim_before_the_claim_says_the_story_may_have_moved_on() -> None:
    claim = dated("The Northern Front claimed responsibility for the bombing", 13)
    no_claim = dated("There was no immediate claim of responsibility for the bombing", 12)
    for a, b in ((no_claim, claim), (claim, no_claim)):
        verdict = compare(a, b)
        assert verdict.relation == "conflict"
        assert any("12 May" in caveat and "moved on" in caveat for caveat in verdict.caveats)
    # a flat denial the day before, or no claim reported after the claim: a dispute, no such caveat
    for other in (dated("The Northern Front denied responsibility for the bombing", 12),
                  dated("There was no immediate claim of responsibility for the bombing", 14)):  # fmt: skip
        verdict = compare(other, claim)
        assert verdict.relation == "conflict"
        assert not any("moved on" in caveat for caveat in verdict.caveats)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The air force said the strike on the camp was a mistake", "The strike on the camp was deliberate"),
        ("The shooting was accidental, police said", "The shooting was intentional, the family said"),
        ("The opposition claimed victory in the presidential vote", "The opposition lost the presidential vote"),
        ("Observers said the vote was fair", "The opposition said the vote was rigged"),
    ],
)
def test_accounts_of_what_happened_in_words_of_opposite_meaning_conflict(a: str, b: str) -> None:
    assert kind_of(a, b) == "polarity"


def _relation(a: str, b: str) -> tuple[str, str | None]:
    verdict = compare(Statement(a, Speaker("Ann Field")), Statement(b, Speaker("Bo Lind")))
    return verdict.relation, verdict.type


@pytest.mark.parametrize("a, b", [
    ("There was no immediate claim of responsibility for the bombing",
     "There has been no immediate claim of responsibility"),
    ("There has been no claim of responsibility so far", "No group claimed responsibility"),
])
def test_two_non_claims_worded_apart_agree(a: str, b: str) -> None:
    assert _relation(a, b)[0] != "conflict"
    assert _relation(a, "The rebels claimed responsibility for the bombing") == ("conflict", "polarity")


def test_a_denied_count_meets_only_a_claim_of_about_that_count() -> None:
    denial = "Officials dismissed reports that the army killed 300 villagers"
    assert _relation(denial, "The army killed 300 villagers, witnesses said") == ("conflict", "polarity")
    assert _relation(denial, "The army killed villagers in the raid, witnesses said")[0] != "conflict"


def test_a_shared_name_alone_is_not_the_claim_a_denial_denies() -> None:
    assert _relation("The ministry denied that Tarek Hollis resigned",
                     "Tarek Hollis spoke at the rally in the capital")[0] != "conflict"
    assert _relation("The ministry denied that Tarek Hollis resigned",
                     "Tarek Hollis resigned on Friday, a former aide said") == ("conflict", "polarity")


@pytest.mark.parametrize("claimed, declared", [
    ("Campaign chief Ana Lind had won the Varno mayoral race", "Piet Berg was declared the winner of the election"),
    ("Our own count says the new mayor of Varno will be Ana Lind", "Mayor Piet Berg won the vote"),
    ("Ana Lind won the race", "Piet Berg clinched the poll"),
    ("the council declared President Ana Lind the winner of the run-off", "results showed Piet Berg the winner"),
])
def test_two_winners_of_one_contest_conflict(claimed: str, declared: str) -> None:
    verdict = compare(st(claimed, "Campaign"), st(declared, "Commission"))
    assert (verdict.relation, verdict.type) == ("conflict", "polarity")
    assert "winner of the election" in verdict.caveats[0]


@pytest.mark.parametrize("one, other", [
    ("Ana Lind won the election", "President Ana Lind was declared the winner"),  # one winner
    ("Ana Lind won the 2018 election", "Piet Berg won the 2023 election"),  # two contests
    ("Ana Lind did not win the election", "Piet Berg won the election"),  # no claim of victory
])
def test_one_winner_or_two_contests_is_no_such_conflict(one: str, other: str) -> None:
    assert compare(st(one), st(other)).relation != "conflict"


def test_a_denial_of_the_allegations_meets_the_claim_it_answers_at_one_incident(run, tmp_path):
    claim = tmp_path / "claim.txt"
    claim.write_text("Osk flown to Varno\n\nThe opposition leader Kemal Osk was flown to Varno on Saturday after "
                     "falling ill on a flight from Dorvask. His allies claim the Norland government was behind the "
                     "poisoning of Osk.\n", encoding="utf-8")
    denial = tmp_path / "denial.txt"
    denial.write_text("Government answers Osk's allies\n\nThe Norland government on Monday dismissed the allegations "
                      "as baseless, two days after the opposition leader Kemal Osk was flown to Varno from "
                      "Dorvask.\n", encoding="utf-8")
    for path, outlet, day in ((claim, "The Varno Post", "2031-03-22"), (denial, "The Norland Times", "2031-03-24")):
        result = run("ingest", path, "--outlet", outlet, "--published", day, "--yes")
        assert result.exit_code == 0, result.output
    pairs = {(c["a"]["text"], c["b"]["text"]) for c in as_json(run("conflicts", "--json", "--each-pair"))}
    assert ("the Norland government was behind the poisoning of Osk",
            "dismissed the allegations as baseless, two days after the opposition leader Kemal Osk was flown "
            "to Varno from Dorvask") in pairs
