"""What every refusal of a bad input must look like: 400, the OpenAI error shape, `param` naming the input."""

from __future__ import annotations

from contract_tests.checks.errors import error_shape_problem
from contract_tests.http import Exchange
from contract_tests.scenarios._base import ScenarioRun, Violation
from contract_tests.scenarios._bodies import BadInput


def names_param(param: object, expected: str) -> bool:
    # `metadata` or a path into it (`metadata.key`, `tools[3]`) both name the input.
    return isinstance(param, str) and (
        param == expected or param.startswith((expected + ".", expected + "["))
    )


def expect_refusal(run: ScenarioRun, exchange: Exchange, bad: BadInput, what: str) -> None:
    if exchange.status != 400:
        raise Violation(f"{what} with {bad.why} should be refused with 400, got {exchange.status}", exchange)
    problem = error_shape_problem(run.spec.profile, exchange.status, exchange.content_type, exchange.json)
    if problem:
        raise Violation(problem, exchange)
    param = exchange.json["error"].get("param")
    if not names_param(param, bad.param):
        raise Violation(
            f"{what} with {bad.why} should be refused with error.param={bad.param!r}, got {param!r}", exchange
        )
