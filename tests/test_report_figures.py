"""The dossier and the conflict list carry an event's reported figures (issue 9)."""

from pathlib import Path

from conftest import as_json

FIXTURE = Path(__file__).parent / "fixtures" / "qasrok-bombing.jsonl"


def test_report_json_and_markdown_carry_the_figure_table(run, tmp_path):
    assert run("import", FIXTURE).exit_code == 0
    dossier = as_json(run("report", "--json"))
    tables = dossier["figures"]
    assert tables, "the bombing's figures are missing from the dossier"
    killed = [row for t in tables for row in t["rows"] if row["role"] == "killed"]
    assert killed and killed[0]["status"] == "contested"
    output = tmp_path / "story.md"
    assert run("report", "--output", output).exit_code == 0
    assert "## Reported figures" in output.read_text()
    page = tmp_path / "story.html"
    assert run("report", "--output", page).exit_code == 0
    assert "<h2>Reported figures</h2>" in page.read_text()


def test_number_conflicts_link_to_their_event(run):
    assert run("import", FIXTURE).exit_code == 0
    assert run("events", "--json").exit_code == 0
    numbers = as_json(run("conflicts", "--type", "number", "--json"))
    assert numbers, "the tolls should disagree"
    linked = [c for c in numbers if c["event_id"] is not None]
    assert linked
    event = as_json(run("event", linked[0]["event_id"], "--json"))
    assert linked[0]["a"]["id"] in {s["id"] for s in event["timeline"]}
    assert linked[0]["id"] in {c["id"] for c in event["conflicts"]}
