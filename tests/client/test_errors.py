"""Non-2xx responses: the opt-in typed error (status, error.type/message/param, request id), and
without it, parsed error bodies that never crash on an undocumented status or a non-JSON body."""

from __future__ import annotations

import assistants_spec
import httpx
import pytest
from assistants_client import errors
from assistants_client.api.assistants import create_assistant, delete_assistant, get_assistant
from assistants_client.models import CreateAssistantRequest, ErrorResponse, GatewayErrorResponse

from .conftest import Recorder


def documented_errors() -> list:
    """(status, body) for every error example of the spec's shared responses."""
    document = assistants_spec.load_spec().document()
    found = []
    for path_item in document["paths"].values():
        for op in path_item.values():
            if not isinstance(op, dict):
                continue
            for status, response in op.get("responses", {}).items():
                name = response.get("$ref", "").rsplit("/", 1)[-1]
                if not status.startswith(("4", "5")) or not name:
                    continue
                content = document["components"]["responses"][name]["content"]["application/json"]
                for example_name, example in content["examples"].items():
                    found.append((int(status), example_name, example["value"]))
    unique = {(s, n): v for s, n, v in found}
    return [pytest.param(s, v, id=f"{s}-{n}") for (s, n), v in sorted(unique.items())]


@pytest.mark.parametrize("status, body", documented_errors())
def test_raise_on_error_gives_a_typed_error_with_every_documented_field(
    make_client, recorder: Recorder, status, body
) -> None:
    recorder.then(*[httpx.Response(status, json=body, headers={"x-request-id": "req_err"})] * 3)
    with pytest.raises(errors.APIStatusError) as caught:
        get_assistant.sync("asst_1", client=make_client(raise_on_error=True, max_retries=0))
    error = caught.value
    assert error.status_code == status
    assert error.request_id == "req_err"
    if "error" in body:
        detail = body["error"]
        assert (error.type, error.message, error.param, error.code) == (
            detail["type"],
            detail["message"],
            detail["param"],
            detail["code"],
        )
    else:
        assert error.message == body["message"] and error.type is None
    assert str(status) in str(error) and "req_err" in str(error)
    assert error.body == body


@pytest.mark.parametrize(
    "status, kind",
    [
        (400, errors.BadRequestError),
        (401, errors.AuthenticationError),
        (403, errors.PermissionDeniedError),
        (404, errors.NotFoundError),
        (409, errors.ConflictError),
        (422, errors.UnprocessableEntityError),
        (429, errors.RateLimitError),
        (500, errors.InternalServerError),
        (503, errors.InternalServerError),
        (418, errors.APIStatusError),
    ],
)
def test_each_status_has_its_error_class(make_client, recorder: Recorder, status: int, kind: type) -> None:
    body = {"error": {"message": "m", "type": "t", "param": None, "code": None}}
    recorder.then(*[httpx.Response(status, json=body)] * 3)
    with pytest.raises(kind) as caught:
        delete_assistant.sync("asst_1", client=make_client(raise_on_error=True))
    assert type(caught.value) is kind


def test_a_non_json_error_body_becomes_a_typed_error_quoting_it(make_client, recorder: Recorder) -> None:
    recorder.then(
        *[httpx.Response(502, content=b"<html>Bad gateway</html>", headers={"x-request-id": "r"})] * 3
    )
    with pytest.raises(errors.InternalServerError, match="non-JSON body: <html>Bad gateway") as caught:
        get_assistant.sync("asst_1", client=make_client(raise_on_error=True))
    assert caught.value.status_code == 502 and caught.value.body is None


def test_without_raise_on_error_the_documented_error_body_is_parsed(make_client, recorder: Recorder) -> None:
    body = {
        "error": {
            "message": "No assistant found with id 'asst_1'.",
            "type": "invalid_request_error",
            "param": None,
            "code": None,
        }
    }
    recorder.then(httpx.Response(404, json=body))
    parsed = get_assistant.sync("asst_1", client=make_client())
    assert isinstance(parsed, ErrorResponse) and parsed.error.message == body["error"]["message"]


def test_without_raise_on_error_a_gateway_body_is_parsed(make_client, recorder: Recorder) -> None:
    body = {
        "status": "failure",
        "message": "Either x-portkey-config or x-portkey-provider header is required",
    }
    recorder.then(httpx.Response(400, json=body))
    parsed = create_assistant.sync(client=make_client(), body=CreateAssistantRequest(model="m"))
    assert isinstance(parsed, GatewayErrorResponse) and parsed.message == body["message"]


@pytest.mark.parametrize(
    "status, content", [(500, b"<html>oops</html>"), (520, b"{}"), (502, b""), (400, b'{"detail": 1}')]
)
def test_an_undocumented_status_or_body_never_crashes(
    make_client, recorder: Recorder, status: int, content: bytes
) -> None:
    recorder.then(*[httpx.Response(status, content=content)] * 3)
    response = get_assistant.sync_detailed("asst_1", client=make_client(max_retries=0))
    assert response.status_code == status
    assert response.content == content
    assert response.parsed is None


def test_raise_on_unexpected_status_names_an_undocumented_status(make_client, recorder: Recorder) -> None:
    recorder.then(httpx.Response(409, json={}))
    with pytest.raises(errors.UnexpectedStatus, match="409"):
        get_assistant.sync("asst_1", client=make_client(raise_on_unexpected_status=True))


@pytest.mark.anyio
async def test_async_raises_the_same_typed_error(make_client, recorder: Recorder) -> None:
    body = {
        "error": {
            "message": "Invalid 'temperature'",
            "type": "invalid_request_error",
            "param": "temperature",
            "code": "decimal_above_max_value",
        }
    }
    recorder.then(httpx.Response(400, json=body, headers={"x-request-id": "req_async"}))
    client = make_client(raise_on_error=True)
    with pytest.raises(errors.BadRequestError) as caught:
        await create_assistant.asyncio(client=client, body=CreateAssistantRequest(model="m", temperature=3))
    assert (caught.value.param, caught.value.request_id) == ("temperature", "req_async")
    await client.aclose()


DEEP = b"[" * 100_000 + b"]" * 100_000  # JSON nested far deeper than any parser recurses


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.anyio
async def test_a_success_body_nested_100000_deep_is_a_parse_error_not_a_recursion_error(
    make_client, recorder: Recorder, is_async: bool
) -> None:
    recorder.then(httpx.Response(200, content=DEEP, headers={"x-request-id": "req_deep"}))
    client = make_client()
    with pytest.raises(errors.ResponseParseError, match="nested too deeply") as caught:
        if is_async:
            await get_assistant.asyncio("asst_1", client=client)
        else:
            get_assistant.sync("asst_1", client=client)
    assert caught.value.request_id == "req_deep" and caught.value.__cause__ is None


def test_an_error_body_nested_100000_deep_is_a_typed_error(make_client, recorder: Recorder) -> None:
    recorder.then(httpx.Response(400, content=DEEP))
    with pytest.raises(errors.BadRequestError, match="nested too deeply") as caught:
        get_assistant.sync("asst_1", client=make_client(raise_on_error=True))
    assert caught.value.body is None
    recorder.then(httpx.Response(400, content=DEEP))
    response = get_assistant.sync_detailed("asst_1", client=make_client())
    assert response.status_code == 400 and response.parsed is None


def test_an_error_body_as_deep_as_the_parser_allows_is_read(make_client, recorder: Recorder) -> None:
    depth = 900  # json.loads manages this; redacting it must too
    body = (
        b'{"error": {"message": "m", "type": "t", "param": null, "code": '
        + b"[" * depth
        + b"]" * depth
        + b"}}"
    )
    recorder.then(httpx.Response(400, content=body))
    with pytest.raises(errors.BadRequestError) as caught:
        get_assistant.sync("asst_1", client=make_client(raise_on_error=True))
    assert caught.value.message == "m"
