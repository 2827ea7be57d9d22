"""The seed story end to end through the CLI: ingest, conflicts, review, match, search, claims, compare.

The article is Kurdistan 24's "Coalition continues strikes against IS remnants near Makhmour"
(July 2018), shipped in quotetrack/samples/.
"""

import json

import pytest
from conftest import SAMPLES, as_json

ARTICLE = SAMPLES / "makhmour-strikes.txt"
INGEST = ("ingest", ARTICLE, "--outlet", "Kurdistan 24", "--published", "2018-07-11")


@pytest.fixture
def story(run):
    result = run(*INGEST, "--yes", "--json")
    assert result.exit_code == 0, result.output
    return run, json.loads(result.stdout)


def by_speaker(statements, fragment):
    return [s for s in statements if fragment.lower() in s["speaker"]["name"].lower()]


def test_ingest_finds_every_attributed_statement(story):
    _, ingested = story
    statements = ingested["statements"]
    assert all(s["id"] is not None for s in statements)
    centcom = by_speaker(statements, "Central Command")
    [centcom] = centcom  # one quote, going on after its frame
    assert centcom["kind"] == "written"
    assert "two strikes" in centcom["text"] and "one Daesh-held building" in centcom["text"]
    [srood] = by_speaker(statements, "Srood")
    assert srood["speaker"]["title"] == "Colonel" and srood["speaker"]["affiliation"] == "Peshmerga"
    assert srood["event_date"] == "2018-07-08" and srood["kind"] == "reported"
    veale = by_speaker(statements, "Veale")
    assert sorted(s["kind"] for s in veale) == ["quote", "reported"]
    mohammed = by_speaker(statements, "Rizgar Mohammed")
    assert sorted(s["kind"] for s in mohammed) == ["quote", "reported"]
    assert mohammed[0]["speaker"]["title"] == "Mayor"
    assert len(by_speaker(statements, "ACLED") or by_speaker(statements, "Armed Conflict")) == 2
    assert len(by_speaker(statements, "Inspector General")) == 2
    joint = [s for s in statements if s["kind"] == "report" and "joint operation" in s["text"]]
    assert [s["event_date"] for s in joint] == ["2018-06-30"]
    assert joint[0]["speaker"]["name"] == "Kurdistan 24"


def test_offsets_point_into_the_article(story):
    run, ingested = story
    article = ARTICLE.read_text()
    for s in ingested["statements"]:
        assert s["start"] is not None and s["end"] > s["start"]
    srood = by_speaker(ingested["statements"], "Srood")[0]
    shown = run("show", srood["id"], "--in-source")
    assert shown.exit_code == 0 and "Peshmerga Colonel Srood" in shown.stdout
    assert srood["text"] in article.replace("\n", " ") or srood["text"] in article


def test_ingesting_the_same_article_twice_adds_nothing(story):
    run, _ = story
    before = len(as_json(run("list", "--json")))
    again = as_json(run(*INGEST, "--yes", "--json"))
    assert "already on record" in again["note"]
    assert all(s["id"] is None for s in again["statements"])
    assert len(as_json(run("list", "--json"))) == before


def test_dry_run_and_confirmation(run, isolated_db):
    dry = as_json(run(*INGEST, "--dry-run", "--json"))
    assert len(dry["statements"]) >= 11
    assert isinstance(isolated_db, str) or not isolated_db.exists()  # a server database is no file
    unconfirmed = run(*INGEST)
    assert unconfirmed.exit_code == 1 and "--yes" in unconfirmed.stderr


def test_quotes_only_leaves_out_the_outlets_reports(run):
    result = as_json(run(*INGEST, "--dry-run", "--quotes-only", "--json"))
    assert not [s for s in result["statements"] if s["kind"] == "report"]


def test_the_makhmour_dispute_surfaces_with_its_date_caveat(story):
    run, _ = story
    conflicts = as_json(run("conflicts", "--json"))
    polarity = [c for c in conflicts if c["type"] == "polarity"]
    pair = [c for c in polarity
            if {c["a"]["speaker"]["name"], c["b"]["speaker"]["name"]} == {"Srood", "Kurdistan 24"}]
    assert len(pair) == 1
    assert any("30 June" in caveat and "8 July" in caveat for caveat in pair[0]["caveats"])
    for conflict in conflicts:
        names = {conflict["a"]["speaker"]["name"], conflict["b"]["speaker"]["name"]}
        assert names != {"US Central Command", "Thomas Veale"}
        assert names != {"US Central Command"}, "two strikes vs one strike is not a conflict"
    table = run("conflicts")
    assert "dates differ" in table.stdout


def test_a_same_day_claim_tops_the_dated_one(story):
    run, _ = story
    added = run("add", "Peshmerga forces took part in the coalition operation near Makhmour on 8 July",
                "--speaker", "Rudaw", "--speaker-kind", "organisation", "--kind", "report",
                "--outlet", "Rudaw", "--published", "2018-07-12")
    assert added.exit_code == 0
    top = as_json(run("conflicts", "--json"))[0]
    assert {top["a"]["speaker"]["name"], top["b"]["speaker"]["name"]} == {"Srood", "Rudaw"}
    assert top["type"] == "polarity" and top["caveats"] == []


def test_review_sticks_through_a_rescan(story):
    run, _ = story
    conflict = as_json(run("conflicts", "--json"))[0]
    reviewed = as_json(run("conflicts", "review", conflict["id"], "--dismiss", "--note", "different days",
                           "--json"))
    assert (reviewed["status"], reviewed["note"]) == ("dismissed", "different days")
    assert run("conflicts", "--rescan").exit_code == 0
    again = [c for c in as_json(run("conflicts", "--json")) if c["id"] == conflict["id"]]
    assert again[0]["status"] == "dismissed"
    assert as_json(run("conflicts", "--status", "open", "--json")) == [
        c for c in as_json(run("conflicts", "--json")) if c["status"] == "open"]
    log = as_json(run("log", "--json"))
    assert log[0]["action"] == "review" and log[0]["detail"]["after"] == "dismissed"


def test_review_needs_one_verdict(story):
    run, _ = story
    result = run("conflicts", "review", "1")
    assert result.exit_code == 1 and "exactly one of --confirm" in result.stderr
    missing = run("conflicts", "review", "999", "--confirm")
    assert missing.exit_code == 1 and "no conflict with id 999" in missing.stderr


def test_match_finds_the_claims_of_the_story(story):
    run, _ = story
    first = as_json(run("match", "Daesh held building destroyed near Makhmour", "--json"))[0]
    assert first["speaker"]["name"] == "US Central Command" and "Daesh-held building" in first["text"]
    top3 = as_json(run("match", "no Peshmerga operation near Makhmour", "--limit", "3", "--json"))
    texts = [m["text"] for m in top3]
    assert any("no Peshmerga operations" in t for t in texts)
    assert any("joint operation" in t for t in texts)


def test_match_queries_file(story, tmp_path):
    run, _ = story
    queries = tmp_path / "claims.jsonl"
    queries.write_text('{"id": "q1", "text": "one Daesh building destroyed near Makhmour"}\n'
                       '{"id": "q2", "text": "the mayor of Springfield opened a bakery"}\n')
    result = run("match", "--queries", queries)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["q1", "q2"]
    assert "Daesh-held building" in lines[0]["matches"][0]["text"]
    assert lines[1]["matches"] == []


def test_search_with_snippets_and_bad_syntax(story):
    run, _ = story
    hits = as_json(run("search", "--fts", "Makhmour AND strike*", "--json"))
    assert hits and all("highlights" in h for h in hits)
    bad = run("search", "--fts", 'unclosed "quote')
    assert bad.exit_code == 1 and "not a valid full-text query" in bad.stderr
    # Without --fts the same words are words: a stray quote mark is no syntax error.
    assert run("search", 'unclosed "quote').exit_code == 0
    assert as_json(run("search", "Makhmour strikes", "--json"))


def test_terms_make_names_equivalent(story):
    run, _ = story
    assert not as_json(run("match", "Sons of Iraq destroyed a building", "--json", "--min-score", "60"))
    added = run("terms", "add", "Daesh", "Sons of Iraq")
    assert added.exit_code == 0
    matched = as_json(run("match", "Sons of Iraq held building destroyed near Makhmour", "--json"))
    assert "Daesh-held building" in matched[0]["text"]
    terms = as_json(run("terms", "list", "--json"))
    assert {"canonical": "Daesh", "variants": ["Sons of Iraq"], "origin": "editor"} in terms


def test_claims_groups_the_lead_with_its_repetition(story):
    run, _ = story
    groups = as_json(run("claims", "--json"))
    assert groups and all(g["count"] >= 2 for g in groups)
    assert all(g["first_seen"] == "2018-07-11" for g in groups)


def test_compare_two_texts(run):
    verdict = as_json(run("compare", "The army killed 12 fighters in Tikrit on Monday",
                          "The army killed 20 fighters in Tikrit on Monday", "--json"))
    assert (verdict["relation"], verdict["type"]) == ("conflict", "number")
    same = as_json(run("compare", "Troops entered the city", "Troops entered the city", "--json"))
    assert same["relation"] == "same"


def test_compare_reads_statement_ids_only_when_asked(seeded):
    run = seeded
    listed = as_json(run("list", "--json"))
    first, second = listed[-1]["id"], listed[-2]["id"]
    by_hash = as_json(run("compare", f"#{first}", f"#{second}", "--json"))
    by_flag = as_json(run("compare", "--ids", first, second, "--json"))
    assert by_hash == by_flag and by_hash["relation"] in ("same", "conflict", "unrelated")
    shown = run("compare", "--ids", first, second)
    assert f"statement {first}" in shown.stdout and "statement None" not in shown.stdout
    # Bare numbers are words, with a hint on stderr; free text shows no statement id.
    words = run("compare", "12", "18")
    assert words.exit_code == 0 and "--ids" in words.stderr and "statement None" not in words.stdout
    assert "wording shared 0.00" in words.stdout
    unknown = run("compare", "#99999", f"#{first}")
    assert unknown.exit_code == 1 and "no statement with id 99999" in unknown.stderr
    bad = run("compare", "--ids", first, "twelve")
    assert bad.exit_code == 1 and "'twelve' is not one" in bad.stderr


def test_compare_pairs_file(run, tmp_path):
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("p1\tThe bridge was destroyed\tThe bridge was not destroyed\n")
    lines = [json.loads(line) for line in run("compare", "--pairs", pairs).stdout.splitlines()]
    assert lines[0]["id"] == "p1" and lines[0]["type"] == "polarity"
    pairs.write_text("p1\tonly two fields\n")
    bad = run("compare", "--pairs", pairs)
    assert bad.exit_code == 1 and "line 1" in bad.stderr


def test_rescan_with_an_unknown_speaker_stops_first(story):
    run, _ = story
    result = run("conflicts", "--rescan", "--speaker", "Nobody Known")
    assert result.exit_code == 1
    assert "Rescanned" not in result.stderr and "No speaker on record" in result.stderr


def test_queries_file_keeps_line_separators_inside_json_strings(story, tmp_path):
    run, _ = story
    queries = tmp_path / "claims.jsonl"
    queries.write_text('{"id": "q1", "text": "one Daesh building\u2028destroyed near Makhmour"}\n', encoding="utf-8")
    output = run("match", "--queries", queries).stdout
    lines = [json.loads(line) for line in output.split("\n") if line]
    assert [line["id"] for line in lines] == ["q1"]
