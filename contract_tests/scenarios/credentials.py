"""Credentials are required on every operation (the virtual key included), and a refused request does nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from contract_tests.checks.errors import error_shape_problem
from contract_tests.compare import object_differences
from contract_tests.http import Exchange
from contract_tests.ledger import TAG_KEY
from contract_tests.scenarios._base import ScenarioRun, Violation, scenario
from contract_tests.scenarios._bodies import example_body
from contract_tests.scenarios.refusals import _stored_with_marker
from contract_tests.spec_view import CREATE

CREDENTIAL_REFUSALS = (401, 403)
# Portkey's gateway may refuse a request without a usable virtual key before it reaches a provider (400).
VIRTUAL_KEY_REFUSALS = (400, 401, 403)


@dataclass(frozen=True)
class BadCredentials:
    why: str
    headers: dict[str, str]
    without: tuple[str, ...]
    refusals: tuple[int, ...]


def bad_credentials(run: ScenarioRun) -> list[BadCredentials]:
    creds = run.ctx.target.credentials
    wrong = f"invalid-{run.ctx.ledger.run_id}"
    all_auth = ("Authorization", "x-portkey-api-key", "x-portkey-virtual-key")
    variants = [BadCredentials("no credentials", {}, all_auth, CREDENTIAL_REFUSALS)]
    if creds.api_key:
        variants.append(
            BadCredentials("a wrong API key", {"x-portkey-api-key": wrong}, (), CREDENTIAL_REFUSALS)
        )
        if creds.virtual_key:
            variants += [
                BadCredentials("no virtual key", {}, ("x-portkey-virtual-key",), VIRTUAL_KEY_REFUSALS),
                BadCredentials(
                    "a wrong virtual key", {"x-portkey-virtual-key": wrong}, (), VIRTUAL_KEY_REFUSALS
                ),
            ]
    else:
        variants.append(
            BadCredentials(
                "a wrong bearer key", {"Authorization": f"Bearer {wrong}"}, (), CREDENTIAL_REFUSALS
            )
        )
    return variants


def _expect_refused(run: ScenarioRun, exchange: Exchange, bad: BadCredentials, what: str) -> None:
    if exchange.status not in bad.refusals:
        shown = " or ".join(map(str, bad.refusals))
        raise Violation(
            f"{what} with {bad.why} should be refused with {shown}, got {exchange.status}", exchange
        )
    problem = error_shape_problem(run.spec.profile, exchange.status, exchange.content_type, exchange.json)
    if problem:
        raise Violation(problem, exchange)


@scenario("credentials_are_required", "POST /assistants")
def credentials_are_required(run: ScenarioRun) -> None:
    """Every operation refuses missing or wrong credentials, and the refused request changes nothing."""
    marker = f"{run.ctx.ledger.run_id}-unauthorized"
    body = example_body(run.spec, CREATE)
    target = run.created(run.tagged(body))
    attempts: list[tuple[str, Callable[..., Exchange]]] = [
        ("creating", lambda **kw: run.create({**body, "metadata": {TAG_KEY: marker}}, **kw)),
        ("listing", lambda **kw: run.send("GET", run.spec.operation("listAssistants").url_path(), **kw)),
        ("reading", lambda **kw: run.get(target["id"], **kw)),
        ("modifying", lambda **kw: run.modify(target["id"], {"name": "unauthorized change"}, **kw)),
        ("deleting", lambda **kw: run.delete(target["id"], **kw)),
    ]
    for bad in bad_credentials(run):
        for what, attempt in attempts:
            _expect_refused(run, attempt(headers=bad.headers, without=bad.without), bad, what)
    after = run.get(target["id"])
    run.expect_status(after, 200, "reading an assistant after refused requests")
    problems = object_differences(target, after.json)
    if problems:
        raise Violation("refused requests must change nothing, but:\n  " + "\n  ".join(problems), after)
    stored = _stored_with_marker(run, marker)
    if stored:
        raise Violation(
            f"a create without valid credentials stored assistants: {stored}", *run.exchanges[-1:]
        )
