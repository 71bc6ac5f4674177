"""A delete removes that assistant and only it; afterwards every operation on it answers 404."""

from __future__ import annotations

from contract_tests.checks.errors import error_shape_problem
from contract_tests.compare import object_differences
from contract_tests.http import Exchange
from contract_tests.scenarios._base import ScenarioRun, Violation, scenario
from contract_tests.scenarios._bodies import example_body
from contract_tests.scenarios._walk import walk
from contract_tests.spec_view import CREATE, LIST


def expect_not_found(run: ScenarioRun, exchange: Exchange, what: str) -> None:
    run.expect_status(exchange, 404, what)
    problem = error_shape_problem(run.spec.profile, exchange.status, exchange.content_type, exchange.json)
    if problem:
        raise Violation(problem, exchange)


@scenario("delete_removes_only_that_assistant", "DELETE /assistants/{assistant_id}")
def delete_removes_only_that_assistant(run: ScenarioRun) -> None:
    """Of three assistants the middle one is deleted: it is gone everywhere, the other two are intact."""
    body = example_body(run.spec, CREATE)
    first, middle, last = (run.created(run.tagged({**body, "name": f"delete-{i}"})) for i in range(3))
    answer = run.delete(middle["id"])
    run.expect_status(answer, 200, "deleting an existing assistant")
    if (
        not isinstance(answer.json, dict)
        or answer.json.get("id") != middle["id"]
        or answer.json.get("deleted") is not True
    ):
        raise Violation(
            f"a delete should answer id={middle['id']!r}, deleted=true; got {answer.text[:200]!r}", answer
        )
    expect_not_found(run, run.get(middle["id"]), "reading a deleted assistant")
    expect_not_found(run, run.modify(middle["id"], {"name": "after-delete"}), "modifying a deleted assistant")
    expect_not_found(run, run.delete(middle["id"]), "deleting an assistant twice")
    for survivor in (first, last):
        read = run.get(survivor["id"])
        run.expect_status(read, 200, "reading an assistant after another one was deleted")
        problems = object_differences(survivor, read.json)
        if problems:
            raise Violation(
                "deleting one assistant must not change another:\n  " + "\n  ".join(problems), read
            )
    limit = run.spec.query_parameter(LIST, "limit").get("maximum", 20)
    listed = walk(run, limit=limit, until_seen={first["id"], last["id"]})
    if middle["id"] in listed.ids:
        raise Violation(f"a deleted assistant {middle['id']!r} is still listed", listed.pages[-1])
    missing = {first["id"], last["id"]} - set(listed.ids)
    if missing:
        raise Violation(
            f"assistants that were not deleted are missing from the list: {sorted(missing)}", listed.pages[-1]
        )


@scenario("unknown_id_is_not_found", "GET /assistants/{assistant_id}")
def unknown_id_is_not_found(run: ScenarioRun) -> None:
    """An id that never existed answers 404 in the OpenAI error shape, on get, modify and delete."""
    unknown = f"asst_{run.ctx.ledger.run_id.replace('-', '')}never"
    expect_not_found(run, run.get(unknown), "reading an unknown assistant")
    expect_not_found(run, run.modify(unknown, {"name": "x"}), "modifying an unknown assistant")
    expect_not_found(run, run.delete(unknown), "deleting an unknown assistant")
