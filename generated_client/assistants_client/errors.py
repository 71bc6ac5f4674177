"""Errors raised by the client (defined in ``._runtime.errors``).

``APIStatusError`` (and one subclass per common status) is raised for every non-2xx response when
the client is built with ``raise_on_error=True``. ``DeadlineExceeded``, ``ResponseTooLarge``,
``ResponseDecodingError`` and ``PaginationError`` report a call that could not complete. No message
or attribute contains the client's credentials, even when the server echoes them back.
"""

from collections.abc import Iterable
from typing import Any

from ._runtime.errors import (
    PARSE_ERRORS,
    APIStatusError,
    AssistantsClientError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    DeadlineExceeded,
    InternalServerError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodingError,
    ResponseParseError,
    ResponseTooLarge,
    UnexpectedStatus,
    UnprocessableEntityError,
)
from ._runtime.errors import from_response as _from_response
from ._runtime.redaction import redact
from .types import REQUEST_ID_HEADER


def from_response(response: Any, secrets: Iterable[str] = ()) -> APIStatusError:
    """The typed error for a non-2xx ``response`` (httpx's or ours), read from its OpenAI or gateway
    error body; ``secrets`` are redacted from everything the error carries."""
    return _from_response(response, secrets, request_id_header=REQUEST_ID_HEADER)


__all__ = [
    "PARSE_ERRORS",
    "REQUEST_ID_HEADER",
    "APIStatusError",
    "AssistantsClientError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "DeadlineExceeded",
    "InternalServerError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseDecodingError",
    "ResponseParseError",
    "ResponseTooLarge",
    "UnexpectedStatus",
    "UnprocessableEntityError",
    "from_response",
    "redact",
]
