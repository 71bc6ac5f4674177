"""The spec model: operations, routes, parameters, responses and compiled validators, per profile.

``Spec`` is built from one document file; ``Spec.view(profile)`` is that document as a given
``OpenAI-Beta`` profile sees it. The mock, the suite, the generator and the tests all ask these
objects; none of them walks the raw document.
"""

from __future__ import annotations

import functools
import pathlib
import re
import threading
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import jsonschema_rs
import yaml

from .beta_profiles import Profiles
from .idempotency import Idempotency
from .resources import Resource, find_resources
from .schemas import SchemaReader, coerce_text, escape, pointer, resolve
from .security import Security
from .statuses import Meaning, http_status, meaning

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
UNDECLARED_METHODS = "x-undeclared-methods"


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str  # "query", "header" or "path"
    required: bool
    schema: dict[str, Any]  # resolved
    description: str = ""
    set_by_client: bool = False  # x-set-by-client: the client sets it once, not per call

    def coerce(self, raw: str) -> Any:
        """The value as sent (text) as the JSON type the parameter's schema asks for."""
        return coerce_text(raw, self.schema)


@dataclass(frozen=True)
class Response:
    status: str  # "200", "4XX", "default"
    description: str
    schema: dict[str, Any] | None  # application/json schema, unresolved (may be a $ref)
    schema_pointer: str | None  # JSON pointer of that schema inside the profile's document
    headers: dict[str, dict[str, Any]]  # header name -> resolved header object
    header_refs: dict[str, str]  # header name -> the $ref it was written as, if any


@dataclass(frozen=True)
class Operation:
    id: str
    method: str  # upper case
    path: str  # template relative to the API root, e.g. /assistants/{assistant_id}
    parameters: tuple[Parameter, ...] = field(repr=False)
    body_schema: dict[str, Any] | None = field(repr=False)  # application/json schema, unresolved
    body_required: bool = field(repr=False)
    responses: dict[str, Response] = field(repr=False)
    deprecated: bool = field(repr=False)
    raw: dict[str, Any] = field(repr=False)
    # Example values the spec gives for the JSON body: the media's examples, then the schema's.
    body_examples: tuple[Any, ...] = field(default=(), repr=False)

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def query_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "query")

    @property
    def path_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "path")

    def parameter(self, name: str, location: str = "query") -> Parameter:
        for parameter in self.parameters:
            if parameter.name == name and parameter.location == location:
                return parameter
        raise KeyError(f"{self.id} has no {location} parameter {name!r}")

    def url_path(self, *values: str, **named: str) -> str:
        """The path with its parameters filled in (positionally, in template order, or by name)."""
        names = re.findall(r"\{([^}]+)\}", self.path)
        given = dict(zip(names, values, strict=False)) | named
        missing = [n for n in names if n not in given]
        if missing:
            raise TypeError(f"{self.id}: no value for path parameter(s) {missing}")
        return re.sub(r"\{([^}]+)\}", lambda m: str(given[m.group(1)]), self.path)

    def response(self, status: int | str) -> Response | None:
        """The documented response for a status (exact, then ``4XX``-style, then ``default``)."""
        status = str(status)
        return (
            self.responses.get(status)
            or self.responses.get(f"{status[0]}XX")
            or self.responses.get("default")
        )

    @property
    def success(self) -> Response:
        """The first documented 2xx response."""
        return next(r for s, r in sorted(self.responses.items()) if s.startswith("2"))

    @property
    def success_status(self) -> int:
        return int(self.success.status)

    def statuses(self, *meanings: Meaning) -> tuple[int, ...]:
        """The statuses this operation declares that mean one of ``meanings`` (e.g. the declared
        refusals of credentials), in order; ranges (``4XX``) and ``default`` name no single status."""
        return tuple(sorted(int(s) for s in self.responses if s.isdigit() and meaning(int(s)) in meanings))


@dataclass(frozen=True)
class Match:
    """Where a request lands: the operation, its path parameters, and what the path allows."""

    operation: Operation | None
    path_params: dict[str, str]
    path_known: bool  # some route has this path (a wrong method then is not an unknown URL)
    allowed: tuple[str, ...]  # methods the path has (upper case), for an Allow header


@dataclass(frozen=True)
class UndeclaredMethodAnswer:
    """One answer ``x-undeclared-methods`` allows to a method a declared path does not have."""

    status: int
    schema: str | None  # pointer of the body schema the answer must have, if any
    headers: dict[str, dict[str, Any]]  # header name -> its declaration (required, lists, description)

    @property
    def required_headers(self) -> tuple[str, ...]:
        return tuple(name for name, header in self.headers.items() if header.get("required"))

    @property
    def methods_header(self) -> str | None:
        """The header listing the methods the path declares (HTTP's ``Allow``), if the answer has one."""
        return next((n for n, h in self.headers.items() if h.get("lists") == "declared-methods"), None)


@dataclass(frozen=True)
class _Route:
    template: str
    pattern: re.Pattern[str]
    operations: dict[str, Operation]  # METHOD -> operation


class Validator:
    """A compiled JSON Schema (draft 2020-12) validator for one schema of a profile's document."""

    def __init__(self, document: dict[str, Any], schema: dict[str, Any]) -> None:
        # The document's components sit beside the schema, so `#/components/...` references resolve
        # inside it without copying any schema.
        self.schema = schema
        self.root = {**schema, "components": document["components"]}
        self.compiled = jsonschema_rs.Draft202012Validator(self.root)

    def is_valid(self, value: Any) -> bool:
        return self.compiled.is_valid(value)

    def errors(self, value: Any) -> list[Any]:
        return list(self.compiled.iter_errors(value))

    def first_error(self, value: Any) -> Any | None:
        return next(iter(self.compiled.iter_errors(value)), None)


class ProfileView(SchemaReader):
    """The spec as one profile sees it: its document, operations, routes and validators."""

    def __init__(self, spec: Spec, name: str) -> None:
        super().__init__(spec.profiles_block.derive(spec.raw, name))
        self.spec = spec
        self.name = name
        self.header_value = spec.profiles_block.header_value(name)
        self.operations: dict[str, Operation] = {}
        self._routes: list[_Route] = []
        for template, item in self.document["paths"].items():
            by_method = {}
            for method in METHODS:
                if isinstance(item.get(method), dict):
                    operation = self._operation(template, item, method)
                    self.operations[operation.id] = operation
                    by_method[operation.method] = operation
            self._routes.append(_Route(template, _template_regex(template), by_method))
        self._validators: dict[Any, Validator] = {}
        self._unions: dict[frozenset[Meaning], dict[str, Any]] = {}
        self._lock = threading.Lock()

    def _operation(self, template: str, item: dict[str, Any], method: str) -> Operation:
        raw = item[method]
        parameters = []
        for written in [*(item.get("parameters") or []), *(raw.get("parameters") or [])]:
            p = self.resolve(written)
            parameters.append(
                Parameter(
                    name=p["name"],
                    location=p["in"],
                    required=bool(p.get("required", False)),
                    schema=self.resolve(p.get("schema") or {}),
                    description=p.get("description", ""),
                    set_by_client=bool(p.get("x-set-by-client", False)),
                )
            )
        body = self.resolve(raw.get("requestBody") or {})
        media = (body.get("content") or {}).get("application/json") or {}
        examples = [self.resolve(e).get("value") for e in (media.get("examples") or {}).values()]
        if "example" in media:
            examples.append(media["example"])
        examples += self.resolve(media.get("schema") or {}).get("examples") or []
        examples = [e for i, e in enumerate(examples) if e not in examples[:i]]
        responses = {}
        for status, written in (raw.get("responses") or {}).items():
            response = self.resolve(written)
            json_media = (response.get("content") or {}).get("application/json")
            if json_media is None:
                schema, where = None, None
            elif isinstance(written, dict) and "$ref" in written:
                schema, where = (
                    json_media.get("schema"),
                    written["$ref"] + "/content/application~1json/schema",
                )
            else:
                schema = json_media.get("schema")
                where = (
                    f"#/paths/{escape(template)}/{method}/responses/{escape(str(status))}"
                    "/content/application~1json/schema"
                )
            headers_written = response.get("headers") or {}
            responses[str(status)] = Response(
                status=str(status),
                description=response.get("description", ""),
                schema=schema,
                schema_pointer=where,
                headers={name: self.resolve(h) for name, h in headers_written.items()},
                header_refs={
                    name: h["$ref"]
                    for name, h in headers_written.items()
                    if isinstance(h, dict) and "$ref" in h
                },
            )
        return Operation(
            id=raw["operationId"],
            method=method.upper(),
            path=template,
            parameters=tuple(parameters),
            body_schema=media.get("schema"),
            body_required=bool(body.get("required", False)),
            responses=responses,
            deprecated=bool(raw.get("deprecated", False)),
            raw=raw,
            body_examples=tuple(examples),
        )

    # -- operations and routes ------------------------------------------------------------------
    def operation(self, operation_id: str) -> Operation:
        try:
            return self.operations[operation_id]
        except KeyError:
            raise KeyError(f"the spec has no operation {operation_id!r}") from None

    def match(self, method: str, path: str) -> Match:
        """The operation serving ``method path``; ``path`` is relative to the API root
        (``/assistants/asst_1``; see ``Spec.api_path`` to strip the spec's base path)."""
        for route in self._routes:
            found = route.pattern.fullmatch(path)
            if found is not None:
                return Match(
                    operation=route.operations.get(method.upper()),
                    path_params=found.groupdict(),
                    path_known=True,
                    allowed=tuple(route.operations),
                )
        return Match(None, {}, False, ())

    # -- resources ------------------------------------------------------------------------------
    @functools.cached_property
    def resources(self) -> tuple[Resource, ...]:
        """The collections this profile serves, with their operations by HTTP method (see resources.py)."""
        return find_resources(self)

    def resource_of(self, operation: Operation) -> Resource | None:
        """The resource an operation belongs to (create, list, read, modify or delete), if any."""
        return self._resource_by_operation.get(operation.id)

    @functools.cached_property
    def _resource_by_operation(self) -> dict[str, Resource]:
        return {
            op.id: r for r in self.resources for op in self.operations.values() if r.kind_of(op) is not None
        }

    # -- schemas ----------------------------------------------------------------------------------
    def component(self, name: str) -> dict[str, Any]:
        return self.document["components"]["schemas"][name]

    def request_schema(self, operation_id: str) -> dict[str, Any]:
        """The resolved JSON body schema of an operation."""
        schema = self.operation(operation_id).body_schema
        if schema is None:
            raise KeyError(f"{operation_id} takes no JSON body")
        return self.resolve(schema)

    def response_schema(self, operation_id: str, status: int | str | None = None) -> dict[str, Any]:
        """The resolved JSON schema of an operation's answer (default: its success answer)."""
        operation = self.operation(operation_id)
        response = operation.success if status is None else operation.response(status)
        if response is None or response.schema is None:
            raise KeyError(f"{operation_id} documents no JSON answer for {status}")
        return self.resolve(response.schema)

    def validator(self, schema: dict[str, Any] | str) -> Validator:
        """A compiled validator for a schema of this document, or for a pointer (``#/components/...``).

        Compiled once per schema object (or pointer) and kept for the life of the view.
        """
        key: Any = schema if isinstance(schema, str) else id(schema)
        found = self._validators.get(key)
        if found is not None and (isinstance(schema, str) or found.schema is schema):
            return found
        with self._lock:
            found = self._validators.get(key)
            if found is None or (not isinstance(schema, str) and found.schema is not schema):
                # A pointer is followed here: the compiled root holds only the components, not the paths.
                wanted = pointer(self.document, schema) if isinstance(schema, str) else schema
                found = self._validators[key] = Validator(self.document, wanted)
            return found

    def statuses(self, *meanings: Meaning) -> tuple[int, ...]:
        """The statuses any operation declares that mean one of ``meanings``."""
        return tuple(sorted({s for op in self.operations.values() for s in op.statuses(*meanings)}))

    def status_for(self, meaning: Meaning) -> int:
        """The status to answer with for ``meaning``: the one the operations declare (the lowest when
        they declare several), else HTTP's own (``statuses.http_status``)."""
        declared = self.statuses(meaning)
        return declared[0] if declared else http_status(meaning)

    def answer_schemas(self, *meanings: Meaning) -> tuple[Any, ...]:
        """The distinct schemas the spec declares for answers meaning one of ``meanings``, over all
        operations, with unions (``oneOf``/``anyOf``) taken apart into their members."""
        found: list[Any] = []
        for operation in self.operations.values():
            for status in operation.statuses(*meanings):
                schema = operation.responses[str(status)].schema
                if schema is None:
                    continue
                resolved = self.resolve(schema)
                members = [m for key in ("oneOf", "anyOf") for m in resolved.get(key, [])] or [schema]
                found += [m for m in members if m not in found]
        return tuple(found)

    def answers_validator(self, *meanings: Meaning) -> Validator:
        """A validator accepting any body the spec declares for answers meaning one of ``meanings``
        (e.g. every error body: what an undeclared error status should look like too)."""
        key = frozenset(meanings)
        with self._lock:
            union = self._unions.get(key)
            if union is None:
                union = self._unions[key] = {"anyOf": list(self.answer_schemas(*meanings))}
        return self.validator(union)

    def body_validator(self, operation_id: str) -> Validator | None:
        schema = self.operation(operation_id).body_schema
        return None if schema is None else self.validator(schema)

    def response_validator(self, operation_id: str, status: int | str) -> Validator | None:
        response = self.operation(operation_id).response(status)
        if response is None or response.schema_pointer is None:
            return None
        return self.validator(response.schema_pointer)


def _template_regex(template: str) -> re.Pattern[str]:
    regex = ""
    for literal, name in re.findall(r"([^{]*)(?:\{([^}]+)\})?", template):
        regex += re.escape(literal)
        if name:
            regex += f"(?P<{name}>[^/]+)"
    return re.compile(regex)


# libyaml's safe loader reads the spec 4x faster than the pure-Python one (same result); every
# process of a run (the suite, the mock, each test's children) loads the spec once at start.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Spec:
    """One spec document and everything derived from it. Build with ``Spec.load(path)``."""

    def __init__(self, raw: dict[str, Any], path: pathlib.Path | None = None) -> None:
        if not isinstance(raw, dict) or "paths" not in raw or "components" not in raw:
            raise ValueError(f"{path or 'the document'} is not an OpenAPI document with paths and components")
        self.raw = raw
        self.path = path
        self.profiles_block = Profiles(raw)
        self.security = Security(raw)
        self._views: dict[str, ProfileView] = {}
        self._lock = threading.Lock()

    @classmethod
    def load(cls, path: str | pathlib.Path) -> Spec:
        path = pathlib.Path(path)
        with path.open(encoding="utf-8") as fh:
            return cls(yaml.load(fh, Loader=_SAFE_LOADER), path.resolve())

    # -- profiles -------------------------------------------------------------------------------
    @property
    def profiles(self) -> tuple[str, ...]:
        return self.profiles_block.names

    @property
    def default_profile(self) -> str:
        return self.profiles_block.default

    @property
    def beta_header(self) -> str:
        return self.profiles_block.header

    def beta_value(self, profile: str | None = None) -> str:
        return self.profiles_block.header_value(profile)

    def profile_for_header(self, value: str | None) -> str | None:
        return self.profiles_block.for_header(value)

    def view(self, profile: str | None = None) -> ProfileView:
        name = self.profiles_block.check(profile)
        with self._lock:
            if name not in self._views:
                self._views[name] = ProfileView(self, name)
            return self._views[name]

    def document(self, profile: str | None = None) -> dict[str, Any]:
        """A fresh copy of the document under ``profile``, for tools that take a whole document."""
        return self.profiles_block.derive(self.raw, profile)

    def dump(self, profile: str | None = None) -> str:
        """The document under ``profile`` as YAML text, for tools that take a file."""
        return yaml.safe_dump(self.document(profile), sort_keys=False, allow_unicode=True, width=120)

    # -- where the API lives ----------------------------------------------------------------------
    @functools.cached_property
    def base_path(self) -> str:
        """The path every server URL shares (``/v1``), from the first server."""
        servers = self.raw.get("servers") or [{"url": "/"}]
        return urlsplit(servers[0]["url"]).path.rstrip("/")

    def api_path(self, path: str) -> str | None:
        """``path`` relative to the API root when it lies under the spec's base path, else None."""
        base = self.base_path
        if not base:
            return path
        if path == base or path.startswith(base + "/"):
            return path[len(base) :] or "/"
        return None

    @property
    def servers(self) -> list[dict[str, Any]]:
        return list(self.raw.get("servers") or [])

    # -- what the spec says beyond OpenAPI ------------------------------------------------------
    @functools.cached_property
    def undeclared_method_answers(self) -> tuple[UndeclaredMethodAnswer, ...]:
        """The answers that conform to a method a declared path does not have (``x-undeclared-methods``)."""
        return tuple(
            UndeclaredMethodAnswer(
                status=int(answer["status"]),
                schema=answer.get("schema"),
                headers=dict(answer.get("headers") or {}),
            )
            for answer in (self.raw.get(UNDECLARED_METHODS) or {}).get("answers", [])
        )

    @property
    def method_listing_answer(self) -> UndeclaredMethodAnswer | None:
        """The allowed answer to an undeclared method that lists the path's methods in a header
        (HTTP's 405 with ``Allow``), if the spec allows one."""
        return next((a for a in self.undeclared_method_answers if a.methods_header), None)

    @functools.cached_property
    def idempotency(self) -> Idempotency | None:
        """The idempotency key header and its rules (``x-idempotency``), if the spec declares them."""
        return Idempotency.of(self.raw)

    def extension(self, name: str, default: Any = None) -> Any:
        """A root ``x-`` extension of the document (e.g. ``x-portkey-gateway``)."""
        return self.raw.get(name, default)

    def info_extension(self, name: str, default: Any = None) -> Any:
        return (self.raw.get("info") or {}).get(name, default)


__all__ = [
    "Match",
    "Operation",
    "Parameter",
    "ProfileView",
    "Resource",
    "Response",
    "Spec",
    "UndeclaredMethodAnswer",
    "Validator",
    "resolve",
]
