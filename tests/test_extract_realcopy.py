"""Reading real copy (issue 17): reported speech of groups and officials, counts they set, where a
statement was published, statements introduced by "said:" on the line before."""

from quotetrack.extract import extract_statements
from quotetrack.extract.reported import reported_statements
from quotetrack.extract.sentences import read_copy
from quotetrack.extract.speakers import Resolver


def reported(text):
    copy = read_copy(text)
    found = [f for s in copy.sentences for f in reported_statements(s, copy)]
    return [([text[a:b] for a, b in f.spans], f.frame.mention.head, f.frame.cue) for f in found], found


def test_a_place_of_publication_after_a_trailing_cue_is_not_the_statement():
    for adjunct in ("on its website", "in a statement", "on Twitter", "in a post on Telegram", "late on Friday"):
        assert reported(f"Among the dead were three nurses and a cook, the agency said {adjunct}.")[0] == [
            (["Among the dead were three nurses and a cook"], "the agency", "said")
        ]
    # A verb after the cue makes it content again.
    assert reported("The ministry said on Friday nobody was hurt.")[0] == [
        (["nobody was hurt"], "The ministry", "said")
    ]


def test_a_count_set_by_officials_is_their_statement_with_its_verb():
    assert reported("The group said it had killed 13 soldiers, while officials put the toll at ten.")[0] == [
        (["it had killed 13 soldiers"], "The group", "said"),
        (["put the toll at ten"], "officials", "put"),
    ]
    assert reported("The health ministry on Monday raised the death toll from the floods to 41.")[0] == [
        (["raised the death toll from the floods to 41"], "The health ministry", "raised")
    ]
    text = "With some district officials putting the number of dead at up to 3,000, the army sent troops."
    assert reported(text)[0] == [(["putting the number of dead at up to 3,000"], "some district officials", "putting")]


def test_two_counts_set_in_contrast_without_a_comma_are_two_statements():
    text = "The union estimated the crowd at about 40,000 while the city put the total at 12,000."
    assert reported(text)[0] == [
        (["estimated the crowd at about 40,000"], "The union", "estimated"),
        (["put the total at 12,000"], "the city", "put"),
    ]
    text = "Stewards put the turnout at 5,000 whereas the council said only 900 came."
    assert reported(text)[0] == [
        (["put the turnout at 5,000"], "Stewards", "put"),
        (["only 900 came"], "the council", "said"),
    ]
    # A "while" that opens no frame of its own stays inside the statement.
    assert reported("The sheriff said the boy was hit while crossing the road.")[0] == [
        (["the boy was hit while crossing the road"], "The sheriff", "said")
    ]


def test_a_figure_verb_without_a_count_is_no_cue():
    assert reported("The mayor put pressure on the council to act.")[0] == []
    assert reported("The company raised prices for the third time this year.")[0] == []
    assert reported("Officials put the blame at the door of the contractor.")[0] == []


def test_coordinated_speakers_after_the_content():
    assert reported("The toll has risen to 53, police and hospital sources said.")[0] == [
        (["The toll has risen to 53"], "police and hospital sources", "said")
    ]


def test_where_it_was_said_before_the_speaker_is_not_the_statement():
    summary, (found,) = reported("In a post on Thursday, the police said at least four officers were hurt.")
    assert summary == [(["at least four officers were hurt"], "the police", "said")]
    assert found.frame.written
    assert reported("On Friday, the army said.")[0] == []


def test_a_quote_on_the_line_after_said_colon_is_the_speakers():

    text = (
        "The mayor said:\n\n“We will rebuild the bridge by spring.”\n\nThe council issued a statement:\n\n“We agree.”"
    )
    assert [(s.kind, s.speaker.name, s.text) for s in extract_statements(text)] == [
        ("quote", "mayor", "We will rebuild the bridge by spring."),
        ("written", "council", "We agree."),
    ]
    text = 'Ann Lee released the following statement:\n\n"We are shocked.\n\nWe ask for calm."'
    assert [(s.speaker.name, s.text) for s in extract_statements(text)] == [
        ("Ann Lee", "We are shocked."),
        ("Ann Lee", "We ask for calm."),
    ]


def test_a_claimed_act_is_the_groups_statement_with_its_verb():
    assert reported("The rebels claimed responsibility for the raid on Friday.")[0] == [
        (["claimed responsibility for the raid on Friday"], "The rebels", "claimed")
    ]
    assert reported("The militia claimed the bombing, saying it had killed 30 soldiers.")[0] == [
        (["claimed the bombing", "it had killed 30 soldiers"], "The militia", "claimed")
    ]
    # Claiming something else is a claim that what follows is so, read as before.
    assert reported("The militia claimed it had killed 30 soldiers.")[0] == [
        (["it had killed 30 soldiers"], "The militia", "claimed")
    ]
    assert reported("The colonel said the strikes had been based on intelligence.")[0] == [
        (["the strikes had been based on intelligence"], "The colonel", "said")
    ]
    assert reported("During a news conference on Monday, the chief said the officer had acted lawfully.")[0] == [
        (["the officer had acted lawfully"], "the chief", "said")
    ]


def headline(line):
    return [(s.kind, s.speaker.name, s.text) for s in extract_statements(f"{line}\n\nRain fell on Monday.")]


def test_statements_in_headlines():
    assert headline("Ministry says 12 killed in floods") == [("reported", "Ministry", "12 killed in floods")]
    assert headline("12 dead in northern floods, says ministry") == [
        ("reported", "ministry", "12 dead in northern floods")
    ]
    assert headline("Health ministry: “No deaths recorded so far”") == [
        ("quote", "Health ministry", "No deaths recorded so far")
    ]
    assert headline("Police chief: Officers found a handgun") == [
        ("reported", "Police chief", "Officers found a handgun")
    ]
    assert headline("Rail Company Admits Signal Failed Before Crash") == [
        ("reported", "Rail Company", "Signal Failed Before Crash")
    ]


def test_a_long_headline_ends_at_the_date_line_under_it():
    text = ("Varno dam failure last spring was preventable, concedes regional water board\n"
            "March 03 2021 10:15 AM\n\nRain fell.")
    assert [(s.speaker.name, s.text) for s in extract_statements(text)] == [
        ("regional water board", "Varno dam failure last spring was preventable")
    ]


def test_a_topic_before_a_colon_is_no_speaker():
    assert headline("Flood season: Rivers rise across the north") == []
    assert headline("Northern floods: “The water came so fast”") == []


def test_a_count_set_in_a_subordinate_clause_ends_at_its_comma():
    text = "A day after the minister raised the death toll to 23,000, her office issued a correction."
    assert reported(text)[0][0] == (["raised the death toll to 23,000"], "the minister", "raised")


def test_a_statement_set_out_in_the_first_person_plural_is_the_issuers():
    text = (
        "The regional council said in a statement:\n\n"
        "We have no information that anyone was hurt. We firmly reject the claims of the union.\n\n"
        "Our staff acted within the rules.\n\n"
        "The union said 12 people were hurt. We visited the depot on Monday."
    )
    assert [(s.kind, s.speaker.name, s.text) for s in extract_statements(text)] == [
        ("reported", "regional council", "We have no information that anyone was hurt"),
        ("reported", "regional council", "We firmly reject the claims of the union"),
        ("reported", "regional council", "Our staff acted within the rules"),
        ("reported", "union", "12 people were hurt"),
    ]


def test_a_release_headed_statement_by_a_body_is_that_bodys():
    text = "Statement by the Ministry of Transport\n\nWe regret the delays. Our engineers are on site.\n\nTrains ran."
    assert [(s.kind, s.speaker.name, s.text) for s in extract_statements(text)] == [
        ("written", "Ministry of Transport", "We regret the delays"),
        ("written", "Ministry of Transport", "Our engineers are on site"),
    ]
    # Without an issuer named, "we" in the copy is nobody's statement.
    assert extract_statements("We visited the depot on Monday. We saw no damage.", quotes_only=True) == []


def test_counts_set_over_a_long_noun_phrase_and_estimated_by_a_report():
    text = "A new study puts the number of victims of the storm on the northern coast at between 900 and 1,200."
    assert reported(text)[0][0][0] == [
        "puts the number of victims of the storm on the northern coast at between 900 and 1,200"
    ]
    text = 'The governor also raised the tally of "presumed" victims to 46 from 39.'
    assert reported(text)[0][0][0] == ['raised the tally of "presumed" victims to 46 from 39']
    assert reported("The report estimates that the toll was about 900.")[0] == [
        (["the toll was about 900"], "The report", "estimates")
    ]


def test_a_statement_issued_saying_something_is_the_issuers():
    text = "The embassy later issued a statement saying that the reporter had left, although police said he had not."
    assert reported(text)[0] == [
        (["the reporter had left"], "The embassy", "saying"),
        (["he had not"], "police", "said"),
    ]
    assert reported("The report saying that prices rose was wrong.")[0] == []


def test_a_speaker_after_the_cue_with_a_relative_clause():
    text = "At least 40 people were killed in the raid, said the armed group that controls the port."
    assert reported(text)[0] == [(["At least 40 people were killed in the raid"], "the armed group", "said")]


def test_an_embedded_post_is_its_signers():
    text = (
        "The mayor spoke on Monday.\n"
        "“Three days of mourning start today. We will rebuild”\n"
        "— City Hall (@cityhall) March 4, 2021\n"
        "Crews cleared the roads overnight and reopened the bridge.\n"
        "Volunteers gave blood at the clinic all day pic.twitter.com/abc123\n"
        "— Ann Lee (@annlee) March 5, 2021"
    )
    assert [(s.kind, s.speaker.name, s.text) for s in extract_statements(text, quotes_only=True)] == [
        ("written", "City Hall", "Three days of mourning start today. We will rebuild"),
        ("reported", "Ann Lee", "Volunteers gave blood at the clinic all day"),
    ]


def test_a_bounded_count_right_after_said_is_the_content():
    assert reported("Officials said at least 30 people had died.")[0] == [
        (["at least 30 people had died"], "Officials", "said")
    ]
    assert reported("The refugee agency said about 5,000 people had fled, while aid groups put the figure at 8,000.")[
        0
    ] == [
        (["about 5,000 people had fled"], "The refugee agency", "said"),
        (["put the figure at 8,000"], "aid groups", "put"),
    ]


def test_a_denial_of_a_clause_without_that():
    assert reported("The army denied civilians had been killed in the raid.")[0] == [
        (["civilians had been killed in the raid"], "The army", "denied")
    ]
    assert headline("Army denies civilians were killed in raid") == [
        ("reported", "Army", "denies civilians were killed in raid")
    ]
    assert reported("The army denied access to the village.")[0] == []  # an act, not a statement


def test_an_opening_adverbial_or_an_adverb_is_no_speaker():
    assert reported("On Friday, the army said that 12 people had died.")[0] == [
        (["12 people had died"], "the army", "said")
    ]
    assert reported("In the capital, the ministry said 12 people had died.")[0][0][1] == "the ministry"
    assert reported("The firm issued no denial, but strongly suggested the report was wrong.")[0] == [
        (["the report was wrong"], "The firm", "suggested")
    ]
    assert reported("Friends and family said he was unarmed.")[0][0][1] != "Friends"
    assert reported("Soon afterwards the ministry said there had been an error.")[0][0][1] == "the ministry"


def test_a_fragment_before_a_trailing_cue_is_not_a_second_statement():
    text = "The chief confirmed that officers found a rifle at the scene, but not a knife, according to the inventory."
    ((spans, _, cue),) = reported(text)[0]
    assert spans == ["The chief confirmed that officers found a rifle at the scene, but not a knife"]
    assert cue == "according to"


def test_said_before_a_count_keeps_its_content_without_the_verb():
    text = "Ali Omar, the head of the health office, said the death toll had reached 38, with 57 wounded."
    assert reported(text)[0] == [(["the death toll had reached 38, with 57 wounded"], "Ali Omar", "said")]
    assert reported("The agency estimated the death toll at 400.")[0] == [
        (["estimated the death toll at 400"], "The agency", "estimated")
    ]


def test_a_count_set_that_a_trailing_frame_credits_is_the_trailing_speakers():
    text = (
        "The agency on Friday revised its death toll to four from 11, the health minister, Ana Ruiz, told reporters."
    )
    ((spans, head, cue),) = reported(text)[0]
    assert spans == ["The agency on Friday revised its death toll to four from 11"]
    assert (head, cue) == ("Ana Ruiz", "told")


def test_released_is_a_cue_only_with_a_statement_as_its_object():
    text = "The firm said in its annual report, released a week ago, that it would cut 300 jobs."
    assert reported(text)[0] == [(["it would cut 300 jobs"], "The firm", "said")]


def test_a_name_may_begin_with_a_word_that_names_speakers():
    text = "Trade analyst, Elder Dube, says the port reopening will lift exports."
    assert [(s.speaker.name, s.speaker.title) for s in extract_statements(text)] == [("Elder Dube", "analyst")]


def test_a_cue_in_the_passive_credits_nobody():
    assert extract_statements("Had the storm turned north, an emergency would have been declared.") == []
    assert extract_statements("The delay in the count was announced by the commission late on Friday.") == []


def test_an_ampersand_between_names_is_part_of_the_name():
    text = "Card details of two million shoppers leaked, Varnel Holdings & Co said on Friday."
    assert [s.speaker.name for s in extract_statements(text)] == ["Varnel Holdings & Co"]


def test_a_finding_verb_takes_a_bare_clause_told_in_the_past():
    text = "The study from the Ledger suggested traders moved the price before the auction."
    assert [(s.speaker.name, s.text) for s in extract_statements(text)] == [
        ("Ledger", "traders moved the price before the auction")]
    assert extract_statements("The minister suggested raising taxes on fuel.") == []


def test_a_name_after_the_cue_with_an_aside_before_it_is_who_said_it():
    text = ("Divers found the hull in the silted Varno harbour, 40 kilometres from the capital, "
            "said Ona Pell, deputy harbour master of Varno.")
    assert [(s.speaker.name, s.text) for s in extract_statements(text)] == [
        ("Ona Pell", "Divers found the hull in the silted Varno harbour, 40 kilometres from the capital")]
    clause = "Ana Berg, who teaches law in Varno, said Piet Lind's memo didn't settle the question."
    assert [s.speaker.name for s in extract_statements(clause)] == ["Ana Berg"]


def test_a_document_released_by_a_bare_institution_is_that_institutions():
    for text in ("Floods hit Kenya again. According to a report released by the health ministry, 63 people are "
                 "missing in Kenya.", "Floods hit Kenya again. According to an update from the health ministry, "
                 "63 people are missing in Kenya."):
        assert [(s.speaker.name, s.speaker.title) for s in extract_statements(text)] == [
            ("Kenyan health ministry", "report" if "report" in text else "update")]


def test_a_surname_is_the_person_named_after_titles_and_bodies_earlier():
    text = ("Farmers Union Chair Ana Lindqvist is ahead in the count. "
            "Lindqvist says the margin will grow.")
    assert [s.speaker.name for s in extract_statements(text)] == ["Ana Lindqvist"]


def test_the_statement_said_is_whoever_gave_the_statement_earlier():
    text = ("But in a statement released on Friday, the family said the footage was unclear. "
            "Varno Radio posted the statement on Friday. Officers never ordered him to stop, the statement said.")
    assert [s.speaker.name for s in extract_statements(text)] == ["family", "family"]


def test_who_passes_a_document_on_or_a_word_opening_the_sentence_owns_none():
    owners = [speaker.name for _, _, speaker in Resolver(
        "But in a statement the family said the footage was unclear. The statement tweeted by Varno Radio "
        "asked for calm. A report by the Varno Police found no fault.").documents]
    assert owners == ["Varno Police"]


def test_the_whole_a_count_is_told_of_stays_with_it():
    text = "Of those 12 people, the mayor said four were children."
    assert [s.text for s in extract_statements(text)] == ["Of those 12 people, four were children"]
