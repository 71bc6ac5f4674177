"""Writes are kept: what a create or modify returns is what was sent, and is what a later read returns."""

from __future__ import annotations

from typing import Any

import schemathesis

from contract_tests.checks._support import (
    assistant_id_from_path,
    received_json,
    request_path,
    run_context,
    sent_json,
)
from contract_tests.compare import field_differences, object_differences
from contract_tests.spec_view import CREATE, DELETE, GET, MODIFY


def _applies(case: Any, response: Any, operation_id: str) -> bool:
    raw = case.operation.definition.raw
    return (
        200 <= response.status_code < 300
        and isinstance(raw, dict)
        and raw.get("operationId") == operation_id
        and response.request.method == case.operation.method.upper()
    )


def _read(run: Any, assistant_id: str) -> Any:
    return run.client.request("GET", run.spec.operation(GET).url_path(assistant_id))


def _explain(what: str, problems: list[str]) -> str:
    return what + ":\n  " + "\n  ".join(problems[:10])


def _check_written(run: Any, operation_id: str, response: Any) -> None:
    sent, got = sent_json(response), received_json(response)
    if not isinstance(sent, dict) or not isinstance(got, dict) or not isinstance(got.get("id"), str):
        return  # the shape checks report a malformed answer
    problems = field_differences(run.spec, run.spec.request_schema(operation_id), sent, got)
    if problems:
        raise AssertionError(_explain("the answer should carry every field as sent", problems))
    read = _read(run, got["id"])
    if read.status != 200:
        raise AssertionError(f"reading the object back should give 200, got {read.describe()}")
    problems = object_differences(got, read.json, ("the write answered", "the read-back has"))
    if problems:
        raise AssertionError(
            _explain(f"a read-back ({read.describe()}) should equal what the write returned", problems)
        )


@schemathesis.check
def created_is_read_back(ctx: Any, response: Any, case: Any) -> bool | None:
    """A created assistant carries every field as sent, and GET returns exactly the created object."""
    run = run_context()
    if run is not None and _applies(case, response, CREATE):
        _check_written(run, CREATE, response)
    return None


@schemathesis.check
def modify_is_read_back(ctx: Any, response: Any, case: Any) -> bool | None:
    """A modified assistant carries every field as sent, and GET returns exactly the modified object."""
    run = run_context()
    if run is None or not _applies(case, response, MODIFY):
        return None
    got = received_json(response)
    path_id = assistant_id_from_path(response)
    if isinstance(got, dict) and path_id is not None and got.get("id") != path_id:
        raise AssertionError(f"modifying {path_id!r} should return that assistant, got id {got.get('id')!r}")
    _check_written(run, MODIFY, response)
    return None


@schemathesis.check
def deleted_is_gone(ctx: Any, response: Any, case: Any) -> bool | None:
    """After a successful delete the answer names that assistant, and reading it gives 404."""
    run = run_context()
    if run is None or not _applies(case, response, DELETE):
        return None
    path_id = assistant_id_from_path(response)
    got = received_json(response)
    if isinstance(got, dict) and got.get("id") != path_id:
        raise AssertionError(f"deleting {path_id!r} should answer with that id, got {got.get('id')!r}")
    if isinstance(got, dict) and got.get("deleted") is not True:
        raise AssertionError(f"a 200 delete should say deleted: true, got {got.get('deleted')!r}")
    read = _read(run, path_id or "")
    if read.status != 404:
        raise AssertionError(
            f"after deleting {request_path(response)} reading it should give 404, got {read.describe()}"
        )
    return None
