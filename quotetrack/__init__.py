"""quotetrack as a library: keep track of who said what, and catch contradictions.

The public API, each a thin, documented door into the module that does the work::

    import quotetrack

    with quotetrack.open_record("story.db", editor="Dana") as db:
        quotetrack.add_statement(db, "There were no Peshmerga operations near Makhmour that day",
                                 speaker="Col. Srood")
        for found in quotetrack.match_claim(db, "no Peshmerga operations near Makhmour"):
            print(found.match.score, found.statement.text)
        for conflict in quotetrack.list_conflicts(db, status="open"):
            print(conflict.type, conflict.a.text, "/", conflict.b.text)

The functions' names differ from the modules' (``match_claim``, not ``match``) because a
package's submodule, once imported, takes the attribute of its name. The library modules are
imported by these functions, not here: ``import quotetrack`` (which every command does) stays as
cheap as the data classes it names.
"""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING

from .errors import Ambiguous, DatabaseError, InvalidInput, NotFound, QuotetrackError
from .models import Conflict, Source, Speaker, Statement

if TYPE_CHECKING:
    from .claims import Found
    from .conflicts import Verdict
    from .extract import Extracted
    from .store import Database

__all__ = [
    "Ambiguous", "Conflict", "DatabaseError", "InvalidInput", "NotFound", "QuotetrackError", "Source",
    "Speaker", "Statement", "add_statement", "compare", "extract_statements", "list_conflicts", "match_claim",
    "open_record",
]


def open_record(location: str | os.PathLike[str] | None = None, *, editor: str | None = None) -> Database:
    """Open the record (an SQLite file or a ``postgresql://`` URL), creating and migrating it as needed.

    By default the location is ``$QUOTETRACK_DB``, else the user's own record. ``editor`` is kept
    with every change made through the returned database. It is a context manager: leaving the
    ``with`` block closes it.
    """
    from .store import open_record as open_

    return open_(location, editor=editor)


def extract_statements(text: str, published: date | None = None, *, outlet: str | None = None,
                       quotes_only: bool = False) -> list[Extracted]:
    """The attributed statements in an article's text, in article order (nothing is recorded).

    ``published`` anchors relative dates ("on Wednesday"); ``outlet`` is the speaker of the
    outlet's own reports, which ``quotes_only`` leaves out.
    """
    from .extract import extract_statements as extract

    return extract(text, published, outlet=outlet, quotes_only=quotes_only)


def add_statement(db: Database, text: str, *, speaker: str, kind: str = "quote", outlet: str | None = None,
        said_on: date | None = None, event_date: date | None = None, new_speaker: bool = False) -> Statement:
    """Record one statement (one transaction) and look for its conflicts; returns it as stored.

    ``speaker`` is a name or alias: a known speaker is reused, an ambiguous name raises
    ``Ambiguous`` unless ``new_speaker`` is given.
    """
    from . import record

    statement = Statement(text=record.clean_text(text), speaker=Speaker(name=speaker), kind=kind,
                          source=Source(outlet=outlet) if outlet else None, said_on=said_on,
                          event_date=event_date)
    return record.add_statement(db, statement, new_speaker=new_speaker)


def match_claim(db: Database, text: str, *, speaker: str | None = None, limit: int = 10,
          min_score: float | None = None) -> list[Found]:
    """Stored statements that make the same claim as ``text``, best first (scores 0–100)."""
    from .claims import match_text

    return match_text(db, text, speaker=speaker, limit=limit, min_score=min_score)


def compare(a: str | Statement, b: str | Statement) -> Verdict:
    """Judge two statements, stored or not: the same claim, a conflict (with its evidence), or unrelated."""
    from .pairs import judge, statement

    return judge(a if isinstance(a, Statement) else statement(a),
                 b if isinstance(b, Statement) else statement(b))


def list_conflicts(db: Database, *, status: str | None = None, type_: str | None = None,
              limit: int | None = None) -> list[Conflict]:
    """The conflicts on record, best first, optionally only one review status or type."""
    from . import store

    return store.list_conflicts(db, status=status, type_=type_, limit=limit)
