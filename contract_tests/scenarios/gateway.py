"""Checks of Portkey's gateway itself (gateway mode only): it routes what the spec documents, refuses
what it cannot route with its own body, and passes the upstream's errors through unchanged."""

from __future__ import annotations

from contract_tests.attribution import GATEWAY_CHECKS
from contract_tests.http import Exchange
from contract_tests.scenarios._base import ScenarioRun, Skip, Violation, _excerpt, scenario
from contract_tests.scenarios.credentials import bad_credentials
from contract_tests.spec_view import GET, LIST


def _list(run: ScenarioRun, **kwargs) -> Exchange:
    op = run.spec.operation(LIST)
    return run.send(op.method, op.url_path(), params={"limit": 1}, **kwargs)


def _forwarded(run: ScenarioRun, exchange: Exchange, what: str, operation_id: str = LIST) -> None:
    facts = run.ctx.gateway
    if facts.own_answer(exchange.status, exchange.headers, exchange.json):
        raise Violation(
            f"{what} should be forwarded to the upstream, but the gateway answered itself: "
            f"{exchange.status} {_excerpt(exchange)}",
            exchange,
        )
    documented = facts.documented_headers(run.spec.operation(operation_id).raw, exchange.status)
    missing = [name for name in documented if name not in exchange.headers]
    if missing:
        raise Violation(
            f"{what}: a forwarded {exchange.status} answer should carry the gateway headers "
            f"{', '.join(documented)}; missing {', '.join(missing)}",
            exchange,
        )


@scenario("gateway_refuses_unrouted_request", "GET /assistants", needs_gateway=True)
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
    if facts.forwarding_headers_in(exchange.headers):
        raise Violation(
            f"{what} was forwarded (the answer carries "
            f"{', '.join(facts.forwarding_headers_in(exchange.headers))}); the gateway should "
            f"refuse it itself with {status}",
            exchange,
        )
    if exchange.status != status or not facts.is_answer(answer, exchange.json):
        raise Violation(
            f"{what} should be refused by the gateway with {status} and its "
            f"{facts.answer_label(answer)} body, got {exchange.status} {_excerpt(exchange)}",
            exchange,
        )


@scenario("gateway_accepts_documented_combination", "GET /assistants", needs_gateway=True)
def gateway_accepts_documented_combination(run: ScenarioRun) -> None:
    """The configured header combination is one the spec documents, and with exactly it the gateway forwards."""
    layout = run.ctx.layout
    if layout.chosen is None:
        documented = "; ".join(layout.describe(alt) for alt in layout.alternatives)
        raise Skip(f"the configured headers are none of the spec's documented combinations ({documented})")
    # Exactly the documented combination (plus the beta header): no extra header helps it through.
    chosen_headers = {h.lower() for h in layout.header_names(layout.chosen)}
    extra = tuple(h for h in run.ctx.target.extra_headers if h.lower() not in chosen_headers)
    exchange = _list(run, without=extra)
    what = f"a request with {layout.describe(layout.chosen)}"
    run.expect_status(exchange, 200, what)
    _forwarded(run, exchange, what)


@scenario("upstream_errors_pass_through", "GET /assistants/{assistant_id}", needs_gateway=True)
def upstream_errors_pass_through(run: ScenarioRun) -> None:
    """Errors of the upstream (unknown id, wrong credentials) reach the client as the upstream's OpenAI
    error body, forwarded with the gateway headers; only the gateway's own refusals have its own body."""
    facts = run.ctx.gateway
    unknown = f"asst_{run.ctx.ledger.run_id.replace('-', '')}never"
    wrong = next(bad for bad in bad_credentials(run) if bad.headers)
    attempts = (
        ("reading an unknown assistant", 404, GET, lambda: run.get(unknown)),
        (f"listing with {wrong.why}", wrong.refusals, LIST, lambda: _list(run, headers=wrong.headers)),
    )
    for what, expected, operation_id, send in attempts:
        exchange = send()
        run.expect_status(exchange, expected, what)
        _forwarded(run, exchange, what, operation_id)
        if not facts.upstream_error.is_valid(exchange.json):
            raise Violation(
                f"{what}: the upstream's {exchange.status} should reach the client as the OpenAI "
                f'error body {{"error": {{...}}}}, got {_excerpt(exchange)}',
                exchange,
            )


GATEWAY_CHECKS.update(
    (
        "gateway_refuses_unrouted_request",
        "gateway_accepts_documented_combination",
        "upstream_errors_pass_through",
    )
)
