"""Starting the mock in a child process: the one way the product, the tests and the benchmarks do it.

    from mock_server.process import running

    with running("--db", "state.sqlite3") as mock:   # --db :memory: unless given
        httpx.get(mock.url + "/assistants", ...)

The child is ``python -m mock_server --host 127.0.0.1 --port 0 --parent-pid <this process>`` plus
the given options, in a session of its own: a Ctrl-C in the terminal reaches only the caller, which
can still clean up against a mock that is there, and then stops it (its whole process group). It
stops by itself when the caller dies, even by SIGKILL (``--parent-pid``). Waits are bounded.
"""

from __future__ import annotations

import contextlib
import os
import pathlib
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from typing import IO, Self
from urllib.parse import urlsplit

from .config import MEMORY_DB
from .server import parse_ready_line

START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0
_STDERR_TAIL = 40


class MockStartError(RuntimeError):
    """The mock did not announce itself in time; the message ends with the tail of its stderr."""


class MockProcess:
    """``python -m mock_server`` on a free loopback port, with the base URL it announced."""

    def __init__(
        self,
        *args: str,
        env: Mapping[str, str] | None = None,
        cwd: str | os.PathLike[str] | None = None,
        log_path: str | os.PathLike[str] | None = None,
        start_timeout: float = START_TIMEOUT,
    ) -> None:
        """``args`` are more options of ``python -m mock_server``; ``env`` adds to this process's
        environment; ``log_path`` collects the mock's stderr (else its tail is kept in memory)."""
        options = list(args)
        if "--db" not in options:
            options += ["--db", MEMORY_DB]
        self.command = [
            sys.executable,
            "-m",
            "mock_server",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--parent-pid",
            str(os.getpid()),
            *options,
        ]
        self.env = dict(env or {})
        self.cwd = cwd
        self.log_path = pathlib.Path(log_path) if log_path else None
        self.start_timeout = start_timeout
        self.process: subprocess.Popen[bytes] | None = None
        self.url = ""  # the API's base URL, e.g. http://127.0.0.1:41234/v1
        self.first_line = ""  # what the mock printed first on stdout (the ready line once started)
        self._stderr_tail: list[str] = []

    @property
    def root_url(self) -> str:
        """Scheme, host and port: where ``/health`` and ``/_mock/reset`` live."""
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process is not None else None

    def start(self) -> Self:
        if self.process is not None:
            raise RuntimeError("this mock process was started already")
        with contextlib.ExitStack() as stack:
            stderr: int | IO[bytes] = subprocess.PIPE
            if self.log_path is not None:
                stderr = stack.enter_context(self.log_path.open("ab"))
            self.process = subprocess.Popen(
                self.command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=stderr,
                cwd=self.cwd,
                env={**os.environ, **self.env},
                start_new_session=True,
            )
        ready = threading.Event()
        threading.Thread(target=self._read_stdout, args=(ready,), daemon=True).start()
        if self.process.stderr is not None:
            threading.Thread(target=self._read_stderr, daemon=True).start()
        if not ready.wait(self.start_timeout) or not self.url:
            code = self.process.poll()
            self.kill()
            reason = (
                f"exited with code {code}"
                if code is not None
                else f"did not start within {self.start_timeout:g}s"
            )
            tail = self.stderr_tail().strip()
            raise MockStartError(
                f"the mock server {reason} ({' '.join(self.command[1:])})" + (f":\n{tail}" if tail else "")
            )
        return self

    def _read_stdout(self, ready: threading.Event) -> None:
        assert self.process is not None and self.process.stdout is not None
        for raw in self.process.stdout:  # read to the end, so that the mock never blocks on a full pipe
            line = raw.decode("utf-8", "replace")
            if not self.first_line:
                self.first_line = line.rstrip("\r\n")
            if not self.url:
                self.url = parse_ready_line(line) or ""
                if self.url:
                    ready.set()
        ready.set()  # the mock exited (or closed stdout) without announcing itself

    def _read_stderr(self) -> None:
        assert self.process is not None and self.process.stderr is not None
        for raw in self.process.stderr:
            self._stderr_tail.append(raw.decode("utf-8", "replace"))
            del self._stderr_tail[:-_STDERR_TAIL]

    def stderr_tail(self, lines: int = 15) -> str:
        """The last lines the mock wrote to stderr (from ``log_path`` when it has one)."""
        if self.log_path is not None:
            try:
                return "".join(self.log_path.read_text(errors="replace").splitlines(True)[-lines:])
            except OSError:
                return ""
        return "".join(self._stderr_tail[-lines:])

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """SIGTERM to the mock's process group (graceful), SIGKILL if it is not gone in ``timeout``."""
        if not self.alive():
            return
        self._signal_group(signal.SIGTERM)
        assert self.process is not None
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self) -> None:
        """SIGKILL the whole process group: no shutdown code runs (what a crash looks like)."""
        if self.process is None:
            return
        self._signal_group(signal.SIGKILL)
        self.process.wait(timeout=STOP_TIMEOUT)

    def _signal_group(self, signum: int) -> None:
        assert self.process is not None
        if self.process.poll() is not None:
            return  # reaped: its group id may belong to someone else by now
        with contextlib.suppress(ProcessLookupError):
            # start_new_session made the mock the leader of its own group, workers included.
            os.killpg(self.process.pid, signum)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "running" if self.alive() else "stopped"
        return f"MockProcess(pid={self.pid}, url={self.url!r}, {state})"


@contextlib.contextmanager
def running(*args: str, **kwargs) -> Iterator[MockProcess]:
    """A started mock for the ``with`` block (see ``MockProcess`` for the arguments); stopped after."""
    mock = MockProcess(*args, **kwargs).start()
    try:
        yield mock
    finally:
        mock.stop()
