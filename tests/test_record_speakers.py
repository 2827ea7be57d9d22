"""Speakers of ingested articles on one record: merged across articles only on strong evidence."""

from datetime import date
from functools import partial

import pytest

from quotetrack import ingest, speaker_resolution, store
from quotetrack.models import Speaker


@pytest.fixture
def db(isolated_db):
    opened = store.open_record()
    yield opened
    opened.close()


def add_article(db, text, outlet, day=1):
    article = ingest.read_article(text.encode(), f"{outlet}.txt", outlet=outlet, published=date(2026, 3, day))
    return ingest.ingest(db, article)


def speakers_named(db, name):
    return [s for s in store.all_speakers(db) if s.name == name]


def statements_of(db, speaker):
    return [s for s in store.list_statements(db) if s.speaker.id == speaker.id]


def test_anonymous_officials_of_two_outlets_stay_two_speakers(db):
    add_article(db, "A senior official told Radio Delta that 30 soldiers were killed in the raid.", "Radio Delta")
    add_article(db, "A senior official said on Monday that only nine soldiers had died.", "Daily Courier", 2)
    officials = speakers_named(db, "senior official")
    assert len(officials) == 2
    assert all(len(statements_of(db, s)) == 1 for s in officials)


def test_a_description_is_one_speaker_within_its_article(db):
    add_article(db, "Witnesses said the gunmen came at dawn. Witnesses said they wore uniforms.", "Radio Delta")
    (witnesses,) = speakers_named(db, "Witnesses")
    assert len(statements_of(db, witnesses)) == 2


def test_the_same_full_name_is_merged_across_articles(db):
    add_article(db, "Interior Minister Ana Lopes said 40 people had died in the flood.", "Radio Delta")
    add_article(db, "Ana Lopes said on Tuesday that the toll had risen to 52.", "Daily Courier", 2)
    (lopes,) = speakers_named(db, "Ana Lopes")
    assert len(statements_of(db, lopes)) == 2


def test_a_bare_surname_needs_the_same_title_to_be_merged(db):
    add_article(db, "Colonel Piotr Hadad said the convoy was hit at noon.", "Radio Delta")
    add_article(db, "Hadad said the market was closed.", "Daily Courier", 2)
    assert len(speakers_named(db, "Hadad")) == 1  # no title: maybe someone else of that name
    add_article(db, "Col. Hadad said the convoy had no escort.", "Evening Post", 3)
    (hadad,) = speakers_named(db, "Piotr Hadad")
    assert len(statements_of(db, hadad)) == 2


def test_one_alias_never_pulls_an_outlets_statements_under_another_speaker(db):
    add_article(db, "REUTERS/Jonas Berg\n\nJonas Berg said the plant would close.", "Radio Delta")
    add_article(db, "Reuters said the plant would close in May.", "Daily Courier", 2)
    (berg,) = speakers_named(db, "Jonas Berg")
    assert len(statements_of(db, berg)) == 1


def test_an_organisation_joins_its_acronym_and_its_bracketed_name(db):
    add_article(db, "The International Council of the Relief Federation (ICRF) said 29 children died.", "Radio Delta")
    add_article(db, "The ICRF said the hospital had received 48 wounded.", "Daily Courier", 2)
    speakers = [s for s in store.all_speakers(db) if "Relief Federation" in s.name]
    assert len(speakers) == 1 and len(statements_of(db, speakers[0])) == 2


class NoTerms:
    """A normaliser whose terms table is empty: names alone decide."""

    def canonical(self, text):
        return None


def test_same_speaker_rules():
    minister = Speaker(name="Karim Issa Dalo", title="Minister", aliases=["Dalo"])
    terms = NoTerms()
    assert speaker_resolution.same_speaker(Speaker(name="Issa Dalo"), minister, terms)
    assert speaker_resolution.same_speaker(Speaker(name="Health Minister Karim Issa Dalo"), minister, terms)
    assert not speaker_resolution.same_speaker(Speaker(name="Dalo"), minister, terms)  # a surname without a title
    assert speaker_resolution.same_speaker(Speaker(name="Dalo", title="Minister"), minister, terms)
    assert not speaker_resolution.same_speaker(Speaker(name="Leila Dalo"), minister, terms)
    officials = Speaker(name="Norland officials", title="officials")
    assert not speaker_resolution.same_speaker(Speaker(name="Norland officials"), officials, terms)


def same_body(a, b):
    """Two organisations' names are one speaker's, by the names alone."""
    organisation = partial(Speaker, kind="organisation")
    return speaker_resolution.same_speaker(organisation(name=a), organisation(name=b), NoTerms())


def test_one_bodys_name_in_british_and_american_spelling_is_one_speaker():
    assert same_body("Peruvian Defense Ministry", "Peruvian Defence Ministry")
    assert same_body("Global Relief Organization", "Global Relief Organisation")
    assert not same_body("Peruvian Health Ministry", "Peruvian Defence Ministry")
    # People are not merged on a spelling rule: "Lee Centre" and "Lee Center" may be two people.
    assert not speaker_resolution.same_speaker(Speaker(name="Lee Center"), Speaker(name="Lee Centre"), NoTerms())


def test_one_bodys_name_in_another_order_or_number_is_one_speaker():
    assert same_body("Orlanian Communications Ministry", "Orlanian Ministry of Communication")
    assert same_body("Orlanian Ministry of the Interior", "Orlanian Interior Ministry")
    assert same_body("the Orlanian Relief Agency", "Orlanian Relief Agency")
    assert not same_body("Orlanian Ministry of Health", "Orlanian Interior Ministry")
    assert not same_body("Council of Orlania", "Orlanian Council")  # two bodies, as in Europe's


def test_a_body_named_in_another_order_by_a_second_outlet_is_found_under_its_key(db):
    add_article(db, "The Orlanian Ministry of Communication said 170,000 bodies had been buried.", "Radio Delta")
    add_article(db, "The Orlanian Communications Ministry said the figure was a typo.", "Daily Courier", 2)
    bodies = [s for s in store.all_speakers(db) if "Communication" in s.name]
    assert len(bodies) == 1 and len(statements_of(db, bodies[0])) == 2


def test_names_the_terms_table_makes_equal_are_one_speaker(db):
    add_article(db, "US Central Command said two strikes destroyed a building near the river.", "Radio Delta")
    add_article(db, "CENTCOM said the strikes had hit only empty buildings.", "Daily Courier", 2)
    (command,) = [s for s in store.all_speakers(db) if s.name == "US Central Command"]
    assert len(statements_of(db, command)) == 2


def test_one_quote_from_two_articles_descriptions_is_no_misattribution(db):
    quote = "“We do not comment on rumours, however baseless they are,” the company said."
    add_article(db, quote, "Radio Delta")
    add_article(db, quote + " The cuts were first reported on Thursday.", "Daily Courier", 2)
    assert len(speakers_named(db, "company")) == 2
    assert [c for c in store.list_conflicts(db) if c.type == "misattribution"] == []


def test_spellings_of_one_spokesmans_name_and_one_single_name_are_merged():
    terms = NoTerms()
    gava = Speaker(name="Ibrahim Obba Turan", title="spokesperson")
    assert speaker_resolution.same_speaker(Speaker(name="Ibrahim Obu Turan", title="spokesman"), gava, terms)
    assert not speaker_resolution.same_speaker(Speaker(name="Ibrahim Obu Turan"), gava, terms)  # no title to go with it
    assert not speaker_resolution.same_speaker(Speaker(name="Ibrahim Sadiq Turan", title="spokesman"), gava, terms)
    assert speaker_resolution.same_speaker(Speaker(name="Varenne"), Speaker(name="Varenne"), terms)
    senator, mayor = Speaker(name="Varenne", title="Senator"), Speaker(name="Varenne", title="Mayor")
    assert not speaker_resolution.same_speaker(senator, mayor, terms)


def test_an_acronym_the_article_gives_joins_the_body_of_that_acronym(db):
    add_article(db, "The Northern Flood Relief Agency (NFRA) said 29 children died.", "Radio Delta")
    add_article(db, "The Flood Relief Agency (NFRA) said the hospital had received 48 wounded.", "Daily Courier", 2)
    (agency,) = [s for s in store.all_speakers(db) if "Relief Agency" in s.name]
    assert len(statements_of(db, agency)) == 2
