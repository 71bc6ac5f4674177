"""Credentials: bearer or Portkey headers; each API key is a tenant that sees only its own."""

from __future__ import annotations

import socket

import assistants_spec
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


# Bytes HTTP allows in a header value that str.strip() would drop (latin-1 NBSP and NEL, and the
# UTF-8 forms of NBSP, NEL and an em space); the mock compares credentials exactly.
PADDING = [b"\xa0", b"\x85", b"\xc2\xa0", b"\xc2\x85", b"\xe2\x80\x83"]


def _padded(key: str, pad: bytes, where: str) -> bytes:
    return pad + key.encode() if where == "before" else key.encode() + pad


@pytest.mark.parametrize("pad", PADDING, ids=lambda p: p.hex())
@pytest.mark.parametrize("where", ["before", "after"])
def test_padded_keys_are_refused_for_every_operation(client_for, api, pad, where):
    existing = api.post("/assistants", json={"model": "m"}).json()["id"]
    bearer = client_for(key=None, Authorization=b"Bearer " + _padded(KEY_1, pad, where))
    portkey_key = client_for(
        key=None, **{"x-portkey-api-key": _padded(KEY_1, pad, where), "x-portkey-virtual-key": VIRTUAL_KEY}
    )
    portkey_virtual = client_for(
        key=None, **{"x-portkey-api-key": KEY_1, "x-portkey-virtual-key": _padded(VIRTUAL_KEY, pad, where)}
    )
    for client in (bearer, portkey_key, portkey_virtual):
        assert client.post("/assistants", json={"model": "m"}).status_code == 401
        assert client.get("/assistants").status_code == 401
        assert client.delete(f"/assistants/{existing}").status_code == 401
    assert api.get(f"/assistants/{existing}").status_code == 200
    assert [a["id"] for a in api.get("/assistants").json()["data"]] == [existing]


def test_spaces_and_tabs_around_a_header_value_are_not_part_of_the_key(fresh):
    """HTTP's optional whitespace around a field value is the protocol's, not the credential's."""
    for value in (f"Bearer {KEY_1} \t", f"Bearer {KEY_1}\t"):
        raw = (
            f"GET /v1/assistants HTTP/1.1\r\nHost: x\r\nAuthorization: {value}\r\n"
            "OpenAI-Beta: assistants=v2\r\nConnection: close\r\n\r\n"
        ).encode()
        host, port = fresh.root_url.rsplit("/", 1)[1].split(":")
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            sock.sendall(raw)
            assert sock.recv(100).startswith(b"HTTP/1.1 200 ")


def test_an_unknown_key_and_a_wrong_virtual_key_get_the_same_answer(client_for):
    """Answering them differently would tell an attacker which API keys exist."""
    answers = [
        client_for(key=None, **{"x-portkey-api-key": key, "x-portkey-virtual-key": virtual}).get(
            "/assistants"
        )
        for key, virtual in (("pk-nope", VIRTUAL_KEY), (KEY_1, "vk-nope"), ("pk-nope", "vk-nope"))
    ]
    assert {a.status_code for a in answers} == {401}
    assert answers[0].json() == answers[1].json() == answers[2].json()


def test_every_credential_alternative_of_the_spec_authenticates(client_for):
    """Each minimal security alternative of the spec, as headers; a Portkey config is no secret the
    mock can check, a virtual key is."""
    security = assistants_spec.load_spec().security
    minimal = [a for a in security.alternatives if not any(b < a for b in security.alternatives)]
    values = {"BearerAuth": f"Bearer {KEY_1}", "PortkeyApiKey": KEY_1, "PortkeyVirtualKey": VIRTUAL_KEY}
    assert len(minimal) >= 2
    for alternative in minimal:
        headers = {security.header(s): values.get(s, "any-config") for s in alternative}
        assert client_for(key=None, **headers).get("/assistants").status_code == 200, sorted(alternative)
        wrong = {name: value.replace(KEY_1, "sk-unknown") for name, value in headers.items()}
        assert client_for(key=None, **wrong).get("/assistants").status_code == 401, sorted(alternative)
