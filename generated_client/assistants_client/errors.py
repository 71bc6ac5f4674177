"""Errors raised by the API functions.

``APIStatusError`` (and one subclass per common status) is raised for every non-2xx response when
the client is built with ``raise_on_error=True``. Its message and attributes never contain the
client's credentials, even when the server echoes them back.
"""

import json
from collections.abc import Iterable
from typing import Any

import httpx

from .types import Response

REQUEST_ID_HEADER = "x-request-id"
_REDACTED = "[REDACTED]"
# Shorter values are not real keys, and replacing them would mangle ordinary words in messages.
MIN_SECRET_LENGTH = 8


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

    def __init__(
        self, message: str, *, status_code: int, request_id: str | None, content: bytes
    ):
        self.status_code = status_code
        self.request_id = request_id
        self.content = content
        super().__init__(f"{message} (status {status_code}, request id {request_id})")


def redact(text: str | None, secrets: Iterable[str]) -> str | None:
    """``text`` with every secret replaced, so that an echoed key never reaches a message or log."""
    if text is None:
        return None
    for secret in secrets:
        if len(secret) >= MIN_SECRET_LENGTH:
            text = text.replace(secret, _REDACTED)
    return text


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
        details = [
            f"{k}={v}"
            for k, v in (("param", self.param), ("code", self.code))
            if v is not None
        ]
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


def _redact_json(value: Any, secrets: tuple[str, ...]) -> Any:
    if isinstance(value, str):
        return redact(value, secrets)
    if isinstance(value, dict):
        return {k: _redact_json(v, secrets) for k, v in value.items()}
    if isinstance(value, list):
        return [_redact_json(v, secrets) for v in value]
    return value


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None if value is None else str(value)


def from_response(
    response: "httpx.Response | Response[Any]", secrets: Iterable[str] = ()
) -> APIStatusError:
    """The typed error for a non-2xx ``response`` (httpx's or ours), read from its OpenAI or gateway
    error body; ``secrets`` are redacted from everything the error carries."""
    secrets = tuple(s for s in secrets if s)
    try:
        body = _redact_json(json.loads(response.content), secrets)
    except ValueError:
        body = None
    fields: dict[str, Any] = {}
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        error = body["error"]
        fields = {
            key: _text(error.get(key)) for key in ("type", "message", "param", "code")
        }
    elif isinstance(body, dict) and isinstance(body.get("message"), str):
        fields = {"message": body["message"]}
    elif body is None and response.content:
        text = response.content[:200].decode("utf-8", errors="replace")
        fields = {"message": redact(f"non-JSON body: {text}", secrets)}
    status = response.status_code
    kind = _BY_STATUS.get(status) or (
        InternalServerError if status >= 500 else APIStatusError
    )
    return kind(
        status_code=status,
        request_id=response.headers.get(REQUEST_ID_HEADER),
        body=body,
        **fields,
    )


__all__ = [
    "APIStatusError",
    "AssistantsClientError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseParseError",
    "UnexpectedStatus",
    "UnprocessableEntityError",
    "from_response",
    "redact",
]
