"""Delete what the run created: every object in the ledger, with the tenant that created it.

Honest about what it could not do: a delete that does not succeed leaves the object behind, and so
does a 404 to the delete of an object the run created and never saw deleted, unless a read says it
is gone too (then it is counted as already gone, not as deleted). Bounded by its own time budget.
The result lists every id left behind, for the report; it never changes the verdict.
"""

from __future__ import annotations

import time

from assistants_spec import Meaning
from assistants_spec.statuses import meaning

from contract_tests.context import RunContext
from contract_tests.http import AnswerTooLarge, TargetUnreachable
from contract_tests.operations import DELETE, GET
from contract_tests.results import CleanupResult


def clean_up(ctx: RunContext, budget: float) -> CleanupResult:
    alive = ctx.ledger.alive()
    result = CleanupResult(created=len(alive))
    deadline = time.monotonic() + budget
    delete, read = ctx.spec.operation(DELETE), ctx.spec.operation(GET)
    not_found = set(delete.statuses(Meaning.NOT_FOUND)) | set(read.statuses(Meaning.NOT_FOUND))

    def leave(assistant_id: str, why: str) -> None:
        result.left.append(assistant_id)
        result.why[why] = result.why.get(why, 0) + 1

    unreachable = False
    for assistant_id, credentials in alive:
        if unreachable:
            leave(assistant_id, "the target stopped answering")
            continue
        if time.monotonic() > deadline:
            leave(assistant_id, f"the cleanup's time budget ({budget:g} s) was spent")
            continue
        try:
            answer = ctx.client.request(delete.method, delete.url_path(assistant_id), credentials=credentials)
            if meaning(answer.status) is Meaning.SUCCESS:
                ctx.ledger.deleted(assistant_id)
                result.deleted += 1
                continue
            if answer.status not in not_found:
                leave(assistant_id, f"the delete answered {answer.status}")
                continue
            check = ctx.client.request(read.method, read.url_path(assistant_id), credentials=credentials)
        except (TargetUnreachable, AnswerTooLarge):
            unreachable = True
            leave(assistant_id, "the target stopped answering")
            continue
        except KeyboardInterrupt:
            result.interrupted = True
            done = set(result.left) | set(result.already_gone)
            for other, _ in alive:
                if ctx.ledger.is_alive(other) and other not in done:
                    leave(other, "the cleanup was interrupted (a second signal)")
            return result
        if check.status in not_found:
            ctx.ledger.deleted(assistant_id)
            result.already_gone.append(assistant_id)
        else:
            leave(
                assistant_id,
                f"the delete answered {answer.status}, but a read still finds it ({check.status})",
            )
    return result
