"""Credentials are required on every operation (a shared secret such as a virtual key included), and a
refused request does nothing."""

from __future__ import annotations

from collections.abc import Callable

from contract_tests.auth_probes import bad_credentials
from contract_tests.http import Exchange
from contract_tests.ledger import TAG_KEY
from contract_tests.operations import CREATE, DELETE, GET, LIST, METADATA, MODIFY
from contract_tests.registry import scenario
from contract_tests.scenarios._base import ScenarioRun, Violation
from contract_tests.scenarios._bodies import example_body


@scenario(operation=CREATE, order=60)
def credentials_are_required(run: ScenarioRun) -> None:
    """Every operation refuses missing or wrong credentials, and the refused request changes nothing."""
    marker = f"{run.ctx.ledger.run_id}-unauthorized"
    body = example_body(run.spec, CREATE)
    target = run.created(run.tagged(body))
    attempts: list[tuple[str, str, Callable[..., Exchange]]] = [
        ("creating", CREATE, lambda **kw: run.create({**body, METADATA: {TAG_KEY: marker}}, **kw)),
        ("listing", LIST, lambda **kw: run.call(LIST, **kw)),
        ("reading", GET, lambda **kw: run.get(target["id"], **kw)),
        ("modifying", MODIFY, lambda **kw: run.modify(target["id"], {"name": "unauthorized change"}, **kw)),
        ("deleting", DELETE, lambda **kw: run.delete(target["id"], **kw)),
    ]
    for what, operation_id, attempt in attempts:
        for bad in bad_credentials(run.ctx, run.spec.operation(operation_id)):
            exchange = attempt(headers=bad.headers, without=bad.without)
            run.expect_error(exchange, bad.refusals, f"{what} with {bad.why}")
    run.expect_unchanged(target, run.get(target["id"]), "refused requests")
    stored = run.stored_with_marker(marker)
    if stored:
        raise Violation(
            f"a create without valid credentials stored assistants: {stored}", *run.exchanges[-1:]
        )
