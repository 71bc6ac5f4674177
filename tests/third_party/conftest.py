"""Third-party Assistants-compatible implementations, each in an environment of its own.

`openai_responses_url`: openai-responses (PyPI) served over HTTP by openai_responses_server.py, from
a virtualenv made from openai_responses.lock (its openai<3 cannot live in the project's .venv).
Skipped, saying why, only where the packages cannot be installed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LOCK = HERE / "openai_responses.lock"
VENV = ROOT / ".venv-third-party" / "openai-responses"


def _python(venv: Path) -> Path:
    return venv / "bin" / "python"


def ensure_venv(venv: Path, lock: Path) -> Path:
    """The virtualenv, made (again) only when the lock changed."""
    stamp = venv / ".lock-sha256"
    wanted = hashlib.sha256(lock.read_bytes()).hexdigest()
    if _python(venv).exists() and stamp.exists() and stamp.read_text() == wanted:
        return _python(venv)
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True, timeout=300)
    installed = subprocess.run(
        [
            str(_python(venv)),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
            str(lock),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if installed.returncode != 0:
        pytest.skip(
            f"the packages in {lock.name} cannot be installed here: {installed.stderr.strip()[-500:]}"
        )
    stamp.write_text(wanted)
    return _python(venv)


@pytest.fixture(scope="session")
def openai_responses_url() -> Iterator[str]:
    python = ensure_venv(VENV, LOCK)
    process = subprocess.Popen(
        [str(python), str(HERE / "openai_responses_server.py")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    assert process.stdout is not None
    ready: list[str] = []
    reader = threading.Thread(target=lambda: ready.append(process.stdout.readline()), daemon=True)
    reader.start()
    reader.join(60)
    line = ready[0] if ready else ""
    if not line.startswith("listening on "):
        process.kill()
        pytest.fail(
            f"openai-responses did not start: {line!r} {process.stderr.read() if process.stderr else ''}"
        )
    try:
        yield line.split()[-1]
    finally:
        process.terminate()
        process.wait(timeout=10)
