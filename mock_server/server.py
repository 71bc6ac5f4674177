"""Serving the app: one process (uvicorn with httptools and uvloop), or several sharing the
listening socket and the WAL database. Prints the one start-up line others parse."""

from __future__ import annotations

import asyncio
import dataclasses
import importlib
import os
import socket
import sys
import threading
import time
import urllib.request

import uvicorn

from .app import HEALTH_PATH, create_app
from .config import MEMORY_DB, Settings
from .contract import load_contract

_ENV_SETTINGS = "ASSISTANTS_MOCK_SETTINGS"
_ENV_MIDDLEWARE = "ASSISTANTS_MOCK_MIDDLEWARE"
_UVICORN = {"loop": "uvloop", "http": "httptools", "lifespan": "on", "interface": "asgi3", "log_level": "warning",
            "access_log": False, "server_header": False, "date_header": False}


def _import(target: str):
    module, _, attr = target.partition(":")
    if not module or not attr:
        raise ValueError(f"middleware must look like 'module:callable', got {target!r}")
    obj = importlib.import_module(module)
    for part in attr.split("."):
        obj = getattr(obj, part)
    return obj


def build_app(settings: Settings, middleware: str | None = None):
    app = create_app(settings)
    if middleware:
        app = _import(middleware)(app)
    return app


def worker_app():
    """App factory for worker processes: settings come through the environment."""
    return build_app(Settings.from_env(_ENV_SETTINGS), os.environ.get(_ENV_MIDDLEWARE) or None)


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _url(host: str, port: int, base_path: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{base_path}"


def _announce(url: str) -> None:
    sys.stdout.write(f"assistants-mock listening on {url}\n")
    sys.stdout.flush()


def serve(settings: Settings | None = None, *, middleware: str | None = None) -> None:
    """Serve until interrupted (SIGINT/SIGTERM). ``middleware`` ("module:callable") wraps the app."""
    settings = settings or Settings()
    if settings.workers > 1 and settings.db == MEMORY_DB:
        print("assistants-mock: --db :memory: lives in one process; serving with 1 worker", file=sys.stderr)
        settings = dataclasses.replace(settings, workers=1)
    sock = _bind(settings.host, settings.port)
    port = sock.getsockname()[1]
    try:
        if settings.workers == 1:
            _serve_one(settings, middleware, sock, port)
        else:
            _serve_many(settings, middleware, sock, port)
    finally:
        sock.close()


def _serve_one(settings: Settings, middleware: str | None, sock: socket.socket, port: int) -> None:
    app = build_app(settings, middleware)
    base_path = load_contract(settings.spec_path).base_path
    server = uvicorn.Server(uvicorn.Config(app, **_UVICORN))

    async def run() -> None:
        task = asyncio.create_task(server.serve(sockets=[sock]))
        while not server.started and not task.done():
            await asyncio.sleep(0.01)
        if server.started:
            _announce(_url(settings.host, port, base_path))
        await task

    asyncio.run(run())


def _serve_many(settings: Settings, middleware: str | None, sock: socket.socket, port: int) -> None:
    from uvicorn.supervisors import Multiprocess

    os.environ[_ENV_SETTINGS] = settings.to_env()
    os.environ[_ENV_MIDDLEWARE] = middleware or ""
    config = uvicorn.Config("mock_server.server:worker_app", factory=True, workers=settings.workers, **_UVICORN)
    base_path = load_contract(settings.spec_path).base_path
    url = _url(settings.host, port, base_path)
    # Several processes share the socket: announce once one of them answers /health.
    threading.Thread(target=_announce_when_healthy, args=(settings.host, port, url), daemon=True).start()
    Multiprocess(config, target=uvicorn.Server(config).run, sockets=[sock]).run()


def _announce_when_healthy(host: str, port: int, url: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    probe_host = "127.0.0.1" if host in ("0.0.0.0", "") else ("::1" if host == "::" else host)
    health = _url(probe_host, port, HEALTH_PATH)
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(health, timeout=1) as response:
                if response.status == 200:
                    _announce(url)
                    return
        except OSError:
            time.sleep(0.05)
    print("assistants-mock: workers did not become healthy in time", file=sys.stderr)
