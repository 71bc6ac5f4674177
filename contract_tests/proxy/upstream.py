"""HTTP/1.1 to the upstream server: a keep-alive connection pool on asyncio, parsed with httptools.

General-purpose clients (httpx, aiohttp) cost 3-10 times more per request than the forwarding
itself (measured: see benchmarks/proxy/RESULTS.md), so the proxy speaks HTTP/1.1 to its upstream
directly: it writes the request head and body bytes as the client sent them, and lets httptools
(the parser uvicorn uses) find the answer's framing. Answers stream: the head is handed over as soon
as it is parsed and body chunks follow as they arrive, with reading paused while the client is slower
than the upstream.
"""

from __future__ import annotations

import asyncio
import collections
import functools
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

import httptools

CONNECT_TIMEOUT = 10.0
MAX_IDLE = 256
_HIGH_WATER = 1 << 20  # bytes of answer body buffered before the upstream is paused


class UpstreamError(Exception):
    """The upstream could not be reached, or broke the connection before a complete answer."""

    def __init__(self, message: str, *, answered: bool = False) -> None:
        super().__init__(message)
        self.answered = answered  # some of the answer was already received (no retry possible)


@dataclass(frozen=True)
class Origin:
    scheme: str
    host: str
    port: int
    path: str  # the upstream URL's path without a trailing slash ("" or "/v1")

    @classmethod
    def parse(cls, url: str) -> Origin:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(
                f"--upstream must be an http(s) URL such as http://127.0.0.1:4010/v1, got {url!r}"
            )
        if parts.query or parts.fragment:
            raise ValueError(f"--upstream takes no query or fragment, got {url!r}")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise ValueError(f"--upstream has an invalid port: {url!r}") from None
        return cls(parts.scheme, parts.hostname, port, parts.path.rstrip("/"))

    @functools.cached_property
    def host_header(self) -> bytes:
        default = 443 if self.scheme == "https" else 80
        host = f"[{self.host}]" if ":" in self.host else self.host
        return (host if self.port == default else f"{host}:{self.port}").encode("idna")

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.host_header.decode()}{self.path}"


class Answer:
    """One upstream answer: status and head at once, then the body as chunks arrive."""

    __slots__ = ("_conn", "_wake", "chunks", "complete", "error", "headers", "keep_alive", "status")

    def __init__(self, conn: _Connection) -> None:
        self.status = 0
        self.headers: list[tuple[bytes, bytes]] = []
        self.chunks: collections.deque[bytes] = collections.deque()
        self.complete = False
        self.keep_alive = False
        self.error: UpstreamError | None = None
        self._wake: asyncio.Future | None = None
        self._conn = conn

    def _notify(self) -> None:
        wake, self._wake = self._wake, None
        if wake is not None and not wake.done():
            wake.set_result(None)

    async def next_chunk(self) -> bytes | None:
        """The next body chunk, or None at the end of the body."""
        while True:
            if self.chunks:
                chunk = self.chunks.popleft()
                self._conn.resume_if_drained()
                return chunk
            if self.error is not None:
                raise self.error
            if self.complete:
                return None
            self._wake = asyncio.get_running_loop().create_future()
            await self._wake


class _Connection(asyncio.Protocol):
    def __init__(self, pool: Pool) -> None:
        self.pool = pool
        self.transport: asyncio.Transport | None = None
        self.parser = httptools.HttpResponseParser(self)
        self.answer: Answer | None = None
        self.head_waiter: asyncio.Future | None = None
        self.closed = False
        self.paused = False
        self.buffered = 0
        self.head_only = False  # answer to HEAD: no body whatever the framing headers say
        self.used = False

    # -- asyncio.Protocol ---------------------------------------------------------------------
    def connection_made(self, transport) -> None:
        self.transport = transport
        sock = transport.get_extra_info("socket")
        if sock is not None:
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:
                pass

    def connection_lost(self, exc) -> None:
        self.closed = True
        answer = self.answer
        if answer is None:
            self._fail_head(UpstreamError("the upstream closed the connection before answering"))
            return
        if not answer.complete:
            # No length and no chunking: the body ends with the connection (RFC 9112, 6.3).
            if self.head_waiter is None and not self._framed(answer):
                answer.complete = True
            else:
                answer.error = UpstreamError(
                    "the upstream closed the connection mid-answer", answered=self.head_waiter is None
                )
                self._fail_head(answer.error)
            answer._notify()

    def data_received(self, data: bytes) -> None:
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            self._broken("the upstream switched protocols, which the proxy does not forward")
        except httptools.HttpParserError as error:
            self._broken(f"the upstream's answer is not valid HTTP/1.1 ({error})")

    # -- httptools callbacks ------------------------------------------------------------------
    def on_message_begin(self) -> None:
        self.answer = Answer(self)

    def on_header(self, name: bytes, value: bytes) -> None:
        self.answer.headers.append((name, value))

    def on_headers_complete(self) -> None:
        answer = self.answer
        answer.status = self.parser.get_status_code()
        if 100 <= answer.status < 200:
            return  # an interim answer (100 Continue): the final one follows
        waiter, self.head_waiter = self.head_waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_result(answer)
        if self.head_only:
            answer.complete = True
            answer.keep_alive = False  # the parser expects a body; do not reuse this connection
            answer._notify()

    def on_body(self, body: bytes) -> None:
        answer = self.answer
        if self.head_only or answer is None:
            return
        answer.chunks.append(body)
        self.buffered += len(body)
        if self.buffered > _HIGH_WATER and not self.paused and self.transport is not None:
            self.paused = True
            self.transport.pause_reading()
        answer._notify()

    def on_message_complete(self) -> None:
        answer = self.answer
        if answer is None or 100 <= answer.status < 200:
            return  # the final answer starts a new message
        if not self.head_only:
            answer.keep_alive = self.parser.should_keep_alive()
        answer.complete = True
        answer._notify()

    # -- helpers ------------------------------------------------------------------------------
    @staticmethod
    def _framed(answer: Answer) -> bool:
        return any(name.lower() in (b"content-length", b"transfer-encoding") for name, _ in answer.headers)

    def _fail_head(self, error: UpstreamError) -> None:
        waiter, self.head_waiter = self.head_waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_exception(error)

    def _broken(self, message: str) -> None:
        error = UpstreamError(message, answered=self.answer is not None)
        if self.answer is not None and not self.answer.complete:
            self.answer.error = error
            self.answer._notify()
        self._fail_head(error)
        self.closed = True
        if self.transport is not None:
            self.transport.abort()

    def resume_if_drained(self) -> None:
        answer = self.answer
        self.buffered = sum(len(c) for c in answer.chunks) if answer is not None else 0
        if self.paused and self.buffered < _HIGH_WATER // 2 and self.transport is not None:
            self.paused = False
            self.transport.resume_reading()

    def reusable(self) -> bool:
        return not self.closed and self.transport is not None and not self.transport.is_closing()

    def start(self, head_only: bool) -> asyncio.Future:
        self.used = True
        self.answer = None
        self.head_only = head_only
        self.buffered = 0
        self.parser = httptools.HttpResponseParser(self)
        self.head_waiter = asyncio.get_running_loop().create_future()
        return self.head_waiter

    def write(self, data: bytes) -> None:
        if self.closed or self.transport is None:
            raise UpstreamError("the upstream closed the connection while the request was being sent")
        self.transport.write(data)

    async def drain(self) -> None:
        # Back-pressure for a large request body: wait while the kernel buffer is full.
        while self.transport is not None and self.transport.get_write_buffer_size() > _HIGH_WATER:
            if self.closed:
                raise UpstreamError("the upstream closed the connection while the request was being sent")
            await asyncio.sleep(0.001)

    def release(self) -> None:
        """Back to the pool when the answer was complete and the connection may be kept."""
        answer = self.answer
        if answer is not None and answer.complete and answer.keep_alive and self.reusable():
            self.answer = None
            self.pool._idle.append(self)
        elif self.transport is not None:
            self.transport.close()

    def discard(self) -> None:
        self.closed = True
        if self.transport is not None:
            self.transport.abort()


class Pool:
    """Keep-alive connections to one upstream origin (one event loop)."""

    def __init__(self, origin: Origin) -> None:
        self.origin = origin
        self._idle: collections.deque[_Connection] = collections.deque(maxlen=MAX_IDLE)
        self._ssl = ssl.create_default_context() if origin.scheme == "https" else None

    async def connection(self) -> tuple[_Connection, bool]:
        """A connection, and whether it was reused (a reused one may turn out closed)."""
        while self._idle:
            conn = self._idle.pop()
            if conn.reusable():
                return conn, True
        loop = asyncio.get_running_loop()
        try:
            _, conn = await asyncio.wait_for(
                loop.create_connection(
                    lambda: _Connection(self),
                    self.origin.host,
                    self.origin.port,
                    ssl=self._ssl,
                    server_hostname=self.origin.host if self._ssl else None,
                ),
                CONNECT_TIMEOUT,
            )
        except (OSError, TimeoutError, ssl.SSLError) as error:
            raise UpstreamError(
                f"cannot connect to {self.origin.url}: {error or type(error).__name__}"
            ) from None
        return conn, False

    def close(self) -> None:
        while self._idle:
            self._idle.pop().discard()


def check_reachable(origin: Origin, timeout: float = 5.0) -> str | None:
    """Why the upstream cannot be reached (a TCP connection, no request sent), or None."""
    try:
        with socket.create_connection((origin.host, origin.port), timeout=timeout):
            return None
    except OSError as error:
        return error.strerror or str(error) or type(error).__name__
