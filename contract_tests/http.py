"""The suite's own HTTP client (scenarios, follow-up reads, probes): polite, bounded, replayable.

Polite: one request-rate limiter shared with schemathesis, and rate-limited answers are sent again
as the one retry policy (`contract_tests.retry`) says.
"""

from __future__ import annotations

import json
import shlex
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from contract_tests.masking import Masker
from contract_tests.retry import SUITE_POLICY, RetryPolicy, send_politely
from contract_tests.target import Credentials, Target

REQUEST_TIMEOUT = 30.0


class TargetUnreachable(Exception):
    """The target did not answer at all (connection refused, DNS, timeout)."""


@dataclass
class Exchange:
    """One request and its response, kept to explain and replay a finding."""

    method: str
    url: str
    request_headers: dict[str, str]
    request_body: Any  # JSON value sent, or None
    status: int
    headers: httpx.Headers
    text: str
    raw_body: bytes | None = field(default=None, repr=False)  # what was sent when it was not our JSON
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
    def sent_body(self) -> bytes | None:
        """The request body as sent."""
        if self.raw_body is not None:
            return self.raw_body
        return (
            None if self.request_body is None else json.dumps(self.request_body, ensure_ascii=False).encode()
        )

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    def curl(self, masker: Masker) -> str:
        parts = ["curl", "-X", self.method]
        for name, value in self.request_headers.items():
            parts += ["-H", f"{name}: {value}"]
        if self.request_body is not None:
            parts += ["-d", json.dumps(self.request_body, ensure_ascii=False)]
        elif self.raw_body:
            parts += ["--data-binary", self.raw_body.decode("utf-8", "replace")]
        parts.append(self.url)
        return masker.curl(" ".join(shlex.quote(p) for p in parts))

    def describe(self) -> str:
        return f"{self.method} {httpx.URL(self.url).raw_path.decode()} -> {self.status}"

    def excerpt(self, limit: int = 240) -> str:
        text = self.text.strip().replace("\n", " ")
        return text if len(text) <= limit else text[:limit] + "..."


class ApiClient:
    def __init__(
        self,
        target: Target,
        *,
        limiter: Any | None = None,
        timeout: float = REQUEST_TIMEOUT,
        policy: RetryPolicy = SUITE_POLICY,
        sleep: Callable[[float], None] = time.sleep,
        on_exchange: Callable[[Exchange, Credentials], None] | None = None,
        on_note: Callable[[str], None] | None = None,
    ) -> None:
        self.target = target
        self.limiter = limiter
        self.policy = policy
        self.sleep = sleep
        self.on_exchange = on_exchange
        self.on_note = on_note
        self._http = httpx.Client(timeout=timeout, follow_redirects=False)

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
        """Send one request as `credentials` (default: the first tenant).

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
        content = None if body is None else json.dumps(body, ensure_ascii=False).encode()
        exchange = self._send(method, url, sent, content, body)
        if self.on_exchange is not None:
            self.on_exchange(exchange, credentials or self.target.credentials)
        return exchange

    def replay(self, method: str, url: str, headers: dict[str, str], content: bytes | None) -> Exchange:
        """Send a request exactly as given (a probe derived from someone else's request)."""
        exchange = self._send(method, url, headers, content, None)
        exchange.raw_body = content
        if self.on_exchange is not None:
            self.on_exchange(exchange, self.target.credentials)
        return exchange

    def _send(
        self, method: str, url: str, headers: dict[str, str], content: bytes | None, body: Any
    ) -> Exchange:
        def send() -> Exchange:
            if self.limiter is not None:
                self.limiter.try_acquire("conformance")
            try:
                response = self._http.request(method, url, headers=headers, content=content)
            except httpx.TransportError as exc:
                raise TargetUnreachable(f"{method} {url}: {type(exc).__name__}: {exc}") from None
            return Exchange(method, url, headers, body, response.status_code, response.headers, response.text)

        return send_politely(
            send,
            lambda e: (e.status, e.headers),
            method=method,
            policy=self.policy,
            sleep=self.sleep,
            on_note=self.on_note,
        )
