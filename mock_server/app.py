"""The ASGI application: routing, the order of checks, and error answers.

Order for /v1 routes: route (404), method (405 with Allow), credentials (401), OpenAI-Beta (400),
requested faults, query parameters (400), body size (413) and time (408), content type (415),
nesting depth (400), JSON (400), body schema (400), Idempotency-Key (400), then the operation.
Every failure is an OpenAI error body; an unexpected exception is logged and answered as a 500
(the fuzz tests make sure no input gets there).
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Sequence
from typing import Any

import orjson
from assistants_spec import Meaning, Operation, ProfileView, Spec, load_spec

from . import faults as faults_mod
from .auth import Authenticator
from .config import Settings
from .errors import ApiError, method_not_allowed, server_error, unknown_route
from .handlers import Answer, Call, Handlers
from .idempotency import IdempotencyKeys
from .requests import header_map, is_json, query_map, read_body
from .shapes import Shapes
from .store import Store
from .validation import SchemaValidator, nesting_error

HEALTH_PATH = "/health"
RESET_PATH = "/_mock/reset"
# JSON nested deeper than this is refused (400 naming the field) rather than stored: the
# serializer (orjson) writes at most 254 levels, and a stored record nests a field as its request did.
MAX_JSON_DEPTH = 200

_CONTENT_TYPE = b"content-type"
_CONTENT_LENGTH = b"content-length"
_FAULT = faults_mod.HEADER.encode()

_BAD_JSON = (
    "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your "
    "HTTP library correctly. The API expects a JSON payload, but what was sent was not valid JSON.)"
)


# Response headers the mock sends as the spec declares them; the binding key is the header
# component's name (as operation ids bind handlers).
_REQUEST_ID = "#/components/headers/RequestId"
_RETRY_AFTER = "#/components/headers/RetryAfter"


def declared_header(
    spec: Spec, component: str, status: int | None = None
) -> tuple[str, dict[str, Any]] | None:
    """The name and (resolved) header object under which the spec's responses (with ``status``,
    default: success) send header ``component``, if any of them does."""
    for operation in spec.view().operations.values():
        response = operation.success if status is None else operation.response(status)
        for name, ref in (response.header_refs if response else {}).items():
            if ref == component:
                return name, response.headers[name]
    return None


def check_settings(spec: Spec, settings: Settings) -> None:
    """Refuse settings that would make the mock answer against the spec (ValueError)."""
    retry_after = declared_header(spec, _RETRY_AFTER, spec.view().status_for(Meaning.RATE_LIMITED))
    if retry_after is not None:
        schema = retry_after[1].get("schema") or {}
        if not spec.view().validator(schema).is_valid(settings.retry_after):
            raise ValueError(
                f"--retry-after {settings.retry_after} is not a {retry_after[0]} the spec allows: {schema}"
            )


class MockApp:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.spec: Spec = load_spec(settings.spec_path)
        check_settings(self.spec, settings)
        self.store = Store(
            settings.db,
            idempotency_ttl=settings.idempotency_ttl,
            idempotency_max_keys=settings.idempotency_max_keys,
        )
        self.auth = Authenticator(self.spec.security, settings.api_keys, settings.virtual_keys)
        view = self.spec.view()
        # Errors name what they mean; they are answered with the status the spec declares for it.
        self._statuses = {meaning: view.status_for(meaning) for meaning in Meaning}
        retry_after = declared_header(self.spec, _RETRY_AFTER, self._statuses[Meaning.RATE_LIMITED])
        self.faults = faults_mod.Faults(
            settings.fault_rate,
            settings.seed,
            settings.retry_after,
            retry_after[0].lower().encode() if retry_after else None,
            {str(self._statuses[m]): m for m in faults_mod.FAULTS},
        )
        rules = self.spec.idempotency
        self.keys = IdempotencyKeys(rules) if rules is not None else None
        self.handlers = Handlers(self.store, Shapes(self.spec), self.keys)
        self._beta = self.spec.beta_header.lower().encode()
        # A method a path lacks: HTTP's answer listing the path's methods when the spec allows it,
        # else the unknown-URL answer (OpenAI's own).
        self._wrong_method = self.spec.method_listing_answer
        request_id = declared_header(self.spec, _REQUEST_ID)
        self._request_id = request_id[0].lower().encode() if request_id else None
        self._wanted = self.auth.header_names | {
            _CONTENT_TYPE,
            _CONTENT_LENGTH,
            _FAULT,
            self._beta,
            *((self.keys.header,) if self.keys else ()),
        }
        # (profile, operation id) -> what reading its JSON body needs: validator, view, operation.
        self._bodies: dict[tuple[str, str], tuple[SchemaValidator, ProfileView, Operation]] = {}
        self._query_validators: dict[tuple[str, str], list[tuple[Any, SchemaValidator]]] = {}
        for name in self.spec.profiles:
            view = self.spec.view(name)
            for op in view.operations.values():
                if op.id not in self.handlers.by_operation:
                    print(
                        f"assistants-mock: operation {op.id} is not implemented; its route answers 404",
                        file=sys.stderr,
                    )
                    continue
                if op.body_schema is not None:
                    self._bodies[name, op.id] = (SchemaValidator(view.validator(op.body_schema)), view, op)
                self._query_validators[name, op.id] = [
                    (p, SchemaValidator(view.validator(p.schema))) for p in op.query_parameters
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
        extra: Sequence[tuple[bytes, bytes]] = ()
        try:
            answer = await self._dispatch(scope, receive)
            status, body, extra = answer.status, answer.body, answer.headers
        except ApiError as error:
            status, body, extra = self._status(error.status), error.body(), error.headers
        except Exception:  # noqa: BLE001 - last resort: a bug still gets the OpenAI error body
            traceback.print_exc(file=sys.stderr)
            error = server_error()
            status, body = self._status(error.status), error.body()
        try:
            await send(
                {"type": "http.response.start", "status": status, "headers": self._headers(body, extra)}
            )
            await send({"type": "http.response.body", "body": body})
        except Exception:  # noqa: BLE001, S110 - send failed: the client left, nobody is left to tell
            pass

    def _status(self, status: Meaning | int) -> int:
        return self._statuses[status] if isinstance(status, Meaning) else status

    def _headers(self, body: bytes, extra: Sequence[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        if self._request_id is not None:
            headers.append((self._request_id, b"req_" + os.urandom(12).hex().encode()))
        return [*headers, *extra]

    async def _dispatch(self, scope: dict, receive) -> Answer:
        path: str = scope["path"]
        method: str = scope["method"]
        if path == HEALTH_PATH:
            if method != "GET":
                raise self._method_not_allowed(method, path, ["GET"])
            return Answer(200, b'{"status":"ok"}')
        if path == RESET_PATH:
            if method != "POST":
                raise self._method_not_allowed(method, path, ["POST"])
            await self.store.reset()
            return Answer(200, b'{"reset":true}')
        api_path = self.spec.api_path(path)
        match = self.spec.view().match(method, api_path) if api_path is not None else None
        if match is None or not match.path_known:
            raise unknown_route(method, path)
        if match.operation is None:
            raise self._method_not_allowed(method, path, sorted(match.allowed))
        operation_id, path_params = match.operation.id, match.path_params
        handler = self.handlers.by_operation.get(operation_id)
        if handler is None:
            raise unknown_route(method, path)

        headers = header_map(scope, self._wanted)
        tenant = self.auth.tenant(headers)
        profile = self._profile(headers.get(self._beta))
        fault = headers.get(_FAULT)
        if fault is not None or self.settings.fault_rate:
            await self.faults.apply(fault)
        query = self._query(profile, operation_id, scope)
        body = None
        reading = self._bodies.get((profile, operation_id))
        if reading is not None:
            body = await self._body(receive, headers, *reading)
        once = None
        if self.keys is not None and self.keys.rules.applies_to(method):
            once = self.keys.once(headers.get(self.keys.header), operation_id, profile, path_params, body)
        return await handler(Call(operation_id, tenant, profile, path_params, query, body, once))

    def _method_not_allowed(self, method: str, path: str, allowed: list[str]) -> ApiError:
        if self._wrong_method is None:
            return unknown_route(method, path)
        return method_not_allowed(method, path, allowed, self._wrong_method)

    def _profile(self, value: str | None) -> str:
        profile = self.spec.profile_for_header(value)
        if profile is not None:
            return profile
        name = self.spec.beta_header
        expected = self.spec.beta_value()
        if value is None:
            message = (
                f"You must provide the '{name}' header to access the Assistants API. "
                f"Please try again by setting the header '{name}: {expected}'."
            )
        else:
            known = ", ".join(self.spec.beta_value(p) for p in self.spec.profiles)
            message = f"Invalid '{name}' header value {value[:80]!r}; expected one of: {known}."
        raise ApiError(Meaning.INVALID_REQUEST, message, code="invalid_beta")

    def _query(self, profile: str, operation_id: str, scope: dict) -> dict[str, Any]:
        validators = self._query_validators.get((profile, operation_id))
        if not validators:
            return {}
        raw = query_map(scope)
        values: dict[str, Any] = {}
        for parameter, validator in validators:
            if parameter.name in raw:
                value = parameter.coerce(raw[parameter.name])
                error = validator.error(value, [parameter.name])
                if error is not None:
                    raise error
                values[parameter.name] = value
            elif "default" in parameter.schema:
                values[parameter.name] = parameter.schema["default"]
            elif parameter.required:
                raise ApiError(
                    Meaning.INVALID_REQUEST,
                    f"Missing required parameter: '{parameter.name}'.",
                    param=parameter.name,
                    code="missing_required_parameter",
                )
        return values

    async def _body(
        self, receive, headers, validator: SchemaValidator, view: ProfileView, operation: Operation
    ) -> Any:
        raw = await read_body(
            receive, self.settings.max_body_bytes, headers.get(_CONTENT_LENGTH), self.settings.body_timeout
        )
        content_type = headers.get(_CONTENT_TYPE)
        if raw and not is_json(content_type):
            raise ApiError(
                Meaning.UNSUPPORTED_MEDIA_TYPE,
                f"Unsupported Content-Type {content_type[:80]!r}: send a JSON body with "
                "'Content-Type: application/json' (with curl: -H 'Content-Type: application/json').",
                code="unsupported_media_type",
            )
        if not raw.strip():
            if operation.body_required:
                raise ApiError(
                    Meaning.INVALID_REQUEST, "A JSON request body is required.", code="missing_body"
                )
            return {}
        too_deep = nesting_error(view, operation.body_schema, raw, MAX_JSON_DEPTH)
        if too_deep is not None:
            raise too_deep
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError:
            raise ApiError(Meaning.INVALID_REQUEST, _BAD_JSON, code="invalid_json") from None
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
