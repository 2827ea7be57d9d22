"""Errors a user can cause. The CLI alone turns them into ``Error: …`` and exit status 1."""


class QuotetrackError(Exception):
    """Base class: the message is written for an editor and ends the command."""


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
    """The database file cannot be opened, read or written."""


class StaleReview(QuotetrackError):
    """Another editor reviewed the conflict since this one read it."""
