"""The OpenAI error body, and the exception handlers raise to answer with one.

An error names what it means (``Meaning``); the app answers it with the status the spec declares for
that meaning (``ProfileView.status_for``), so the statuses are the spec's. A status the spec states
outside its operations (the undeclared-method answer) or gives no meaning to is passed as a number.
"""

from __future__ import annotations

import orjson
from assistants_spec import Meaning, UndeclaredMethodAnswer


class ApiError(Exception):
    """An answer with the OpenAI error body ``{"error": {message, type, param, code}}``."""

    def __init__(
        self,
        status: Meaning | int,
        message: str,
        *,
        type: str = "invalid_request_error",
        param: str | None = None,
        code: str | None = None,
        headers: list[tuple[bytes, bytes]] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.type = type
        self.param = param
        self.code = code
        self.headers = headers or []

    def body(self) -> bytes:
        return orjson.dumps(
            {"error": {"message": self.message, "type": self.type, "param": self.param, "code": self.code}}
        )


_ECHO_LIMIT = 200


def _echo(text: str) -> str:
    """Client input quoted in a message, cut short (an id or a path can be any length)."""
    return text if len(text) <= _ECHO_LIMIT else text[:_ECHO_LIMIT] + "..."


def not_found(kind: str, ident: str) -> ApiError:
    return ApiError(Meaning.NOT_FOUND, f"No {kind} found with id '{_echo(ident)}'.")


def unknown_route(method: str, path: str) -> ApiError:
    return ApiError(Meaning.NOT_FOUND, f"Invalid URL ({_echo(method)} {_echo(path)}).", code="unknown_url")


def method_not_allowed(
    method: str, path: str, allowed: list[str], answer: UndeclaredMethodAnswer
) -> ApiError:
    """The spec's answer to a method ``path`` lacks that lists the path's methods (HTTP's 405 + Allow)."""
    header = answer.methods_header
    return ApiError(
        answer.status,
        f"Method {_echo(method)} is not allowed on {_echo(path)}; allowed: {', '.join(allowed)}.",
        code="method_not_allowed",
        headers=[(header.lower().encode(), ", ".join(allowed).encode())] if header else [],
    )


def server_error() -> ApiError:
    return ApiError(
        Meaning.SERVER_ERROR,
        "The server had an error while processing your request. Sorry about that!",
        type="server_error",
    )


def rate_limited(retry_after: int, header: bytes | None) -> ApiError:
    """A 429; ``header`` is where to say ``retry_after`` (None: the spec declares no such header)."""
    return ApiError(
        Meaning.RATE_LIMITED,
        f"Rate limit reached for requests. Please try again in {retry_after}s.",
        type="requests",
        code="rate_limit_exceeded",
        headers=[(header, str(retry_after).encode())] if header else [],
    )
