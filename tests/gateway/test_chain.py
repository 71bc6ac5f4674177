"""Client -> Portkey's real gateway -> the mock: what the gateway adds, what it refuses itself, and
that everything else passes through unchanged, as the spec describes it."""

from __future__ import annotations

import assistants_spec
import httpx
import pytest

from tests.spec_schemas import assert_matches

from .conftest import OTHER_TENANT


def forwarded_headers() -> list[str]:
    """The headers the spec says the gateway sets on every answer it forwards (listResponses 200)."""
    document = assistants_spec.load_spec().document()
    refs = set(document["x-portkey-gateway"]["forwarded-response-headers"])
    headers = document["paths"]["/assistants"]["get"]["responses"]["200"]["headers"]
    names = [name for name, header in headers.items() if header.get("$ref") in refs]
    assert len(names) == len(refs), "the list answer should document every forwarded gateway header"
    return names


@pytest.fixture
def client(gateway_url: str, self_hosted_headers: dict[str, str]) -> httpx.Client:
    with httpx.Client(base_url=gateway_url, headers=self_hosted_headers, timeout=10) as http:
        yield http


def test_gateway_refuses_a_request_without_provider_with_its_own_body(gateway_url: str) -> None:
    response = httpx.get(f"{gateway_url}/assistants", headers={"OpenAI-Beta": "assistants=v2"}, timeout=10)
    assert response.status_code == 400
    body = response.json()
    assert_matches("GatewayErrorResponse", body)
    assert "x-portkey-provider" in body["message"]


def test_all_five_operations_pass_through_the_gateway(client: httpx.Client) -> None:
    created = client.post(
        "/assistants", json={"model": "gpt-4o", "name": "via gateway", "metadata": {"k": "v"}}
    )
    assert created.status_code == 200, created.text
    assistant = created.json()
    assert_matches("AssistantObject", assistant)
    assert (assistant["name"], assistant["metadata"]) == ("via gateway", {"k": "v"})

    fetched = client.get(f"/assistants/{assistant['id']}")
    assert fetched.json() == assistant

    modified = client.post(f"/assistants/{assistant['id']}", json={"description": "changed"})
    assert modified.status_code == 200, modified.text
    assert modified.json() == {**assistant, "description": "changed"}

    listed = client.get("/assistants", params={"limit": 100, "order": "desc"})
    assert listed.status_code == 200
    assert_matches("ListAssistantsResponse", listed.json())
    assert assistant["id"] in [item["id"] for item in listed.json()["data"]]

    deleted = client.delete(f"/assistants/{assistant['id']}")
    assert deleted.json() == {"id": assistant["id"], "object": "assistant.deleted", "deleted": True}
    assert client.get(f"/assistants/{assistant['id']}").status_code == 404


def test_gateway_adds_its_documented_headers(client: httpx.Client) -> None:
    response = client.get("/assistants", params={"limit": 1})
    assert response.status_code == 200
    for name in forwarded_headers():
        assert name in response.headers, f"the gateway did not add {name}"
    assert response.headers["x-portkey-provider"] == "openai"
    assert response.headers["x-portkey-retry-attempt-count"].lstrip("-").isdigit()


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "param"),
    [
        ("GET", "/assistants/asst_does_not_exist", None, 404, None),
        ("POST", "/assistants", {"model": "gpt-4o", "temperature": 3}, 400, "temperature"),
        ("POST", "/assistants", {"model": "gpt-4o", "unknown_field": 1}, 400, "unknown_field"),
        ("GET", "/assistants?limit=0", None, 400, "limit"),
    ],
)
def test_upstream_errors_keep_the_openai_error_body(
    client: httpx.Client, method: str, path: str, body: dict | None, status: int, param: str | None
) -> None:
    response = client.request(method, path, json=body)
    assert response.status_code == status, response.text
    assert_matches("ErrorResponse", response.json())
    assert response.json()["error"]["param"] == param


def test_upstream_auth_still_applies_through_the_gateway(client: httpx.Client) -> None:
    anonymous = client.get("/assistants", headers={"Authorization": ""})
    assert anonymous.status_code == 401
    assert_matches("ErrorResponse", anonymous.json())
    wrong = client.get("/assistants", headers={"Authorization": "Bearer sk-wrong"})
    assert wrong.status_code == 401


def test_tenants_stay_apart_through_the_gateway(client: httpx.Client) -> None:
    mine = client.post("/assistants", json={"model": "gpt-4o"}).json()
    other = {"Authorization": f"Bearer {OTHER_TENANT}"}
    assert client.get(f"/assistants/{mine['id']}", headers=other).status_code == 404
    listed = client.get("/assistants", params={"limit": 100}, headers=other).json()
    assert mine["id"] not in [item["id"] for item in listed["data"]]
    client.delete(f"/assistants/{mine['id']}")


def test_missing_beta_header_is_refused_upstream(
    client: httpx.Client, self_hosted_headers: dict[str, str]
) -> None:
    headers = {k: v for k, v in self_hosted_headers.items() if k != "OpenAI-Beta"}
    with httpx.Client(base_url=str(client.base_url), headers=headers, timeout=10) as bare:
        response = bare.get("/assistants")
    assert response.status_code == 400
    assert_matches("ErrorResponse", response.json())
