"""One tenant (API key) never sees, changes or deletes another tenant's assistants."""

from __future__ import annotations

from contract_tests.compare import object_differences
from contract_tests.scenarios._base import ScenarioRun, Violation, scenario
from contract_tests.scenarios._bodies import example_body
from contract_tests.scenarios._walk import walk
from contract_tests.spec_view import CREATE, LIST

ISOLATION_REFUSALS = (404,)


@scenario("tenants_are_isolated", "GET /assistants/{assistant_id}", needs_second_tenant=True)
def tenants_are_isolated(run: ScenarioRun) -> None:
    """An assistant of tenant A answers 404 to tenant B on get/modify/delete, and is not in B's list."""
    target = run.ctx.target
    assert target.second is not None
    body = example_body(run.spec, CREATE)
    limit = run.spec.query_parameter(LIST, "limit").get("maximum", 20)
    for owner, other, label in (
        (target.credentials, target.second, "A"),
        (target.second, target.credentials, "B"),
    ):
        mine = run.created(run.tagged({**body, "name": f"tenant-{label}"}), credentials=owner)
        for what, exchange in (
            ("reading", run.get(mine["id"], credentials=other)),
            ("modifying", run.modify(mine["id"], {"name": "changed by another tenant"}, credentials=other)),
            ("deleting", run.delete(mine["id"], credentials=other)),
        ):
            if exchange.status not in ISOLATION_REFUSALS:
                raise Violation(
                    f"{what} tenant {label}'s assistant with another tenant's key should give 404, got {exchange.status}",
                    exchange,
                )
        listed = walk(run, limit=limit, credentials=other)
        if mine["id"] in listed.ids:
            raise Violation(
                f"tenant {label}'s assistant {mine['id']!r} is listed for another tenant", listed.pages[-1]
            )
        after = run.get(mine["id"], credentials=owner)
        run.expect_status(after, 200, f"tenant {label} reading its own assistant")
        problems = object_differences(mine, after.json)
        if problems:
            raise Violation(
                f"another tenant changed tenant {label}'s assistant:\n  " + "\n  ".join(problems), after
            )
