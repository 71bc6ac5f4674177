"""Proof of power: the suite, as users run it, fails on every broken variant and passes on the correct mock.

All runs start in parallel once (module fixture); each test then asserts on one outcome.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from contract_tests import registry
from contract_tests.config import PHASES
from contract_tests.engine import BUILTIN_CHECKS
from mock_server import DEFAULT_API_KEYS
from tests.contract.harness import Outcome, run_conformance
from tests.contract.manners import KNOWN_MODEL
from tests.contract.variants import PHASE_OF_CHECK, PHASE_ORDER, VARIANTS

PARALLEL = 4
CORRECT_RUNS = {
    "seed-1": {"seed": 1},
    "seed-2": {"seed": 2},
    "seed-3": {"seed": 3},
    "v1-profile": {"seed": 4, "args": ("--beta", "v1")},
    # Like a live API, only a real model is accepted: --model must reach every valid body.
    "only-known-models-with-model-option": {
        "seed": 7,
        "middleware": "tests.contract.manners:only_known_models",
        "args": ("--model", KNOWN_MODEL),
    },
    # OpenAI's own answer to a method a path does not have: the spec allows it beside 405.
    "undeclared-methods-as-openai": {
        "seed": 8,
        "middleware": "tests.contract.manners:undeclared_methods_as_openai",
    },
    "rate-limited-with-retry-after": {"seed": 6, "middleware": "tests.contract.manners:throttle_some"},
    "bearer-credentials": {
        "seed": 5,
        "credentials": ("--bearer", DEFAULT_API_KEYS[0], "--second-api-key", DEFAULT_API_KEYS[1]),
    },
}


@pytest.fixture(scope="module")
def outcomes() -> dict[str, Outcome]:
    jobs = {
        f"variant:{name}": {"middleware": f"tests.contract.variants:{name}", "seed": 1, "args": v.args}
        for name, v in VARIANTS.items()
    }
    jobs.update({f"correct:{name}": kwargs for name, kwargs in CORRECT_RUNS.items()})
    with ThreadPoolExecutor(PARALLEL) as pool:
        futures = {key: pool.submit(run_conformance, **kwargs) for key, kwargs in jobs.items()}
        return {key: future.result() for key, future in futures.items()}


def test_there_are_at_least_twenty_variants_of_every_kind() -> None:
    assert len(VARIANTS) >= 20
    kinds = {v.kind for v in VARIANTS.values()}
    for kind in (
        "shape",
        "validation",
        "lost write",
        "non-partial modify",
        "pagination",
        "auth",
        "tenant leak",
        "v1 profile",
        "status",
        "content type",
    ):
        assert kind in kinds


def test_variants_name_checks_that_exist_and_their_phases() -> None:
    """A misspelt check would never match, nor bring in the phase it needs (variants.phases_for)."""
    known = {entry.name for entry in (*registry.scenarios(), *registry.checks())} | set(BUILTIN_CHECKS)
    for variant in VARIANTS.values():
        assert set(variant.caught_by) <= known, f"{variant.name}: {sorted(set(variant.caught_by) - known)}"
    assert set(PHASE_OF_CHECK) <= known and set(PHASE_OF_CHECK.values()) <= set(PHASES)
    assert PHASE_ORDER == PHASES
    # The correct mock's runs keep every phase: a false alarm may come from any of them.
    assert not any("--phases" in run.get("args", ()) for run in CORRECT_RUNS.values())


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_suite_fails_on_broken_variant(outcomes: dict[str, Outcome], name: str) -> None:
    outcome = outcomes[f"variant:{name}"]
    assert outcome.exit_code == 1, f"exit {outcome.exit_code}; stderr:\n{outcome.stderr[-2000:]}"
    expected = set(VARIANTS[name].caught_by)
    assert expected & outcome.failed_checks, (
        f"{name} should be caught by one of {sorted(expected)}; reported: {sorted(outcome.failed_checks)}"
    )
    # One bug, one deviation: every check that saw it reports the same root cause.
    assert len(outcome.deviations) == 1, f"{name}: one deviation expected, got {sorted(outcome.deviations)}"


def test_reports_stay_small_with_short_lines(outcomes: dict[str, Outcome]) -> None:
    for key, outcome in outcomes.items():
        for text in (outcome.stdout, outcome.report, outcome.junit):
            assert len(text.encode()) < 100_000, key
            assert max((len(line) for line in text.splitlines()), default=0) <= 1000, key


@pytest.mark.parametrize("name", sorted(CORRECT_RUNS))
def test_suite_passes_on_correct_mock(outcomes: dict[str, Outcome], name: str) -> None:
    outcome = outcomes[f"correct:{name}"]
    assert outcome.exit_code == 0, f"false alarm(s):\n{outcome.stdout[-6000:]}\n{outcome.stderr[-2000:]}"
    assert "CONFORMS" in outcome.report


def test_no_key_is_ever_printed_or_reported(outcomes: dict[str, Outcome]) -> None:
    from mock_server import DEFAULT_VIRTUAL_KEYS

    secrets = [*DEFAULT_API_KEYS, *DEFAULT_VIRTUAL_KEYS]
    for key, outcome in outcomes.items():
        for text in (outcome.stdout, outcome.stderr, outcome.report, outcome.junit):
            for secret in secrets:
                assert secret not in text, f"{key}: a key leaked into the output"


def test_failures_come_with_replayable_curl_commands(outcomes: dict[str, Outcome]) -> None:
    report = outcomes["variant:clamp_temperature"].report
    assert "curl -X POST" in report
    assert "${PORTKEY_API_KEY}" in report and "${PORTKEY_VIRTUAL_KEY}" in report
    # The report says where each variable's value came from.
    assert "`${PORTKEY_API_KEY}`: the value given with --api-key" in report


def test_scenarios_blocked_by_a_deviation_are_not_failures(outcomes: dict[str, Outcome]) -> None:
    report = outcomes["variant:create_answers_201"].report
    assert "⛔ blocked by D1" in report
    assert "❌ failed" not in report


def test_undeclared_methods_are_reported_under_the_methods_probed(outcomes: dict[str, Outcome]) -> None:
    """schemathesis files each probe under the path's declared operation (POST /assistants for a
    TRACE): the deviation must name what was sent, or it points the server's author at the wrong code."""
    import assistants_spec

    declared = {op.label for op in assistants_spec.load_spec().view().operations.values()}
    report = outcomes["variant:undeclared_method_without_allow"].report
    line = next(line for line in report.splitlines() if line.startswith("- id: undeclared-method"))
    listed = line.split("|")[-1].split(" and ")[0].split(", ")
    assert listed and all(" /assistants" in label for label in listed), line
    assert not declared & {label.strip() for label in listed}, line
