"""A create that leaves fields out gives them the values the spec documents (``x-default``, else null)."""

from __future__ import annotations

from contract_tests.compare import explain, value_differences
from contract_tests.operations import CREATE, GET
from contract_tests.registry import scenario
from contract_tests.scenarios._base import ScenarioRun, Violation
from contract_tests.scenarios._bodies import example_body


@scenario(operation=CREATE, order=23)
def omitted_fields_get_defaults(run: ScenarioRun) -> None:
    """A create with only the required fields reads back with every other field at the spec's default."""
    spec = run.spec
    request_schema = spec.request_schema(CREATE)
    example = example_body(spec, CREATE)
    body = {name: example[name] for name in spec.required(request_schema) if name in example}
    expected = spec.omitted_values(request_schema, spec.response_schema(CREATE))
    expected = {name: value for name, value in expected.items() if name not in body}
    # No run tag: metadata is one of the fields left out (the run still deletes what it created).
    exchange = run.create(body)
    run.expect_success(exchange, CREATE, "a create with only the required fields")
    for where, answer in (("the create answer", exchange), ("a read-back", None)):
        if answer is None:
            answer = run.get(exchange.json["id"])
            run.expect_success(answer, GET, "reading back an assistant created with only the required fields")
        got = answer.json
        problems = []
        for name, value in expected.items():
            if not isinstance(got, dict) or name not in got:
                problems.append(f"{name}: expected {value!r} (the spec's default), but the field is missing")
                continue
            problems += value_differences(
                name, value, got[name], exact_maps=True, words=("the spec's default is", "got")
            )
        if problems:
            raise Violation(
                explain(
                    f"a create that leaves fields out should give each the spec's default (x-default, "
                    f"else null); {where} differs",
                    problems,
                ),
                answer,
            )
