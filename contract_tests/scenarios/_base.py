"""The scenario toolkit: a per-scenario request recorder with the expectations scenarios share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from assistants_spec import Meaning, ProfileView

from contract_tests import causes
from contract_tests.causes import Cause
from contract_tests.checks.errors import error_shape_problem
from contract_tests.compare import explain, object_differences, spec_fields
from contract_tests.context import RunContext
from contract_tests.http import Exchange
from contract_tests.ledger import TAG_KEY
from contract_tests.operations import CREATE, DELETE, DESCENDING, GET, LIST, METADATA, MODIFY, Facts
from contract_tests.scenarios._bodies import example_body
from contract_tests.target import Credentials

MAX_RECORDED = 6  # requests shown to replay a violation (the last ones, which lead to it)


class Violation(AssertionError):
    """The API broke the contract; the message says what was expected.

    ``cause`` names the clause broken (`contract_tests.causes`; default: the scenario's own), and
    ``setup`` says the failing step was a precondition of what the scenario checks (e.g. creating the
    assistant it then modifies): the scenario is then blocked by that cause, not failed by it.
    """

    def __init__(
        self,
        message: str,
        *exchanges: Exchange,
        operation: str | None = None,
        cause: Cause | None = None,
        setup: bool = False,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.exchanges = exchanges
        self.operation = operation
        self.cause = cause
        self.setup = setup


class Skip(Exception):
    """The scenario does not apply to this target; the message says why."""


class OutOfTime(Skip):
    """The run's time budget was spent while the scenario ran: it stops there, unjudged."""


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
        if self.ctx.out_of_time():
            raise OutOfTime("stopped: the time budget was spent")
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
    def expect_status(
        self,
        exchange: Exchange,
        expected: int | Iterable[int],
        what: str,
        *,
        cause: Cause | None = None,
        setup: bool = False,
    ) -> None:
        allowed = (expected,) if isinstance(expected, int) else tuple(expected)
        if exchange.status not in allowed:
            # A request accepted with another success status (201 for 200): what the scenario goes on
            # to judge never comes; the scenario is blocked by that deviation, not failed.
            setup = setup or (_success(exchange.status) and all(_success(s) for s in allowed))
            shown = " or ".join(map(str, allowed))
            raise Violation(
                f"{what}: expected {shown}, got {exchange.status} ({exchange.excerpt()})",
                exchange,
                cause=cause,
                setup=setup,
            )

    def expect_success(
        self,
        exchange: Exchange,
        operation_id: str,
        what: str,
        *,
        cause: Cause | None = None,
        setup: bool = False,
    ) -> None:
        """A success; a refusal of a request the spec calls valid is `valid-data-refused` unless
        ``cause`` says what else it shows."""
        self.expect_status(
            exchange,
            self.spec.operation(operation_id).success_status,
            what,
            cause=cause or causes.VALID_DATA_REFUSED(),
            setup=setup,
        )

    def expect_error(
        self, exchange: Exchange, statuses: Iterable[int], what: str, *, cause: Cause | None = None
    ) -> None:
        """A refusal: one of `statuses`, with a body in the spec's error shape. ``cause``: what an
        answer that is no refusal shows (e.g. invalid data accepted)."""
        allowed = tuple(statuses)
        if exchange.status not in allowed:
            shown = " or ".join(map(str, allowed))
            raise Violation(
                f"{what} should be refused with {shown}, got {exchange.status} ({exchange.excerpt(120)})",
                exchange,
                cause=cause,
            )
        problem = error_shape_problem(self.spec, exchange.status, exchange.content_type, exchange.json)
        if problem:
            raise Violation(problem, exchange, cause=causes.ERROR_SHAPE())

    def expect_not_found(
        self, exchange: Exchange, operation_id: str, what: str, *, cause: Cause | None = None
    ) -> None:
        self.expect_error(
            exchange, self.spec.operation(operation_id).statuses(Meaning.NOT_FOUND), what, cause=cause
        )

    def expect_unchanged(
        self, before: dict[str, Any], exchange: Exchange, what: str, *, cause: Cause | None = None
    ) -> None:
        """A read of the assistant `before` shows it exactly as it was (the fields the spec defines)."""
        self.expect_success(exchange, GET, f"reading an assistant after {what}", cause=cause)
        problems = object_differences(*self.defined(before, exchange.json))
        if problems:
            raise Violation(explain(f"{what} must change nothing, but", problems), exchange, cause=cause)

    def expect_read_back(self, answer: dict[str, Any], what: str, operation_id: str = MODIFY) -> None:
        """A read-back of the assistant a write answered with returns exactly that answer."""
        cause = causes.READ_BACK_DIFFERS("create" if operation_id == CREATE else "modify")
        read = self.get(answer["id"])
        self.expect_success(read, GET, f"reading back after {what}", cause=cause)
        problems = object_differences(
            *self.defined(answer, read.json), ("the write answered", "the read-back has")
        )
        if problems:
            raise Violation(
                explain(f"after {what} a read-back should equal the answer", problems), read, cause=cause
            )

    def defined(self, *objects: Any) -> tuple[Any, ...]:
        """The assistants with only the fields the spec defines (a server's own fields are not judged)."""
        for value in objects:
            self.ctx.note_extra_fields(value)
        return tuple(spec_fields(self.spec, GET, value) for value in objects)

    def created(self, body: dict[str, Any], *, credentials: Credentials | None = None) -> dict[str, Any]:
        """Create an assistant that must be accepted; returns the created object. A failure here is
        a precondition of the scenario failing: the scenario is blocked by it."""
        exchange = self.create(body, credentials=credentials)
        self.expect_success(exchange, CREATE, "creating an assistant with a valid body", setup=True)
        if not isinstance(exchange.json, dict) or not isinstance(exchange.json.get("id"), str):
            raise Violation(
                f"a created assistant should have an id, got {exchange.excerpt()}",
                exchange,
                setup=True,
            )
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


def _success(status: int | None) -> bool:
    return status is not None and 200 <= status < 300
