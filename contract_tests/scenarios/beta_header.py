"""The OpenAI-Beta header is required on every operation: missing or unknown values are refused with 400."""

from __future__ import annotations

import assistants_spec

from contract_tests.checks.errors import error_shape_problem
from contract_tests.scenarios._base import ScenarioRun, Violation, scenario
from contract_tests.scenarios._bodies import example_body
from contract_tests.spec_view import CREATE, DELETE, GET, LIST, MODIFY

UNKNOWN_VALUE = "assistants=v0"


@scenario("beta_header_is_required", "GET /assistants")
def beta_header_is_required(run: ScenarioRun) -> None:
    """Each operation without the beta header, or with an unknown value, answers 400 and does nothing."""
    name = assistants_spec.beta_header_name()
    known = {assistants_spec.beta_header_value(p) for p in assistants_spec.profiles()}
    if UNKNOWN_VALUE in known:  # the spec grew a profile with this name; nothing to test with it
        return
    target = run.created(run.tagged(example_body(run.spec, CREATE)))
    calls = {
        CREATE: lambda **kw: run.create(run.tagged(example_body(run.spec, CREATE)), **kw),
        LIST: lambda **kw: run.send("GET", run.spec.operation(LIST).url_path(), **kw),
        GET: lambda **kw: run.get(target["id"], **kw),
        MODIFY: lambda **kw: run.modify(target["id"], {"name": "no beta header"}, **kw),
        DELETE: lambda **kw: run.delete(target["id"], **kw),
    }
    for operation_id, call in calls.items():
        for why, kwargs in (
            ("without the header", {"beta": False}),
            (f"with {name}: {UNKNOWN_VALUE}", {"headers": {name: UNKNOWN_VALUE}}),
        ):
            exchange = call(**kwargs)
            if exchange.status != 400:
                raise Violation(
                    f"{run.spec.operation(operation_id).label} {why} should be refused with 400, got {exchange.status}",
                    exchange,
                )
            problem = error_shape_problem(
                run.spec.profile, exchange.status, exchange.content_type, exchange.json
            )
            if problem:
                raise Violation(problem, exchange)
    run.expect_status(
        run.get(target["id"]), 200, "reading an assistant after requests without the beta header"
    )
