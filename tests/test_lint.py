"""The project's own code passes the pinned ruff (lint and format), so style never drifts by machine.

generated_client/ is excluded in pyproject.toml: the generator formats it with its own ruff hooks,
and tests/client/test_drift.py holds it to the generator's output.
"""

from __future__ import annotations

import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
RUFF = pathlib.Path(sys.executable).with_name("ruff")


def ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(RUFF), *args, "--no-cache", "."], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_check_finds_nothing() -> None:
    result = ruff("check", "--output-format", "concise")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_changes_nothing() -> None:
    result = ruff("format", "--check")
    assert result.returncode == 0, result.stdout + result.stderr
