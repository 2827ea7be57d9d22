"""Recording an article: its text kept with its source, its extracted statements stored.

Extraction itself lives in ``extract``; this module decides what is stored and does it in one
transaction per article, so an article is wholly in or wholly out.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import detect, record, store
from .articles import article_with_facts
from .errors import Ambiguous, Duplicate
from .extract import Extracted, extract_statements
from .inputs import check_url
from .manifest import ArticleFacts, merged_tags
from .models import Source, Speaker, Statement
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
    speakers_new: int = 0  # speakers first recorded with this article
    speakers_known: int = 0  # speakers of this article already on record
    conflicts: int = 0  # conflicts its statements were found in

    @property
    def added(self) -> int:
        return sum(1 for i in self.ids if i is not None)

    def summary(self) -> IngestSummary:
        return IngestSummary(
            file=self.article.name, source_id=self.article.source.id, statements=self.added,
            speakers_new=self.speakers_new, speakers_known=self.speakers_known, conflicts=self.conflicts,
            already_recorded=self.already_recorded is not None,
        )


@dataclass(frozen=True)
class IngestSummary:
    """One row of the table `ingest` ends with: what an article added to the record.

    For an article not recorded (a dry run, or declined) ``statements`` is what was found and the
    other counts are None: they are known only once it is recorded.
    """

    file: str
    statements: int
    source_id: int | None = None
    speakers_new: int | None = None
    speakers_known: int | None = None
    conflicts: int | None = None
    already_recorded: bool = False

    @classmethod
    def not_recorded(cls, article: Article, found: bool) -> IngestSummary:
        """``found``: count the statements extracted (a dry run) rather than none recorded."""
        return cls(file=article.name, statements=len(article.statements) if found else 0)

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "source_id": self.source_id, "statements": self.statements,
                "speakers_new": self.speakers_new, "speakers_known": self.speakers_known,
                "conflicts": self.conflicts, "already_recorded": self.already_recorded}


def read_article(
    raw: bytes, name: str, *, outlet: str | None = None, url: str | None = None,
    title: str | None = None, published: date | None = None, tags: Sequence[str] = (),
    quotes_only: bool = False, given: ArticleFacts | None = None, given_by: str = "the manifest",
) -> Article:
    """Article text and its statements, nothing stored yet.

    The article's outlet, date, address, headline and tags come from the front matter opening
    the file and from ``given`` (a manifest row, named ``given_by`` in errors), which must agree;
    the keyword arguments (the command's options) fill in what neither gives. Front matter is no
    part of the article: the text kept, and every offset into it, start after it.

    A headline that the text does not open with (given as ``title``, or an HTML title outside
    the article body) is read as the article's first line: headlines make statements too
    ("Ministry says 12 killed in floods"). The article is still known by its body alone.
    """
    body, found_title, front = article_with_facts(raw, name)
    facts = front if given is None else given.agreeing_with(front, given_by, f"the front matter of {name}")
    facts = facts.filled_from(ArticleFacts(outlet=outlet, published=published, url=check_url(url, "--url"),
                                           title=title, tags=merged_tags(tags)))
    headline = facts.title or found_title
    published = facts.published
    text = body if not headline or _opens_with(body, headline) else f"{headline.strip()}\n\n{body}"
    source = Source(outlet=facts.outlet, url=facts.url, title=headline, published=published,
                    tags=list(facts.tags))
    statements = extract_statements(text, published, outlet=facts.outlet, headline=headline,
                                    quotes_only=quotes_only)
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
            # The same text again adds nothing, but the tags it is given now are kept with it.
            if article.source.tags:
                existing.tags = store.add_source_tags(db, existing.id or 0, article.source.tags)
            article.source = existing
            result.already_recorded = existing
            result.ids = [None] * len(article.statements)
            return result
        # Speakers are numbered in the order they are recorded: those above this one are new.
        known_below = store.last_speaker_id(db)
        source = store.insert_source(db, article.source, article.text, article.sha256)
        article.source = source
        speakers: set[int] = set()
        resolved: dict[tuple[object, ...], Speaker] = {}
        for extracted in article.statements:
            statement_id, speaker_id = _store(db, extracted, source, resolved)
            result.ids.append(statement_id)
            if speaker_id is not None:
                speakers.add(speaker_id)
        result.speakers_new = sum(1 for s in speakers if s > known_below)
        result.speakers_known = len(speakers) - result.speakers_new
        result.conflicts = detect.detect(db, [i for i in result.ids if i is not None], db.normalizer).found
    return result


def _store(db: Database, extracted: Extracted, source: Source,
           resolved: dict[tuple[object, ...], Speaker]) -> tuple[int | None, int | None]:
    """The new statement's id (None for a duplicate) and its speaker's. ``resolved``: the
    speakers of the article's statements stored so far, by the speaker as extracted: the same
    speaker again is the article's own by then, and resolving it again was a third of ingest."""
    statement = statement_of(extracted, source)
    wanted = statement.speaker
    key = record.speaker_form(wanted)
    try:
        with store.transaction(db):
            if key in resolved:
                statement.speaker = resolved[key]
            else:
                try:
                    statement.speaker = record.speaker_for(db, wanted, source_id=source.id)
                except Ambiguous:
                    # A bare name that fits several people on record: keep the article's own
                    # speaker apart rather than guess; an editor can merge them later.
                    statement.speaker = record.speaker_for(db, wanted, new_speaker=True)
            statement_id = store.insert_statement(
                db, statement, record.norm_text(db, statement.text), extraction_fields(extracted)
            )
    except Duplicate:
        return None, None
    resolved[key] = statement.speaker
    return statement_id, statement.speaker.id
