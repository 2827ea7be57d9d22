"""The record written out: full-fidelity JSON and JSON Lines, flat CSV tables, and schema.org ClaimReview.

JSON and JSON Lines carry the same records, in an order `quotetrack import` can replay:

- speakers that have no statements: ``{"record": "speaker", "speaker": {...}}``;
- articles kept with their source: ``{"record": "article", "source": {...}, "sha256": ..., "text": ...}``,
  so `show --in-source` works and ingesting the same article again adds nothing;
- every statement, in the shape `list --json` gives (the importer's nested form), oldest id first,
  with ``extraction`` (cue, confidence, offsets in the article) when it was extracted;
- every conflict with the editor's review: ``{"record": "conflict", "conflict": {...}}``, whose
  ``a_id``/``b_id`` are the statement ids of the same file.

CSV is for spreadsheets: one flat table per record type (``TABLES``), one row a record and no
JSON or article text in a cell. The statements table is the importer's flat form, so `import`
reads it back (without the articles and conflicts, which are in the other tables or in JSON).

ClaimReview is for publishing: one schema.org ``ClaimReview`` per reviewed conflict. Nothing
here runs SQL; reading goes through ``store``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from . import store
from .csv_cells import protect
from .errors import InvalidInput
from .evidence import to_json
from .inputs import check_url, is_web_url
from .models import Conflict, Speaker, Statement
from .render.common import quoted
from .store import Database

FORMATS = ("json", "jsonl", "csv", "claimreview")

# A statement as one flat row: the importer's flat fields (the speaker by name with title and
# aliases, the source's outlet, address, headline and date) and the record's own ids. `list --csv` and `export --table
# statements` write it; `import` reads it back.
STATEMENT_COLUMNS = (
    "id", "text", "kind", "speaker", "title", "affiliation", "speaker_kind", "aliases", "outlet", "url",
    "source_title", "published", "said_on", "event_date", "place", "tags", "context", "relayed_to",
    "created_at", "speaker_id", "source_id",
)
SPEAKER_COLUMNS = ("id", "name", "title", "affiliation", "kind", "aliases", "statements")
# Each side of a conflict by its statement's id, speaker and text, so that a row reads alone.
CONFLICT_COLUMNS = (
    "id", "type", "score", "status", "a_id", "a_speaker", "a_text", "b_id", "b_speaker", "b_text",
    "evidence", "caveats", "note", "created_at", "reviewed_at", "reviewed_by",
)
# One row per figure a source gave for a thing counted in an event (`quotetrack event ID`).
FIGURE_COLUMNS = (
    "event_id", "event", "counted", "figure", "value", "low", "high", "speaker", "outlet",
    "origin", "reported_on", "statement_id",
)
TABLES = ("statements", "speakers", "conflicts", "figures")

# How many statements are read from the store at a time: a large record never sits in memory whole.
_BATCH = 500

Progress = Callable[[int, int], None]  # (statements done, statements in all)


def conflict_record(conflict: Conflict) -> dict[str, Any]:
    """A conflict and its review, pointing at its two statements by id."""
    return {
        "id": conflict.id,
        "a_id": conflict.a.id,
        "b_id": conflict.b.id,
        "type": conflict.type,
        "score": conflict.score,
        "evidence": to_json(conflict.evidence),
        "caveats": list(conflict.caveats),
        "status": conflict.status,
        "note": conflict.review.note,
        "created_at": conflict.created_at,
        "reviewed_at": conflict.review.at,
        "reviewed_by": conflict.review.by,
    }


def iter_statements(db: Database) -> Iterator[dict[str, Any]]:
    """Every statement as a record, in id order, read a batch at a time."""
    ids: list[int] = []
    for statement_id, _text in store.statement_texts(db):
        ids.append(statement_id)
        if len(ids) == _BATCH:
            yield from _statement_records(db, ids)
            ids = []
    if ids:
        yield from _statement_records(db, ids)


def _statement_records(db: Database, ids: list[int]) -> Iterator[dict[str, Any]]:
    extraction = store.extraction_details_many(db, ids)
    for statement in store.get_statements(db, ids):
        item = statement.to_dict()
        if statement.id in extraction:
            item["extraction"] = extraction[statement.id]
        yield item


def records(db: Database, progress: Progress | None = None) -> Iterator[dict[str, Any]]:
    """Every record of the export, in replay order; ``progress(done, total)`` as statements go."""
    counts = store.speaker_statement_counts(db)
    total = store.count_statements(db) if progress else 0
    for speaker in store.all_speakers(db):
        if not counts.get(speaker.id or 0):
            yield {"record": "speaker", "speaker": speaker.to_dict()}
    for source, text, sha256 in store.articles(db):
        yield {"record": "article", "source": source.to_dict(), "sha256": sha256, "text": text}
    for done, item in enumerate(iter_statements(db), 1):
        yield item
        if progress:
            progress(done, total)
    for conflict in sorted(store.list_conflicts(db), key=lambda c: c.id or 0):
        yield {"record": "conflict", "conflict": conflict_record(conflict)}


# --- writers ---


def write(db: Database, fmt: str, stream: TextIO, *, progress: Progress | None = None,
          base_url: str | None = None, publisher: str | None = None) -> int:
    """Write the record to ``stream`` in ``fmt``; returns how many records were written."""
    check_format(fmt)
    if fmt == "claimreview":
        reviews = claim_reviews(store.list_conflicts(db), base_url=base_url, publisher=publisher)
        stream.write(embeddable_json(reviews) + "\n")
        return len(reviews)
    written = 0
    if fmt == "jsonl":
        for item in records(db, progress):
            stream.write(json.dumps(item, ensure_ascii=False) + "\n")
            written += 1
    elif fmt == "json":
        # One JSON array, streamed item by item so a large record is never held whole.
        stream.write("[")
        for item in records(db, progress):
            body = json.dumps(item, indent=2, ensure_ascii=False).replace("\n", "\n  ")
            stream.write(("," if written else "") + "\n  " + body)
            written += 1
        stream.write("\n]\n" if written else "]\n")
    else:
        written = write_table(db, "statements", stream, progress=progress)
    return written


# --- flat tables (CSV) ---


def check_table(table: str) -> str:
    if table not in TABLES:
        raise InvalidInput(f"Table {table!r} is not one of: {', '.join(TABLES)}.")
    return table


def write_table(db: Database, table: str, stream: TextIO, *, progress: Progress | None = None) -> int:
    """One record type as a CSV table on ``stream``; returns how many rows were written."""
    check_table(table)
    if table == "statements":
        total = store.count_statements(db) if progress else 0

        def rows() -> Iterator[dict[str, Any]]:
            for done, item in enumerate(iter_statements(db), 1):
                yield statement_row(item)
                if progress:
                    progress(done, total)

        return write_csv(stream, STATEMENT_COLUMNS, rows())
    if table == "speakers":
        counts = store.speaker_statement_counts(db)
        return write_csv(stream, SPEAKER_COLUMNS, (
            speaker.to_dict() | {"aliases": join_list(speaker.aliases), "statements": counts.get(speaker.id or 0, 0)}
            for speaker in store.all_speakers(db)))
    if table == "conflicts":
        return write_csv(stream, CONFLICT_COLUMNS, (
            conflict_row(c) for c in sorted(store.list_conflicts(db), key=lambda c: c.id or 0)))
    return write_csv(stream, FIGURE_COLUMNS, figure_rows(db))


def write_tables(db: Database, folder: Path, *, force: bool = False) -> list[tuple[Path, int]]:
    """Every table as ``folder/TABLE.csv`` (the folder made if need be): (file, rows) for each.

    Every file is checked before the first is written, so a refused one leaves the others as they were."""
    from .files import replacing, writable_target

    if folder.exists() and not folder.is_dir():
        raise InvalidInput(f"{folder} is not a folder; --format csv writes one file per table into a folder "
                           "(or give --table to write one table).")
    targets = [(table, folder / f"{table}.csv") for table in TABLES]
    if folder.exists():
        for _, target in targets:
            writable_target(target, force)
    try:
        folder.mkdir(exist_ok=True)
    except FileNotFoundError:
        raise InvalidInput(f"There is no folder {folder.parent} to make {folder.name} in.") from None
    written = []
    for table, target in targets:
        with replacing(target, force) as stream:
            written.append((target, write_table(db, table, stream)))
    return written


def write_csv(stream: TextIO, columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> int:
    """A header and one row per record, each cell safe to open in a spreadsheet (``protect``)."""
    # The csv module's own dialect (RFC 4180 rows ending in CRLF): it quotes a cell holding a
    # carriage return only when the line ends hold one, and an unquoted CR ends the row on import.
    writer = csv.writer(stream)
    writer.writerow(columns)
    written = 0
    for row in rows:
        writer.writerow(["" if row.get(column) is None else protect(_cell(row[column])) for column in columns])
        written += 1
    return written


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def statement_row(item: dict[str, Any]) -> dict[str, Any]:
    """A statement (as ``Statement.to_dict()`` gives it) as one flat row of ``STATEMENT_COLUMNS``."""
    speaker = item["speaker"]
    source = item["source"] or {}
    return {
        "id": item["id"], "text": item["text"], "kind": item["kind"],
        "speaker": speaker["name"], "title": speaker["title"], "affiliation": speaker["affiliation"],
        "speaker_kind": speaker["kind"], "aliases": join_list(speaker["aliases"]),
        "outlet": source.get("outlet"), "url": source.get("url"),
        "source_title": source.get("title"), "published": source.get("published"),
        "said_on": item["said_on"], "event_date": item["event_date"], "place": item["place"],
        "tags": join_list(item["tags"]), "context": item["context"], "relayed_to": item["relayed_to"],
        "created_at": item["created_at"], "speaker_id": speaker["id"], "source_id": source.get("id"),
    }


def conflict_row(conflict: Conflict) -> dict[str, Any]:
    """A conflict as one flat row: its two sides in words, its evidence as the terminal shows it."""
    from .render.common import evidence_line

    return conflict_record(conflict) | {
        "a_speaker": conflict.a.speaker.name, "a_text": conflict.a.text,
        "b_speaker": conflict.b.speaker.name, "b_text": conflict.b.text,
        "evidence": evidence_line(conflict), "caveats": "; ".join(conflict.caveats),
    }


def figure_rows(db: Database) -> Iterator[dict[str, Any]]:
    """Every figure of every event, event by event, each thing counted in time order."""
    from . import events

    for summary, table in events.every_figure_table(db):
        for row in table:
            for figure in row.figures:
                shown = figure.to_dict()
                yield {
                    "event_id": summary.id, "event": summary.name, "counted": row.label,
                    "figure": shown["shown"], "value": shown["value"], "low": shown["low"], "high": shown["high"],
                    "speaker": figure.speaker, "outlet": figure.outlet, "origin": figure.origin,
                    "reported_on": shown["reported_on"], "statement_id": figure.statement_id,
                }


# What could end the <script type="application/ld+json"> element a page embeds the reviews in, or
# start markup inside it, written as JSON escapes: the same JSON to every reader, nothing for HTML.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                              "\u2028": "\\u2028", "\u2029": "\\u2029"})


def embeddable_json(data: Any) -> str:
    """``data`` as indented JSON that can sit inside an HTML ``<script>`` element as it is.

    Outside strings JSON has none of these characters, so the text is translated as a whole."""
    return json.dumps(data, indent=2, ensure_ascii=False).translate(_SCRIPT_SAFE)


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise InvalidInput(f"Export format {fmt!r} is not one of: {', '.join(FORMATS)}.")
    return fmt


def join_list(values: Sequence[str]) -> str:
    """A list in one CSV cell: "a; b" as the importer reads it, or a JSON array when an item holds ';'."""
    if any(";" in v or v != v.strip() for v in values) or (values and values[0].startswith("[")):
        return json.dumps(list(values), ensure_ascii=False)
    return "; ".join(values)


# --- schema.org ClaimReview ---

# The editor's verdict as a rating: 1 (contradicted by the record) to 2 (no contradiction).
_WORST, _BEST = 1, 2
_VERDICTS = {
    "polarity": "Contradicted by the record",
    "number": "Numbers contradicted by the record",
    "date": "Date contradicted by the record",
    "misattribution": "Misattributed",
    "altered": "Altered quote",
    "self": "Contradicts the speaker's own statement",
}


def claim_reviews(conflicts: Sequence[Conflict], *, base_url: str | None = None,
                  publisher: str | None = None) -> list[dict[str, Any]]:
    """schema.org ClaimReview JSON-LD, one per conflict an editor has confirmed or dismissed.

    The claim reviewed is the later statement of the pair (``b``); the earlier one is named in
    the review body. ``base_url`` is where the reviews are published (``url`` gets
    ``#conflict-ID``); ``publisher`` the organisation publishing them.
    """
    check_url(base_url, "--base-url")
    reviews = []
    for conflict in sorted(conflicts, key=lambda c: c.id or 0):
        if conflict.status == "open":
            continue
        claim, other = conflict.b, conflict.a
        confirmed = conflict.status == "confirmed"
        verdict = _VERDICTS.get(conflict.type, "Contradicted by the record") if confirmed else "No contradiction found"
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": f"quotetrack-conflict-{conflict.id}",
            "claimReviewed": claim.text,
            "itemReviewed": _claim(claim),
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": _WORST if confirmed else _BEST,
                "worstRating": _WORST,
                "bestRating": _BEST,
                "alternateName": verdict,
                "ratingExplanation": conflict.review.note or _explanation(conflict, other),
            },
            "reviewBody": _explanation(conflict, other)
            + (f" Editor's note: {conflict.review.note}" if conflict.review.note else ""),
        }
        if conflict.review.at:
            review["datePublished"] = conflict.review.at[:10]
        if base_url:
            review["url"] = f"{base_url.rstrip('#')}#conflict-{conflict.id}"
        author = _organisation(publisher) if publisher else (
            {"@type": "Person", "name": conflict.review.by} if conflict.review.by else None
        )
        if author:
            review["author"] = author
        reviews.append(review)
    return reviews


def _explanation(conflict: Conflict, other: Statement) -> str:
    where = ", ".join(x for x in (
        other.source.outlet if other.source else None,
        _when(other),
    ) if x)
    said = f"{other.speaker.name}{f' ({where})' if where else ''}: {quoted(other)}"
    if conflict.status == "confirmed":
        return f"Contradicted ({conflict.type}) by {said}."
    return f"Checked against {said}; the editor found no contradiction."


def _when(statement: Statement) -> str | None:
    day = statement.said_on or (statement.source.published if statement.source else None)
    return day.isoformat() if day else None


def _claim(statement: Statement) -> dict[str, Any]:
    claim: dict[str, Any] = {"@type": "Claim", "author": _author(statement.speaker)}
    when = _when(statement)
    if when:
        claim["datePublished"] = when
    source = statement.source
    if source and any((source.url, source.outlet, source.title)):
        appearance: dict[str, Any] = {"@type": "CreativeWork"}
        if source.url and is_web_url(source.url):  # a record kept from before URLs were checked
            appearance["url"] = source.url
        if source.title:
            appearance["headline"] = source.title
        if source.published:
            appearance["datePublished"] = source.published.isoformat()
        if source.outlet:
            appearance["publisher"] = _organisation(source.outlet)
        claim["appearance"] = appearance
    return claim


def _author(speaker: Speaker) -> dict[str, Any]:
    if speaker.kind != "person":
        # Claim.author takes a Person or an Organization; a document speaks for the body behind it.
        return _organisation(speaker.name)
    person: dict[str, Any] = {"@type": "Person", "name": speaker.name}
    if speaker.title:
        person["jobTitle"] = speaker.title
    if speaker.affiliation:
        person["affiliation"] = _organisation(speaker.affiliation)
    if speaker.aliases:
        person["alternateName"] = list(speaker.aliases)
    return person


def _organisation(name: str) -> dict[str, Any]:
    return {"@type": "Organization", "name": name}
