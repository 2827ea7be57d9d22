"""A Datasette metadata file for the record: what makes it browse like a newsroom's database.

Datasette (https://datasette.io, 0.65) opens the record's SQLite file as it is. The metadata tells
it what it cannot guess:

- statements are searched through ``statements_fts`` (FTS5, one row per statement, its rowid the
  statement's id), so the statements page gets a search box and ``?_search=`` works;
- which column names a row where another table points at it: the outlet for a source (Datasette
  would take its headline), the words for a statement (so a conflict's ``a_id`` and ``b_id`` read
  as the two statements), a speaker's name, an event's name;
- quotetrack's own machinery (migration records, the speaker-key index, the grouping state) is
  hidden; Datasette hides the FTS5 tables itself;
- two canned queries: open conflicts with both sides, and the statements giving figures, by event.

The FTS table stays a standalone one: Datasette finds an FTS table by itself only when it is an
external-content table over ``statements``, and ``statements_fts`` also indexes the speaker's names
and the outlet, which are not columns of ``statements``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .render.common import inert_json
from .text.numbers import number_words

# Tables Datasette would list that are quotetrack's machinery, not the record.
HIDDEN = ("_sqlite_migrations", "speaker_keys", "speaker_keys_state", "event_grouping")

OPEN_CONFLICTS = """\
SELECT c.id, c.type, round(c.score, 2) AS score,
       sa.name AS a_speaker, a.text AS a_text, soa.outlet AS a_outlet,
       coalesce(a.event_date, a.said_on, soa.published) AS a_date,
       sb.name AS b_speaker, b.text AS b_text, sob.outlet AS b_outlet,
       coalesce(b.event_date, b.said_on, sob.published) AS b_date,
       c.caveats, c.created_at
FROM conflicts c
JOIN statements a ON a.id = c.a_id
JOIN speakers sa ON sa.id = a.speaker_id
LEFT JOIN sources soa ON soa.id = a.source_id
JOIN statements b ON b.id = c.b_id
JOIN speakers sb ON sb.id = b.speaker_id
LEFT JOIN sources sob ON sob.id = b.source_id
WHERE c.status = 'open'
ORDER BY c.score DESC, c.id"""

FIGURES_BY_EVENT = """\
SELECT e.id AS event_id, coalesce(e.name, e.auto_name) AS event, e.first_day, e.last_day,
       s.id AS statement_id, sp.name AS speaker, so.outlet,
       coalesce(s.said_on, so.published) AS reported_on, s.text
FROM events e
JOIN event_statements es ON es.event_id = e.id
JOIN statements s ON s.id = es.statement_id
JOIN speakers sp ON sp.id = s.speaker_id
LEFT JOIN sources so ON so.id = s.source_id
WHERE s.id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH '{numbers}')
ORDER BY e.first_day, e.id, reported_on, s.id"""


def numbers_query() -> str:
    """An FTS5 query for statement text that holds a number: a word starting with a digit, or a
    number word of quotetrack's lexicon (data/number_words.tsv) — what a figure needs."""
    units, scales = number_words()
    words = sorted(w for w in {*units, *scales} if w.isalpha())
    return "text : (" + " OR ".join([*(f"{d}*" for d in range(10)), *words]) + ")"


def database_name(path: str | Path) -> str:
    """The name Datasette gives a database file: its name without the extension."""
    return Path(path).stem


def metadata(path: str | Path, title: str | None = None) -> dict[str, Any]:
    """The metadata for the record at ``path`` (``datasette PATH -m metadata.json``)."""
    name = database_name(path)
    tables: dict[str, Any] = {
        "statements": {
            "fts_table": "statements_fts", "fts_pk": "id", "label_column": "text", "sort_desc": "id",
            "description": "Attributed statements. The search box finds words in the statement, "
                           "the speaker's names and the outlet.",
        },
        "sources": {"label_column": "outlet", "description": "Where statements were published."},
        "speakers": {"label_column": "name"},
        "events": {"label_column": "auto_name", "description": "Statements about one incident, grouped."},
        "conflicts": {"sort_desc": "score",
                      "description": "Contradictions between two statements (a_id, b_id) and their review."},
        **{table: {"hidden": True} for table in HIDDEN},
    }
    return {
        "title": title or f"quotetrack record: {name}",
        "databases": {name: {
            "tables": tables,
            "queries": {
                "open_conflicts": {"title": "Open conflicts with both sides", "sql": OPEN_CONFLICTS},
                "figures_by_event": {
                    "title": "Figures by event",
                    "description": "Statements that give a number, by event; `quotetrack event ID` reads "
                                   "the figures themselves.",
                    "sql": FIGURES_BY_EVENT.format(numbers=numbers_query()),
                },
            },
        }},
    }


def to_json(metadata: dict[str, Any]) -> str:
    """The metadata as indented JSON text, ending in a newline."""
    return inert_json(json.dumps(metadata, indent=2, ensure_ascii=False)) + "\n"


def command(path: str | Path, metadata_file: str | Path) -> str:
    """The one command that opens the record with its metadata."""
    import shlex

    return f"datasette {shlex.quote(str(path))} -m {shlex.quote(str(metadata_file))}"
