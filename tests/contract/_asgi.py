"""Small ASGI building blocks for the broken variants: rewrite a request, or a response, of the correct mock."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode

App = Callable[[dict, Callable[[], Awaitable[dict]], Callable[[dict], Awaitable[None]]], Awaitable[None]]


@dataclass
class Request:
    scope: dict
    body: bytes

    @property
    def method(self) -> str:
        return self.scope["method"]

    @property
    def path(self) -> str:
        return self.scope["path"]

    @property
    def headers(self) -> dict[str, str]:
        return {k.decode().lower(): v.decode() for k, v in self.scope.get("headers", [])}

    def set_header(self, name: str, value: str | None) -> None:
        kept = [(k, v) for k, v in self.scope.get("headers", []) if k.decode().lower() != name.lower()]
        if value is not None:
            kept.append((name.lower().encode(), value.encode()))
        self.scope = {**self.scope, "headers": kept}

    @property
    def query(self) -> dict[str, str]:
        return dict(parse_qsl(self.scope.get("query_string", b"").decode(), keep_blank_values=True))

    def set_query(self, query: dict[str, Any]) -> None:
        self.scope = {**self.scope, "query_string": urlencode(query).encode()}

    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def set_json(self, value: Any) -> None:
        self.body = json.dumps(value).encode()
        self.set_header("content-length", str(len(self.body)))

    @property
    def is_list(self) -> bool:
        return self.method == "GET" and self.path.rstrip("/").endswith("/assistants")

    @property
    def is_create(self) -> bool:
        return self.method == "POST" and self.path.rstrip("/").endswith("/assistants")

    @property
    def is_modify(self) -> bool:
        return self.method == "POST" and "/assistants/" in self.path

    @property
    def is_get_one(self) -> bool:
        return self.method == "GET" and "/assistants/" in self.path

    @property
    def is_delete(self) -> bool:
        return self.method == "DELETE" and "/assistants/" in self.path


@dataclass
class Response:
    status: int
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    body: bytes = b""

    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def set_json(self, value: Any) -> None:
        self.body = json.dumps(value).encode()

    def set_header(self, name: str, value: str) -> None:
        self.headers = [(k, v) for k, v in self.headers if k.decode().lower() != name.lower()]
        self.headers.append((name.lower().encode(), value.encode()))


async def read_request(scope: dict, receive: Callable) -> Request:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            break
    return Request(scope, b"".join(chunks))


async def call(app: App, request: Request) -> Response:
    """Run the wrapped app on `request` and collect its whole response."""
    sent = False

    async def receive() -> dict:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": request.body, "more_body": False}

    response = Response(500)
    chunks: list[bytes] = []

    async def send(message: dict) -> None:
        if message["type"] == "http.response.start":
            response.status = message["status"]
            response.headers = list(message.get("headers", []))
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(request.scope, receive, send)
    response.body = b"".join(chunks)
    return response


async def reply(send: Callable, response: Response) -> None:
    headers = [(k, v) for k, v in response.headers if k.lower() != b"content-length"]
    headers.append((b"content-length", str(len(response.body)).encode()))
    await send({"type": "http.response.start", "status": response.status, "headers": headers})
    await send({"type": "http.response.body", "body": response.body})


Handler = Callable[[App, Request], Awaitable[Response]]


def middleware(handler: Handler) -> Callable[[App], App]:
    """Turn `async handler(app, request) -> response` into a mock_server middleware (app -> app)."""

    def wrap(app: App) -> App:
        async def wrapped(scope: dict, receive: Callable, send: Callable) -> None:
            if scope["type"] != "http":
                await app(scope, receive, send)
                return
            request = await read_request(scope, receive)
            await reply(send, await handler(app, request))

        return wrapped

    return wrap


def rewrite_request(change: Callable[[Request], None]) -> Callable[[App], App]:
    async def handler(app: App, request: Request) -> Response:
        change(request)
        return await call(app, request)

    return middleware(handler)


def rewrite_response(change: Callable[[Request, Response], None]) -> Callable[[App], App]:
    async def handler(app: App, request: Request) -> Response:
        response = await call(app, request)
        change(request, response)
        return response

    return middleware(handler)
