"""The hand-off from the forwarding worker to the checker: length-prefixed frames on a Unix socket.

The worker never waits for the checker. A frame is written without awaiting (asyncio buffers it);
when the checker has fallen so far behind that the buffer passes ``MAX_BACKLOG``, the exchange is
forwarded but not checked, and the count of such exchanges travels with the next frame so that the
report can say so. The socket lives in a private temporary folder (mode 0700) and carries ``marshal``
data of plain tuples between two processes of the same interpreter.
"""

from __future__ import annotations

import asyncio
import marshal
import socket
import struct
from collections.abc import Iterator

BATCH_SECONDS = 0.002
MAX_BACKLOG = 64 << 20  # bytes waiting for the checker before exchanges go unchecked
_LENGTH = struct.Struct("!I")

HELLO, EXCHANGE = "hello", "exchange"


def encode(message: tuple) -> bytes:
    data = marshal.dumps(message)
    return _LENGTH.pack(len(data)) + data


class Sender:
    """Worker side (inside the event loop that forwards)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.transport: asyncio.Transport | None = None
        self.unsent = 0
        self._batch: list[bytes] = []

    async def connect(self) -> None:
        loop = asyncio.get_running_loop()
        self.transport, _ = await loop.create_unix_connection(asyncio.Protocol, self.path)

    def send(self, message: tuple) -> bool:
        transport = self.transport
        if transport is None or transport.is_closing() or transport.get_write_buffer_size() > MAX_BACKLOG:
            self.unsent += 1
            return False
        if not self._batch:
            # Frames go out together, a few milliseconds late: one write (a system call as costly
            # as the forwarding's own) for many exchanges under load.
            asyncio.get_running_loop().call_later(BATCH_SECONDS, self._write)
        self._batch.append(encode(message))
        return True

    def _write(self) -> None:
        batch, self._batch = self._batch, []
        if batch and self.transport is not None and not self.transport.is_closing():
            self.transport.write(b"".join(batch))

    async def flush(self, timeout: float = 5.0) -> None:
        transport = self.transport
        if transport is None:
            return
        self._write()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while transport.get_write_buffer_size() and loop.time() < deadline and not transport.is_closing():
            await asyncio.sleep(0.01)
        transport.close()


def listen(path: str) -> socket.socket:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(8)
    return server


def messages(conn: socket.socket) -> Iterator[tuple]:
    """Every message a worker sends on ``conn``, until it closes the connection."""
    buffer = bytearray()
    with conn:
        while True:
            data = conn.recv(1 << 20)
            if not data:
                return
            buffer += data
            while len(buffer) >= _LENGTH.size:
                (size,) = _LENGTH.unpack_from(buffer)
                if len(buffer) < _LENGTH.size + size:
                    break
                payload = bytes(buffer[_LENGTH.size : _LENGTH.size + size])
                del buffer[: _LENGTH.size + size]
                yield marshal.loads(payload)
