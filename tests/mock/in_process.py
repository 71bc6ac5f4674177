"""The mock serving an edited copy of the spec, in this process: a test changes a fact in the
spec and sees the mock's answer change with it."""

from __future__ import annotations

import asyncio
import pathlib
from collections.abc import Callable
from typing import Any

import assistants_spec
import httpx
import yaml

from mock_server import DEFAULT_API_KEYS, Settings, create_app


def edited_spec(folder: pathlib.Path, edit: Callable[[dict[str, Any]], None]) -> pathlib.Path:
    """A copy of the bundled spec with ``edit`` applied to its document."""
    document = yaml.safe_load(assistants_spec.SPEC_PATH.read_text(encoding="utf-8"))
    edit(document)
    target = folder / "openapi.yaml"
    target.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return target


class InProcessMock:
    """``create_app`` over ``spec_path`` with an in-memory store, called through httpx's ASGI transport."""

    def __init__(self, spec_path: pathlib.Path | None = None) -> None:
        self.spec = assistants_spec.load_spec(spec_path)
        self.app = create_app(Settings(db=":memory:", spec_path=str(spec_path or assistants_spec.SPEC_PATH)))
        scheme = next(s for s in self.spec.security.schemes.values() if s.http_scheme == "bearer")
        self.headers = {
            scheme.header: scheme.header_value(DEFAULT_API_KEYS[0]),
            self.spec.beta_header: self.spec.beta_value(),
        }

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        async def send() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            base = "http://mock" + self.spec.base_path
            async with httpx.AsyncClient(transport=transport, base_url=base, headers=self.headers) as client:
                return await client.request(method, path, **kwargs)

        return asyncio.run(send())
