"""Running the proxy: one granian worker process forwards, this process checks.

Forwarding and checking run in two processes so that checking never sits on the forwarding path:
the worker sends a copy of each finished exchange over a Unix socket (``channel``) and moves on;
the main process (granian's supervisor, otherwise idle) judges exchanges in a thread, prints each
new violation, and writes the reports and the recording when the server stops (SIGINT, SIGTERM or
SIGHUP).
"""

from __future__ import annotations

import contextlib
import json
import os
import pathlib
import shutil
import socket
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass, field

from assistants_spec import load_spec
from granian.constants import Interfaces
from granian.log import LogLevels
from granian.server import Server

from mock_server.listening import PortUnavailable, probe_host, reserve_port, url

from . import channel
from .checker import Checker
from .exchange import Exchange
from .forward import SETTINGS_ENV
from .har import HarWriter
from .report import Report, Violation, render_console_line, render_junit, render_markdown, render_summary
from .secrets import Secrets
from .upstream import Origin

_LOG_CONFIG = {
    "handlers": {
        "console": {"formatter": "generic", "class": "logging.StreamHandler", "stream": "ext://sys.stderr"},
        "access": {"formatter": "access", "class": "logging.StreamHandler", "stream": "ext://sys.stderr"},
    }
}
_DRAIN_TIMEOUT = 30.0
_CHECKER_NICENESS = 19  # Linux: a thread's own niceness


class StartError(Exception):
    """The proxy cannot start: a bad option, a port in use, an unwritable output file."""


@dataclass
class Settings:
    upstream: str
    host: str = "127.0.0.1"
    port: int = 4011
    profile: str | None = None
    report: pathlib.Path | None = None
    junit: pathlib.Path | None = None
    record: pathlib.Path | None = None
    fail_on_violation: bool = False
    behaviour: bool = True
    spec_path: str | None = None
    outputs: list = field(default_factory=list)


class ConsoleOutput:
    """Each distinct violation, one line on stdout, as it is found; a summary at the end."""

    def __init__(self, mask) -> None:
        self.mask = mask

    def violation(self, violation: Violation) -> None:
        print(self.mask(render_console_line(violation)), flush=True)

    def finish(self, report: Report) -> None:
        print(self.mask(render_summary(report)), flush=True)


class FileOutput:
    def __init__(self, path: pathlib.Path, render, mask) -> None:
        self.path, self.render, self.mask = path, render, mask
        self.error: str | None = None

    def violation(self, violation: Violation) -> None:
        pass

    def finish(self, report: Report) -> None:
        try:
            self.path.write_text(self.mask(self.render(report)), encoding="utf-8")
        except OSError as error:
            self.error = f"cannot write {self.path}: {error.strerror or error}"


def _writable(path: pathlib.Path, option: str) -> None:
    try:
        with path.open("ab"):
            pass
    except OSError as error:
        raise StartError(f"{option} {path}: {error.strerror or error}") from None


class _Intake(threading.Thread):
    """Reads the worker's messages and feeds the checker (a respawned worker connects again)."""

    def __init__(self, server: socket.socket, checker: Checker, ready_line: str, address: tuple) -> None:
        super().__init__(name="assistants-proxy-checker", daemon=True)
        self.server = server
        self.checker = checker
        self.ready_line = ready_line
        self.address = address
        self.announced = threading.Event()
        self.connected = threading.Event()
        self.idle = threading.Event()
        self.idle.set()
        self.stopping = False

    def run(self) -> None:
        # Forwarding comes first: when the CPUs are busy the checker waits (and catches up later;
        # past the worker's backlog limit exchanges go unchecked and the report counts them).
        with contextlib.suppress(OSError, AttributeError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), _CHECKER_NICENESS)
        while not self.stopping:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            self.connected.set()
            self.idle.clear()
            try:
                for message in channel.messages(conn):
                    self._take(message)
            except Exception:  # noqa: BLE001 - a checker bug must not stop the forwarding or the report
                print(self.checker.secrets.mask(traceback.format_exc()), file=sys.stderr)
            finally:
                self.idle.set()

    def _take(self, message: tuple) -> None:
        if message[0] == channel.HELLO:
            if not self.announced.is_set():
                _wait_listening(self.address)
                sys.stdout.write(self.ready_line + "\n")
                sys.stdout.flush()
                self.announced.set()
            return
        _, frame, oldest, unsent = message
        try:
            self.checker.accept(Exchange.from_frame(frame), oldest, unsent)
        except Exception:  # noqa: BLE001 - one exchange the checker cannot handle is reported, not fatal
            print("assistants-proxy: internal error while checking an exchange:", file=sys.stderr)
            print(self.checker.secrets.mask(traceback.format_exc()), file=sys.stderr)


def _wait_listening(address: tuple, timeout: float = 30.0) -> None:
    """The worker said hello; wait until its port takes connections before saying the URL."""
    host, port = address
    reach = probe_host(host)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection((reach, port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.02)


def serve(settings: Settings) -> int:
    """Forward until SIGINT/SIGTERM/SIGHUP; then write the outputs. The exit code."""
    spec = load_spec(settings.spec_path)
    try:
        origin = Origin.parse(settings.upstream)
    except ValueError as error:
        raise StartError(str(error)) from None
    for path, option in (
        (settings.report, "--report"),
        (settings.junit, "--junit"),
        (settings.record, "--record"),
    ):
        if path is not None:
            _writable(path, option)
    from .upstream import check_reachable

    why = check_reachable(origin)
    if why is not None:
        raise StartError(f"upstream {origin.url} is unreachable: {why}")
    try:
        placeholder = reserve_port(settings.host, settings.port)
    except PortUnavailable as error:
        raise StartError(str(error)) from None
    port = placeholder.getsockname()[1]
    mount = origin.path or spec.base_path

    secrets = Secrets(spec)
    outputs: list = [ConsoleOutput(secrets.mask)]
    files: list[FileOutput] = []
    if settings.report is not None:
        files.append(FileOutput(settings.report, render_markdown, secrets.mask))
    if settings.junit is not None:
        files.append(FileOutput(settings.junit, render_junit, secrets.mask))
    recorder = HarWriter(settings.record, origin, secrets) if settings.record is not None else None
    checker = Checker(
        spec,
        subject=f"upstream {origin.url}" + (f", profile {settings.profile}" if settings.profile else ""),
        mount=mount,
        profile=settings.profile,
        behaviour=settings.behaviour,
        secrets=secrets,
        outputs=[*outputs, *files, *settings.outputs],
        recorder=recorder,
    )

    folder = tempfile.mkdtemp(prefix="assistants-proxy-")  # mode 0700: only this user can connect
    path = os.path.join(folder, "channel")
    listener = channel.listen(path)
    intake = _Intake(
        listener,
        checker,
        f"assistants-proxy listening on {url(settings.host, port, mount)}",
        (settings.host, port),
    )
    intake.start()
    os.environ[SETTINGS_ENV] = json.dumps({"upstream": settings.upstream, "channel": path})
    server = Server(
        "contract_tests.proxy.forward:worker_app",
        address=settings.host,
        port=port,
        interface=Interfaces.ASGI,
        workers=1,
        factory=True,
        websockets=False,
        backlog=2048,
        log_level=LogLevels.warning,
        log_dictconfig=_LOG_CONFIG,
    )
    # granian reloads its workers on SIGHUP; a proxy whose terminal closed should stop and report.
    server.on_startup(lambda: _stop_on_hangup(server))
    try:
        server.serve()
    except SystemExit:
        pass  # granian exits 1 when a worker died; the report still gets written
    finally:
        placeholder.close()
        # Let the checker read what the worker sent before it stopped.
        intake.idle.wait(_DRAIN_TIMEOUT)
        intake.stopping = True
        listener.close()
        shutil.rmtree(folder, ignore_errors=True)
    report = checker.finish()
    failed_outputs = [f.error for f in files if f.error]
    for message in failed_outputs:
        print(f"assistants-proxy: {message}", file=sys.stderr)
    if failed_outputs:
        return 2
    return 1 if settings.fail_on_violation and report.failed else 0


def _stop_on_hangup(server: Server) -> None:
    import signal

    signal.signal(signal.SIGHUP, server.signal_handler_interrupt)
