"""Delete what the run created: every object in the ledger, with the tenant that created it."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from contract_tests.context import RunContext
from contract_tests.http import TargetUnreachable
from contract_tests.spec_view import DELETE

CLEANUP_BUDGET_SECONDS = 120.0


@dataclass
class CleanupResult:
    deleted: int = 0
    left: list[str] = field(default_factory=list)


def clean_up(ctx: RunContext, budget: float = CLEANUP_BUDGET_SECONDS) -> CleanupResult:
    result = CleanupResult()
    deadline = time.monotonic() + budget
    operation = ctx.spec.operation(DELETE)
    for assistant_id, credentials in ctx.ledger.alive():
        if time.monotonic() > deadline:
            result.left.append(assistant_id)
            continue
        try:
            exchange = ctx.client.request(
                operation.method, operation.url_path(assistant_id), credentials=credentials
            )
        except TargetUnreachable:
            result.left.append(assistant_id)
            continue
        if exchange.status in (200, 404):
            ctx.ledger.deleted(assistant_id)
            result.deleted += exchange.status == 200
        else:
            result.left.append(assistant_id)
    return result
