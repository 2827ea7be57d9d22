"""extract.frames: the cue verb and what is around it: its subject, its object, where the content starts."""

from quotetrack.extract import extract_statements
from quotetrack.extract.frames import find_subject, inverted_subject, tail_content, told_object
from quotetrack.extract.sentences import read_copy


def sentence(text):
    return read_copy(text).sentences[0]


def at(s, word):
    return next(i for i, token in enumerate(s.tokens) if token.text == word)


def subject(text, cue):
    s = sentence(text)
    return find_subject(s, at(s, cue))


def test_the_subject_keeps_its_appositive_apart_from_the_name():
    text = "Thomas Veale, a spokesman for the coalition, told reporters that the strikes were conducted."
    found = subject(text, "told")
    assert found.head == "Thomas Veale"
    assert found.appositives == ["a spokesman for the coalition"]
    assert text[found.phrase_start : found.phrase_end] == "Thomas Veale, a spokesman for the coalition,"


def test_a_role_before_the_name_in_apposition_makes_the_name_the_head():
    found = subject("The regional governor, Anton Drexler, said the roads were open.", "said")
    assert (found.head, found.appositives) == ("Anton Drexler", ["The regional governor"])


def test_time_and_manner_between_subject_and_cue_are_skipped():
    assert subject("Spicer on Thursday evening said the talks were over.", "said").head == "Spicer"
    assert subject("Lee strongly denied the claim.", "denied").head == "Lee"


def test_a_clause_before_the_cue_is_no_subject():
    assert subject("Sanders sent a message to his supporters said.", "said") is None
    assert find_subject(sentence("Said nothing at all."), 0) is None


def test_told_takes_the_person_told_then_that():
    s = sentence("Smith told reporters on Tuesday that it was over.")
    told = told_object(s, at(s, "told") + 1, len(s.tokens))
    assert told.relayed == "reporters" and s.tokens[told.after].text == "on"
    tail = tail_content(s, at(s, "told") + 1, s.cue_at(at(s, "told")).cue)
    assert (tail.content_at, tail.frame_end, tail.relayed) == (at(s, "it"), at(s, "that"), "reporters")


def test_said_takes_a_bare_clause():
    s = sentence("Officials said the roads were open.")
    tail = tail_content(s, 2, s.cue_at(1).cue)
    assert s.tokens[tail.content_at].text == "the"


def test_a_clausal_cue_before_a_relative_clause_has_no_content():
    s = sentence("The court dismissed the case that the family had brought.")
    cue = s.cue_at(at(s, "dismissed"))
    assert cue is not None and cue.cue.clausal
    assert tail_content(s, cue.last + 1, cue.cue).content_at is None


def test_the_inverted_subject_follows_the_cue_after_a_comma():
    s = sentence("The strikes, said Smith, were over.")
    found = inverted_subject(s, at(s, "said"), at(s, "said"))
    assert found is not None and found.head == "Smith"
    assert inverted_subject(sentence("The strikes said Smith were over."), 2, 2) is None


def test_an_opening_adverb_or_date_is_not_the_name_before_an_appositive():
    assert subject("Still, the agency said the exit would raise questions.", "said").head == "the agency"
    assert subject("On Sunday, the newspaper said the company lost money.", "said").head == "the newspaper"
    found = subject("Sam Lau, the director of the party said the vote was fair.", "said")
    assert (found.head, found.appositives) == ("Sam Lau", ["the director of the party"])


def test_adverbs_between_subject_and_cue_are_skipped():
    assert subject("Cruz has long said the rules were clear.", "said").head == "Cruz"
    found = subject("Ann Lee, the head of the league, forcefully told the crowd that it mattered.", "told")
    assert (found.head, found.appositives) == ("Ann Lee", ["the head of the league"])


def test_a_capitalised_title_before_the_name_in_apposition():
    found = subject("The Ward Chief, Karim Issa Dalo, said the count was hard.", "said")
    assert (found.head, found.appositives) == ("Karim Issa Dalo", ["The Ward Chief"])


def test_a_capitalised_word_that_could_be_a_verb_is_part_of_a_name():
    for name in ("Will Lowe", "May Chen", "AM Reed"):
        for frame in (f"analyst {name} said", f"said analyst {name}"):
            text = f"The fares were too high, {frame}."
            (found,) = extract_statements(text)
            assert (found.speaker.name, found.text) == (name, "The fares were too high")


def test_the_day_after_the_subject_is_not_part_of_it():
    for text in (
        "The mayor on Wednesday vowed to rebuild, saying that the storm had cost millions.",
        "The mayor Wednesday vowed to rebuild, saying that the storm had cost millions.",
    ):
        (found,) = extract_statements(text)
        assert (found.speaker.name, found.text) == ("mayor", "the storm had cost millions")
