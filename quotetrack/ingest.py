"""Recording an article: its text kept with its source, its extracted statements stored.

Extraction itself lives in ``extract``; this module decides what is stored and does it in one
transaction per article, so an article is wholly in or wholly out.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import detect, record, store
from .articles import article_text
from .errors import Ambiguous, Duplicate
from .extract import Extracted, extract_statements
from .inputs import check_url
from .models import Source, Statement
from .store import Database
from .text import fold


@dataclass
class Article:
    name: str
    text: str
    source: Source
    statements: list[Extracted]
    sha256: str


@dataclass
class IngestResult:
    article: Article
    ids: list[int | None] = field(default_factory=list)  # one per extracted statement, None if skipped
    already_recorded: Source | None = None

    @property
    def added(self) -> int:
        return sum(1 for i in self.ids if i is not None)


def read_article(
    raw: bytes, name: str, *, outlet: str | None = None, url: str | None = None,
    title: str | None = None, published: date | None = None, quotes_only: bool = False,
) -> Article:
    """Article text and its statements, nothing stored yet.

    A headline that the text does not open with (given as ``title``, or an HTML title outside
    the article body) is read as the article's first line: headlines make statements too
    ("Ministry says 12 killed in floods"). The article is still known by its body alone.
    """
    body, found_title = article_text(raw, name)
    headline = title or found_title
    text = body if not headline or _opens_with(body, headline) else f"{headline.strip()}\n\n{body}"
    source = Source(outlet=outlet, url=check_url(url, "--url"), title=headline, published=published)
    statements = extract_statements(text, published, outlet=outlet, headline=headline, quotes_only=quotes_only)
    return Article(name=name, text=text, source=source, statements=statements,
                   sha256=hashlib.sha256(body.encode("utf-8")).hexdigest())


def _opens_with(body: str, headline: str) -> bool:
    """The headline stands near the top of the body already (after a date line or a section name)."""
    wanted = " ".join(fold(headline).split())
    return wanted in " ".join(fold(body[: len(headline) + 500]).split())


def statement_of(extracted: Extracted, source: Source | None) -> Statement:
    return Statement(
        text=extracted.text, speaker=extracted.speaker, kind=extracted.kind, source=source,
        said_on=extracted.said_on, event_date=extracted.event_date, place=extracted.place,
        context=extracted.context, relayed_to=extracted.relayed_to,
    )


def extraction_fields(extracted: Extracted) -> dict[str, Any]:
    return {
        "cue": extracted.cue, "confidence": round(extracted.confidence, 3),
        "start": extracted.start, "end": extracted.end,
        "speaker_start": extracted.speaker_start, "speaker_end": extracted.speaker_end,
    }


def to_dict(extracted: Extracted, source: Source | None, statement_id: int | None = None) -> dict[str, Any]:
    """A statement object as `list --json` gives it, plus where it stands in the article."""
    statement = statement_of(extracted, source)
    statement.id = statement_id
    return statement.to_dict() | extraction_fields(extracted)


def ingest(db: Database, article: Article) -> IngestResult:
    """Store the article and its statements in one transaction; the same text twice adds nothing."""
    result = IngestResult(article=article)
    with store.transaction(db):
        existing = store.source_by_article(db, article.sha256)
        if existing is not None:
            result.already_recorded = existing
            result.ids = [None] * len(article.statements)
            return result
        source = store.insert_source(db, article.source, article.text, article.sha256)
        article.source = source
        for extracted in article.statements:
            result.ids.append(_store(db, extracted, source))
        detect.detect(db, [i for i in result.ids if i is not None], db.normalizer)
    return result


def _store(db: Database, extracted: Extracted, source: Source) -> int | None:
    statement = statement_of(extracted, source)
    try:
        with store.transaction(db):
            try:
                statement.speaker = record.speaker_for(db, statement.speaker, source_id=source.id)
            except Ambiguous:
                # A bare name that fits several people on record: keep the article's own
                # speaker apart rather than guess; an editor can merge them later.
                statement.speaker = record.speaker_for(db, statement.speaker, new_speaker=True)
            return store.insert_statement(
                db, statement, record.norm_text(db, statement.text), extraction_fields(extracted)
            )
    except Duplicate:
        return None
