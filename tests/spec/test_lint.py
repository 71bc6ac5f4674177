"""A real OpenAPI linter (Redocly CLI, pinned in spec/lint/) reports nothing, under every profile."""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess

import assistants_spec
import pytest

LINT_DIR = pathlib.Path(assistants_spec.SPEC_PATH).parent / "lint"
REDOCLY = LINT_DIR / "node_modules" / ".bin" / "redocly"


@pytest.fixture(scope="module")
def redocly() -> pathlib.Path:
    if not REDOCLY.exists():
        hint = (
            "run scripts/bootstrap"
            if shutil.which("npm")
            else "install Node.js and npm, then scripts/bootstrap"
        )
        pytest.fail(f"Redocly CLI is not installed in {LINT_DIR} ({hint})")
    return REDOCLY


@pytest.mark.parametrize("profile", assistants_spec.load_spec().profiles)
def test_redocly_lint_reports_no_problems(
    redocly: pathlib.Path, profile: str, tmp_path: pathlib.Path
) -> None:
    target = assistants_spec.SPEC_PATH
    if profile != assistants_spec.load_spec().default_profile:
        target = tmp_path / f"openapi.{profile}.yaml"
        target.write_text(assistants_spec.load_spec().dump(profile), encoding="utf-8")
    result = subprocess.run(
        [
            str(redocly),
            "lint",
            "--config",
            str(LINT_DIR / "redocly.yaml"),
            "--format",
            "stylish",
            str(target),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.replace("0 errors", ""), result.stdout
    assert "warning" not in result.stdout.lower(), result.stdout
