"""The conformance CLI, as users run it, through Portkey's real gateway in front of the mock.

It passes on the correct chain (the gateway's own behaviour reported apart, not counted), still fails
when the upstream behind the gateway is broken (attributed to the upstream), switches gateway mode
on by itself, and never prints a key. All runs start in parallel once (module fixture).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from mock_server.process import MockProcess
from tests.contract.harness import FAST_ARGS, ROOT, RUN_TIMEOUT, _env

from .conftest import OTHER_TENANT, TENANT

PARALLEL = 3
SECTION = "Gateway findings: behaviour of the gateway itself, outside the Assistants contract"
GATEWAY_CHECKS = (
    "gateway_refuses_unrouted_request",
    "gateway_accepts_documented_combination",
    "upstream_errors_pass_through",
    "gateway_headers_present",
)
CREDENTIALS = ("--bearer", TENANT, "--second-api-key", OTHER_TENANT)


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str
    report: str
    junit: str

    def testcases(self) -> list[ET.Element]:
        return list(ET.fromstring(self.junit).iter("testcase"))

    @staticmethod
    def _names(case: ET.Element) -> set[str]:
        """A deviation's test case: its id and the checks that saw it."""
        checks = {p.get("value", "") for p in case.iter("property") if p.get("name") == "check"}
        return {case.get("name", ""), *checks}

    def upstream_failures(self) -> set[str]:
        found: set[str] = set()
        for case in self.testcases():
            if case.find("failure") is not None and case.get("classname", "").startswith("upstream."):
                found |= self._names(case)
        return found

    def gateway_findings(self) -> set[str]:
        found: set[str] = set()
        for case in self.testcases():
            if case.get("classname", "").startswith("gateway."):
                found |= self._names(case)
        return found

    @property
    def texts(self) -> tuple[str, ...]:
        return (self.stdout, self.stderr, self.report, self.junit)


def conformance(*args: str, through: str | None = None, upstream_middleware: str | None = None) -> Run:
    """One CLI run against a mock of its own (a broken variant with `upstream_middleware`), directly
    or, with `through` (the gateway's base URL), behind the gateway with the self-hosted header set."""
    options = ["--middleware", upstream_middleware] if upstream_middleware else []
    with tempfile.TemporaryDirectory() as tmp, MockProcess(*options, env=_env(), cwd=ROOT) as mock:
        junit, report = Path(tmp, "junit.xml"), Path(tmp, "report.md")
        target = ("--base-url", mock.url) if through is None else ("--base-url", through, *_routing(mock.url))
        process = subprocess.run(
            [sys.executable, "-m", "contract_tests", *FAST_ARGS, "--seed", "1", "--no-progress"]
            + ["--junit", str(junit), "--report", str(report), *CREDENTIALS, *target, *args],
            check=False,
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT,
            cwd=ROOT,
            env=_env(),
        )
        return Run(
            process.returncode,
            process.stdout,
            process.stderr,
            report.read_text() if report.exists() else "",
            junit.read_text() if junit.exists() else "<testsuite/>",
        )


def _routing(upstream: str) -> tuple[str, ...]:
    return ("--provider", "openai", "--custom-host", upstream)


@pytest.fixture(scope="module")
def runs(gateway_url: str) -> dict[str, Run]:
    jobs = {
        # As users run it (every phase); gateway mode is not asked for: the gateway's headers switch it on.
        "correct": {"through": gateway_url},
        # A broken upstream behind the gateway, with the generic header option and --gateway. The bugs
        # are caught by scenarios and examples already; the coverage phase would only add run time.
        "lost-write-upstream": {
            "through": gateway_url,
            "upstream_middleware": "tests.contract.variants:drop_metadata_on_create",
        },
        "tenant-leak-upstream": {
            "through": gateway_url,
            "upstream_middleware": "tests.contract.variants:shared_tenant",
        },
        # Upstream errors in the gateway's own body: forwarded, so the upstream's violation.
        "gateway-body-from-upstream": {
            "through": gateway_url,
            "upstream_middleware": "tests.gateway.upstream_variants:errors_in_gateway_body",
        },
        # No gateway at all, but --gateway --strict-gateway: the gateway checks must fail (they can
        # fail), as gateway findings that now count.
        "strict-gateway-mode-without-gateway": {},
        "mock-directly": {},
    }
    args = {
        "correct": (),
        "lost-write-upstream": ("--gateway", "--phases", "examples"),
        "tenant-leak-upstream": ("--gateway", "--phases", "examples"),
        "gateway-body-from-upstream": ("--gateway", "--phases", "examples"),
        "strict-gateway-mode-without-gateway": (
            "--gateway",
            "--strict-gateway",
            "--provider",
            "openai",
            "--phases",
            "examples",
        ),
        "mock-directly": ("--phases", "examples"),
    }
    with ThreadPoolExecutor(PARALLEL) as pool:
        futures = {name: pool.submit(conformance, *args[name], **kwargs) for name, kwargs in jobs.items()}
        return {name: future.result() for name, future in futures.items()}


def test_conformance_through_the_gateway_passes_with_gateway_checks_run(runs: dict[str, Run]) -> None:
    run = runs["correct"]
    assert run.exit_code == 0, f"false alarm(s):\n{run.stdout[-6000:]}\n{run.stderr[-2000:]}"
    assert "CONFORMS" in run.report
    gateway_line = next(line for line in run.report.splitlines() if line.startswith("- gateway checks:"))
    for name in GATEWAY_CHECKS:
        assert name in gateway_line, f"{name} did not run through the gateway"
    passed = {case.get("name") for case in run.testcases() if len(case) == 0}
    assert {"gateway_refuses_unrouted_request", "upstream_errors_pass_through"} <= passed


def test_gateway_mode_is_detected_from_the_gateway_headers(runs: dict[str, Run]) -> None:
    assert "gateway mode: on (detected: the answers carry the gateway headers" in runs["correct"].stderr
    assert "gateway mode: on (detected" in runs["correct"].report
    assert "gateway mode" not in runs["mock-directly"].stderr + runs["mock-directly"].report
    assert runs["mock-directly"].exit_code == 0


def test_the_gateways_own_behaviour_is_reported_apart_with_a_replayable_curl(runs: dict[str, Run]) -> None:
    run = runs["correct"]
    assert SECTION in run.report and SECTION in run.stdout
    # The gateway answers an undeclared method with its own 404 body, not the upstream's 405.
    assert "undeclared-method" in run.gateway_findings()
    assert "the gateway answered itself (no-route)" in run.report
    section = run.report.split(SECTION, 1)[1]
    # The key came from --bearer: the command names the variable the report defines for it.
    assert "curl -X " in section and "${CONFORMANCE_BEARER_KEY}" in section
    assert "`${CONFORMANCE_BEARER_KEY}`: the value given with --bearer" in run.report
    assert not run.upstream_failures(), run.upstream_failures()
    # Auth probes keep the routing headers, so they reach the upstream's own 401, not the gateway's 400.
    assert "auth_is_enforced" not in run.gateway_findings()


@pytest.mark.parametrize(
    ("run_name", "caught_by"),
    [
        (
            "lost-write-upstream",
            {"created_is_read_back", "generated_bodies_round_trip", "long_values_are_kept"},
        ),
        ("tenant-leak-upstream", {"tenants_are_isolated"}),
        ("gateway-body-from-upstream", {"openai_error_shape"}),
    ],
)
def test_a_broken_upstream_behind_the_gateway_still_fails_the_run(
    runs: dict[str, Run], run_name: str, caught_by: set[str]
) -> None:
    run = runs[run_name]
    assert run.exit_code == 1, f"exit {run.exit_code}; stderr:\n{run.stderr[-2000:]}"
    assert caught_by & run.upstream_failures(), (
        f"expected one of {sorted(caught_by)} as an upstream violation; upstream: {sorted(run.upstream_failures())}, "
        f"gateway: {sorted(run.gateway_findings())}"
    )
    assert not caught_by & run.gateway_findings(), "an upstream bug was blamed on the gateway"


def test_gateway_checks_fail_where_no_gateway_is_and_strict_gateway_counts_them(runs: dict[str, Run]) -> None:
    run = runs["strict-gateway-mode-without-gateway"]
    # The mock adds no gateway headers and answers without a provider: each gateway check says so,
    # as a gateway finding; the mock itself conforms, so only --strict-gateway makes the run fail.
    assert {"gateway_refuses_unrouted_request", "gateway_headers_present"} <= run.gateway_findings()
    assert "gateway mode: on (--gateway)" in run.stderr
    assert not run.upstream_failures(), run.upstream_failures()
    assert run.exit_code == 1, run.stderr[-2000:]
    assert "VIOLATIONS" in run.report and "counted (--strict-gateway)" in run.report


def test_gateway_findings_alone_do_not_fail_the_run(runs: dict[str, Run]) -> None:
    run = runs["correct"]
    assert run.gateway_findings() and run.exit_code == 0
    assert "not counted toward the verdict" in run.report


def test_no_key_is_ever_printed_or_reported(runs: dict[str, Run]) -> None:
    for name, run in runs.items():
        for text in run.texts:
            for secret in (TENANT, OTHER_TENANT):
                assert secret not in text, f"{name}: a key leaked into the output"
