"""Wall time of the default conformance run on the bundled mock, side by side with schemathesis alone.

Each round runs, in a fresh random order, on a fresh mock each:
  - conformance: `python -m contract_tests` with its defaults (the run `scripts/conformance` makes);
  - schemathesis alone: `schemathesis run` on the same spec, same max-examples, all checks.
  - with ``--baseline DIR``, also the default run of another checkout of this repository (e.g.
    ``git worktree add /tmp/base main``), on the same machine in the same rounds: what a change
    costs, as a ratio (this checkout / the baseline).
The target (issue 5) is an absolute one: the default run takes at most 60 s on this 2-core machine.
The ratio to schemathesis alone (same round, same machine load) shows what the behaviour scenarios
and checks cost on top of it. CPU time (user + system, the run and its mock) is reported beside the
wall time: on a shared machine it varies much less with the load.

    .venv/bin/python benchmarks/conformance/bench_default_run.py [--rounds 3] [--baseline DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import assistants_spec

from contract_tests.cli import DEFAULT_MAX_EXAMPLES
from mock_server import DEFAULT_API_KEYS, DEFAULT_VIRTUAL_KEYS
from mock_server.process import MockProcess


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def conformance(seed: int, root: Path = ROOT) -> tuple[float, int, float]:
    """Wall time, exit code and CPU seconds of the default run of the checkout at ``root``."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    cpu, started = _children_cpu(), time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "contract_tests", "--seed", str(seed), "--no-progress"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return time.monotonic() - started, done.returncode, _children_cpu() - cpu


def schemathesis_alone(seed: int, spec_file: Path) -> tuple[float, int, float]:
    with MockProcess() as mock:
        cpu, started = _children_cpu(), time.monotonic()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "schemathesis.cli",
                "run",
                str(spec_file),
                "--url",
                mock.url,
                "--checks",
                "all",
                "--max-examples",
                str(DEFAULT_MAX_EXAMPLES),
                "--seed",
                str(seed),
                "-H",
                f"x-portkey-api-key: {DEFAULT_API_KEYS[0]}",
                "-H",
                f"x-portkey-virtual-key: {DEFAULT_VIRTUAL_KEYS[0]}",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        # The mock's start is outside the timed part; the conformance figure includes starting it.
        # (The mock's own CPU time is counted once it has exited, outside this figure.)
        return time.monotonic() - started, done.returncode, _children_cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline", type=Path, help="another checkout whose default run to time alongside")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        spec_file = Path(tmp, "openapi.yaml")
        spec_file.write_text(assistants_spec.load_spec().dump())
        rows: list[dict[str, tuple[float, int, float]]] = []
        for round_no in range(args.rounds):
            seed = 1000 + round_no
            contenders = [
                ("conformance", lambda seed=seed: conformance(seed)),
                ("schemathesis", lambda seed=seed: schemathesis_alone(seed, spec_file)),
            ]
            if args.baseline is not None:
                contenders.append(("baseline", lambda seed=seed: conformance(seed, args.baseline.resolve())))
            random.shuffle(contenders)
            results = {name: run() for name, run in contenders}
            rows.append(results)
            ours, alone = results["conformance"], results["schemathesis"]
            line = (
                f"round {round_no + 1}: conformance {ours[0]:.1f}s / {ours[2]:.1f}s CPU (exit {ours[1]}), "
                f"schemathesis alone {alone[0]:.1f}s (exit {alone[1]}), ratio {ours[0] / alone[0]:.2f}x"
            )
            if "baseline" in results:
                base = results["baseline"]
                line += (
                    f"; baseline {base[0]:.1f}s / {base[2]:.1f}s CPU (exit {base[1]}), "
                    f"this/baseline {ours[0] / base[0]:.2f}x wall, {ours[2] / base[2]:.2f}x CPU"
                )
            print(line, flush=True)
    median = statistics.median
    summary = (
        f"median: conformance {median(r['conformance'][0] for r in rows):.1f}s (target <= 60 s), "
        f"ratio to schemathesis alone {median(r['conformance'][0] / r['schemathesis'][0] for r in rows):.2f}x"
    )
    if args.baseline is not None:
        summary += (
            f", baseline {median(r['baseline'][0] for r in rows):.1f}s, this/baseline "
            f"{median(r['conformance'][0] / r['baseline'][0] for r in rows):.2f}x wall, "
            f"{median(r['conformance'][2] / r['baseline'][2] for r in rows):.2f}x CPU"
        )
    print(summary)


if __name__ == "__main__":
    main()
