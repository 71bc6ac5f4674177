"""The scenario toolkit: a per-scenario request recorder with the expectations scenarios share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from assistants_spec import Meaning, ProfileView

from contract_tests.checks.errors import error_shape_problem
from contract_tests.compare import explain, object_differences
from contract_tests.context import RunContext
from contract_tests.http import Exchange
from contract_tests.ledger import TAG_KEY
from contract_tests.operations import CREATE, DELETE, DESCENDING, GET, LIST, METADATA, MODIFY, Facts
from contract_tests.scenarios._bodies import example_body
from contract_tests.target import Credentials

MAX_RECORDED = 6  # requests shown to replay a violation (the last ones, which lead to it)


class Violation(AssertionError):
    """The API broke the contract; the message says what was expected."""

    def __init__(self, message: str, *exchanges: Exchange, operation: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.exchanges = exchanges
        self.operation = operation


class Skip(Exception):
    """The scenario does not apply to this target; the message says why."""


@dataclass
class ScenarioRun:
    """What a scenario uses to talk to the API; remembers its requests to explain a violation."""

    ctx: RunContext
    exchanges: list[Exchange] = field(default_factory=list)

    @property
    def spec(self) -> ProfileView:
        return self.ctx.spec

    @property
    def facts(self) -> Facts:
        return self.ctx.facts

    @property
    def examples(self) -> int:
        """How many examples a property-based scenario draws."""
        return self.ctx.config.scenario_examples

    @property
    def seed(self) -> int:
        return self.ctx.config.seed

    @property
    def tag(self) -> dict[str, str]:
        return self.ctx.ledger.tag

    # -- requests ----------------------------------------------------------------------------------
    def send(self, method: str, path: str, **kwargs: Any) -> Exchange:
        self.ctx.interruption.check()
        exchange = self.ctx.client.request(method, path, **kwargs)
        self.exchanges.append(exchange)
        del self.exchanges[:-MAX_RECORDED]
        return exchange

    def call(self, operation_id: str, *path_values: str, **kwargs: Any) -> Exchange:
        operation = self.spec.operation(operation_id)
        return self.send(operation.method, operation.url_path(*path_values), **kwargs)

    def create(self, body: dict[str, Any], *, credentials: Credentials | None = None, **kw: Any) -> Exchange:
        self._use_model(body)
        return self.call(CREATE, body=body, credentials=credentials, **kw)

    def get(self, assistant_id: str, *, credentials: Credentials | None = None, **kw: Any) -> Exchange:
        return self.call(GET, assistant_id, credentials=credentials, **kw)

    def modify(
        self, assistant_id: str, body: dict[str, Any], *, credentials: Credentials | None = None, **kw: Any
    ) -> Exchange:
        self._use_model(body)
        return self.call(MODIFY, assistant_id, body=body, credentials=credentials, **kw)

    def delete(self, assistant_id: str, *, credentials: Credentials | None = None, **kw: Any) -> Exchange:
        return self.call(DELETE, assistant_id, credentials=credentials, **kw)

    def list(self, *, credentials: Credentials | None = None, **params: Any) -> Exchange:
        return self.call(LIST, params=params or None, credentials=credentials)

    def _use_model(self, body: dict[str, Any]) -> None:
        # In place, so that what the caller compares afterwards is what was sent.
        chosen = self.ctx.target.with_model(body)
        if chosen is not body and isinstance(chosen, dict):
            body["model"] = chosen["model"]

    # -- expectations ------------------------------------------------------------------------------
    def expect_status(self, exchange: Exchange, expected: int | Iterable[int], what: str) -> None:
        allowed = (expected,) if isinstance(expected, int) else tuple(expected)
        if exchange.status not in allowed:
            shown = " or ".join(map(str, allowed))
            raise Violation(
                f"{what}: expected {shown}, got {exchange.status} ({exchange.excerpt()})", exchange
            )

    def expect_success(self, exchange: Exchange, operation_id: str, what: str) -> None:
        self.expect_status(exchange, self.spec.operation(operation_id).success_status, what)

    def expect_error(self, exchange: Exchange, statuses: Iterable[int], what: str) -> None:
        """A refusal: one of `statuses`, with a body in the spec's error shape."""
        allowed = tuple(statuses)
        if exchange.status not in allowed:
            shown = " or ".join(map(str, allowed))
            raise Violation(f"{what} should be refused with {shown}, got {exchange.status}", exchange)
        problem = error_shape_problem(self.spec, exchange.status, exchange.content_type, exchange.json)
        if problem:
            raise Violation(problem, exchange)

    def expect_not_found(self, exchange: Exchange, operation_id: str, what: str) -> None:
        self.expect_error(exchange, self.spec.operation(operation_id).statuses(Meaning.NOT_FOUND), what)

    def expect_unchanged(self, before: dict[str, Any], exchange: Exchange, what: str) -> None:
        """A read of the assistant `before` shows it exactly as it was."""
        self.expect_success(exchange, GET, f"reading an assistant after {what}")
        problems = object_differences(before, exchange.json)
        if problems:
            raise Violation(explain(f"{what} must change nothing, but", problems), exchange)

    def expect_read_back(self, answer: dict[str, Any], what: str) -> None:
        """A read-back of the assistant a write answered with returns exactly that answer."""
        read = self.get(answer["id"])
        self.expect_success(read, GET, f"reading back after {what}")
        problems = object_differences(answer, read.json, ("the write answered", "the read-back has"))
        if problems:
            raise Violation(explain(f"after {what} a read-back should equal the answer", problems), read)

    def created(self, body: dict[str, Any], *, credentials: Credentials | None = None) -> dict[str, Any]:
        """Create an assistant that must be accepted; returns the created object."""
        exchange = self.create(body, credentials=credentials)
        self.expect_success(exchange, CREATE, "creating an assistant with a valid body")
        if not isinstance(exchange.json, dict) or not isinstance(exchange.json.get("id"), str):
            raise Violation(f"a created assistant should have an id, got {exchange.excerpt()}", exchange)
        return exchange.json

    def tagged(self, body: dict[str, Any]) -> dict[str, Any]:
        """`body` with the run's tag added to its metadata (when the spec leaves room for one more key)."""
        metadata = body.get(METADATA)
        if metadata is None and METADATA in body:
            return body  # an explicit null is part of what is tested
        metadata = dict(metadata or {})
        if len(metadata) < self.facts.tag_room:
            metadata.update(self.tag)
        return {**body, METADATA: metadata}

    def unknown_id(self) -> str:
        """An id shaped like the ones the target gives that no assistant has: the tail of a real id
        replaced by this run's id (same length and characters as far as the run id allows)."""
        real = self.created(self.tagged(example_body(self.spec, CREATE)))["id"]
        marker = self.ctx.ledger.run_id.replace("-", "")
        keep = max(1, len(real) - len(marker))
        return (real[:keep] + marker)[: max(len(real), keep + 1)]

    def stored_with_marker(self, marker: str) -> list[str]:
        """Ids of listed assistants carrying `marker` in their tag (the newest page: refused creates
        would be recent)."""
        page = self.list(limit=self.facts.largest_page, order=DESCENDING)
        data = page.json.get("data", []) if isinstance(page.json, dict) else []
        return [
            item.get("id")
            for item in data
            if isinstance(item, dict)
            and isinstance(item.get(METADATA), dict)
            and item[METADATA].get(TAG_KEY) == marker
        ]
