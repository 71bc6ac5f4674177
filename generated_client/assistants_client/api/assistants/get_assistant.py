import re
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ..._runtime import jsonlib
from ...client import Client
from ...models.assistant_object import AssistantObject
from ...models.error_response import ErrorResponse
from ...models.gateway_error_response import GatewayErrorResponse
from ...types import Response

_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]+")


def _path_segment(value: Any) -> str:
    """A path parameter, percent-encoded; ids such as asst_abc123 need none (quote() costs ~1 us)."""
    text = str(value)
    return text if _UNRESERVED.fullmatch(text) else quote(text, safe="")


def _get_kwargs(
    assistant_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": f"/assistants/{_path_segment(assistant_id)}",
    }

    return _kwargs


def _parse_success(
    *, response: httpx.Response
) -> AssistantObject | ErrorResponse | GatewayErrorResponse | None:
    # Any 2xx is read as the one success the spec documents: a server that answers 201 where the
    # spec says 200 (openai-responses does) still sends the same object, and a method that returns
    # the model must not return None. raise_on_unexpected_status=True refuses it instead.
    response_200 = AssistantObject.from_dict(jsonlib.loads(response.content))

    return response_200


def _parse_failure(
    *, response: httpx.Response
) -> AssistantObject | ErrorResponse | GatewayErrorResponse | None:
    if response.status_code == 400:
        _response_400_data = jsonlib.loads(response.content)
        response_400: ErrorResponse | GatewayErrorResponse
        if isinstance(_response_400_data, dict):
            for _candidate in (ErrorResponse,):
                try:
                    response_400 = _candidate.from_dict(_response_400_data)
                    break
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            else:
                response_400 = GatewayErrorResponse.from_dict(_response_400_data)
        else:
            response_400 = _response_400_data

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(jsonlib.loads(response.content))

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(jsonlib.loads(response.content))

        return response_404

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(jsonlib.loads(response.content))

        return response_429

    if response.status_code == 500:
        _response_500_data = jsonlib.loads(response.content)
        response_500: ErrorResponse | GatewayErrorResponse
        if isinstance(_response_500_data, dict):
            for _candidate in (ErrorResponse,):
                try:
                    response_500 = _candidate.from_dict(_response_500_data)
                    break
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
            else:
                response_500 = GatewayErrorResponse.from_dict(_response_500_data)
        else:
            response_500 = _response_500_data

        return response_500

    return None


_DOCUMENTED_STATUSES = frozenset(
    {
        200,
        400,
        401,
        404,
        429,
        500,
    }
)


# What a read answer's stream becomes: httpx's own points back at the response, a reference cycle
# that keeps every answer's bytes alive until the cycle collector runs (pages pile up in a listing).
_READ = httpx.ByteStream(b"")


def _build_response(
    *, client: Client, response: httpx.Response
) -> Response[AssistantObject | ErrorResponse | GatewayErrorResponse]:
    status = response.status_code
    parsed: AssistantObject | ErrorResponse | GatewayErrorResponse | None
    if 200 <= status <= 299:
        parsed = _success_or_raise(client=client, response=response)
    elif client.raise_on_error:
        raise client.error_for(response)
    else:
        response.stream = _READ
        try:
            parsed = _parse_failure(response=response)
        except errors.PARSE_ERRORS:
            # Not the documented error body (e.g. an HTML page from a proxy): the raw content stays.
            parsed = None
        if client.raise_on_unexpected_status and status not in _DOCUMENTED_STATUSES:
            raise client.unexpected_status(response)
    return Response(
        status_code=status,
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def _success_or_raise(*, client: Client, response: httpx.Response) -> AssistantObject:
    """The 2xx body (for ``_build_response``, and for the methods bound to a client,
    ``client.``, which return no ``Response``); any other status raises."""
    status = response.status_code
    response.stream = _READ
    if not 200 <= status <= 299:
        raise client.error_for(response)
    parsed: Any
    try:
        parsed = _parse_success(response=response)
    except errors.PARSE_ERRORS as error:
        raise client.parse_error("get_assistant", response, error) from None
    if client.raise_on_unexpected_status and status not in _DOCUMENTED_STATUSES:
        raise client.unexpected_status(response)
    return parsed


def sync_detailed(
    assistant_id: str,
    *,
    client: Client,
) -> Response[AssistantObject | ErrorResponse | GatewayErrorResponse]:
    """Retrieve an assistant

    Args:
        assistant_id (str):

    Raises:
        errors.APIStatusError: On a non-2xx status when Client.raise_on_error is True (a subclass per status).
        errors.UnexpectedStatus: On an undocumented status when Client.raise_on_unexpected_status is True.
        errors.ResponseParseError: If a success response is not in the documented shape.
        errors.DeadlineExceeded: If the call takes longer than Client.deadline in all.
        errors.ResponseTooLarge: If the response body is longer than Client.max_response_bytes.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssistantObject | ErrorResponse | ErrorResponse | GatewayErrorResponse]
    """

    kwargs = _get_kwargs(
        assistant_id=assistant_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    assistant_id: str,
    *,
    client: Client,
) -> AssistantObject | ErrorResponse | GatewayErrorResponse | None:
    """Retrieve an assistant

    Args:
        assistant_id (str):

    Raises:
        errors.APIStatusError: On a non-2xx status when Client.raise_on_error is True (a subclass per status).
        errors.UnexpectedStatus: On an undocumented status when Client.raise_on_unexpected_status is True.
        errors.ResponseParseError: If a success response is not in the documented shape.
        errors.DeadlineExceeded: If the call takes longer than Client.deadline in all.
        errors.ResponseTooLarge: If the response body is longer than Client.max_response_bytes.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssistantObject | ErrorResponse | ErrorResponse | GatewayErrorResponse
    """

    return sync_detailed(
        assistant_id=assistant_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    assistant_id: str,
    *,
    client: Client,
) -> Response[AssistantObject | ErrorResponse | GatewayErrorResponse]:
    """Retrieve an assistant

    Args:
        assistant_id (str):

    Raises:
        errors.APIStatusError: On a non-2xx status when Client.raise_on_error is True (a subclass per status).
        errors.UnexpectedStatus: On an undocumented status when Client.raise_on_unexpected_status is True.
        errors.ResponseParseError: If a success response is not in the documented shape.
        errors.DeadlineExceeded: If the call takes longer than Client.deadline in all.
        errors.ResponseTooLarge: If the response body is longer than Client.max_response_bytes.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssistantObject | ErrorResponse | ErrorResponse | GatewayErrorResponse]
    """

    kwargs = _get_kwargs(
        assistant_id=assistant_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    assistant_id: str,
    *,
    client: Client,
) -> AssistantObject | ErrorResponse | GatewayErrorResponse | None:
    """Retrieve an assistant

    Args:
        assistant_id (str):

    Raises:
        errors.APIStatusError: On a non-2xx status when Client.raise_on_error is True (a subclass per status).
        errors.UnexpectedStatus: On an undocumented status when Client.raise_on_unexpected_status is True.
        errors.ResponseParseError: If a success response is not in the documented shape.
        errors.DeadlineExceeded: If the call takes longer than Client.deadline in all.
        errors.ResponseTooLarge: If the response body is longer than Client.max_response_bytes.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssistantObject | ErrorResponse | ErrorResponse | GatewayErrorResponse
    """

    return (
        await asyncio_detailed(
            assistant_id=assistant_id,
            client=client,
        )
    ).parsed
