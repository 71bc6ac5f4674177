"""Serving the app with granian (Rust HTTP, measured fastest here; see benchmarks/mock/RESULTS.md).

Worker processes rebuild the app from the settings handed to granian's worker loader (inherited
memory under ``fork``, multiprocessing's pipe under ``spawn``): never the environment or the command
line, where keys would show in ``/proc``. Prints the one ready line others parse (``READY_PREFIX``,
read back by ``parse_ready_line``), once a worker answers ``/health``.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import functools
import gc
import importlib
import os
import signal
import sys
import threading
import time
import urllib.error
import urllib.request

from assistants_spec import load_spec
from granian.constants import HTTPModes, Interfaces
from granian.http import HTTP1Settings
from granian.log import LogLevels
from granian.server import Server

from .app import HEALTH_PATH, check_settings, create_app
from .config import MEMORY_DB, Settings
from .listening import PortUnavailable, probe_host, reserve_port, url
from .store import prepare

# The one line on stdout, once the server answers: READY_PREFIX + the API's base URL.
READY_PREFIX = "assistants-mock listening on "
_STARTUP_TIMEOUT = 60.0
_PARENT_POLL_SECONDS = 0.2
# How long a stop waits for workers to finish their requests before killing them.
_WORKERS_KILL_TIMEOUT = 5
_PR_SET_PDEATHSIG = 1  # linux/prctl.h
# stdout carries exactly the ready line: granian's own log goes to stderr.
_LOG_CONFIG = {
    "handlers": {
        "console": {"formatter": "generic", "class": "logging.StreamHandler", "stream": "ext://sys.stderr"},
        "access": {"formatter": "access", "class": "logging.StreamHandler", "stream": "ext://sys.stderr"},
    }
}


class StartError(RuntimeError):
    """The server cannot start as asked (one line for the user)."""


class ListenError(StartError):
    """The address cannot be served (port taken, address not local, ...)."""


def ready_line(base_url: str) -> str:
    return READY_PREFIX + base_url


def parse_ready_line(line: str) -> str | None:
    """The base URL a ready line announces (``http://127.0.0.1:4010/v1``), or None for any other line."""
    line = line.rstrip("\r\n")
    if not line.startswith(READY_PREFIX):
        return None
    url = line[len(READY_PREFIX) :]
    if not url.startswith(("http://", "https://")) or any(c.isspace() for c in url):
        return None
    return url


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


def _load_worker_app(settings: Settings, middleware: str | None):
    """Granian's loader in each worker process: the app, built from the server's settings."""
    _die_with_parent()
    app = build_app(settings, middleware)
    # Requests allocate many short-lived objects and no cycles worth chasing: move the start-up
    # objects (spec, validators) out of the collector's sight and collect the young generation
    # less often, which keeps collector pauses out of the tail latency.
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 50, 100)
    return app


def _watch_parent(pid: int) -> None:
    """Stop (as on SIGTERM) once process ``pid`` is no longer this server's parent.

    For tools that start the mock in a session of its own (so a terminal's Ctrl-C reaches only the
    tool, which then cleans up against a mock still there): the mock must not outlive the tool,
    even when the tool is killed with SIGKILL. Polling ``getppid`` rather than PR_SET_PDEATHSIG,
    which fires when the parent *thread* that started the mock ends, not the parent process.
    """
    if os.getppid() != pid:
        raise StartError(f"the parent process {pid} is already gone")

    def poll() -> None:
        while os.getppid() == pid:
            time.sleep(_PARENT_POLL_SECONDS)
        os.kill(os.getpid(), signal.SIGTERM)
        with contextlib.suppress(OSError):  # stderr may be a pipe the parent no longer reads
            print(f"assistants-mock: parent process {pid} is gone; stopping", file=sys.stderr)

    threading.Thread(target=poll, name="parent-watch", daemon=True).start()


def serve(settings: Settings | None = None, *, middleware: str | None = None) -> None:
    """Serve until SIGINT/SIGTERM. ``middleware`` ("module:callable") wraps the ASGI app."""
    settings = settings or Settings()
    if settings.workers > 1 and settings.db == MEMORY_DB:
        print("assistants-mock: --db :memory: lives in one process; serving with 1 worker", file=sys.stderr)
        settings = dataclasses.replace(settings, workers=1)
    if settings.parent_pid is not None:
        _watch_parent(settings.parent_pid)
    if middleware:
        _import(middleware)  # fail here, with a clear error, rather than in every worker
    spec = load_spec(settings.spec_path)  # fails here, once, on a broken spec or settings against it
    check_settings(spec, settings)
    base_path = spec.base_path
    prepare(settings.db)
    try:
        placeholder = reserve_port(settings.host, settings.port)
    except PortUnavailable as error:
        raise ListenError(str(error)) from None
    port = placeholder.getsockname()[1]
    settings = dataclasses.replace(settings, port=port)
    server = Server(
        "mock_server",  # only named in granian's log: the workers' loader is given to serve() below
        address=settings.host,
        port=port,
        interface=Interfaces.ASGI,
        workers=settings.workers,
        websockets=False,
        # HTTP/1 only: its header read timeout is what cuts off slow clients (see the README).
        http=HTTPModes.http1,
        http1_settings=HTTP1Settings(header_read_timeout=round(settings.header_timeout * 1000)),
        backlog=2048,
        # Granian holds one of these permits per open connection, idle ones included.
        backpressure=settings.connection_limit(),
        workers_kill_timeout=_WORKERS_KILL_TIMEOUT,
        log_level=LogLevels.warning,
        log_dictconfig=_LOG_CONFIG,
    )
    done = threading.Event()
    threading.Thread(
        target=_announce_when_healthy, args=(settings.host, port, base_path, done), daemon=True
    ).start()
    try:
        server.serve(
            target_loader=functools.partial(_load_worker_app, settings, middleware), wrap_loader=False
        )
    finally:
        done.set()
        placeholder.close()


def _announce_when_healthy(host: str, port: int, base_path: str, done: threading.Event) -> None:
    health = url(probe_host(host), port, HEALTH_PATH)
    deadline = time.monotonic() + _STARTUP_TIMEOUT
    while time.monotonic() < deadline and not done.is_set():
        try:
            urllib.request.urlopen(health, timeout=1).close()
        except urllib.error.HTTPError:
            pass  # an answer all the same (a wrapping middleware may change /health)
        except OSError:
            time.sleep(0.02)
            continue
        sys.stdout.write(ready_line(url(host, port, base_path)) + "\n")
        sys.stdout.flush()
        return
    if not done.is_set():
        print("assistants-mock: the server did not answer /health in time", file=sys.stderr)
