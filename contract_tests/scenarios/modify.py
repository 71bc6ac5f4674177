"""A modify persists and is partial: fields it leaves out keep their values."""

from __future__ import annotations

from typing import Any

from contract_tests import causes
from contract_tests.compare import explain, field_differences, first_field, object_differences
from contract_tests.operations import CREATE, METADATA, MODIFY
from contract_tests.registry import scenario
from contract_tests.scenarios._base import ScenarioRun, Violation
from contract_tests.scenarios._bodies import body_strategy, example_body, other_valid_value
from contract_tests.scenarios._hypothesis import run_property
from contract_tests.scenarios.identity import IDENTITY_FIELDS


def expected_after_modify(before: dict[str, Any], patch: dict[str, Any]) -> dict[str, Any]:
    """Untouched fields keep their values; the patched ones are compared separately, and id and
    created_at by created_at_and_id_never_change (one cause, however many modifies see it)."""
    return {key: value for key, value in before.items() if key not in patch and key not in IDENTITY_FIELDS}


def _check_partial(
    run: ScenarioRun, before: dict[str, Any], patch: dict[str, Any], answer: Any, what: str
) -> None:
    problems = field_differences(run.spec, MODIFY, patch, answer)
    if problems:
        raise Violation(
            explain(f"{what} should apply every sent field", problems),
            *run.exchanges[-1:],
            cause=causes.WRITE_NOT_KEPT(first_field(problems)),
        )
    before, answer = run.defined(before, answer)
    kept = expected_after_modify(before, patch)
    problems = object_differences(
        kept, {k: v for k, v in answer.items() if k in kept}, ("was", "after the modify")
    )
    if problems:
        raise Violation(
            explain(f"{what} should leave fields it does not send unchanged (modify is partial)", problems),
            *run.exchanges[-2:],
            cause=causes.MODIFY_NOT_PARTIAL(),
        )
    run.expect_read_back(answer, what, MODIFY)


@scenario(operation=MODIFY, order=30)
def modify_is_partial(run: ScenarioRun) -> None:
    """For generated create and modify bodies: the modify applies what it sends and keeps the rest."""

    def check(create_body: dict[str, Any], patch: dict[str, Any]) -> None:
        before = run.created(run.tagged(create_body))
        if METADATA in patch and patch[METADATA] is not None:
            patch = run.tagged(patch)
        answer = run.modify(before["id"], patch)
        run.expect_success(answer, MODIFY, "a modify with a valid body")
        if not isinstance(answer.json, dict):
            raise Violation(f"a modify should answer with the assistant, got {answer.excerpt()}", answer)
        _check_partial(run, before, patch, answer.json, "a modify")
        run.delete(before["id"])

    run_property(run, check, body_strategy(run.spec, CREATE), body_strategy(run.spec, MODIFY))


@scenario(operation=MODIFY, order=31)
def modify_one_field_at_a_time(run: ScenarioRun) -> None:
    """Modifying one field changes that field only, for every field a modify may send."""
    created = run.created(run.tagged(example_body(run.spec, CREATE)))
    current = created
    for name, schema in run.facts.fields(MODIFY).items():
        value = other_valid_value(run.spec, schema, current.get(name))
        if value is None:
            continue  # the field has no valid value other than its current one
        patch = run.tagged({name: value}) if name == METADATA else {name: value}
        answer = run.modify(created["id"], patch)
        run.expect_success(answer, MODIFY, f"a modify of {name} alone")
        _check_partial(run, current, patch, answer.json, f"a modify of {name} alone")
        current = answer.json
