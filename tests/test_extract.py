"""Statement extraction: each pattern and resolution rule on small hand-written copy."""

from datetime import date
from pathlib import Path

import pytest

from quotetrack.extract import extract_statements
from quotetrack.text import find_dates

SEED = Path(__file__).parent / "fixtures" / "makhmour-strikes.txt"


def extract(text, published=None, **options):
    options.setdefault("quotes_only", True)
    return extract_statements(text, published, **options)


def only(text, published=None, **options):
    found = extract(text, published, **options)
    assert len(found) == 1, [(s.speaker.name, s.text) for s in found]
    return found[0]


# --- Quote patterns -----------------------------------------------------------------------------


def test_quote_then_speaker_and_cue():
    s = only("“The bridge will reopen on Monday,” Jane Doe said.")
    assert (s.text, s.speaker.name, s.cue, s.kind) == ("The bridge will reopen on Monday", "Jane Doe", "said", "quote")


def test_quote_then_cue_and_speaker():
    s = only("“We are ready,” said Jane Doe, a spokeswoman for the city council.")
    assert s.speaker.name == "Jane Doe"
    assert s.speaker.title == "spokeswoman"
    assert s.speaker.affiliation == "city council"


def test_speaker_colon_quote():
    text = "The minister said: “Nobody will lose their job.”"
    s = only(text)
    assert s.text == "Nobody will lose their job."
    assert s.speaker.name == "minister"
    assert text[s.start : s.end] == s.text


def test_straight_quotes_and_offsets():
    text = 'Mary Smith said: "The plan failed." Then she left.'
    s = only(text)
    assert s.text == "The plan failed."
    assert text[s.speaker_start : s.speaker_end] == "Mary Smith"


def test_doubled_apostrophes_as_quote_marks():
    s = only("''The economy is growing,'' said Mr. Jones.")
    assert s.text == "The economy is growing"


def test_interrupted_quote_is_one_statement_of_its_speaker():
    text = "“The strikes were necessary,” Smith said, “and they will continue.”"
    s = only(text)
    assert (s.text, s.speaker.name) == ("The strikes were necessary and they will continue.", "Smith")
    assert [text[a:b] for a, b in s.spans] == ["The strikes were necessary", "and they will continue."]
    assert (s.start, s.end) == (s.spans[0][0], s.spans[-1][1])


def test_quote_going_on_after_its_frame_in_the_same_paragraph_is_one_statement():
    s = only("“The dam held,” the engineer said. “We saw no cracks at all.”")
    assert s.text == "The dam held. We saw no cracks at all."
    found = extract("“The dam held,” the engineer said. She left the site at noon. “We saw no cracks at all.”")
    assert [s.text for s in found] == ["The dam held", "We saw no cracks at all."]  # narration between
    found = extract("“The dam held,” the engineer said.\n\n“We saw no cracks at all.”")
    assert [s.text for s in found] == ["The dam held", "We saw no cracks at all."]  # a new paragraph


def test_a_sentence_with_only_a_quoted_phrase_is_read_as_reported_speech_first():
    text = (
        "Maria Ruiz runs the agency. While she acknowledged funding was the main reason for the delay, "
        "Ruiz also noted several “intangibles” slowed the work."
    )
    s = only(text)
    assert (s.speaker.name, s.cue) == ("Maria Ruiz", "acknowledged")
    assert s.text.startswith("funding was the main reason")


def test_quote_running_over_paragraphs():
    text = "“The first part of it goes on,” Ann Lee said. “It continues here\n\n“and ends here.”"
    found = extract(text)
    assert [s.speaker.name for s in found] == ["Ann Lee", "Ann Lee"]
    assert found[0].text == "The first part of it goes on. It continues here"
    assert found[0].confidence > found[1].confidence - 0.2


def test_unclosed_quote_does_not_crash_and_is_less_sure():
    found = extract("“This quote never closes, said nobody at all\n\nNext paragraph.")
    assert all(s.confidence < 0.9 for s in found)
    extract("” stray closing mark and “ stray opening")
    extract('"""')


def test_quote_inside_quote():
    s = only("“He told me ‘never again’ and meant it,” Omar Ali said.")
    assert "‘never again’" in s.text


def test_quoted_titles_are_not_statements():
    assert extract("She watched “The Post” and read “War and Peace” last year.") == []


def test_scare_quotes_are_not_statements():
    assert extract("The so-called “colonization zone” remains contested by both sides.") == []


def test_continuing_quote_keeps_the_last_speaker():
    text = "“We won,” Paul Roe said.\n\n“The count is final and nobody doubts it.”"
    found = extract(text)
    assert [s.speaker.name for s in found] == ["Paul Roe", "Paul Roe"]
    assert found[1].confidence < found[0].confidence


def test_lone_quote_without_any_speaker_is_left_out():
    assert extract("“Nobody knows what happens next in the valley.”") == []


# --- Reported speech ---------------------------------------------------------------------------


def test_said_that():
    s = only("The mayor said that the road would be closed for a week.")
    assert (s.text, s.kind, s.speaker.name) == ("the road would be closed for a week", "reported", "mayor")


def test_said_without_that():
    s = only("Jane Doe said the talks had failed.")
    assert s.text == "the talks had failed"


def test_told_someone_that():
    s = only("John Roe told Reuters that the company had been sold.")
    assert s.relayed_to == "Reuters"
    assert s.text == "the company had been sold"


def test_speaking_to_on_a_weekday_clarified_that():
    text = "General Ann Cole, speaking to the BBC on Tuesday, clarified that no troops had moved."
    s = only(text, date(2020, 3, 5))  # a Thursday
    assert s.speaker.name == "Ann Cole"
    assert s.speaker.title == "General"
    assert s.relayed_to == "the BBC"
    assert s.said_on == date(2020, 3, 3)
    assert s.text == "no troops had moved"


def test_trailing_reported_speech():
    s = only("The plant will close next year, a company spokesman said.")
    assert s.text == "The plant will close next year"
    assert s.speaker.title == "company spokesman"  # the words before a lower-case title belong to it


def test_according_to_before_and_after():
    first = only("According to the police, two people were arrested.")
    assert (first.cue, first.speaker.name, first.text) == ("according to", "police", "two people were arrested")
    second = only("Two people were arrested, according to the police.")
    assert second.text == "Two people were arrested"


def test_said_in_a_statement_is_written():
    s = only("“We regret the error,” the ministry said in a statement.")
    assert s.kind == "written"


def test_cognition_verbs_are_not_statements():
    assert extract("Many voters believe that the election was fair.") == []


def test_noun_uses_of_cue_words_are_not_cues():
    assert extract("The report on swing states was long and detailed.") == []


# --- Speaker resolution ------------------------------------------------------------------------


def test_pronoun_resolves_to_last_person_speaker():
    text = "Maria Gomez, the head of the union, told reporters that pay was low.\n\n“It has to change,” she said."
    found = extract(text)
    assert [s.speaker.name for s in found] == ["Maria Gomez", "Maria Gomez"]
    assert text[found[1].speaker_start : found[1].speaker_end] == "she"
    named = only("“It has to change,” Maria Gomez said.")
    assert found[1].confidence < named.confidence


def test_it_resolves_to_an_organisation_not_a_person():
    text = (
        "Tom Hale said the vote was close.\n\n"
        "The Electoral Commission said turnout was high.\n\n“It was a record,” it said."
    )
    found = extract(text)
    assert found[-1].speaker.name == "Electoral Commission"


def test_surname_resolves_to_full_name_with_title():
    text = (
        "Rita Moreno, the Mayor of Springfield, said the budget was balanced.\n\n“We will not cut jobs,” Moreno said."
    )
    found = extract(text)
    assert found[1].speaker.name == "Rita Moreno"
    assert found[1].speaker.title == "Mayor"
    assert "Moreno" in found[1].speaker.aliases


def test_title_and_affiliation_from_premodifiers():
    s = only("Army Captain Lena Fox said the road was mined.")
    assert (s.speaker.name, s.speaker.title, s.speaker.affiliation) == ("Lena Fox", "Captain", "Army")


def test_abbreviated_rank_is_not_a_sentence_end():
    s = only("Col. Ben Ward said the base was quiet. Nothing else happened.")
    assert s.speaker.name == "Ben Ward"
    assert s.speaker.title == "Colonel"


def test_organisation_speaker():
    s = only("“Two strikes hit the depot,” the US Central Command said.")
    assert (s.speaker.name, s.speaker.kind) == ("US Central Command", "organisation")


def test_the_report_resolves_to_the_report_last_named():
    text = (
        "A study published by the Health Policy Institute (HPI) in May found that costs rose.\n\n"
        "“Prices went up in every region,” the study added."
    )
    found = extract(text)
    assert found[-1].speaker.name == "Health Policy Institute"
    assert found[-1].speaker.kind == "document"
    assert "HPI" in found[-1].speaker.aliases


def test_who_clause_speaker():
    s = only("The law was passed by Senator Kim Park, who said that it would save lives.")
    assert s.speaker.name == "Kim Park"


# --- Dates and the outlet's own reports --------------------------------------------------------


def test_event_date_from_explicit_date_in_the_statement():
    s = only("“On 3 May, the bridge collapsed,” Jane Doe said.", date(2021, 5, 10))
    assert s.event_date == date(2021, 5, 3)


def test_that_day_refers_back_to_the_event_not_the_speaking_day():
    text = (
        "Floods hit the valley on 2 March, officials said.\n\n"
        "Mark Lowe, speaking on Friday, denied that anyone was hurt on that day."
    )
    found = extract(text, date(2021, 3, 5))
    assert found[-1].said_on == date(2021, 3, 5)
    assert found[-1].event_date == date(2021, 3, 2)


def test_outlet_report_for_dated_event_sentence():
    text = "On 12 April, rebels captured the airport after heavy fighting."
    found = extract_statements(text, date(2019, 4, 14), outlet="Daily News")
    assert [(s.kind, s.speaker.name, s.event_date) for s in found] == [("report", "Daily News", date(2019, 4, 12))]
    assert extract_statements(text, date(2019, 4, 14), quotes_only=True) == []


def test_background_sentence_is_not_an_outlet_report():
    text = "Since the war ended in 2003, the town has been quiet. Following the vote on 4 May, prices rose."
    assert extract_statements(text, date(2019, 6, 1)) == []


def test_outlet_report_without_date_is_a_report_only_in_the_lead():
    text = "Rebels captured the airport after heavy fighting."
    assert [s.kind for s in extract_statements(text, date(2019, 4, 14), outlet="Daily News")] == ["report"]
    assert extract_statements("It rained all night. " + text, date(2019, 4, 14), outlet="Daily News") == []
    assert extract_statements(text, date(2019, 4, 14)) == []  # a draft with no outlet: nobody's report


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("on July 8", date(2018, 7, 8)),
        ("on 30 June", date(2018, 6, 30)),
        ("8 July 2017", date(2017, 7, 8)),
        ("on Wednesday", date(2018, 7, 11)),  # published on a Wednesday: that same day
        ("on Monday", date(2018, 7, 9)),
        ("yesterday", date(2018, 7, 10)),
        ("last October", date(2017, 10, 1)),
        ("last week", date(2018, 7, 4)),
        ("Nov. 8", date(2018, 11, 8)),  # a coming date stays in the same year
    ],
)
def test_find_dates_resolves_against_the_anchor(phrase, expected):
    mentions = find_dates(f"It happened {phrase}.", date(2018, 7, 11))
    assert [m.value for m in mentions] == [expected]


def test_find_dates_that_day_and_offsets():
    text = "The strikes came on July 8. He spoke of that day."
    first, second = find_dates(text, date(2018, 7, 11))
    assert text[first.start : first.end] == "July 8"
    assert (second.value, second.relative) == (date(2018, 7, 8), True)


def test_find_dates_without_anchor_keeps_relative_days_unresolved():
    (mention,) = find_dates("They met on Friday.")
    assert mention.value is None and mention.relative


# --- Robustness --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n ",
        "“",
        "”,” he said.",
        "a" * 200_000,
        "said said said that that",
        "“" * 500,
        "\x00\x01",
        "“a b c,” he said, " * 300,
        '"a" ' * 1000,
        "Smith, " * 2000 + "said that it was fine.",
        "On 3 May it rained. Jo Li said it was wet that day. " * 200,
    ],
)
def test_odd_input_never_crashes(text):
    extract_statements(text, date(2020, 1, 1), outlet="X")


# --- The seed article end to end ---------------------------------------------------------------


def test_seed_article_end_to_end():
    text = SEED.read_text(encoding="utf-8")
    found = extract_statements(text, date(2018, 7, 11), outlet="Kurdistan 24")
    for s in found:
        assert all(text[a:b] in s.text for a, b in s.spans)
    by_speaker = {}
    for s in found:
        by_speaker.setdefault(s.speaker.name, []).append(s)

    centcom = by_speaker["US Central Command"]
    assert [s.text.split(",")[0] for s in centcom] == ["On July 8 in Iraq"]  # its quote goes on after the frame
    assert "targets. Near Makhmour, one strike destroyed" in centcom[0].text
    assert centcom[0].event_date == date(2018, 7, 8)

    (srood,) = by_speaker["Srood"]
    assert (srood.speaker.title, srood.speaker.affiliation) == ("Colonel", "Peshmerga")
    assert srood.cue == "clarified"
    assert srood.event_date == date(2018, 7, 8)
    assert srood.said_on == date(2018, 7, 11)
    assert srood.relayed_to == "Kurdistan 24"

    veale = by_speaker["Thomas Veale"]
    assert [s.kind for s in veale] == ["reported", "quote"]
    assert veale[0].speaker.title == "spokesman"
    assert veale[0].speaker.affiliation == "US-led coalition"
    assert text[veale[1].speaker_start : veale[1].speaker_end] == "he"

    mohammed = by_speaker["Rizgar Mohammed"]
    assert [s.kind for s in mohammed] == ["reported", "quote"]
    assert mohammed[0].speaker.title == "Mayor"
    assert text[mohammed[1].speaker_start : mohammed[1].speaker_end] == "Mohammed"

    acled = by_speaker["Armed Conflict Location and Events Dataset"]
    assert [s.cue for s in acled] == ["suggested", "added"]
    assert acled[0].speaker.kind == "document"
    assert "ACLED" in acled[0].speaker.aliases
    assert "colonization zone" in acled[1].text  # the scare quote stays inside the report's quote

    inspector = by_speaker["Lead Inspector General"]
    assert [s.cue for s in inspector] == ["said", "concluded"]

    reports = by_speaker["Kurdistan 24"]
    assert all(s.kind == "report" for s in reports)
    joint = [s for s in reports if "joint operation" in s.text]
    assert [s.event_date for s in joint] == [date(2018, 6, 30)]
    assert not any(s.text.startswith(("Since", "Following")) for s in found)
    assert not any("ERBIL" in s.text for s in found)


# --- More patterns seen in real copy -----------------------------------------------------------


def test_british_single_quote_marks():
    found = extract("'We will not go back,' Mr Johnson told MPs. 'This is final.'")
    assert [s.text for s in found] == ["We will not go back. This is final."]
    assert found[0].speaker.name == "Johnson"  # the honorific is not part of the name
    assert found[0].relayed_to == "MPs"


def test_apostrophes_are_not_quote_marks():
    assert extract("The region’s leaders didn’t meet; it's the workers' union that met.") == []


def test_possessive_gives_the_affiliation():
    s = only("Labour's Keir Starmer said the plan was a shambles.")
    assert (s.speaker.name, s.speaker.affiliation) == ("Keir Starmer", "Labour")


def test_adding_that_after_a_quote_is_a_second_statement():
    found = extract("“We will win,” Sara Kim said, adding that the polls were wrong.")
    assert [(s.kind, s.cue, s.text) for s in found] == [
        ("quote", "said", "We will win"),
        ("reported", "adding", "the polls were wrong"),
    ]
    assert found[0].speaker is found[1].speaker


def test_subject_of_a_coordinated_verb():
    s = only("Jane Roe shook her head and said, “No deal.”")
    assert s.speaker.name == "Jane Roe"


def test_frame_after_a_question_mark():
    found = extract("“Who would believe that?” Tom Hale said. Nobody answered.")
    assert [(s.text, s.speaker.name) for s in found] == [("Who would believe that?", "Tom Hale")]


def test_quoted_book_title_with_a_cue_nearby_is_not_a_statement():
    assert extract("In his new book “A Promised Land,” Obama writes about the 2008 campaign.") == []


def test_future_weekday_points_forward():
    s = only("The ministry said that talks would resume on Thursday.", date(2024, 3, 6))  # a Wednesday
    assert s.event_date == date(2024, 3, 7)


def test_same_organisation_in_any_case_is_one_speaker():
    found = extract("Police said two men were held.\n\nThe men were released on bail, police said.")
    assert found[0].speaker is found[1].speaker
    assert found[0].speaker.kind == "organisation"


def test_coordinated_clauses_with_their_own_speakers():
    found = extract("Jane Doe said the plan had failed, while Tom Roe said it had worked.")
    assert [(s.speaker.name, s.text) for s in found] == [
        ("Jane Doe", "the plan had failed"),
        ("Tom Roe", "it had worked"),
    ]


def test_one_speaker_with_two_that_clauses_stays_one_statement():
    s = only("Bob Ray said that he was tired and that he would leave.")
    assert s.text == "he was tired and that he would leave"


def test_she_skips_a_speaker_known_to_be_a_man():
    text = "Mrs. Ann Cole said prices rose.\n\nMr. Tom Hale said they fell.\n\n“It is a mess,” she said."
    found = extract(text)
    assert found[-1].speaker.name == "Ann Cole"


def test_saying_after_a_main_clause_with_an_appositive_subject():
    s = only("Erin Brock, a lawyer, endorsed the plan on Saturday, saying she had not called for a resignation.")
    assert (s.speaker.name, s.cue, s.text) == ("Erin Brock", "saying", "she had not called for a resignation")


def test_saying_after_a_closing_quote_mark():
    s = only("Ann Lee defended “New York values,” saying the city embodied courage.")
    assert (s.speaker.name, s.text) == ("Ann Lee", "the city embodied courage")


@pytest.mark.parametrize(
    "text",
    ["He did not say whether he would run.", "She declined to say if she was running.", "Jo Li never said that."],
)
def test_negated_cues_are_not_statements(text):
    assert extract(text) == []


def test_time_adverbials_are_not_part_of_the_speaker():
    s = only("Senator Kim Park on Thursday evening said the bill was dead.")
    assert s.speaker.name == "Kim Park"
    s = only("Her allies have in the past said she was tired.")
    assert s.speaker.name == "allies"


def test_appositive_missing_its_closing_comma():
    s = only("Sam Lau, the communications director for the party said in a statement that no ballots remained.")
    assert (s.speaker.name, s.speaker.title) == ("Sam Lau", "communications director")


# --- A title before a name in apposition ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "title", "affiliation"),
    [
        ("The port director, Ivo Kranjc, said that the cranes had stopped.", "Ivo Kranjc", "port director", None),
        ("Chile's mining minister, Rosa Tapia, said output would fall.", "Rosa Tapia", "mining minister", "Chile"),
        ("A retired teacher, Noor Haddad, told us that the school had closed.", "Noor Haddad", "retired teacher", None),
        ("Egypt's foreign minister, Karim al-Masri, said talks failed.", "Karim al-Masri", "foreign minister", "Egypt"),
    ],
)
def test_name_in_apposition_to_a_title_is_the_speaker(text, name, title, affiliation):
    s = only(text)
    assert (s.speaker.name, s.speaker.title, s.speaker.affiliation) == (name, title, affiliation)
    assert text[s.speaker_start : s.speaker_end] == name
    assert text[s.speaker_phrase_start : s.speaker_phrase_end].startswith(text.split(",")[0])


def test_title_before_a_name_with_a_who_clause():
    text = "But a local nurse, Ada Novak, who walked the levee, told the council that it had cracked."
    s = only(text)
    assert (s.speaker.name, s.speaker.title) == ("Ada Novak", "local nurse")
    assert text[s.speaker_phrase_start :].startswith("a local nurse")


def test_surname_after_a_title_apposition_is_the_same_speaker():
    text = (
        "The harbour master, Jonas Berg, said that two ships had sunk.\n\n"
        "“We lost both crews,” Berg said in a statement."
    )
    first, second = extract(text)
    assert second.speaker is first.speaker
    assert first.speaker.name == "Jonas Berg"
    assert "Berg" in first.speaker.aliases


@pytest.mark.parametrize(
    "text",
    [
        "The next day, Tom Ruiz said the road was open.",  # a time adverbial, not a title
        "On Monday, Tom Ruiz said the road was open.",
    ],
)
def test_adverbial_before_a_name_is_not_a_title(text):
    s = only(text)
    assert (s.speaker.name, s.speaker.title) == ("Tom Ruiz", None)
    assert text[s.speaker_phrase_start : s.speaker_phrase_end] == "Tom Ruiz"


def test_organisation_described_before_a_comma_keeps_its_description():
    s = only("The agency, which runs the port, said traffic had recovered.")
    assert s.speaker.name != "which runs the port"


# --- Denials keep their verb -------------------------------------------------------------------


def test_denial_keeps_the_cue_in_the_statement_text():
    text = "Mia Holm said the vote was fair. Holm denied that the count had been rigged, saying observers watched it."
    found = extract(text)
    denial = found[-1]
    assert denial.text == "denied that the count had been rigged, saying observers watched it"
    assert text[denial.start : denial.end] == denial.text
    assert text[denial.content_start : denial.end].startswith("the count had been rigged")
    assert found[0].text == "the vote was fair"
    assert found[0].content_start == found[0].start


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("The army denied any role in the shelling.", "denied any role in the shelling"),
        ("The ministry rejected claims that the dam was unsafe.", "rejected claims that the dam was unsafe"),
        ("The club disputed that the fee had been agreed.", "disputed that the fee had been agreed"),
        ("Ben Cole denied on Tuesday that the plant had leaked.", "denied on Tuesday that the plant had leaked"),
    ],
)
def test_denying_and_rejecting_verbs(text, statement):
    assert only(text).text == statement


def test_rejecting_verbs_need_a_clause_not_an_act():
    assert extract("The court dismissed the case that the family had brought.") == []
    assert extract("The Senate rejected the bill on Tuesday.") == []


def test_quoted_denial_is_the_speakers_own_words():
    s = only("“We did nothing wrong,” the company denied.")
    assert s.text == "We did nothing wrong"


def test_cue_after_a_time_adverbial_is_not_a_participle():
    s = only("Ben Cole confirmed late on Tuesday that the plant had leaked.")
    assert s.text == "the plant had leaked"
    s = only("A report published on Tuesday by the Water Board found that the plant had leaked.")
    assert s.speaker.name == "Water Board"


def test_rejecting_verb_after_an_opening_adverbial_is_no_trailing_frame():
    assert extract("In May, the board rejected a request from the tenants to delay the sale.") == []


def test_manner_adverb_is_not_part_of_the_speaker():
    s = only("Ana Ruiz strongly denied that she had lied.")
    assert (s.speaker.name, s.text) == ("Ana Ruiz", "denied that she had lied")
    assert only("The family said the boy was safe.").speaker.name == "family"


# --- Found on hand-written court, sports, health and feature copy --------------------------------


def test_an_age_is_not_a_title():
    s = only("Carl Brandt, 58, said he would appeal.")
    assert (s.speaker.name, s.speaker.title) == ("Carl Brandt", None)


@pytest.mark.parametrize(
    ("text", "affiliation"),
    [
        ("Vale United's team doctor, Ines Roth, said the injury was minor.", "Vale United"),
        ("The Bank of Lisbon's chief economist, Ines Roth, said rates would rise.", "Bank of Lisbon"),
        ("Ines Roth, the Bank of Lisbon's chief economist, said rates would rise.", "Bank of Lisbon"),
    ],
)
def test_a_named_owner_before_the_title_is_the_affiliation(text, affiliation):
    s = only(text)
    assert (s.speaker.name, s.speaker.affiliation) == ("Ines Roth", affiliation)


@pytest.mark.parametrize(
    "text",
    ["The price was high, although neither club confirmed the figure.", "No official said the plant had leaked."],
)
def test_a_negative_subject_said_nothing(text):
    assert extract(text) == []


def test_pronoun_after_a_newcomer_introduced_by_role():
    text = "“The bridge was shaking,” Lea Moss said. A neighbour, Omar Said, agreed. “It swayed,” he said."
    found = extract(text)
    assert [s.speaker.name for s in found] == ["Lea Moss", "Omar Said"]
    assert found[1].speaker.title == "neighbour"


def test_pronoun_after_a_background_name_keeps_the_speaker():
    text = "“The plan is dead,” Tom Ruiz said. The bill was backed by Senator Jane Roe. “It failed,” he said."
    assert [s.speaker.name for s in extract(text)] == ["Tom Ruiz", "Tom Ruiz"]


def test_the_agency_is_the_agency_named_before():
    text = (
        "The National Water Agency warned on Monday that reservoirs were low.\n\n"
        "In a statement, the agency said rationing would begin in May."
    )
    first, second = extract(text)
    assert second.speaker is first.speaker
    assert second.speaker.name == "National Water Agency"


def test_relative_clause_is_not_part_of_the_title():
    s = only("“We lost everything,” said Rosa Lind, a baker whose shop was flooded.")
    assert (s.speaker.name, s.speaker.title) == ("Rosa Lind", "baker")


def test_a_denial_conflicts_with_the_claim_it_denies():
    from quotetrack.conflicts import compare

    text = (
        "Mia Holm said that the warning system had failed in the night.\n\n"
        "Ben Lund denied that the warning system had failed in the night, saying the sirens sounded."
    )
    claim, denial = extract(text)
    verdict = compare(claim.to_statement(), denial.to_statement())
    assert (verdict.relation, verdict.type) == ("conflict", "polarity")


def test_the_title_alone_refers_back_to_the_person_with_that_title():
    text = (
        "Mayor Jane Roe said the roads were open. A spokesman said the buses ran.\n\n"
        "Later the mayor said schools would close."
    )
    found = extract(text)
    assert [s.speaker.name for s in found] == ["Jane Roe", "spokesman", "Jane Roe"]
    assert text[found[2].speaker_phrase_start : found[2].speaker_phrase_end] == "the mayor"


def test_the_title_alone_with_nobody_so_titled_stays_a_description():
    found = extract("Officials said the roads were open. The spokesman said the buses ran.")
    assert [s.speaker.name for s in found] == ["Officials", "spokesman"]


def test_role_and_name_subject_of_a_main_clause_before_saying():
    text = "The finance minister, Karin Holt, defended the plan, telling parliament that it would work."
    s = only(text)
    assert (s.speaker.name, s.speaker.title, s.text) == ("Karin Holt", "finance minister", "it would work")


def test_surname_takes_the_title_written_before_the_first_mention():
    found = extract("Opposition leader Marcus Webb walked out. “It is a betrayal,” Webb said.")
    assert (found[0].speaker.name, found[0].speaker.title, found[0].speaker.affiliation) == (
        "Marcus Webb",
        "leader",
        "Opposition",
    )
    found = extract("The bill was backed by Marcus Webb. Webb said it would pass.")
    assert (found[0].speaker.name, found[0].speaker.title) == ("Marcus Webb", None)


def test_a_quote_ending_in_a_full_stop_before_a_new_sentence():
    text = 'Lena Park told us she had "not been asked to check anything." She said the staff saw it on Tuesday.'
    found = extract(text)
    assert [s.text for s in found] == [
        'she had "not been asked to check anything."',
        "the staff saw it on Tuesday",
    ]
    assert only("“We are ready.” Ann Lee said.").speaker.name == "Ann Lee"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The drivers' union, Aslef, rejected the claim that a shortage was to blame.", "Aslef"),
        ("His party, the Greens, said the vote was rigged.", "Greens"),
    ],
)
def test_a_body_named_in_apposition_is_the_speaker(text, name):
    s = only(text)
    assert (s.speaker.name, s.speaker.kind) == (name, "organisation")


def test_it_after_a_one_word_company_name():
    text = "The union said pay was low. Norline said it had offered refunds. It said trains would run."
    found = extract(text)
    assert [s.speaker.name for s in found] == ["union", "Norline", "Norline"]
    assert found[-1].speaker.kind == "organisation"
    found = extract("Jane Roe praised the plan. Roe said it would work. It said nothing.")
    assert [s.speaker.name for s in found] == ["Jane Roe"]


def test_the_role_before_a_first_mention_stops_at_the_paragraph():
    text = "Coach praises squad after win\n\nHead coach Mara Lind stayed calm. Lind said it was deserved."
    s = only(text)
    assert (s.speaker.name, s.speaker.title, s.speaker.affiliation) == ("Mara Lind", "head coach", None)


@pytest.mark.parametrize(
    "text",
    [
        "A spokeswoman for the hospital, Lisa Grant, said two patients had died.",
        "But a spokeswoman for the hospital, Lisa Grant, who was on duty, said two patients had died.",
    ],
)
def test_a_role_with_its_organisation_before_the_name(text):
    s = only(text)
    assert (s.speaker.name, s.speaker.title, s.speaker.affiliation) == ("Lisa Grant", "spokeswoman", "hospital")


def test_a_place_before_the_name_is_no_role():
    s = only("In the town of Varena, Ali Reza, who was there, told us that the road was shut.")
    assert (s.speaker.name, s.speaker.title) == ("Ali Reza", None)


def test_it_stands_for_the_body_last_credited():
    found = extract("The port authority said the quay was closed. It said that two cranes had fallen.")
    assert [(s.speaker.name, s.text) for s in found] == [
        ("port authority", "the quay was closed"),
        ("port authority", "two cranes had fallen"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Guards told the driver to stop, the warden said. The driver then sped towards the gate.",
        "Guards told the driver to stop, the warden said. Moments later, the driver sped towards the gate.",
    ],
)
def test_what_happened_next_goes_on_with_the_account_it_follows(text):
    found = extract(text)
    assert [s.speaker.name for s in found] == ["warden", "warden"]
    assert found[1].text.endswith("sped towards the gate") and found[1].kind == "reported"


@pytest.mark.parametrize(
    "text",
    [
        "Guards told the driver to stop, the warden said. The gate was built in 1990.",  # background
        "The warden said guards told the driver to stop. The driver then sped towards the gate.",
        "Guards told the driver to stop, the warden said.\n\nThe driver then sped towards the gate.",
    ],
)
def test_the_writers_own_sentences_after_an_account_are_not_its_speakers(text):
    assert [s.speaker.name for s in extract(text)] == ["warden"]


def test_a_quoted_phrase_after_a_finding_cue_inside_a_reported_clause_is_the_speakers():
    (found,) = extract("Rebel spokesman Ali Dar said the army showed “clear disregard for life” in the raid.")
    assert (found.speaker.name, found.text) == ("Ali Dar", "the army showed “clear disregard for life” in the raid")
