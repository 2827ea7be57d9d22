"""extract.sentences: paragraphs, paired quote marks, sentences, tokens and the cue at a token."""

from quotetrack.extract.sentences import Span, read_copy, tokenize


def spans_text(text, spans):
    return [text[a:b] for a, b in spans]


def test_paragraphs_split_at_blank_lines_and_keep_hard_wrapped_prose_whole():
    wrapped = "The coalition carried out strikes near the town of Makhmour on the eighth of\nJuly, officials said."
    text = f"Headline\n\n{wrapped}\n\n  Last one.  "
    assert spans_text(text, read_copy(text).paragraphs) == ["Headline", wrapped, "Last one."]


def test_each_item_of_a_bulleted_list_is_a_paragraph_of_its_own():
    text = ("  • The electoral board says Ivo Tamm won 52.3 percent of the vote in the runoff\n"
            "  • At least six were hurt in clashes overnight in the capital")
    assert spans_text(text, read_copy(text).paragraphs) == [
        "• The electoral board says Ivo Tamm won 52.3 percent of the vote in the runoff",
        "• At least six were hurt in clashes overnight in the capital",
    ]


def test_a_date_mark_run_into_the_first_line_is_a_paragraph_of_its_own():
    text = " date 2024-08-03 The ferry resumed service on Friday.\n\nIt rained."
    assert spans_text(text, read_copy(text).paragraphs) == [
        "date 2024-08-03", "The ferry resumed service on Friday.", "It rained."]
    # Under a headline put above the copy, as ingest --title does.
    text = "Ferry back\n\n date 2024-08-03 The ferry resumed service on Friday."
    assert spans_text(text, read_copy(text).paragraphs) == [
        "Ferry back", "date 2024-08-03", "The ferry resumed service on Friday."]


def test_quotes_pair_curly_and_straight_marks():
    text = "“We will win,” Smith said. Jones said: \"We will not.\""
    copy = read_copy(text)
    assert [text[q.inner_start : q.inner_end] for q in copy.quotes] == ["We will win,", "We will not."]
    assert all(q.close is not None for q in copy.quotes)
    assert copy.opens == [q.open for q in copy.quotes]


def test_apostrophes_are_not_quote_marks():
    assert read_copy("The region’s leaders didn’t meet; it's the workers' union that met.").quotes == []


def test_an_unclosed_quote_ends_with_its_paragraph_and_runs_on_into_a_quoted_one():
    text = "He said: “We will stay\n\n“And we will fight,” he added."
    first, second = read_copy(text).quotes
    assert first.close is None and first.runs_on
    assert text[first.inner_start : first.inner_end] == "We will stay"
    assert second.close is not None and not second.runs_on


def test_sentences_are_never_cut_inside_a_quote_nor_after_an_abbreviation():
    text = "“It is over. We lost,” Col. Srood said. Nobody else spoke."
    copy = read_copy(text)
    sentences = [text[s.start : s.end] for s in copy.sentences]
    assert sentences == ["“It is over. We lost,” Col. Srood said.", "Nobody else spoke."]
    assert [s.paragraph for s in copy.sentences] == [0, 0]
    assert copy.sentences[0].quotes == copy.quotes


def test_tokens_split_a_full_stop_from_a_word_but_not_from_an_abbreviation():
    text = "The U.S. envoy said no."
    tokens = tokenize(text, 0, len(text))
    assert [t.text for t in tokens] == ["The", "U.S.", "envoy", "said", "no", "."]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_cue_at_finds_verbs_and_two_word_cues():
    sentence = read_copy("Smith said the plan failed, according to officials.").sentences[0]
    said = sentence.cue_at(1)
    assert said is not None and (said.form, said.cue.lemma, said.last) == ("said", "say", 1)
    according = sentence.cue_at(sentence.index_at(len("Smith said the plan failed, ")))
    assert according is not None and according.form == "according to" and according.last == 7


def test_cue_at_skips_nouns_names_and_quoted_words():
    sentence = read_copy("A recent report by Islamic State Says “he said” nothing.").sentences[0]
    assert [sentence.cue_at(i) for i in range(len(sentence.tokens))] == [None] * len(sentence.tokens)


def test_an_empty_copy_has_no_sentences():
    copy = read_copy("   \n\n  ")
    assert (copy.paragraphs, copy.quotes, copy.sentences) == ([], [], [])
    assert Span(1, 2) == (1, 2)


def test_a_paragraph_ending_in_said_colon_is_read_with_the_next_one():
    text = "The minister said in a statement:\n\n“We will rebuild the bridge.”\n\nMeanwhile:\n\nRain fell."
    assert spans_text(text, read_copy(text).paragraphs) == [
        "The minister said in a statement:\n\n“We will rebuild the bridge.”", "Meanwhile:", "Rain fell."
    ]


def test_a_quote_closed_only_paragraphs_later_covers_the_paragraphs_between():
    text = 'Her statement:\n\n"We are shocked.\n\nWe ask for calm.\n\nWe thank the nurses."\n\nPolice left.'
    copy = read_copy(text)
    assert [text[q.inner_start : q.inner_end] for q in copy.quotes] == [
        "We are shocked.", "We ask for calm.", "We thank the nurses."
    ]
    assert [q.runs_on for q in copy.quotes] == [True, True, False]
    # Without a closing mark later, an open quote still ends with its paragraph and nothing runs on.
    open_only = read_copy('He said: "We are shocked.\n\nPolice left.')
    assert [q.runs_on for q in open_only.quotes] == [False]


def test_a_quote_whose_closing_mark_is_left_out_before_its_frame_ends_at_the_comma():
    text = '"We have counted 40 dead so far, a police officer, Ali Omar, told reporters.\n\nRain fell.'
    (quote,) = read_copy(text).quotes
    assert text[quote.inner_start : quote.inner_end] == "We have counted 40 dead so far,"
    # A quote left open with no frame at the paragraph's end still runs to the end.
    (quote,) = read_copy('"We have counted 40 dead so far, and more may be found.\n\nRain fell.').quotes
    assert quote.close is None


def test_a_full_stop_run_into_the_next_sentence_still_ends_it():
    text = "The port reopened, the harbour master told reporters.Holt also said the cranes were safe."
    assert [s.start for s in read_copy(text).sentences] == [0, text.index("Holt")]
    text = "The port closure is regrettable.NPA denied our ships entry on Monday."
    assert [s.start for s in read_copy(text).sentences] == [0, text.index("NPA")]
    # An address is one word, and initials are no sentence end.
    for whole in ("Tickets are sold at www.tarnferries.Com from Monday.", "The U.S.Navy ship left port."):
        assert len(read_copy(whole).sentences) == 1


def test_a_present_cue_after_a_name_and_before_a_clause_is_a_verb():
    s = read_copy("Ann Lind predicts the cuts will be deep.").sentences[0]
    assert s.cue_at(2) is not None and s.cue_at(2).cue.lemma == "predict"
    # A plural noun after a determiner or an adjective stays a noun.
    assert read_copy("The Tarn Council claims the new plan were dropped.").sentences[0].cue_at(3) is None
    assert read_copy("Northern claims were false, the paper said.").sentences[0].cue_at(1) is None
    s = read_copy("Lind spoke first and he adds the cuts will be deep.").sentences[0]
    assert s.cue_at(5) is not None and s.cue_at(5).form == "adds"


def test_a_pages_list_of_links_is_no_copy():
    text = ("Rain fell on Monday, officials said.\n\nRelated readings:\nVarno says flood toll now at 40 Dams hold\n"
            "Varno says flood toll now at 40 Roads reopen\n\nThe river fell on Tuesday.")
    assert [text[s.start:s.end] for s in read_copy(text).sentences] == [
        "Rain fell on Monday, officials said.", "The river fell on Tuesday."]
