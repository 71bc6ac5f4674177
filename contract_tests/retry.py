"""How the suite sends a rate-limited request again: the project's one retry policy and Retry-After
parser (``assistants_client._runtime.retry``, shared with the client), set for a conformance run.

Only rate-limit answers are sent again: any other answer, a 5xx included, is what the suite judges.
The wait is what ``Retry-After`` asks (``retry-after-ms``, seconds or an HTTP date), capped: an
answer asking for longer than the cap is not obeyed but kept, with a note for the report.
Independent of the HTTP library: the suite's httpx client and the requests hook that schemathesis'
requests go through (``contract_tests.hooks``) both use `send_politely`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from assistants_client._runtime.retry import RetryPolicy, parse_retry_after

R = TypeVar("R")

# Four more tries after a rate-limit answer, each wait at most a minute; the backoff when the target
# asks for no particular wait starts at one second.
SUITE_POLICY = RetryPolicy(
    max_retries=4, backoff_initial=1.0, backoff_max=8.0, max_retry_after=60.0, retry_server_errors=False
)


def _seconds(value: float) -> str:
    return f"{value:g} s" if value < 1e6 else f"{value:.3g} s"


def beyond_cap_note(status: int, asked: float, policy: RetryPolicy = SUITE_POLICY) -> str:
    return (
        f"the target asked to wait {_seconds(asked)} before sending again (Retry-After), beyond the "
        f"suite's cap of {_seconds(policy.max_retry_after)}: not obeyed, the {status} answer was kept"
    )


def send_politely(
    send: Callable[[], R],
    answer: Callable[[R], tuple[int, Mapping[str, Any]]],
    *,
    method: str = "GET",
    policy: RetryPolicy = SUITE_POLICY,
    first: R | None = None,
    sleep: Callable[[float], None] = time.sleep,
    on_note: Callable[[str], None] | None = None,
) -> R:
    """Send (unless the ``first`` answer is already there), and send again as long as the policy
    says so; the last answer is returned. ``answer`` reads (status, headers) from a response."""
    response = send() if first is None else first
    retries = 0
    while True:
        status, headers = answer(response)
        decision = policy.decide(retries, method=method, status=status, headers=headers)
        if decision.beyond_cap and on_note is not None and decision.retry_after is not None:
            on_note(beyond_cap_note(status, decision.retry_after, policy))
        if not decision.retry:
            return response
        sleep(decision.wait)
        retries += 1
        response = send()


__all__ = ["SUITE_POLICY", "RetryPolicy", "beyond_cap_note", "parse_retry_after", "send_politely"]
