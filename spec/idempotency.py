"""Idempotency keys (``x-idempotency``): the request header that makes a retried write happen once.

Not part of OpenAPI, and not documented by OpenAI for this API: the spec states the header, the
methods it applies to and its limits once, for the mock that honours it and the client that sends it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

EXTENSION = "x-idempotency"


@dataclass(frozen=True)
class Idempotency:
    header: str  # the request header carrying the key
    replayed_header: str | None  # the answer header marking a replayed answer, if any
    methods: frozenset[str]  # upper case: the methods a key applies to
    max_length: int | None  # the longest key accepted

    @classmethod
    def of(cls, raw: dict[str, Any]) -> Idempotency | None:
        """The document's ``x-idempotency`` block, or None when it declares none."""
        block = raw.get(EXTENSION)
        if block is None:
            return None
        try:
            return cls(
                header=block["header"],
                replayed_header=block.get("replayed-header"),
                methods=frozenset(m.upper() for m in block["methods"]),
                max_length=block.get("max-length"),
            )
        except (KeyError, TypeError, AttributeError):
            raise ValueError(f"{EXTENSION} needs a header and the methods it applies to") from None

    def applies_to(self, method: str) -> bool:
        return method.upper() in self.methods
