"""Speaker names are noun phrases an editor would use: not a clause, a date or a describing word."""

from quotetrack.extract import extract_statements
from quotetrack.extract.phrases import Mention, kept
from quotetrack.extract.speakers import Resolver


def speaker_of(text, words):
    return next(s.speaker for s in extract_statements(text) if words in s.text)


def test_a_speaker_name_stops_before_its_date_and_the_verb_after_it():
    text = "The official Avell Press Agency on March 3 said that 12 men had been held."
    assert speaker_of(text, "12 men").name == "Avell Press Agency"
    text = (
        "The official Avell Press Agency on March 3 cited an inquiry by Avell prosecutors saying "
        'that "a quarrel broke out in the office."'
    )
    assert speaker_of(text, "quarrel").name in ("Avell Press Agency", "Avell prosecutors")


def test_a_speaker_name_stops_before_a_verb_and_its_object():
    text = "The Avell Press Agency cited an inquiry by Avell prosecutors saying that 12 men were held."
    head = "Avell Press Agency cited an inquiry by Avell prosecutors"
    at = text.index(head)
    resolved = Resolver(text).resolve(Mention(at, at + len(head), at, at + len(head), head))
    assert resolved is not None and resolved.speaker.name == "Avell Press Agency"
    # A participle with its agent still describes the noun before it.
    words = "report released by the ministry".split()
    assert kept(words) == list(range(len(words)))


def test_the_speaker_is_the_phrase_a_relative_clause_describes():
    text = "The armed Jund group that controls the capital said 15 children were killed."
    speaker = speaker_of(text, "15 children")
    assert (speaker.name, speaker.kind) == ("Jund group", "organisation")


def test_describing_words_before_a_name_are_not_part_of_it():
    assert speaker_of("The rebel-run Avell Radio said 12 people died.", "12 people").name == "Avell Radio"
    assert speaker_of("The rebel-run Avell Radio said 12 people died.", "12 people").title is None
    assert speaker_of("The armed Jund group said it hit a convoy.", "convoy").name == "Jund group"


def test_a_name_that_starts_with_its_own_adjective_keeps_it():
    assert speaker_of("The Avell-led alliance said it hit a convoy.", "convoy").name == "Avell-led alliance"
    assert speaker_of("Armed men said they would return.", "return").name == "Armed men"


def test_a_phrase_about_what_was_seen_is_no_part_of_the_witnesses_name():
    text = "According to witnesses of what may be the worst attack in years, the streets were full of smoke."
    assert speaker_of(text, "streets").name == "witnesses"


def test_a_described_body_is_named_without_what_it_is_doing():
    text = "The Avell-backed alliance fighting the rebels in Norland said it hit a launcher."
    assert speaker_of(text, "launcher").name == "Avell-backed alliance"


def test_the_agent_of_a_list_is_who_vouches_for_it():
    text = "According to a list confirmed by Avell officials, 15 men flew to the capital that morning."
    speaker = speaker_of(text, "15 men")
    assert (speaker.name, speaker.title, speaker.kind) == ("Avell officials", "list", "document")


def test_the_company_is_the_one_whose_statement_was_quoted():
    text = (
        "Brightline dismissed the report, according to an emailed statement from Brightline to reporters. "
        '"We do not comment on rumours," the company said in the email.'
    )
    speaker = speaker_of(text, "rumours")
    assert (speaker.name, speaker.kind) == ("Brightline", "organisation")


def test_the_company_is_the_one_its_spokesman_speaks_for():
    text = (
        'Brightline spokesman Rhys Abbot told the agency that the company "firmly denies" the report. '
        '"We are not closing the plant," the company said.'
    )
    speaker = speaker_of(text, "closing the plant")
    assert (speaker.name, speaker.kind) == ("Brightline", "organisation")
    mayor = "Mayor Jane Roe of Avell said the plant was unsafe. The company said it would appeal."
    assert speaker_of(mayor, "appeal").name != "Avell"


def test_a_title_and_name_of_a_place_keep_the_name():
    speaker = speaker_of("Mayor Jane Roe of Avell said the plant was unsafe.", "unsafe")
    assert (speaker.name, speaker.title, speaker.affiliation) == ("Jane Roe", "Mayor", "Avell")
