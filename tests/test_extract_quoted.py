"""extract.quoted: each quote in a sentence with the frame that credits it."""

from quotetrack.extract.quoted import LastQuoted, quote_statements
from quotetrack.extract.sentences import read_copy


def found_in(text, last_quoted=None):
    return [found for s in read_copy(text).sentences for found in quote_statements(s, last_quoted)]


def contents(text, found):
    return [[text[a:b] for a, b in f.spans] for f in found]


def test_a_quote_with_its_frame_after_it():
    text = "“The strikes were necessary,” Smith said."
    (found,) = found_in(text)
    assert contents(text, [found]) == [["The strikes were necessary"]]
    assert (found.kind, found.quote, found.confidence) == ("quote", True, 0.95)
    assert (found.frame.cue, found.frame.mention.head) == ("said", "Smith")
    assert text[found.frame.cue_start : found.frame.cue_end] == "said"


def test_a_quote_with_its_frame_before_it_and_an_inverted_frame():
    text = "Smith said: “We will win the vote.”"
    assert contents(text, found_in(text)) == [["We will win the vote."]]
    (inverted,) = found_in("“We will win the vote,” said Smith, a spokesman.")
    assert inverted.frame.mention.head == "Smith"
    assert inverted.frame.mention.appositives == ["a spokesman"]


def test_an_interrupted_quote_keeps_one_frame():
    text = "“The strikes were necessary,” Smith said, “and they will continue.”"
    (found,) = found_in(text)  # one quote the frame interrupts
    assert found.frame.mention.head == "Smith"
    assert contents(text, [found]) == [["The strikes were necessary", "and they will continue."]]
    two = "“The strikes were necessary,” Smith said. Jones said, “They will continue.”"
    assert [f.frame.mention.head for f in found_in(two)] == ["Smith", "Jones"]


def test_adding_that_is_a_second_statement_by_the_same_speaker():
    text = "“We will win,” Sara Kim said, adding that the polls were wrong."
    quote, added = found_in(text)
    assert contents(text, [added]) == [["the polls were wrong"]]
    assert (added.kind, added.frame.cue, added.frame.mention) == ("reported", "adding", quote.frame.mention)


def test_titles_and_unattributed_quotes_are_not_statements():
    assert found_in("She watched “The Post” last year.") == []
    assert found_in("In his new book “A Promised Land,” Obama writes about the 2008 campaign.") == []
    assert found_in("In his new essay “The Art of the Deal Is Dead,” Obama writes about the 2008 campaign.") == []
    assert len(found_in("“The deal is dead,” Obama writes about the 2008 campaign.")) == 1
    assert found_in("“Nobody knows what happens next in the valley.”") == []


def test_a_quote_standing_alone_continues_the_last_quoted_speaker():
    (earlier,) = found_in("“The strikes were necessary,” Smith said.")
    text = "“They will go on until the job is done.”"
    (found,) = found_in(text, LastQuoted(earlier.frame, 0, False))
    assert found.frame is earlier.frame and found.confidence == 0.65
    (run_on,) = found_in(text, LastQuoted(earlier.frame, 0, True))
    assert run_on.confidence == 0.8  # the quote before was left open: surer it goes on


def test_a_quoted_phrase_inside_a_reported_clause_gives_the_clause():
    text = "The mayor said the new bridge looked “safe for decades” after the inspection."
    (found,) = found_in(text)
    assert contents(text, [found]) == [["the new bridge looked “safe for decades” after the inspection"]]
    assert (found.kind, found.quote, found.frame.mention.head) == ("reported", False, "The mayor")
    text = "The mayor said that “the bridge is safe” in every season."
    assert contents(text, found_in(text)) == [["“the bridge is safe” in every season"]]
    text = "The mayor said: “The bridge is safe.”"  # the quote is all that was said
    (found,) = found_in(text)
    assert (contents(text, [found]), found.quote) == ([["The bridge is safe."]], True)


def test_a_participle_frame_takes_the_subject_of_its_clause():
    text = "Meanwhile, the union criticised the mayor, saying: “She has broken every promise she made.”"
    (found,) = found_in(text)
    assert found.frame.mention.head == "the union"
    text = "Ann Roe (D), the mayor’s rival, backed the report, saying that openness “brings progress.”"
    (found,) = found_in(text)
    assert found.frame.mention.head == "Ann Roe (D)"  # a party label after the name ends no subject


def test_a_named_person_then_a_colon_and_a_quote_is_her_answer():
    text = "Holt shook her head and cited her own tally: “Wrong, the real count is 90.”"
    (found,) = found_in(text)
    assert contents(text, [found]) == [["Wrong, the real count is 90."]]
    assert (found.frame.mention.head, found.frame.cue) == ("Holt", ":")
    # A thing, a possessive, a verb "to be" or words after the quote: no speaker.
    assert found_in("The sign on the door read: “Closed until further notice.”") == []
    assert found_in("Ann Lee's reply was short: “Not today, not ever.”") == []
    assert found_in("Holt was blunt: “We will not pay for it.”") == []
    assert found_in("Holt painted two words: “Never again, never” on the wall.") == []
    # A pronoun with no cue verb is not resolved: too many quotes would go to the wrong speaker.
    assert found_in("Holt spoke first. He went on: “The count is 90, not 120.”") == []


def test_what_a_written_statement_reads_is_what_its_author_says():
    text = "The harbour board's statement read: “Two ferries were damaged in the storm.”"
    (found,) = found_in(text)
    assert contents(text, [found]) == [["Two ferries were damaged in the storm."]]
    assert (found.frame.mention.head, found.frame.cue, found.frame.written) == ("The harbour board", "read", True)
    text = "The Port Tarn council statement read, in part, “We regret the delays to the ferries.”"
    (found,) = found_in(text)
    assert found.frame.mention.head == "The Port Tarn council statement"
    # A sign is no statement; "her letter" does not say whose by itself.
    assert found_in("The sign on the door read: “Closed until further notice.”") == []
    assert found_in("Her letter reads: “I am leaving the party for good.”") == []


def test_a_quote_after_quoting_x_saying_is_xs():
    text = "The state radio quoted a senior officer saying that “the border is closed.”"
    (found,) = found_in(text)
    assert (found.frame.mention.head, found.frame.cue) == ("a senior officer", "saying")
    assert contents(text, [found]) == [["the border is closed."]]
    text = "The agency on Friday cited an early inquiry by Tarn prosecutors saying that “a fight broke out.”"
    (found,) = found_in(text)
    assert found.frame.mention.head == "Tarn prosecutors"  # whose inquiry it is


def test_a_finding_cue_inside_what_was_said_does_not_take_the_quote():
    # The quote is left to the reported clause it stands in (extract.reported reads it).
    assert found_in("Rebel spokesman Ali Dar said the army showed “clear disregard for life” in the raid.") == []
    (study,) = found_in("The study showed “a clear rise in cases” over the year.")
    assert (study.frame.mention.head, study.frame.cue) == ("The study", "showed")
