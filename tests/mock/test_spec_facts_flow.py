"""Facts the mock answers with come from the spec: an edited spec changes the answer, and the
mock's code does not write them down itself."""

from __future__ import annotations

import pathlib
import re
from typing import Any

from .in_process import InProcessMock, edited_spec

MOCK_SERVER = pathlib.Path(__file__).resolve().parents[2] / "mock_server"


def _production_code() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(MOCK_SERVER.glob("*.py")))


def _answers(document: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {a["status"]: a for a in document["x-undeclared-methods"]["answers"]}


def test_a_method_a_path_lacks_is_answered_with_the_header_the_spec_names(tmp_path):
    def rename_allow(document: dict[str, Any]) -> None:
        headers = _answers(document)[405]["headers"]
        headers["X-Methods"] = headers.pop("Allow")

    mock = InProcessMock(edited_spec(tmp_path, rename_allow))
    response = mock.request("PUT", "/assistants", json={})
    assert response.status_code == 405
    assert "allow" not in response.headers
    assert {m.strip() for m in response.headers["x-methods"].split(",")} == {"GET", "POST"}


def test_without_a_listing_answer_in_the_spec_a_wrong_method_gets_openais_404(tmp_path):
    def only_404(document: dict[str, Any]) -> None:
        document["x-undeclared-methods"]["answers"] = [_answers(document)[404]]

    mock = InProcessMock(edited_spec(tmp_path, only_404))
    response = mock.request("PATCH", "/assistants/asst_1", json={})
    assert response.status_code == 404 and "allow" not in response.headers
    assert response.json()["error"]["code"] == "unknown_url"


def test_the_mock_writes_no_allow_header_name():
    assert not re.search(r"""b?["']allow["']""", _production_code(), re.IGNORECASE)


def test_idempotency_keys_are_read_from_the_header_the_spec_names(tmp_path):
    def rename(document: dict[str, Any]) -> None:
        document["x-idempotency"].update(
            {"header": "X-Once", "replayed-header": "X-Once-Replayed", "max-length": 4}
        )

    mock = InProcessMock(edited_spec(tmp_path, rename))
    first = mock.request("POST", "/assistants", json={"model": "m"}, headers={"X-Once": "k"})
    again = mock.request("POST", "/assistants", json={"model": "m"}, headers={"X-Once": "k"})
    assert again.json()["id"] == first.json()["id"] and again.headers["x-once-replayed"] == "true"
    assert "idempotent-replayed" not in again.headers
    # The old name is an ordinary header now: two creates.
    one = mock.request("POST", "/assistants", json={"model": "m"}, headers={"Idempotency-Key": "k"})
    two = mock.request("POST", "/assistants", json={"model": "m"}, headers={"Idempotency-Key": "k"})
    assert one.json()["id"] != two.json()["id"]
    too_long = mock.request("POST", "/assistants", json={"model": "m"}, headers={"X-Once": "kkkkk"})
    assert too_long.status_code == 400 and too_long.json()["error"]["param"] == "X-Once"


def test_without_x_idempotency_the_mock_ignores_keys(tmp_path):
    mock = InProcessMock(edited_spec(tmp_path, lambda document: document.pop("x-idempotency")))
    one = mock.request("POST", "/assistants", json={"model": "m"}, headers={"Idempotency-Key": "k"})
    two = mock.request("POST", "/assistants", json={"model": "m"}, headers={"Idempotency-Key": "k"})
    assert one.status_code == two.status_code == 200 and one.json()["id"] != two.json()["id"]


def test_the_mock_writes_no_idempotency_header_name():
    code = _production_code().lower()
    assert 'idempotency-key"' not in code and 'idempotent-replayed"' not in code
    assert "255" not in code


def _renumber(document: dict[str, Any], old: str, new: str) -> None:
    for item in document["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and old in operation.get("responses", {}):
                operation["responses"][new] = operation["responses"].pop(old)


def test_error_statuses_are_the_ones_the_spec_declares(tmp_path):
    def renumber(document: dict[str, Any]) -> None:
        _renumber(document, "400", "422")  # invalid requests, as some replacements answer them
        _renumber(document, "500", "503")

    mock = InProcessMock(edited_spec(tmp_path, renumber))
    bad_json = mock.request("POST", "/assistants", content=b"{", headers={"content-type": "application/json"})
    assert bad_json.status_code == 422 and bad_json.json()["error"]["code"] == "invalid_json"
    assert mock.request("POST", "/assistants", json={"model": 1}).status_code == 422
    assert mock.request("GET", "/assistants", params={"limit": "many"}).status_code == 422
    # The fault header names a fault by the spec's status for it.
    assert mock.request("GET", "/assistants", headers={"x-mock-fault": "503"}).status_code == 503
    refused = mock.request("GET", "/assistants", headers={"x-mock-fault": "500"})
    assert refused.status_code == 422 and "503" in refused.json()["error"]["message"]
    # Unchanged meanings keep their statuses.
    assert mock.request("GET", "/assistants/asst_none").status_code == 404
    assert mock.request("GET", "/assistants", headers={"x-mock-fault": "429"}).status_code == 429


def test_the_mock_writes_no_error_status_the_spec_gives_a_meaning():
    written = re.findall(r"ApiError\(\s*(\d+)", _production_code())
    assert written == ["408"], "only a status no Meaning covers (408: the body never arrived) is written"
