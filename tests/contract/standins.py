"""Small loopback servers that stand in for targets the CLI must cope with: OpenAI's host since the
sunset, a server refusing every key, a page that is no API, a target that rate-limits forever, one
that trickles its answer a byte at a time, one whose every answer is 10 MB.

Each runs in a thread of the test process (`serving(...)` yields its base URL) and stops with it.
"""

from __future__ import annotations

import contextlib
import http.server
import json
import threading
import time
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

from tests.loopback_server import QuietThreadingHTTPServer

Answer = tuple[int, dict[str, str], bytes]


def openai_since_sunset(method: str, path: str, headers: dict[str, str], body: bytes) -> Answer:
    """What api.openai.com answers every Assistants route since the hosted API was shut down."""
    error = {
        "error": {
            "message": f"Invalid URL ({method} {urlsplit(path).path})",
            "type": "invalid_request_error",
            "param": None,
            "code": None,
        }
    }
    return 404, {"content-type": "application/json"}, json.dumps(error, indent=2).encode()


def refuses_every_key(method: str, path: str, headers: dict[str, str], body: bytes) -> Answer:
    error = {
        "error": {
            "message": "Incorrect API key provided.",
            "type": "invalid_request_error",
            "param": None,
            "code": "invalid_api_key",
        }
    }
    return 401, {"content-type": "application/json"}, json.dumps(error).encode()


def not_an_api(method: str, path: str, headers: dict[str, str], body: bytes) -> Answer:
    return 200, {"content-type": "text/html"}, b"<html><body>Welcome to nginx!</body></html>"


def plain_not_found(method: str, path: str, headers: dict[str, str], body: bytes) -> Answer:
    return 404, {"content-type": "text/plain"}, b"Not Found"


def rate_limited(seconds: int) -> Callable[..., Answer]:
    """Every answer a 429 asking to wait ``seconds``."""

    def answer(method: str, path: str, headers: dict[str, str], body: bytes) -> Answer:
        error = {
            "error": {
                "message": "Rate limit reached",
                "type": "requests",
                "param": None,
                "code": "rate_limit_exceeded",
            }
        }
        return (
            429,
            {"content-type": "application/json", "retry-after": str(seconds)},
            json.dumps(error).encode(),
        )

    return answer


rate_limited_forever = rate_limited(999999)


def huge_lists(size: int) -> Callable[..., Answer]:
    """Every answer a list page of the right shape, padded to ``size`` bytes."""

    def answer(method: str, path: str, headers: dict[str, str], body: bytes) -> Answer:
        page = {
            "object": "list",
            "data": [],
            "first_id": None,
            "last_id": None,
            "has_more": False,
            "padding": "",
        }
        filler = size - len(json.dumps(page))
        page["padding"] = "x" * max(0, filler)
        return 200, {"content-type": "application/json"}, json.dumps(page).encode()

    return answer


class _Handler(http.server.BaseHTTPRequestHandler):
    disable_nagle_algorithm = True
    protocol_version = "HTTP/1.1"
    answer: Callable[..., Answer]
    trickle: float = 0.0  # seconds between bytes (0: all at once)

    def _serve(self) -> None:
        type(self).arrived.set()
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        status, headers, content = type(self).answer(self.command, self.path, dict(self.headers), body)
        head = [f"HTTP/1.1 {status} X"] + [f"{k}: {v}" for k, v in headers.items()]
        head += [f"content-length: {len(content)}", "", ""]
        raw = "\r\n".join(head).encode() + content
        try:
            if self.trickle:
                for i in range(len(raw)):
                    self.wfile.write(raw[i : i + 1])
                    self.wfile.flush()
                    time.sleep(self.trickle)
            else:
                self.wfile.write(raw)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    do_GET = do_POST = do_DELETE = do_PUT = do_PATCH = do_OPTIONS = do_HEAD = _serve

    def log_message(self, *args: object) -> None:
        return None


class URL(str):
    """The stand-in's base URL; ``arrived`` is set once a first request came in."""

    arrived: threading.Event


@contextlib.contextmanager
def serving(answer: Callable[..., Answer], *, trickle: float = 0.0, path: str = "/v1") -> Iterator[URL]:
    arrived = threading.Event()
    handler = type(
        "Handler", (_Handler,), {"answer": staticmethod(answer), "trickle": trickle, "arrived": arrived}
    )
    server = QuietThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = URL(f"http://127.0.0.1:{server.server_address[1]}{path}")
        url.arrived = arrived
        yield url
    finally:
        server.shutdown()
        server.server_close()
