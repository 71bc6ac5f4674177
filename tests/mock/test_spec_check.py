"""The response check that every test's client runs (spec_check.py) can fail, and covers it all."""

from __future__ import annotations

import httpx
import pytest

from .conftest import V1, V2
from .spec_check import Recorder, SpecViolation, check_response


def _response(method: str, path: str, status: int, body: bytes, beta: str = V2) -> httpx.Response:
    request = httpx.Request(method, "http://127.0.0.1:1" + path, headers={"OpenAI-Beta": beta})
    return httpx.Response(status, content=body, headers={"content-type": "application/json"}, request=request)


ASSISTANT = (
    b'{"id":"asst_1","object":"assistant","created_at":1,"name":null,"description":null,'
    b'"model":"m","instructions":null,"tools":[],"metadata":{}}'
)


def test_a_valid_response_passes():
    check_response(_response("GET", "/v1/assistants/asst_1", 200, ASSISTANT))


@pytest.mark.parametrize(
    "method, path, status, body, beta",
    [
        (
            "GET",
            "/v1/assistants/asst_1",
            200,
            ASSISTANT.replace(b'"model":"m",', b""),
            V2,
        ),  # required field missing
        ("GET", "/v1/assistants/asst_1", 200, ASSISTANT, V1),  # v1 needs file_ids
        ("GET", "/v1/assistants", 200, b'{"object":"list","data":[]}', V2),  # cursors missing
        ("DELETE", "/v1/assistants/asst_1", 200, b'{"id":"asst_1","object":"assistant","deleted":true}', V2),
        ("GET", "/v1/assistants/asst_1", 404, b'{"error":"nope"}', V2),
        ("PUT", "/v1/assistants", 405, b'{"message":"no"}', V2),
        ("GET", "/v1/assistants/asst_1", 204, b"{}", V2),  # a status the spec does not document
    ],
)
def test_violations_are_caught(method, path, status, body, beta):
    with pytest.raises(SpecViolation):
        check_response(_response(method, path, status, body, beta))


def test_non_json_answers_are_caught():
    request = httpx.Request("GET", "http://127.0.0.1:1/v1/assistants")
    with pytest.raises(SpecViolation):
        check_response(httpx.Response(500, text="Internal server error", request=request))


def test_every_operation_and_error_in_both_profiles_matches_the_spec(client_for):
    recorder = Recorder()
    for beta, extra in (
        (V2, {"tool_resources": {"code_interpreter": {"file_ids": ["f"]}}}),
        (V1, {"name": "n", "instructions": "i", "tools": [{"type": "retrieval"}], "file_ids": ["f"]}),
    ):
        client = client_for(beta=beta)
        client.event_hooks["response"].append(recorder)
        created = client.post("/assistants", json={"model": "m", **extra}).json()
        client.get(f"/assistants/{created['id']}")
        client.post(f"/assistants/{created['id']}", json={"metadata": {"a": "b"}})
        client.get("/assistants", params={"limit": 1})
        client.delete(f"/assistants/{created['id']}")
        client.get(f"/assistants/{created['id']}")  # 404
        client.post("/assistants", json={"model": 1})  # 400
        client.get("/assistants", headers={"x-mock-fault": "429"})
        client.get("/assistants", headers={"x-mock-fault": "500"})
        client.put("/assistants")  # 405
        client.post("/assistants", content=b"a=b", headers={"content-type": "text/plain"})  # 415
    client_for(key=None).get("/assistants", headers={})  # 401
    statuses = {status for _, _, status in recorder.checked}
    assert statuses == {200, 400, 404, 405, 415, 429, 500}
    assert len(recorder.checked) == 22
