"""Numbered schema migrations, applied on every open and recorded in ``_sqlite_migrations``.

Append-only: a migration that has shipped is never edited; a change to the schema is a new
function at the end of this file.
"""

from __future__ import annotations

import textwrap

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("quotetrack")


@migrations(name="0001_init")
def m0001_init(db: Database) -> None:
    # Dedented so that the schema reads cleanly in sqlite_master and db/schema.sql.
    db.executescript(textwrap.dedent(
        """
        CREATE TABLE speakers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            title TEXT,
            affiliation TEXT,
            kind TEXT NOT NULL DEFAULT 'person'
                CHECK (kind IN ('person', 'organisation', 'document')),
            created_at TEXT NOT NULL
        );
        CREATE INDEX speakers_name ON speakers (name COLLATE NOCASE);

        CREATE TABLE speaker_aliases (
            id INTEGER PRIMARY KEY,
            speaker_id INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            UNIQUE (speaker_id, alias)
        );
        CREATE INDEX speaker_aliases_alias ON speaker_aliases (alias COLLATE NOCASE);

        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            outlet TEXT,
            url TEXT,
            title TEXT,
            published TEXT,
            article_text TEXT,
            article_sha256 TEXT UNIQUE,
            created_at TEXT NOT NULL
        );
        CREATE INDEX sources_outlet ON sources (outlet COLLATE NOCASE);

        CREATE TABLE statements (
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL CHECK (length(trim(text)) > 0),
            kind TEXT NOT NULL DEFAULT 'quote'
                CHECK (kind IN ('quote', 'reported', 'written', 'report')),
            speaker_id INTEGER NOT NULL REFERENCES speakers (id),
            source_id INTEGER REFERENCES sources (id),
            said_on TEXT,
            event_date TEXT,
            place TEXT,
            context TEXT,
            relayed_to TEXT,
            cue TEXT,
            confidence REAL,
            text_start INTEGER,
            text_end INTEGER,
            speaker_start INTEGER,
            speaker_end INTEGER,
            created_at TEXT NOT NULL
        );
        -- The same words from the same speaker in the same source are one statement.
        CREATE UNIQUE INDEX statements_unique
            ON statements (speaker_id, ifnull(source_id, 0), text);
        CREATE INDEX statements_speaker ON statements (speaker_id);
        CREATE INDEX statements_source ON statements (source_id);
        CREATE INDEX statements_said_on ON statements (said_on);

        CREATE TABLE statement_tags (
            statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (statement_id, tag)
        );
        CREATE INDEX statement_tags_tag ON statement_tags (tag);

        CREATE TABLE conflicts (
            id INTEGER PRIMARY KEY,
            a_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
            b_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            score REAL NOT NULL,
            evidence TEXT NOT NULL DEFAULT '{}',
            caveats TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'confirmed', 'dismissed')),
            note TEXT,
            created_at TEXT NOT NULL,
            reviewed_at TEXT,
            reviewed_by TEXT,
            UNIQUE (a_id, b_id, type)
        );
        CREATE INDEX conflicts_b ON conflicts (b_id);

        -- Editor-defined equivalent names; the defaults ship in quotetrack/data/terms.tsv.
        CREATE TABLE terms (
            id INTEGER PRIMARY KEY,
            canonical TEXT NOT NULL,
            variant TEXT NOT NULL,
            UNIQUE (canonical, variant)
        );

        -- Append-only log of every change to the record.
        CREATE TABLE changes (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            editor TEXT,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id INTEGER,
            detail TEXT NOT NULL DEFAULT '{}'
        );
        CREATE TRIGGER changes_append_only_update BEFORE UPDATE ON changes
        BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
        CREATE TRIGGER changes_append_only_delete BEFORE DELETE ON changes
        BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;

        -- Full-text search over statements (text, speaker names, outlet) and the
        -- normalised claim tokens the matcher retrieves candidates by.
        CREATE VIRTUAL TABLE statements_fts USING fts5 (
            text, speaker, outlet, norm,
            tokenize = 'unicode61 remove_diacritics 2'
        );
        """
    ))


@migrations(name="0002_events")
def m0002_events(db: Database) -> None:
    db.executescript(textwrap.dedent(
        """
        -- Incidents: statements about one event grouped together (quotetrack/events.py).
        -- name is an editor's name and is kept on regrouping; auto_name is rewritten each time.
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            name TEXT,
            auto_name TEXT NOT NULL DEFAULT '',
            place TEXT,
            first_day TEXT,
            last_day TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX events_last_day ON events (last_day);

        -- Which event a statement is in. placed_by 'editor' pins it there (a merge or split):
        -- regrouping rewrites only the 'auto' rows.
        CREATE TABLE event_statements (
            statement_id INTEGER PRIMARY KEY REFERENCES statements (id) ON DELETE CASCADE,
            event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
            placed_by TEXT NOT NULL DEFAULT 'auto' CHECK (placed_by IN ('auto', 'editor'))
        );
        CREATE INDEX event_statements_event ON event_statements (event_id);

        -- What the last grouping saw, so that listing events regroups only after the record changed.
        CREATE TABLE event_grouping (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            statements INTEGER NOT NULL,
            last_statement_id INTEGER NOT NULL,
            at TEXT NOT NULL
        );
        """
    ))


@migrations(name="0003_speaker_keys")
def m0003_speaker_keys(db: Database) -> None:
    db.executescript(textwrap.dedent(
        """
        -- The keys each speaker's names are found under (quotetrack/speaker_keys.py), so that
        -- resolving a name reads the few speakers it could mean, not every name on record.
        CREATE TABLE speaker_keys (
            key TEXT NOT NULL,
            speaker_id INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
            PRIMARY KEY (key, speaker_id)
        );
        CREATE INDEX speaker_keys_speaker ON speaker_keys (speaker_id);

        -- What the keys were computed with (the key rules, title lists and terms): when it
        -- differs from what this version computes, the next write computes them all again.
        -- Empty after the upgrade: the first write fills speaker_keys for the existing speakers.
        CREATE TABLE speaker_keys_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            fingerprint TEXT NOT NULL
        );
        """
    ))


@migrations(name="0004_tags")
def m0004_tags(db: Database) -> None:
    db.executescript(textwrap.dedent(
        """
        -- Tags given to a whole article when it is ingested (`ingest --tag`, a manifest's tags
        -- column, a file's front matter): every statement from the source carries them, so
        -- `--tag` finds a story by its articles as well as by its statements' own tags.
        CREATE TABLE source_tags (
            source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (source_id, tag)
        );
        CREATE INDEX source_tags_tag ON source_tags (tag);
        """
    ))


@migrations(name="0006_scale")
def m0006_scale(db: Database) -> None:
    db.executescript(textwrap.dedent(
        """
        -- The day a statement is about (its event date, else when it was said, else when its
        -- source was published: detect.anchor_day), so that conflict detection finds the
        -- statements of a few days through an index instead of reading the whole record.
        CREATE INDEX statements_day ON statements (coalesce(event_date, said_on));
        CREATE INDEX sources_published ON sources (published);
        """
    ))
