"""`compare`: judging pairs of statements that need not be stored, one or a file of them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .conflicts import Verdict, compare
from .errors import InvalidInput
from .models import Speaker, Statement
from .record import clean_text, decode_text, input_lines, read_file
from .text import parse_date

if TYPE_CHECKING:
    from .store import Database

_REFERENCE = re.compile(r"\s*#(\d+)\s*")
_NUMBER = re.compile(r"\s*#?(\d+)\s*")


def statement(text: str, speaker: str | None = None, event_date: date | None = None) -> Statement:
    # An empty speaker name is "unknown", which the rules never take for a different speaker.
    return Statement(text=text, speaker=Speaker(name=speaker or ""), kind="quote", event_date=event_date)


def judge(a: Statement, b: Statement, db: Database | None = None) -> Verdict:
    """The verdict on two statements, read with the record's terms when a record is given; two
    statements of the record are judged as detection judges them (``detect.judge_on_record``)."""
    if db is None:
        return compare(a, b)
    if a.id is not None and b.id is not None:
        from .detect import judge_on_record  # the incident rule reads the statements' articles

        return judge_on_record(db, a, b)
    return compare(a, b, normalizer=db.normalizer)


def reference(side: str, ids: bool = False) -> int | None:
    """The stored statement a side of `compare` names: ``#12``, or ``12`` under ``--ids``.

    Anything else is free text, so that "12" alone is compared as the words it is."""
    found = (_NUMBER if ids else _REFERENCE).fullmatch(side)
    if ids and found is None:
        raise InvalidInput(f"--ids takes two statement ids; {side!r} is not one.")
    return int(found.group(1)) if found else None


def looks_like_ids(a: str, b: str) -> bool:
    """Both sides bare numbers: most likely meant as statement ids."""
    return all(_NUMBER.fullmatch(side) and not side.strip().startswith("#") for side in (a, b))


def read_pairs(path: Path) -> list[tuple[Any, Statement, Statement]]:
    """Pairs from TSV (id, a, b) or JSON Lines (id, a, b, optional a_date, b_date, a_speaker, b_speaker)."""
    text = decode_text(read_file(path, "a file of pairs"), str(path))
    pairs = []
    for number, line in enumerate(input_lines(text), 1):
        if not line.strip():
            continue
        where = f"{path} line {number}"
        if line.lstrip().startswith("{"):
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InvalidInput(f"{where} is not valid JSON ({exc.msg}).") from None
            if not isinstance(record, dict) or not isinstance(record.get("a"), str) or not isinstance(
                record.get("b"), str
            ):
                raise InvalidInput(f"{where} needs text fields 'a' and 'b'.")
            try:
                a = statement(clean_text(record["a"], f"{where}: 'a'"), _text(record, "a_speaker", where),
                              parse_date(_text(record, "a_date", where), f"{where}: a_date"))
                b = statement(clean_text(record["b"], f"{where}: 'b'"), _text(record, "b_speaker", where),
                              parse_date(_text(record, "b_date", where), f"{where}: b_date"))
            except InvalidInput:
                raise
            pairs.append((record.get("id", number), a, b))
        else:
            cells = line.split("\t")
            if len(cells) != 3:
                raise InvalidInput(f"{where} has {len(cells)} tab-separated fields; give id, a and b.")
            pair_id, first, second = cells
            pairs.append((pair_id, statement(clean_text(first, f"{where}: a")),
                          statement(clean_text(second, f"{where}: b"))))
    return pairs


def _text(record: dict[str, Any], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        raise InvalidInput(f"{where}: {key!r} must be text.")
    return value


def judge_file(path: Path) -> Iterator[dict[str, Any]]:
    """One verdict a pair, read whole first so that a bad line stops before any output."""
    for pair_id, a, b in read_pairs(path):
        yield {"id": pair_id, **judge(a, b).to_dict()}
