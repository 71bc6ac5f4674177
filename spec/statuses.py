"""What an HTTP status says, by HTTP's own definitions (RFC 9110, RFC 6585), for asking the spec
which of its declared statuses mean a given outcome.

The contract decides which statuses an operation may answer (its ``responses``); HTTP decides what
each of them means. Code that must recognise "the credentials were refused" or "no such object"
asks ``Operation.statuses(Meaning.UNAUTHENTICATED)`` and gets what the spec declares, so a status
the spec never declares is never expected, and a status it adds later is expected at once.
"""

from __future__ import annotations

from enum import StrEnum


class Meaning(StrEnum):
    SUCCESS = "success"  # 2xx
    INVALID_REQUEST = "invalid request"  # 400, 422: the request itself is malformed or out of range
    UNAUTHENTICATED = "unauthenticated"  # 401: missing or wrong credentials
    FORBIDDEN = "forbidden"  # 403: credentials known, not allowed
    NOT_FOUND = "not found"  # 404
    METHOD_NOT_ALLOWED = "method not allowed"  # 405
    CONFLICT = "conflict"  # 409
    TOO_LARGE = "payload too large"  # 413
    UNSUPPORTED_MEDIA_TYPE = "unsupported media type"  # 415
    RATE_LIMITED = "rate limited"  # 429
    CLIENT_ERROR = "client error"  # any other 4xx
    SERVER_ERROR = "server error"  # 5xx


_EXACT = {
    400: Meaning.INVALID_REQUEST,
    401: Meaning.UNAUTHENTICATED,
    403: Meaning.FORBIDDEN,
    404: Meaning.NOT_FOUND,
    405: Meaning.METHOD_NOT_ALLOWED,
    409: Meaning.CONFLICT,
    413: Meaning.TOO_LARGE,
    415: Meaning.UNSUPPORTED_MEDIA_TYPE,
    422: Meaning.INVALID_REQUEST,
    429: Meaning.RATE_LIMITED,
}

# Refusals of the request's content: a valid request never gets one of these.
REFUSES_CONTENT = frozenset({Meaning.INVALID_REQUEST, Meaning.TOO_LARGE, Meaning.UNSUPPORTED_MEDIA_TYPE})
# Refusals of who is asking.
REFUSES_CREDENTIALS = frozenset({Meaning.UNAUTHENTICATED, Meaning.FORBIDDEN})
# Every 4xx and 5xx meaning.
ERRORS = frozenset(m for m in Meaning if m is not Meaning.SUCCESS)


def meaning(status: int) -> Meaning | None:
    """What ``status`` means (None for 1xx and 3xx, which no refusal or success check is about)."""
    if 200 <= status < 300:
        return Meaning.SUCCESS
    if status in _EXACT:
        return _EXACT[status]
    if 400 <= status < 500:
        return Meaning.CLIENT_ERROR
    if 500 <= status < 600:
        return Meaning.SERVER_ERROR
    return None


def http_status(meaning: Meaning) -> int:
    """HTTP's own status for ``meaning`` (the first one that means it), for a server answering with a
    meaning its spec declares no status for."""
    fallback = {Meaning.SUCCESS: 200, Meaning.CLIENT_ERROR: 400, Meaning.SERVER_ERROR: 500}
    return next((s for s, m in _EXACT.items() if m is meaning), None) or fallback[meaning]


def is_error(status: int) -> bool:
    """A 4xx or 5xx answer."""
    return 400 <= status < 600


__all__ = [
    "ERRORS",
    "REFUSES_CONTENT",
    "REFUSES_CREDENTIALS",
    "Meaning",
    "http_status",
    "is_error",
    "meaning",
]
