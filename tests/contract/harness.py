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
RUN_TIMEOUT = 240


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str
    failed_checks: set[str]
    report: str
    junit: str


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
    names = set()
    for case in ET.fromstring(junit_xml).iter("testcase"):
        if case.find("failure") is not None:
            names.add(case.get("name", ""))
    return names


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
