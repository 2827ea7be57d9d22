"""check: every quote in a draft against the record, one verdict each, exit 1 when one fails."""

import json

import pytest
from conftest import SAMPLES, as_json

from quotetrack.check import alignment, is_verbatim


@pytest.fixture
def record(run):
    for args in (
        ("We will hold the bridge until the spring floods come.", "--speaker", "Ann Smith", "--outlet", "AP"),
        ("The factory will close in March and two hundred workers will lose their jobs.", "--speaker", "Bo Lin"),
        ("There were no soldiers in the village that night.", "--speaker", "Cy Doe"),
    ):
        assert run("add", *args).exit_code == 0
    return run


def check(run, tmp_path, body, *args, name="draft.md"):
    draft = tmp_path / name
    draft.write_text(body)
    return run("check", draft, *args)


@pytest.mark.parametrize(("sentence", "verdict"), [
    ("“We will hold the bridge until the spring floods come,” Ann Smith said.", "verbatim"),
    ("“We will hold the bridge until the summer floods come,” Ann Smith said.", "altered"),
    ("“The factory will close in March and two hundred workers will lose their jobs,” Ann Smith said.",
     "misattributed"),
    ("“Soldiers carried out a raid in the village that night,” said Dee Roe.", "contradicted"),
    ("“The museum reopens on Friday after two years of repairs,” said Ed Poe.", "not on record"),
])
def test_each_verdict(record, tmp_path, sentence, verdict):
    result = check(record, tmp_path, sentence + "\n", "--json")
    data = json.loads(result.stdout)
    assert [q["verdict"] for q in data["quotes"]] == [verdict]
    assert result.exit_code == (1 if verdict in ("altered", "misattributed", "contradicted") else 0)
    assert data["passed"] is (result.exit_code == 0)


def test_altered_keeps_a_word_diff_recorded_versus_draft(record, tmp_path):
    result = check(record, tmp_path, "“We will hold the bridge until the summer floods come,” Ann Smith said.\n")
    assert result.exit_code == 1
    assert "[-spring-] {+summer+}" in result.stdout
    quote = json.loads(check(record, tmp_path, "“We will hold the bridge until the summer floods come,” "
                                               "Ann Smith said.\n", "--json").stdout)["quotes"][0]
    assert [d for d in quote["diff"] if d[0] != "="] == [["-", "spring"], ["+", "summer"]]
    assert quote["recorded"]["speaker"]["name"] == "Ann Smith"


def test_misattributed_names_who_said_it(record, tmp_path):
    result = check(record, tmp_path, "“The factory will close in March and two hundred workers will lose "
                                     "their jobs,” Ann Smith said.\n")
    assert "the record has them from Bo Lin" in " ".join(result.stdout.split())


def test_contradicted_links_the_recorded_statement_and_the_evidence(record, tmp_path):
    quote = json.loads(check(record, tmp_path, "“Soldiers carried out a raid in the village that night,” said "
                                               "Dee Roe.\n", "--json").stdout)["quotes"][0]
    assert quote["recorded"]["text"] == "There were no soldiers in the village that night."
    assert quote["conflict"]["relation"] == "conflict" and quote["conflict"]["type"] == "polarity"


def test_only_verbatim_and_new_quotes_pass(record, tmp_path):
    body = ("“We will hold the bridge until the spring floods come,” Ann Smith said.\n\n"
            "“The museum reopens on Friday after two years of repairs,” said Ed Poe.\n")
    result = check(record, tmp_path, body)
    assert result.exit_code == 0
    assert "1 verbatim, 1 not on record" in " ".join(result.stdout.split())  # the title may wrap


def test_punctuation_case_and_partial_quotes_are_still_verbatim():
    similarity, diff = alignment("we will HOLD the bridge", "“We will hold the bridge,” she said; then she left.")
    assert is_verbatim(diff) and similarity == 1.0
    similarity, diff = alignment("we will hold the river", "We will hold the bridge.")
    assert not is_verbatim(diff) and similarity == pytest.approx(0.8)
    assert alignment("nothing alike here", "We will hold the bridge.")[0] == 0.0


def test_reads_html_and_stdin(record, tmp_path):
    html = "<html><body><p>“We will hold the bridge until the spring floods come,” Ann Smith said.</p></body></html>"
    data = as_json(check(record, tmp_path, html, "--json", name="draft.html"))
    assert [q["verdict"] for q in data["quotes"]] == ["verbatim"]
    piped = record("check", "-", "--json",
                   input="“We will hold the bridge until the spring floods come,” Ann Smith said.\n")
    assert as_json(piped)["draft"] == "standard input"


def test_missing_draft_is_an_error(run, tmp_path):
    result = run("check", tmp_path / "nope.md")
    assert result.exit_code == 1 and "There is no file" in result.stderr


def test_seed_draft_altered_misattributed_and_new(run, tmp_path):
    """The acceptance case: the seed article recorded, then a draft of it with three changes."""
    article = (SAMPLES / "makhmour-strikes.txt").read_text()
    assert run("ingest", SAMPLES / "makhmour-strikes.txt", "--outlet", "Kurdistan 24", "--published", "2018-07-11",
               "--yes").exit_code == 0
    changed = article.replace("cannot be denied", "cannot be ignored")
    changed = changed.replace("these terrorists,” he said.", "these terrorists,” Rizgar Mohammed said.")
    changed += "\n\n“We will reopen the road before the winter,” the governor said.\n"
    assert changed.count("ignored") == 1 and changed.count("Rizgar Mohammed said") == 1
    result = check(run, tmp_path, changed, "--json", name="draft.txt")
    assert result.exit_code == 1
    quotes = json.loads(result.stdout)["quotes"]
    changes = {"Unfortunately, the presence": "altered", "All of our strikes in Iraq": "misattributed",
               "We will reopen the road": "not on record"}
    for start, verdict in changes.items():
        assert [q["verdict"] for q in quotes if q["text"].startswith(start)] == [verdict]
    others = [q["verdict"] for q in quotes if not q["text"].startswith(tuple(changes))]
    assert len(others) >= 5 and set(others) == {"verbatim"}
    altered = next(q for q in quotes if q["verdict"] == "altered")
    assert [d for d in altered["diff"] if d[0] != "="] == [["-", "denied"], ["+", "ignored"]]


def test_a_surname_two_people_share_is_not_a_misattribution(run, tmp_path):
    run("add", "The harbour will stay open all winter long.", "--speaker", "Ann Smith")
    run("add", "Taxes will not rise this year.", "--speaker", "Bob Smith", "--new-speaker")
    data = as_json(check(run, tmp_path, "“The harbour will stay open all winter long,” Smith said.\n", "--json"))
    assert [q["verdict"] for q in data["quotes"]] == ["verbatim"]


def test_a_paraphrase_is_held_to_its_claim_not_its_wording(record, tmp_path):
    reworded = "Ann Smith said that they would hold the bridge until the spring floods came.\n"
    turned = "Ann Smith said that they would not hold the bridge until the spring floods came.\n"
    assert [q["verdict"] for q in as_json(check(record, tmp_path, reworded, "--json"))["quotes"]] == ["verbatim"]
    result = check(record, tmp_path, turned, "--json")
    assert result.exit_code == 1
    assert [q["verdict"] for q in json.loads(result.stdout)["quotes"]] == ["altered"]
