"""Checks of Portkey's gateway itself (gateway mode only): it routes what the spec documents, refuses
what it cannot route with its own body, and passes the upstream's errors through unchanged."""

from __future__ import annotations

from typing import Any

from assistants_spec import Meaning

from contract_tests.auth_probes import bad_credentials
from contract_tests.http import Exchange
from contract_tests.operations import GET, LIMIT, LIST
from contract_tests.registry import scenario
from contract_tests.scenarios._base import ScenarioRun, Skip, Violation


def _list(run: ScenarioRun, **kwargs: Any) -> Exchange:
    return run.call(LIST, params={LIMIT: run.facts.limit_range[0]}, **kwargs)


def _forwarded(run: ScenarioRun, exchange: Exchange, what: str, operation_id: str = LIST) -> None:
    facts = run.ctx.gateway
    if facts.own_answer(exchange.status, exchange.headers, exchange.json):
        raise Violation(
            f"{what} should be forwarded to the upstream, but the gateway answered itself: "
            f"{exchange.status} {exchange.excerpt()}",
            exchange,
        )
    documented = facts.documented_headers(run.spec.operation(operation_id), exchange.status)
    missing = [name for name in documented if name not in exchange.headers]
    if missing:
        raise Violation(
            f"{what}: a forwarded {exchange.status} answer should carry the gateway headers "
            f"{', '.join(documented)}; missing {', '.join(missing)}",
            exchange,
        )


@scenario(operation=LIST, order=90, gateway=True)
def gateway_refuses_unrouted_request(run: ScenarioRun) -> None:
    """Without the routing headers (provider, custom host) the gateway refuses itself, with its own body."""
    layout, facts = run.ctx.layout, run.ctx.gateway
    if not layout.routing:
        raise Skip("the target is configured with no routing header of the spec's security alternatives")
    refusal = facts.unrouted_refusal
    if refusal is None:
        raise Skip("the spec documents no refusal for an unrouted request")
    status, answer = refusal
    exchange = _list(run, without=layout.routing_headers)
    what = f"a request without {layout.describe(layout.routing)}"
    forwarded = facts.forwarding_headers_in(exchange.headers)
    if forwarded:
        raise Violation(
            f"{what} was forwarded (the answer carries {', '.join(forwarded)}); the gateway should "
            f"refuse it itself with {status}",
            exchange,
        )
    if exchange.status != status or not facts.is_answer(answer, exchange.json):
        raise Violation(
            f"{what} should be refused by the gateway with {status} and its "
            f"{facts.answer_label(answer)} body, got {exchange.status} {exchange.excerpt()}",
            exchange,
        )


@scenario(operation=LIST, order=91, gateway=True)
def gateway_accepts_documented_combination(run: ScenarioRun) -> None:
    """The configured header combination is one the spec documents, and with exactly it the gateway forwards."""
    layout = run.ctx.layout
    if layout.chosen is None:
        documented = "; ".join(layout.describe(alt) for alt in layout.security.alternatives)
        raise Skip(f"the configured headers are none of the spec's documented combinations ({documented})")
    # Exactly the documented combination (plus the beta header): no extra header helps it through.
    chosen_headers = {h.lower() for h in layout.header_names(layout.chosen)}
    extra = tuple(h for h in run.ctx.target.extra_headers if h.lower() not in chosen_headers)
    exchange = _list(run, without=extra)
    what = f"a request with {layout.describe(layout.chosen)}"
    run.expect_success(exchange, LIST, what)
    _forwarded(run, exchange, what)


@scenario(operation=GET, order=92, gateway=True)
def upstream_errors_pass_through(run: ScenarioRun) -> None:
    """Errors of the upstream (unknown id, wrong credentials) reach the client as the upstream's OpenAI
    error body, forwarded with the gateway headers; only the gateway's own refusals have its own body."""
    facts = run.ctx.gateway
    unknown = run.unknown_id()
    wrong = next(bad for bad in bad_credentials(run.ctx, run.spec.operation(LIST)) if bad.headers)
    not_found = run.spec.operation(GET).statuses(Meaning.NOT_FOUND)
    attempts = (
        ("reading an unknown assistant", not_found, GET, lambda: run.get(unknown)),
        (f"listing with {wrong.why}", wrong.refusals, LIST, lambda: _list(run, headers=wrong.headers)),
    )
    for what, expected, operation_id, send in attempts:
        exchange = send()
        run.expect_status(exchange, expected, what)
        _forwarded(run, exchange, what, operation_id)
        if not facts.upstream_error.is_valid(exchange.json):
            raise Violation(
                f"{what}: the upstream's {exchange.status} should reach the client as the OpenAI "
                f'error body {{"error": {{...}}}}, got {exchange.excerpt()}',
                exchange,
            )
