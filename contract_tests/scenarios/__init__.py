"""Behaviour scenarios: sequences of requests that check what no single response can show.

Each scenario is a small function with one job, registered under the check name reports use.
"""

from __future__ import annotations

from contract_tests.scenarios import (  # noqa: F401  (registration, in run order)
    beta_header,
    credentials,
    deletion,
    isolation,
    modify,
    pagination,
    refusals,
    round_trip,
)
from contract_tests.scenarios._base import SCENARIOS, Scenario, ScenarioRun, Violation

__all__ = ["SCENARIOS", "Scenario", "ScenarioRun", "Violation"]
