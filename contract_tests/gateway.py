"""What Portkey's gateway itself adds in front of an upstream, as the spec's `x-portkey-gateway` says.

Used to tell the gateway's behaviour from the upstream's: a response the gateway gave itself (its
own bodies, without the headers it sets on forwarded answers), or a failure caused by a request body
the gateway rewrites before forwarding, is a gateway finding, not an upstream contract violation.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from typing import Any

from assistants_spec import Operation, ProfileView, Validator
from assistants_spec.statuses import ERRORS

EXTENSION = "x-portkey-gateway"


def show_json(value: Any) -> str:
    return show_text(json.dumps(value, ensure_ascii=False))


def show_text(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} chars)"


class GatewayFacts:
    def __init__(self, view: ProfileView) -> None:
        self.view = view
        self.raw: dict[str, Any] = view.document.get(EXTENSION) or {}
        self._header_refs = set(self.raw.get("forwarded-response-headers", []))

    # -- headers ------------------------------------------------------------------------------------
    def documented_headers(self, operation: Operation, status: int) -> list[str]:
        """The gateway headers the spec documents on this operation's answer with this status."""
        response = operation.response(status)
        if response is None:
            return []
        return sorted(name for name, ref in response.header_refs.items() if ref in self._header_refs)

    @functools.cached_property
    def header_names(self) -> frozenset[str]:
        """Every name under which the spec documents a gateway header (lower case)."""
        names: set[str] = set()
        for operation in self.view.operations.values():
            for status in operation.responses:
                if status.isdigit():
                    names.update(n.lower() for n in self.documented_headers(operation, int(status)))
        return frozenset(names)

    def forwarding_headers_in(self, headers: Mapping[str, Any]) -> list[str]:
        present = {str(name).lower() for name in headers}
        return sorted(self.header_names & present)

    # -- the gateway's own answers ----------------------------------------------------------------
    @functools.cached_property
    def _own_answers(self) -> list[tuple[str, int | None, Validator]]:
        return [
            (name, answer.get("status"), self.view.validator(answer["schema"]))
            for name, answer in self.raw.get("own-answers", {}).items()
        ]

    def own_answer(self, status: int, headers: Mapping[str, Any], body: Any) -> str | None:
        """Why this answer is the gateway's own (never forwarded from the upstream), or None."""
        if not self._own_answers or self.forwarding_headers_in(headers):
            return None  # the gateway forwarded it: whatever it says is the upstream's
        for name, expected_status, validator in self._own_answers:
            if (expected_status is None or expected_status == status) and validator.is_valid(body):
                return (
                    f"the gateway answered itself ({name}): {status} {show_json(body)}, "
                    "without the headers it sets on forwarded answers"
                )
        return None

    def is_answer(self, name: str, body: Any) -> bool:
        return any(n == name and v.is_valid(body) for n, _, v in self._own_answers)

    def answer_label(self, name: str) -> str:
        """How a reader knows an own answer: its component name, or its entry in the extension."""
        schema = self.raw.get("own-answers", {}).get(name, {}).get("schema")
        return schema.rsplit("/", 1)[-1] if isinstance(schema, str) else f"{EXTENSION} own-answers.{name}"

    @functools.cached_property
    def _upstream_error_schema(self) -> dict[str, Any]:
        own = {a["schema"] for a in self.raw.get("own-answers", {}).values() if isinstance(a["schema"], str)}
        members = [s for s in self.view.answer_schemas(*ERRORS) if s.get("$ref") not in own]
        return {"anyOf": members}

    @property
    def upstream_error(self) -> Validator:
        """The body every error from the upstream has: the spec's error bodies but the gateway's own."""
        return self.view.validator(self._upstream_error_schema)

    @property
    def unrouted_refusal(self) -> tuple[int, str] | None:
        refusal = self.raw.get("unrouted-refusal")
        return (int(refusal["status"]), refusal["answer"]) if refusal else None

    # -- what it does to requests -----------------------------------------------------------------
    @functools.cached_property
    def _forwarded_bodies(self) -> Any:
        schema = self.raw.get("forwarded-request-bodies")
        return self.view.validator(schema) if schema else None

    def rewritten_body(self, content_type: str | None, raw: bytes | str | None) -> str | None:
        """Why the upstream did not see this request body as sent (the gateway rewrites it), or None."""
        if self._forwarded_bodies is None or raw is None or "json" not in (content_type or "").lower():
            return None
        try:
            sent = json.loads(raw)
        except ValueError:
            return None  # not JSON at all: the gateway refuses it itself (an own answer)
        if self._forwarded_bodies.is_valid(sent):
            return None
        return (
            f"the gateway rewrites the JSON body {show_json(sent)} before forwarding it, "
            "so the upstream never saw what was sent"
        )


@functools.lru_cache(maxsize=8)
def gateway_facts(view: ProfileView) -> GatewayFacts:
    return GatewayFacts(view)
