"""The legacy v1 profile, selected once on the client: its bodies go out and come back intact."""

from __future__ import annotations

import assistants_spec
import httpx
from assistants_client import Client
from assistants_client.api.assistants import create_assistant
from assistants_client.models import AssistantObject, AssistantObjectV1, CreateAssistantRequestV1

from .conftest import API_KEY, Recorder


def v1_examples() -> tuple[dict, dict]:
    operation = assistants_spec.load_spec().document("v1")["paths"]["/assistants"]["post"]
    request = next(iter(operation["requestBody"]["content"]["application/json"]["examples"].values()))[
        "value"
    ]
    response = next(iter(operation["responses"]["200"]["content"]["application/json"]["examples"].values()))[
        "value"
    ]
    return request, response


def test_a_v1_client_sends_the_v1_header_and_a_v1_body() -> None:
    request_body, response_body = v1_examples()
    recorder = Recorder(lambda request: httpx.Response(200, json=response_body))
    client = Client.openai(API_KEY, beta="v1", transport=httpx.MockTransport(recorder))
    created = create_assistant.sync(client=client, body=CreateAssistantRequestV1.from_dict(request_body))
    sent = recorder.requests[-1]
    assert sent.headers[assistants_spec.load_spec().beta_header] == assistants_spec.load_spec().beta_value(
        "v1"
    )
    assert recorder.body() == request_body
    # The v2 model keeps v1-only fields (file_ids, the retrieval tool) raw, so nothing is lost ...
    assert isinstance(created, AssistantObject)
    assert created.to_dict() == response_body
    # ... and the v1 model reads them typed.
    assert AssistantObjectV1.from_dict(created.to_dict()).file_ids == response_body["file_ids"]


def test_a_v1_retrieval_tool_survives_the_v2_model() -> None:
    _, response_body = v1_examples()
    body = {**response_body, "tools": [{"type": "retrieval"}, {"type": "code_interpreter"}]}
    parsed = AssistantObject.from_dict(body)
    assert parsed.tools[0] == {"type": "retrieval"}
    assert parsed.to_dict() == body
