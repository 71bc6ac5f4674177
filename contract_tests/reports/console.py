"""The terminal summary: the distinct deviations, most harmful first, each with its clause, the
operations it affects, how many requests showed it and one command that reproduces it."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel

from contract_tests.events import Event, Handler, RunFinished
from contract_tests.findings import Deviation
from contract_tests.reports.summary import GATEWAY_SECTION, summarize
from contract_tests.reports.text import (
    DETAILED,
    Reproductions,
    clip,
    clip_lines,
    facts,
    headline,
    message_excerpt,
)
from contract_tests.results import RunResult

STYLE = {1: "bold red", 2: "bold red", 3: "red", 4: "yellow", 5: "yellow", 6: "cyan"}


class ConsoleSummary(Handler):
    def __init__(self, console: Console, reproductions: Reproductions | None = None) -> None:
        self.console = console
        self.reproductions = reproductions

    def handle(self, event: Event) -> None:
        if isinstance(event, RunFinished):
            repro = self.reproductions or Reproductions.beside(event.result.config.target.masker)
            print_summary(event.result, self.console, repro)


def print_summary(result: RunResult, console: Console, repro: Reproductions | None = None) -> None:
    repro = repro or Reproductions.beside(result.config.target.masker)
    summary = summarize(result)
    if result.upstream:
        console.rule("[bold]Deviations[/] (most harmful first)")
        _print(console, result.upstream, repro)
    if result.gateway:
        console.rule(f"[bold yellow]{escape(GATEWAY_SECTION)}")
        console.print(
            "Counted toward the verdict (--strict-gateway)."
            if result.config.strict_gateway
            else "Not counted toward the verdict (--strict-gateway counts them).",
            style="yellow",
        )
        _print(console, result.gateway, repro)
    legend = repro.legend()
    if legend and result.deviations:
        console.print("Variables in the commands: " + "; ".join(legend), highlight=False, soft_wrap=True)
    style = {"CONFORMS": "green", "VIOLATIONS": "red"}.get(summary.verdict, "yellow")
    console.print(
        Panel(
            "\n".join(escape(clip(d)) for d in summary.details),
            title=escape(summary.headline),
            border_style=style,
            title_align="left",
        )
    )


def _print(console: Console, deviations: list[Deviation], repro: Reproductions) -> None:
    for index, deviation in enumerate(deviations):
        style = STYLE.get(int(deviation.severity), "bold")
        console.print(f"[{style}]{escape(clip(headline(deviation)))}[/]", soft_wrap=True)
        if index >= DETAILED:
            console.print(f"    {escape(facts(deviation)[0])}", highlight=False, soft_wrap=True)
            continue
        for line in facts(deviation):
            console.print(f"    {escape(line)}", highlight=False, soft_wrap=True)
        console.print(
            escape(_indent(message_excerpt(deviation.example.message), 4)), highlight=False, soft_wrap=True
        )
        for command in repro.commands(deviation):
            console.print(escape(_indent(clip(command), 6)), style="dim", highlight=False, soft_wrap=True)


def _indent(text: str, spaces: int) -> str:
    pad = " " * spaces
    return clip_lines("\n".join(pad + line for line in text.splitlines()))
