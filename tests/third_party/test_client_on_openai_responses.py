"""The generated client against openai-responses (PyPI), an Assistants-compatible server nobody here
wrote: every call a user makes works where the server keeps the contract, and where it does not the
client says so with a typed error, never a None or a crash."""

from __future__ import annotations

import copy
import json

import assistants_spec
import pytest
from assistants_client import Client, errors
from assistants_client.models import AssistantObject, CreateAssistantRequest, ModifyAssistantRequest

KEY = "sk-third-party-client-0123456789"


def _request(name: str) -> dict:
    operation = assistants_spec.load_spec().document()["paths"]["/assistants"]["post"]
    return copy.deepcopy(operation["requestBody"]["content"]["application/json"]["examples"][name]["value"])


@pytest.fixture
def client(openai_responses_url: str) -> Client:
    with Client.openai(KEY, base_url=openai_responses_url) as client:
        yield client


def test_create_get_modify_delete_round_trip(client: Client) -> None:
    body = _request("math_tutor")
    assistants = client.assistants
    created = assistants.create_assistant(body=CreateAssistantRequest.from_dict(copy.deepcopy(body)))
    assert isinstance(created, AssistantObject)  # answered 201 where the spec says 200: still the object
    assert (created.name, created.instructions, created.model) == (
        body["name"],
        body["instructions"],
        body["model"],
    )
    assert [tool.type_ for tool in created.tools] == [tool["type"] for tool in body["tools"]]
    assert assistants.get_assistant(created.id).to_dict() == created.to_dict()
    renamed = assistants.modify_assistant(created.id, body=ModifyAssistantRequest(name="Renamed"))
    assert renamed.name == "Renamed" and renamed.instructions == body["instructions"]
    assert assistants.delete_assistant(created.id).deleted is True


def test_an_answer_out_of_shape_is_refused_and_nothing_is_lost(client: Client) -> None:
    """It answers a file_search tool with ranking_options: null, which the spec does not allow (an
    object, or absent): the create fails at the call, naming the field, and the error keeps the
    answer, so the assistant the server made can still be found and deleted."""
    body = _request("support_agent")
    with pytest.raises(errors.ResponseParseError, match="ranking_options") as caught:
        client.assistants.create_assistant(body=CreateAssistantRequest.from_dict(body))
    made = json.loads(caught.value.content)
    assert made["name"] == body["name"] and made["tools"][1]["file_search"]["ranking_options"] is None
    assert client.assistants.delete_assistant(made["id"]).deleted is True


def test_where_the_server_breaks_the_contract_the_client_raises_a_typed_error(client: Client) -> None:
    with pytest.raises(errors.NotFoundError) as missing:  # 404 with an empty body, not the error body
        client.assistants.get_assistant("asst_none")
    assert missing.value.status_code == 404
    # Its list pages lack "object": "list", a required constant: refused at the call, by name.
    with pytest.raises(errors.ResponseParseError, match="list_assistants"):
        client.assistants.list_assistants(limit=5)
