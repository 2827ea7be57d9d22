"""extract.reported: reported speech in a sentence without a quoted statement."""

from quotetrack.extract.reported import reported_statements
from quotetrack.extract.sentences import read_copy


def reported(text):
    copy = read_copy(text)
    found = [f for s in copy.sentences for f in reported_statements(s, copy)]
    return [([text[a:b] for a, b in f.spans], f.frame.mention.head, f.frame.cue) for f in found], found


def test_x_said_that():
    assert reported("Police said that two men were held.")[0] == [(["two men were held"], "Police", "said")]
    (found,) = reported("Police said two men were held.")[1]
    assert (found.kind, found.quote, found.confidence) == ("reported", False, 0.75)


def test_x_told_y_that():
    summary, (found,) = reported("Thomas Veale told reporters that the strikes were conducted.")
    assert summary == [(["the strikes were conducted"], "Thomas Veale", "told")]
    assert found.frame.relayed_to == "reporters" and found.confidence == 0.85


def test_the_frame_after_the_content_and_in_the_middle():
    assert reported("The men were released on bail, police said.")[0] == [
        (["The men were released on bail"], "police", "said")
    ]
    assert reported("The talks, Veale added, would resume next week.")[0] == [
        (["The talks", "would resume next week"], "Veale", "added")
    ]


def test_according_to_before_and_after():
    assert reported("According to the ministry, the dam held overnight.")[0] == [
        (["the dam held overnight"], "the ministry", "according to")
    ]
    assert reported("The dam held overnight, according to the ministry.")[0] == [
        (["The dam held overnight"], "the ministry", "according to")
    ]


def test_according_to_a_source_that_quotes_somebody_credits_the_one_quoted():
    summary, (found,) = reported("According to the Varno Post, the minister said the toll was 40.")
    assert summary == [(["the toll was 40"], "the minister", "said")]
    assert found.frame.relayed_to == "the Varno Post"
    # Only a speaker right after the comma is nested; "…, the general said, adding" is no frame of
    # "87 people remained missing" as a speaker.
    summary, _ = reported("According to a list, 87 people remained missing, the general said, adding that "
                          "more were feared dead.")
    assert [head for _, head, _ in summary] == ["a list"]
    # A frame after the content is the source's whole account: nothing nested to credit.
    assert reported("According to local media, the dam held, engineers said.")[0] == [
        (["the dam held, engineers said"], "local media", "according to")
    ]


def test_two_speakers_in_one_sentence():
    assert reported("Jane Doe said the plan had failed, while Tom Roe said it had worked.")[0] == [
        (["the plan had failed"], "Jane Doe", "said"),
        (["it had worked"], "Tom Roe", "said"),
    ]


def test_nothing_was_said():
    assert reported("Smith did not say the plan failed.")[0] == []
    assert reported("No official said the plant had leaked.")[0] == []
    assert reported("The court dismissed the case that the family had brought.")[0] == []
    assert reported("The report on swing states was long and detailed.")[0] == []


def test_a_frame_after_the_content_takes_only_adverbials():
    assert reported("The bridge will stay shut, the mayor said on Friday.")[0] == [
        (["The bridge will stay shut"], "the mayor", "said")
    ]
    assert reported("The bridge will stay shut, the mayor told reporters in the town hall.")[0] == [
        (["The bridge will stay shut"], "the mayor", "told")
    ]
    # The cue has an object of its own: the opening words are not what was said.
    assert reported("One by one, the three airlines declared bankruptcy.")[0] == []
    assert reported("In 2019, a study by the university found new cracks in the bridge.")[0] == []


def test_a_reported_clause_ends_before_the_writers_own_clause():
    assert reported("Ann Lee said the plan would work, but the council voted it down.")[0] == [
        (["the plan would work"], "Ann Lee", "said")
    ]
    assert reported("Ann Lee said the plan would work — and she noted the low costs.")[0][0][0] == [
        "the plan would work"
    ]
    # An aside between dashes and a participle clause stay in.
    assert reported("Ann Lee said the plan — a costly one — would work.")[0][0][0] == [
        "the plan — a costly one — would work"
    ]
    assert reported("Ann Lee said the plan would work, noting that costs were low.")[0][0][0] == [
        "the plan would work, noting that costs were low"
    ]
    # A second frame in the coordinated clause still gives a second statement.
    summary = reported("Ann Lee said the plan would work, while the mayor said it would fail.")[0]
    assert summary == [(["the plan would work"], "Ann Lee", "said"), (["it would fail"], "the mayor", "said")]


def test_said_between_commas_interrupts_the_clause_it_reports():
    assert reported("The repairs, Al Poe said, were finished on time.")[0] == [
        (["The repairs", "were finished on time"], "Al Poe", "said")
    ]
    # A clause of its own after the frame is what was said; the opening is an adverbial.
    assert reported("Back home, Al Poe said, he decided to run.")[0] == [(["he decided to run"], "Al Poe", "said")]


def test_but_added_that_is_a_second_statement_of_the_same_speaker():
    summary, found = reported("Ann Lee said the count was hard, but stated that hundreds of homes had burned.")
    assert summary == [
        (["the count was hard"], "Ann Lee", "said"),
        (["hundreds of homes had burned"], "Ann Lee", "stated"),
    ]
    assert found[0].frame.mention is found[1].frame.mention
    plain = reported("Ann Lee said prices rose and wages fell.")[0]
    assert plain == [(["prices rose and wages fell"], "Ann Lee", "said")]


def test_but_it_added_that_is_the_first_speakers_second_statement():
    summary, found = reported("The union said the strike was over, but it added that pay talks “cannot wait”.")
    assert summary == [
        (["the strike was over"], "The union", "said"),
        (["pay talks “cannot wait”"], "The union", "added"),
    ]
    assert found[0].frame.mention is found[1].frame.mention
    # "he"/"she" is left to the resolver: it may be somebody else.
    summary, found = reported("Ann Lee said the count was hard, but he added that homes had burned.")
    assert summary[1] == (["homes had burned"], "he", "added")


def test_the_writers_hedged_gloss_after_the_clause_is_not_what_was_said():
    text = "Holt told reporters that the count was 90, apparently referring to the bodies in the river."
    assert reported(text)[0] == [(["the count was 90"], "Holt", "told")]
    # Without the hedge, or without a participle after it, the clause runs on.
    assert reported("Holt said the count was 90, referring to the bodies in the river.")[0][0][0] == [
        "the count was 90, referring to the bodies in the river"
    ]
    assert reported("Holt said the count was 90, apparently a record.")[0][0][0] == [
        "the count was 90, apparently a record"
    ]


def test_a_participle_after_the_frame_is_how_it_was_said_not_what():
    text = "The shell hit a van carrying nurses, the villagers said, speaking on condition of anonymity."
    assert reported(text)[0] == [(["The shell hit a van carrying nurses"], "the villagers", "said")]
    text = "The vote went well, she said, replacing him would be much harder."
    assert reported(text)[0][-1][0] == ["replacing him would be much harder"]


def test_quoting_x_as_saying_credits_the_one_quoted():
    text = "Her office issued a statement quoting the port's director, Ann Holt, as saying 300 crates were lost."
    assert reported(text)[0] == [(["300 crates were lost"], "the port's director, Ann Holt", "saying")]
    assert reported("State radio cited a senior officer as saying that the border was closed.")[0] == [
        (["the border was closed"], "a senior officer", "saying")
    ]
    assert reported("The mayor was quoted as saying the border was closed.")[0] == [
        (["the border was closed"], "The mayor", "saying")
    ]
    # After a count set in a clause of its own, the quoting clause is still read.
    text = "After the board raised the toll to 12, its office quoted Ann Holt as saying the dam had held."
    assert [found[0] for found in reported(text)[0]] == [["raised the toll to 12"], ["the dam had held"]]


def test_whose_report_it_is_the_writer_tells_not_the_speaker():
    text = "A spokesman told the agency that the firm denies the report, which was written by a guest columnist."
    assert reported(text)[0] == [(["the firm denies the report"], "A spokesman", "told")]
    # What the speaker says of the report stays.
    text = "A spokesman said the firm rejects the report, which was wrong on every count."
    assert reported(text)[0][0][0] == ["the firm rejects the report, which was wrong on every count"]
    assert reported("State radio cited a senior officer saying that the border was closed.")[0] == [
        (["the border was closed"], "a senior officer", "saying")
    ]


def test_with_x_reporting_that_credits_x():
    text = "The count clashes with first accounts, with the Relief Council, and two papers, reporting that 300 died."
    assert reported(text)[0] == [(["300 died"], "the Relief Council", "reporting")]
    # Opening the sentence, the clause ends at its comma and the main clause keeps its own frame.
    text = "With the Relief Council saying that 300 died, the army said the raid had been a success."
    assert reported(text)[0] == [
        (["300 died"], "the Relief Council", "saying"),
        (["the raid had been a success"], "the army", "said"),
    ]
    text = "With local officials putting the toll at 300, the army said the raid had been a success."
    assert [found[1] for found in reported(text)[0]] == ["local officials", "the army"]
    # No speaker after "with".
    assert reported("With prices rising sharply, analysts said the bank would act.")[0] == [
        (["the bank would act"], "analysts", "said")
    ]
    text = "The party filed a complaint with the city's ethics board, claiming that the mayor had lied."
    assert reported(text)[0] == [(["the mayor had lied"], "The party", "claiming")]  # "with" a preposition


def test_underlined_that_is_a_speech_cue():
    assert reported("The envoy underlined that the border would stay open.")[0] == [
        (["the border would stay open"], "The envoy", "underlined")
    ]


def test_what_a_speaker_calls_something_is_a_statement_kept_with_its_verb():
    assert reported('Its interior minister has described the assertion as "lies."')[0] == [
        (['described the assertion as "lies."'], "Its interior minister", "described")
    ]
    assert reported("The ministry branded the report “a fabrication” on Monday.")[0] == [
        (["branded the report “a fabrication” on Monday"], "The ministry", "branded")
    ]
    assert reported("The mayor described the flood as a disaster for the town.")[0][0][0] == [
        "described the flood as a disaster for the town"
    ]
    for text in ("The mayor called him a friend.", "The union called for calm.", "She described the scene in detail."):
        assert reported(text)[0] == []
    assert reported("The envoy condemned what he called a “brazen breach” of the truce.")[0] == []


def test_a_toll_put_at_a_figure_after_a_place_named_with_at():
    text = "The government on Monday put the toll from the blast at the market in Avell at 40, far below other counts."
    content = "put the toll from the blast at the market in Avell at 40"
    assert reported(text)[0] == [([content], "The government", "put")]
    assert reported("The council put the blame at the door of the mayor.")[0] == []


def test_that_after_a_comma_and_but_opens_the_writers_clause_not_what_was_said():
    text = "Avell Motors recently announced a new bus, but that is unlikely to save the plant."
    assert reported(text)[0] == [(["a new bus"], "Avell Motors", "announced")]
    text = "The mayor said on Tuesday, however, that the road would reopen."
    assert reported(text)[0] == [(["the road would reopen"], "The mayor", "said")]
