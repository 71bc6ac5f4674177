from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx

from ... import errors
from ..._runtime import jsonlib, pagination
from ...client import Client
from ...models.assistant_object import AssistantObject
from ...models.error_response import ErrorResponse
from ...models.gateway_error_response import GatewayErrorResponse
from ...models.list_assistants_response import ListAssistantsResponse
from ...models.list_order import ListOrder
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order.value

    params["order"] = json_order

    params["after"] = after

    params["before"] = before

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/assistants",
        "params": params,
    }

    return _kwargs


def _parse_success(
    *, response: httpx.Response
) -> ErrorResponse | GatewayErrorResponse | ListAssistantsResponse | None:
    # Any 2xx is read as the one success the spec documents: a server that answers 201 where the
    # spec says 200 (openai-responses does) still sends the same object, and a method that returns
    # the model must not return None. raise_on_unexpected_status=True refuses it instead.
    response_200 = ListAssistantsResponse.from_dict(jsonlib.loads(response.content))

    return response_200


def _parse_failure(
    *, response: httpx.Response
) -> ErrorResponse | GatewayErrorResponse | ListAssistantsResponse | None:
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
        429,
        500,
    }
)


# What a read answer's stream becomes: httpx's own points back at the response, a reference cycle
# that keeps every answer's bytes alive until the cycle collector runs (pages pile up in a listing).
_READ = httpx.ByteStream(b"")


def _build_response(
    *, client: Client, response: httpx.Response
) -> Response[ErrorResponse | GatewayErrorResponse | ListAssistantsResponse]:
    status = response.status_code
    parsed: ErrorResponse | GatewayErrorResponse | ListAssistantsResponse | None
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


def _success_or_raise(
    *, client: Client, response: httpx.Response
) -> ListAssistantsResponse:
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
        raise client.parse_error("list_assistants", response, error) from None
    if client.raise_on_unexpected_status and status not in _DOCUMENTED_STATUSES:
        raise client.unexpected_status(response)
    return parsed


def sync_detailed(
    *,
    client: Client,
    limit: int | Unset = 20,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
) -> Response[ErrorResponse | GatewayErrorResponse | ListAssistantsResponse]:
    """List assistants

     Returns a list of assistants, newest first unless `order=asc`.

    Args:
        limit (int | Unset):  Default: 20.
        order (ListOrder | Unset): Sort order by `created_at`. Defaults to `desc`.
        after (str | Unset):
        before (str | Unset):

    Raises:
        errors.APIStatusError: On a non-2xx status when Client.raise_on_error is True (a subclass per status).
        errors.UnexpectedStatus: On an undocumented status when Client.raise_on_unexpected_status is True.
        errors.ResponseParseError: If a success response is not in the documented shape.
        errors.DeadlineExceeded: If the call takes longer than Client.deadline in all.
        errors.ResponseTooLarge: If the response body is longer than Client.max_response_bytes.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ErrorResponse | GatewayErrorResponse | ListAssistantsResponse]
    """

    kwargs = _get_kwargs(
        limit=limit,
        order=order,
        after=after,
        before=before,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: Client,
    limit: int | Unset = 20,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
) -> ErrorResponse | GatewayErrorResponse | ListAssistantsResponse | None:
    """List assistants

     Returns a list of assistants, newest first unless `order=asc`.

    Args:
        limit (int | Unset):  Default: 20.
        order (ListOrder | Unset): Sort order by `created_at`. Defaults to `desc`.
        after (str | Unset):
        before (str | Unset):

    Raises:
        errors.APIStatusError: On a non-2xx status when Client.raise_on_error is True (a subclass per status).
        errors.UnexpectedStatus: On an undocumented status when Client.raise_on_unexpected_status is True.
        errors.ResponseParseError: If a success response is not in the documented shape.
        errors.DeadlineExceeded: If the call takes longer than Client.deadline in all.
        errors.ResponseTooLarge: If the response body is longer than Client.max_response_bytes.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ErrorResponse | GatewayErrorResponse | ListAssistantsResponse
    """

    return sync_detailed(
        client=client,
        limit=limit,
        order=order,
        after=after,
        before=before,
    ).parsed


async def asyncio_detailed(
    *,
    client: Client,
    limit: int | Unset = 20,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
) -> Response[ErrorResponse | GatewayErrorResponse | ListAssistantsResponse]:
    """List assistants

     Returns a list of assistants, newest first unless `order=asc`.

    Args:
        limit (int | Unset):  Default: 20.
        order (ListOrder | Unset): Sort order by `created_at`. Defaults to `desc`.
        after (str | Unset):
        before (str | Unset):

    Raises:
        errors.APIStatusError: On a non-2xx status when Client.raise_on_error is True (a subclass per status).
        errors.UnexpectedStatus: On an undocumented status when Client.raise_on_unexpected_status is True.
        errors.ResponseParseError: If a success response is not in the documented shape.
        errors.DeadlineExceeded: If the call takes longer than Client.deadline in all.
        errors.ResponseTooLarge: If the response body is longer than Client.max_response_bytes.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ErrorResponse | GatewayErrorResponse | ListAssistantsResponse]
    """

    kwargs = _get_kwargs(
        limit=limit,
        order=order,
        after=after,
        before=before,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: Client,
    limit: int | Unset = 20,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
) -> ErrorResponse | GatewayErrorResponse | ListAssistantsResponse | None:
    """List assistants

     Returns a list of assistants, newest first unless `order=asc`.

    Args:
        limit (int | Unset):  Default: 20.
        order (ListOrder | Unset): Sort order by `created_at`. Defaults to `desc`.
        after (str | Unset):
        before (str | Unset):

    Raises:
        errors.APIStatusError: On a non-2xx status when Client.raise_on_error is True (a subclass per status).
        errors.UnexpectedStatus: On an undocumented status when Client.raise_on_unexpected_status is True.
        errors.ResponseParseError: If a success response is not in the documented shape.
        errors.DeadlineExceeded: If the call takes longer than Client.deadline in all.
        errors.ResponseTooLarge: If the response body is longer than Client.max_response_bytes.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ErrorResponse | GatewayErrorResponse | ListAssistantsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            order=order,
            after=after,
            before=before,
        )
    ).parsed


def sync_all(
    *,
    client: Client,
    limit: int | Unset = 20,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
    max_pages: int | None = None,
) -> Iterator[AssistantObject]:
    """Every item of list_assistants, page after page: follows ``after`` while ``has_more``.

    Pages are fetched lazily as the iterator is consumed; ``after`` is where to start,
    ``max_pages`` bounds the number of requests. Raises ``errors.APIStatusError`` on an error response
    and ``errors.PaginationError`` when the server's cursors do not lead to an end.
    """
    return pagination.iterate(
        lambda cursor: sync_detailed(
            client=client,
            limit=limit,
            order=order,
            after=cursor,
            before=before,
        ),
        ListAssistantsResponse,
        client=client,
        operation="list_assistants",
        after=after,
        max_pages=max_pages,
    )


def asyncio_all(
    *,
    client: Client,
    limit: int | Unset = 20,
    order: ListOrder | Unset = UNSET,
    after: str | Unset = UNSET,
    before: str | Unset = UNSET,
    max_pages: int | None = None,
) -> AsyncIterator[AssistantObject]:
    """Async twin of ``sync_all``: every item, following ``after`` while ``has_more``."""
    return pagination.aiterate(
        lambda cursor: asyncio_detailed(
            client=client,
            limit=limit,
            order=order,
            after=cursor,
            before=before,
        ),
        ListAssistantsResponse,
        client=client,
        operation="list_assistants",
        after=after,
        max_pages=max_pages,
    )
