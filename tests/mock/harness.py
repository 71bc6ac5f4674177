"""Start and stop real mock server processes for the tests (loopback, free port, bounded waits)."""

from __future__ import annotations

import contextlib
import os
import pathlib
import re
import signal
import subprocess
import sys
import threading
from typing import Self

ROOT = pathlib.Path(__file__).resolve().parents[2]
_LINE = re.compile(r"^assistants-mock listening on (http://\S+/v1)$")
START_TIMEOUT = 30.0


class MockProcess:
    """``python -m mock_server --port 0 ...`` in a child process, with its printed base URL."""

    def __init__(self, *args: str, log_path: pathlib.Path | None = None) -> None:
        self.args = ["--host", "127.0.0.1", "--port", "0", *args]
        self.log_path = log_path
        self.process: subprocess.Popen | None = None
        self.url = ""
        self.first_line = ""

    def start(self) -> Self:
        env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        with contextlib.ExitStack() as stack:
            stderr = stack.enter_context(open(self.log_path, "ab")) if self.log_path else subprocess.DEVNULL
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mock_server", *self.args],
                stdout=subprocess.PIPE,
                stderr=stderr,
                cwd=ROOT,
                env=env,
                start_new_session=True,  # its own process group, so that kill() reaches the workers too
            )
        line: list[str] = []
        reader = threading.Thread(
            target=lambda: line.append(self.process.stdout.readline().decode()), daemon=True
        )
        reader.start()
        reader.join(START_TIMEOUT)
        self.first_line = line[0].rstrip("\n") if line else ""
        match = _LINE.match(self.first_line)
        if match is None:
            self.kill()
            raise RuntimeError(f"mock did not start (first line {self.first_line!r}); args {self.args}")
        self.url = match.group(1)
        return self

    @property
    def root_url(self) -> str:
        return self.url[: -len("/v1")]

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self) -> None:
        """SIGKILL the whole process group: no shutdown code runs (the durability test's crash)."""
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=10)

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
