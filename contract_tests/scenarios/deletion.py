"""A delete removes that assistant and only it; afterwards every operation on it is not found."""

from __future__ import annotations

from contract_tests.compare import explain, object_differences
from contract_tests.operations import CREATE, DELETE, GET, MODIFY
from contract_tests.registry import scenario
from contract_tests.scenarios._base import ScenarioRun, Violation
from contract_tests.scenarios._bodies import example_body
from contract_tests.scenarios._walk import walk


@scenario(operation=DELETE, order=40)
def delete_removes_only_that_assistant(run: ScenarioRun) -> None:
    """Of three assistants the middle one is deleted: it is gone everywhere, the other two are intact."""
    body = example_body(run.spec, CREATE)
    first, middle, last = (run.created(run.tagged({**body, "name": f"delete-{i}"})) for i in range(3))
    answer = run.delete(middle["id"])
    run.expect_success(answer, DELETE, "deleting an existing assistant")
    if (
        not isinstance(answer.json, dict)
        or answer.json.get("id") != middle["id"]
        or answer.json.get("deleted") is not True
    ):
        raise Violation(
            f"a delete should answer id={middle['id']!r}, deleted=true; got {answer.excerpt()}", answer
        )
    run.expect_not_found(run.get(middle["id"]), GET, "reading a deleted assistant")
    run.expect_not_found(
        run.modify(middle["id"], {"name": "after-delete"}), MODIFY, "modifying a deleted assistant"
    )
    run.expect_not_found(run.delete(middle["id"]), DELETE, "deleting an assistant twice")
    for survivor in (first, last):
        read = run.get(survivor["id"])
        run.expect_success(read, GET, "reading an assistant after another one was deleted")
        problems = object_differences(survivor, read.json)
        if problems:
            raise Violation(explain("deleting one assistant must not change another", problems), read)
    listed = walk(run, until_seen={first["id"], last["id"]})
    if middle["id"] in listed.ids:
        raise Violation(f"a deleted assistant {middle['id']!r} is still listed", listed.pages[-1])
    missing = {first["id"], last["id"]} - set(listed.ids)
    if missing:
        raise Violation(
            f"assistants that were not deleted are missing from the list: {sorted(missing)}", listed.pages[-1]
        )


@scenario(operation=GET, order=41)
def unknown_id_is_not_found(run: ScenarioRun) -> None:
    """An id that never existed is not found, in the OpenAI error shape, on get, modify and delete."""
    unknown = run.unknown_id()
    run.expect_not_found(run.get(unknown), GET, "reading an unknown assistant")
    run.expect_not_found(run.modify(unknown, {"name": "x"}), MODIFY, "modifying an unknown assistant")
    run.expect_not_found(run.delete(unknown), DELETE, "deleting an unknown assistant")
