"""What a run reports as it goes: typed events, in order. Every output (the progress display, the
terminal summary, the Markdown report, JUnit) is a handler reading the same events.

    class MyOutput(Handler):
        def handle(self, event: Event) -> None:
            match event:
                case RunFinished(result=result): ...
"""

from __future__ import annotations

from dataclasses import dataclass

from contract_tests.results import RunResult, ScenarioOutcome


@dataclass(frozen=True)
class GatewayModeOn:
    reason: str  # "--gateway", or what the detection saw


@dataclass(frozen=True)
class ScenariosStarted:
    total: int


@dataclass(frozen=True)
class ScenarioStarted:
    name: str


@dataclass(frozen=True)
class ScenarioFinished:
    outcome: ScenarioOutcome


@dataclass(frozen=True)
class PhaseStarted:
    phase: str  # a schemathesis phase: examples, coverage, fuzzing, stateful


@dataclass(frozen=True)
class CasesChecked:
    phase: str
    requests: int  # answered in this batch
    violations: int  # found so far in the whole run


@dataclass(frozen=True)
class PhaseFinished:
    phase: str


@dataclass(frozen=True)
class CleanupStarted:
    objects: int  # objects the run created and is about to delete


@dataclass(frozen=True)
class RunFinished:
    result: RunResult


Event = (
    GatewayModeOn
    | ScenariosStarted
    | ScenarioStarted
    | ScenarioFinished
    | PhaseStarted
    | CasesChecked
    | PhaseFinished
    | CleanupStarted
    | RunFinished
)


class Handler:
    """One output of a run. `handle` sees every event; `close` runs after the last one, also when the
    run ended early (an error, Ctrl-C)."""

    def handle(self, event: Event) -> None:
        raise NotImplementedError

    def close(self) -> None:
        return None


class Emitter:
    """Hands every event to every handler, in order."""

    def __init__(self, handlers: list[Handler] | tuple[Handler, ...] = ()) -> None:
        self.handlers = list(handlers)

    def __call__(self, event: Event) -> None:
        for handler in self.handlers:
            handler.handle(event)
