"""Middlewares that behave correctly but impolitely-to-clients: the suite must cope, not complain."""

from __future__ import annotations

import itertools

from tests.contract._asgi import App, Request, Response, call, middleware

_counter = itertools.count()


async def _throttle_some(app: App, request: Request) -> Response:
    # Every 7th request is rate limited: a polite client waits Retry-After and sends it again.
    if "/assistants" in request.path and next(_counter) % 7 == 3:
        response = Response(429)
        response.set_json(
            {
                "error": {
                    "message": "Rate limit reached for requests.",
                    "type": "requests",
                    "param": None,
                    "code": "rate_limit_exceeded",
                }
            }
        )
        response.set_header("content-type", "application/json")
        response.set_header("retry-after", "0")
        return response
    return await call(app, request)


throttle_some = middleware(_throttle_some)


KNOWN_MODEL = "gpt-4o-mini"


async def _only_known_models(app: App, request: Request) -> Response:
    # Like a live API: a model that does not exist is refused, so --model must reach every valid body.
    body = request.json() if (request.is_create or request.is_modify) else None
    if isinstance(body, dict) and isinstance(body.get("model"), str) and body["model"] != KNOWN_MODEL:
        response = Response(400)
        response.set_json(
            {
                "error": {
                    "message": f"The model '{body['model']}' does not exist",
                    "param": "model",
                    "type": "invalid_request_error",
                    "code": "model_not_found",
                }
            }
        )
        response.set_header("content-type", "application/json")
        return response
    return await call(app, request)


only_known_models = middleware(_only_known_models)


async def _undeclared_methods_as_openai(app: App, request: Request) -> Response:
    # What OpenAI answered for a method a path does not have: 404 with its error body, no 405.
    response = await call(app, request)
    if response.status == 405:
        response = Response(404)
        response.set_json(
            {
                "error": {
                    "message": f"Invalid URL ({request.method} {request.path})",
                    "type": "invalid_request_error",
                    "param": None,
                    "code": None,
                }
            }
        )
        response.set_header("content-type", "application/json")
    return response


undeclared_methods_as_openai = middleware(_undeclared_methods_as_openai)
