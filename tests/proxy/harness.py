"""Start and stop a real ``assistants-proxy`` process for the tests (loopback, free port, bounded waits)."""

from __future__ import annotations

import os
import pathlib
import re
import signal
import subprocess
import sys
import threading
from typing import Self

ROOT = pathlib.Path(__file__).resolve().parents[2]
_LINE = re.compile(r"^assistants-proxy listening on (http://\S+)$")
START_TIMEOUT = 30.0


class ProxyProcess:
    """``python -m contract_tests.proxy --port 0 --upstream URL ...``, its printed URL and its output."""

    def __init__(self, upstream: str, *args: str) -> None:
        self.args = ["--host", "127.0.0.1", "--port", "0", "--upstream", upstream, *args]
        self.process: subprocess.Popen | None = None
        self.url = ""
        self.lines: list[str] = []  # stdout after the ready line
        self.stderr = ""
        self.returncode: int | None = None
        self._reader: threading.Thread | None = None

    def start(self) -> Self:
        env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "contract_tests.proxy", *self.args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env=env,
            text=True,
            start_new_session=True,
        )
        first: list[str] = []
        ready = threading.Event()

        def read() -> None:
            for line in self.process.stdout:
                if not first:
                    first.append(line.rstrip("\n"))
                    ready.set()
                else:
                    self.lines.append(line.rstrip("\n"))
            ready.set()

        self._reader = threading.Thread(target=read, daemon=True)
        self._reader.start()
        ready.wait(START_TIMEOUT)
        match = _LINE.match(first[0]) if first else None
        if match is None:
            self.kill()
            raise RuntimeError(f"proxy did not start (first line {first!r}): {self.stderr}")
        self.url = match.group(1)
        return self

    def violations(self) -> list[str]:
        return [line for line in self.lines if line.startswith("VIOLATION")]

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 60) -> int:
        """Send ``sig`` to the proxy's main process and wait for it to write its outputs and exit."""
        if self.process is None:
            return -1
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
        self._reader.join(10)
        self.stderr = self.process.stderr.read()
        self.returncode = self.process.returncode
        return self.returncode

    def kill(self) -> None:
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=10)
        if not self.stderr and self.process.stderr is not None:
            self.stderr = self.process.stderr.read()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
