"""JUnit XML: one test case per scenario and per schemathesis check that found something, per phase."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from contract_tests.config import PHASES
from contract_tests.events import Event, Handler, RunFinished
from contract_tests.findings import Finding
from contract_tests.reports.files import write
from contract_tests.reports.summary import GATEWAY_SECTION
from contract_tests.results import RunResult, ScenarioStatus


class JUnitReport(Handler):
    def __init__(self, path: Path) -> None:
        self.path = path

    def handle(self, event: Event) -> None:
        if isinstance(event, RunFinished):
            write(self.path, render_junit(event.result))


def render_junit(result: RunResult) -> str:
    masker = result.config.target.masker
    suite = ET.Element("testsuite", name="assistants-conformance", time=f"{result.seconds:.3f}")
    cases = 0
    failures = 0
    for scenario in result.scenarios:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=f"scenarios.{scenario.operation}",
            name=scenario.name,
            time=f"{scenario.seconds:.3f}",
        )
        cases += 1
        if scenario.status is ScenarioStatus.SKIPPED:
            ET.SubElement(case, "skipped", message=scenario.reason)
        for finding in result.upstream_findings:
            if finding.source == "scenario" and finding.check == scenario.name:
                failures += 1
                failure = ET.SubElement(case, "failure", message=_headline(masker, finding.message))
                failure.text = masker.mask(finding.message + "\n\n" + "\n".join(finding.curl))
    engine_findings = [f for f in result.upstream_findings if f.source != "scenario"]
    if result.engine is not None:
        phases_run = set(result.engine.by_phase) | {f.source for f in engine_findings}
        for phase in [p for p in PHASES if p in phases_run] + sorted(phases_run - set(PHASES)):
            found = [f for f in engine_findings if f.source == phase]
            if not found:
                ET.SubElement(suite, "testcase", classname=f"schemathesis.{phase}", name="all checks")
                cases += 1
                continue
            by_key: dict[tuple[str, str], list] = {}
            for finding in found:
                by_key.setdefault((finding.operation, finding.check), []).append(finding)
            for (operation, check), items in sorted(by_key.items()):
                case = ET.SubElement(
                    suite, "testcase", classname=f"schemathesis.{phase}.{operation}", name=check
                )
                cases += 1
                failures += 1
                failure = ET.SubElement(case, "failure", message=_headline(masker, items[0].message))
                failure.text = masker.mask("\n\n".join(f.message + "\n" + "\n".join(f.curl) for f in items))
    for finding in result.gateway_findings:
        # Its own test case per finding, under a class that says whose it is; a failure only when counted.
        case = ET.SubElement(
            suite,
            "testcase",
            classname=f"gateway.{finding.source}.{finding.operation}",
            name=finding.check,
        )
        cases += 1
        text = masker.mask(_gateway_text(finding))
        if result.config.strict_gateway:
            failures += 1
            element = ET.SubElement(case, "failure", message=_headline(masker, finding.message))
        else:
            element = ET.SubElement(
                case,
                "skipped",
                message=_headline(masker, f"{GATEWAY_SECTION} (not counted): {finding.message}"),
            )
        element.text = text
    suite.set("tests", str(cases))
    suite.set("failures", str(failures))
    ET.indent(suite)
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def _headline(masker, message: str, limit: int = 300) -> str:
    """The message on one line (a JUnit failure attribute), shortened."""
    flat = " ".join(message.split())
    return masker.mask(flat if len(flat) <= limit else flat[:limit] + "...")


def _gateway_text(finding: Finding) -> str:
    return f"{finding.message}\n\nWhy the gateway's: {finding.attribution}\n\n" + "\n".join(finding.curl)
