"""The suite's own HTTP client (scenarios, follow-up reads, probes): polite, bounded, replayable.

Polite: one request-rate limiter shared with schemathesis, and rate-limited answers are sent again
as the one retry policy (`contract_tests.retry`) says. Bounded: every request has an overall
deadline (`contract_tests.transport`), and an answer is read up to `MAX_ANSWER_BYTES` (the rest is
not read: such an answer is judged as too large, not held in memory). What is kept of an exchange
after it was judged (`Exchange.slim`) is small whatever the answer's size.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from contract_tests import repro
from contract_tests.masking import Masker
from contract_tests.repro import SentRequest
from contract_tests.retry import SUITE_POLICY, RetryPolicy, send_politely
from contract_tests.target import Credentials, Target
from contract_tests.transport import DeadlineTransport

REQUEST_TIMEOUT = 30.0  # each network operation (at most: the deadline cuts it)
# The largest answer read whole: a page of the largest list the spec allows, of assistants whose
# text fields are at their limits, stays below it.
MAX_ANSWER_BYTES = 64 * 1024 * 1024
KEPT_TEXT = 16 * 1024  # what a slim exchange keeps of an answer


class TargetUnreachable(Exception):
    """The target did not answer at all (connection refused, DNS, timeout)."""


class AnswerTooLarge(Exception):
    """The answer was longer than MAX_ANSWER_BYTES; it was not read."""


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
    size: int = -1  # the answer's length in bytes (-1: the length of text)

    def slim(self) -> Exchange:
        """A copy that keeps at most KEPT_TEXT of the answer and the request as a reproduction needs."""
        if len(self.text) <= KEPT_TEXT and (self.raw_body is None or len(self.raw_body) <= KEPT_TEXT):
            return self
        body = self.request_body
        if body is not None and len(json.dumps(body, ensure_ascii=False)) > KEPT_TEXT:
            body = None
        return Exchange(
            self.method,
            self.url,
            self.request_headers,
            body,
            self.status,
            self.headers,
            self.text[:KEPT_TEXT],
            raw_body=self.sent_body if body is None and self.request_body is not None else self.raw_body,
            _json=self.json if len(self.text) <= KEPT_TEXT else None,
            _parsed=True,
            size=len(self.text.encode()) if self.size < 0 else self.size,
        )

    def request(self) -> SentRequest:
        """The request, as a reproduction keeps it."""
        return SentRequest.of(self.method, self.url, self.request_headers, self.sent_body)

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
        return repro.curl(self.request(), masker)

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
        deadline: float = 60.0,
        policy: RetryPolicy = SUITE_POLICY,
        sleep: Callable[[float], None] = time.sleep,
        on_exchange: Callable[[Exchange, Credentials], None] | None = None,
        on_note: Callable[[str], None] | None = None,
        guard: Callable[[], Any] | None = None,
    ) -> None:
        self.target = target
        self.guard = guard or contextlib.nullcontext
        self.limiter = limiter
        self.policy = policy
        self.sleep = sleep
        self.on_exchange = on_exchange
        self.on_note = on_note
        self.deadline = deadline
        self._http = httpx.Client(
            timeout=min(timeout, deadline), follow_redirects=False, transport=DeadlineTransport(deadline)
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
        base_url: str | None = None,
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
        url = (base_url or self.target.base_url) + path
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
                with (
                    self.guard(),
                    self._http.stream(method, url, headers=headers, content=content) as response,
                ):
                    data = _read_bounded(response)
            except httpx.TimeoutException as exc:
                raise TargetUnreachable(
                    f"{method} {url}: no complete answer within the deadline ({type(exc).__name__}: {exc})"
                ) from None
            except httpx.TransportError as exc:
                raise TargetUnreachable(f"{method} {url}: {type(exc).__name__}: {exc}") from None
            text = data.decode(response.encoding or "utf-8", "replace")
            return Exchange(method, url, headers, body, response.status_code, response.headers, text)

        return send_politely(
            send,
            lambda e: (e.status, e.headers),
            method=method,
            policy=self.policy,
            sleep=self.sleep,
            on_note=self.on_note,
        )


def _read_bounded(response: httpx.Response) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_ANSWER_BYTES:
        raise AnswerTooLarge(
            f"the answer declares {declared} bytes, more than the suite reads ({MAX_ANSWER_BYTES})"
        )
    chunks, total = [], 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > MAX_ANSWER_BYTES:
            raise AnswerTooLarge(f"the answer is longer than the suite reads ({MAX_ANSWER_BYTES} bytes)")
        chunks.append(chunk)
    return b"".join(chunks)
