"""Conflicts found as statements arrive, kept through a rescan, and ranked for an editor.

The articles are written for these tests: two outlets on one flood, on the same day.
"""

from datetime import date

import pytest
from conftest import as_json

from quotetrack import detect, ranking, store
from quotetrack.conflicts import compare
from quotetrack.evidence import Count, Counts, to_json
from quotetrack.models import Conflict, Source, Speaker, Statement

LEDGER = """Flood kills a dozen in Varno

The health ministry said on Monday that 12 people were killed in the flood in Varno.

"We found no survivors in the lower town," Mayor Ilse Brandt said.
"""
POST = """Varno flood toll climbs

Local officials said that 20 people were killed in the flood in Varno.

Rescue workers said survivors were found in the lower town of Varno on Monday.
"""


@pytest.fixture
def flood(run, tmp_path):
    for name, text, outlet in (("ledger.txt", LEDGER, "Daily Ledger"), ("post.txt", POST, "Morning Post")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert run("ingest", path, "--outlet", outlet, "--published", "2024-03-04", "--yes").exit_code == 0
    return run


def _kept(conflicts):
    return sorted((c["id"], c["a"]["id"], c["b"]["id"], c["type"], c["status"], c["note"]) for c in conflicts)


def test_conflicts_are_listed_right_after_ingest_and_a_rescan_finds_the_same(flood):
    found = as_json(flood("conflicts", "--json"))
    assert {c["type"] for c in found} == {"number", "polarity"}
    rescanned = flood("conflicts", "--rescan", "--json")
    assert _kept(as_json(rescanned)) == _kept(found)
    assert _kept(as_json(flood("conflicts", "--json"))) == _kept(found)


def test_a_review_keeps_its_id_status_and_note_through_rescans(flood):
    number = next(c for c in as_json(flood("conflicts", "--json")) if c["type"] == "number")
    flood("conflicts", "review", number["id"], "--confirm", "--note", "ministry vs officials")
    before = _kept(as_json(flood("conflicts", "--json")))
    for _ in range(2):
        assert flood("conflicts", "--rescan").exit_code == 0
    after = as_json(flood("conflicts", "--json"))
    assert _kept(after) == before
    kept = next(c for c in after if c["id"] == number["id"])
    assert (kept["status"], kept["note"]) == ("confirmed", "ministry vs officials")


def test_a_conflict_that_no_longer_holds_is_forgotten_unless_reviewed(flood):
    found = {c["type"]: c for c in as_json(flood("conflicts", "--json"))}
    flood("conflicts", "review", found["polarity"]["id"], "--dismiss", "--note", "different towns")
    for kind in ("number", "polarity"):
        statement = found[kind]["b"]["id"]
        assert flood("edit", statement, "--text", "The bridge over the river was closed.").exit_code == 0
    after = {c["id"]: c for c in as_json(flood("conflicts", "--json"))}
    assert found["number"]["id"] not in after  # open: the rules no longer find it, so it is gone
    dismissed = after[found["polarity"]["id"]]  # reviewed: the verdict stays, with a caveat
    assert (dismissed["status"], dismissed["note"]) == ("dismissed", "different towns")
    assert any(c.startswith(store.conflicts.UNFOUND) for c in dismissed["caveats"])
    assert as_json(flood("conflicts", "--rescan", "--json")) == list(after.values())


def _statement(i, text, speaker, outlet, day, source_id=None):
    return Statement(text=text, speaker=Speaker(name=speaker, id=i * 10), kind="reported",
                     source=Source(outlet=outlet, published=day, id=source_id or i), id=i)


def test_incident_words_tie_tolls_told_in_other_words():
    killed = detect.incident_words("The group said it killed 13 soldiers", (), {}, 10)
    toll = detect.incident_words("Officials put the death toll at ten", (), {}, 10)
    assert "#killed" in killed & toll


def test_statements_of_the_same_days_sharing_one_word_are_compared(isolated_db, monkeypatch):
    """Sides of a dispute that share one uncommon word ("gun") are compared when told about the
    same days, not when weeks apart; ingest and rescan compare the same pairs."""
    db = store.open_record(isolated_db)
    texts = [
        ("Officers said the suspect had a gun in his hand when he was shot.", "2024-05-02"),
        ("His family said he carried no gun and was reading a letter.", "2024-05-03"),
        ("Neighbours said a gun was found near the river.", "2024-06-20"),
    ]
    compared: list[tuple[int, int]] = []

    def spy(a, b, normalizer=None):
        compared.append((a.id, b.id))
        return compare(a, b, normalizer=normalizer)

    monkeypatch.setattr(detect, "compare", spy)
    ids = []
    with store.transaction(db):
        for n, (text, day) in enumerate(texts):
            speaker = store.insert_speaker(db, Speaker(name=f"Speaker {n}"))
            statement = Statement(text=text, speaker=speaker, said_on=date.fromisoformat(day))
            ids.append(store.insert_statement(db, statement, " ".join(db.normalizer.tokens(text))))
            detect.detect(db, [ids[-1]], db.normalizer)
    at_ingest = sorted(compared)
    assert at_ingest == [(ids[0], ids[1])]
    compared.clear()
    detect.rescan(db, db.normalizer)
    assert sorted(compared) == at_ingest


def test_a_rescan_weighs_words_as_the_record_stood_when_each_statement_came(isolated_db, monkeypatch):
    """Words uncommon when two tellings of one claim came, and common by the time of the rescan,
    still pair them in the rescan: ingest and rescan compare the same pairs however the record
    grew in between. (No conflict among them: a rescan judges stored conflicts again anyway.)"""
    monkeypatch.setattr(detect, "COMMON_FLOOR", 2)  # "common" from a third statement on
    db = store.open_record(isolated_db)
    texts = ["Rebels shelled the Korvat bridge at dawn.", "The rebels shelled the Korvat bridge.",
             *["Rebels reopened the Korvat bridge to shell traffic."] * 3]
    compared: list[tuple[int, int]] = []

    def spy(a, b, normalizer=None):
        compared.append((a.id, b.id))
        return compare(a, b, normalizer=normalizer)

    monkeypatch.setattr(detect, "compare", spy)
    with store.transaction(db):
        for n, text in enumerate(texts):
            speaker = store.insert_speaker(db, Speaker(name=f"Speaker {n}"))
            statement_id = store.insert_statement(db, Statement(text=text, speaker=speaker),
                                                  " ".join(db.normalizer.tokens(text)))
            detect.detect(db, [statement_id], db.normalizer)
    at_ingest = sorted(compared)
    assert at_ingest[:1] == [(1, 2)]
    compared.clear()
    detect.rescan(db, db.normalizer)
    assert sorted(compared) == at_ingest


def _counts(first, second):
    a = _statement(1, f"The ministry said {first} people were killed in the flood in Varno.", "Ministry",
                   "Ledger", date(2024, 3, 4))
    b = _statement(2, f"Officials said {second} people were killed in the flood in Varno.", "Officials",
                   "Post", date(2024, 3, 6))
    return a, b


def test_a_figure_rising_over_days_is_a_timeline_ranked_below_a_same_day_dispute():
    rising = compare(*_counts(3, 10))
    score = rising.score
    ranking.weigh(rising, *_counts(3, 10))
    assert rising.type == "number" and rising.score == pytest.approx(score * ranking.RISING, abs=0.002)
    assert isinstance(rising.evidence, Counts)
    assert rising.evidence.timeline == (("3 people", "2024-03-04"), ("10 people", "2024-03-06"))
    assert to_json(rising.evidence)["timeline"] == [["3 people", "2024-03-04"], ["10 people", "2024-03-06"]]
    assert any("rose over 2 days, 3 people (4 March) → 10 people (6 March)" in c for c in rising.caveats)
    falling = compare(*_counts(10, 3))
    ranking.weigh(falling, *_counts(10, 3))
    assert isinstance(falling.evidence, Counts) and falling.evidence.timeline == ()
    assert not any("rose" in c for c in falling.caveats)


def test_two_kinds_of_count_on_two_days_are_no_rise():
    a = _statement(1, "The ministry said seven confirmed deaths from the fever were recorded in Varno.",
                   "Ministry", "Ledger", date(2024, 3, 4))
    b = _statement(2, "The ministry said 159 probable deaths from the fever were recorded in Varno.",
                   "Officials", "Post", date(2024, 3, 6))
    verdict = compare(a, b)
    assert verdict.type == "number"
    assert isinstance(verdict.evidence, Counts)
    assert (verdict.evidence.a_number.kind, verdict.evidence.b_number.kind) == ("confirmed", "suspected")
    ranking.weigh(verdict, a, b)
    assert verdict.evidence.timeline == ()
    assert not any(c.startswith(ranking.CHANGING) for c in verdict.caveats)
    plain = _statement(1, "The ministry said 100 deaths from the fever were recorded in Varno.",
                       "Ministry", "Ledger", date(2024, 3, 4))
    rising = compare(plain, b)  # a count that names no kind rises to one that does
    ranking.weigh(rising, plain, b)
    assert isinstance(rising.evidence, Counts) and rising.evidence.timeline


def test_a_restatement_in_one_article_or_a_fragment_ranks_below_a_dispute_between_sources():
    day = date(2024, 3, 4)
    a = _statement(1, "Police said the driver was not armed at the time of the crash.", "Police", "Ledger", day, 7)
    b = _statement(2, "Police said the driver was armed at the time of the crash.", "Police", "Ledger", day, 7)
    c = _statement(3, "A witness said the driver was armed at the time of the crash.", "Witness", "Post", day, 8)
    d = _statement(4, "not armed", "Sheet", "Post", day, 8)
    scores = {}
    for name, (x, y) in {"same article": (a, b), "across outlets": (a, c), "fragment": (c, d)}.items():
        verdict = compare(x, y)
        assert verdict.relation == "conflict", name
        ranking.weigh(verdict, x, y)
        scores[name] = verdict.score
    assert scores["across outlets"] > scores["same article"]
    assert scores["across outlets"] > scores["fragment"]


def test_a_week_apart_it_takes_two_shared_words_or_a_figure_role():
    mine = frozenset({"#killed", "bus", "market"})
    older = [(1, frozenset({"#killed"}), 5), (2, frozenset({"market"}), 5), (3, frozenset({"market"}), 1),
             (4, frozenset({"bus", "market"}), 6)]
    assert detect._nearest(mine, older) == [4, 1, 3]  # not 2: one ordinary word, five days apart


def test_a_toll_rising_over_days_shows_its_whole_timeline_after_ingest_and_after_a_rescan(run):
    for count, day, outlet in ((1, 3, "Ledger"), (3, 4, "Post"), (9, 5, "Herald"), (10, 6, "Courier")):
        added = run("add", f"{count} people were killed when the Orvel bridge collapsed", "--speaker",
                    f"{outlet} desk", "--outlet", outlet, "--published", f"2024-05-0{day}")
        assert added.exit_code == 0, added.output
    steps = "1 people (3 May) → 3 people (4 May) → 9 people (5 May) → 10 people (6 May)"
    every = as_json(run("conflicts", "--json", "--each-pair"))
    assert len(every) == 6 and all(c["type"] == "number" for c in every)
    for conflict in every:
        assert len(conflict["evidence"]["timeline"]) == 4
        assert any(f"rose over 3 days, {steps}" in caveat for caveat in conflict["caveats"])
    # one story, one entry: the conflict from the first day to the last leads, its steps fold under it
    (lead,) = as_json(run("conflicts", "--json"))
    assert (lead["a"]["text"][:2], lead["b"]["text"][:2]) == ("1 ", "10")
    others = [c for c in every if c["id"] != lead["id"]]
    assert sorted(lead["repeats"]) == sorted(c["id"] for c in others)
    assert all(ranking.STEP_NOTE in c["caveats"] and c["score"] < lead["score"] for c in others)
    assert as_json(run("conflicts", "--rescan", "--json", "--each-pair")) == every


# Two outlets on one (invented) quarry blast, the same day: tolls that share no word but the place.
QUARRY_WIRE = """Blast at Tessaly quarry kills workers

A blast tore through the Tessaly quarry near Dunmoor, in Corvia province, on Thursday.
"Our teams have counted 17 dead so far, most of them under the rock," police commander Anke Ruis
said at the Tessaly gate.
"""
QUARRY_POST = """Tessaly quarry blast: hospital overwhelmed

Thursday's blast at the Tessaly quarry near Dunmoor filled the wards of the Corvia regional hospital.
The hospital director told reporters that 31 bodies had been brought in from Tessaly by the evening.
"""


def test_tolls_of_one_incident_told_in_other_words_conflict_at_ingest_and_after_a_rescan(run, tmp_path):
    for name, text, outlet in (("wire.txt", QUARRY_WIRE, "Wire"), ("post.txt", QUARRY_POST, "Post")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert run("ingest", path, "--outlet", outlet, "--published", "2024-06-07", "--yes").exit_code == 0
    found = as_json(run("conflicts", "--json"))
    tolls = [c for c in found if c["type"] == "number"]
    assert [sorted((c["a"]["text"][:20], c["b"]["text"][:20])) for c in tolls] == [
        sorted(("Our teams have count", "31 bodies had been b"))]
    assert _kept(as_json(run("conflicts", "--rescan", "--json"))) == _kept(found)
    # compare judges two statements of the record as detection does
    verdict = as_json(run("compare", "--ids", str(tolls[0]["a"]["id"]), str(tolls[0]["b"]["id"]), "--json"))
    assert (verdict["relation"], verdict["type"]) == ("conflict", "number")
    free = as_json(run("compare", tolls[0]["a"]["text"], tolls[0]["b"]["text"], "--json"))
    assert free["relation"] != "conflict"  # as free text, nothing ties the two tolls to one incident


def test_pairs_setting_the_same_two_figures_against_each_other_are_listed_once(run):
    for text, outlet in (("The Orvel earthquake left 91,000 dead", "Gazette"),
                         ("238,000 people were killed in the Orvel earthquake", "Ledger"),
                         ("The Orvel earthquake killed 238,000 people", "Post"),
                         ("91,000 people were killed in the Orvel earthquake", "Herald"),
                         ("The Orvel earthquake killed more than 238,000 people", "Courier")):
        assert run("add", text, "--speaker", f"{outlet} desk", "--outlet", outlet,
                   "--published", "2024-05-03").exit_code == 0
    folded = as_json(run("conflicts", "--json"))
    # "more than 238,000" is 238,000 too, and "91,000 dead" counts what "91,000 people were killed" does
    assert len(folded) == 1 and len(folded[0]["repeats"]) == 5
    every = as_json(run("conflicts", "--json", "--each-pair"))
    assert sorted(c["id"] for c in every) == sorted([folded[0]["id"], *folded[0]["repeats"]])
    shown = run("conflicts")
    assert f"also told by 5 conflicts: {', '.join(map(str, folded[0]['repeats']))}" in " ".join(shown.stdout.split())


def test_two_figures_of_what_happened_to_people_fold_however_the_people_are_named():
    def count(text: str, value: float, thing: str | None) -> Count:
        return Count(text, value, value, value, thing, "killed", (0, len(text)))

    def said(n: int, text: str) -> Statement:
        return Statement(text, Speaker(f"Desk {n}"), id=n)

    nine = count("nine bodies", 9, "body")
    bodies = Conflict(said(1, "nine bodies so far"), said(2, "16 bodies"), "number", 0.9,
                      Counts(nine, count("16 bodies", 16, "body"), "killed body"))
    people = Conflict(said(1, "nine bodies so far"), said(3, "16 people died"), "number", 0.5,
                      Counts(nine, count("16 people", 16, None), "killed"))
    (shown, under), = ranking.fold_repeats([bodies, people])
    assert (shown, under) == (bodies, [people])


def test_one_undated_figure_set_against_several_dated_ones_is_listed_once(run):
    for text, outlet, day in (("12 people were killed in the Orvel landslide", "Ledger", "2024-05-03"),
                              ("The Orvel landslide killed 40 people", "Post", "2024-05-03"),
                              ("The Orvel landslide killed 3 people", "Herald", None)):
        dated = ["--published", day] if day else []
        assert run("add", text, "--speaker", f"{outlet} desk", "--outlet", outlet, *dated).exit_code == 0
    every = as_json(run("conflicts", "--json", "--each-pair"))
    assert len(every) == 3
    shown = as_json(run("conflicts", "--json"))
    # the dated sources' dispute stands alone; the undated figure's two pairs are one entry
    assert sorted(len(c["repeats"]) for c in shown) == [0, 1]
    undated = next(c for c in shown if c["repeats"])
    assert "Herald desk" in {undated["a"]["speaker"]["name"], undated["b"]["speaker"]["name"]}


def test_one_denial_contradicted_by_several_statements_is_listed_once_under_the_first_claim(run):
    for text, speaker, day in (("The mayor was arrested at the Orvel border post", "Ledger desk", "03"),
                               ("Police arrested the mayor at the Orvel border post", "Post desk", "04"),
                               ("The ministry denied that the mayor was arrested at the Orvel border post",
                                "Herald desk", "05")):
        assert run("add", text, "--speaker", speaker, "--published", f"2024-05-{day}").exit_code == 0
    every = as_json(run("conflicts", "--json", "--each-pair"))
    assert len(every) == 2 and {c["type"] for c in every} == {"polarity"}
    (shown,) = as_json(run("conflicts", "--json"))
    assert "Ledger desk" in {shown["a"]["speaker"]["name"], shown["b"]["speaker"]["name"]}
    assert len(shown["repeats"]) == 1


def test_one_claim_denied_by_several_statements_is_listed_once(run):
    for text, speaker, day in (("The mayor was arrested at the Orvel border post", "Ledger desk", "03"),
                               ("The ministry denied that the mayor was arrested at the Orvel border post",
                                "Herald desk", "04"),
                               ("Police rejected reports that the mayor was arrested at the Orvel border post",
                                "Courier desk", "05")):
        assert run("add", text, "--speaker", speaker, "--published", f"2024-05-{day}").exit_code == 0
    every = as_json(run("conflicts", "--json", "--each-pair"))
    claimed = [c for c in every if "Ledger desk" in {c["a"]["speaker"]["name"], c["b"]["speaker"]["name"]}]
    assert len(claimed) == 2
    assert len(every) == 2
    (shown,) = as_json(run("conflicts", "--json"))
    assert sorted([shown["id"], *shown["repeats"]]) == sorted(c["id"] for c in claimed)


def test_one_account_against_its_opposite_told_by_several_statements_is_listed_once(run):
    for text, speaker, day in (("Ivo Marsh was holding a pistol when officers shot him at the Orvel depot",
                                "Police chief", "03"),
                               ("Ivo Marsh was unarmed when officers shot him at the Orvel depot",
                                "Marsh family", "03"),
                               ("Ivo Marsh was armed when officers shot him at the Orvel depot", "Police union", "04")):
        assert run("add", text, "--speaker", speaker, "--published", f"2024-05-{day}").exit_code == 0
    every = [c for c in as_json(run("conflicts", "--json", "--each-pair")) if "opposites" in c["evidence"]]
    assert len(every) == 2
    (shown,) = [c for c in as_json(run("conflicts", "--json")) if "opposites" in c["evidence"]]
    assert sorted([shown["id"], *shown["repeats"]]) == sorted(c["id"] for c in every)


def test_three_sources_giving_one_incidents_toll_differently_are_one_dispute(flood, tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text("Varno flood toll disputed\n\nRelief workers said that 31 people were killed in the flood "
                    "in Varno.\n", encoding="utf-8")
    assert flood("ingest", path, "--outlet", "Wire", "--published", "2024-03-04", "--yes").exit_code == 0
    every = [c for c in as_json(flood("conflicts", "--json", "--each-pair")) if c["type"] == "number"]
    assert len(every) == 3  # 12 / 20, 12 / 31, 20 / 31
    (shown,) = [c for c in as_json(flood("conflicts", "--json")) if c["type"] == "number"]
    assert sorted([shown["id"], *shown["repeats"]]) == sorted(c["id"] for c in every)


def test_an_account_and_its_reversal_are_led_by_the_first_telling_against_the_last(run):
    # Recorded out of order: the first telling is found last.
    for text, speaker, day in (("The raid at Orvel was lawful", "Police union", "2024-05-20"),
                               ("The Orvel raid was unlawful", "Inquiry panel", "2024-06-30"),
                               ("The Orvel raid was lawful", "Army spokesman", "2024-05-03")):
        assert run("add", text, "--speaker", speaker, "--published", day).exit_code == 0
    (shown,) = as_json(run("conflicts", "--json"))
    assert {shown["a"]["speaker"]["name"], shown["b"]["speaker"]["name"]} == {"Army spokesman", "Inquiry panel"}


def test_a_headlines_figure_is_not_set_against_other_figures(run, tmp_path):
    for name, text, outlet in (("a.txt", "Varno flood toll rises to 30\n\nThe flood in Varno was the worst "
                                         "in years, residents said.\n", "Ledger"),
                               ("b.txt", "Varno mourns\n\nThe health ministry said on Monday that 12 people "
                                         "were killed in the flood in Varno.\n", "Post")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        title = text.split("\n")[0]
        assert run("ingest", path, "--outlet", outlet, "--title", title, "--published", "2024-05-04",
                   "--yes").exit_code == 0
    headline = [s for s in as_json(run("list", "--json")) if s["text"] == "Varno flood toll rises to 30"]
    assert [(s["speaker"]["name"], s["kind"]) for s in headline] == [("Ledger", "report")]
    assert [c for c in as_json(run("conflicts", "--json")) if c["type"] == "number"] == []


QUARRY_INQUIRY = """Inquiry faults safety at Tessaly quarry

Months after the January 9 blast at the Tessaly quarry near Dunmoor, in Corvia province, an inquiry
has blamed the quarry's owners. The report put the number of dead at 31.
"""


def test_tolls_of_one_incident_months_apart_are_compared_at_ingest_and_after_a_rescan(run, tmp_path):
    wire = QUARRY_WIRE.replace("on Thursday", "on January 9")
    for name, text, outlet, day in (("wire.txt", wire, "Wire", "2024-01-10"),
                                    ("inquiry.txt", QUARRY_INQUIRY, "Post", "2024-06-20")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert run("ingest", path, "--outlet", outlet, "--published", day, "--yes").exit_code == 0
    found = as_json(run("conflicts", "--json"))
    assert [sorted((c["a"]["text"][:20], c["b"]["text"][:20])) for c in found if c["type"] == "number"] == [
        sorted(("Our teams have count", "put the number of de"))]
    assert _kept(as_json(run("conflicts", "--rescan", "--json"))) == _kept(found)


def test_two_sources_of_one_article_giving_the_crowd_differently_conflict(run, tmp_path):
    path = tmp_path / "rally.txt"
    path.write_text("Rally fills Varno square\n\nPolice estimated the crowd at about 40,000 while the "
                    "organisers put the total at 150,000.\n", encoding="utf-8")
    assert run("ingest", path, "--outlet", "Ledger", "--published", "2024-05-04", "--yes").exit_code == 0
    (found,) = as_json(run("conflicts", "--json"))
    assert found["type"] == "number" and found["evidence"]["thing"] == "figure"
    assert "figures: about 40,000 vs 150,000" in " ".join(run("conflicts").stdout.split())
