"""JUnit XML: one test case per deviation (a failure when it counts toward the verdict; skipped when
it is known from the baseline, ignored, or the gateway's own and not counted), one per scenario that
passed, was blocked or skipped.

Each deviation's test case is named by its id, under a class that says whose it is and how severe
(``upstream.validation``, ``gateway.status``); its properties name the checks that saw it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from contract_tests.events import Event, Handler, RunFinished
from contract_tests.findings import Deviation
from contract_tests.reports.files import write
from contract_tests.reports.summary import GATEWAY_SECTION
from contract_tests.reports.text import (
    DETAILED,
    Reproductions,
    clip,
    clip_lines,
    facts,
    headline,
    message_excerpt,
)
from contract_tests.results import RunResult, ScenarioStatus


class JUnitReport(Handler):
    def __init__(self, path: Path, reproductions: Reproductions | None = None) -> None:
        self.path = path
        self.reproductions = reproductions

    def handle(self, event: Event) -> None:
        if isinstance(event, RunFinished):
            repro = self.reproductions or Reproductions.beside(event.result.config.target.masker, self.path)
            write(self.path, render_junit(event.result, repro))


def render_junit(result: RunResult, repro: Reproductions | None = None) -> str:
    repro = repro or Reproductions.beside(result.config.target.masker)
    masker = result.config.target.masker
    suite = ET.Element("testsuite", name="assistants-conformance", time=f"{result.seconds:.3f}")
    cases = failures = skipped = 0
    for index, deviation in enumerate(result.deviations):
        case = ET.SubElement(
            suite,
            "testcase",
            classname=f"{deviation.origin.value}.{deviation.severity.name.lower()}",
            name=deviation.id,
        )
        properties = ET.SubElement(case, "properties")
        for check in sorted(deviation.checks):
            ET.SubElement(properties, "property", name="check", value=check)
        for operation in sorted(deviation.operations)[:20]:
            ET.SubElement(properties, "property", name="operation", value=operation)
        cases += 1
        text = masker.mask(_details(deviation, repro if index < DETAILED else None))
        title = masker.mask(clip(headline(deviation), 300))
        if result.counts(deviation):
            failures += 1
            element = ET.SubElement(case, "failure", message=title)
        else:
            skipped += 1
            why = (
                GATEWAY_SECTION + " (not counted)"
                if deviation.is_gateway and deviation.standing.value == "new"
                else ""
            )
            element = ET.SubElement(
                case, "skipped", message=clip(f"{why or deviation.standing.value}: {title}", 400)
            )
        element.text = clip_lines(text)
    numbers = {d.id: d.label for d in result.deviations}
    for scenario in result.scenarios:
        if scenario.status is ScenarioStatus.FAILED:
            continue  # its deviation is the test case
        case = ET.SubElement(
            suite,
            "testcase",
            classname=f"scenarios.{scenario.operation}",
            name=scenario.name,
            time=f"{scenario.seconds:.3f}",
        )
        cases += 1
        if scenario.status is ScenarioStatus.BLOCKED:
            skipped += 1
            ET.SubElement(
                case,
                "skipped",
                message=f"blocked by {numbers.get(scenario.cause, scenario.cause)} ({scenario.cause})",
            )
        elif scenario.status is ScenarioStatus.SKIPPED:
            skipped += 1
            ET.SubElement(case, "skipped", message=clip(scenario.reason, 400))
    suite.set("tests", str(cases))
    suite.set("failures", str(failures))
    suite.set("skipped", str(skipped))
    ET.indent(suite)
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def _details(deviation: Deviation, repro: Reproductions | None) -> str:
    lines = [headline(deviation), *facts(deviation), "", message_excerpt(deviation.example.message)]
    if repro is not None:
        commands = repro.commands(deviation)
        if commands:
            lines += ["", "Reproduce:", *commands]
    return "\n".join(lines)
