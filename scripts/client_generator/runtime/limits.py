"""Bounds on one call: an overall deadline and a maximum response size.

httpx's timeouts bound each network operation, not a call: a server sending one byte a second never
trips a read timeout, and a body is read whole however long it is (a few hundred KB of gzip can
expand to gigabytes). ``LimitedTransport`` wraps the transport that sends each attempt:

- the deadline starts at the call's first attempt and covers every attempt, the retry waits, the
  redirects and the reading of the body. Each attempt's connect/read/write/pool timeouts are cut to
  the time left, and the body is checked chunk by chunk. Past the deadline: ``DeadlineExceeded``.
  Sync calls can overrun by at most one network read (itself bounded by the time that was left when
  the attempt started); while response headers trickle in, the check only applies between attempts,
  since httpcore reads headers in one call. Async calls are cancelled at the deadline exactly.
- the size cap counts the body's bytes after decoding. The transport asks for gzip or deflate only,
  decodes them itself (so that the count is of decoded bytes, stopping a compression bomb after at
  most the cap) and hands httpx the decoded body without its ``Content-Encoding``. A declared
  ``Content-Length`` over the cap fails before any byte of the body is read. Past the cap:
  ``ResponseTooLarge``.

On the common path (a small answer) this costs one clock read per attempt and per chunk.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx

from .errors import DeadlineExceeded, ResponseDecodingError, ResponseTooLarge

ACCEPT_ENCODING = "gzip, deflate"
_DEADLINE = "assistants_client.deadline"  # request extension: (monotonic time it ends, its length)
_TIMEOUT = "assistants_client.timeout"  # request extension: the timeouts the call was made with
_ENCODINGS = frozenset({"gzip", "x-gzip", "deflate", "identity"})


def remaining(request: httpx.Request) -> float | None:
    """Seconds left before the deadline of the call ``request`` belongs to (None: no deadline yet)."""
    stamp = request.extensions.get(_DEADLINE)
    return None if stamp is None else stamp[0] - time.monotonic()


def _exceeded(request: httpx.Request, seconds: float) -> DeadlineExceeded:
    return DeadlineExceeded(
        f"{request.method} {request.url.path} did not finish within its deadline of {seconds:g} s "
        "(Client.deadline)",
        request=request,
    )


class _Decoder:
    """Decodes gzip/deflate content (stacked as listed in Content-Encoding) a chunk at a time, never
    producing more than the bytes still allowed (plus one, to tell "too large"): ``cut`` is then set."""

    def __init__(self, codings: list[str]) -> None:
        # Content-Encoding lists codings in the order they were applied; undo them last to first.
        applied = [c for c in codings if c != "identity"]
        self._codings = list(reversed(applied))
        self._stages = [
            zlib.decompressobj(zlib.MAX_WBITS | 16) if c in ("gzip", "x-gzip") else zlib.decompressobj()
            for c in self._codings
        ]
        self._started = [False] * len(self._stages)
        self.cut = False

    def decode(self, data: bytes, limit: int | None) -> bytes:
        cap = 0 if limit is None else limit + 1  # 0: no limit
        for index in range(len(self._stages)):
            data = self._stage(index, data, cap)
            if self._stages[index].unconsumed_tail:
                self.cut = True  # more output was coming than is allowed
                return data
        return data

    def _stage(self, index: int, data: bytes, cap: int) -> bytes:
        first, self._started[index] = not self._started[index], True
        try:
            return self._stages[index].decompress(data, cap)
        except zlib.error as error:
            if first and self._codings[index] == "deflate":
                # "deflate" comes zlib-wrapped (as specified) and raw (as some servers send it).
                self._stages[index] = zlib.decompressobj(-zlib.MAX_WBITS)
                try:
                    return self._stages[index].decompress(data, cap)
                except zlib.error:
                    pass
            raise ResponseDecodingError(f"the response body could not be decompressed: {error}") from None

    def flush(self) -> bytes:
        data = b""
        for stage in self._stages:
            try:
                data = (stage.decompress(data) if data else b"") + stage.flush()
            except zlib.error as error:
                raise ResponseDecodingError(f"the response body could not be decompressed: {error}") from None
        return data


class _Body:
    """The checks on one response body, chunk by chunk: the deadline, decoding, the size cap. The base of
    the streams that wrap the body (one object per response: this runs on every call)."""

    __slots__ = ("_stream", "count", "decoder", "end", "max_bytes", "request", "seconds")

    def __init__(
        self, stream: Any, request: httpx.Request, max_bytes: int | None, decoder: _Decoder | None
    ) -> None:
        self._stream = stream
        stamp = request.extensions.get(_DEADLINE)
        self.request = request
        self.end, self.seconds = stamp if stamp is not None else (None, None)
        self.max_bytes = max_bytes
        self.decoder = decoder
        self.count = 0

    def chunk(self, data: bytes) -> bytes:
        end = self.end
        if end is not None and time.monotonic() > end:
            raise _exceeded(self.request, self.seconds)
        if self.decoder is not None:
            data = self.decoder.decode(data, None if self.max_bytes is None else self.max_bytes - self.count)
        self.count += len(data)
        if self.max_bytes is not None and (
            self.count > self.max_bytes or (self.decoder and self.decoder.cut)
        ):
            raise self._too_large()
        return data

    def tail(self) -> bytes:
        data = self.decoder.flush() if self.decoder is not None else b""
        self.count += len(data)
        if self.max_bytes is not None and self.count > self.max_bytes:
            raise self._too_large()
        return data

    def _too_large(self) -> ResponseTooLarge:
        return ResponseTooLarge(
            f"the response body is longer than max_response_bytes ({self.max_bytes} bytes; "
            "Client.max_response_bytes)",
            request=self.request,
        )

    def left(self) -> float | None:
        return None if self.end is None else self.end - time.monotonic()

    def timed_out(self, error: httpx.TimeoutException) -> Exception:
        """A read timeout that the deadline cut short is the deadline's."""
        if self.end is not None and time.monotonic() >= self.end - 0.001:
            return _exceeded(self.request, self.seconds)
        return error


class _LimitedStream(_Body, httpx.SyncByteStream):
    def __iter__(self) -> Iterator[bytes]:
        try:
            for chunk in self._stream:
                yield self.chunk(chunk)
        except httpx.TimeoutException as error:
            if isinstance(error, DeadlineExceeded):
                raise
            raise self.timed_out(error) from None
        if self.decoder is not None:
            tail = self.tail()
            if tail:
                yield tail

    def close(self) -> None:
        if hasattr(self._stream, "close"):
            self._stream.close()


class _AsyncLimitedStream(_Body, httpx.AsyncByteStream):
    async def __aiter__(self) -> AsyncIterator[bytes]:
        import anyio

        chunks = self._stream.__aiter__()
        while True:
            left = self.left()
            try:
                if left is None:
                    chunk = await chunks.__anext__()
                else:
                    with anyio.fail_after(max(left, 0.0)):
                        chunk = await chunks.__anext__()
            except StopAsyncIteration:
                break
            except TimeoutError:
                raise _exceeded(self.request, self.seconds) from None
            except httpx.TimeoutException as error:
                raise self.timed_out(error) from None
            yield self.chunk(chunk)
        if self.decoder is not None:
            tail = self.tail()
            if tail:
                yield tail

    async def aclose(self) -> None:
        if hasattr(self._stream, "aclose"):
            await self._stream.aclose()


def check(deadline: float | None, max_response_bytes: int | None) -> None:
    """Raises ValueError for a deadline or size cap that is neither None nor a positive number."""
    if deadline is not None and (
        isinstance(deadline, bool) or not (isinstance(deadline, int | float) and deadline > 0)
    ):
        raise ValueError(f"deadline must be a number of seconds > 0 or None, got {deadline!r}")
    if max_response_bytes is not None and (
        isinstance(max_response_bytes, bool)
        or not (isinstance(max_response_bytes, int) and max_response_bytes > 0)
    ):
        raise ValueError(f"max_response_bytes must be a whole number > 0 or None, got {max_response_bytes!r}")


def _within(timeouts: dict[str, float | None], seconds: float) -> bool:
    return all(value is not None and value <= seconds for value in timeouts.values())


class _Attempt:
    """What both transports do around one attempt."""

    def __init__(self, deadline: float | None, max_response_bytes: int | None) -> None:
        check(deadline, max_response_bytes)
        self.deadline = deadline
        self.max_response_bytes = max_response_bytes
        # The last timeouts seen to fit in a whole deadline: a first attempt with the same ones (the
        # common case, one client's settings) needs no cutting and no check.
        self._fitting: dict[str, float | None] | None = None

    def before(self, request: httpx.Request) -> float | None:
        """Starts the call's deadline on its first attempt; cuts each attempt's timeouts to the time left.
        Returns the time left (None: no deadline)."""
        deadline = self.deadline
        if deadline is None:
            return None
        extensions = request.extensions
        now = time.monotonic()
        stamp = extensions.get(_DEADLINE)
        if stamp is None:
            extensions[_DEADLINE] = (now + deadline, deadline)
            timeouts = extensions.get("timeout")
            if timeouts == self._fitting:
                return deadline
            extensions[_TIMEOUT] = timeouts = timeouts or {}
            if timeouts and _within(timeouts, deadline):
                self._fitting = timeouts
                return deadline
            left = deadline
        else:
            left = stamp[0] - now
            if left <= 0:
                raise _exceeded(request, stamp[1])
            timeouts = extensions.get(_TIMEOUT, extensions.get("timeout")) or {}
            if timeouts and _within(timeouts, left):
                return left
        extensions["timeout"] = {
            phase: left if value is None else min(value, left)
            for phase, value in (timeouts or dict.fromkeys(("connect", "read", "write", "pool"))).items()
        }
        return left

    def body(self, request: httpx.Request, response: httpx.Response, wrap: type[_Body]) -> _Body | None:
        """The response's body wrapped in ``wrap`` for the checks it needs (None: nothing to check). Drops
        a Content-Encoding the checks decode; refuses a declared length over the cap."""
        encoding = declared = None
        # One pass over the raw headers: Headers.get() decodes every header on each call.
        for key, value in response.headers.raw:
            if len(key) == 16 and key.lower() == b"content-encoding":
                encoding = value.decode("latin-1")
            elif len(key) == 14 and key.lower() == b"content-length":
                declared = value
        decoder = None
        if encoding is not None:
            codings = [c.strip().lower() for c in encoding.split(",") if c.strip()]
            unknown = [c for c in codings if c not in _ENCODINGS]
            if unknown:
                raise ResponseDecodingError(
                    f"the response is encoded as {encoding!r}; the client asked for {ACCEPT_ENCODING} "
                    "and can bound the size of nothing else",
                    request=request,
                )
            if any(c != "identity" for c in codings):
                decoder = _Decoder(codings)
            del response.headers["content-encoding"]
            response.headers.pop("content-length", None)
        elif (
            declared is not None
            and self.max_response_bytes is not None
            and declared.isdigit()
            and int(declared) > self.max_response_bytes
        ):
            raise ResponseTooLarge(
                f"the response declares {declared.decode()} bytes, more than max_response_bytes "
                f"({self.max_response_bytes} bytes; Client.max_response_bytes)",
                request=request,
            )
        if decoder is None and self.deadline is None and self.max_response_bytes is None:
            return None
        return wrap(response.stream, request, self.max_response_bytes, decoder)


class LimitedTransport(httpx.BaseTransport):
    """Enforces ``deadline`` (seconds per call) and ``max_response_bytes`` on what ``transport`` sends
    and receives; None turns either off. Put it under the retry transport: it sees each attempt."""

    def __init__(
        self, transport: httpx.BaseTransport, *, deadline: float | None, max_response_bytes: int | None
    ) -> None:
        self._transport = transport
        self._attempt = _Attempt(deadline, max_response_bytes)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        attempt = self._attempt
        attempt.before(request)
        try:
            response = self._transport.handle_request(request)
        except httpx.TimeoutException:
            stamp = request.extensions.get(_DEADLINE)
            if stamp is not None and time.monotonic() >= stamp[0] - 0.001:
                raise _exceeded(request, stamp[1]) from None
            raise
        try:
            stream = attempt.body(request, response, _LimitedStream)
        except Exception:
            response.close()
            raise
        if stream is not None:
            response.stream = stream
        return response

    def close(self) -> None:
        self._transport.close()


class AsyncLimitedTransport(httpx.AsyncBaseTransport):
    """The async twin of ``LimitedTransport``; each attempt is cancelled at the deadline."""

    def __init__(
        self, transport: httpx.AsyncBaseTransport, *, deadline: float | None, max_response_bytes: int | None
    ) -> None:
        self._transport = transport
        self._attempt = _Attempt(deadline, max_response_bytes)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        attempt = self._attempt
        left = attempt.before(request)
        try:
            if left is None:
                response = await self._transport.handle_async_request(request)
            else:
                import anyio

                with anyio.fail_after(left):
                    response = await self._transport.handle_async_request(request)
        except TimeoutError:
            raise _exceeded(request, request.extensions[_DEADLINE][1]) from None
        except httpx.TimeoutException:
            stamp = request.extensions.get(_DEADLINE)
            if stamp is not None and time.monotonic() >= stamp[0] - 0.001:
                raise _exceeded(request, stamp[1]) from None
            raise
        try:
            stream = attempt.body(request, response, _AsyncLimitedStream)
        except Exception:
            await response.aclose()
            raise
        if stream is not None:
            response.stream = stream
        return response

    async def aclose(self) -> None:
        await self._transport.aclose()


__all__ = ["ACCEPT_ENCODING", "AsyncLimitedTransport", "LimitedTransport", "remaining"]
