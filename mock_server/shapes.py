"""How one stored assistant looks under each profile, and how requests change it.

Storage keeps one canonical record per assistant: the assistant object of the spec's default
profile (v2). Every profile's view is built from it, property by property, following the
property list of that profile's assistant schema in the spec; the only knowledge written here is
how the legacy v1 profile maps onto v2 (see ``LegacyV1``), which the spec's overlay cannot say.
"""

from __future__ import annotations

import copy
from typing import Any

from assistants_spec import Spec

from .store import new_id


class Identity:
    """A profile whose fields are the canonical ones."""

    def to_canonical(self, request: dict[str, Any], current: dict[str, Any] | None) -> dict[str, Any]:
        return dict(request)

    def view(self, canonical: dict[str, Any], props: list[str]) -> dict[str, Any]:
        return {p: canonical[p] for p in props if p in canonical}


class LegacyV1(Identity):
    """v1 <-> v2 as OpenAI migrated assistants: ``retrieval`` is v2's ``file_search``, and v1's
    top-level ``file_ids`` are ``tool_resources.code_interpreter.file_ids``. Vector stores have
    no v1 form (hidden under v1, kept when v1 modifies ``file_ids``), nor do file_search options."""

    def to_canonical(self, request: dict[str, Any], current: dict[str, Any] | None) -> dict[str, Any]:
        out = dict(request)
        if "tools" in out:
            out["tools"] = [
                {"type": "file_search"} if t.get("type") == "retrieval" else t for t in out["tools"]
            ]
        if "file_ids" in out:
            file_ids = out.pop("file_ids")
            resources = copy.deepcopy((current or {}).get("tool_resources") or {})
            resources["code_interpreter"] = {"file_ids": file_ids}
            out["tool_resources"] = resources
        return out

    def view(self, canonical: dict[str, Any], props: list[str]) -> dict[str, Any]:
        out = {}
        for p in props:
            if p == "tools":
                out[p] = [
                    {"type": "retrieval"} if t.get("type") == "file_search" else t
                    for t in canonical.get("tools") or []
                ]
            elif p == "file_ids":
                resources = canonical.get("tool_resources") or {}
                out[p] = list((resources.get("code_interpreter") or {}).get("file_ids") or [])
            elif p in canonical:
                out[p] = canonical[p]
        return out


_TRANSLATIONS = {"v1": LegacyV1()}


class Shapes:
    """Builds canonical records from requests and profile views from canonical records."""

    def __init__(self, spec: Spec) -> None:
        canonical = spec.view()
        self._canonical_schema = canonical.response_schema("getAssistant")
        self._canonical_props = list(self._canonical_schema["properties"])
        # Ids are the spec's `x-id-prefix` (`asst_`) plus random letters and digits.
        self.id_prefix = canonical.properties(self._canonical_schema)["id"].get("x-id-prefix", "")
        self.object_kind = self._const(canonical, "getAssistant")
        self.deleted_kind = self._const(canonical, "deleteAssistant")
        self.list_kind = self._const(canonical, "listAssistants")
        # What a create that leaves a field out gives it: the spec's `x-default` (not `default:`,
        # which generated clients would send on every call), else null for a nullable field.
        create_request = canonical.request_schema("createAssistant")
        self._defaults = canonical.omitted_values(create_request, self._canonical_schema)
        # Fields no request sets (id, object, created_at): a modify never changes them.
        self._server_set = frozenset(self._canonical_props) - set(canonical.properties(create_request))
        self._props = {
            name: list(spec.view(name).response_schema("getAssistant")["properties"])
            for name in spec.profiles
        }
        self._translations = {
            name: Identity() if name == spec.default_profile else _TRANSLATIONS.get(name, Identity())
            for name in spec.profiles
        }
        # Create-time helpers the answer shows differently (e.g. `vector_stores`, answered as the
        # `vector_store_ids` of the stores the server creates), per profile.
        self._answered_as = {
            name: spec.view(name).annotated(
                spec.view(name).request_schema("createAssistant"), "x-answered-as"
            )
            for name in spec.profiles
        }
        self.is_canonical = {
            name: self._props[name] == self._canonical_props and name == spec.default_profile
            for name in spec.profiles
        }

    @staticmethod
    def _const(view, operation_id: str) -> Any:
        return view.properties(view.response_schema(operation_id))["object"]["const"]

    def create(self, profile: str, request: dict[str, Any], ident: str, created_at: int) -> dict[str, Any]:
        request = self._answer_helpers(profile, request)
        given = self._translations[profile].to_canonical(request, None)
        record: dict[str, Any] = {}
        for prop in self._canonical_props:
            if prop == "id":
                record[prop] = ident
            elif prop == "object":
                record[prop] = self.object_kind
            elif prop == "created_at":
                record[prop] = created_at
            elif prop in given:
                record[prop] = given[prop]
            elif prop in self._defaults:
                record[prop] = copy.deepcopy(self._defaults[prop])
        return record

    def _answer_helpers(self, profile: str, request: dict[str, Any]) -> dict[str, Any]:
        """The request with each create-time helper replaced by what the answer shows for it."""
        for path, answered in self._answered_as[profile]:
            parent: Any = request
            for part in path[:-1]:
                parent = parent.get(part) if isinstance(parent, dict) else None
            if not isinstance(parent, dict) or path[-1] not in parent:
                continue
            request = copy.deepcopy(request) if parent is not request else dict(request)
            parent = request
            for part in path[:-1]:
                parent = parent[part]
            helpers = parent.pop(path[-1])
            made = [new_id(answered["id-prefix"]) for _ in helpers or []]
            parent[answered["field"]] = [*parent.get(answered["field"], []), *made]
        return request

    def modify(self, profile: str, current: dict[str, Any], request: dict[str, Any]) -> dict[str, Any]:
        """Partial update: given fields replace (lists and maps whole), null clears, others stay."""
        changes = self._translations[profile].to_canonical(request, current)
        record = dict(current)
        record.update({k: v for k, v in changes.items() if k not in self._server_set})
        return record

    def view(self, profile: str, record: dict[str, Any]) -> dict[str, Any]:
        return self._translations[profile].view(record, self._props[profile])
