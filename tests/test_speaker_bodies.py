"""Bodies named without their full name: a country speaking, "the government", "the ministry",
"a government report" — each the body the article ties it to, as an editor would name it."""

from datetime import date

import pytest

from quotetrack import ingest, store
from quotetrack.extract import extract_statements
from quotetrack.extract.bodies import national_name
from quotetrack.extract.phrases import Mention
from quotetrack.extract.speakers import Resolver
from quotetrack.text.names import descriptive_name


def speakers(text):
    return {s.text: s.speaker for s in extract_statements(text)}


def speaker_of(text, words):
    return next(s.speaker for s in extract_statements(text) if words in s.text)


def test_a_country_recorded_as_the_speaker_is_its_government():
    text = "Floods hit the coast. Peru on Tuesday said 14 people had died in the floods."
    speaker = speaker_of(text, "14 people")
    assert (speaker.name, speaker.kind) == ("Peruvian government", "organisation")
    assert "Peru" in speaker.aliases


def test_a_person_of_that_name_is_not_taken_for_the_country():
    text = "Coach Chad Ellison praised the team. Chad said the season had been hard on everyone."
    assert speaker_of(text, "season").name != "Chadian government"


def test_the_ministry_is_the_ministry_the_article_named_before():
    text = (
        "Ghana's health ministry said on Monday that 30 people had cholera. "
        "The ministry said another 12 cases were suspected."
    )
    assert speaker_of(text, "12 cases").name == "Ghanaian health ministry"
    assert speaker_of(text, "30 people").name == "Ghanaian health ministry"


def test_two_ministries_in_one_article_stay_apart():
    text = (
        "Ghana's health ministry said 30 people had cholera. "
        "Ghana's Defence Ministry said troops would guard the clinics. "
        "The health ministry said 12 more cases were suspected. "
        "The ministry said the troops had arrived."
    )
    assert speaker_of(text, "12 more").name == "Ghanaian health ministry"
    assert speaker_of(text, "troops had arrived").name == "Ghanaian Defence Ministry"


def test_the_ministry_of_a_minister_with_a_portfolio():
    text = (
        "Water Minister Ana Lind said 40 wells in Chile had run dry. "
        "The ministry said on Friday that 12 more were failing. Chile has had no rain since May."
    )
    assert speaker_of(text, "12 more").name == "Chilean Water Ministry"


def test_the_government_of_the_country_the_article_is_about():
    text = (
        "Peru's parliament met on Monday to debate the budget. "
        "The government said spending on schools would rise by 4 percent. "
        "Critics in Peru called the plan modest."
    )
    assert speaker_of(text, "spending").name == "Peruvian government"


def test_a_bare_government_stays_bare_when_the_article_names_no_country():
    text = "The government said spending on schools would rise by 4 percent."
    assert speaker_of(text, "spending").name == "government"


def test_a_government_report_is_credited_to_that_government():
    text = (
        "Peru has counted the damage from the storm. "
        "According to a government report, 300 houses were destroyed across Peru."
    )
    speaker = speaker_of(text, "300 houses")
    assert (speaker.name, speaker.title, speaker.kind) == ("Peruvian government", "report", "document")


def test_a_countrys_institution_is_named_with_its_adjective():
    speaker = speaker_of("Ghana's military said 3 soldiers were wounded.", "soldiers")
    assert (speaker.name, speaker.kind) == ("Ghanaian military", "organisation")


def test_a_countrys_institution_is_a_name_not_a_description():
    assert not descriptive_name("Ghanaian military")
    assert not descriptive_name("Peruvian interior ministry")
    assert descriptive_name("Peruvian officials")
    assert descriptive_name("government")


@pytest.fixture
def db(isolated_db):
    opened = store.open_record()
    yield opened
    opened.close()


def test_a_countrys_government_is_one_speaker_across_articles(db):
    for day, (outlet, text) in enumerate(
        [("Radio Delta", "Peru on Monday said 14 people had died in the floods."),
         ("Daily Courier", "Peru's government said on Tuesday that the toll had risen to 19.")],
        start=1,
    ):
        article = ingest.read_article(text.encode(), f"{outlet}.txt", outlet=outlet, published=date(2026, 3, day))
        ingest.ingest(db, article)
    named = [s for s in store.all_speakers(db) if s.name == "Peruvian government"]
    assert len(named) == 1
    assert len([s for s in store.list_statements(db) if s.speaker.id == named[0].id]) == 2


def test_a_headline_verb_after_the_country_does_not_make_it_a_person():
    text = "Peru Says 40 Dead In Floods\n\nPeru said on Monday that 12 more people were missing."
    assert speaker_of(text, "12 more").name == "Peruvian government"
    assert speaker_of(text, "40 Dead").name == "Peruvian government"


def test_a_capital_recorded_as_the_speaker_is_its_government():
    speaker = speaker_of("Lima said on Monday it would send troops to the border.", "troops")
    assert (speaker.name, speaker.kind) == ("Peruvian government", "organisation")


def test_a_dateline_tells_whose_government_a_report_is():
    text = "LIMA (Wire) - According to a government report, 300 houses were destroyed in the floods."
    assert speaker_of(text, "300 houses").name == "Peruvian government"


def test_a_country_named_before_its_institution_gives_its_adjective():
    assert national_name(["Chile", "government"]) == ["Chilean", "government"]
    assert national_name(["Chile’s", "army"]) == ["Chilean", "army"]
    assert national_name(["Chilean", "government"]) == ["Chilean", "government"]
    assert national_name(["Chile", "Airlines"]) == ["Chile", "Airlines"]


def test_a_report_does_not_give_its_title_to_the_body_of_the_same_name(db):
    text = (
        "Peru said on Monday that 14 people had died. "
        "According to a government report, 300 houses were destroyed across Peru."
    )
    article = ingest.read_article(text.encode(), "a.txt", outlet="Radio Delta", published=date(2026, 3, 1))
    ingest.ingest(db, article)
    named = [s for s in store.all_speakers(db) if s.name == "Peruvian government"]
    assert [s.title for s in named] == [None]


def test_a_lake_named_for_a_country_does_not_count_as_that_country():
    text = (
        "Fishermen fled to the shores of Lake Chad. Boats on Lake Chad were burned. "
        "Ghana's president praised the troops. "
        "Ghana has sent aid. The military said the attack was the worst this year."
    )
    assert speaker_of(text, "worst").name == "Ghanaian military"


def test_a_countrys_statement_is_its_governments():
    speaker = speaker_of("An official Ghanaian statement said 12 soldiers had died in the raid.", "12 soldiers")
    assert (speaker.name, speaker.title, speaker.kind) == ("Ghanaian government", "statement", "document")


def test_a_local_institution_is_not_taken_for_the_countrys():
    text = (
        "Peru's parliament met on Monday. Local authorities said 300 homes were flooded in Peru. "
        "The regional government said the roads were closed."
    )
    assert speaker_of(text, "300 homes").name == "Local authorities"
    assert speaker_of(text, "roads").name == "regional government"


def test_its_minister_is_the_minister_of_the_country_named_before():
    text = "Ghana has denied sending troops. Its defence minister said on Monday that no soldier had crossed."
    speaker = speaker_of(text, "no soldier")
    assert (speaker.name, speaker.affiliation) == ("Ghanaian defence minister", "Ghanaian")
    text = "The Northern Union said the strike would go on. Its general secretary said members had voted 9 to 1."
    assert speaker_of(text, "voted").name == "Northern Union general secretary"


def test_an_abbreviated_country_speaking_is_its_government():
    text = "The US said on Monday it would send 40 tonnes of aid."
    head = "The US"
    resolved = Resolver(text).resolve(Mention(0, len(head), 0, len(head), head))
    assert resolved is not None and resolved.speaker.name == "US government"


def test_a_portfolios_ministry_named_bare_is_the_countrys_the_article_is_about():
    text = "Peru has been hit by floods. In Peru, the Defence Ministry said 40 soldiers died. Peru asked for help."
    (statement,) = extract_statements(text)
    assert (statement.speaker.name, statement.speaker.aliases) == ("Peruvian Defence Ministry", ["Defence Ministry"])
    assert extract_statements("The Defence Ministry said 40 soldiers died.")[0].speaker.name == "Defence Ministry"
    text = "Peru has been hit by floods. Peru asked for help. The Chilean Defence Ministry said 40 soldiers died."
    assert extract_statements(text)[-1].speaker.name == "Chilean Defence Ministry"
