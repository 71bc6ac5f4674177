"""Authentication is enforced: an operation that answered a request with credentials refuses the same
request without them, or with a wrong one.

The suite's own version of schemathesis' `ignored_auth`: the probes go through the suite's client, so
they wait out rate limits like every other request and, through a gateway, keep its routing headers.
Once per operation and run, like schemathesis does it (enforcement is a property of the operation).
"""

from __future__ import annotations

from typing import Any

from assistants_spec import Meaning
from assistants_spec.statuses import meaning
from schemathesis.core.parameters import ParameterLocation

from contract_tests.auth_probes import bad_credentials
from contract_tests.checks.answer import Answer
from contract_tests.context import RunContext
from contract_tests.registry import check

# Set by the HTTP library for this very request; the probe's client sets its own.
_PER_REQUEST = frozenset(
    {"content-length", "connection", "transfer-encoding", "host", "user-agent", "accept-encoding"}
)


@check()
def auth_is_enforced(run: RunContext, answer: Answer, case: Any) -> None:
    """A request that succeeded with credentials is refused without them and with a wrong one."""
    if meaning(answer.status) is not Meaning.SUCCESS or answer.reached is None:
        return
    if case.meta is not None and case.meta.is_negative_at(ParameterLocation.PATH):
        return  # an invalid path may miss the operation's route: its answer says nothing about auth
    operation = answer.reached.operation
    if not run.first_time(("auth_is_enforced", operation.id)):
        return
    sent = {k: v for k, v in answer.request_headers.items() if k.lower() not in _PER_REQUEST}
    body = answer.request_body
    content = body.encode() if isinstance(body, str) else body
    for bad in bad_credentials(run, operation):
        dropped = {name.lower() for name in (*bad.without, *bad.headers)}
        headers = {k: v for k, v in sent.items() if k.lower() not in dropped} | bad.headers
        probe = run.client.replay(answer.method, answer.url, headers, content)
        run.remember(case.id, "auth_is_enforced", probe)
        if probe.status not in bad.refusals:
            raise AssertionError(
                f"{operation.label} with {bad.why} should be refused with {bad.shown_refusals}, "
                f"got {probe.status} ({probe.excerpt()})"
            )
