"""One tenant (API key) never sees, changes or deletes another tenant's assistants."""

from __future__ import annotations

from contract_tests.compare import explain, object_differences
from contract_tests.operations import CREATE, DELETE, GET, MODIFY
from contract_tests.registry import scenario
from contract_tests.scenarios._base import ScenarioRun, Violation
from contract_tests.scenarios._bodies import example_body
from contract_tests.scenarios._walk import walk


@scenario(operation=GET, order=70, second_tenant=True)
def tenants_are_isolated(run: ScenarioRun) -> None:
    """An assistant of tenant A is not found by tenant B on get/modify/delete, and not in B's list."""
    target = run.ctx.target
    assert target.second is not None
    body = example_body(run.spec, CREATE)
    for owner, other, label in (
        (target.credentials, target.second, "A"),
        (target.second, target.credentials, "B"),
    ):
        mine = run.created(run.tagged({**body, "name": f"tenant-{label}"}), credentials=owner)
        for what, operation_id, exchange in (
            ("reading", GET, run.get(mine["id"], credentials=other)),
            (
                "modifying",
                MODIFY,
                run.modify(mine["id"], {"name": "changed by another tenant"}, credentials=other),
            ),
            ("deleting", DELETE, run.delete(mine["id"], credentials=other)),
        ):
            run.expect_not_found(
                exchange, operation_id, f"{what} tenant {label}'s assistant with another tenant's key"
            )
        listed = walk(run, credentials=other)
        if mine["id"] in listed.ids:
            raise Violation(
                f"tenant {label}'s assistant {mine['id']!r} is listed for another tenant", listed.pages[-1]
            )
        after = run.get(mine["id"], credentials=owner)
        run.expect_success(after, GET, f"tenant {label} reading its own assistant")
        problems = object_differences(mine, after.json)
        if problems:
            raise Violation(explain(f"another tenant changed tenant {label}'s assistant", problems), after)
