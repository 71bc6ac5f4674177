"""Faults on request: the ``x-mock-fault`` header and a random fault rate, for testing clients."""

from __future__ import annotations

import asyncio
import random
import re

from .errors import ApiError, rate_limited, server_error

HEADER = "x-mock-fault"
MAX_DELAY_SECONDS = 60.0
_DELAY = re.compile(r"delay=(\d+(?:\.\d+)?)(ms|s)?\Z")


class FaultPlan:
    __slots__ = ("delay", "status")

    def __init__(self, delay: float = 0.0, status: int | None = None) -> None:
        self.delay = delay
        self.status = status


def parse(value: str) -> FaultPlan:
    """``429``, ``500``, ``delay=200ms`` (or ``1.5s``, bare numbers are ms), comma-separated."""
    plan = FaultPlan()
    for token in (t.strip().lower() for t in value.split(",")):
        if not token:
            continue
        if token in ("429", "500"):
            plan.status = plan.status or int(token)
            continue
        match = _DELAY.match(token)
        if match is None:
            raise ApiError(
                400,
                f"Unknown fault {token[:40]!r} in {HEADER}; use 429, 500 or delay=<n>ms, comma-separated.",
                param=HEADER,
                code="invalid_fault",
            )
        plan.delay += float(match.group(1)) / (1 if match.group(2) == "s" else 1000)
        # The cap is on the whole wait: `delay=60s,delay=60s` would otherwise wait twice as long.
        if plan.delay > MAX_DELAY_SECONDS:
            raise ApiError(
                400,
                f"The delays in {HEADER} can add up to at most {MAX_DELAY_SECONDS:g}s.",
                param=HEADER,
                code="invalid_fault",
            )
    return plan


class Faults:
    def __init__(
        self, rate: float, seed: int | None, retry_after: int, retry_after_header: bytes | None
    ) -> None:
        self._rate = rate
        self._random = random.Random(seed)
        self._retry_after = retry_after
        self._retry_after_header = retry_after_header

    async def apply(self, header: str | None) -> None:
        """Sleep and/or raise the fault the request asked for (or the dice chose)."""
        plan = parse(header) if header else None
        if plan is not None and plan.delay:
            await asyncio.sleep(plan.delay)
        status = plan.status if plan is not None else None
        if status is None and self._rate and self._random.random() < self._rate:
            status = self._random.choice((429, 500))
        if status == 429:
            raise rate_limited(self._retry_after, self._retry_after_header)
        if status == 500:
            raise server_error()
