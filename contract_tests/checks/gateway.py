"""What Portkey's gateway adds to every answer it forwards (gateway mode only)."""

from __future__ import annotations

from typing import Any

from contract_tests.checks.answer import Answer
from contract_tests.context import RunContext
from contract_tests.registry import check


@check(gateway=True)
def gateway_headers_present(run: RunContext, answer: Answer, case: Any) -> None:
    """An answer the gateway forwards carries every gateway header the spec documents for that answer."""
    if not run.gateway_mode.on or answer.reached is None:
        return
    facts = run.gateway
    if facts.own_answer(answer.status, answer.response.headers, answer.json):
        return  # the gateway's own answer, not a forwarded one
    expected = facts.documented_headers(answer.reached.operation, answer.status)
    missing = [name for name in expected if answer.header(name) is None]
    if missing:
        raise AssertionError(
            f"a forwarded {answer.status} answer should carry the gateway headers the spec documents "
            f"for it ({', '.join(expected)}); missing: {', '.join(missing)}"
        )
