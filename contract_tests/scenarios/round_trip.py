"""What is written is what is read back: at the spec's limits, and for generated bodies."""

from __future__ import annotations

from typing import Any

from contract_tests.compare import explain, field_differences
from contract_tests.operations import CREATE, METADATA, MODIFY
from contract_tests.registry import scenario
from contract_tests.scenarios._base import ScenarioRun, Violation
from contract_tests.scenarios._bodies import at_limits, body_strategy, example_body
from contract_tests.scenarios._hypothesis import run_property


def _limits_body(run: ScenarioRun, operation_id: str, base: dict[str, Any]) -> dict[str, Any]:
    body = dict(base)
    for name, schema in run.facts.fields(operation_id).items():
        value = at_limits(run.spec, schema)
        if value is not None:
            body[name] = value
    return body


def expect_kept(run: ScenarioRun, what: str, operation_id: str, sent: dict[str, Any], answer: Any) -> None:
    """The answer to a write carries every sent field, and a read-back returns exactly the answer."""
    problems = field_differences(run.spec, operation_id, sent, answer)
    if problems:
        raise Violation(
            explain(f"{what}: the answer should carry every field as sent", problems), *run.exchanges[-1:]
        )
    run.expect_read_back(answer, what)


@scenario(operation=CREATE, order=20)
def long_values_are_kept(run: ScenarioRun) -> None:
    """Every field at the spec's maximum (length, items, keys, value) is stored whole, on create and modify."""
    body = run.tagged(_limits_body(run, CREATE, example_body(run.spec, CREATE)))
    if len(body.get(METADATA, {})) > run.facts.tag_room:
        body = _limits_body(run, CREATE, example_body(run.spec, CREATE))
    created = run.created(body)
    expect_kept(run, "a create at the spec's limits", CREATE, body, created)
    # Modify back to small values, then to the limits again: both directions must be stored whole.
    modifiable = run.facts.fields(MODIFY)
    small = {k: v for k, v in example_body(run.spec, CREATE).items() if k in modifiable}
    answer = run.modify(created["id"], small)
    run.expect_success(answer, MODIFY, "a modify with valid values")
    expect_kept(run, "a modify to small values", MODIFY, small, answer.json)
    large = {k: v for k, v in body.items() if k in modifiable}
    answer = run.modify(created["id"], large)
    run.expect_success(answer, MODIFY, "a modify at the spec's limits")
    expect_kept(run, "a modify at the spec's limits", MODIFY, large, answer.json)


@scenario(operation=CREATE, order=21)
def generated_bodies_round_trip(run: ScenarioRun) -> None:
    """Bodies generated from the spec are stored as sent and read back identically (property-based)."""

    def check(body: dict[str, Any]) -> None:
        body = run.tagged(body)
        created = run.created(body)
        expect_kept(run, "a create", CREATE, body, created)
        run.delete(created["id"])

    run_property(run, check, body_strategy(run.spec, CREATE))
