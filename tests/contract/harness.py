"""Run the conformance CLI, as a user would, against the mock (optionally wrapped by a broken variant)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from mock_server import DEFAULT_API_KEYS, DEFAULT_VIRTUAL_KEYS
from mock_server.process import MockProcess

ROOT = Path(__file__).resolve().parents[2]
# The self-test profile: fewer generated examples, every phase, check and scenario users get.
FAST_ARGS = ("--max-examples", "5")
RUN_TIMEOUT = 480  # generous: the machine is shared, and a slow run is no failure of the suite


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str
    failed_checks: set[str]
    report: str
    junit: str

    @property
    def deviations(self) -> dict[str, set[str]]:
        """The deviations that failed the run (their ids), each with the checks that saw it."""
        return counted_deviations(self.junit)


def counted_deviations(junit_xml: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for case in ET.fromstring(junit_xml).iter("testcase"):
        if case.find("failure") is not None:
            checks = {p.get("value", "") for p in case.iter("property") if p.get("name") == "check"}
            found[case.get("name", "")] = checks
    return found


def _env() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PORTKEY_API_KEY", "PORTKEY_VIRTUAL_KEY", "OPENAI_API_KEY")
    }
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["COLUMNS"] = "200"
    return env


def failed_checks(junit_xml: str) -> set[str]:
    """Every check that saw a deviation that failed the run."""
    return set().union(*counted_deviations(junit_xml).values()) if junit_xml.strip() else set()


def run_conformance(
    *,
    middleware: str | None = None,
    seed: int = 1,
    args: tuple[str, ...] = (),
    credentials: tuple[str, ...] | None = None,
) -> Outcome:
    options = ["--middleware", middleware] if middleware else []
    with tempfile.TemporaryDirectory() as tmp, MockProcess(*options, env=_env(), cwd=ROOT) as mock:
        junit, report = Path(tmp, "junit.xml"), Path(tmp, "report.md")
        if credentials is None:
            credentials = (
                "--api-key",
                DEFAULT_API_KEYS[0],
                "--virtual-key",
                DEFAULT_VIRTUAL_KEYS[0],
                "--second-api-key",
                DEFAULT_API_KEYS[1],
            )
        process = subprocess.run(
            [
                sys.executable,
                "-m",
                "contract_tests",
                "--base-url",
                mock.url,
                *credentials,
                *FAST_ARGS,
                "--seed",
                str(seed),
                "--junit",
                str(junit),
                "--report",
                str(report),
                "--no-progress",
                *args,
            ],
            check=False,
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT,
            cwd=ROOT,
            env=_env(),
        )
        xml = junit.read_text() if junit.exists() else "<testsuite/>"
        text = report.read_text() if report.exists() else ""
    return Outcome(process.returncode, process.stdout, process.stderr, failed_checks(xml), text, xml)
