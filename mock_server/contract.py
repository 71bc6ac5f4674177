"""What the spec says, read once at start-up: profiles, routes, operations and their schemas.

Nothing here restates the spec: routes, methods, parameters, body schemas and response shapes all
come from the document that ``assistants_spec`` loads (or a copy of it, see ``spec_path``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import pathlib
import re
import types
from typing import Any
from urllib.parse import urlparse

import assistants_spec
from assistants_spec import resolve

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_REF = "#/components/schemas/"


def spec_module(spec_path: str | None) -> types.ModuleType:
    """``assistants_spec``, or a private copy of it that reads ``spec_path`` instead.

    The copy runs the very same profile logic (overlays, header values), so a test can serve an
    edited spec without this package restating how profiles are derived.
    """
    if spec_path is None:
        return assistants_spec
    path = pathlib.Path(spec_path).resolve()
    name = "_assistants_spec_" + hashlib.sha256(str(path).encode()).hexdigest()[:12]
    loader_spec = importlib.util.spec_from_file_location(name, assistants_spec.__file__)
    module = importlib.util.module_from_spec(loader_spec)
    loader_spec.loader.exec_module(module)
    module.SPEC_PATH = path
    return module


@dataclasses.dataclass(frozen=True)
class Parameter:
    name: str
    location: str  # query, header, path
    required: bool
    schema: dict[str, Any]  # resolved


@dataclasses.dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str  # upper case
    path_template: str
    parameters: tuple[Parameter, ...]
    body_schema: dict[str, Any] | None  # un-resolved (may be a $ref), application/json only
    body_required: bool
    responses: dict[str, dict[str, Any]]  # status -> media schema (un-resolved)


@dataclasses.dataclass(frozen=True)
class Route:
    template: str  # e.g. /v1/assistants/{assistant_id}
    pattern: re.Pattern[str]
    operations: dict[str, str]  # METHOD -> operationId


@dataclasses.dataclass
class Profile:
    name: str
    header_value: str
    document: dict[str, Any]
    operations: dict[str, Operation]


@dataclasses.dataclass
class Contract:
    beta_header: str
    default_profile: str
    base_path: str
    profiles: dict[str, Profile]
    routes: list[Route]
    module: types.ModuleType

    def profile_for_header(self, value: str | None) -> str | None:
        if value is None:
            return None
        found = self.module.profile_for_header(value.strip())
        if found is None and "," in value:
            # Several betas in one header: the first one that names a profile counts.
            for part in value.split(","):
                found = self.module.profile_for_header(part.strip())
                if found is not None:
                    break
        return found


def _base_path(document: dict[str, Any]) -> str:
    servers = document.get("servers") or [{"url": "/"}]
    return urlparse(servers[0]["url"]).path.rstrip("/")


def _operations(document: dict[str, Any]) -> dict[str, Operation]:
    found: dict[str, Operation] = {}
    for template, item in document["paths"].items():
        shared = item.get("parameters") or []
        for method in _METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            params = []
            for raw in [*shared, *(op.get("parameters") or [])]:
                p = resolve(document, raw)
                params.append(
                    Parameter(
                        name=p["name"],
                        location=p["in"],
                        required=bool(p.get("required", False)),
                        schema=resolve(document, p.get("schema") or {}),
                    )
                )
            body = resolve(document, op.get("requestBody") or {})
            media = (body.get("content") or {}).get("application/json") or {}
            responses = {}
            for status, response in (op.get("responses") or {}).items():
                response = resolve(document, response)
                schema = ((response.get("content") or {}).get("application/json") or {}).get("schema")
                if schema is not None:
                    responses[str(status)] = schema
            found[op["operationId"]] = Operation(
                operation_id=op["operationId"],
                method=method.upper(),
                path_template=template,
                parameters=tuple(params),
                body_schema=media.get("schema"),
                body_required=bool(body.get("required", False)),
                responses=responses,
            )
    return found


def _routes(document: dict[str, Any], base_path: str) -> list[Route]:
    routes = []
    for template, item in document["paths"].items():
        regex = ""
        for literal, name in re.findall(r"([^{]*)(?:\{([^}]+)\})?", template):
            regex += re.escape(literal)
            if name:
                regex += f"(?P<{name}>[^/]+)"
        ops = {m.upper(): item[m]["operationId"] for m in _METHODS if isinstance(item.get(m), dict)}
        full = base_path + template
        routes.append(
            Route(template=full, pattern=re.compile(re.escape(base_path) + regex + r"\Z"), operations=ops)
        )
    return routes


def load_contract(spec_path: str | None = None) -> Contract:
    module = spec_module(spec_path)
    profiles = {}
    for name in module.profiles():
        document = module.load(name)
        profiles[name] = Profile(
            name=name,
            header_value=module.beta_header_value(name),
            document=document,
            operations=_operations(document),
        )
    default = module.default_profile()
    base_document = profiles[default].document
    base_path = _base_path(base_document)
    return Contract(
        beta_header=module.beta_header_name(),
        default_profile=default,
        base_path=base_path,
        profiles=profiles,
        routes=_routes(base_document, base_path),
        module=module,
    )


def schema_ref_name(schema: dict[str, Any] | None) -> str | None:
    """``AssistantObject`` for ``{"$ref": "#/components/schemas/AssistantObject"}``."""
    ref = (schema or {}).get("$ref", "")
    return ref[len(_REF) :] if ref.startswith(_REF) else None
