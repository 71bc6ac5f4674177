"""Methods a path does not declare: the answer must be one the spec's `x-undeclared-methods` allows.

OpenAPI cannot declare responses for methods a path does not have; the spec's root extension lists
the answers that conform (OpenAI's own 404 with its error body, or HTTP's 405 with `Allow`).
"""

from __future__ import annotations

from typing import Any

from assistants_spec import Meaning
from schemathesis.generation.meta import CoveragePhaseData, CoverageScenario

from contract_tests import causes
from contract_tests.causes import Breach
from contract_tests.checks.answer import Answer
from contract_tests.compare import show
from contract_tests.context import RunContext
from contract_tests.registry import check


def is_undeclared_method_probe(case: Any) -> bool:
    meta = case.meta
    data = getattr(getattr(meta, "phase", None), "data", None)
    return isinstance(data, CoveragePhaseData) and data.scenario == CoverageScenario.UNSPECIFIED_HTTP_METHOD


def answer_problem(run: RunContext, method: str, path_methods: tuple[str, ...], answer: Answer) -> str | None:
    """Why this answer to an undeclared method is none the spec allows, or None when it is one."""
    shown = []
    for expected in run.spec.spec.undeclared_method_answers:
        status = expected.status
        wanted = f"{status}"
        if expected.schema is not None:
            wanted += f" with a {expected.schema.rsplit('/', 1)[-1]} body"
        required = expected.required_headers
        if required:
            wanted += f" and {', '.join(required)}"
        shown.append(wanted)
        if answer.status != status:
            continue
        if expected.schema is not None and not run.spec.validator(expected.schema).is_valid(answer.json):
            return f"{method} is not declared on this path; its {status} answer should have the error body, got {show(answer.json)}"
        missing = [name for name in required if answer.header(name) is None]
        if missing:
            return f"{method} is not declared on this path; its {status} answer should carry {', '.join(missing)}"
        name = expected.methods_header
        if name is not None and answer.header(name) is not None:
            listed = {m.strip().upper() for m in (answer.header(name) or "").split(",") if m.strip()}
            if not set(path_methods) <= listed:
                return (
                    f"{method} is not declared on this path; {name} should list the methods the path "
                    f"declares ({', '.join(path_methods)}), got {answer.header(name)!r}"
                )
        return None
    return f"{method} is not declared on this path: expected {' or '.join(shown)}, got {answer.status}"


@check()
def undeclared_method_answer(run: RunContext, answer: Answer, case: Any) -> None:
    """A method the path does not declare is answered as the spec allows (404 error body, or 405 + Allow)."""
    if not is_undeclared_method_probe(case) or answer.method in ("OPTIONS", "HEAD"):
        return
    if answer.status in run.spec.statuses(Meaning.RATE_LIMITED):
        return  # throttled before routing: says nothing about the method
    path = run.spec.operation(case.operation.definition.raw["operationId"]).path
    path_methods = run.spec.match(case.operation.method.upper(), path).allowed
    problem = answer_problem(run, answer.method, path_methods, answer)
    if problem:
        raise Breach(problem, causes.UNDECLARED_METHOD())
