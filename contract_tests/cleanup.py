"""Delete what the run created: every object in the ledger, with the tenant that created it."""

from __future__ import annotations

import time

from assistants_spec import Meaning

from contract_tests.context import RunContext
from contract_tests.http import TargetUnreachable
from contract_tests.operations import DELETE
from contract_tests.results import CleanupResult

CLEANUP_BUDGET_SECONDS = 120.0


def clean_up(ctx: RunContext, budget: float = CLEANUP_BUDGET_SECONDS) -> CleanupResult:
    result = CleanupResult()
    deadline = time.monotonic() + budget
    operation = ctx.spec.operation(DELETE)
    gone = operation.statuses(Meaning.NOT_FOUND)
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
        if exchange.status == operation.success_status or exchange.status in gone:
            ctx.ledger.deleted(assistant_id)
            result.deleted += exchange.status == operation.success_status
        else:
            result.left.append(assistant_id)
    return result
