"""Requests with missing or wrong credentials, derived from the spec's security schemes and the
credentials the target is configured with. Used by the `auth_is_enforced` check (on schemathesis'
requests) and by the credential and gateway scenarios (on the suite's own).

Only credentials are removed or altered: headers that route a gateway's request (provider, custom
host) stay, so that through a gateway the probe reaches the upstream's own authentication.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistants_spec import Meaning, Operation
from assistants_spec.statuses import REFUSES_CREDENTIALS

from contract_tests.context import RunContext


@dataclass(frozen=True)
class BadCredentials:
    why: str  # e.g. "no credentials", "a wrong x-portkey-api-key"
    refusals: tuple[int, ...]  # the statuses that refuse it, as the spec declares them
    headers: dict[str, str] = field(default_factory=dict)  # headers replaced
    without: tuple[str, ...] = ()  # headers dropped

    @property
    def shown_refusals(self) -> str:
        return " or ".join(map(str, self.refusals))


def bad_credentials(run: RunContext, operation: Operation) -> list[BadCredentials]:
    target = run.target
    security = target.spec.security
    refused = operation.statuses(*REFUSES_CREDENTIALS)
    # A gateway may refuse a request it cannot route with a shared secret (a virtual key) before
    # authenticating it: the spec's invalid-request answer covers requests refused before forwarding.
    refused_shared = operation.statuses(*REFUSES_CREDENTIALS, Meaning.INVALID_REQUEST)
    wrong = f"invalid-{run.ledger.run_id}"
    sent = [name for name in target.headers() if name.lower() in security.credential_headers]
    variants = [BadCredentials("no credentials", refused, without=tuple(sent))]
    for scheme_name in target.credentials.schemes:
        scheme = security.schemes[scheme_name]
        wrong_value = {scheme.header: scheme.header_value(wrong)}
        if scheme_name == target.credentials.tenant_scheme:
            variants.append(BadCredentials(f"a wrong {scheme.header}", refused, headers=wrong_value))
        else:
            variants += [
                BadCredentials(f"no {scheme.header}", refused_shared, without=(scheme.header,)),
                BadCredentials(f"a wrong {scheme.header}", refused_shared, headers=wrong_value),
            ]
    return variants
