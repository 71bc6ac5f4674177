"""Whose fault is a finding, the upstream API's or the gateway's in front of it.

Only in gateway mode. A finding is the gateway's when the answer it is about is the gateway's own
(see `GatewayFacts.own_answer`), when the request it is about carried a body the gateway rewrites
before forwarding, or when the check is about the gateway itself. Everything else the upstream
answered through the gateway stays an upstream contract violation.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from contract_tests import registry
from contract_tests.context import RunContext
from contract_tests.findings import Finding, Origin
from contract_tests.http import Exchange


def _first(value: Any) -> str | None:
    if isinstance(value, list):
        return str(value[0]) if value else None
    return None if value is None else str(value)


def _header(headers: Mapping[str, Any], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name:
            return _first(value)
    return None


def _json(raw: bytes | str | None) -> Any:
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None


def gateway_reason(
    run: RunContext,
    *,
    check: str,
    status: int | None,
    response_headers: Mapping[str, Any],
    response_body: bytes | str | None,
    request_headers: Mapping[str, Any],
    request_body: bytes | str | None,
) -> str | None:
    """Why this failure is the gateway's, or None when it is the upstream's (or not in gateway mode)."""
    if not run.gateway_mode.on:
        return None
    if check in registry.gateway_names():
        return "a check of the gateway's own behaviour"
    facts = run.gateway
    if status is not None:
        own = facts.own_answer(status, response_headers, _json(response_body))
        if own:
            return own
    return facts.rewritten_body(_header(request_headers, "content-type"), request_body)


def exchange_reason(run: RunContext, check: str, exchange: Exchange | None) -> str | None:
    """`gateway_reason` for one of the suite's own exchanges (None: no exchange to judge by)."""
    if exchange is None:
        return gateway_reason(
            run,
            check=check,
            status=None,
            response_headers={},
            response_body=None,
            request_headers={},
            request_body=None,
        )
    return gateway_reason(
        run,
        check=check,
        status=exchange.status,
        response_headers=exchange.headers,
        response_body=exchange.text,
        request_headers=exchange.request_headers,
        request_body=exchange.sent_body,
    )


def finding(
    run: RunContext,
    *,
    check: str,
    operation: str,
    message: str,
    curl: tuple[str, ...] = (),
    source: str = "scenario",
    why_gateway: str | None = None,
) -> Finding:
    """A finding with its message masked, and marked as the gateway's when `why_gateway` says so."""
    masker = run.target.masker
    return Finding(
        operation=operation,
        check=check,
        message=masker.mask(message),
        curl=curl,
        source=source,
        origin=Origin.GATEWAY if why_gateway else Origin.UPSTREAM,
        attribution=masker.mask(why_gateway or ""),
    )
