"""Writes are kept: what a create or modify returns is what was sent, and is what a later read returns."""

from __future__ import annotations

from typing import Any

from assistants_spec import Meaning

from contract_tests import causes
from contract_tests.causes import Breach
from contract_tests.checks.answer import Answer
from contract_tests.classify import answer_cause
from contract_tests.compare import (
    explain,
    field_differences,
    first_field,
    object_differences,
    spec_fields,
)
from contract_tests.context import RunContext
from contract_tests.operations import CREATE, DELETE, GET, MODIFY
from contract_tests.registry import check


def _read(run: RunContext, assistant_id: str) -> Any:
    op = run.spec.operation(GET)
    return run.client.request(op.method, op.url_path(assistant_id))


def _check_written(run: RunContext, operation_id: str, answer: Answer) -> None:
    if not answer.judged_as_valid:
        return  # invalid data that was accepted is judged as a refusal (negative_data_rejection), never here
    sent, got = answer.sent_json, answer.json
    if not isinstance(sent, dict) or not isinstance(got, dict) or not isinstance(got.get("id"), str):
        return  # the shape checks report a malformed answer
    operation = run.spec.operation(operation_id)
    if answer_cause(run.spec, operation, answer.status, answer.header("content-type"), got) is not None:
        return  # an answer not in its declared shape is the shape checks' to report
    problems = field_differences(run.spec, operation_id, sent, got)
    if problems:
        raise Breach(
            explain("the answer should carry every field as sent", problems),
            causes.WRITE_NOT_KEPT(first_field(problems)),
        )
    read = _read(run, got["id"])
    run.remember(answer.case.id, f"{operation_id}-read", read)
    differs = causes.READ_BACK_DIFFERS("create" if operation_id == CREATE else "modify")
    expected = run.spec.operation(GET).success_status
    if read.status != expected:
        raise Breach(f"reading the object back should give {expected}, got {read.describe()}", differs)
    run.note_extra_fields(read.json)
    problems = object_differences(
        spec_fields(run.spec, GET, got),
        spec_fields(run.spec, GET, read.json),
        ("the write answered", "the read-back has"),
    )
    if problems:
        raise Breach(
            explain(f"a read-back ({read.describe()}) should equal what the write returned", problems),
            differs,
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
        raise Breach(
            f"modifying {path_id!r} should return that assistant, got id {got.get('id')!r}",
            causes.WRITE_NOT_KEPT("id"),
        )
    _check_written(run, MODIFY, answer)


@check()
def deleted_is_gone(run: RunContext, answer: Answer, case: Any) -> None:
    """After a successful delete the answer names that assistant, and reading it gives 404."""
    if not answer.is_success_of(DELETE) or answer.path_id is None:
        return
    path_id, got = answer.path_id, answer.json
    cause = causes.DELETE_NOT_EFFECTIVE()
    if isinstance(got, dict) and got.get("id") != path_id:
        raise Breach(f"deleting {path_id!r} should answer with that id, got {got.get('id')!r}", cause)
    read = _read(run, path_id)
    run.remember(answer.case.id, "deleted_is_gone", read)
    if isinstance(got, dict) and got.get("deleted") is not True:
        gone = run.spec.operation(GET).statuses(Meaning.NOT_FOUND)
        if read.status in gone:
            # No assistant has that id (none ever did, or it was deleted before): not found is due.
            raise Breach(
                f"deleting {path_id!r}, which no assistant has, should be not found; it answered "
                f"{answer.status} with deleted: {got.get('deleted')!r}",
                causes.UNKNOWN_ID(),
            )
        raise Breach(f"a successful delete should say deleted: true, got {got.get('deleted')!r}", cause)
    gone = run.spec.operation(GET).statuses(Meaning.NOT_FOUND)
    if read.status not in gone:
        shown = " or ".join(map(str, gone))
        raise Breach(
            f"after deleting {path_id!r} reading it should give {shown}, got {read.describe()}", cause
        )
