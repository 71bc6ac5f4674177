"""A live progress display on stderr (rich); plain lines when stderr is not a terminal (CI logs)."""

from __future__ import annotations

import time
from typing import Self

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

PHASE_TITLES = {
    "examples": "schemathesis: examples",
    "coverage": "schemathesis: coverage",
    "fuzzing": "schemathesis: fuzzing",
    "stateful": "schemathesis: stateful",
}


class ProgressDisplay:
    def __init__(self, console: Console, scenario_count: int) -> None:
        self.console = console
        self.live = console.is_terminal
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
        self._scenarios = self._progress.add_task("behaviour scenarios", total=scenario_count, note="")
        self._phases: dict[str, int] = {}
        self._current_phase: str | None = None

    def __enter__(self) -> Self:
        if self.live:
            self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.live:
            self._progress.stop()

    def _log(self, text: str) -> None:
        if not self.live:
            self.console.print(f"[{time.monotonic() - self.started:6.1f}s] {text}", highlight=False)

    def __call__(self, kind: str, name: str | None, count: int) -> None:
        if kind == "gateway":
            # Said even with a live display: it changes how findings are attributed.
            self.console.print(f"gateway mode: on ({name})", highlight=False)
        elif kind == "scenario_total":
            self._progress.update(self._scenarios, total=count)
        elif kind == "scenario":
            self._progress.update(self._scenarios, note=name or "")
            self._log(f"scenario {name}")
        elif kind == "scenario_done":
            self._progress.advance(self._scenarios, count)
            self._progress.update(self._scenarios, note="")
        elif kind == "phase" and name in PHASE_TITLES:
            if name not in self._phases:
                self._phases[name] = self._progress.add_task(PHASE_TITLES[name], total=None, note="requests")
            self._log(PHASE_TITLES[name])
        elif kind == "cases" and name in self._phases:
            self._progress.advance(self._phases[name], count)
        elif kind == "phase_done" and name in self._phases:
            task = self._phases[name]
            done = self._progress.tasks[task].completed
            self._progress.update(task, total=max(done, 1), completed=max(done, 1))
            self._progress.stop_task(task)
            self._log(f"{PHASE_TITLES[name]}: done, {int(done)} requests")
        elif kind == "violations" and name in self._phases:
            self._progress.update(self._phases[name], note=f"requests, {count} violations so far")
        elif kind == "cleanup":
            self._progress.update(self._scenarios, note="")
            self._log(f"cleanup: deleting {count} assistants created by this run")
