"""Property-based scenarios: hypothesis draws the inputs (seeded, bounded, no shrinking, no database)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from contract_tests.scenarios._base import ScenarioRun, Violation


def run_property(run: ScenarioRun, check: Callable[..., None], *strategies: Any) -> None:
    """Call `check` on `run.examples` drawn inputs; the first violation ends the scenario.

    No shrinking: each example costs requests against a possibly live API, and the violation message
    already says what was sent and what came back.
    """

    @seed(run.seed)
    @settings(
        max_examples=max(1, run.examples),
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        derandomize=False,
    )
    @given(st.tuples(*strategies))
    def property_test(values: tuple[Any, ...]) -> None:
        check(*values)

    try:
        property_test()
    except BaseExceptionGroup as group:  # hypothesis' FlakyFailure when a replay behaves differently
        violation = _first_violation(group)
        if violation is None:
            raise
        raise violation from None


def _first_violation(group: BaseExceptionGroup) -> Violation | None:
    for exc in group.exceptions:
        if isinstance(exc, Violation):
            return exc
        if isinstance(exc, BaseExceptionGroup):
            found = _first_violation(exc)
            if found is not None:
                return found
    return None
