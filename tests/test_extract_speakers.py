"""extract.speakers: a speaker phrase (Mention) resolved to a Speaker, with what the copy says before it."""

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
