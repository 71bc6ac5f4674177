"""A Markdown report, fit for a CI job summary (e.g. $GITHUB_STEP_SUMMARY): the distinct deviations
first (a table, then each with an example and a reproduction), the scenarios, what was left behind."""

from __future__ import annotations

import os
from pathlib import Path

from contract_tests.events import Event, Handler, RunFinished
from contract_tests.findings import Deviation
from contract_tests.reports.files import write
from contract_tests.reports.summary import GATEWAY_SECTION, summarize
from contract_tests.reports.text import (
    DETAILED,
    Reproductions,
    clip_lines,
    facts,
    message_excerpt,
    operations,
    standing_note,
)
from contract_tests.results import RunResult, ScenarioStatus

MAX_LEFT_IDS = 500


class MarkdownReport(Handler):
    def __init__(self, path: Path, reproductions: Reproductions | None = None) -> None:
        self.path = path
        self.reproductions = reproductions

    def handle(self, event: Event) -> None:
        if isinstance(event, RunFinished):
            # The CI job summary file collects several steps' output: add to it rather than replace it.
            summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
            append = bool(summary_file) and Path(summary_file) == self.path
            repro = self.reproductions or Reproductions.beside(event.result.config.target.masker, self.path)
            write(self.path, render_markdown(event.result, repro), append=append)


def render_markdown(result: RunResult, repro: Reproductions | None = None) -> str:
    repro = repro or Reproductions.beside(result.config.target.masker)
    summary = summarize(result)
    icon = {"CONFORMS": "✅", "VIOLATIONS": "❌"}.get(summary.verdict, "⚠️")
    lines = [f"## {icon} Assistants API conformance: {summary.verdict}", "", summary.headline, ""]
    lines += [f"- {detail}" for detail in summary.details]
    lines.append("")
    lines += _section(result.upstream, "### Deviations", "Most harmful first.", repro)
    if result.gateway:
        counted = "counted toward" if result.config.strict_gateway else "not counted toward"
        intro = (
            "What Portkey's gateway does itself (its own answers, its rewriting of requests), "
            f"{counted} the verdict (`--strict-gateway` counts them)."
        )
        lines += _section(result.gateway, f"### {GATEWAY_SECTION}", intro, repro)
    legend = repro.legend()
    if legend and result.deviations:
        lines += (
            ["Variables in the commands:", ""]
            + [f"- `{item.split(':', 1)[0]}`:{item.split(':', 1)[1]}" for item in legend]
            + [""]
        )
    if result.scenarios:
        lines += ["### Behaviour scenarios", "", "| Scenario | Result | Time |", "|---|---|---|"]
        numbers = {d.id: d.label for d in result.deviations}
        for s in result.scenarios:
            mark = {
                ScenarioStatus.PASSED: "✅ passed",
                ScenarioStatus.FAILED: f"❌ failed: {numbers.get(s.cause, s.cause)}",
                ScenarioStatus.BLOCKED: f"⛔ blocked by {numbers.get(s.cause, s.cause)}",
            }.get(s.status, f"⏭ {s.status} ({s.reason})")
            took = f"{s.seconds:.1f} s" if s.seconds >= 1 else f"{s.seconds * 1000:.0f} ms"
            lines.append(f"| `{s.name}` | {mark} | {took} |")
        lines.append("")
    cleanup = result.cleanup
    if cleanup is not None and cleanup.left:
        lines += [
            f"### Left behind: {len(cleanup.left)} assistants this run created",
            "",
            "Delete them by hand (same credentials as the run):",
            "",
            "```text",
        ]
        lines += cleanup.left[:MAX_LEFT_IDS]
        if len(cleanup.left) > MAX_LEFT_IDS:
            lines.append(f"... and {len(cleanup.left) - MAX_LEFT_IDS} more")
        lines += ["```", ""]
    return clip_lines(result.config.target.masker.mask("\n".join(lines))) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _section(deviations: list[Deviation], title: str, intro: str, repro: Reproductions) -> list[str]:
    if not deviations:
        return []
    lines = [
        title,
        "",
        intro,
        "",
        "| # | Severity | Clause | Operations | Requests | id |",
        "|---|---|---|---|---|---|",
    ]
    for d in deviations:
        note = standing_note(d)
        clause = _cell(d.title) + (f" ({note})" if note else "")
        lines.append(
            f"| {d.label} | {d.severity.label} | {clause} | {_cell(operations(d))} | {d.count} | `{d.id}` |"
        )
    lines.append("")
    for d in deviations[:DETAILED]:
        lines += [f"#### {d.label}: {_cell(d.title)}", ""]
        lines += [f"- {line}" for line in facts(d)]
        lines += ["", "```text", message_excerpt(d.example.message).replace("```", "'''"), "```"]
        commands = repro.commands(d)
        if commands:
            lines += ["<details><summary>Reproduce</summary>", "", "```bash", *commands, "```", "</details>"]
        lines.append("")
    if len(deviations) > DETAILED:
        lines += [f"({len(deviations) - DETAILED} more deviations are listed in the table only.)", ""]
    return lines
