"""A tap inside the mock: writes what reached the server and what it answered, as raw bytes.

``python -m mock_server --middleware tests.proxy.tap:tap`` with ``PROXY_TEST_TAP=FILE``: one JSON
line per request (base64 for every byte string), so that a test can compare what the client sent
and received through the proxy with what the server itself saw and sent.
"""

from __future__ import annotations

import base64
import json
import os
import pathlib


def _b(data: bytes) -> str:
    return base64.b64encode(data).decode()


def tap(app):
    path = os.environ["PROXY_TEST_TAP"]

    async def tapped(scope, receive, send):
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        seen = {
            "method": scope["method"],
            "raw_path": _b(scope.get("raw_path") or scope["path"].encode()),
            "query": _b(scope.get("query_string") or b""),
            "headers": [[_b(k), _b(v)] for k, v in scope["headers"]],
            "body": "",
            "status": 0,
            "response_headers": [],
            "response_body": "",
        }
        body = bytearray()
        answer = bytearray()

        async def receive_tapped():
            message = await receive()
            body.extend(message.get("body", b""))
            return message

        async def send_tapped(message):
            if message["type"] == "http.response.start":
                seen["status"] = message["status"]
                seen["response_headers"] = [[_b(k), _b(v)] for k, v in message.get("headers", [])]
            elif message["type"] == "http.response.body":
                answer.extend(message.get("body", b""))
            await send(message)

        await app(scope, receive_tapped, send_tapped)
        seen["body"], seen["response_body"] = _b(bytes(body)), _b(bytes(answer))
        with open(path, "a", encoding="utf-8") as fh:  # noqa: ASYNC230 - a test tap; small appends
            fh.write(json.dumps(seen) + "\n")

    return tapped


def read(path) -> list[dict]:
    """The tapped exchanges, byte strings decoded."""
    found = []
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        for key in ("raw_path", "query", "body", "response_body"):
            item[key] = base64.b64decode(item[key])
        for key in ("headers", "response_headers"):
            item[key] = [(base64.b64decode(k), base64.b64decode(v)) for k, v in item[key]]
        found.append(item)
    return found
