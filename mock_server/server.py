"""Serving the app with granian (Rust HTTP, measured fastest here; see benchmarks/mock/RESULTS.md).

Worker processes rebuild the app from settings passed through the environment, so that several
of them can share the listening port and the WAL database. Prints the one start-up line others
parse, once a worker answers ``/health``.
"""

from __future__ import annotations

import ctypes
import dataclasses
import gc
import importlib
import os
import signal
import socket
import sys
import threading
import time
import urllib.error
import urllib.request

from assistants_spec import load_spec
from granian.constants import Interfaces
from granian.log import LogLevels
from granian.server import Server

from .app import HEALTH_PATH, create_app
from .config import MEMORY_DB, Settings
from .store import prepare

_ENV_SETTINGS = "ASSISTANTS_MOCK_SETTINGS"
_ENV_MIDDLEWARE = "ASSISTANTS_MOCK_MIDDLEWARE"
_STARTUP_TIMEOUT = 60.0
_PR_SET_PDEATHSIG = 1  # linux/prctl.h
# stdout carries exactly the start-up line: granian's own log goes to stderr.
_LOG_CONFIG = {
    "handlers": {
        "console": {"formatter": "generic", "class": "logging.StreamHandler", "stream": "ext://sys.stderr"},
        "access": {"formatter": "access", "class": "logging.StreamHandler", "stream": "ext://sys.stderr"},
    }
}


class ListenError(RuntimeError):
    """The address cannot be served (port taken, address not local, ...)."""


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


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the server process dies, even by ``kill -9``.

    Otherwise an orphaned worker would keep serving the port (it holds it with SO_REUSEPORT).
    """
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def worker_app():
    """App factory for worker processes: settings come through the environment."""
    _die_with_parent()
    app = build_app(Settings.from_env(_ENV_SETTINGS), os.environ.get(_ENV_MIDDLEWARE) or None)
    # Requests allocate many short-lived objects and no cycles worth chasing: move the start-up
    # objects (spec, validators) out of the collector's sight and collect the young generation
    # less often, which keeps collector pauses out of the tail latency.
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 50, 100)
    return app


def _reserve_port(host: str, port: int) -> socket.socket:
    """Hold ``port`` (0: a free one), bound but not listening, for the workers to bind as well.

    Granian's workers bind with SO_REUSEPORT, which would let a second mock share a port that is
    already serving: a first bind without it fails instead when the port is taken.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise ListenError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
        port = probe.getsockname()[1]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def _url(host: str, port: int, path: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{path}"


def serve(settings: Settings | None = None, *, middleware: str | None = None) -> None:
    """Serve until SIGINT/SIGTERM. ``middleware`` ("module:callable") wraps the ASGI app."""
    settings = settings or Settings()
    if settings.workers > 1 and settings.db == MEMORY_DB:
        print("assistants-mock: --db :memory: lives in one process; serving with 1 worker", file=sys.stderr)
        settings = dataclasses.replace(settings, workers=1)
    if middleware:
        _import(middleware)  # fail here, with a clear error, rather than in every worker
    base_path = load_spec(settings.spec_path).base_path  # also fails early on a broken spec
    prepare(settings.db)
    placeholder = _reserve_port(settings.host, settings.port)
    port = placeholder.getsockname()[1]
    os.environ[_ENV_SETTINGS] = dataclasses.replace(settings, port=port).to_env()
    os.environ[_ENV_MIDDLEWARE] = middleware or ""
    server = Server(
        "mock_server.server:worker_app",
        address=settings.host,
        port=port,
        interface=Interfaces.ASGI,
        workers=settings.workers,
        factory=True,
        websockets=False,
        backlog=2048,
        log_level=LogLevels.warning,
        log_dictconfig=_LOG_CONFIG,
    )
    done = threading.Event()
    threading.Thread(
        target=_announce_when_healthy, args=(settings.host, port, base_path, done), daemon=True
    ).start()
    try:
        server.serve()
    finally:
        done.set()
        placeholder.close()


def _announce_when_healthy(host: str, port: int, base_path: str, done: threading.Event) -> None:
    probe_host = {"0.0.0.0": "127.0.0.1", "": "127.0.0.1", "::": "::1"}.get(host, host)
    health = _url(probe_host, port, HEALTH_PATH)
    deadline = time.monotonic() + _STARTUP_TIMEOUT
    while time.monotonic() < deadline and not done.is_set():
        try:
            urllib.request.urlopen(health, timeout=1).close()
        except urllib.error.HTTPError:
            pass  # an answer all the same (a wrapping middleware may change /health)
        except OSError:
            time.sleep(0.02)
            continue
        sys.stdout.write(f"assistants-mock listening on {_url(host, port, base_path)}\n")
        sys.stdout.flush()
        return
    if not done.is_set():
        print("assistants-mock: the server did not answer /health in time", file=sys.stderr)
