"""What editors do to the record: add, import, edit, delete, alias and merge speakers.

Each operation is one transaction over ``store``; which speaker a name stands for is
``speaker_resolution``'s to say.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from . import store
from .csv_cells import allow_fields_of, unprotect
from .errors import Ambiguous, Duplicate, InvalidInput, NotFound
from .inputs import check_kind, check_url, clean_text
from .models import CONFLICT_STATUSES, STATEMENT_KINDS, Source, Speaker, Statement
from .speaker_resolution import find_speaker, speaker_for, speaker_form, speakers_named
from .store import Database
from .text.encoding import announced_encoding, decode_marked


def _detect_conflicts(db: Database, statement_ids: list[int], *, changed: bool = False) -> None:
    """Compare new or changed statements with the record; loaded here, not at start-up, because
    reading commands never need the conflict rules."""
    from . import detect

    detect.detect(db, statement_ids, db.normalizer, changed=changed)


def norm_text(db: Database, text: str) -> str:
    return " ".join(db.normalizer.tokens(text))


# --- speakers ---


def add_alias(db: Database, name: str, alias: str) -> Speaker:
    alias = clean_text(alias, "The alias").strip()
    with store.transaction(db):
        speaker = find_speaker(db, name)
        assert speaker.id is not None
        if not store.insert_alias(db, speaker.id, alias):
            raise Duplicate(f"{speaker.name} already goes by {alias!r}.")
        store.reindex_speaker(db, speaker.id)
        store.log_change(db, "alias", "speaker", speaker.id, {"alias": alias})
        return store.get_speaker(db, speaker.id)


def merge_speakers(db: Database, name_a: str, name_b: str) -> tuple[Speaker, int]:
    """Merge speaker A into B; returns B as it now stands and how many statements moved."""
    with store.transaction(db):
        a = find_speaker(db, name_a)
        b = find_speaker(db, name_b)
        if a.id == b.id:
            raise InvalidInput(f"{name_a!r} and {name_b!r} are already the same speaker.")
        assert a.id is not None and b.id is not None
        moved = store.merge_speakers(db, a.id, b.id)
        store.reindex_speaker(db, b.id)
        return store.get_speaker(db, b.id), moved


# --- statements ---


def source_for(db: Database, source: Source | None) -> Source | None:
    if source is not None and source.id is not None:
        return source  # already the stored one (an import that knows which source it meant)
    if source is None or not any([source.outlet, source.url, source.title, source.published]):
        return None
    check_url(source.url)
    return store.find_source(db, source) or store.insert_source(db, source)


@dataclass
class _Resolved:
    """The speakers and sources an import has stored statements under, by the speaker's form
    (``speaker_form``) and the outlet its records give: the same name again is the same speaker
    by then, and looking it up again for each of a speaker's statements was a tenth of an import.
    Kept only once a statement is stored (a duplicate's savepoint takes a new speaker back);
    forgotten when a record names its speaker by an export's id, which can make a name fit two,
    and when another command wrote to the record between two batches (``Database.others_version``)."""

    speakers: dict[tuple[object, ...], Speaker] = field(default_factory=dict)
    sources: dict[tuple[object, ...], Source | None] = field(default_factory=dict)


def _source_key(source: Source | None) -> tuple[object, ...] | None:
    """What finds a source on record (``source_for``), for one not yet stored."""
    if source is None or source.id is not None:
        return None
    return (source.outlet, source.url, source.title, source.published)


def _store_new(
    db: Database, statement: Statement, *, new_speaker: bool = False, speaker_id: int | None = None,
    extraction: dict[str, Any] | None = None, resolved: _Resolved | None = None,
) -> int:
    """Insert inside the caller's transaction; Duplicate when already on record. ``resolved``:
    the speakers and sources already found by this import, used and kept for a plain record."""
    statement.text = clean_text(statement.text)
    check_kind(statement.kind, STATEMENT_KINDS, "Statement kind")
    memo = resolved if not new_speaker and speaker_id is None else None
    speaker_key, source_key = speaker_form(statement.speaker), _source_key(statement.source)
    if memo is not None and speaker_key in memo.speakers:
        statement.speaker = memo.speakers[speaker_key]
    else:
        statement.speaker = speaker_for(db, statement.speaker, new_speaker=new_speaker, speaker_id=speaker_id)
    if memo is not None and source_key in memo.sources:
        statement.source = memo.sources[source_key]
    else:
        statement.source = source_for(db, statement.source)
    statement_id = store.insert_statement(db, statement, norm_text(db, statement.text), extraction)
    if memo is not None:
        memo.speakers[speaker_key] = statement.speaker
        if source_key is not None:
            memo.sources[source_key] = statement.source
    return statement_id


def add_statement(
    db: Database, statement: Statement, *, new_speaker: bool = False, speaker_id: int | None = None
) -> Statement:
    with store.transaction(db):
        statement_id = _store_new(db, statement, new_speaker=new_speaker, speaker_id=speaker_id)
        _detect_conflicts(db, [statement_id])
    return store.get_statement(db, statement_id)


@dataclass
class ImportResult:
    added: list[int] = field(default_factory=list)
    skipped: int = 0
    conflicts: int = 0  # conflicts (with their reviews) restored from an export


# Records an import writes in one transaction, and its pause between two, long enough for a
# writer waiting on SQLite's busy handler (which looks again every 100 ms at most) to get in.
IMPORT_BATCH = 5000
BATCH_PAUSE_SECONDS = 0.15


def import_records(db: Database, records: Iterable[tuple[str, dict[str, Any]]]) -> ImportResult:
    """Store parsed records; a bad one names its place and nothing is kept.

    Up to ``IMPORT_BATCH`` records are one transaction. A longer import is checked whole first,
    then committed ``IMPORT_BATCH`` records at a time, pausing between batches so that other
    editors' writes get in instead of waiting out the whole import; stopped part way, it keeps
    the batches committed. A record already on record is skipped, so re-running an import
    completes it.
    """
    result = ImportResult()
    # An export names its statements and speakers by the ids they had: map them to ids here so
    # conflicts find their statements and two speakers of one name stay two.
    statement_ids: dict[str, int] = {}
    speaker_ids: dict[str, int] = {}
    source_ids: dict[str, int] = {}
    conflicts: list[tuple[str, dict[str, Any]]] = []
    if not isinstance(records, (list, _JsonLinesFile)):
        records = list(records)  # read twice below (checked, then imported): a generator would be used up
    if not isinstance(records, list) or len(records) > IMPORT_BATCH:
        check_records(records)  # a file read again as it is imported (a streamed one) is checked first too
    resolved, seen = _Resolved(), None
    for number, (batch, last) in enumerate(_batches(records)):
        if number:
            time.sleep(BATCH_PAUSE_SECONDS)
        with store.transaction(db):
            first = len(result.added)
            if seen is None or db.others_version() != seen:
                resolved = _Resolved()  # another command wrote between the batches: look again
            for where, record in batch:
                kind = _record_kind(record, where)
                if kind == "conflict":
                    conflicts.append((where, record))
                    continue
                if kind == "speaker":
                    _import_speaker(db, record, where, speaker_ids)
                    resolved = _Resolved()
                    continue
                if kind == "article":
                    _import_article(db, record, where, source_ids)
                    continue
                statement, options = statement_from_record(record, where)
                file_speaker = _file_speaker_id(record)
                aliases = [statement.speaker.name, *statement.speaker.aliases]  # kept if the name resolves elsewhere
                file_source = _file_source_id(record)
                if file_source in source_ids:
                    statement.source = store.get_source(db, source_ids[file_source])
                extraction = _extraction(record, where)
                if extraction:
                    options["extraction"] = extraction
                if file_speaker in speaker_ids:
                    options["speaker_id"] = speaker_ids[file_speaker]
                elif file_speaker is not None:
                    options |= _file_speaker_options(db, statement.speaker, speaker_ids)
                if "speaker_id" in options or options.get("new_speaker"):
                    resolved = _Resolved()
                try:
                    with store.transaction(db):
                        try:
                            statement_id: int | None = _store_new(db, statement, **options, resolved=resolved)
                        except Ambiguous:
                            # No one is there to ask: a name that fits several speakers on record
                            # becomes a speaker of its own, which an editor can merge later.
                            statement_id = _store_new(db, statement, **options | {"new_speaker": True})
                        assert statement_id is not None
                        result.added.append(statement_id)
                except Duplicate:
                    result.skipped += 1
                    statement_id = store.find_duplicate(
                        db, statement.text, statement.speaker.id or 0,
                        statement.source.id if statement.source else None,
                    )
                except (InvalidInput, NotFound, Ambiguous) as exc:
                    raise type(exc)(f"{where}: {exc}") from None
                if file_speaker not in speaker_ids and file_speaker is not None and statement.speaker.id:
                    speaker_ids[file_speaker] = statement.speaker.id
                    _add_aliases(db, statement.speaker.id, aliases)
                    resolved = _Resolved()
                if record.get("id") is not None and statement_id is not None:
                    statement_ids[str(record["id"])] = statement_id
                if file_source is not None and file_source not in source_ids and statement.source \
                        and statement.source.id is not None:
                    source_ids[file_source] = statement.source.id
            if last:
                for where, record in conflicts:
                    _import_conflict(db, record, where, statement_ids)
                    result.conflicts += 1
            _detect_conflicts(db, result.added[first:])
        seen = db.others_version()
    return result


def check_records(records: Iterable[tuple[str, dict[str, Any]]]) -> None:
    """Raise, naming its place, for the first record that cannot be imported as it stands:
    what a long import checks before its first batch is committed."""
    for where, record in records:
        if _record_kind(record, where) == "statement":
            statement_from_record(record, where)
            _extraction(record, where)


def _record_kind(record: dict[str, Any], where: str) -> str:
    kind = record.get("record") or "statement"
    if kind not in ("statement", "speaker", "article", "conflict"):
        raise InvalidInput(f"{where}: 'record' must be statement, speaker, article or conflict, not {kind!r}.")
    return str(kind)


def _batches(records: Iterable[tuple[str, dict[str, Any]]]) -> Iterator[tuple[list[tuple[str, dict[str, Any]]], bool]]:
    """The records ``IMPORT_BATCH`` at a time, each with whether it is the last batch; one empty
    batch for no records. A streamed file is read a batch at a time."""
    rest = iter(records)
    batch = list(islice(rest, IMPORT_BATCH))
    while True:
        following = list(islice(rest, IMPORT_BATCH))
        yield batch, not following
        if not following:
            return
        batch = following


def read_file(path: Path | str, what: str = "a file", limit: int | None = None) -> bytes:
    """A file's bytes, ``-`` for standard input; a missing or unreadable file is the user's error.

    ``limit``: refuse a file longer than this many bytes, without reading more than that.
    """
    name = str(path)
    with _file_errors(name, what):
        if name == "-":
            data = sys.stdin.buffer.read() if limit is None else sys.stdin.buffer.read(limit + 1)
        else:
            with Path(path).open("rb") as file:
                data = file.read() if limit is None else file.read(limit + 1)
    if limit is not None and len(data) > limit:
        raise InvalidInput(f"{name} is over {_megabytes(limit)} MB, more than {what} should be; "
                           "raise the limit with --max-size if it is one.")
    return data


@contextmanager
def _file_errors(name: str, what: str) -> Iterator[None]:
    """A missing, unreadable or folder path is the user's error, said in one sentence."""
    try:
        yield
    except FileNotFoundError:
        raise InvalidInput(f"There is no file {name}.") from None
    except IsADirectoryError:
        raise InvalidInput(f"{name} is a folder, not {what}.") from None
    except OSError as exc:
        raise InvalidInput(f"{name} cannot be read ({exc.strerror or exc}).") from None


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:g}"


def read_records(path: Path | str, data: bytes | None = None) -> Iterable[tuple[str, dict[str, Any]]]:
    """JSON Lines or CSV records with their place ("line 3") for error messages.

    A JSON Lines file is read through once here, so that a bad record is refused before anything
    is written, and again, a line at a time, by whoever iterates over the result: a file of a
    million records is never held in memory.
    """
    name = str(path)
    if data is None and name != "-" and Path(path).is_file() and _json_lines_file(Path(path)):
        return _JsonLinesFile(Path(path), name)
    if data is None:
        data = read_file(path, "a file to import")
    text = decode_text(data, name)
    if not text.strip():
        raise InvalidInput(f"{name} is empty; nothing to import.")
    if name.lower().endswith(".csv") or (
        not name.lower().endswith((".jsonl", ".json", ".ndjson"))
        and not text.lstrip().startswith(("{", "["))
    ):
        return list(_csv_records(text, name))
    if text.lstrip().startswith("["):
        return list(_json_array_records(text, name))
    return list(jsonl_records(text, name))


def decode_text(data: bytes, name: str) -> str:
    """A file's text: UTF-8, or the encoding its byte order mark announces (Windows saves
    "Unicode" text as UTF-16 with one)."""
    try:
        text = decode_marked(data)
        if text is None:
            text = "\x00" if b"\x00" in data else data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(f"{name} is not UTF-8 text; save it as UTF-8 and try again.") from None
    if "\x00" in text:
        raise InvalidInput(f"{name} is not a text file (it contains NUL bytes).")
    return text


def _json_lines_file(path: Path) -> bool:
    """Is ``path`` a JSON Lines file (by its name, or, named otherwise, by a first record that
    opens with "{")? Unreadable files are left to ``read_file`` to explain."""
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return True
    if suffix in (".csv", ".json"):
        return False
    try:
        with path.open("rb") as file:
            head = file.read(4096)
    except OSError:
        return False
    try:
        text = decode_marked(head) or head.decode("utf-8", errors="ignore")
    except UnicodeDecodeError:
        return False
    return text.lstrip().startswith("{")


class _JsonLinesFile:
    """The records of a JSON Lines file, read a line at a time each time they are iterated."""

    def __init__(self, path: Path, name: str) -> None:
        self.path, self.name = path, name
        with path.open("rb") as file:
            head = file.read(8192)
        if announced_encoding(head) is None and b"\x00" in head:  # a binary file: say so, not "not UTF-8"
            raise InvalidInput(f"{name} is not a text file (it contains NUL bytes).")
        if not sum(1 for _ in self):  # every line read once: a bad one is refused now
            raise InvalidInput(f"{name} is empty; nothing to import.")

    def __iter__(self) -> Iterator[tuple[str, dict[str, Any]]]:
        try:
            with _file_errors(self.name, "a file to import"), self.path.open("rb") as raw:
                encoding = announced_encoding(raw.read(4)) or "utf-8-sig"
                raw.seek(0)
                # newline=None ends a line at LF, CR or CRLF only, as ``input_lines`` does.
                for number, line in enumerate(io.TextIOWrapper(raw, encoding=encoding, newline=None), 1):
                    if "\x00" in line:
                        raise InvalidInput(f"{self.name} is not a text file (it contains NUL bytes).")
                    if line.strip():
                        where = f"{self.name} line {number}"
                        yield _json_object(_parse_json(line, where), where)
        except UnicodeDecodeError:
            raise InvalidInput(f"{self.name} is not UTF-8 text; save it as UTF-8 and try again.") from None


def input_lines(text: str) -> list[str]:
    """Lines of a JSON Lines or TSV file. Only line feeds and carriage returns end a line:
    splitlines() would also break at U+2028, U+0085 and the like, which JSON allows in strings."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def jsonl_records(text: str, name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """The records of a JSON Lines text, each with where it is ("NAME line N")."""
    for number, line in enumerate(input_lines(text), 1):
        if not line.strip():
            continue
        where = f"{name} line {number}"
        yield _json_object(_parse_json(line, where), where)


def _json_array_records(text: str, name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """A JSON array of records, as `export --format json` writes."""
    items = _parse_json(text, name, at_line=True)
    if not isinstance(items, list):
        raise InvalidInput(f"{name} is not a JSON array of records.")
    for number, item in enumerate(items, 1):
        yield _json_object(item, f"{name} record {number}")


def _json_object(value: Any, where: str) -> tuple[str, dict[str, Any]]:
    """A record read from ``where``, which must be a JSON object."""
    if not isinstance(value, dict):
        raise InvalidInput(f"{where} is not a JSON object.")
    return where, value


def _parse_json(text: str, what: str, at_line: bool = False) -> Any:
    """``text`` read as JSON; ``what`` names it in the error when it is not (with the line, for a whole file)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        line = f" at line {exc.lineno}" if at_line else ""
        raise InvalidInput(f"{what} is not valid JSON ({exc.msg}{line}).") from None


def _csv_records(text: str, name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    allow_fields_of(text)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise InvalidInput(f"{name} has no CSV header row ({exc}).") from None
    header = [h.strip() for h in header]
    if "text" not in header:
        raise InvalidInput(f"{name} has no 'text' column; the first row must name the columns.")
    try:
        for row in reader:
            number = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise InvalidInput(
                    f"{name} line {number} has {len(row)} fields where the header has {len(header)}."
                )
            yield f"{name} line {number}", {k: (unprotect(v) if v != "" else None)
                                            for k, v in zip(header, row, strict=True)}
    except csv.Error as exc:
        raise InvalidInput(f"{name} line {reader.line_num} is not valid CSV ({exc}).") from None


_TEXT_FIELDS = ("text", "kind", "place", "context", "relayed_to", "title", "affiliation",
                "speaker_kind", "outlet", "url", "source_title", "created_at", "new_speaker")


def _field(record: dict[str, Any], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"{where}: {key!r} must be text, not {type(value).__name__}.")
    return value


def statement_from_record(record: dict[str, Any], where: str) -> tuple[Statement, dict[str, Any]]:
    """A statement from a flat record (as `add` takes) or a nested one (as `list --json` gives)."""
    from .text import parse_date  # here: `list` and `show` never load the date reader

    try:
        text = clean_text(_field(record, "text", where))
        speaker = _speaker_from_record(record, where)
        source = _source_from_record(record, where)
        tags = _list_field(record.get("tags"), "tags")
        statement = Statement(
            text=text,
            speaker=speaker,
            kind=_field(record, "kind", where) or "quote",
            source=source,
            said_on=parse_date(_field(record, "said_on", where), "said_on"),
            event_date=parse_date(_field(record, "event_date", where), "event_date"),
            place=_field(record, "place", where),
            tags=tags,
            context=_field(record, "context", where),
            relayed_to=_field(record, "relayed_to", where),
            created_at=_field(record, "created_at", where),
        )
        check_kind(statement.kind, STATEMENT_KINDS, "Statement kind")
    except InvalidInput as exc:
        message = str(exc)
        raise InvalidInput(message if message.startswith(where) else f"{where}: {message}") from None
    new = record.get("new_speaker")
    return statement, {"new_speaker": new in (True, "true", "1", "yes")}


def _speaker_from_record(record: dict[str, Any], where: str) -> Speaker:
    value = record.get("speaker")
    if isinstance(value, dict):
        aliases = _list_field(value.get("aliases"), "aliases")
        return Speaker(
            name=clean_text(_field(value, "name", where), "The speaker name"),
            title=_field(value, "title", where),
            affiliation=_field(value, "affiliation", where),
            kind=_field(value, "kind", where) or "person",
            aliases=aliases,
        )
    if value is None:
        raise InvalidInput("the record has no 'speaker'.")
    if not isinstance(value, str):
        raise InvalidInput(f"'speaker' must be text or an object, not {type(value).__name__}.")
    return Speaker(
        name=clean_text(value, "The speaker name"),
        title=_field(record, "title", where),
        affiliation=_field(record, "affiliation", where),
        kind=_field(record, "speaker_kind", where) or "person",
        aliases=_list_field(record.get("aliases"), "aliases"),
    )


def _list_field(value: Any, key: str) -> list[str]:
    """A list of text, given as a list, as a JSON array in text, or as text separated by ';'."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        if value.startswith("["):
            try:
                value = json.loads(value)
            except json.JSONDecodeError:
                pass
        if isinstance(value, str):
            return [item.strip() for item in value.split(";") if item.strip()]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InvalidInput(f"'{key}' must be a list of text or text separated by ';'.")
    return value


def _file_speaker_id(record: dict[str, Any]) -> str | None:
    """The speaker's id in the file being imported (an export's), if it gives one."""
    speaker = record.get("speaker")
    value = speaker.get("id") if isinstance(speaker, dict) else record.get("speaker_id")
    return None if value is None or value == "" else str(value)


def _file_speaker_options(db: Database, speaker: Speaker, speaker_ids: dict[str, int]) -> dict[str, Any]:
    """How to store the first statement of a speaker the file names by id.

    The stored speaker of the same name (the same title and affiliation first) that no other
    speaker of the file took; else the usual resolution, unless it lands on a speaker already
    taken or is ambiguous: the file knew they were different people, so this one gets its own.
    """
    taken = set(speaker_ids.values())
    same_name = [s for s in speakers_named(db, speaker.name) if s.id not in taken]
    same_name.sort(key=lambda s: (s.title, s.affiliation, s.kind) != (speaker.title, speaker.affiliation,
                                                                       speaker.kind))
    if same_name:
        return {"speaker_id": same_name[0].id}
    try:
        found = find_speaker(db, speaker.name)
    except (NotFound, Ambiguous):
        # Not on record (or not one speaker): a new one, without resolving the name a second time.
        return {"new_speaker": True}
    return {"new_speaker": True} if found.id in taken else {"speaker_id": found.id}


def _import_speaker(db: Database, record: dict[str, Any], where: str, speaker_ids: dict[str, int]) -> None:
    """A speaker with no statements (from an export): kept with its names."""
    try:
        speaker = _speaker_from_record(record, where)
        file_speaker = _file_speaker_id(record)
        stored = speaker_for(db, speaker, **_file_speaker_options(db, speaker, speaker_ids))
    except (InvalidInput, NotFound, Ambiguous) as exc:
        raise type(exc)(f"{where}: {exc}") from None
    if file_speaker is not None and stored.id is not None and file_speaker not in speaker_ids:
        speaker_ids[file_speaker] = stored.id
        _add_aliases(db, stored.id, [speaker.name, *speaker.aliases])


def _add_aliases(db: Database, speaker_id: int, aliases: list[str]) -> None:
    """The file's names for a speaker it matched to one on record (new ones only)."""
    if [alias for alias in aliases if store.insert_alias(db, speaker_id, alias)]:
        store.reindex_speaker(db, speaker_id)


def _file_source_id(record: dict[str, Any]) -> str | None:
    """The source's id in the file being imported (an export's), if it gives one."""
    source = record.get("source")
    value = source.get("id") if isinstance(source, dict) else record.get("source_id")
    return None if value is None or value == "" else str(value)


_EXTRACTION_KEYS = ("cue", "confidence", "start", "end", "speaker_start", "speaker_end")


def _extraction(record: dict[str, Any], where: str) -> dict[str, Any] | None:
    """Where an extracted statement stands in its article (an export's ``extraction``)."""
    if record.get("extraction") in (None, ""):
        return None
    value = _object_field(record, "extraction", where)
    return {key: value.get(key) for key in _EXTRACTION_KEYS}


def _object_field(record: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    """A field holding an object, given as one or (in a CSV cell) as JSON text."""
    value = record.get(key)
    if isinstance(value, str):
        value = _parse_json(value, f"{where}: {key!r}")
    if not isinstance(value, dict):
        raise InvalidInput(f"{where}: {key!r} must be an object.")
    return value


def _import_article(db: Database, record: dict[str, Any], where: str, source_ids: dict[str, int]) -> None:
    """An article kept with its source (from an export): the same text is one source."""
    text = record.get("article") if record.get("article") is not None else record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput(f"{where}: an article record needs the article's text.")
    source = _source_from_record(record, where)
    if source is None:
        raise InvalidInput(f"{where}: an article record needs its source.")
    import hashlib  # here: loading OpenSSL is a cost `add` and `list` need not pay

    sha256 = record.get("sha256") or hashlib.sha256(text.encode("utf-8")).hexdigest()
    stored = store.source_by_article(db, sha256)
    if stored is None:
        found = store.find_source(db, source)
        if found is not None and found.id is not None and store.article_text(db, found.id) is None:
            store.set_article(db, found.id, text, sha256)
            stored = found
        else:
            stored = store.insert_source(db, source, text, sha256)
    file_source = _file_source_id(record)
    if file_source is not None and stored.id is not None:
        source_ids.setdefault(file_source, stored.id)


def _import_conflict(db: Database, record: dict[str, Any], where: str, statement_ids: dict[str, int]) -> None:
    """A conflict and its review (from an export), between two statements of the same file."""
    value = _object_field(record, "conflict", where)
    ids = []
    for key in ("a_id", "b_id"):
        found = statement_ids.get(str(value.get(key)))
        if found is None:
            raise InvalidInput(f"{where}: the conflict's {key} {value.get(key)!r} is not a statement of this file.")
        ids.append(found)
    status = value.get("status") or "open"
    if status not in CONFLICT_STATUSES:
        raise InvalidInput(f"{where}: conflict status {status!r} is not one of: {', '.join(CONFLICT_STATUSES)}.")
    if not isinstance(value.get("type"), str) or not isinstance(value.get("score", 0), int | float):
        raise InvalidInput(f"{where}: a conflict needs a 'type' (text) and a 'score' (a number).")
    store.restore_conflict(db, ids[0], ids[1], value | {"status": status})


def _source_from_record(record: dict[str, Any], where: str) -> Source | None:
    from .text import parse_date

    value = record.get("source")
    if isinstance(value, dict):
        return Source(
            outlet=_field(value, "outlet", where), url=check_url(_field(value, "url", where), f"{where}: url"),
            title=_field(value, "title", where),
            published=parse_date(_field(value, "published", where), "published"),
            tags=_list_field(value.get("tags"), "tags"),  # an article's tags, as `export` writes them
        )
    if value is not None:
        raise InvalidInput(f"'source' must be an object, not {type(value).__name__}.")
    return Source(
        outlet=_field(record, "outlet", where), url=check_url(_field(record, "url", where), f"{where}: url"),
        title=_field(record, "source_title", where),
        published=parse_date(_field(record, "published", where), "published"),
    )


_EDITABLE = ("text", "kind", "said_on", "event_date", "place", "context", "relayed_to", "tags")


def edit_statement(
    db: Database, statement_id: int, changes: dict[str, Any], *, speaker: str | None = None
) -> Statement:
    """Change fields of a stored statement; dates are ``date`` objects, tags a list."""
    fields = {k: v for k, v in changes.items() if k in _EDITABLE}
    if "text" in fields:
        fields["text"] = clean_text(fields["text"])
    if "kind" in fields:
        check_kind(fields["kind"], STATEMENT_KINDS, "Statement kind")
    with store.transaction(db):
        store.get_statement(db, statement_id)
        if speaker is not None:
            found = find_speaker(db, speaker)
            fields["speaker_id"] = found.id
        if not fields:
            raise InvalidInput("Nothing to change: give at least one option such as --text or --place.")
        norm = norm_text(db, fields["text"]) if "text" in fields else None
        store.update_statement(db, statement_id, fields, norm)
        _detect_conflicts(db, [statement_id], changed=True)
    return store.get_statement(db, statement_id)


def delete_statement(db: Database, statement_id: int) -> Statement:
    with store.transaction(db):
        statement = store.get_statement(db, statement_id)
        store.delete_statement(db, statement_id)
    return statement


def list_statements(
    db: Database, *, speaker: str | None = None, outlet: str | None = None, tag: str | None = None,
    since: date | None = None, until: date | None = None, kind: str | None = None,
    limit: int | None = None,
) -> list[Statement]:
    speaker_ids = None
    if speaker:
        found = find_speaker(db, speaker)
        assert found.id is not None
        speaker_ids = [found.id]
    if kind:
        check_kind(kind, STATEMENT_KINDS, "Statement kind")
    return store.list_statements(
        db, speaker_ids=speaker_ids, outlet=outlet, tag=tag, since=since, until=until, kind=kind,
        limit=limit,
    )


# --- terms ---


def list_terms(db: Database) -> list[dict[str, Any]]:
    """Equivalent names: the shipped defaults, then the editors' own."""
    from .text import default_terms

    return [
        {"canonical": canonical, "variants": variants, "origin": origin}
        for origin, terms in (("default", default_terms()), ("editor", store.list_terms(db)))
        for canonical, variants in terms
    ]


def reindex_claims(
    db: Database, progress: Callable[[int, int], None] | None = None
) -> tuple[int, int]:
    """Normalise every statement again with the current normaliser and terms, in one transaction.

    Stored claim tokens are what matching and conflict detection look statements up by; after
    an upgrade that changes how words are normalised, statements stored before it would keep
    tokens new queries no longer produce. Returns (statements read, statements re-indexed).
    """
    read = changed = 0
    with store.transaction(db):
        db.forget_normalizer()  # built again from the terms as they are now
        total = store.count_statements(db)
        # claim_index reads a batch at a time, so rows already read can be rewritten meanwhile.
        for statement_id, text, stored in store.claim_index(db):
            read += 1
            if progress and (read % 500 == 0 or read == total):
                progress(read, total)
            norm = norm_text(db, text)
            if norm != stored:
                store.set_norm(db, statement_id, norm)
                changed += 1
    return read, changed


def add_terms(db: Database, canonical: str, variants: list[str]) -> int:
    """Make the names equivalent for matching; returns how many statements were re-indexed."""
    canonical = clean_text(canonical, "The canonical name").strip()
    variants = [clean_text(v, "A variant").strip() for v in variants]
    if not variants:
        raise InvalidInput("Give at least one variant: quotetrack terms add CANONICAL VARIANT...")
    with store.transaction(db):
        store.add_terms(db, canonical, variants)  # the record's normaliser now has them
        # Only statements that mention one of the names can tokenise differently now.
        ids = store.ids_mentioning(db, [canonical, *variants])
        for statement_id, text in store.statement_texts_by_id(db, ids):
            store.set_norm(db, statement_id, norm_text(db, text))
    return len(ids)
