"""What a user relies on: ids, timestamps, partial modify, delete, list order and pages."""

from __future__ import annotations

import re
import time

import assistants_spec
import pytest

from .spec_facts import id_prefix, list_parameter

ASSISTANT_ID = re.compile("^" + re.escape(id_prefix()) + "[A-Za-z0-9]{24}$")


def create(api, **fields):
    response = api.post("/assistants", json={"model": "gpt-4o", **fields})
    assert response.status_code == 200, response.text
    return response.json()


def test_create_returns_the_assistant_with_id_timestamp_and_defaults(api):
    before = int(time.time())
    created = create(api, name="Math Tutor", tools=[{"type": "code_interpreter"}])
    assert ASSISTANT_ID.match(created["id"])
    assert before <= created["created_at"] <= int(time.time()) + 1
    assert created["object"] == "assistant"
    assert created["name"] == "Math Tutor"
    assert created["tools"] == [{"type": "code_interpreter"}]
    # Left out: nullable text is null, collections are empty, sampling has its documented defaults.
    assert created["description"] is None and created["instructions"] is None
    assert created["metadata"] == {} and created["tool_resources"] == {}
    assert (created["temperature"], created["top_p"], created["response_format"]) == (1, 1, "auto")


def test_ids_are_unique(api):
    ids = {create(api)["id"] for _ in range(30)}
    assert len(ids) == 30


def test_retrieve_returns_what_create_returned(api):
    created = create(api, name="a", metadata={"team": "x"}, temperature=0.5)
    fetched = api.get(f"/assistants/{created['id']}")
    assert fetched.status_code == 200
    assert fetched.json() == created


def test_modify_is_partial_and_persists(api):
    created = create(api, name="a", description="d", instructions="i", temperature=0.3)
    modified = api.post(f"/assistants/{created['id']}", json={"name": "b"}).json()
    assert modified["name"] == "b"
    assert {k: v for k, v in modified.items() if k != "name"} == {
        k: v for k, v in created.items() if k != "name"
    }
    assert api.get(f"/assistants/{created['id']}").json() == modified


def test_modify_with_explicit_null_clears_a_nullable_field(api):
    created = create(api, name="a", description="d", temperature=0.3)
    modified = api.post(
        f"/assistants/{created['id']}", json={"description": None, "temperature": None}
    ).json()
    assert modified["description"] is None and modified["temperature"] is None
    assert modified["name"] == "a"


def test_modify_replaces_tools_and_metadata_whole(api):
    created = create(
        api,
        tools=[{"type": "code_interpreter"}, {"type": "file_search"}],
        metadata={"a": "1", "b": "2"},
    )
    modified = api.post(
        f"/assistants/{created['id']}",
        json={"tools": [{"type": "function", "function": {"name": "f"}}], "metadata": {"c": "3"}},
    ).json()
    assert modified["tools"] == [{"type": "function", "function": {"name": "f"}}]
    assert modified["metadata"] == {"c": "3"}


def test_empty_modify_changes_nothing(api):
    created = create(api, name="a")
    assert api.post(f"/assistants/{created['id']}", json={}).json() == created


def test_delete_answers_deletion_status_and_later_reads_are_404(api):
    created = create(api)
    deleted = api.delete(f"/assistants/{created['id']}")
    assert deleted.status_code == 200
    assert deleted.json() == {"id": created["id"], "object": "assistant.deleted", "deleted": True}
    for response in (
        api.get(f"/assistants/{created['id']}"),
        api.post(f"/assistants/{created['id']}", json={"name": "x"}),
        api.delete(f"/assistants/{created['id']}"),
    ):
        assert response.status_code == 404
        assert response.json()["error"]["type"] == "invalid_request_error"
    assert api.get("/assistants").json()["data"] == []


def test_unknown_id_is_404_with_the_id_in_the_message(api):
    response = api.get("/assistants/asst_doesnotexist")
    assert response.status_code == 404
    assert "asst_doesnotexist" in response.json()["error"]["message"]


def test_empty_list_has_null_cursors(api):
    assert api.get("/assistants").json() == {
        "object": "list",
        "data": [],
        "first_id": None,
        "last_id": None,
        "has_more": False,
    }


def test_list_is_newest_first_by_default_and_stable_within_one_second(api):
    ids = [create(api, name=str(i))["id"] for i in range(12)]  # several share a created_at second
    listed = api.get("/assistants").json()
    assert [a["id"] for a in listed["data"]] == ids[::-1]
    assert listed["first_id"] == ids[-1] and listed["last_id"] == ids[0]
    ascending = api.get("/assistants", params={"order": "asc"}).json()
    assert [a["id"] for a in ascending["data"]] == ids


def test_default_limit_is_the_documented_one(api):
    default = list_parameter("limit")["schema"]["default"]
    ids = [create(api)["id"] for _ in range(default + 1)]
    page = api.get("/assistants").json()
    assert len(page["data"]) == default and page["has_more"] is True
    assert page["last_id"] == ids[1]


@pytest.mark.parametrize("order", ["asc", "desc"])
def test_after_walks_every_page_once(api, order):
    ids = [create(api)["id"] for _ in range(7)]
    expected = ids if order == "asc" else ids[::-1]
    seen, after, pages = [], None, 0
    while True:
        params = {"limit": 3, "order": order, **({"after": after} if after else {})}
        page = api.get("/assistants", params=params).json()
        pages += 1
        seen += [a["id"] for a in page["data"]]
        assert page["first_id"] == page["data"][0]["id"] and page["last_id"] == page["data"][-1]["id"]
        if not page["has_more"]:
            break
        after = page["last_id"]
        assert pages < 10
    assert seen == expected and pages == 3


@pytest.mark.parametrize("order", ["asc", "desc"])
def test_before_gives_the_page_just_before_the_cursor(api, order):
    ids = [create(api)["id"] for _ in range(7)]
    listing = ids if order == "asc" else ids[::-1]
    page = api.get("/assistants", params={"limit": 2, "order": order, "before": listing[5]}).json()
    assert [a["id"] for a in page["data"]] == listing[3:5]
    assert page["has_more"] is True  # listing[0:3] lie further back
    first = api.get("/assistants", params={"limit": 5, "order": order, "before": listing[2]}).json()
    assert [a["id"] for a in first["data"]] == listing[0:2] and first["has_more"] is False


def test_after_and_before_together_bound_the_page(api):
    ids = [create(api)["id"] for _ in range(6)]
    page = api.get("/assistants", params={"order": "asc", "after": ids[0], "before": ids[4]}).json()
    assert [a["id"] for a in page["data"]] == ids[1:4] and page["has_more"] is False


def test_unknown_cursor_gives_an_empty_page(api):
    create(api)
    for cursor in ("after", "before"):
        page = api.get("/assistants", params={cursor: "asst_unknown"})
        assert page.status_code == 200
        assert page.json() == {
            "object": "list",
            "data": [],
            "first_id": None,
            "last_id": None,
            "has_more": False,
        }


def test_a_deleted_cursor_still_marks_its_place(api):
    ids = [create(api)["id"] for _ in range(5)]
    api.delete(f"/assistants/{ids[2]}")
    page = api.get("/assistants", params={"order": "asc", "after": ids[2]}).json()
    assert [a["id"] for a in page["data"]] == ids[3:]


def test_deleted_assistants_leave_the_list_and_pages_stay_consistent(api):
    ids = [create(api)["id"] for _ in range(6)]
    for ident in ids[1::2]:
        api.delete(f"/assistants/{ident}")
    page = api.get("/assistants", params={"order": "asc", "limit": 2}).json()
    assert [a["id"] for a in page["data"]] == [ids[0], ids[2]] and page["has_more"] is True
    rest = api.get("/assistants", params={"order": "asc", "limit": 2, "after": page["last_id"]}).json()
    assert [a["id"] for a in rest["data"]] == [ids[4]] and rest["has_more"] is False


def test_limit_accepts_a_whole_float_as_schemathesis_sends_it(api):
    create(api)
    assert api.get("/assistants", params={"limit": "1.0"}).status_code == 200


def test_reset_deletes_everything(api, fresh):
    create(api)
    assert api.post(fresh.root_url + "/_mock/reset").json() == {"reset": True}
    assert api.get("/assistants").json()["data"] == []


def test_health(api, fresh):
    response = api.get(fresh.root_url + "/health")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_the_create_time_vector_store_helper_is_answered_as_a_new_store_id(api):
    view = assistants_spec.load_spec().view()
    [(path, answered)] = view.annotated(view.request_schema("createAssistant"), "x-answered-as")
    assert path == ("tool_resources", "file_search", "vector_stores")
    created = create(api, tool_resources={"file_search": {"vector_stores": [{"file_ids": ["file-1"]}]}})
    file_search = created["tool_resources"]["file_search"]
    assert "vector_stores" not in file_search
    [store_id] = file_search[answered["field"]]
    assert store_id.startswith(answered["id-prefix"]) and len(store_id) > len(answered["id-prefix"])
    assert api.get(f"/assistants/{created['id']}").json()["tool_resources"] == created["tool_resources"]


def test_file_search_resources_need_exactly_one_way_to_name_the_store(api):
    for resources in ({}, {"vector_store_ids": ["vs_1"], "vector_stores": [{}]}):
        refused = api.post(
            "/assistants", json={"model": "gpt-4o", "tool_resources": {"file_search": resources}}
        )
        assert refused.status_code == 400, resources
        assert refused.json()["error"]["param"] == "tool_resources.file_search"


def test_reasoning_effort_and_a_null_response_format_are_accepted(api):
    created = create(api, reasoning_effort="low", response_format=None)
    assert created["response_format"] is None
    modified = api.post(
        f"/assistants/{created['id']}", json={"reasoning_effort": None, "response_format": "auto"}
    )
    assert modified.status_code == 200, modified.text
    assert modified.json()["response_format"] == "auto"


def test_every_answer_carries_the_request_id_header_the_spec_declares(api):
    view = assistants_spec.load_spec().view()
    names = {
        name
        for operation in view.operations.values()
        for name, ref in operation.success.header_refs.items()
        if ref == "#/components/headers/RequestId"
    }
    assert names
    for response in (api.get("/assistants"), api.get("/assistants/asst_missing"), api.put("/assistants")):
        for name in names:
            assert response.headers.get(name, "").startswith("req_"), (response.status_code, name)
