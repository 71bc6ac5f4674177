"""One request and its answer as the proxy forwarded them, and what the spec model says about it.

The forwarding worker captures an ``Exchange`` and hands it to the checker as a plain tuple
(``to_frame``/``from_frame``): bytes as they went over the wire, and monotonic start and end times
so that judgements across exchanges know which request could have seen which write.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import orjson
from assistants_spec import Match, Operation, ProfileView, Resource, Security, Spec

CLIENT, SERVER = "client", "server"
_NOT_JSON = object()


@dataclass
class Exchange:
    seq: int
    started: float  # wall clock (epoch seconds), for the recording
    t_start: int  # monotonic ns when the request arrived
    t_end: int  # monotonic ns when the answer was complete
    method: str
    raw_path: bytes
    query: bytes
    request_headers: list[tuple[bytes, bytes]]
    request_body: bytes
    request_size: int  # bytes received; more than len(request_body) when the copy was cut
    status: int  # 0 when no answer came from the upstream
    response_headers: list[tuple[bytes, bytes]]
    response_body: bytes
    response_size: int
    error: str | None = None  # why the upstream gave no (complete) answer
    # Filled in by `understand` (checker side).
    api_path: str | None = field(default=None, repr=False)  # relative to the API root
    match: Match | None = field(default=None, repr=False)
    view: ProfileView | None = field(default=None, repr=False)
    tenant: str | None = field(default=None, repr=False)
    client_problems: list[str] = field(default_factory=list, repr=False)
    notes: dict[str, Any] = field(default_factory=dict, repr=False)  # what checks work out once
    _resource: Resource | None = field(default=None, repr=False)
    _kind: str | None = field(default=None, repr=False)

    # -- wire format between worker and checker ---------------------------------------------------
    def to_frame(self) -> tuple:
        return (
            self.seq,
            self.started,
            self.t_start,
            self.t_end,
            self.method,
            self.raw_path,
            self.query,
            self.request_headers,
            self.request_body,
            self.request_size,
            self.status,
            self.response_headers,
            self.response_body,
            self.response_size,
            self.error,
        )

    @classmethod
    def from_frame(cls, frame: tuple) -> Exchange:
        return cls(*frame)

    # -- raw facts ------------------------------------------------------------------------------
    @property
    def path(self) -> str:
        return self.raw_path.decode("latin-1")

    @property
    def target(self) -> str:
        """The request target as sent: path and query."""
        return self.path + ("?" + self.query.decode("latin-1") if self.query else "")

    @property
    def complete(self) -> bool:
        return self.error is None and self.status > 0

    @property
    def request_cut(self) -> bool:
        return self.request_size > len(self.request_body)

    @property
    def response_cut(self) -> bool:
        return self.response_size > len(self.response_body)

    def request_header(self, name: str) -> str | None:
        return self._request_headers.get(name.lower())

    def response_header(self, name: str) -> str | None:
        return self._response_headers.get(name.lower())

    @functools.cached_property
    def _request_headers(self) -> dict[str, str]:
        return _first_values(self.request_headers)

    @functools.cached_property
    def _response_headers(self) -> dict[str, str]:
        return _first_values(self.response_headers)

    @functools.cached_property
    def query_values(self) -> dict[str, str]:
        """The last value of each query parameter (as the mock reads them)."""
        if not self.query:
            return {}
        text = self.query.decode("latin-1")
        return dict(parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="replace"))

    @functools.cached_property
    def request_json(self) -> Any:
        """The request body as JSON; ``NOT_JSON`` when it does not parse, None when empty."""
        return parse_json(self.request_body)

    @functools.cached_property
    def response_json(self) -> Any:
        return parse_json(self.response_body)

    # -- what the spec says about it --------------------------------------------------------------
    @property
    def operation(self) -> Operation | None:
        return self.match.operation if self.match is not None else None

    @property
    def label(self) -> str:
        """``GET /assistants/{assistant_id}``: the operation, or the method on the matched path."""
        if self.operation is not None:
            return self.operation.label
        return f"{self.method} {self.api_path or self.path}"

    @property
    def resource(self) -> Resource | None:
        return self._resource

    @property
    def kind(self) -> str | None:
        """``create``, ``list``, ``read``, ``modify`` or ``delete`` (see ``assistants_spec.Resource``)."""
        return self._kind

    @property
    def object_id(self) -> str | None:
        """The id in the item path (read, modify, delete)."""
        resource = self.resource
        if resource is None or self.match is None:
            return None
        return self.match.path_params.get(resource.id_parameter)

    @property
    def succeeded(self) -> bool:
        return self.complete and 200 <= self.status < 300

    def understand(self, spec: Spec, mount: str, profile: str | None) -> None:
        """Match the request to an operation of the profile it asks for (or the one forced)."""
        self.api_path = _relative(self.path, mount, spec)
        chosen = profile or _profile_for(spec, self.request_header(spec.beta_header))
        self.view = _view(spec, chosen)
        if self.api_path is not None:
            self.match = self.view.match(self.method, self.api_path)
        operation = self.operation
        self._resource = self.view.resource_of(operation) if operation is not None else None
        self._kind = self._resource.kind_of(operation) if self._resource is not None else None
        self.tenant = tenant_of(spec, self.request_headers)


NOT_JSON = _NOT_JSON


def parse_json(body: bytes) -> Any:
    if not body.strip():
        return None
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError:
        return _NOT_JSON


def _first_values(headers: list[tuple[bytes, bytes]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for key, value in headers:
        found.setdefault(key.decode("latin-1").lower(), value.decode("latin-1"))
    return found


def _relative(path: str, mount: str, spec: Spec) -> str | None:
    """The path relative to the API root: below the proxy's mount, or below the spec's base path."""
    if mount:
        if path == mount or path.startswith(mount + "/"):
            return path[len(mount) :] or "/"
        return None
    return spec.api_path(path)


def tenant_of(spec: Spec, headers: list[tuple[bytes, bytes]]) -> str | None:
    """Who is asking: a digest of the values of the credential headers the request carries.

    Routing headers of a gateway (``security.layout``) are not part of it, and the values themselves
    are never kept.
    """
    wanted = _credential_names(spec.security, tuple(sorted({key.lower() for key, _ in headers})))
    if not wanted:
        return None
    digest = hashlib.sha256()
    for key, value in sorted(headers):
        if key.lower() in wanted:
            digest.update(key.lower() + b"\0" + value + b"\0")
    return digest.hexdigest()[:16]


@functools.lru_cache(maxsize=256)
def _profile_for(spec: Spec, value: str | None) -> str | None:
    return spec.profile_for_header(value)


@functools.lru_cache(maxsize=16)
def _view(spec: Spec, profile: str | None) -> ProfileView:
    return spec.view(profile)


@functools.lru_cache(maxsize=256)
def _credential_names(security: Security, names: tuple[bytes, ...]) -> frozenset[bytes]:
    layout = security.layout([name.decode("latin-1") for name in names])
    return frozenset(name.lower().encode("latin-1") for name in layout.credential_headers)
