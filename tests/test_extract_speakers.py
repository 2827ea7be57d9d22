"""extract.speakers: a speaker phrase (Mention) resolved to a Speaker, with what the copy says before it."""

from quotetrack.extract import extract_statements
from quotetrack.extract.speakers import Mention, Resolver, add_alias, relayed_in
from quotetrack.models import Speaker


def mention(text, head, after=0):
    a = text.index(head, after)
    return Mention(a, a + len(head), a, a + len(head), head)


def test_a_name_is_split_into_name_title_and_affiliation():
    text = "Peshmerga Colonel Srood spoke to reporters."
    resolved = Resolver(text).resolve(mention(text, "Peshmerga Colonel Srood"))
    assert resolved is not None and resolved.confidence == 0.9
    speaker = resolved.speaker
    assert (speaker.name, speaker.title, speaker.affiliation) == ("Srood", "Colonel", "Peshmerga")
    assert speaker.kind == "person"


def test_an_appositive_gives_the_title_and_affiliation():
    text = "Thomas Veale, a spokesman for the US-led coalition, spoke."
    found = mention(text, "Thomas Veale")
    found.appositives.append("a spokesman for the US-led coalition")
    speaker = Resolver(text).resolve(found).speaker
    assert (speaker.name, speaker.title, speaker.affiliation) == ("Thomas Veale", "spokesman", "US-led coalition")


def test_a_pronoun_is_the_last_compatible_speaker_and_a_surname_the_full_name():
    text = "Rizgar Mohammed, the mayor, arrived. Mohammed spoke. Later he left."
    resolver = Resolver(text)
    full = resolver.resolve(mention(text, "Rizgar Mohammed")).speaker
    surname = resolver.resolve(mention(text, "Mohammed", 20))
    pronoun = resolver.resolve(mention(text, "he", 50))
    assert surname.speaker is full and "Mohammed" in full.aliases
    assert pronoun.speaker is full and pronoun.confidence == 0.85


def test_she_is_not_a_man_already_named():
    text = "Mr. John Smith spoke. Mary Jones came. She said it."
    resolver = Resolver(text)
    smith = resolver.resolve(mention(text, "Mr. John Smith")).speaker
    she = resolver.resolve(mention(text, "She")).speaker
    assert she is not smith and she.name == "Mary Jones"


def test_a_pronoun_with_nobody_named_before_is_not_resolved():
    text = "Nothing happened here. He left."
    assert Resolver(text).resolve(mention(text, "He")) is None


def test_an_acronym_is_the_organisation_it_was_introduced_for():
    text = "The Lead Inspector General (LIG) wrote a note. LIG said more."
    speaker = Resolver(text).resolve(mention(text, "LIG", 40)).speaker
    assert (speaker.name, speaker.kind, speaker.aliases) == ("Lead Inspector General", "organisation", ["LIG"])


def test_the_report_is_the_report_last_named():
    text = "A report by the Lead Inspector General found gaps. The report said the strikes helped."
    speaker = Resolver(text).resolve(mention(text, "The report")).speaker
    assert (speaker.name, speaker.title, speaker.kind) == ("Lead Inspector General", "report", "document")


def test_aliases_are_names_not_descriptions():
    speaker = Speaker(name="Thomas Veale")
    for alias in ("the spokesman", "Veale", "Veale", "Thomas Veale"):
        add_alias(speaker, alias)
    assert speaker.aliases == ["Veale"]


def test_relayed_in_reads_who_was_spoken_to():
    assert relayed_in(["while speaking to Kurdistan 24 on Wednesday"]) == "Kurdistan 24"
    assert relayed_in(["a spokesman for the coalition"]) is None


# --- speaker phrases from real copy: what only surrounds the speaker is left out ---

from quotetrack.text.names import descriptive_name  # noqa: E402


def speaker_of(text):
    found = extract_statements(text, None)
    return found[0].speaker if found else None


def test_an_anonymous_source_described_by_a_relative_clause_is_that_source():
    speaker = speaker_of("A villager who spoke to the broadcaster on condition of anonymity said 14 people died.")
    assert speaker.name == "villager"
    assert descriptive_name(speaker.name)


def test_trailing_and_opening_adverbs_are_no_part_of_the_name():
    assert speaker_of("Senior cleric Ahmed Karim also said the mosque was hit.").name == "Ahmed Karim"
    assert speaker_of("President Lena Ortiz earlier this year said the port would reopen.").name == "Lena Ortiz"
    assert speaker_of("Soon afterwards the ministry said 12 people had died.").name == "ministry"
    later = speaker_of("Later Wednesday, the ministry said 12 people had died.")
    assert later.name == "ministry" and "Wednesday" not in later.aliases


def test_a_phrase_that_sets_the_scene_is_not_the_speaker():
    speaker = speaker_of("In Northvale, the mayor said the bridge had collapsed.")
    assert speaker.name == "mayor" and speaker.title == "Mayor"


def test_a_name_in_apposition_to_a_description_is_the_speaker():
    for text in (
        "A police spokesman, Jan Novak, said the driver had been arrested.",
        "Jan Novak, a police spokesman, said the driver had been arrested.",
    ):
        speaker = speaker_of(text)
        assert (speaker.name, speaker.title) == ("Jan Novak", "police spokesman"), text
    speaker = speaker_of("Police spokesman Jan Novak said the driver had been arrested.")
    assert speaker.name == "Jan Novak" and "spokesman" in speaker.title
    speaker = speaker_of("The governor of Kaduna, Samuel Obi, said the road was safe.")
    assert (speaker.name, speaker.title, speaker.affiliation) == ("Samuel Obi", "Governor", "Kaduna")


def test_a_place_inside_a_description_is_not_the_speakers_name():
    for text, not_name in (
        ("Officials in Northvale said the dam would hold.", "Northvale"),
        ("In recent days, local officials in Ostrava also said the toll had been exaggerated.", "Ostrava"),
        ("The military coalition led by Freedonia says it will investigate the strike.", "Freedonia"),
        ("The alliance fighting the rebel group in Sylvania said the strikes had hit launchers.", "Sylvania"),
    ):
        speaker = speaker_of(text)
        assert speaker.name != not_name and speaker.name.endswith(not_name), text
        assert descriptive_name(speaker.name), text


def test_a_statement_from_a_body_to_an_agency_is_the_bodys():
    text = "The cuts will affect 900 employees, according to an emailed statement from Brightline to Reuters."
    speaker = speaker_of(text)
    assert (speaker.name, speaker.kind) == ("Brightline", "document")


def test_fragments_are_never_speakers():
    assert speaker_of("U.S.- said the talks would resume.") is None or speaker_of(
        "U.S.- said the talks would resume."
    ).name != "U.S.-"
    for text in ("Strongly supporting said the plan was sound.", "The previous said 16 people had died."):
        speaker = speaker_of(text)
        assert speaker is None or speaker.name.lower() not in ("supporting", "strongly", "previous"), text
    assert speaker_of("Dozens hurt in market blast\nThe police said 12 people were hurt.").name == "police"
    text = "The agency recorded seven deaths, but according to regional officials the number of cases keeps rising."
    assert extract_statements(text, None)[-1].speaker.name == "regional officials"


def test_a_joined_particle_is_part_of_a_name_and_its_surname():
    text = "Legal adviser Hadi Omar al-Rashid said the strike was lawful. Rashid said it had hit a launcher."
    first, second = extract_statements(text, None)[:2]
    assert first.speaker.name == "Hadi Omar al-Rashid" and second.speaker is first.speaker


def test_descriptions_and_names():
    for name in ("a senior official", "Norland officials", "police spokesman", "Witnesses", "Police", "the company",
                 "villager", "Avellan security sources"):
        assert descriptive_name(name), name
    for name in ("Jan Novak", "Norland Press Agency", "Karim al-Dalo",
                 "International Council of the Relief Federation (ICRF)", "Al Sahira (mirror on example.net)",
                 "NBX", "Lead Inspector General"):
        assert not descriptive_name(name), name


def test_the_speaker_quoted_in_a_statement_speaks():
    speaker = speaker_of("A statement quoting coalition spokesman Colonel Omar al-Hadi said the raid was lawful.")
    assert (speaker.name, speaker.title, speaker.kind) == ("Omar al-Hadi", "Colonel", "person")


def test_a_name_closes_a_title_and_its_department():
    speaker = speaker_of("The agency's director of corporate communications Dana Wells said the figures were wrong.")
    assert speaker.name == "Dana Wells" and speaker.title.lower() == "director"


def test_a_place_phrase_is_never_a_speaker():
    text = "The bus was hit in Avell province, east of the capital, Norhaven, said the channel."
    found = extract_statements(text, None)
    assert all(not s.speaker.name.startswith("east of") for s in found)


def test_a_headline_verb_is_no_part_of_the_speaker():
    assert speaker_of("Northern army dismisses reports that the town fell").name != "Northern army dismisses"
    assert speaker_of("Early press reports said 40 people had died.").name == "Early press reports"


def test_he_never_stands_for_an_event():
    text = ("The governor, Ruth Ade, arrived on Monday. The attack showed that the town was unprotected. "
            "“We will rebuild,” he said.")
    speakers = [s.speaker.name for s in extract_statements(text, None)]
    assert "attack" not in speakers[-1:]


def test_an_announcement_is_a_document_of_the_body_that_made_it():
    text = "The announcement, which came in a tweet from the Foreign Ministry of Ruritania, said the talks had failed."
    speaker = speaker_of(text)
    assert speaker.kind == "document" and speaker.title == "announcement"


def test_a_clause_read_as_the_speaker_gives_way_to_its_pronoun():
    text = "“Don't shoot him,” she shouted. She then urges her husband to come out of the car, saying “he has no gun.”"
    assert all(s.speaker.name != "She then urges her husband to come out of" for s in extract_statements(text, None))


def test_which_stands_for_the_body_named_last_not_the_clause():
    text = ("Those figures conflict with numbers provided by the Northern Relief Agency, which says the camps "
            "now hold 1.5 million people.")
    assert speaker_of(text).name == "Northern Relief Agency"


def test_an_organisations_name_keeps_its_for_and_of():
    speaker = speaker_of("The International Organisation for Resettlement said the camps held 1.5 million people.")
    assert (speaker.name, speaker.kind) == ("International Organisation for Resettlement", "organisation")


def test_the_company_is_the_business_last_heard():
    text = "Brightline Corp. said it would cut 900 jobs. The company said the cuts were needed."
    found = extract_statements(text, None)
    assert [s.speaker.name for s in found] == ["Brightline Corp.", "Brightline Corp."]
    assert speaker_of("The company said the cuts were needed.").name == "company"  # nobody heard: a description


def test_a_headlines_bare_firm_is_the_business_the_article_goes_on_to_name():
    text = ("Mining firm says 500 jobs will go at Orlan plant\n\n"
            "Varga Mining said on Monday it would cut 500 jobs at its Orlan plant. "
            "The company said falling demand had left it no choice.")
    assert [s.speaker.name for s in extract_statements(text)] == ["Varga Mining"] * 3
    # A firm in the body, not the headline, still needs "the" to stand for a business named.
    text = "Orlan mine to close\n\nLocal firms said 500 jobs would go. Varga Mining said it would hire."
    assert extract_statements(text)[0].speaker.name != "Varga Mining"
    # Nobody named after it: the headline's firm stays a description.
    assert extract_statements("Firm says 500 jobs will go\n\nThe cuts hit the town hard.")[0].speaker.name == "Firm"


def test_some_and_other_described_speakers_are_kept_apart():
    text = "Some district officials said the toll could pass 900. Other district officials said dozens had died."
    assert [s.speaker.name for s in extract_statements(text)] == ["some district officials", "other district officials"]
    text = "“They came from the north,” one resident told the radio. “We ran,” another resident said."
    assert [s.speaker.name for s in extract_statements(text)] == ["one resident", "another resident"]
    text = "One resident said the water rose fast. The resident said he had lost his home."
    assert [s.speaker.name for s in extract_statements(text)] == ["one resident", "one resident"]
    assert extract_statements("Two officials said the dam broke.")[0].speaker.name == "officials"


def test_he_after_a_sentence_about_a_person_heard_before_is_that_person():
    text = (
        "“The count is 64,000,” President Jo Mara told reporters. Minister Ana Voss cut in: “No, the agreed "
        "count is 71,000.” Mara waved the remark away. “That figure is out of date,” he said."
    )
    assert [s.speaker.name for s in extract_statements(text)] == ["Jo Mara", "Ana Voss", "Jo Mara"]
    # A person named only as the object is not the one who goes on speaking.
    text = "“We will rebuild,” President Jo Mara said. He praised Ana Voss. “It will take years,” he said."
    assert [s.speaker.name for s in extract_statements(text)] == ["Jo Mara", "Jo Mara"]


def test_the_company_or_the_tech_firm_is_the_business_the_copy_has_just_named():
    text = "AVM is dismissing a newspaper story that it will close 12 plants. The company said it plans fewer closures."
    assert [s.speaker.name for s in extract_statements(text)] == ["AVM"]
    text = "Avell Motors Group (AVM) on Friday rejected the claims. The IT firm said it would hire more staff."
    # Rejecting "the claims" is a statement too, and the firm is the one that made it.
    found = extract_statements(text)
    assert [s.speaker.name for s in found] == ["Avell Motors Group (AVM)"] * 2
    assert found[0].text == "rejected the claims"
    text = "Brightline said the trains were safe. The tech firm said it would add more."
    assert [(s.speaker.name, s.speaker.kind) for s in extract_statements(text)] == [("Brightline", "organisation")] * 2
    # Nobody named: the company stays a description.
    assert extract_statements("US troops left. The company said it would add more trains.")[0].speaker.name == "company"
    # A name made a business by its last word ("Motors", "Airlines", "Holdings": organisations.txt).
    text = "Avell Motors said it would cut 2,000 jobs. The company said the cuts would come next year."
    assert [s.speaker.name for s in extract_statements(text)] == ["Avell Motors"] * 2
    # A person's full name is no business.
    text = "Jo Smith said the trains were safe. The company said it would add more."
    assert [s.speaker.name for s in extract_statements(text)] == ["Jo Smith", "company"]


def test_he_with_nobody_heard_is_the_one_named_person_the_sentence_before_is_about():
    text = (
        "Villagers fled the Avell Rebels attack.\n\nDaro and his wife gathered the children. Daro was "
        "carrying the youngest. “Who will help us now?” he asked. “It was terrible,” he said."
    )
    assert [s.speaker.name for s in extract_statements(text)] == ["Daro", "Daro"]
    text = "Villagers fled the Avell Rebels attack.\n\nNothing happened there. “It was terrible,” he said."
    assert "Nothing" not in [s.speaker.name for s in extract_statements(text)]  # named once: no name


def test_a_body_named_with_its_owner_or_after_a_common_nouns_possessive():
    def speakers(text):
        return [s.speaker.name for s in extract_statements(text, outlet="The Ledger")]

    # The owner is in the name once: not "Norland Norland's Supreme Court".
    assert speakers("Norland’s Supreme Court said the results were invalid.") == [
        "Norland’s Supreme Court"]
    # "the country's" says whose commission it is, not what it is called.
    assert speakers("Two days later the country’s Electoral Board (EB) said its count gave Tamm "
                    "a lead.") == ["Electoral Board (EB)"]
    # An adverb before the verb is not part of the subject; a noun ending alike is.
    assert speakers("The Norland Supreme Court immediately rejected the count, "
                    "saying the results were invalid.") == ["Norland Supreme Court"]
    assert speakers("The national assembly rejected the bill, saying it was unfair.") == ["national assembly"]


def test_the_speaker_is_the_noun_a_relative_clause_describes_not_a_word_of_the_clause():
    def spoken(text):
        return [(s.speaker.name, s.text) for s in extract_statements(text, outlet="The Ledger")]

    assert spoken("Nurses at a Varno clinic where the girl is being treated said tests showed she had "
                  "two broken ribs.") == [("Nurses at a Varno clinic", "tests showed she had two broken ribs")]
    assert spoken("The governor of the province where 12 miners vanished after a rockfall said the "
                  "search would go on.") == [("governor of the province", "the search would go on")]
    assert spoken("The man who was arrested on Friday said he was innocent.") == [("man", "he was innocent")]
    # "his allies" opens a noun phrase: not a clause "that … allies" describing the tea.
    assert [name for name, _ in spoken("He fell ill after drinking soup that his aides said was spoiled.")] \
        == ["aides"]


def test_no_one_is_credited_with_what_nobody_has_claimed_and_according_to_ends_at_its_clauses_verb():
    found = extract_statements("So far no group has claimed the attack.", outlet="The Ledger")
    assert [s.speaker.name for s in found] == ["The Ledger"]
    (found,) = extract_statements("Tamm, who according to the electoral board received 52.3 percent of the "
                                  "vote, beamed over the results.", outlet="The Ledger")
    assert (found.speaker.name, found.text) == ("electoral board", "Tamm received 52.3 percent of the vote")
    (found,) = extract_statements("The vote, which according to observers was marred by fraud, ended late.",
                                  outlet="The Ledger")
    assert (found.speaker.name, found.text) == ("observers", "The vote was marred by fraud")
    (found,) = extract_statements("According to an unnamed official, the toll was 40.", outlet="The Ledger")
    assert found.speaker.name == "unnamed official"


def test_a_name_after_in_or_at_places_the_speakers_and_is_not_their_name():
    (found,) = extract_statements("Laboratories in Varno and Norland have confirmed that Osk was poisoned.",
                                  outlet="The Ledger")
    assert found.speaker.name == "Laboratories in Varno and Norland"


def test_he_or_she_never_stands_for_a_group_and_reporting_from_is_where_a_reporter_spoke():
    text = "Authorities have said police were involved.\n\n“Families are very frustrated,” she said."
    assert [s.speaker.name for s in extract_statements(text, outlet="The Ledger")] == ["Authorities"]
    text = "Residents said the dam broke. Ana Lind, a nurse, disagreed. “It held,” she said."
    assert [s.speaker.name for s in extract_statements(text, outlet="The Ledger")] == ["Residents", "Ana Lind"]
    (found,) = extract_statements("Ana Lind, reporting from Varno, said that families had not been told.",
                                  outlet="The Ledger")
    assert (found.speaker.name, found.text) == ("Ana Lind", "families had not been told")


def test_an_incident_is_no_speaker():
    assert extract_statements("Months after a flood killed 31 people, the fire again underscored the poor "
                              "wiring in the mills.", outlet="The Ledger") == []
    (found,) = extract_statements("The minister underscored that the mill was safe.", outlet="The Ledger")
    assert found.speaker.name == "minister"
    assert [s.speaker.name for s in extract_statements(
        "The ferry radioed a warning about a fire in its engine room, harbour officials said.",
        outlet="The Ledger")] == ["harbour officials"]


def test_rejecting_the_allegations_is_a_statement_and_his_allies_are_the_allies_of_the_one_heard():
    def found(text):
        return [(s.speaker.name, s.text) for s in extract_statements(text, outlet="The Ledger")]

    assert found("The Norland government on Monday dismissed the allegations as baseless.") == [
        ("Norland government", "dismissed the allegations as baseless")]
    assert found("The court dismissed the case.") == []
    assert found("Kemal Osk said he was well. His allies claim the government was behind the poisoning.") == [
        ("Kemal Osk", "he was well"), ("Kemal Osk's allies", "the government was behind the poisoning")]


def test_a_surname_that_is_a_month_or_a_modal_and_a_month_that_says_when():
    def found(text):
        return [s.speaker.name for s in extract_statements(text, outlet="The Ledger")]

    assert found("Ana May said the dam held.") == ["Ana May"]
    assert found("In May Varno Mill’s chief safety officer warned the staff that a flood was "
                 "coming.") == ["Varno Mill’s chief safety officer"]
