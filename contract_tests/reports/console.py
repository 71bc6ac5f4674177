"""The terminal summary: violations grouped by operation and check, each with a curl command to replay it."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel

from contract_tests.reports.summary import summarize
from contract_tests.runner import RunResult

MAX_PER_CHECK = 3


def print_summary(result: RunResult, console: Console) -> None:
    summary = summarize(result)
    groups = result_groups(result)
    for operation, checks in groups.items():
        console.rule(f"[bold]{escape(operation)}")
        for check, findings in checks.items():
            console.print(f"[bold red]✗ {escape(check)}[/] ({len(findings)})")
            for finding in findings[:MAX_PER_CHECK]:
                console.print(escape(_indent(finding.message, 4)))
                for command in finding.curl:
                    console.print(escape(_indent(command, 6)), style="dim", soft_wrap=True)
            if len(findings) > MAX_PER_CHECK:
                console.print(f"    ... and {len(findings) - MAX_PER_CHECK} more (see --report)")
    style = {"CONFORMS": "green", "VIOLATIONS": "red"}.get(summary.verdict, "yellow")
    console.print(
        Panel(
            "\n".join(escape(d) for d in summary.details),
            title=escape(summary.headline),
            border_style=style,
            title_align="left",
        )
    )


def result_groups(result: RunResult):
    from contract_tests.findings import Findings

    findings = Findings()
    for finding in result.findings:
        findings.add(finding)
    return findings.grouped()


def _indent(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "\n".join(pad + line for line in text.splitlines())
