"""The beta header (OpenAI-Beta) is required on every operation: missing or unknown values are refused."""

from __future__ import annotations

from collections.abc import Callable

from assistants_spec import Meaning

from contract_tests.http import Exchange
from contract_tests.operations import CREATE, DELETE, GET, LIST, MODIFY
from contract_tests.registry import scenario
from contract_tests.scenarios._base import ScenarioRun
from contract_tests.scenarios._bodies import example_body

UNKNOWN_VALUE = "assistants=v0"


@scenario(operation=LIST, order=80)
def beta_header_is_required(run: ScenarioRun) -> None:
    """Each operation without the beta header, or with an unknown value, is refused and does nothing."""
    spec = run.ctx.target.spec
    name = spec.beta_header
    if spec.profile_for_header(UNKNOWN_VALUE) is not None:  # the spec grew such a profile: nothing to test
        return
    target = run.created(run.tagged(example_body(run.spec, CREATE)))
    calls: dict[str, Callable[..., Exchange]] = {
        CREATE: lambda **kw: run.create(run.tagged(example_body(run.spec, CREATE)), **kw),
        LIST: lambda **kw: run.call(LIST, **kw),
        GET: lambda **kw: run.get(target["id"], **kw),
        MODIFY: lambda **kw: run.modify(target["id"], {"name": "no beta header"}, **kw),
        DELETE: lambda **kw: run.delete(target["id"], **kw),
    }
    for operation_id, call in calls.items():
        operation = run.spec.operation(operation_id)
        for why, kwargs in (
            ("without the header", {"beta": False}),
            (f"with {name}: {UNKNOWN_VALUE}", {"headers": {name: UNKNOWN_VALUE}}),
        ):
            refusals = operation.statuses(Meaning.INVALID_REQUEST)
            run.expect_error(call(**kwargs), refusals, f"{operation.label} {why}")
    run.expect_success(
        run.get(target["id"]), GET, "reading an assistant after requests without the beta header"
    )
