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

import jsonschema_rs

from contract_tests.spec_view import SpecView

EXTENSION = "x-portkey-gateway"


def show_json(value: Any) -> str:
    return show_text(json.dumps(value, ensure_ascii=False))


def show_text(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} chars)"


class GatewayFacts:
    def __init__(self, spec: SpecView) -> None:
        self.spec = spec
        self.raw: dict[str, Any] = spec.document.get(EXTENSION) or {}
        self._header_refs = set(self.raw.get("forwarded-response-headers", []))

    # -- headers ------------------------------------------------------------------------------------
    def documented_headers(self, operation: Mapping[str, Any], status: int) -> list[str]:
        """The gateway headers the spec documents on this operation's answer with this status."""
        responses = operation.get("responses", {})
        response = (
            responses.get(str(status)) or responses.get(f"{str(status)[0]}XX") or responses.get("default")
        )
        if response is None:
            return []
        headers = self.spec.resolve(response).get("headers", {})
        return sorted(
            name for name, h in headers.items() if isinstance(h, dict) and h.get("$ref") in self._header_refs
        )

    @functools.cached_property
    def header_names(self) -> frozenset[str]:
        """Every name under which the spec documents a gateway header (lower case)."""
        names: set[str] = set()
        for operation in self.spec.operations.values():
            for status in operation.raw.get("responses", {}):
                if status.isdigit():
                    names.update(n.lower() for n in self.documented_headers(operation.raw, int(status)))
        return frozenset(names)

    def forwarding_headers_in(self, headers: Mapping[str, Any]) -> list[str]:
        present = {str(name).lower() for name in headers}
        return sorted(self.header_names & present)

    # -- the gateway's own answers ----------------------------------------------------------------
    def _validator(self, schema: Any) -> Any:
        if isinstance(schema, str):
            schema = {"$ref": schema}
        return jsonschema_rs.Draft202012Validator({**schema, "components": self.spec.document["components"]})

    @functools.cached_property
    def _own_answers(self) -> list[tuple[str, int | None, Any]]:
        return [
            (name, answer.get("status"), self._validator(answer["schema"]))
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
    def upstream_error(self) -> Any:
        """The body every error from the upstream has (the OpenAI error body)."""
        return self._validator("#/components/schemas/ErrorResponse")

    @property
    def unrouted_refusal(self) -> tuple[int, str] | None:
        refusal = self.raw.get("unrouted-refusal")
        return (int(refusal["status"]), refusal["answer"]) if refusal else None

    # -- what it does to requests -----------------------------------------------------------------
    @functools.cached_property
    def _forwarded_bodies(self) -> Any:
        schema = self.raw.get("forwarded-request-bodies")
        return self._validator(schema) if schema else None

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


@functools.lru_cache(maxsize=4)
def gateway_facts(profile: str | None = None) -> GatewayFacts:
    from contract_tests.spec_view import spec_view

    return GatewayFacts(spec_view(profile))
