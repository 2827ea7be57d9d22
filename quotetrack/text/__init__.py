"""Reading language: the one place quotetrack reads words, numbers, dates and names.

- ``lexicon``: the word lists in ``quotetrack/data``, each parsed once (``lexicon.words("months")``).
- ``tokens``: what a word is (``words``, ``tokenize``, ``copy_tokens`` for the extractor).
- ``numbers``: figures in words or digits, ranges and bounds; vague words stay vague.
- ``dates``: dates editors type (``parse_date``) and date mentions in copy (``find_dates``).
- ``fold``: lower-case ASCII, letters transliterated, not dropped ("Łódź" -> "lodz").
- ``normalize``: a claim's content tokens (``Normalizer``), what matching compares.
- ``quantities``: counts of things ("at least 12 civilians were killed").

Everything here is linear in the length of its input.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Imported now, not on first use: importing the submodule later would rebind the package's name
# ``fold`` from this function to the module.
from .fold import fold

if TYPE_CHECKING:
    from . import lexicon
    from .dates import ACCEPTED_FORMS, WEEKDAYS, DateMention, find_dates, months, parse_date
    from .normalize import HASHTAG, Normalizer, default_normalizer, default_terms, marks_names, stem
    from .numbers import Number, read_number, with_bounds
    from .quantities import Quantity, counts_differ, find_quantities, iter_quantities, role_of, singular
    from .tokens import Token, copy_tokens, count_tokens, folded_parts, tokenize, word_spans, words

# Each name's module, imported on first use: a command that only parses a date does not pay for
# the normaliser, and one that never reads a date does not pay for dateutil.
_HOME = {
    "lexicon": "",
    **dict.fromkeys(["ACCEPTED_FORMS", "WEEKDAYS", "DateMention", "find_dates", "months", "parse_date"], "dates"),
    **dict.fromkeys(
        ["HASHTAG", "Normalizer", "default_normalizer", "default_terms", "marks_names", "stem"], "normalize"
    ),
    **dict.fromkeys(["Number", "read_number", "with_bounds"], "numbers"),
    **dict.fromkeys(["Quantity", "counts_differ", "find_quantities", "iter_quantities", "role_of", "singular"],
                    "quantities"),
    **dict.fromkeys(
        ["Token", "copy_tokens", "count_tokens", "folded_parts", "tokenize", "word_spans", "words"], "tokens"
    ),
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f".{home or name}", __name__)
    value = module if not home else getattr(module, name)
    globals()[name] = value  # later look-ups skip this function
    return value


__all__ = [
    "ACCEPTED_FORMS",
    "HASHTAG",
    "WEEKDAYS",
    "DateMention",
    "Normalizer",
    "Number",
    "Quantity",
    "Token",
    "copy_tokens",
    "count_tokens",
    "counts_differ",
    "default_normalizer",
    "default_terms",
    "find_dates",
    "find_quantities",
    "fold",
    "folded_parts",
    "iter_quantities",
    "lexicon",
    "marks_names",
    "months",
    "parse_date",
    "read_number",
    "role_of",
    "singular",
    "stem",
    "tokenize",
    "with_bounds",
    "word_spans",
    "words",
]
