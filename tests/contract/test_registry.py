"""One registry: every check and scenario is declared once, and the engine, the runner and the
reports all read it (nothing keeps a second list of names)."""

from __future__ import annotations

import pytest
from schemathesis.checks import CHECKS

from contract_tests import registry
from contract_tests.config import build_config
from contract_tests.context import GatewayMode, RunContext
from contract_tests.engine import build_config as schemathesis_config


def test_every_check_is_a_schemathesis_check_under_the_same_name() -> None:
    for entry in registry.checks():
        assert entry.name in CHECKS.get_all_names()
        assert entry.doc, f"{entry.name} says what it checks"


def test_scenarios_run_in_their_declared_order_and_name_a_spec_operation() -> None:
    scenarios = registry.scenarios()
    orders = [e.order for e in scenarios]
    assert orders == sorted(orders) and len(set(orders)) == len(orders)
    config = build_config(
        base_url="http://127.0.0.1:9/v1", credentials={"--bearer": "k"}, second_api_key=None
    )
    view = config.target.spec.view()
    for entry in scenarios:
        assert entry.operation in view.operations
        assert entry.doc, f"{entry.name} says what it checks"


@pytest.mark.parametrize("gateway", [False, True])
def test_gateway_checks_are_enabled_only_in_gateway_mode(gateway: bool) -> None:
    config = build_config(
        base_url="http://127.0.0.1:9/v1", credentials={"--bearer": "k"}, second_api_key=None
    )
    run = RunContext(config)
    run.gateway_mode = GatewayMode(gateway, "test")
    checks = schemathesis_config(run, None).projects.default.checks_config_for()
    for entry in registry.checks():
        assert checks.get_by_name(name=entry.name).enabled == (gateway or not entry.gateway), entry.name
    assert not checks.get_by_name(name="ignored_auth").enabled  # auth_is_enforced does its job
    run.client.close()
