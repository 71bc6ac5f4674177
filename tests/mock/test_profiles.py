"""OpenAI-Beta picks the profile; v1 has the v1 document's shape over the same stored assistants."""

from __future__ import annotations

import assistants_spec

from .conftest import V1


def test_missing_beta_header_is_400(client_for):
    response = client_for(beta=None).get("/assistants")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "invalid_request_error" and "OpenAI-Beta" in error["message"]


def test_unknown_beta_header_is_400(client_for):
    assert client_for(beta="assistants=v3").get("/assistants").status_code == 400


def test_v1_create_has_the_v1_shape(client_for):
    v1 = client_for(beta=V1)
    created = v1.post(
        "/assistants",
        json={
            "model": "m",
            "name": "n",
            "instructions": "i",
            "tools": [{"type": "retrieval"}, {"type": "code_interpreter"}],
            "file_ids": ["file-1"],
        },
    )
    assert created.status_code == 200, created.text
    body = created.json()
    assert body["file_ids"] == ["file-1"] and "tool_resources" not in body
    assert body["tools"] == [{"type": "retrieval"}, {"type": "code_interpreter"}]


def test_v1_refuses_file_search_and_tool_resources(client_for):
    v1 = client_for(beta=V1)
    base = {"model": "m", "name": "n", "instructions": "i"}
    refused = v1.post("/assistants", json={**base, "tools": [{"type": "file_search"}]})
    assert refused.status_code == 400 and refused.json()["error"]["param"] == "tools[0].type"
    refused = v1.post("/assistants", json={**base, "tools": [], "tool_resources": {}})
    assert refused.status_code == 400 and refused.json()["error"]["param"] == "tool_resources"


def test_v1_requires_what_the_v1_api_required(client_for):
    v1 = client_for(beta=V1)
    required = spec_required_v1()
    accepted = v1.post("/assistants", json={name: "m" for name in required})
    assert accepted.status_code == 200, accepted.text
    refused = v1.post("/assistants", json={"name": "n"})
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "missing_required_parameter"


def spec_required_v1() -> tuple[str, ...]:
    view = assistants_spec.load_spec().view("v1")
    required = view.required(view.request_schema("createAssistant"))
    assert required == ("model",), "the real v1 API required only the model"
    return required


def test_v2_refuses_v1_fields(api):
    assert api.post("/assistants", json={"model": "m", "file_ids": []}).json()["error"]["param"] == "file_ids"
    assert api.post("/assistants", json={"model": "m", "tools": [{"type": "retrieval"}]}).status_code == 400


def test_one_assistant_seen_under_both_profiles(api, client_for):
    v1 = client_for(beta=V1)
    made_in_v1 = v1.post(
        "/assistants",
        json={
            "model": "m",
            "name": "n",
            "instructions": "i",
            "tools": [{"type": "retrieval"}],
            "file_ids": ["f1"],
        },
    ).json()
    seen_in_v2 = api.get(f"/assistants/{made_in_v1['id']}").json()
    assert seen_in_v2["tools"] == [{"type": "file_search"}]
    assert seen_in_v2["tool_resources"] == {"code_interpreter": {"file_ids": ["f1"]}}

    made_in_v2 = api.post(
        "/assistants",
        json={
            "model": "m",
            "tools": [{"type": "file_search", "file_search": {"max_num_results": 5}}],
            "tool_resources": {
                "code_interpreter": {"file_ids": ["f2"]},
                "file_search": {"vector_store_ids": ["vs"]},
            },
        },
    ).json()
    seen_in_v1 = v1.get(f"/assistants/{made_in_v2['id']}").json()
    assert seen_in_v1["tools"] == [{"type": "retrieval"}] and seen_in_v1["file_ids"] == ["f2"]
    listed = v1.get("/assistants").json()["data"]
    assert {a["id"] for a in listed} == {made_in_v1["id"], made_in_v2["id"]}
    assert all("file_ids" in a and "tool_resources" not in a for a in listed)

    # A v1 modify of file_ids keeps the vector store that v1 cannot see.
    v1.post(f"/assistants/{made_in_v2['id']}", json={"file_ids": ["f3"]})
    after = api.get(f"/assistants/{made_in_v2['id']}").json()
    assert after["tool_resources"] == {
        "code_interpreter": {"file_ids": ["f3"]},
        "file_search": {"vector_store_ids": ["vs"]},
    }
    assert after["tools"] == made_in_v2["tools"]  # not touched by that modify


def test_beta_header_listing_several_betas_picks_the_assistants_one(client_for):
    client = client_for(beta="realtime=v1, assistants=v2")
    assert client.get("/assistants").status_code == 200
