"""Case and Unicode folding: how any text is written in lower-case ASCII before it is compared."""

from __future__ import annotations

import unicodedata

# Punctuation that Unicode folding (NFKD) leaves alone but that writers use interchangeably, and
# the letters with no decomposition that are common in Latin-script copy (the rest: anyascii).
PUNCTUATION = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u0131": "i",
        "\u00df": "ss",
        "\u00e6": "ae",
        "\u0153": "oe",
        "\u00f8": "o",
        "\u0142": "l",
        "\u0111": "d",
        "\u00f0": "d",
        "\u00fe": "th",
    }
)


def fold(text: str) -> str:
    """Lower-case ``text``, write its letters in ASCII and its quotes and dashes as ASCII.

    Accents go ("é" -> "e"); letters with no ASCII decomposition are transliterated, not
    dropped ("Łódź" -> "lodz", "Øresund" -> "oresund", "Đorđević" -> "dordevic", "Москва" ->
    "moskva"). Only letters are transliterated: a symbol ("€", "°") stays as written, so it
    never turns into letters that read as a word. Linear in the length of ``text``.
    """
    if text.isascii():  # most copy: Unicode normalisation would change nothing
        return text.translate(PUNCTUATION).lower()
    from anyascii import anyascii  # its import is most of this module's: only for non-ASCII text

    text = unicodedata.normalize("NFKC", text).translate(PUNCTUATION)
    decomposed = unicodedata.normalize("NFKD", text)
    out = []
    for ch in decomposed:
        if ch.isascii():
            out.append(ch)
        elif unicodedata.combining(ch):
            continue  # the accent of a decomposed letter
        elif ch.isalpha():
            out.append(anyascii(ch) or ch)
        else:
            out.append(ch)
    return "".join(out).casefold()


# Characters that show nothing: zero-width spaces and joiners, the word joiner, the byte order
# mark, the soft hyphen, and the marks and embeddings that set the direction of text. In a name
# they make a second speaker that looks exactly like the first.
_INVISIBLE = dict.fromkeys(
    [0x00AD, 0x061C, 0x180E, *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065),
     *range(0x2066, 0x206A), 0xFEFF]
)


def without_invisible(text: str) -> str:
    """``text`` without the characters that show nothing (``_INVISIBLE``)."""
    return text.translate(_INVISIBLE)
