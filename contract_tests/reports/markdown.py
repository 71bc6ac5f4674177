"""A Markdown report, fit for a CI job summary (e.g. $GITHUB_STEP_SUMMARY)."""

from __future__ import annotations

import os
from pathlib import Path

from contract_tests.events import Event, Handler, RunFinished
from contract_tests.reports.console import grouped
from contract_tests.reports.files import write
from contract_tests.reports.summary import GATEWAY_SECTION, summarize
from contract_tests.results import RunResult, ScenarioStatus

MAX_PER_CHECK = 5
MAX_MESSAGE = 2000


class MarkdownReport(Handler):
    def __init__(self, path: Path) -> None:
        self.path = path

    def handle(self, event: Event) -> None:
        if isinstance(event, RunFinished):
            # The CI job summary file collects several steps' output: add to it rather than replace it.
            summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
            append = bool(summary_file) and Path(summary_file) == self.path
            write(self.path, render_markdown(event.result), append=append)


def render_markdown(result: RunResult) -> str:
    summary = summarize(result)
    icon = {"CONFORMS": "✅", "VIOLATIONS": "❌"}.get(summary.verdict, "⚠️")
    lines = [f"## {icon} Assistants API conformance: {summary.verdict}", "", summary.headline, ""]
    lines += [f"- {detail}" for detail in summary.details]
    lines.append("")
    lines += _findings_section(grouped(result.upstream_findings), "Violations", "###")
    if result.gateway_findings:
        counted = "counted toward" if result.config.strict_gateway else "not counted toward"
        lines += [
            f"### {GATEWAY_SECTION}",
            "",
            (
                "What Portkey's gateway does itself (its own answers, its rewriting of requests), "
                f"{counted} the verdict (`--strict-gateway` counts them)."
            ),
            "",
        ]
        lines += _findings_section(grouped(result.gateway_findings), "Findings", "####")
    scenarios = result.scenarios
    if scenarios:
        lines += ["### Behaviour scenarios", "", "| Scenario | Result | Time |", "|---|---|---|"]
        gateway_failed = {f.check for f in result.gateway_findings if f.source == "scenario"}
        for s in scenarios:
            mark = {ScenarioStatus.PASSED: "✅ passed", ScenarioStatus.FAILED: "❌ failed"}.get(
                s.status, f"⏭ {s.status} ({s.reason})"
            )
            if s.status is ScenarioStatus.FAILED and s.name in gateway_failed:
                mark = "⚠️ failed (gateway finding)"
            took = f"{s.seconds:.1f} s" if s.seconds >= 1 else f"{s.seconds * 1000:.0f} ms"
            lines.append(f"| `{s.name}` | {mark} | {took} |")
        lines.append("")
    return result.config.target.masker.mask("\n".join(lines)) + "\n"


def _findings_section(groups, count_title: str, level: str) -> list[str]:
    if not groups:
        return []
    lines = [f"| Operation | Check | {count_title} |", "|---|---|---|"]
    for operation, checks in groups.items():
        for check, findings in checks.items():
            lines.append(f"| `{operation}` | `{check}` | {len(findings)} |")
    lines.append("")
    for operation, checks in groups.items():
        lines.append(f"{level} `{operation}`")
        for check, findings in checks.items():
            lines.append(f"{level}# `{check}`")
            for finding in findings[:MAX_PER_CHECK]:
                message = finding.message[:MAX_MESSAGE]
                lines += ["", "```text", message, "```"]
                if finding.attribution:
                    lines += ["", f"Why the gateway's: {finding.attribution}"]
                if finding.curl:
                    lines += ["<details><summary>Reproduce</summary>", "", "```bash"]
                    lines += list(finding.curl)
                    lines += ["```", "</details>"]
            if len(findings) > MAX_PER_CHECK:
                lines.append(f"\n... and {len(findings) - MAX_PER_CHECK} more.")
            lines.append("")
    return lines
