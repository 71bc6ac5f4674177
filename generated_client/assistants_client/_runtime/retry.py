"""When to send a request again and how long to wait first: the one retry policy and the one
``Retry-After`` parser of the project (the client's transports use them, and so does the
conformance suite).

    from assistants_client._runtime.retry import RetryPolicy, parse_retry_after

    parse_retry_after(response.headers)          # seconds, math.inf, or None; never raises
    policy = RetryPolicy(max_retries=4, max_retry_after=60.0)
    decision = policy.decide(0, method="GET", status=429, headers=response.headers)
    if decision.retry:
        time.sleep(decision.wait)
    elif decision.beyond_cap:
        ...  # the server asked for a longer wait than the cap: report it, do not obey it

What is retried:
- a connection failure that certainly happened before the request reached the server (connect
  errors and timeouts, no free connection in the pool): always;
- a connection lost after the request was sent (read, write and protocol errors) and any 5xx:
  only when sending it twice cannot do anything twice: an idempotent method (GET, DELETE, ...) or a
  request carrying an idempotency key (the spec's ``x-idempotency`` header, which the client's
  ``RetryPolicy.idempotency_header`` names). A create whose answer was lost may have been stored;
- 429: always. The server refused the request without acting on it, which is what 429 says;
- read timeouts never: the server may still be working on the request.

The wait is what the server asked for (``retry-after-ms``, else ``Retry-After``), or exponential
backoff with jitter. A server asking for more than ``max_retry_after`` seconds is not obeyed: the
answer is given back as it is (``beyond_cap``). A wait that would end after the call's deadline is
not started either.
"""

from __future__ import annotations

import calendar
import email.utils
import logging
import math
import random
import re
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from . import limits

# RFC 6585: refused without being acted on. No status below it is ever retried (the transports'
# fast path relies on that).
TOO_MANY_REQUESTS = 429
# RFC 9110 section 9.2.2: sending one of these twice has the effect of sending it once.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"})

# Connection failures by whether the request can have reached the server.
NOT_SENT: tuple[type[Exception], ...] = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
MAYBE_SENT: tuple[type[Exception], ...] = (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError)

logger = logging.getLogger("assistants_client")

_SECONDS = re.compile(r"[0-9]+(?:\.[0-9]+)?")  # ASCII digits only: float() also reads "٣"
_LATEST_YEAR = 9999  # what datetime and calendar can represent; later dates are "forever"


def _header(headers: Any, name: str) -> str | None:
    """A header of any mapping (httpx, requests, a dict, values as lists), case-insensitively."""
    value = headers.get(name)
    if value is None and not isinstance(headers, httpx.Headers):
        lowered = name.lower()
        value = next((v for k, v in headers.items() if isinstance(k, str) and k.lower() == lowered), None)
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    return value if isinstance(value, str) else None


def _seconds(text: str) -> float | None:
    text = text.strip()
    if not _SECONDS.fullmatch(text):
        return None
    return float(text)  # a 400-digit number becomes inf, which is what it means


def _http_date(text: str, now: float) -> float | None:
    # Odd input has made the stdlib parser raise; garbage is no error here.
    try:
        parts = email.utils.parsedate_tz(text)
    except (ValueError, TypeError, IndexError, OverflowError):
        return None
    if parts is None:
        return None
    year, month, day, hour, minute, second = parts[:6]
    if year > _LATEST_YEAR:
        return math.inf
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(max(year, 1), month)[1]):
        return None
    if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 60):
        return None
    offset = parts[9] or 0
    when = calendar.timegm((year, month, day, hour, minute, second, 0, 0, 0)) - offset
    return max(when - now, 0.0)


def parse_retry_after(
    source: Mapping[str, Any] | str | bytes | None, *, now: float | None = None
) -> float | None:
    """Seconds a server asked to wait before the next request, or None when it asked nothing usable.

    ``source`` is a response's headers (any mapping, looked up case-insensitively: httpx or requests
    headers, a dict, values given as lists) or one ``Retry-After`` value. With headers,
    ``retry-after-ms`` (milliseconds, sent by OpenAI) wins over ``Retry-After``, which is either
    delay-seconds (``120``; ``1.5`` is accepted too) or an HTTP date (RFC 9110: IMF-fixdate, RFC 850
    or asctime) measured from ``now`` (epoch seconds, default ``time.time()``).

    Never raises: a date in the past gives 0.0; a value too large to represent (a 400-digit number, a
    date in the year 10**19) gives ``math.inf``; anything else unusable (empty, negative, ``soon``,
    ``NaN``, an impossible date) gives None.
    """
    if source is None:
        return None
    if isinstance(source, bytes):
        source = source.decode("latin-1")
    if isinstance(source, str):
        milliseconds, value = None, source
    else:
        milliseconds, value = _header(source, "retry-after-ms"), _header(source, "retry-after")
    if milliseconds is not None:
        asked = _seconds(milliseconds)
        if asked is not None:
            return asked / 1000
    if value is None:
        return None
    asked = _seconds(value)
    if asked is not None:
        return asked
    return _http_date(value, time.time() if now is None else now)


def connection_failure(error: BaseException) -> str | None:
    """``"not sent"`` when the request certainly never reached the server, ``"maybe sent"`` when it
    may have, None for any other error (not a connection failure, or one never retried)."""
    if isinstance(error, NOT_SENT):
        return "not sent"
    if isinstance(error, MAYBE_SENT):
        return "maybe sent"
    return None


@dataclass(frozen=True)
class RetryDecision:
    retry: bool
    wait: float  # seconds to wait before the next attempt (0.0 when not retrying)
    reason: str  # what happened, for logs and reports: "status 503", "ConnectError", ...
    retry_after: float | None = None  # what the server asked for, in seconds, if anything
    beyond_cap: bool = False  # the server asked for more than max_retry_after: not obeyed


@dataclass(frozen=True)
class RetryPolicy:
    """When and how long to wait before sending a request again (see the module docstring).

    Attributes:
        max_retries: retries after the first attempt (0 turns retrying off).
        backoff_initial: the first backoff wait in seconds; each later one doubles, plus a random
            jitter of up to ``backoff_initial``.
        backoff_max: no backoff wait is longer.
        max_retry_after: the longest ``Retry-After`` obeyed; a server asking for more gets its answer
            given back instead of a wait.
        retry_server_errors: retry 5xx answers (when replaying is safe); 429 is retried regardless.
        idempotency_header: the request header whose key makes sending a non-idempotent request
            twice safe; None: no request is keyed. The generated client fills in the spec's
            ``x-idempotency`` header when the policy it is given names none.
    """

    max_retries: int = 2
    backoff_initial: float = 0.5
    backoff_max: float = 8.0
    max_retry_after: float = 60.0
    retry_server_errors: bool = True
    idempotency_header: str | None = None

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, got {self.max_retries}")
        for name in ("backoff_initial", "backoff_max", "max_retry_after"):
            value = getattr(self, name)
            if not (value >= 0 and math.isfinite(value)):
                raise ValueError(f"{name} must be a finite number >= 0, got {value}")

    def is_retryable_status(self, status: int) -> bool:
        return status == TOO_MANY_REQUESTS or (self.retry_server_errors and status >= 500)

    def backoff(self, retry_number: int) -> float:
        """The wait before retry number ``retry_number`` (1 for the first) when the server asked none."""
        base = self.backoff_initial * 2 ** min(retry_number - 1, 62)
        return min(self.backoff_max, base + random.uniform(0, self.backoff_initial))

    def decide(
        self,
        retries_done: int,
        *,
        method: str = "GET",
        status: int | None = None,
        headers: Mapping[str, Any] | None = None,
        error: BaseException | None = None,
        idempotency_key: bool = False,
        remaining: float | None = None,
        now: float | None = None,
    ) -> RetryDecision:
        """Whether to send again after an attempt that gave ``status`` and ``headers`` or raised ``error``.

        ``retries_done`` counts the retries already made (0 after the first attempt); ``method`` and
        ``idempotency_key`` (the request carries one) say whether sending twice is safe;
        ``remaining`` is the time left before the call's deadline, if it has one.
        """
        replay_safe = idempotency_key or method.upper() in IDEMPOTENT_METHODS
        asked = None
        if error is not None:
            reason = type(error).__name__
            kind = connection_failure(error)
            if kind is None or (kind == "maybe sent" and not replay_safe):
                return RetryDecision(False, 0.0, reason)
        else:
            reason = f"status {status}"
            if status is None or not self.is_retryable_status(status):
                return RetryDecision(False, 0.0, reason)
            if status != TOO_MANY_REQUESTS and not replay_safe:
                return RetryDecision(False, 0.0, f"{reason} (the server may have acted on it)")
            asked = parse_retry_after(headers, now=now) if headers is not None else None
            if asked is not None and asked > self.max_retry_after:
                return RetryDecision(
                    False, 0.0, f"{reason}, Retry-After {asked:g} s beyond the cap", asked, True
                )
        if retries_done >= self.max_retries:
            return RetryDecision(False, 0.0, f"{reason} (retries spent)", asked)
        wait = asked if asked is not None else self.backoff(retries_done + 1)
        if remaining is not None and wait >= remaining:
            return RetryDecision(
                False, 0.0, f"{reason} (the deadline leaves no time to wait {wait:.2f} s)", asked
            )
        return RetryDecision(True, wait, reason, asked)


def _log_retry(
    request: httpx.Request, decision: RetryDecision, retry_number: int, policy: RetryPolicy
) -> None:
    # Method and path only: headers carry the credentials.
    logger.info(
        "retrying %s %s in %.2f s after %s (retry %d of %d)",
        request.method,
        request.url.path,
        decision.wait,
        decision.reason,
        retry_number,
        policy.max_retries,
    )


def _with_idempotency_key(request: httpx.Request, policy: RetryPolicy) -> bool:
    """Gives a non-idempotent request one key for all its attempts; True when it has a key."""
    header = policy.idempotency_header
    if header in request.headers:
        return True
    if request.method in IDEMPOTENT_METHODS:
        return False
    request.headers[header] = str(uuid.uuid4())
    return True


def _keyed(request: httpx.Request, keyed: bool | None, policy: RetryPolicy) -> bool:
    if keyed is not None:
        return keyed
    return policy.idempotency_header is not None and policy.idempotency_header in request.headers


def _check_keys(policy: RetryPolicy, idempotency_keys: bool) -> None:
    if idempotency_keys and policy.idempotency_header is None:
        raise ValueError("idempotency_keys needs the policy's idempotency_header (the spec declares none)")


class RetryTransport(httpx.BaseTransport):
    """Sends a request again as ``policy`` decides.

    ``idempotency_keys=True`` gives every non-idempotent request a key in the policy's
    ``idempotency_header`` (one per call, the same on each of its attempts), which makes its retries
    safe on servers that honour the header. A request already carrying the header keeps its own.
    """

    def __init__(
        self,
        transport: httpx.BaseTransport,
        policy: RetryPolicy,
        sleep: Callable[[float], None] = time.sleep,
        *,
        idempotency_keys: bool = False,
    ) -> None:
        _check_keys(policy, idempotency_keys)
        self._transport = transport
        self._policy = policy
        self._sleep = sleep
        self._idempotency_keys = idempotency_keys

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        policy = self._policy
        # Whether the request has a key matters only once an attempt failed; looked up then.
        keyed = _with_idempotency_key(request, policy) if self._idempotency_keys else None
        retries = 0
        while True:
            try:
                response = self._transport.handle_request(request)
            except httpx.TransportError as error:
                if policy.max_retries == 0:
                    raise
                decision = policy.decide(
                    retries, method=request.method, error=error,
                    idempotency_key=_keyed(request, keyed, policy), remaining=limits.remaining(request),
                )  # fmt: skip
                if not decision.retry:
                    raise
            else:
                # Almost every answer is final: one comparison and out (only 429 and 5xx are retried).
                status = response.status_code
                if (
                    status < TOO_MANY_REQUESTS
                    or not policy.is_retryable_status(status)
                    or policy.max_retries == 0
                ):
                    return response
                decision = policy.decide(
                    retries, method=request.method, status=response.status_code, headers=response.headers,
                    idempotency_key=_keyed(request, keyed, policy), remaining=limits.remaining(request),
                )  # fmt: skip
                if not decision.retry:
                    return response
                response.close()
            retries += 1
            _log_retry(request, decision, retries, policy)
            self._sleep(decision.wait)

    def close(self) -> None:
        self._transport.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """The async twin of ``RetryTransport``."""

    def __init__(
        self,
        transport: httpx.AsyncBaseTransport,
        policy: RetryPolicy,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        *,
        idempotency_keys: bool = False,
    ) -> None:
        _check_keys(policy, idempotency_keys)
        self._transport = transport
        self._policy = policy
        self._sleep = sleep
        self._idempotency_keys = idempotency_keys

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        policy = self._policy
        keyed = _with_idempotency_key(request, policy) if self._idempotency_keys else None
        retries = 0
        while True:
            try:
                response = await self._transport.handle_async_request(request)
            except httpx.TransportError as error:
                if policy.max_retries == 0:
                    raise
                decision = policy.decide(
                    retries, method=request.method, error=error,
                    idempotency_key=_keyed(request, keyed, policy), remaining=limits.remaining(request),
                )  # fmt: skip
                if not decision.retry:
                    raise
            else:
                status = response.status_code
                if (
                    status < TOO_MANY_REQUESTS
                    or not policy.is_retryable_status(status)
                    or policy.max_retries == 0
                ):
                    return response
                decision = policy.decide(
                    retries, method=request.method, status=response.status_code, headers=response.headers,
                    idempotency_key=_keyed(request, keyed, policy), remaining=limits.remaining(request),
                )  # fmt: skip
                if not decision.retry:
                    return response
                await response.aclose()
            retries += 1
            _log_retry(request, decision, retries, policy)
            await self._wait(decision.wait)

    async def _wait(self, seconds: float) -> None:
        if self._sleep is not None:
            await self._sleep(seconds)
        else:
            import anyio  # httpx's own async dependency; works under asyncio and trio

            await anyio.sleep(seconds)

    async def aclose(self) -> None:
        await self._transport.aclose()


__all__ = [
    "IDEMPOTENT_METHODS",
    "AsyncRetryTransport",
    "RetryDecision",
    "RetryPolicy",
    "RetryTransport",
    "connection_failure",
    "parse_retry_after",
]
