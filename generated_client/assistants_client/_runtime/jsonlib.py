"""JSON in and out: orjson when it is installed, the standard library otherwise.

Decoding answers:

Turning the answer into Python values is most of what a call costs the client (a page of 20
assistants takes longer to decode than to send and receive on loopback), and orjson decodes the same
documents into the same values (dicts in document order, str, int, float, bool, None) several times
faster. What orjson refuses and the standard library accepts (NaN and Infinity, numbers too large
for a double, UTF-16 or a UTF-8 byte order mark, a lone surrogate escape, nesting deeper than 1024)
is decoded again by the standard library. orjson turns an integer beyond 64 bits into a float
without a word, so an answer with 19 digits in a row anywhere (a large integer, or digits in a
string) is left to the standard library from the start, and so is text (answers arrive as bytes).
Every answer gives what ``json.loads`` gives, or its error.

Encoding request bodies: the bytes httpx's ``json=`` sends (``json.dumps`` with ``ensure_ascii=False``,
compact separators, ``allow_nan=False``, UTF-8), several times faster. The same values are written
in the same order; a float may be spelled differently (``1e-7`` for ``1e-07``), which is the same
JSON number. What orjson would write and ``json.dumps`` refuses or writes otherwise goes to the
standard library, so it gets its result or its error: NaN and Infinity (orjson writes ``null``: any
body containing ``null`` is written again), integers beyond 64 bits, keys that are not strings,
datetimes, dataclasses and subclasses of str, int, dict and list (an enum with a str mixin, for one).
Two kinds of value are written by orjson where the standard library raises TypeError: a
``uuid.UUID`` (as its string) and a member of a plain ``enum.Enum`` (as its value).

``ASSISTANTS_CLIENT_JSON=stdlib`` in the environment, read at import, turns orjson off.
"""

from __future__ import annotations

import json
import os
from typing import Any

try:
    import orjson
except ImportError:  # an optional speed-up
    orjson = None  # type: ignore[assignment]

if os.environ.get("ASSISTANTS_CLIENT_JSON", "").strip().lower() == "stdlib":
    orjson = None  # type: ignore[assignment]

BACKEND = "stdlib" if orjson is None else "orjson"


# Every integer orjson would turn into a float (below -2**63 or above 2**64 - 1) has 19 digits or
# more. Found by mapping each digit to "0" and everything else to " " and looking for 19 zeros: a
# regular expression takes five times as long as orjson's decoding itself.
_DIGITS_AS_ZEROS = bytes(0x30 if 0x30 <= byte <= 0x39 else 0x20 for byte in range(256))
_LONG_DIGITS = b"0" * 19


def _loads_fast(content: bytes | str) -> Any:
    if type(content) is not bytes or _LONG_DIGITS in content.translate(_DIGITS_AS_ZEROS):
        return json.loads(content)  # text (answers arrive as bytes), or perhaps a huge integer
    try:
        return orjson.loads(content)
    except orjson.JSONDecodeError:
        return json.loads(content)


loads = json.loads if orjson is None else _loads_fast
"""``json.loads`` of an answer's content (bytes or str), faster where orjson is installed."""


MEDIA_TYPE = "application/json"  # RFC 8259's; what ``dumps`` writes


def _dumps_stdlib(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


def _refuse(value: Any) -> Any:
    raise TypeError(type(value).__name__)


if orjson is not None:
    # What orjson writes natively and json.dumps would not, or not alike, goes to _refuse instead.
    _HANDED_BACK = (
        orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_SUBCLASS
    )


def _dumps_fast(value: Any) -> bytes:
    try:
        body = orjson.dumps(value, default=_refuse, option=_HANDED_BACK)
    except TypeError:  # orjson.JSONEncodeError is one: the standard library gives its own result or error
        return _dumps_stdlib(value)
    if b"null" in body:  # perhaps a NaN or an Infinity, which json.dumps(allow_nan=False) refuses
        return _dumps_stdlib(value)
    return body


dumps = _dumps_stdlib if orjson is None else _dumps_fast
"""A request body as httpx's ``json=`` encodes it (UTF-8 bytes), faster where orjson is installed."""

__all__ = ["BACKEND", "MEDIA_TYPE", "dumps", "loads"]
