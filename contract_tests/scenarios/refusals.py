"""Every out-of-range or unknown input is refused naming it, in the error shape, and changes nothing."""

from __future__ import annotations

from assistants_spec import Meaning

from contract_tests.http import Exchange
from contract_tests.ledger import TAG_KEY
from contract_tests.operations import CREATE, LIST, METADATA, MODIFY
from contract_tests.registry import scenario
from contract_tests.scenarios._base import ScenarioRun, Violation
from contract_tests.scenarios._bodies import BadInput, bad_bodies, bad_queries, example_body, minimal_instance


def names_param(param: object, expected: str) -> bool:
    # `metadata` or a path into it (`metadata.key`, `tools[3]`) both name the input.
    return isinstance(param, str) and (
        param == expected or param.startswith((expected + ".", expected + "["))
    )


def expect_refusal(run: ScenarioRun, exchange: Exchange, operation_id: str, bad: BadInput, what: str) -> None:
    """Refused as an invalid request, in the error shape, with `error.param` naming the bad input."""
    refusals = run.spec.operation(operation_id).statuses(Meaning.INVALID_REQUEST)
    run.expect_error(exchange, refusals, f"{what} with {bad.why}")
    param = exchange.json["error"].get("param")
    if not names_param(param, bad.param):
        raise Violation(
            f"{what} with {bad.why} should be refused with error.param={bad.param!r}, got {param!r}", exchange
        )


@scenario(operation=CREATE, order=10)
def out_of_range_create_is_refused(run: ScenarioRun) -> None:
    """Each single bad field in an otherwise valid create is refused naming it, and stores nothing."""
    marker = f"{run.ctx.ledger.run_id}-refused"
    base = example_body(run.spec, CREATE)
    for bad in bad_bodies(run.spec, CREATE):
        body = {**base, bad.param: bad.value}
        if bad.param != METADATA:
            body[METADATA] = {TAG_KEY: marker}
        expect_refusal(run, run.create(body), CREATE, bad, "a create")
    for name in run.spec.required(run.spec.request_schema(CREATE)):
        body = {key: value for key, value in base.items() if key != name}
        body[METADATA] = {TAG_KEY: marker}
        left_out = BadInput(name, None, f"{name} (required) left out")
        expect_refusal(run, run.create(body), CREATE, left_out, "a create")
    stored = run.stored_with_marker(marker)
    if stored:
        raise Violation(f"refused creates must store nothing, but these exist: {stored}", *run.exchanges[-1:])


@scenario(operation=MODIFY, order=11)
def out_of_range_modify_is_refused(run: ScenarioRun) -> None:
    """Each bad field in a modify is refused naming it, and the assistant stays as it was."""
    original = run.created(run.tagged(example_body(run.spec, CREATE)))
    for bad in bad_bodies(run.spec, MODIFY):
        expect_refusal(run, run.modify(original["id"], {bad.param: bad.value}), MODIFY, bad, "a modify")
    run.expect_unchanged(original, run.get(original["id"]), "refused modifies")


@scenario(operation=LIST, order=12)
def out_of_range_query_is_refused(run: ScenarioRun) -> None:
    """Each bad query parameter of list (limit out of range, unknown order) is refused naming it."""
    for bad in bad_queries(run.spec):
        expect_refusal(run, run.list(**{bad.param: bad.value}), LIST, bad, "a list")


@scenario(operation=CREATE, order=13)
def other_profile_fields_are_refused(run: ScenarioRun) -> None:
    """Fields only another beta profile defines (e.g. v1's file_ids under v2) are unknown here: refused."""
    spec = run.ctx.target.spec
    own = run.facts.fields(CREATE)
    base = example_body(run.spec, CREATE)
    base[METADATA] = {TAG_KEY: f"{run.ctx.ledger.run_id}-refused"}
    for profile in spec.profiles:
        other = spec.view(profile)
        for name, schema in other.properties(other.request_schema(CREATE)).items():
            if name in own:
                continue
            bad = BadInput(name, minimal_instance(other, schema), f"{name} (a {profile}-only field)")
            expect_refusal(
                run, run.create({**base, name: bad.value}), CREATE, bad, f"a {run.spec.name} create"
            )
