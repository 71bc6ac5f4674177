"""The errors the client raises itself. ``assistants_client.errors`` re-exports them.

Every one derives from ``AssistantsClientError``. Those about the transfer itself also derive from
the httpx exception a caller would already catch: ``DeadlineExceeded`` is an
``httpx.TimeoutException``, ``ResponseTooLarge`` and ``ResponseDecodingError`` are
``httpx.DecodingError``s. No message or attribute holds a credential, even one the server echoed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import httpx

from .redaction import redact, redact_bytes, redact_json

# What parsing a body can raise, RecursionError included (JSON nested deeper than the parser goes).
PARSE_ERRORS: tuple[type[Exception], ...] = (ValueError, TypeError, KeyError, AttributeError, RecursionError)


class AssistantsClientError(Exception):
    """Base class of every error this package raises itself."""


class UnexpectedStatus(AssistantsClientError):
    """A status the spec does not document, raised when ``Client.raise_on_unexpected_status`` is True."""

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content
        super().__init__(f"Unexpected status code: {status_code}")


class ResponseParseError(AssistantsClientError):
    """A success response whose body is not in the shape the spec documents."""

    def __init__(self, message: str, *, status_code: int, request_id: str | None, content: bytes):
        self.status_code = status_code
        self.request_id = request_id
        self.content = content
        super().__init__(f"{message} (status {status_code}, request id {request_id})")


class PaginationError(ResponseParseError):
    """A list that cannot be followed to its end: a cursor that does not advance or comes back, or an
    item seen on an earlier page (a server whose pages cycle would otherwise be read forever)."""


class DeadlineExceeded(AssistantsClientError, httpx.TimeoutException):
    """The call (every attempt, every wait between them and reading the answer) took longer than
    ``Client.deadline``."""


class ResponseTooLarge(AssistantsClientError, httpx.DecodingError):
    """The answer's body (decoded, when it is compressed) is longer than ``Client.max_response_bytes``."""


class ResponseDecodingError(AssistantsClientError, httpx.DecodingError):
    """The answer's body is compressed in a way the client did not ask for or cannot read."""


class APIStatusError(AssistantsClientError):
    """A non-2xx response.

    Attributes:
        status_code: the HTTP status.
        type: ``error.type`` of an OpenAI error body (e.g. ``invalid_request_error``), else None.
        message: ``error.message`` (or the message of a Portkey gateway body), else None.
        param: ``error.param``, the request parameter the error is about, if any.
        code: ``error.code``, a machine-readable code, if any.
        request_id: the response's request id header, to quote when reporting a problem.
        body: the decoded JSON body (None when it is not JSON), with credentials redacted.
    """

    def __init__(
        self,
        *,
        status_code: int,
        type: str | None = None,
        message: str | None = None,
        param: str | None = None,
        code: str | None = None,
        request_id: str | None = None,
        body: Any = None,
    ) -> None:
        self.status_code = status_code
        self.type = type
        self.message = message
        self.param = param
        self.code = code
        self.request_id = request_id
        self.body = body
        super().__init__(self._summary())

    def _summary(self) -> str:
        parts = [f"{self.status_code}"]
        if self.type:
            parts.append(f"{self.type}:")
        parts.append(self.message or "(no error message in the response body)")
        details = [f"{k}={v}" for k, v in (("param", self.param), ("code", self.code)) if v is not None]
        details.append(f"request_id={self.request_id}")
        return " ".join(parts) + f" ({', '.join(details)})"


class BadRequestError(APIStatusError):
    """400: the request is invalid (or Portkey's gateway refused it before forwarding)."""


class AuthenticationError(APIStatusError):
    """401: missing or invalid credentials."""


class PermissionDeniedError(APIStatusError):
    """403: the credentials may not do this."""


class NotFoundError(APIStatusError):
    """404: no such object (for these credentials)."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the current state."""


class UnprocessableEntityError(APIStatusError):
    """422: the request is well-formed but cannot be processed."""


class RateLimitError(APIStatusError):
    """429: too many requests; the client already retried as configured."""


class InternalServerError(APIStatusError):
    """5xx: the server or the gateway failed; the client already retried as configured."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None if value is None else str(value)


def from_response(
    response: Any, secrets: Iterable[str] = (), *, request_id_header: str | None = None
) -> APIStatusError:
    """The typed error for a non-2xx ``response`` (httpx's or the package's ``Response``), read from
    its OpenAI or gateway error body; ``secrets`` are redacted from everything the error carries."""
    secrets = tuple(s for s in secrets if s)
    try:
        body = redact_json(json.loads(response.content), secrets)
    except RecursionError:
        body, fields = None, {"message": "the error body is JSON nested too deeply to read"}
    except ValueError:
        body, fields = None, {}
    else:
        fields = {}
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        error = body["error"]
        fields = {key: _text(error.get(key)) for key in ("type", "message", "param", "code")}
    elif isinstance(body, dict) and isinstance(body.get("message"), str):
        fields = {"message": body["message"]}
    elif body is None and response.content and not fields:
        text = response.content[:200].decode("utf-8", errors="replace")
        fields = {"message": redact(f"non-JSON body: {text}", secrets)}
    status = response.status_code
    kind = _BY_STATUS.get(status) or (InternalServerError if status >= 500 else APIStatusError)
    request_id = response.headers.get(request_id_header) if request_id_header else None
    return kind(status_code=status, request_id=redact(request_id, secrets), body=body, **fields)


def parse_error(
    operation: str,
    response: Any,
    error: BaseException,
    secrets: Iterable[str] = (),
    *,
    request_id_header: str | None = None,
    kind: type[ResponseParseError] = ResponseParseError,
) -> ResponseParseError:
    """The error for a success response whose body ``error`` kept from being parsed."""
    secrets = tuple(secrets)
    if isinstance(error, RecursionError):
        detail = "JSON nested too deeply to read"
    else:
        detail = f"{type(error).__name__}: {redact(str(error), secrets)}"
    return unreadable(
        f"{operation}: the response body is not in the documented shape ({detail})",
        response,
        secrets,
        request_id_header=request_id_header,
        kind=kind,
    )


def unreadable(
    message: str,
    response: Any,
    secrets: Iterable[str] = (),
    *,
    request_id_header: str | None = None,
    kind: type[ResponseParseError] = ResponseParseError,
) -> ResponseParseError:
    """A ``ResponseParseError`` (or ``kind``) about ``response``, with every secret redacted."""
    secrets = tuple(secrets)
    request_id = response.headers.get(request_id_header) if request_id_header else None
    return kind(
        redact(message, secrets) or message,
        status_code=response.status_code,
        request_id=redact(request_id, secrets),
        content=redact_bytes(response.content, secrets),
    )


__all__ = [
    "PARSE_ERRORS",
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
    "parse_error",
    "unreadable",
]
