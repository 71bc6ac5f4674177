"""What Portkey's gateway adds to every answer it forwards (gateway mode only)."""

from __future__ import annotations

from typing import Any

import schemathesis

from contract_tests.attribution import GATEWAY_CHECKS
from contract_tests.checks._support import header, received_json, run_context


@schemathesis.check
def gateway_headers_present(ctx: Any, response: Any, case: Any) -> bool | None:
    """An answer the gateway forwards carries every gateway header the spec documents for that answer."""
    run = run_context()
    if run is None or not run.target.gateway:
        return None
    facts = run.gateway
    if facts.own_answer(response.status_code, response.headers, received_json(response)):
        return None  # the gateway's own answer, not a forwarded one
    raw = case.operation.definition.raw
    expected = facts.documented_headers(raw if isinstance(raw, dict) else {}, response.status_code)
    missing = [name for name in expected if header(response, name) is None]
    if missing:
        raise AssertionError(
            f"a forwarded {response.status_code} answer should carry the gateway headers the spec documents "
            f"for it ({', '.join(expected)}); missing: {', '.join(missing)}"
        )
    return None


GATEWAY_CHECKS.add("gateway_headers_present")
