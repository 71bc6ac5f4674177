"""generated_client/ is exactly what scripts/generate_client produces from the spec today."""

from __future__ import annotations

import importlib.util
import pathlib
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "generate_client"


def _generator():
    spec = importlib.util.spec_from_file_location(
        "client_generator", ROOT / "scripts/client_generator/generate.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_client_matches_the_spec() -> None:
    result = subprocess.run(
        [str(SCRIPT), "--check"], check=False, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, f"scripts/generate_client --check failed:\n{result.stdout}{result.stderr}"
    assert "up to date" in result.stdout


def test_the_check_names_every_file_that_differs(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    generator = _generator()
    stale = tmp_path / "assistants_client"
    shutil.copytree(generator.OUTPUT, stale, ignore=shutil.ignore_patterns("__pycache__"))
    (stale / "client.py").write_text("# edited by hand\n")
    (stale / "models" / "metadata.py").unlink()
    (stale / "models" / "stray.py").write_text("")
    monkeypatch.setattr(generator, "OUTPUT", stale)
    monkeypatch.setenv("PATH", f"{pathlib.Path(sys.executable).parent}:{__import__('os').environ['PATH']}")
    assert generator.main(["--check"]) == 1
    report = capsys.readouterr().err
    assert "differs: client.py" in report
    assert "missing: models/metadata.py" in report
    assert "unexpected: models/stray.py" in report


def test_the_generated_package_holds_no_tool_caches() -> None:
    package = _generator().OUTPUT
    assert not list(package.rglob(".ruff_cache")), "ruff's cache landed in the generated package"


def test_output_ignores_any_ruff_config_around_it(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generator = _generator()
    (tmp_path / "ruff.toml").write_text('line-length = 40\n[format]\nquote-style = "single"\n')
    monkeypatch.setenv("PATH", f"{pathlib.Path(sys.executable).parent}:{__import__('os').environ['PATH']}")
    fresh = tmp_path / "assistants_client"
    generator.generate(fresh)
    assert generator.differences(fresh, generator.OUTPUT) == []
