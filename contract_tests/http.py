"""The suite's own HTTP client (scenarios and follow-up reads): polite, bounded, replayable.

Polite: one request-rate limiter shared with schemathesis, and 429 answers are retried after the
`Retry-After` the server asked for (tenacity), a bounded number of times.
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from tenacity import RetryCallState, Retrying, retry_if_result, stop_after_attempt

from contract_tests.masking import Masker
from contract_tests.target import Credentials, Target

MAX_RATE_LIMIT_RETRIES = 4
MAX_RETRY_AFTER = 60.0
DEFAULT_RETRY_AFTER = 1.0


class TargetUnreachable(Exception):
    """The target did not answer at all (connection refused, DNS, timeout)."""


@dataclass
class Exchange:
    """One request and its response, kept to explain and replay a finding."""

    method: str
    url: str
    request_headers: dict[str, str]
    request_body: Any
    status: int
    headers: httpx.Headers
    text: str
    _json: Any = field(default=None, repr=False)
    _parsed: bool = field(default=False, repr=False)

    @property
    def json(self) -> Any:
        if not self._parsed:
            self._parsed = True
            try:
                self._json = json.loads(self.text)
            except ValueError:
                self._json = None
        return self._json

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    def curl(self, masker: Masker) -> str:
        parts = ["curl", "-X", self.method]
        for name, value in self.request_headers.items():
            parts += ["-H", f"{name}: {value}"]
        if self.request_body is not None:
            parts += ["-d", json.dumps(self.request_body, ensure_ascii=False)]
        parts.append(self.url)
        return masker.curl(" ".join(shlex.quote(p) for p in parts))

    def describe(self) -> str:
        return f"{self.method} {httpx.URL(self.url).raw_path.decode()} -> {self.status}"


def _retry_after_seconds(state: RetryCallState) -> float:
    exchange: Exchange = state.outcome.result()  # type: ignore[union-attr]
    raw = exchange.headers.get("retry-after", "")
    try:
        return max(0.0, min(MAX_RETRY_AFTER, float(raw)))
    except ValueError:
        return DEFAULT_RETRY_AFTER


class ApiClient:
    def __init__(
        self,
        target: Target,
        *,
        limiter: Any | None = None,
        timeout: float = 30.0,
        on_exchange: Callable[[Exchange, Credentials], None] | None = None,
    ) -> None:
        self.target = target
        self.limiter = limiter
        self.on_exchange = on_exchange
        self._http = httpx.Client(timeout=timeout, follow_redirects=False)
        self._retrying = Retrying(
            retry=retry_if_result(lambda exchange: exchange.status == 429),
            wait=_retry_after_seconds,
            stop=stop_after_attempt(MAX_RATE_LIMIT_RETRIES + 1),
            retry_error_callback=lambda state: state.outcome.result(),  # type: ignore[union-attr]
            reraise=True,
        )

    def close(self) -> None:
        self._http.close()

    def request(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: dict[str, Any] | None = None,
        credentials: Credentials | None = None,
        headers: dict[str, str] | None = None,
        without: tuple[str, ...] = (),
        beta: bool = True,
    ) -> Exchange:
        """Send one request as `credentials` (default: the first tenant); retries 429 only.

        `headers` adds or replaces headers, `without` drops headers by name (to test refusals).
        """
        sent = self.target.headers(credentials, beta=beta)
        sent.update(headers or {})
        dropped = {name.lower() for name in without}
        sent = {name: value for name, value in sent.items() if name.lower() not in dropped}
        if body is not None:
            sent.setdefault("Content-Type", "application/json")
        url = self.target.base_url + path
        if params:
            url = str(httpx.URL(url, params={k: v for k, v in params.items() if v is not None}))

        def send() -> Exchange:
            if self.limiter is not None:
                self.limiter.try_acquire("conformance")
            try:
                response = self._http.request(
                    method,
                    url,
                    headers=sent,
                    content=None if body is None else json.dumps(body, ensure_ascii=False).encode(),
                )
            except httpx.TransportError as exc:
                raise TargetUnreachable(f"{method} {url}: {type(exc).__name__}: {exc}") from None
            return Exchange(method, url, sent, body, response.status_code, response.headers, response.text)

        exchange = self._retrying(send)
        if self.on_exchange is not None:
            self.on_exchange(exchange, credentials or self.target.credentials)
        return exchange
