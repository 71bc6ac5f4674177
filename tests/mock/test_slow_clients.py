"""Slow clients cannot hold the mock: header and body read timeouts, a connection cap (issue 13
item 13). Real sockets against a real server process; small numbers, same mechanism as 1,100
sockets against the default cap (the open-file limit minus 128, at most 1024 per worker)."""

from __future__ import annotations

import contextlib
import json
import pathlib
import select
import socket
import sys
import threading
import time
from urllib.parse import urlsplit

import httpx
import pytest

from .conftest import KEY_1, V2
from .harness import MockProcess

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

AUTH = f"Authorization: Bearer {KEY_1}\r\nOpenAI-Beta: {V2}\r\n".encode()
SLOW_HEADERS = b"GET /health HTTP/1.1\r\nHost: x\r\n"
SLOW_BODY = b"POST /v1/assistants HTTP/1.1\r\nHost: x\r\n" + AUTH + b"Content-Length: 100000\r\n\r\n{"


def _connect(mock: MockProcess) -> socket.socket:
    parts = urlsplit(mock.url)
    return socket.create_connection((parts.hostname, parts.port), timeout=10)


def _trickle_until_closed(sock: socket.socket, byte: bytes, limit: float) -> tuple[bytes, float]:
    """Send ``byte`` every 0.2 s until the server closes; what it answered, and when it closed."""
    started = time.monotonic()
    answer = b""
    sock.setblocking(False)
    while time.monotonic() - started < limit:
        readable, _, _ = select.select([sock], [], [], 0.2)
        if readable:
            try:
                chunk = sock.recv(65536)
            except ConnectionResetError:
                chunk = b""
            if not chunk:
                return answer, time.monotonic() - started
            answer += chunk
        with contextlib.suppress(OSError):
            sock.send(byte)
    raise AssertionError(
        f"the server kept a trickling connection open for {limit}s (answer so far {answer!r})"
    )


def test_a_trickling_body_gets_a_408_and_the_connection_is_closed():
    with MockProcess("--body-timeout", "1") as mock, _connect(mock) as sock:
        sock.sendall(SLOW_BODY)
        answer, closed_after = _trickle_until_closed(sock, b" ", limit=10)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 408 ") and closed_after < 5
    assert json.loads(body)["error"]["code"] == "request_timeout"


def test_trickling_headers_and_idle_connections_are_closed():
    with MockProcess("--header-timeout", "1") as mock:
        with _connect(mock) as sock:
            sock.sendall(SLOW_HEADERS)
            answer, closed_after = _trickle_until_closed(sock, b"X", limit=10)
            assert answer == b"" and closed_after < 5
        with _connect(mock) as sock:  # keep-alive after an answer: idle, then closed
            sock.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
            answer, closed_after = _trickle_until_closed(sock, b"", limit=10)
            assert answer.startswith(b"HTTP/1.1 200 ") and closed_after < 5


def _worker_fds(mock: MockProcess) -> int:
    workers = []
    for task in pathlib.Path(f"/proc/{mock.pid}/task").iterdir():
        try:
            workers += [int(child) for child in (task / "children").read_text().split()]
        except FileNotFoundError:  # a thread that ended between the listing and the read
            continue
    return max(len(list(pathlib.Path(f"/proc/{pid}/fd").iterdir())) for pid in workers)


def test_health_stays_up_while_many_slow_clients_hold_connections():
    cap, slow_count = 20, 60
    with MockProcess("--max-connections", str(cap), "--header-timeout", "1", "--body-timeout", "1") as mock:
        idle_fds = _worker_fds(mock)
        # Below the cap the mock answers at once, whatever the slow clients do.
        few = [_connect(mock) for _ in range(cap // 2)]
        for sock in few:
            sock.sendall(SLOW_BODY)
        started = time.monotonic()
        assert httpx.get(mock.root_url + "/health", timeout=5).status_code == 200
        assert time.monotonic() - started < 1
        # Three times the cap: slow headers, slow bodies and connections that send nothing.
        slow = few + [_connect(mock) for _ in range(slow_count - len(few))]
        for index, sock in enumerate(slow[len(few) :]):
            sock.sendall((SLOW_HEADERS, SLOW_BODY, b"")[index % 3])
        stop = threading.Event()

        def trickle() -> None:
            while not stop.wait(0.2):
                for sock in slow:
                    with contextlib.suppress(OSError):
                        sock.send(b"X")

        trickler = threading.Thread(target=trickle, daemon=True)
        trickler.start()
        peak_fds, waits = 0, []
        try:
            for _ in range(4):
                peak_fds = max(peak_fds, _worker_fds(mock))
                started = time.monotonic()
                assert httpx.get(mock.root_url + "/health", timeout=15).status_code == 200
                waits.append(time.monotonic() - started)
                time.sleep(0.5)
        finally:
            stop.set()
            trickler.join(timeout=5)
            for sock in slow:
                sock.close()
        # At most `cap` connections are open in the worker; the others wait in the listen backlog
        # until the timeouts free a place (about one timeout per `cap` slow clients).
        assert peak_fds <= idle_fds + cap + 2, (idle_fds, peak_fds)
        assert max(waits) < slow_count / cap * 1 + 10, waits  # about 3 s; slack for a loaded machine
        assert mock.alive()
