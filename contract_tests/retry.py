"""The suite's one retry policy: when the target rate-limits a request, wait what it asked, then send
it again, a bounded number of times.

Only rate-limit answers are sent again: any other answer, a 5xx included, is what the suite judges.
The wait is what ``Retry-After`` asks (seconds, or an HTTP date; ``retry-after-ms`` first when
present), capped: an answer asking for longer than ``max_wait`` is not obeyed but returned with a
note saying so, for the report. Independent of any HTTP library: the suite's httpx client and the
requests hook that schemathesis' requests go through (``contract_tests.hooks``) both use it.
"""

from __future__ import annotations

import email.utils
import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from assistants_spec.statuses import Meaning, meaning

R = TypeVar("R")


def retry_after_seconds(headers: Mapping[str, Any], now: float | None = None) -> float | None:
    """Seconds the answer asks to wait (``retry-after-ms``, else ``Retry-After`` in seconds or as an
    HTTP date); None when it asks nothing readable. Never negative (a date in the past is 0)."""
    milliseconds = _header(headers, "retry-after-ms")
    if milliseconds is not None:
        asked = _number(milliseconds)
        if asked is not None:
            return asked / 1000
    value = _header(headers, "retry-after")
    if value is None:
        return None
    asked = _number(value)
    if asked is not None:
        return asked
    try:
        when = email.utils.parsedate_to_datetime(value)
        remaining = when.timestamp() - (time.time() if now is None else now)
    except (TypeError, ValueError, OverflowError, IndexError):
        return None
    return max(remaining, 0.0)


def _number(text: str) -> float | None:
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return max(value, 0.0) if not math.isnan(value) else None


def _header(headers: Mapping[str, Any], name: str) -> str | None:
    value = headers.get(name)
    if value is None:
        value = next((v for k, v in headers.items() if str(k).lower() == name), None)
    if isinstance(value, list):  # schemathesis keeps every header as a list of values
        value = value[0] if value else None
    return None if value is None else str(value)


@dataclass(frozen=True)
class Decision:
    wait: float | None  # seconds to wait before sending again; None: do not send again
    note: str = ""  # why an asked-for wait was not obeyed (for the report)


@dataclass(frozen=True)
class RetryPolicy:
    max_retries: int = 4
    max_wait: float = 60.0  # the longest wait obeyed; a longer Retry-After is reported instead
    default_wait: float = 1.0  # when a rate-limit answer asks for no particular wait

    def decide(self, status: int, headers: Mapping[str, Any], retries_done: int) -> Decision:
        if meaning(status) is not Meaning.RATE_LIMITED or retries_done >= self.max_retries:
            return Decision(None)
        asked = retry_after_seconds(headers)
        if asked is None:
            return Decision(self.default_wait)
        if asked > self.max_wait:
            return Decision(
                None,
                f"the target asked to wait {_seconds(asked)} before sending again (Retry-After), beyond "
                f"the suite's cap of {_seconds(self.max_wait)}: not obeyed, the {status} answer was kept",
            )
        return Decision(asked)

    def run(
        self,
        send: Callable[[], R],
        answer: Callable[[R], tuple[int, Mapping[str, Any]]],
        *,
        first: R | None = None,
        sleep: Callable[[float], None] = time.sleep,
        on_note: Callable[[str], None] | None = None,
    ) -> R:
        """Send (unless the `first` answer is already there), and send again as long as the policy
        says so; the last answer is returned."""
        response = send() if first is None else first
        retries = 0
        while True:
            status, headers = answer(response)
            decision = self.decide(status, headers, retries)
            if decision.note and on_note is not None:
                on_note(decision.note)
            if decision.wait is None:
                return response
            sleep(decision.wait)
            retries += 1
            response = send()


def _seconds(value: float) -> str:
    return f"{value:g} s" if value < 1e6 else f"{value:.3g} s"


DEFAULT_POLICY = RetryPolicy()

__all__ = ["DEFAULT_POLICY", "Decision", "RetryPolicy", "retry_after_seconds"]
