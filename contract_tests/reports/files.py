"""Writing a report file: an output that cannot be written is a configuration error (exit code 2)."""

from __future__ import annotations

from pathlib import Path

from contract_tests.target import ConfigError


def write(path: Path, text: str, append: bool = False) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a" if append else "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror or exc}") from None
