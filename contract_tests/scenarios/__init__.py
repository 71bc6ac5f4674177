"""Behaviour scenarios: sequences of requests that check what no single response can show.

Each scenario is a small function with one job, registered under the check name reports use.
"""

from __future__ import annotations

from contract_tests.scenarios import (
    beta_header,
    credentials,
    deletion,
    gateway,
    isolation,
    modify,
    pagination,
    refusals,
    round_trip,
)
from contract_tests.scenarios._base import SCENARIOS, Scenario, ScenarioRun, Skip, Violation

# Run order: refusals first (cheap, and they say the most about a broken deployment), then writes,
# deletes, lists, credentials and tenants. Within a module, the order of definition.
_RUN_ORDER = [
    m.__name__
    for m in (
        refusals,
        round_trip,
        modify,
        deletion,
        pagination,
        credentials,
        isolation,
        beta_header,
        gateway,
    )
]
SCENARIOS.sort(key=lambda s: _RUN_ORDER.index(s.func.__module__))

__all__ = ["SCENARIOS", "Scenario", "ScenarioRun", "Skip", "Violation"]
