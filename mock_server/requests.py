"""Reading what the ASGI server hands over: headers, query parameters, the body."""

from __future__ import annotations

import asyncio
from urllib.parse import parse_qsl

from assistants_spec import Meaning

from .errors import ApiError

JSON_TYPES = ("application/json",)


def header_map(scope: dict, wanted: frozenset[bytes]) -> dict[bytes, str]:
    """The first value of each wanted header (names are lower case in ASGI)."""
    found: dict[bytes, str] = {}
    for name, value in scope["headers"]:
        if name in wanted and name not in found:
            found[name] = value.decode("latin-1")
    return found


def query_map(scope: dict) -> dict[str, str]:
    """The last value of each query parameter."""
    raw = scope.get("query_string") or b""
    if not raw:
        return {}
    return dict(parse_qsl(raw.decode("latin-1"), keep_blank_values=True, encoding="utf-8", errors="replace"))


def is_json(content_type: str | None) -> bool:
    if content_type is None:
        return True  # lenient: a client that names no type still gets its JSON parsed
    media = content_type.split(";", 1)[0].strip().lower()
    return media in JSON_TYPES or (media.startswith("application/") and media.endswith("+json"))


async def read_body(receive, limit: int, declared_length: str | None, timeout: float) -> bytes:
    """The whole body, refusing (413) as soon as it is known to exceed ``limit`` bytes, and (408)
    when it has not all arrived ``timeout`` seconds after the app started reading it.

    Granian has no body read timeout of its own: a client trickling a body would hold its
    connection (and a place under the connection cap) for ever.
    """
    if declared_length is not None:
        try:
            if int(declared_length) > limit:
                raise _too_large(limit)
        except ValueError:
            pass
    try:
        async with asyncio.timeout(timeout):
            return await _read_all(receive, limit)
    except TimeoutError:
        # HTTP's 408: the spec declares no status for a body that never arrives (no Meaning has it).
        raise ApiError(
            408,
            f"The request body did not arrive within {timeout:g}s.",
            code="request_timeout",
            # Granian then closes the connection rather than wait for the rest of the body.
            headers=[(b"connection", b"close")],
        ) from None


async def _read_all(receive, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            # Also what granian reports for a body it cannot decode (e.g. broken chunking): answer
            # it, since a client that is really gone simply never reads the answer.
            raise ApiError(
                Meaning.INVALID_REQUEST,
                "The request body could not be read (malformed framing, or the connection "
                "closed before the body was complete).",
                code="unreadable_body",
            )
        chunk = message.get("body", b"")
        if chunk:
            size += len(chunk)
            if size > limit:
                raise _too_large(limit)
            chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _too_large(limit: int) -> ApiError:
    return ApiError(
        Meaning.TOO_LARGE,
        f"Request body too large: at most {limit} bytes are accepted.",
        code="request_too_large",
    )
