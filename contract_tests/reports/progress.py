"""The live progress display on stderr (rich); plain timestamped lines when stderr is not a terminal
(CI logs); with --no-progress only what changes how the run judges (gateway mode)."""

from __future__ import annotations

import time

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from contract_tests.events import (
    CasesChecked,
    CleanupStarted,
    Event,
    GatewayModeOn,
    Handler,
    PhaseFinished,
    PhaseStarted,
    RunFinished,
    ScenarioFinished,
    ScenariosStarted,
    ScenarioStarted,
)


def phase_title(phase: str) -> str:
    return f"schemathesis: {phase}"


class ConsoleProgress(Handler):
    def __init__(self, console: Console, *, enabled: bool = True) -> None:
        self.console = console
        self.enabled = enabled
        self.live = enabled and console.is_terminal
        self.started = time.monotonic()
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[note]}"),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        )
        self._scenarios: int | None = None
        self._phases: dict[str, int] = {}
        if self.live:
            self._progress.start()

    def close(self) -> None:
        if self.live:
            self._progress.stop()
            self.live = False

    def _log(self, text: str) -> None:
        if self.enabled and not self.live:
            self.console.print(f"[{time.monotonic() - self.started:6.1f}s] {text}", highlight=False)

    def handle(self, event: Event) -> None:
        progress = self._progress
        match event:
            case GatewayModeOn(reason=reason):
                # Said even without a progress display: it changes how findings are attributed.
                self.console.print(f"gateway mode: on ({reason})", highlight=False)
            case ScenariosStarted(total=total):
                self._scenarios = progress.add_task("behaviour scenarios", total=total, note="")
            case ScenarioStarted(name=name):
                if self._scenarios is not None:
                    progress.update(self._scenarios, note=name)
                self._log(f"scenario {name}")
            case ScenarioFinished():
                if self._scenarios is not None:
                    progress.advance(self._scenarios, 1)
                    progress.update(self._scenarios, note="")
            case PhaseStarted(phase=phase):
                if phase not in self._phases:
                    self._phases[phase] = progress.add_task(phase_title(phase), total=None, note="requests")
                self._log(phase_title(phase))
            case CasesChecked(phase=phase, requests=requests, violations=violations) if phase in self._phases:
                progress.advance(self._phases[phase], requests)
                if violations:
                    progress.update(self._phases[phase], note=f"requests, {violations} violations so far")
            case PhaseFinished(phase=phase) if phase in self._phases:
                task = self._phases[phase]
                done = progress.tasks[task].completed
                progress.update(task, total=max(done, 1), completed=max(done, 1))
                progress.stop_task(task)
                self._log(f"{phase_title(phase)}: done, {int(done)} requests")
            case CleanupStarted(objects=objects):
                self._log(f"cleanup: deleting {objects} assistants created by this run")
            case RunFinished():
                self.close()
