"""Every error is the OpenAI JSON body with the right status; nothing odd gets a 5xx."""

from __future__ import annotations

import httpx

from .harness import MockProcess


def test_unknown_route_is_404_json(api, fresh):
    for path in ("/assistants/a/b", "/threads", "/"):
        response = api.get(path)
        assert response.status_code == 404 and "error" in response.json()
    assert api.get(fresh.root_url + "/nothing").status_code == 404


def test_wrong_method_is_405_with_allow(api):
    response = api.put("/assistants", json={})
    assert response.status_code == 405
    assert {m.strip() for m in response.headers["allow"].split(",")} == {"GET", "POST"}
    response = api.patch("/assistants/asst_x", json={})
    assert response.status_code == 405
    assert {m.strip() for m in response.headers["allow"].split(",")} == {"GET", "POST", "DELETE"}


def test_malformed_json_is_400(api):
    for raw in (b"{", b'{"model": }', b"\xff\xfe", b'{"model": "m",}', b'{"model": NaN}'):
        response = api.post("/assistants", content=raw, headers={"content-type": "application/json"})
        assert response.status_code == 400, raw
        assert response.json()["error"]["type"] == "invalid_request_error"


def test_lone_surrogate_is_refused_not_crashed(api):
    raw = b'{"model": "m", "name": "\\ud800"}'
    response = api.post("/assistants", content=raw, headers={"content-type": "application/json"})
    assert response.status_code == 400


def test_non_json_content_type_is_415(api):
    response = api.post(
        "/assistants", content=b"model=m", headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 415
    assert "application/json" in response.json()["error"]["message"]


def test_json_with_charset_and_no_content_type_are_accepted(api):
    ok = api.post(
        "/assistants", content=b'{"model": "m"}', headers={"content-type": "application/json; charset=utf-8"}
    )
    assert ok.status_code == 200
    request = api.build_request("POST", "/assistants", content=b'{"model": "m"}')
    assert "content-type" not in request.headers
    assert api.send(request).status_code == 200


def test_missing_body_is_400(api):
    assert api.post("/assistants").status_code == 400


def test_delete_and_get_with_json_content_type_and_no_body_work(api):
    ident = api.post("/assistants", json={"model": "m"}).json()["id"]
    headers = {"content-type": "application/json"}
    assert api.get(f"/assistants/{ident}", headers=headers).status_code == 200
    assert api.get("/assistants", headers=headers).status_code == 200
    assert api.delete(f"/assistants/{ident}", headers=headers).status_code == 200


def test_body_too_large_is_413_at_the_configured_limit(recorder):
    with MockProcess("--db", ":memory:", "--max-body-bytes", "1000") as server:
        headers = {"Authorization": "Bearer sk-mock-tenant-1", "OpenAI-Beta": "assistants=v2"}
        with httpx.Client(
            base_url=server.url, headers=headers, timeout=10, event_hooks={"response": [recorder]}
        ) as client:
            small = client.post("/assistants", json={"model": "m", "instructions": "x" * 900})
            assert small.status_code == 200
            big = client.post("/assistants", json={"model": "m", "instructions": "x" * 1000})
            assert big.status_code == 413 and big.json()["error"]["code"] == "request_too_large"

            def chunks():  # no Content-Length: the limit holds while reading
                for _ in range(5):
                    yield b" " * 400

            streamed = client.post(
                "/assistants", content=chunks(), headers={"content-type": "application/json"}
            )
            assert streamed.status_code == 413
            assert client.get("/assistants").status_code == 200
