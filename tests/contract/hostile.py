"""Middlewares around the correct mock for the CLI's hardening tests (not variants: nothing here is
a bug the self-test must catch)."""

from __future__ import annotations

from tests.contract._asgi import App, Request, Response, call, middleware, rewrite_response

ECHOED_HEADER = "api-key"


def _echo_key_upper_cased(request: Request, response: Response) -> None:
    # A server that quotes the caller's key back, upper-cased, in every refusal (and answers it 422,
    # which the spec does not declare, so that the refusals end up in the report).
    key = request.headers.get(ECHOED_HEADER, "")
    body = response.json()
    if response.status == 400 and isinstance(body, dict) and isinstance(body.get("error"), dict):
        body["error"]["message"] = f"{body['error']['message']} (key {key.upper()})"
        response.status = 422
        response.set_json(body)


echo_key_upper_cased = rewrite_response(_echo_key_upper_cased)


async def _delete_never_works(app: App, request: Request) -> Response:
    # A server without a DELETE route: every delete is "not found", and nothing is ever deleted.
    if request.method != "DELETE":
        return await call(app, request)
    response = Response(404)
    response.set_json(
        {"error": {"message": "Not found", "type": "invalid_request_error", "param": None, "code": None}}
    )
    response.set_header("content-type", "application/json")
    return response


delete_never_works = middleware(_delete_never_works)


async def _slow(app: App, request: Request) -> Response:
    # A live server's pace: every answer takes 150 ms more than the mock's.
    import asyncio

    await asyncio.sleep(0.15)
    return await call(app, request)


slow = middleware(_slow)
