"""Every request schemathesis sends waits out a 429 (Retry-After) and is sent again, probes included.

schemathesis 4.32.5 retries a 429 only in its "auto" rate-limit mode, never when a request rate is
set, and never for the extra requests its checks send (e.g. `ignored_auth` probes without
credentials), which then report a 429 as a violation. Wrapping its one requests transport for the
duration of the run covers every path; the wrapper is removed afterwards.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from typing import Any

from schemathesis.core.rate_limit import parse_retry_after
from schemathesis.transport.requests import REQUESTS_TRANSPORT

from contract_tests.http import DEFAULT_RETRY_AFTER, MAX_RATE_LIMIT_RETRIES


def _retry_after(response: Any) -> float:
    value = response.headers.get("retry-after") or response.headers.get("Retry-After") or ""
    if isinstance(value, list):
        value = value[0] if value else ""
    delay = parse_retry_after(value)
    return DEFAULT_RETRY_AFTER if delay is None else delay


@contextlib.contextmanager
def waiting_out_rate_limits(transport: Any = REQUESTS_TRANSPORT) -> Iterator[None]:
    original = transport.send

    def send(case: Any, **kwargs: Any) -> Any:
        for _ in range(MAX_RATE_LIMIT_RETRIES):
            response = original(case, **kwargs)
            if response.status_code != 429:
                return response
            time.sleep(_retry_after(response))
        return original(case, **kwargs)

    transport.send = send
    try:
        yield
    finally:
        del transport.send  # back to the class' own method
