"""``Idempotency-Key`` on creates and modifies: a retried write is answered from the first one.

A mock feature, like ``x-mock-fault`` (OpenAI's Assistants API documented no idempotency keys):
the header name and rules follow Stripe and the IETF draft ``draft-ietf-httpapi-idempotency-key-header``.
The same key with the same request (operation, path, beta profile, JSON body) from the same tenant
replays the recorded answer, with ``Idempotent-Replayed: true``; the same key with another request
is refused with 400, as Stripe does. Only writes that happened are recorded (not a refusal or a 404).
"""

from __future__ import annotations

import hashlib
from typing import Any

import orjson

from .errors import ApiError
from .store import Once

HEADER = "Idempotency-Key"
REPLAYED_HEADER = (b"idempotent-replayed", b"true")
MAX_KEY_LENGTH = 255  # Stripe's limit


def once(key: str | None, operation_id: str, profile: str, path: dict[str, str], body: Any) -> Once | None:
    """What makes a write happen once for ``key`` (None without a key)."""
    if key is None:
        return None
    if not 1 <= len(key) <= MAX_KEY_LENGTH:
        raise ApiError(
            400,
            f"The {HEADER} header must be 1 to {MAX_KEY_LENGTH} characters long.",
            param=HEADER,
            code="invalid_idempotency_key",
        )
    request = orjson.dumps([operation_id, profile, path, body], option=orjson.OPT_SORT_KEYS)
    return Once(key, hashlib.sha256(request).hexdigest())


def reused() -> ApiError:
    return ApiError(
        400,
        f"This {HEADER} was used with a different request (operation, path or body); keys can only be "
        "reused with the same request, which then gets the first answer again. Use a new key.",
        param=HEADER,
        code="idempotency_key_reused",
    )
