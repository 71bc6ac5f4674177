"""The scenario toolkit: a registry, a per-scenario request recorder, and the violation type."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from contract_tests.compare import object_differences
from contract_tests.context import RunContext
from contract_tests.http import Exchange
from contract_tests.spec_view import CREATE, DELETE, GET, LIST, MODIFY
from contract_tests.target import Credentials

MAX_RECORDED = 6  # requests shown to replay a violation (the last ones, which lead to it)


class Violation(AssertionError):
    """The API broke the contract; the message says what was expected."""

    def __init__(self, message: str, *exchanges: Exchange, operation: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.exchanges = exchanges
        self.operation = operation


@dataclass
class ScenarioOptions:
    examples: int  # property-based scenarios draw this many examples
    seed: int


@dataclass
class ScenarioRun:
    """What a scenario uses to talk to the API; remembers its requests to explain a violation."""

    ctx: RunContext
    options: ScenarioOptions
    exchanges: list[Exchange] = field(default_factory=list)

    @property
    def spec(self):
        return self.ctx.spec

    @property
    def tag(self) -> dict[str, str]:
        return self.ctx.ledger.tag

    def send(self, method: str, path: str, **kwargs: Any) -> Exchange:
        self.ctx.interruption.check()
        exchange = self.ctx.client.request(method, path, **kwargs)
        self.exchanges.append(exchange)
        del self.exchanges[:-MAX_RECORDED]
        return exchange

    def _path(self, operation_id: str, assistant_id: str | None = None) -> tuple[str, str]:
        op = self.spec.operation(operation_id)
        return op.method, op.url_path(assistant_id)

    def create(self, body: dict[str, Any], *, credentials: Credentials | None = None, **kw: Any) -> Exchange:
        method, path = self._path(CREATE)
        self._use_model(body)
        return self.send(method, path, body=body, credentials=credentials, **kw)

    def get(self, assistant_id: str, *, credentials: Credentials | None = None, **kw: Any) -> Exchange:
        method, path = self._path(GET, assistant_id)
        return self.send(method, path, credentials=credentials, **kw)

    def modify(
        self, assistant_id: str, body: dict[str, Any], *, credentials: Credentials | None = None, **kw: Any
    ) -> Exchange:
        method, path = self._path(MODIFY, assistant_id)
        self._use_model(body)
        return self.send(method, path, body=body, credentials=credentials, **kw)

    def delete(self, assistant_id: str, *, credentials: Credentials | None = None, **kw: Any) -> Exchange:
        method, path = self._path(DELETE, assistant_id)
        return self.send(method, path, credentials=credentials, **kw)

    def list(self, *, credentials: Credentials | None = None, **params: Any) -> Exchange:
        method, path = self._path(LIST)
        return self.send(method, path, params=params or None, credentials=credentials)

    def _use_model(self, body: dict[str, Any]) -> None:
        # In place, so that what the caller compares afterwards is what was sent.
        chosen = self.ctx.target.with_model(body)
        if chosen is not body and isinstance(chosen, dict):
            body["model"] = chosen["model"]

    # -- expectations ------------------------------------------------------------------------------
    def expect_status(self, exchange: Exchange, expected: int | tuple[int, ...], what: str) -> None:
        allowed = (expected,) if isinstance(expected, int) else expected
        if exchange.status not in allowed:
            shown = " or ".join(map(str, allowed))
            raise Violation(
                f"{what}: expected {shown}, got {exchange.status} ({_excerpt(exchange)})", exchange
            )

    def expect_read_back(self, answer: dict[str, Any], what: str) -> None:
        """A read-back of the assistant a write answered with returns exactly that answer."""
        read = self.get(answer["id"])
        self.expect_status(read, 200, f"reading back after {what}")
        problems = object_differences(answer, read.json, ("the write answered", "the read-back has"))
        if problems:
            raise Violation(
                f"after {what} a read-back should equal the answer:\n  " + "\n  ".join(problems[:10]), read
            )

    def created(self, body: dict[str, Any], *, credentials: Credentials | None = None) -> dict[str, Any]:
        """Create an assistant that must be accepted; returns the created object."""
        exchange = self.create(body, credentials=credentials)
        self.expect_status(exchange, 200, "creating an assistant with a valid body")
        if not isinstance(exchange.json, dict) or not isinstance(exchange.json.get("id"), str):
            raise Violation(f"a created assistant should have an id, got {_excerpt(exchange)}", exchange)
        return exchange.json

    def tagged(self, body: dict[str, Any]) -> dict[str, Any]:
        """`body` with the run's tag added to its metadata (when the spec leaves room for one more key)."""
        metadata = body.get("metadata")
        room = self.spec.tag_room()
        if metadata is None and "metadata" in body:
            return body  # an explicit null is part of what is tested
        metadata = dict(metadata or {})
        if len(metadata) < room:
            metadata.update(self.tag)
        return {**body, "metadata": metadata}


def _excerpt(exchange: Exchange, limit: int = 240) -> str:
    text = exchange.text.strip().replace("\n", " ")
    return text if len(text) <= limit else text[:limit] + "..."


class Skip(Exception):
    """The scenario does not apply to this target; the message says why."""


@dataclass(frozen=True)
class Scenario:
    name: str
    operation: str  # the operation a violation is reported under
    func: Callable[[ScenarioRun], None]
    needs_second_tenant: bool = False
    # Checks the gateway in front of the API (gateway mode only); its violations are gateway findings.
    needs_gateway: bool = False


SCENARIOS: list[Scenario] = []


def scenario(name: str, operation: str, *, needs_second_tenant: bool = False, needs_gateway: bool = False):
    def register(func: Callable[[ScenarioRun], None]) -> Callable[[ScenarioRun], None]:
        SCENARIOS.append(Scenario(name, operation, func, needs_second_tenant, needs_gateway))
        return func

    return register
