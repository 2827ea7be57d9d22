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


def test_a_group_named_by_what_it_does_is_the_speaker_not_a_name_in_its_complement():
    text = "Organisers of the weekend rally against the planned visit of Prime Minister Anna Berg said 9,000 came."
    speaker = speaker_of(text, "9,000 came")
    assert (speaker.name, speaker.title, speaker.affiliation) == ("Organisers of the weekend rally", None, None)
    assert speaker_of("Lawyers for Jan Novak said he was innocent.", "innocent").name == "Lawyers for Jan Novak"
    # A title before the name still makes the name the speaker.
    assert speaker_of("The mayor of Northvale, Jo Lin, said the bridge was shut.", "bridge").name == "Jo Lin"


def test_a_capitalised_article_inside_a_name_does_not_cut_it():
    text = "The march was peaceful, according to a Save The Forest Alliance spokesman."
    assert speaker_of(text, "march").name.startswith("Save The Forest Alliance")
    assert speaker_of("Norland strike The Avell-led coalition said it hit a depot.", "depot").name == (
        "Avell-led coalition")


def test_an_adverb_between_commas_is_no_title_and_the_one_word_body_is_an_organisation():
    speaker = speaker_of("The Brotherhood, meanwhile, has denied any role in the fire.", "any role")
    assert (speaker.name, speaker.title, speaker.kind) == ("Brotherhood", None, "organisation")
    speaker = speaker_of("Jan Novak, however, said the vote was fair.", "vote")
    assert (speaker.name, speaker.title, speaker.kind) == ("Jan Novak", None, "person")


def test_someone_claiming_to_be_a_spokesman_is_not_a_spokesman():
    speaker = speaker_of("A man purporting to be a rebel spokesman said the group set the fire.", "the fire")
    assert (speaker.name, speaker.title) == ("man purporting to be a rebel spokesman", None)
    speaker = speaker_of("A woman claiming to be his sister told reporters that he was unarmed.", "unarmed")
    assert (speaker.name, speaker.title) == ("woman claiming to be his sister", None)


def test_a_common_nouns_possessive_is_part_of_an_organisations_name():
    speaker = speaker_of("The state-run Children's Daily said the strike was over.", "strike")
    assert (speaker.name, speaker.affiliation, speaker.kind) == ("Children's Daily", None, "organisation")
    # An owner's name before a person's name is still the affiliation.
    speaker = speaker_of("Labour's Anna Berg said the vote was fair.", "vote")
    assert (speaker.name, speaker.affiliation) == ("Anna Berg", "Labour")


def test_a_name_after_a_body_noun_is_the_bodys_name():
    speaker = speaker_of("Official news agency Norpress said the talks had failed.", "talks")
    assert (speaker.name, speaker.title, speaker.kind) == ("Norpress", None, "organisation")
    speaker = speaker_of("Party leader Jan Novak said the talks had failed.", "talks")
    assert (speaker.name, speaker.title, speaker.kind) == ("Jan Novak", "leader", "person")


def test_his_office_is_the_office_of_the_man_last_heard():
    text = "President Jan Novak said the talks had failed. He was not hurt, his office said in a statement."
    speaker = speaker_of(text, "not hurt")
    assert (speaker.name, speaker.kind) == ("Jan Novak's office", "organisation")


def test_a_body_named_once_after_its_noun_stays_a_body_when_named_alone():
    text = (
        "Official news agency Norpress said 40 people were rescued, according to the rescue command. "
        "Norpress said a school had been opened as a shelter."
    )
    speaker = speaker_of(text, "shelter")
    assert (speaker.name, speaker.kind) == ("Norpress", "organisation")


def test_an_acronym_shaped_like_a_verb_does_not_cut_the_speaker_phrase():
    text = "A man purporting to be an AM spokesman said in a call to reporters that the group set the fire."
    speaker = speaker_of(text, "fire")
    assert (speaker.name, speaker.title) == ("man purporting to be an AM spokesman", None)


def test_his_office_is_first_the_office_of_the_man_the_sentence_names():
    text = (
        "President Jan Novak said the talks had failed. Spokesman Petr Dvorak said the talks went on. "
        "President Novak condemned the attack, his office said in a statement."
    )
    assert speaker_of(text, "condemned").name == "Jan Novak's office"
