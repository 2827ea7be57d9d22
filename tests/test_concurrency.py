"""Two writers at once both succeed: the busy timeout and immediate transactions at work."""

import subprocess
import sys
import textwrap

from quotetrack import store

WRITER = textwrap.dedent(
    """
    import sys
    from quotetrack import record, store
    from quotetrack.models import Speaker, Statement
    db = store.open_record(sys.argv[1])
    for i in range(int(sys.argv[3])):
        record.add_statement(db, Statement(text=f"{sys.argv[2]} statement {i}", speaker=Speaker(name=sys.argv[2])))
    """
)


def test_two_processes_adding_200_each(tmp_path):
    path = tmp_path / "shared.db"
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, "200"],
                         stderr=subprocess.PIPE, text=True)
        for name in ("Ann Smith", "Bob Jones")
    ]
    errors = [w.communicate(timeout=300)[1] for w in writers]
    assert [w.returncode for w in writers] == [0, 0], errors
    db = store.open_record(path)
    assert store.count_statements(db) == 400
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
