"""Writes are kept: what a create or modify returns is what was sent, and is what a later read returns."""

from __future__ import annotations

from typing import Any

from assistants_spec import Meaning

from contract_tests.checks.answer import Answer
from contract_tests.compare import explain, field_differences, object_differences
from contract_tests.context import RunContext
from contract_tests.operations import CREATE, DELETE, GET, MODIFY
from contract_tests.registry import check


def _read(run: RunContext, assistant_id: str) -> Any:
    op = run.spec.operation(GET)
    return run.client.request(op.method, op.url_path(assistant_id))


def _check_written(run: RunContext, operation_id: str, answer: Answer) -> None:
    sent, got = answer.sent_json, answer.json
    if not isinstance(sent, dict) or not isinstance(got, dict) or not isinstance(got.get("id"), str):
        return  # the shape checks report a malformed answer
    problems = field_differences(run.spec, operation_id, sent, got)
    if problems:
        raise AssertionError(explain("the answer should carry every field as sent", problems))
    read = _read(run, got["id"])
    expected = run.spec.operation(GET).success_status
    if read.status != expected:
        raise AssertionError(f"reading the object back should give {expected}, got {read.describe()}")
    problems = object_differences(got, read.json, ("the write answered", "the read-back has"))
    if problems:
        raise AssertionError(
            explain(f"a read-back ({read.describe()}) should equal what the write returned", problems)
        )


@check()
def created_is_read_back(run: RunContext, answer: Answer, case: Any) -> None:
    """A created assistant carries every field as sent, and GET returns exactly the created object."""
    if answer.is_success_of(CREATE):
        _check_written(run, CREATE, answer)


@check()
def modify_is_read_back(run: RunContext, answer: Answer, case: Any) -> None:
    """A modified assistant carries every field as sent, and GET returns exactly the modified object."""
    if not answer.is_success_of(MODIFY):
        return
    got, path_id = answer.json, answer.path_id
    if isinstance(got, dict) and path_id is not None and got.get("id") != path_id:
        raise AssertionError(f"modifying {path_id!r} should return that assistant, got id {got.get('id')!r}")
    _check_written(run, MODIFY, answer)


@check()
def deleted_is_gone(run: RunContext, answer: Answer, case: Any) -> None:
    """After a successful delete the answer names that assistant, and reading it gives 404."""
    if not answer.is_success_of(DELETE) or answer.path_id is None:
        return
    path_id, got = answer.path_id, answer.json
    if isinstance(got, dict) and got.get("id") != path_id:
        raise AssertionError(f"deleting {path_id!r} should answer with that id, got {got.get('id')!r}")
    if isinstance(got, dict) and got.get("deleted") is not True:
        raise AssertionError(f"a successful delete should say deleted: true, got {got.get('deleted')!r}")
    read = _read(run, path_id)
    gone = run.spec.operation(GET).statuses(Meaning.NOT_FOUND)
    if read.status not in gone:
        shown = " or ".join(map(str, gone))
        raise AssertionError(
            f"after deleting {path_id!r} reading it should give {shown}, got {read.describe()}"
        )
