"""The forwarding worker: an ASGI app that passes every request and answer through unchanged.

Served by granian (Rust HTTP), whose ASGI interface hands over header names and values, path and
query as the raw bytes the client sent. The request goes to the upstream with the same method,
target, headers and body; the answer comes back with the same status, headers and body, streamed
chunk by chunk. Only what RFC 9110 (7.6.1) says a proxy must not forward is left out: hop-by-hop
headers (``Connection`` and the headers it names, ``Keep-Alive``, ``TE``, ``Trailer``,
``Transfer-Encoding``, ``Upgrade``, ``Proxy-*``). ``Host`` names the upstream. Nothing is checked
here: a copy of each exchange (bodies up to ``CAPTURE_LIMIT``) goes to the checker once the answer
has been sent.
"""

from __future__ import annotations

import itertools
import json
import os
import time
from typing import Any

from .channel import EXCHANGE, HELLO, Sender
from .upstream import Origin, Pool, UpstreamError

SETTINGS_ENV = "ASSISTANTS_PROXY_WORKER"
CAPTURE_LIMIT = 8 << 20  # bytes of each body kept for checking and recording
PROXY_ERROR_HEADER = b"x-assistants-proxy-error"

_HOP = frozenset(
    {
        b"connection",
        b"keep-alive",
        b"proxy-authenticate",
        b"proxy-authorization",
        b"proxy-connection",
        b"te",
        b"trailer",
        b"transfer-encoding",
        b"upgrade",
    }
)
_NOT_FORWARDED = frozenset({b"host", b"expect"})  # Host names the upstream; the body is sent whole
_RETRYABLE = frozenset({"GET", "HEAD", "OPTIONS", "DELETE", "PUT"})  # idempotent (RFC 9110, 9.2.2)


def _hop_by_hop(headers: list[tuple[bytes, bytes]]) -> frozenset[bytes]:
    named = set(_HOP)
    for key, value in headers:
        if key.lower() == b"connection":
            named.update(part.strip().lower() for part in value.split(b",") if part.strip())
    return frozenset(named)


def _error_answer(message: str) -> bytes:
    # The proxy's own answer when the upstream gave none, in the shape clients of this API parse.
    return json.dumps(
        {
            "error": {
                "message": f"assistants-proxy: {message}",
                "type": "proxy_error",
                "param": None,
                "code": "upstream_unavailable",
            }
        }
    ).encode()


class Forwarder:
    def __init__(self, upstream: str, channel: str | None) -> None:
        self.origin = Origin.parse(upstream)
        self.pool: Pool | None = None
        self.sender = Sender(channel) if channel else None
        self.seq = itertools.count(1)
        self.in_flight: dict[int, int] = {}

    async def __call__(self, scope: dict, receive, send) -> None:
        kind = scope["type"]
        if kind == "http":
            await self._http(scope, receive, send)
        elif kind == "lifespan":
            await self._lifespan(receive, send)

    async def _lifespan(self, receive, send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                self.pool = Pool(self.origin)
                if self.sender is not None:
                    await self.sender.connect()
                    self.sender.send((HELLO, os.getpid()))
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if self.pool is not None:
                    self.pool.close()
                if self.sender is not None:
                    await self.sender.flush()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _http(self, scope: dict, receive, send) -> None:
        seq = next(self.seq)
        t_start = time.monotonic_ns()
        started = time.time()
        self.in_flight[seq] = t_start
        record = _Record()
        try:
            await self._forward(scope, receive, send, record)
        finally:
            del self.in_flight[seq]
            if self.sender is not None:
                self._hand_off(seq, started, t_start, scope, record)

    def _hand_off(self, seq: int, started: float, t_start: int, scope: dict, record: _Record) -> None:
        # The fields of `Exchange`, in its order (`Exchange.from_frame` reads them back).
        frame = (
            seq,
            started,
            t_start,
            time.monotonic_ns(),
            scope["method"],
            scope.get("raw_path") or scope["path"].encode("utf-8"),
            scope.get("query_string") or b"",
            list(scope["headers"]),
            b"".join(record.request),
            record.request_size,
            record.status,
            record.headers,
            b"".join(record.response),
            record.response_size,
            record.error,
        )
        # Judgements across exchanges wait until every request that started earlier has ended.
        oldest = min(self.in_flight.values(), default=None)
        self.sender.send((EXCHANGE, frame, oldest, self.sender.unsent))

    async def _forward(self, scope: dict, receive, send, record: _Record) -> None:
        method: str = scope["method"]
        headers: list[tuple[bytes, bytes]] = scope["headers"]  # names lower case (ASGI)
        hop = _hop_by_hop(headers) if any(k == b"connection" for k, _ in headers) else _HOP
        target = scope.get("raw_path") or scope["path"].encode("utf-8")
        if scope.get("query_string"):
            target += b"?" + scope["query_string"]
        head = [
            method.encode("latin-1"),
            b" ",
            target,
            b" HTTP/1.1\r\nhost: ",
            self.origin.host_header,
            b"\r\n",
        ]
        chunked = False
        for key, value in headers:
            if key in hop or key in _NOT_FORWARDED:
                if key == b"transfer-encoding":
                    chunked = True  # the server de-chunked it; chunk it again for the upstream
                continue
            head += (key, b": ", value, b"\r\n")
        if chunked:
            head.append(b"transfer-encoding: chunked\r\n")
        head.append(b"\r\n")
        wire_head = b"".join(head)

        # The first piece of the body comes with the head in one write (most bodies are one piece).
        message = await receive()
        body = message.get("body", b"")
        more = message.get("more_body", False)
        record.take_request(body)
        attempt = 0
        while True:
            attempt += 1
            conn, reused = await self._connection(send, record)
            if conn is None:
                return
            waiter = conn.start(head_only=method == "HEAD")
            try:
                conn.write(wire_head + (_chunk(body) if chunked and body else body))
                while more:
                    message = await receive()
                    if message["type"] == "http.disconnect":
                        conn.discard()
                        record.error = "the client went away before sending its whole body"
                        return
                    piece = message.get("body", b"")
                    more = message.get("more_body", False)
                    record.take_request(piece)
                    if piece:
                        conn.write(_chunk(piece) if chunked else piece)
                        await conn.drain()
                if chunked:
                    conn.write(b"0\r\n\r\n")
                answer = await waiter
            except UpstreamError as error:
                conn.discard()
                whole = not more and record.request_size == sum(len(p) for p in record.request)
                if reused and not error.answered and attempt == 1 and method in _RETRYABLE and whole:
                    body, more = b"".join(record.request), False  # a kept-alive connection had closed
                    record.request, record.request_size = [], 0
                    record.take_request(body)
                    continue
                await self._fail(send, record, str(error))
                return
            break

        status = answer.status
        hop = _hop_by_hop(answer.headers)
        out_headers = [(k, v) for k, v in answer.headers if k.lower() not in hop]
        record.status, record.headers = status, out_headers
        try:
            if answer.complete and answer.error is None:
                data = b"".join(answer.chunks)
                answer.chunks.clear()
                record.take_response(data)
                await send({"type": "http.response.start", "status": status, "headers": out_headers})
                await send({"type": "http.response.body", "body": data})
            else:
                await send({"type": "http.response.start", "status": status, "headers": out_headers})
                while True:
                    chunk = await answer.next_chunk()
                    if chunk is None:
                        break
                    record.take_response(chunk)
                    await send({"type": "http.response.body", "body": chunk, "more_body": True})
                await send({"type": "http.response.body", "body": b""})
        except UpstreamError as error:
            conn.discard()
            record.error = str(error)
            raise  # the answer has started: closing the client's connection is the only honest signal
        except Exception:
            conn.discard()
            record.error = "the client went away before the whole answer was sent"
            raise
        conn.release()

    async def _connection(self, send, record: _Record):
        try:
            return await self.pool.connection()
        except UpstreamError as error:
            await self._fail(send, record, str(error))
            return None, False

    async def _fail(self, send, record: _Record, message: str) -> None:
        record.error = message
        body = _error_answer(message)
        await send(
            {
                "type": "http.response.start",
                "status": 502,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (PROXY_ERROR_HEADER, b"upstream"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _chunk(data: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(data), data)


class _Record:
    """What is kept of one exchange for the checker: bodies up to CAPTURE_LIMIT, sizes in full."""

    __slots__ = ("error", "headers", "request", "request_size", "response", "response_size", "status")

    def __init__(self) -> None:
        self.request: list[bytes] = []
        self.request_size = 0
        self.status = 0
        self.headers: list[tuple[bytes, bytes]] = []
        self.response: list[bytes] = []
        self.response_size = 0
        self.error: str | None = None

    def take_request(self, data: bytes) -> None:
        if self.request_size < CAPTURE_LIMIT:
            self.request.append(data[: CAPTURE_LIMIT - self.request_size])
        self.request_size += len(data)

    def take_response(self, data: bytes) -> None:
        if self.response_size < CAPTURE_LIMIT:
            self.response.append(data[: CAPTURE_LIMIT - self.response_size])
        self.response_size += len(data)


def worker_app():
    """App factory for the granian worker: settings come through the environment."""
    settings: dict[str, Any] = json.loads(os.environ[SETTINGS_ENV])
    return Forwarder(settings["upstream"], settings.get("channel"))
