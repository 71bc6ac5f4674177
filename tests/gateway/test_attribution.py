"""Gateway mode's two judgements, without a gateway: which headers are credentials (from the spec's
security alternatives), and which answers and failures are the gateway's own (from x-portkey-gateway)."""

from __future__ import annotations

import assistants_spec
import pytest

from contract_tests.gateway import gateway_facts
from contract_tests.operations import LIST

SPEC = assistants_spec.load_spec()
DOCUMENT = assistants_spec.load_spec().document()
SCHEMES = DOCUMENT["components"]["securitySchemes"]
PROVIDER = SCHEMES["PortkeyProvider"]["name"]
CUSTOM_HOST = SCHEMES["PortkeyCustomHost"]["name"]
API_KEY = SCHEMES["PortkeyApiKey"]["name"]
VIRTUAL_KEY = SCHEMES["PortkeyVirtualKey"]["name"]


@pytest.mark.parametrize(
    ("sent", "credentials", "routing"),
    [
        (("Authorization", PROVIDER, CUSTOM_HOST), {"Authorization"}, {PROVIDER, CUSTOM_HOST}),
        (("Authorization", PROVIDER), {"Authorization"}, {PROVIDER}),
        ((API_KEY, VIRTUAL_KEY), {API_KEY, VIRTUAL_KEY}, set()),
        (("Authorization",), {"Authorization"}, set()),
    ],
)
def test_routing_headers_are_what_a_documented_combination_adds_to_a_smaller_one(
    sent: tuple[str, ...], credentials: set[str], routing: set[str]
) -> None:
    layout = SPEC.security.layout([*sent, "OpenAI-Beta"])
    assert set(layout.header_names(layout.credentials)) == credentials
    assert set(layout.routing_headers) == routing


def test_undocumented_combination_has_no_chosen_alternative_and_no_routing() -> None:
    layout = SPEC.security.layout([PROVIDER])  # a provider without the bearer key is not documented
    assert layout.chosen is None and not layout.routing


def test_auth_probes_see_only_credentials_in_gateway_mode() -> None:
    layout = SPEC.security.layout(["Authorization", PROVIDER, CUSTOM_HOST])
    view = layout.security_view(DOCUMENT)
    schemes_left = {name for requirement in view["security"] for name in requirement}
    assert not schemes_left & layout.routing
    assert layout.credentials <= schemes_left
    assert DOCUMENT["security"] != view["security"], "the spec itself must be left as it is"


FACTS = gateway_facts(SPEC.view())
FORWARDED = {name: "x" for name in FACTS.header_names}


def test_the_gateways_own_answers_are_recognised_only_without_forwarding_headers() -> None:
    refused = {
        "status": "failure",
        "message": "Either x-portkey-config or x-portkey-provider header is required",
    }
    no_route = {"message": "Not Found", "ok": False}
    assert "refused" in (FACTS.own_answer(400, {}, refused) or "")
    assert "no-route" in (FACTS.own_answer(404, {}, no_route) or "")
    # The same bodies forwarded by the gateway (its headers present) are the upstream's answers.
    assert FACTS.own_answer(400, FORWARDED, refused) is None
    assert FACTS.own_answer(404, FORWARDED, no_route) is None
    upstream = {
        "error": {"message": "No assistant", "type": "invalid_request_error", "param": None, "code": None}
    }
    assert FACTS.own_answer(404, {}, upstream) is None


@pytest.mark.parametrize("body", [b"null", b"[]", b'"x"', b"1", b"true"])
def test_non_object_json_bodies_are_rewritten_by_the_gateway(body: bytes) -> None:
    assert FACTS.rewritten_body("application/json", body)


@pytest.mark.parametrize(
    ("content_type", "body"),
    [("application/json", b'{"name": "x"}'), ("application/json", None), ("text/plain", b"null")],
)
def test_object_bodies_and_non_json_requests_are_not_rewritten(content_type: str, body: bytes | None) -> None:
    assert FACTS.rewritten_body(content_type, body) is None


def test_documented_gateway_headers_come_from_the_spec() -> None:
    documented = FACTS.documented_headers(SPEC.view().operation(LIST), 200)
    assert documented and set(documented) == set(FACTS.header_names)
