"""The fixed adversarial text corpus: values that break real servers and that random generation
rarely produces. Every run sends all of them, in every free-text field the spec defines.

A server must store text exactly as sent, code point for code point: JSON strings are sequences of
Unicode code points, and nothing in the contract lets a server trim, normalise (NFC/NFKC), rewrite
line breaks or drop characters. Each sample says what it catches:

| sample | what it catches |
|---|---|
| ``""`` | an empty string stored as null (a falsy check) |
| ``"  padded  "``, ``"\\tindented\\n"`` | trimming of leading/trailing whitespace |
| ``"\\u00a0nbsp\\u00a0"`` | trimming that also strips non-breaking spaces (Python's ``str.strip``) |
| ``"   "`` | whitespace-only text stored as empty or null |
| ``"first\\r\\nsecond"``, ``"before\\rafter"`` | line breaks rewritten to ``\\n`` |
| ``"nul\\u0000inside"`` | U+0000 dropped or refused (e.g. PostgreSQL ``text`` cannot hold it) |
| ``"cafe\\u0301"`` | combining sequences composed (NFC) |
| ``"\\u212b"`` (ANGSTROM SIGN) | NFC normalisation (it becomes U+00C5) |
| ``"\\ufb01le"`` (LATIN SMALL LIGATURE FI) | NFKC normalisation (it becomes ``"file"``) |
| astral characters (U+1F600, U+1D11E, U+20000) | UTF-16 surrogate handling, utf8mb3 storage |
| Hebrew, Arabic and U+202E (RIGHT-TO-LEFT OVERRIDE) | bidirectional text and controls stripped |
| U+200B, U+200C, U+200D, U+2060, U+FEFF | zero-width characters (and a BOM mid-text) stripped |

and, for every field with a length limit, a value of exactly that many code points mixing
combining marks, astral characters, ``\\r\\n`` and a trailing space (a server counting UTF-16 units,
bytes or normalised text refuses or cuts it).

Where the text goes comes from the spec, not from a list here: `contract_tests.scenarios._slots`
finds every free-text string a request body can carry (a string property without enum, const,
pattern or format; the keys and values of a free-form map; inside array items and union members
that are objects), leaving out ids (strings that are array items), model ids (a union of scalars)
and create-time helpers the answer shows differently (``x-answered-as``). The scenario
`text_is_kept_exactly` sends each sample, then the at-limit values, in every slot, by create and by
modify, and compares the answer and a read-back.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sample:
    why: str  # what the value is, for violation messages
    text: str


CORPUS: tuple[Sample, ...] = (
    Sample("an empty string", ""),
    Sample("leading and trailing spaces", "  padded  "),
    Sample("a leading tab and a trailing newline", "\tindented\n"),
    Sample("non-breaking spaces at both ends", "\u00a0nbsp\u00a0"),
    Sample("only whitespace", "   "),
    Sample("a CRLF line break", "first\r\nsecond"),
    Sample("a lone carriage return", "before\rafter"),
    Sample("U+0000 inside", "nul\u0000inside"),
    Sample("a combining sequence (e + U+0301)", "cafe\u0301"),
    Sample("U+212B ANGSTROM SIGN (NFC changes it)", "\u212b"),
    Sample("U+FB01 LATIN SMALL LIGATURE FI (NFKC changes it)", "\ufb01le"),
    Sample("astral-plane characters", "\U0001f600 \U0001d11e \U00020000"),
    Sample(
        "right-to-left text and U+202E",
        "\u05e9\u05dc\u05d5\u05dd \u202eabc\u202c \u0627\u0644\u0633\u0644\u0627\u0645",
    ),
    Sample("zero-width characters and U+FEFF", "zero\u200bwidth\u200c\u200d\u2060\ufeffjoin"),
)

# Exactly-at-limit values repeat this unit: 1-4 UTF-8 bytes, 1-2 UTF-16 units, a combining mark,
# a character NFC changes, a CRLF; the value ends in a space (see `at_limit`).
_LIMIT_UNIT = "e\u0301\U0001f600\u212b\r\n\u05e9a"


def at_limit(length: int) -> str:
    """A text of exactly ``length`` code points from the adversarial unit, ending in a space."""
    if length <= 0:
        return ""
    body = (_LIMIT_UNIT * (length // len(_LIMIT_UNIT) + 1))[: length - 1]
    return body + " "
