"""Faults on request: the ``x-mock-fault`` header and a random fault rate, for testing clients.

A fault is named by the status the spec declares for it (``429``, ``500`` with the bundled spec).
"""

from __future__ import annotations

import asyncio
import random
import re

from assistants_spec import Meaning

from .errors import ApiError, rate_limited, server_error

HEADER = "x-mock-fault"
MAX_DELAY_SECONDS = 60.0
# What a fault can mean: throttled, or the server failed.
FAULTS = (Meaning.RATE_LIMITED, Meaning.SERVER_ERROR)
_DELAY = re.compile(r"delay=(\d+(?:\.\d+)?)(ms|s)?\Z")


class FaultPlan:
    __slots__ = ("delay", "fault")

    def __init__(self, delay: float = 0.0, fault: Meaning | None = None) -> None:
        self.delay = delay
        self.fault = fault


def parse(value: str, faults: dict[str, Meaning]) -> FaultPlan:
    """A status of ``faults`` (``429``, ``500``), ``delay=200ms`` (or ``1.5s``, bare numbers are
    ms), comma-separated."""
    plan = FaultPlan()
    for token in (t.strip().lower() for t in value.split(",")):
        if not token:
            continue
        if token in faults:
            plan.fault = plan.fault or faults[token]
            continue
        match = _DELAY.match(token)
        if match is None:
            raise ApiError(
                Meaning.INVALID_REQUEST,
                f"Unknown fault {token[:40]!r} in {HEADER}; use {', '.join(faults)} or delay=<n>ms, "
                "comma-separated.",
                param=HEADER,
                code="invalid_fault",
            )
        plan.delay += float(match.group(1)) / (1 if match.group(2) == "s" else 1000)
        # The cap is on the whole wait: `delay=60s,delay=60s` would otherwise wait twice as long.
        if plan.delay > MAX_DELAY_SECONDS:
            raise ApiError(
                Meaning.INVALID_REQUEST,
                f"The delays in {HEADER} can add up to at most {MAX_DELAY_SECONDS:g}s.",
                param=HEADER,
                code="invalid_fault",
            )
    return plan


class Faults:
    def __init__(
        self,
        rate: float,
        seed: int | None,
        retry_after: int,
        retry_after_header: bytes | None,
        faults: dict[str, Meaning],
    ) -> None:
        """``faults``: the token (the spec's status) that asks for each fault of ``FAULTS``."""
        self._faults = faults
        self._rate = rate
        self._random = random.Random(seed)
        self._retry_after = retry_after
        self._retry_after_header = retry_after_header

    async def apply(self, header: str | None) -> None:
        """Sleep and/or raise the fault the request asked for (or the dice chose)."""
        plan = parse(header, self._faults) if header else None
        if plan is not None and plan.delay:
            await asyncio.sleep(plan.delay)
        fault = plan.fault if plan is not None else None
        if fault is None and self._rate and self._random.random() < self._rate:
            fault = self._random.choice(FAULTS)
        if fault is Meaning.RATE_LIMITED:
            raise rate_limited(self._retry_after, self._retry_after_header)
        if fault is Meaning.SERVER_ERROR:
            raise server_error()
