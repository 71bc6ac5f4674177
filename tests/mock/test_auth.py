"""Credentials: bearer or Portkey headers; each API key is a tenant that sees only its own."""

from __future__ import annotations

import pytest

from .conftest import KEY_1, KEY_2, VIRTUAL_KEY


def test_missing_credentials_are_401(client_for):
    response = client_for(key=None).get("/assistants")
    assert response.status_code == 401
    assert "API key" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    "authorization", ["Bearer sk-wrong-key-123456", "Basic c2stbW9jaw==", "Bearer", "sk-mock-tenant-1"]
)
def test_wrong_credentials_are_401_without_echoing_them(client_for, authorization):
    response = client_for(key=None, Authorization=authorization).get("/assistants")
    assert response.status_code == 401
    assert "sk-wrong" not in response.text and "c2stbW9jaw" not in response.text


def test_portkey_headers_authenticate(client_for):
    client = client_for(key=None, **{"x-portkey-api-key": KEY_1, "x-portkey-virtual-key": VIRTUAL_KEY})
    created = client.post("/assistants", json={"model": "m"})
    assert created.status_code == 200
    # Same key through bearer: same tenant.
    assert client_for(key=KEY_1).get(f"/assistants/{created.json()['id']}").status_code == 200


def test_portkey_key_decides_over_a_placeholder_bearer(client_for):
    client = client_for(
        key="placeholder-not-a-key", **{"x-portkey-api-key": KEY_1, "x-portkey-virtual-key": VIRTUAL_KEY}
    )
    assert client.get("/assistants").status_code == 200


def test_portkey_key_without_virtual_key_is_refused_clearly(client_for):
    response = client_for(key=None, **{"x-portkey-api-key": KEY_1}).get("/assistants")
    assert response.status_code == 401
    assert "x-portkey-virtual-key" in response.json()["error"]["message"]


def test_unknown_portkey_key_or_virtual_key_is_401(client_for):
    assert (
        client_for(key=None, **{"x-portkey-api-key": "pk-nope", "x-portkey-virtual-key": VIRTUAL_KEY})
        .get("/assistants")
        .status_code
        == 401
    )
    assert (
        client_for(key=None, **{"x-portkey-api-key": KEY_1, "x-portkey-virtual-key": "vk-nope"})
        .get("/assistants")
        .status_code
        == 401
    )


def test_self_hosted_gateway_headers_are_ignored(client_for):
    client = client_for(
        key=KEY_1, **{"x-portkey-provider": "openai", "x-portkey-custom-host": "http://127.0.0.1:1/v1"}
    )
    assert client.get("/assistants").status_code == 200


def test_tenants_never_see_each_other(client_for):
    one, two = client_for(key=KEY_1), client_for(key=KEY_2)
    mine = one.post("/assistants", json={"model": "m", "name": "one's"}).json()
    theirs = two.post("/assistants", json={"model": "m", "name": "two's"}).json()
    assert [a["id"] for a in two.get("/assistants").json()["data"]] == [theirs["id"]]
    assert two.get(f"/assistants/{mine['id']}").status_code == 404
    assert two.post(f"/assistants/{mine['id']}", json={"name": "stolen"}).status_code == 404
    assert two.delete(f"/assistants/{mine['id']}").status_code == 404
    # Another tenant's id is no cursor either.
    assert two.get("/assistants", params={"after": mine["id"]}).json()["data"] == []
    assert one.get(f"/assistants/{mine['id']}").json() == mine


def test_auth_is_checked_before_the_body(client_for):
    response = client_for(key=None).post(
        "/assistants", content=b"{broken", headers={"content-type": "application/json"}
    )
    assert response.status_code == 401
