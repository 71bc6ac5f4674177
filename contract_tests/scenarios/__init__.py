"""Behaviour scenarios: sequences of requests that check what no single response can show.

Each is a small function with one job, declared with `contract_tests.registry.scenario` (the name
reports use is the function's; `order` says when it runs: refusals first, as they are cheap and say
the most about a broken deployment, then writes, deletes, lists, credentials, tenants, the beta header
and the gateway). Importing this package declares them all.
"""

from contract_tests.scenarios import (
    beta_header,
    concurrency,
    credentials,
    defaults,
    deletion,
    gateway,
    identity,
    isolation,
    list_edges,
    modify,
    pagination,
    profiles,
    refusals,
    round_trip,
    text,
    views,
)
from contract_tests.scenarios._base import ScenarioRun, Skip, Violation

__all__ = [
    "ScenarioRun",
    "Skip",
    "Violation",
    "beta_header",
    "concurrency",
    "credentials",
    "defaults",
    "deletion",
    "gateway",
    "identity",
    "isolation",
    "list_edges",
    "modify",
    "pagination",
    "profiles",
    "refusals",
    "round_trip",
    "text",
    "views",
]
