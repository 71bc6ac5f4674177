"""The ASGI application: routing, the order of checks, and error answers.

Order for /v1 routes: route (404), method (405 with Allow), credentials (401), OpenAI-Beta (400),
requested faults, query parameters (400), body size (413), content type (415), JSON (400), body
schema (400), then the operation. Every failure is an OpenAI error body; an unexpected exception
is logged and answered as a 500 (the fuzz tests make sure no input gets there).
"""

from __future__ import annotations

import os
import sys
import traceback
from typing import Any

import orjson

from . import faults as faults_mod
from .auth import Authenticator
from .config import Settings
from .contract import Contract, Route, load_contract
from .errors import ApiError, method_not_allowed, server_error, unknown_route
from .handlers import Handlers
from .requests import header_map, is_json, query_map, read_body
from .shapes import Shapes
from .store import Store
from .validation import SchemaValidator, coerce_query_value

HEALTH_PATH = "/health"
RESET_PATH = "/_mock/reset"

_AUTHORIZATION = b"authorization"
_PORTKEY_KEY = b"x-portkey-api-key"
_VIRTUAL_KEY = b"x-portkey-virtual-key"
_CONTENT_TYPE = b"content-type"
_CONTENT_LENGTH = b"content-length"
_FAULT = faults_mod.HEADER.encode()

_BAD_JSON = (
    "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your "
    "HTTP library correctly. The API expects a JSON payload, but what was sent was not valid JSON.)"
)


def _json_headers(body: bytes, extra: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    return [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"x-request-id", b"req_" + os.urandom(12).hex().encode()),
        *extra,
    ]


class MockApp:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.contract: Contract = load_contract(settings.spec_path)
        self.store = Store(settings.db)
        self.auth = Authenticator(settings.api_keys, settings.virtual_keys)
        self.faults = faults_mod.Faults(settings.fault_rate, settings.seed, settings.retry_after)
        self.handlers = Handlers(self.store, Shapes(self.contract))
        self._beta = self.contract.beta_header.lower().encode()
        self._wanted = frozenset(
            {_AUTHORIZATION, _PORTKEY_KEY, _VIRTUAL_KEY, _CONTENT_TYPE, _CONTENT_LENGTH, _FAULT, self._beta}
        )
        self._body_validators: dict[tuple[str, str], SchemaValidator] = {}
        self._query_validators: dict[tuple[str, str], list[tuple[Any, SchemaValidator]]] = {}
        for profile in self.contract.profiles.values():
            for op in profile.operations.values():
                if op.operation_id not in self.handlers.by_operation:
                    print(
                        f"assistants-mock: operation {op.operation_id} is not implemented; "
                        "its route answers 404",
                        file=sys.stderr,
                    )
                    continue
                if op.body_schema is not None:
                    self._body_validators[profile.name, op.operation_id] = SchemaValidator(
                        profile.document, op.body_schema
                    )
                self._query_validators[profile.name, op.operation_id] = [
                    (p, SchemaValidator(profile.document, p.schema))
                    for p in op.parameters
                    if p.location == "query"
                ]

    async def __call__(self, scope: dict, receive, send) -> None:
        kind = scope["type"]
        if kind == "http":
            await self._http(scope, receive, send)
        elif kind == "lifespan":
            await self._lifespan(receive, send)

    async def _lifespan(self, receive, send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                self.store.close()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _http(self, scope: dict, receive, send) -> None:
        extra: list[tuple[bytes, bytes]] = []
        try:
            status, body = await self._dispatch(scope, receive)
        except ApiError as error:
            status, body, extra = error.status, error.body(), error.headers
        except Exception:  # noqa: BLE001 - last resort: a bug still gets the OpenAI error body
            traceback.print_exc(file=sys.stderr)
            error = server_error()
            status, body = error.status, error.body()
        try:
            await send(
                {"type": "http.response.start", "status": status, "headers": _json_headers(body, extra)}
            )
            await send({"type": "http.response.body", "body": body})
        except Exception:  # noqa: BLE001, S110 - send failed: the client left, nobody is left to tell
            pass

    async def _dispatch(self, scope: dict, receive) -> tuple[int, bytes]:
        path: str = scope["path"]
        method: str = scope["method"]
        if path == HEALTH_PATH:
            if method != "GET":
                raise method_not_allowed(method, path, ["GET"])
            return 200, b'{"status":"ok"}'
        if path == RESET_PATH:
            if method != "POST":
                raise method_not_allowed(method, path, ["POST"])
            await self.store.reset()
            return 200, b'{"reset":true}'
        route, path_params = self._match(path)
        if route is None:
            raise unknown_route(method, path)
        operation_id = route.operations.get(method)
        if operation_id is None:
            raise method_not_allowed(method, path, sorted(route.operations))
        handler = self.handlers.by_operation.get(operation_id)
        if handler is None:
            raise unknown_route(method, path)

        headers = header_map(scope, self._wanted)
        tenant = self.auth.tenant(
            headers.get(_AUTHORIZATION), headers.get(_PORTKEY_KEY), headers.get(_VIRTUAL_KEY)
        )
        profile = self._profile(headers.get(self._beta))
        fault = headers.get(_FAULT)
        if fault is not None or self.settings.fault_rate:
            await self.faults.apply(fault)
        query = self._query(profile, operation_id, scope)
        body = None
        validator = self._body_validators.get((profile, operation_id))
        if validator is not None:
            body = await self._body(scope, receive, headers, validator, profile, operation_id)
        return await handler(tenant, profile, path_params, query, body)

    def _match(self, path: str) -> tuple[Route | None, dict[str, str]]:
        for route in self.contract.routes:
            match = route.pattern.match(path)
            if match is not None:
                return route, match.groupdict()
        return None, {}

    def _profile(self, value: str | None) -> str:
        profile = self.contract.profile_for_header(value)
        if profile is not None:
            return profile
        name = self.contract.beta_header
        expected = self.contract.profiles[self.contract.default_profile].header_value
        if value is None:
            message = (
                f"You must provide the '{name}' header to access the Assistants API. "
                f"Please try again by setting the header '{name}: {expected}'."
            )
        else:
            known = ", ".join(p.header_value for p in self.contract.profiles.values())
            message = f"Invalid '{name}' header value {value[:80]!r}; expected one of: {known}."
        raise ApiError(400, message, code="invalid_beta")

    def _query(self, profile: str, operation_id: str, scope: dict) -> dict[str, Any]:
        validators = self._query_validators.get((profile, operation_id))
        if not validators:
            return {}
        raw = query_map(scope)
        values: dict[str, Any] = {}
        for parameter, validator in validators:
            if parameter.name in raw:
                value = coerce_query_value(raw[parameter.name], parameter.schema)
                error = validator.error(value, [parameter.name])
                if error is not None:
                    raise error
                values[parameter.name] = value
            elif "default" in parameter.schema:
                values[parameter.name] = parameter.schema["default"]
            elif parameter.required:
                raise ApiError(
                    400,
                    f"Missing required parameter: '{parameter.name}'.",
                    param=parameter.name,
                    code="missing_required_parameter",
                )
        return values

    async def _body(self, scope, receive, headers, validator: SchemaValidator, profile, operation_id) -> Any:
        raw = await read_body(receive, self.settings.max_body_bytes, headers.get(_CONTENT_LENGTH))
        content_type = headers.get(_CONTENT_TYPE)
        if raw and not is_json(content_type):
            raise ApiError(
                415,
                f"Unsupported Content-Type {content_type[:80]!r}: send a JSON body with "
                "'Content-Type: application/json' (with curl: -H 'Content-Type: application/json').",
                code="unsupported_media_type",
            )
        if not raw.strip():
            required = self.contract.profiles[profile].operations[operation_id].body_required
            if required:
                raise ApiError(400, "A JSON request body is required.", code="missing_body")
            return {}
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError:
            raise ApiError(400, _BAD_JSON, code="invalid_json") from None
        error = validator.error(data)
        if error is not None:
            raise error
        return data


def create_app(settings: Settings | None = None):
    """A plain ASGI 3 callable serving the spec's routes with state in ``settings.db``."""
    mock = MockApp(settings or Settings())

    async def app(scope: dict, receive, send) -> None:
        await mock(scope, receive, send)

    app.mock = mock  # the state behind the callable, for tests and tools
    return app
