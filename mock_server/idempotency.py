"""Idempotency keys on writes (the spec's ``x-idempotency``): a retried write is answered from the first one.

OpenAI's Assistants API documented no idempotency key; the spec states the header, the methods it
applies to and the key's length after Stripe and the IETF draft ``draft-ietf-httpapi-idempotency-key-header``.
The same key with the same request (operation, path, beta profile, JSON body) from the same tenant
replays the recorded answer, marked with the spec's replayed header; the same key with another
request is refused with 400, as Stripe does. Only writes that happened are recorded (not a refusal
or a 404).
"""

from __future__ import annotations

import hashlib
from typing import Any

import orjson
from assistants_spec import Idempotency, Meaning

from .errors import ApiError
from .store import Once


class IdempotencyKeys:
    """The spec's idempotency rules as the mock applies them."""

    def __init__(self, rules: Idempotency) -> None:
        self.rules = rules
        self.header = rules.header.lower().encode()  # as header_map keys requests' headers
        self.replayed: tuple[tuple[bytes, bytes], ...] = (
            ((rules.replayed_header.lower().encode(), b"true"),) if rules.replayed_header else ()
        )

    def once(
        self, key: str | None, operation_id: str, profile: str, path: dict[str, str], body: Any
    ) -> Once | None:
        """What makes a write happen once for ``key`` (None without a key)."""
        if key is None:
            return None
        name, longest = self.rules.header, self.rules.max_length
        if not key or (longest is not None and len(key) > longest):
            raise ApiError(
                Meaning.INVALID_REQUEST,
                f"The {name} header must be 1 to {longest} characters long."
                if longest is not None
                else f"The {name} header must not be empty.",
                param=name,
                code="invalid_idempotency_key",
            )
        request = orjson.dumps([operation_id, profile, path, body], option=orjson.OPT_SORT_KEYS)
        return Once(key, hashlib.sha256(request).hexdigest())

    def reused(self) -> ApiError:
        name = self.rules.header
        return ApiError(
            Meaning.INVALID_REQUEST,
            f"This {name} was used with a different request (operation, path or body); keys can only be "
            "reused with the same request, which then gets the first answer again. Use a new key.",
            param=name,
            code="idempotency_key_reused",
        )
