"""extract.reports: dated event sentences nobody else is credited with are the outlet's own reports."""

from datetime import date

from quotetrack.extract import extract_statements
from quotetrack.extract.reports import outlet_reports
from quotetrack.extract.sentences import read_copy
from quotetrack.text import find_dates

PUBLISHED = date(2018, 7, 11)
EVENT = "On 30 June, Peshmerga forces and the coalition conducted a joint operation near Makhmour."
# A first sentence too short to be a report: what follows is no longer the article's lead.
LEAD_IN = "It rained all night. "


def reports(text, statements=(), outlet="Kurdistan 24"):
    return outlet_reports(read_copy(text), list(statements), find_dates(text, PUBLISHED), outlet, PUBLISHED)


def test_a_dated_event_sentence_is_the_outlets_report():
    (report,) = reports(EVENT)
    assert report.text == EVENT.rstrip(".")
    assert (report.kind, report.speaker.name, report.speaker.kind) == ("report", "Kurdistan 24", "organisation")
    assert (report.event_date, report.place, report.confidence) == (date(2018, 6, 30), "Makhmour", 0.6)
    assert reports(EVENT, outlet=None)[0].speaker.name == "the outlet"


def test_undated_questions_and_credited_sentences_are_not_reports():
    assert reports(LEAD_IN + EVENT.replace("On 30 June, ", "")) == []
    assert reports("On 30 June, did Peshmerga forces and the coalition conduct a joint operation near Makhmour?") == []
    assert reports("On 30 June, the coalition said Peshmerga forces conducted a joint operation near Makhmour.") == []


def test_a_sentence_already_credited_to_somebody_is_not_reported_again():
    text = f"{EVENT} “It went well,” Smith said."
    credited = extract_statements(text, PUBLISHED, quotes_only=True)
    assert [s.kind for s in credited] == ["quote"]
    assert len(reports(text, credited)) == 1
    covering = credited[0]
    covering.start, covering.end = 0, len(EVENT)
    assert reports(text, [covering]) == []


def test_background_and_analysis_are_not_reports():
    assert reports("Following the strikes on 30 June, Peshmerga forces conducted an operation near Makhmour.") == []
    assert len(reports("After 30 June, Peshmerga forces conducted a joint operation near Makhmour.")) == 0
    assert len(reports("By 30 June, Peshmerga forces conducted a joint operation near Makhmour.")) == 1


def test_what_the_outlet_reports_has_not_happened_is_its_report():
    for sentence, clause in (
        ("There was no immediate claim of responsibility.", "There was no immediate claim of responsibility"),
        ("The group has not commented.", "The group has not commented"),
        ("The ministry has not responded to requests for comment.",
         "The ministry has not responded to requests for comment"),
        ("The company did not deny the report.", "The company did not deny the report"),
        ("No group has claimed the attack.", "No group has claimed the attack"),
        ("The rebels have yet to comment on the report.", "The rebels have yet to comment on the report"),
        (
            "While there was no immediate claim of responsibility, the militia often attacks hotels.",
            "there was no immediate claim of responsibility",
        ),
        ("No one claimed the bombing but police blamed the militia.", "No one claimed the bombing"),
        (
            "The ministry blamed the militia, which has not yet commented.",
            "The ministry blamed the militia, which has not yet commented",
        ),
    ):
        (report,) = reports(sentence)
        assert (report.text, report.kind, report.speaker.name) == (clause, "report", "Kurdistan 24")
        assert report.event_date is None


def test_a_denial_credited_to_somebody_or_about_other_things_is_no_outlet_report():
    assert [s.kind for s in extract_statements("Police said there was no claim of responsibility.")] == ["reported"]
    assert reports("There is no evidence the new bridge will hold.") == []
    assert reports(LEAD_IN + "No group of fans was allowed into the stadium.") == []
    assert reports("Has the group not claimed the attack?") == []


def test_a_figure_of_the_story_stated_as_fact_in_the_lead_is_the_outlets_report():
    for sentence in (
        "Up to 300 people died in the fire at the market.",
        "More than 40 workers were injured in the collapse of the bridge.",
        "Some 90 villagers are believed to have been killed when the river burst its banks.",
        "More than 25 others were injured in the crash.",  # besides those counted before: still a figure
    ):
        (report,) = reports(sentence)
        assert (report.text, report.kind, report.speaker.name) == (sentence.rstrip("."), "report", "Kurdistan 24")


def test_what_a_speaker_did_not_do_before_what_it_said_is_the_outlets_report():
    text = "The ministry did not issue a denial of the report, but strongly suggested it was inaccurate."
    found = sorted((s.speaker.name, s.text) for s in extract_statements(text, outlet="Kurdistan 24"))
    assert found == [("Kurdistan 24", "The ministry did not issue a denial of the report"),
                     ("ministry", "it was inaccurate")]
    # Told by somebody, it is theirs: "…, a colonel said" leaves the outlet nothing of its own.
    text = "The army did not deny the report, Colonel Ana Lind said."
    assert [s.speaker.name for s in extract_statements(text, outlet="Kurdistan 24")] == ["Ana Lind"]


def test_a_lead_in_the_present_with_scare_quotes_or_a_modal_further_on_is_the_outlets_report():
    def reported(text):
        return [(s.speaker.name, s.kind) for s in extract_statements(text, outlet="Kurdistan 24")]

    assert reported("Norland officials are attempting to “calm the streets” after violent protests in the "
                    "city following the shooting of a man by police.") == [("Kurdistan 24", "report")]
    assert reported("Rescuers are searching the ruins of the Orvel mill that could hold dozens of workers.") == [
        ("Kurdistan 24", "report")]
    assert reported("Rescuers could search the ruins of the Orvel mill that collapsed on Friday.") == []
    # A quoted statement is somebody's words, not scare quotes.
    assert ("Kurdistan 24", "report") not in reported(
        "Officials say “the city is calm and every road has been reopened to traffic” after the protests.")


def test_an_outlet_given_with_its_wire_or_host_speaks_under_its_own_name():
    text = "Up to 300 people died in the fire at the market."
    for outlet in ("The Varno Post (Wire)", "The Varno Post (copy on example.org)", "The Varno Post"):
        (report,) = extract_statements(text, outlet=outlet)
        assert report.speaker.name == "The Varno Post"
        assert report.speaker.aliases == ([outlet] if outlet != "The Varno Post" else [])
    (report,) = extract_statements(text, outlet="(Wire)")  # nothing but a note: kept as given
    assert report.speaker.name == "(Wire)"


def test_a_thousands_separator_lost_as_a_question_mark_is_read_as_a_comma():
    text = "Witnesses described the raid this week. Up to 3?500 people died during the attack."
    (figure,) = [s for s in extract_statements(text, outlet="Kurdistan 24") if "died" in s.text]
    assert figure.text == "Up to 3,500 people died during the attack"
    assert text[figure.start:figure.end].replace("?", ",") == figure.text  # offsets into the copy hold
    # A question is still a question: "?" before a word, or before a number of another length.
    assert not list(extract_statements("Were 2?00 people really there?", outlet="Kurdistan 24"))


def test_background_totals_and_captions_are_no_figure_report():
    for sentence in (
        "Dozens of people were killed in the fire at the market.",  # no figure
        "The fire brought the number killed in the city this year to 40.",  # a running total
        "The mayor is urging calm against a fever that has killed 20 people.",  # told in passing
        "On 3 May 2016 a gunman killed seven people at a school in the town.",  # an earlier incident
        "In 2011 the company cut 7,000 jobs after heavy losses.",
        "The death toll could rise above 50 people in the coming days.",
        "Police said 20 people were killed in the fire.",  # credited
    ):
        assert reports(LEAD_IN + sentence) == [], sentence
    assert reports("Rescuers search the ruins where 12 people died\n\nThe fire was put out.") == []


def test_a_figure_further_down_the_article_is_no_report():
    lead = "It rained all night. Firefighters arrived. The market was closed. "
    assert reports(lead + "More than 40 workers were injured in the collapse.") == []
    assert len(reports("More than 40 workers were injured in the collapse. " + lead)) == 1


def test_the_lead_and_a_hedged_sentence_are_the_outlets_report():
    (lead,) = reports("Peshmerga forces and the coalition conducted a joint operation near Makhmour.")
    assert (lead.kind, lead.speaker.name) == ("report", "Kurdistan 24")
    text = LEAD_IN + "A deputy minister was reportedly questioned by police at the border."
    assert [r.text for r in reports(text)] == [text.removeprefix(LEAD_IN).rstrip(".")]
    assert reports(LEAD_IN + "A deputy minister was questioned by police at the border.") == []


def test_the_clause_before_a_credited_with_clause_is_the_outlets():
    text = LEAD_IN + "Rebels stormed the town on 30 June, with the Relief Council saying that 300 people died."
    found = extract_statements(text, PUBLISHED, outlet="Kurdistan 24")
    assert [(s.kind, s.speaker.name, s.text) for s in found] == [
        ("report", "Kurdistan 24", "Rebels stormed the town on 30 June"),
        ("reported", "Relief Council", "300 people died"),
    ]
    text = LEAD_IN + "On 30 June the Relief Council reported that 300 people died in the town."
    assert [s.kind for s in extract_statements(text, PUBLISHED, outlet="Kurdistan 24")] == ["reported"]


def test_a_photo_caption_is_no_report():
    for text in (
        "Relatives gather at a burial for those killed in the raid on 30 June. / Wire",
        "A wounded woman is helped into an ambulance on 30 June.\n(Jan Ruis / Wire / Picture Desk)",
        "A worker walks past the plant on 30 June. WIRE/Jan Ruis",
        "Residents flee the town on 30 June. Photograph: Str/Wire",
        "A nurse wears a mask at the airport on 30 June. [Agencies]",
    ):
        assert reports(LEAD_IN + text) == [], text
    assert len(reports(LEAD_IN + "Rebels stormed the town on 30 June.\nIt rained.")) == 1


def test_a_lead_without_its_full_stop_or_run_over_lines_is_no_report():
    assert reports("Rebels stormed the town in the night and burned the market") == []
    assert reports("Rebels stormed the town in the night and\nburned the market.") == []
    assert len(reports("Rebels stormed the town in the night and burned the market.")) == 1


def test_a_belief_credits_nobody():
    text = "Rebels stormed the town on 30 June, adding to fears that no one knows the real toll."
    assert [r.text for r in reports(LEAD_IN + text)] == [text.rstrip(".")]


def test_the_lead_is_the_first_sentence_after_headlines_and_captions():
    text = (
        "Rebels take the town\n\nResidents flee the town. Photograph: Str/Wire\n\n"
        "Rebels stormed the town in the night and burned the market."
    )
    assert [r.text for r in reports(text)] == ["Rebels stormed the town in the night and burned the market"]


def test_a_month_named_is_no_earlier_incident():
    assert len(reports("Rebels stormed the town in May and burned the market.")) == 1
    assert reports("Rebels stormed the town on 3 May and burned the market.") == []  # a day long before


def test_a_caption_that_stops_on_the_pictures_date_is_no_report_of_the_outlet():
    from quotetrack.extract import extract_statements

    text = ("Toll in Tessaly rises\n\n"
            "Relatives gather at a burial for the dead of a blast at the Tessaly market, Corvia, on March 2, 2031\n\n"
            "The blast at the Tessaly market killed 14 people, Governor Ilsa Merrow said on Monday.\n")
    found = extract_statements(text, outlet="Ledger", published=date(2031, 3, 3))
    assert found and not any("Relatives gather" in s.text for s in found)


def test_a_figure_the_next_sentence_credits_is_that_speakers():
    text = ("Up to 60 villagers in Norland died in the floods. "
            "The regional governor announced the provisional toll on Monday, adding that most were farmers.")
    (figure,) = [s for s in extract_statements(text, PUBLISHED, outlet="Ledger") if "60 villagers" in s.text]
    assert (figure.speaker.name, figure.kind) == ("regional governor", "reported")
    told = text.replace("announced the provisional toll on Monday, adding", "said")
    (figure,) = [s for s in extract_statements(told, PUBLISHED, outlet="Ledger") if "60 villagers" in s.text]
    assert figure.speaker.name == "Ledger"


def test_the_headline_is_the_outlets_report_unless_it_credits_somebody():
    def headline_of(line):
        text = f"{line}\n\nRain fell on Monday in the north of Norland, officials said."
        return [(s.speaker.name, s.text) for s in extract_statements(text, PUBLISHED, outlet="Ledger", headline=line)
                if s.start == 0]

    assert headline_of("Norland flood toll hits 1,500") == [("Ledger", "Norland flood toll hits 1,500")]
    assert headline_of("Flood toll hits 1,500, says ministry") == [("ministry", "Flood toll hits 1,500")]
    assert headline_of("Varno poll: Lind ahead in “historic” count") == [
        ("Ledger", "Varno poll: Lind ahead in “historic” count")]
    assert extract_statements("Norland flood toll hits 1,500\n\nRain fell.", PUBLISHED, outlet="Ledger") == []


def test_a_source_named_inside_a_clause_vouches_for_that_clause_only():
    text = ("Ana Berg turned down the recount where, according to the registrar, she trailed by "
            "41.7% of the vote.")
    assert [(s.speaker.name, s.text) for s in extract_statements(text, PUBLISHED, outlet="Ledger")] == [
        ("registrar", "she trailed by 41.7% of the vote")]


def test_what_the_outlet_says_it_has_learned_is_its_report():
    for text, outlet in (("The Ledger understands the minister will resign on Friday.", "Morning Ledger"),
                         ("The Post has learned that the mayor will resign.", "The Varno Post")):
        (report,) = extract_statements(text, PUBLISHED, outlet=outlet)
        assert (report.speaker.name, report.kind) == (outlet, "report")
    assert extract_statements("Police understand the minister will resign on Friday.", PUBLISHED, outlet="Ledger") == []
