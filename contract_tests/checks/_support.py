"""What the checks need from a schemathesis response: the body actually sent, the JSON received."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs, urlsplit

from contract_tests.context import RunContext, current


def run_context() -> RunContext | None:
    return current()


def sent_json(response: Any) -> Any:
    body = response.request.body
    if body is None:
        return None
    if isinstance(body, bytes):
        body = body.decode("utf-8", "replace")
    try:
        return json.loads(body)
    except ValueError:
        return None


def received_json(response: Any) -> Any:
    try:
        return json.loads(response.content)
    except ValueError:
        return None


def request_path(response: Any) -> str:
    return urlsplit(response.request.url).path


def request_query(response: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(response.request.url).query, keep_blank_values=True)


def header(response: Any, name: str) -> str | None:
    value = response.headers.get(name.lower()) or response.headers.get(name)
    if isinstance(value, list):
        return value[0] if value else None
    return value


def assistant_id_from_path(response: Any) -> str | None:
    path = request_path(response).rstrip("/")
    head, _, tail = path.rpartition("/")
    return tail if head.endswith("/assistants") and tail else None


def is_operation(case: Any, operation_id: str) -> bool:
    return getattr(case.operation, "definition", None) is not None and _operation_id(case) == operation_id


def _operation_id(case: Any) -> str | None:
    raw = case.operation.definition.raw
    return raw.get("operationId") if isinstance(raw, dict) else None
