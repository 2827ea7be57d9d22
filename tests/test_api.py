"""quotetrack used as a library, through the names its package gives (docs/api.md)."""

import quotetrack


def test_the_public_api_records_matches_compares_and_lists_conflicts(tmp_path):
    with quotetrack.open_record(tmp_path / "story.db", editor="Dana") as db:
        first = quotetrack.add_statement(db, "Coalition strikes destroyed three targets near Makhmour on 8 July",
                                         speaker="US Central Command")
        quotetrack.add_statement(db, "Five targets near Makhmour were destroyed by the coalition strikes on 8 July",
                                 speaker="Thomas Veale")
        found = quotetrack.match_claim(db, "strikes destroyed targets near Makhmour")
        listed = quotetrack.list_conflicts(db, status="open")
    assert first.id == 1 and first.speaker.name == "US Central Command"
    assert {f.statement.id for f in found} == {1, 2}
    assert [(c.type, c.a.id, c.b.id) for c in listed] == [("number", 1, 2)]
    assert quotetrack.compare("Two strikes hit the town", "Three strikes hit the town").type == "number"


def test_extract_statements_reads_an_article_without_recording_it():
    found = quotetrack.extract_statements('"We did not fire," Colonel Jan Novak said on Monday.')
    assert [(e.text, e.speaker.name) for e in found] == [("We did not fire", "Jan Novak")]


def test_importing_the_package_loads_no_library_module():
    import subprocess
    import sys

    script = "import quotetrack, sys; print(sorted(m for m in sys.modules if m.startswith('quotetrack')))"
    loaded = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True, text=True, check=True,
    ).stdout
    assert loaded.strip() == "['quotetrack', 'quotetrack.errors', 'quotetrack.evidence', 'quotetrack.models']"
