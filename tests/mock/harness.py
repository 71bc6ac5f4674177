"""Real mock server processes for the tests: mock_server's own runner, started from the repo root
so that test middleware modules (``tests.mock.middleware_example``) import in the child."""

from __future__ import annotations

import pathlib

from mock_server.process import MockProcess as _MockProcess

ROOT = pathlib.Path(__file__).resolve().parents[2]


class MockProcess(_MockProcess):
    def __init__(self, *args: str, **kwargs) -> None:
        kwargs.setdefault("cwd", ROOT)
        super().__init__(*args, **kwargs)
