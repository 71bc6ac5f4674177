"""The bundled mock for a run: mock_server's own process runner, a failed start as a configuration error."""

from __future__ import annotations

from contract_tests.target import ConfigError
from mock_server.process import MockProcess, MockStartError


def start_bundled_mock() -> MockProcess:
    """A started mock with a throwaway database; it stops by itself if this process dies."""
    try:
        return MockProcess().start()
    except MockStartError as error:
        raise ConfigError(f"the bundled mock did not start: {error}") from None


__all__ = ["MockProcess", "start_bundled_mock"]
