"""What the run adds to schemathesis' own requests, through its public hooks, for as long as the run lasts:

- `before_call`: with --model, valid bodies name that model; and each request carries a `requests`
  response hook that sends it again as the suite's retry policy says (a rate-limited answer waits
  for its Retry-After). That hook is `requests`' own documented mechanism, the one its digest
  authentication uses to send a request again; schemathesis passes it through to `requests`.
- `after_call`: every object schemathesis creates goes into the run's ledger, so cleanup deletes it.

schemathesis' `before_call` hook is global only, so `installed()` registers the hooks for the run and
unregisters them after; `after_call` is registered on the run's schema alone.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import schemathesis
import schemathesis.hooks
from schemathesis.core.parameters import ParameterLocation

from contract_tests.context import RunContext, current
from contract_tests.retry import send_politely

if TYPE_CHECKING:
    import requests  # schemathesis' HTTP library: its response hooks are what this module adds


def _use_model(run: RunContext, case: Any) -> None:
    """Applied just before sending, in every phase; schemathesis revalidates the case after this hook."""
    if not run.target.model or not isinstance(case.body, dict):
        return
    if case.meta is not None and case.meta.is_negative_at(ParameterLocation.BODY):
        return  # a negative body may be negative because of its model: leave it as generated
    if isinstance(case.body.get("model"), str):
        case.body = {**case.body, "model": run.target.model}


def polite(run: RunContext) -> Any:
    """A `requests` response hook that sends a request again as the suite's retry policy says."""

    def hook(response: requests.Response, **send_kwargs: Any) -> requests.Response:
        latest = response

        def send_again() -> requests.Response:
            nonlocal latest
            if run.limiter is not None:
                run.limiter.try_acquire("conformance")
            _ = latest.content  # read and release the answer being replaced
            latest = latest.connection.send(latest.request.copy(), **send_kwargs)
            return latest

        return send_politely(
            send_again,
            lambda r: (r.status_code, r.headers),
            method=response.request.method or "GET",
            policy=run.client.policy,
            first=response,
            sleep=run.interruption.wait,
            on_note=run.notice,
        )

    return hook


def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    run = current()
    if run is None:
        return
    _use_model(run, case)
    hooks = kwargs.setdefault("hooks", {})
    hooks.setdefault("response", []).append(polite(run))


def after_call(context: Any, case: Any, response: Any) -> None:
    run = current()
    if run is None:
        return
    try:
        body = json.loads(response.content)
    except ValueError:
        return
    run.observe(
        response.request.method, response.request.url, response.status_code, body, run.target.credentials
    )


@contextlib.contextmanager
def installed(schema: Any) -> Iterator[None]:
    """The hooks, for the duration of one run against `schema`."""
    schemathesis.hook("before_call")(before_call)
    schema.hook("after_call")(after_call)
    try:
        yield
    finally:
        schemathesis.hooks.unregister(before_call)
