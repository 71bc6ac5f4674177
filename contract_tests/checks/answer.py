"""A schemathesis response as the checks read it: what was sent, what came back, which operation."""

from __future__ import annotations

import functools
import json
from typing import Any
from urllib.parse import parse_qs, urlsplit

from assistants_spec import Match
from assistants_spec.statuses import Meaning, meaning

from contract_tests.context import RunContext


class Answer:
    def __init__(self, response: Any, case: Any, run: RunContext) -> None:
        self.response = response
        self.case = case
        self.run = run

    @property
    def status(self) -> int:
        return self.response.status_code

    @property
    def method(self) -> str:
        return self.response.request.method

    @property
    def url(self) -> str:
        return self.response.request.url

    @property
    def request_headers(self) -> Any:
        return self.response.request.headers

    @property
    def request_body(self) -> bytes | str | None:
        return self.response.request.body

    def header(self, name: str) -> str | None:
        """A response header (schemathesis keeps each as a list of values)."""
        value = self.response.headers.get(name.lower()) or self.response.headers.get(name)
        if isinstance(value, list):
            return value[0] if value else None
        return value

    @functools.cached_property
    def sent_json(self) -> Any:
        body = self.request_body
        if body is None:
            return None
        if isinstance(body, bytes):
            body = body.decode("utf-8", "replace")
        try:
            return json.loads(body)
        except ValueError:
            return None

    @functools.cached_property
    def json(self) -> Any:
        try:
            return json.loads(self.response.content)
        except ValueError:
            return None

    @functools.cached_property
    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.url).query, keep_blank_values=True)

    def single(self, name: str) -> str | None:
        """A query parameter sent exactly once, else None."""
        values = self.query.get(name)
        return values[0] if values and len(values) == 1 else None

    @functools.cached_property
    def reached(self) -> Match | None:
        """The operation this request reached (by method and URL), with its path parameters."""
        return self.run.locate(self.method, self.url)

    def is_success_of(self, operation_id: str) -> bool:
        """A success answer (any 2xx: a wrong success status is another check's) of that operation."""
        found = self.reached
        return (
            found is not None
            and found.operation.id == operation_id
            and meaning(self.status) is Meaning.SUCCESS
        )

    @property
    def path_id(self) -> str | None:
        """The one path parameter of the request (the assistant's id), decoded."""
        found = self.reached
        values = list(found.path_params.values()) if found is not None else []
        return values[0] if len(values) == 1 else None
