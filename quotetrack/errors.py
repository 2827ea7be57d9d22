"""Errors a user can cause. The CLI alone turns them into ``Error: …`` and exit status 1."""


class QuotetrackError(Exception):
    """Base class: the message is written for an editor and ends the command."""


class QuotetrackWarning(UserWarning):
    """Something the user gave was changed to be usable; the CLI prints ``Warning: …`` and goes on."""


class InvalidInput(QuotetrackError):
    """Text, a date, a file or an option the user gave cannot be used."""


class NotFound(QuotetrackError):
    """An id or a name that is not in the record."""


class Ambiguous(QuotetrackError):
    """A name that fits more than one speaker."""

    def __init__(self, message: str, candidates: list[str] | None = None) -> None:
        super().__init__(message)
        self.candidates = candidates or []


class Duplicate(QuotetrackError):
    """The record already holds this statement."""


class DatabaseError(QuotetrackError):
    """The database cannot be opened, read or written (either backend).

    ``detail`` is what the database itself said, for code that must tell one failure from
    another; the message is the sentence an editor sees.
    """

    def __init__(self, message: str, detail: str | None = None) -> None:
        super().__init__(message)
        self.detail = detail if detail is not None else message


class DatabaseLocked(DatabaseError):
    """Another program held the database's write lock for longer than quotetrack waits."""


class ConstraintViolation(DatabaseError):
    """A write broke a rule of the schema: a unique key, a check, the append-only change log."""


class StaleReview(QuotetrackError):
    """Another editor reviewed the conflict since this one read it."""
