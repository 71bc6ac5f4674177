"""Serve `openai-responses` (PyPI) over HTTP, as an Assistants-compatible server nobody here wrote.

openai-responses mocks the OpenAI API inside a process (a respx router for httpx); this stdlib
adapter hands every HTTP request to that router and sends its answer back unchanged. A request the
router has no route for is answered 404 with an empty body; an exception the library raises (it
validates with pydantic and raises on bad input) is answered 500, as an HTTP server answers an
unhandled exception.

Runs in its own virtualenv (see conftest.py); prints ``listening on URL`` when ready.

    python openai_responses_server.py [--port 0]
"""

from __future__ import annotations

import argparse
import http.server
import sys

import httpx
import respx
from openai_responses import OpenAIMock

UPSTREAM = "https://api.openai.com"  # where OpenAIMock's router expects the requests


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    port = parser.parse_args().port
    mock = OpenAIMock()

    class Handler(http.server.BaseHTTPRequestHandler):
        # http.server answers ~40 ms late per request without this.
        disable_nagle_algorithm = True
        protocol_version = "HTTP/1.1"

        def _serve(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            request = httpx.Request(
                self.command, UPSTREAM + self.path, headers=list(self.headers.items()), content=body
            )
            try:
                response = mock.router.handler(request)
                status, headers, content = response.status_code, response.headers, response.read()
            except respx.models.AllMockedAssertionError:
                status, headers, content = 404, httpx.Headers(), b""
            except Exception:  # noqa: BLE001  (what any HTTP server answers to an unhandled exception)
                status = 500
                headers = httpx.Headers({"content-type": "text/plain"})
                content = b"Internal Server Error"
            self.send_response(status)
            for name, value in headers.multi_items():
                if name.lower() not in (
                    "content-length",
                    "transfer-encoding",
                    "connection",
                    "content-encoding",
                ):
                    self.send_header(name, value)
            self.send_header("content-length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

        # Every method reaches the router (http.server itself would answer 501 to the ones it has no do_ for).
        do_GET = do_POST = do_DELETE = do_PUT = do_PATCH = do_OPTIONS = do_HEAD = do_TRACE = do_QUERY = _serve

        def log_message(self, *args: object) -> None:
            return None

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    print(f"listening on http://127.0.0.1:{server.server_address[1]}/v1", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
