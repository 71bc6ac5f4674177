#!/usr/bin/env python3
"""Benchmark: assistants-mock against Stoplight Prism on the same spec, under wrk, side by side.

    .venv/bin/python benchmarks/mock/run.py [--duration 10] [--connections 16] [--rounds 1]

Installs what it needs: wrk (apt-get, when missing) and the pinned Prism (npm ci here). Runs
each scenario against both servers, alternating, and prints req/s, p99 and the ratios against
the targets (GET one assistant >= 3x Prism, durable POST create >= 2x Prism, p99 <= 10 ms).
Exits 1 when a target is missed. Not part of scripts/test: this machine is shared and noisy, so
only ratios measured in one run mean anything.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

from mock_server.process import MockProcess  # the project is installed in .venv (scripts/bootstrap)

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PRISM = HERE / "node_modules" / ".bin" / "prism"
KEY = "sk-mock-tenant-1"
BETA = "assistants=v2"
CREATE_BODY = {
    "model": "gpt-4o",
    "name": "Math Tutor",
    "instructions": "You are a personal math tutor. Write and run Python code to answer questions.",
    "tools": [{"type": "code_interpreter"}],
    "metadata": {"team": "benchmark"},
}
TARGETS = {"get_one": 3.0, "create": 2.0}
P99_LIMIT_MS = 10.0

LUA = """
wrk.method = "{method}"
wrk.headers["Authorization"] = "Bearer {key}"
wrk.headers["OpenAI-Beta"] = "{beta}"
{body}
done = function(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("RESULT {{\\"requests\\": %d, \\"seconds\\": %f, \\"p99_us\\": %f, \\"p50_us\\": %f, \\"non2xx\\": %d, \\"socket_errors\\": %d}}\\n",
    summary.requests, summary.duration / 1e6, latency:percentile(99), latency:percentile(50), non2xx,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    log("installing wrk (apt-get install -y wrk)")
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, stdout=subprocess.DEVNULL)
    return shutil.which("wrk") or sys.exit("wrk is not available")


def ensure_prism() -> None:
    if PRISM.exists():
        return
    log("installing the pinned Prism (npm ci in benchmarks/mock)")
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=HERE, check=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(url: str, method: str = "GET", body: dict | None = None) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Authorization": f"Bearer {KEY}", "OpenAI-Beta": BETA, "Content-Type": "application/json"}
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=5) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, {}


def wait_until_up(url: str, process: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"server exited early: {process.args}")
        try:
            request(url)
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"server did not answer in time: {url}")


def start_mock(workdir: pathlib.Path, workers: int) -> MockProcess:
    return MockProcess("--db", str(workdir / "bench.sqlite3"), "--workers", str(workers), cwd=ROOT).start()


def start_prism(workdir: pathlib.Path) -> tuple[subprocess.Popen, str]:
    import assistants_spec  # the project is installed in .venv (scripts/bootstrap)

    spec = workdir / "openapi.yaml"
    spec.write_text(assistants_spec.load_spec().dump(), encoding="utf-8")
    port = free_port()
    process = subprocess.Popen(
        [str(PRISM), "mock", "-v", "silent", "-h", "127.0.0.1", "-p", str(port), str(spec)],
        cwd=HERE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_up(url + "/assistants", process)
    return process, url


def stop(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, 15)
        process.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(process.pid, 9)
        process.wait(timeout=10)


def run_wrk(wrk: str, workdir: pathlib.Path, url: str, method: str, body: dict | None, args) -> dict:
    script = workdir / f"{method.lower()}.lua"
    lua_body = ""
    if body is not None:
        lua_body = (
            f'wrk.body = {json.dumps(json.dumps(body))}\nwrk.headers["Content-Type"] = "application/json"'
        )
    script.write_text(LUA.format(method=method, key=KEY, beta=BETA, body=lua_body))
    command = [wrk, "-t", "2", "-c", str(args.connections), "-d", f"{args.duration}s", "-s", str(script), url]
    output = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=args.duration + 60
    ).stdout
    result = json.loads(output.split("RESULT ", 1)[1].splitlines()[0])
    result["rps"] = result["requests"] / result["seconds"]
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (default: %(default)s)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (default: %(default)s)")
    parser.add_argument(
        "--rounds", type=int, default=1, help="alternating rounds per scenario; medians are shown"
    )
    parser.add_argument("--workers", type=int, default=1, help="mock worker processes (default: %(default)s)")
    parser.add_argument("--json", type=pathlib.Path, help="also write the results as JSON here")
    args = parser.parse_args()

    wrk = ensure_wrk()
    ensure_prism()
    with tempfile.TemporaryDirectory(prefix="mock-bench-") as tmp:
        workdir = pathlib.Path(tmp)
        mock = start_mock(workdir, args.workers)
        mock_url = mock.url
        prism, prism_url = start_prism(workdir)
        try:
            status, created = request(mock_url + "/assistants", "POST", CREATE_BODY)
            assert status == 200, status
            # Prism is stateless: it answers any id with the spec's example.
            targets = {
                "mock": {
                    "get_one": mock_url + f"/assistants/{created['id']}",
                    "create": mock_url + "/assistants",
                    "list": mock_url + "/assistants",
                },
                "prism": {
                    "get_one": prism_url + "/assistants/asst_abc123",
                    "create": prism_url + "/assistants",
                    "list": prism_url + "/assistants",
                },
            }
            for name in ("mock", "prism"):  # warm both up (JIT, caches, first connections)
                for scenario, url in targets[name].items():
                    run_wrk(
                        wrk,
                        workdir,
                        url,
                        "POST" if scenario == "create" else "GET",
                        CREATE_BODY if scenario == "create" else None,
                        argparse.Namespace(connections=args.connections, duration=2),
                    )
            runs: dict[tuple[str, str], list[dict]] = {}
            for _ in range(args.rounds):
                for scenario in ("get_one", "create", "list"):
                    for name in ("mock", "prism"):
                        log(f"wrk: {name} {scenario} ({args.duration}s, {args.connections} connections)")
                        method = "POST" if scenario == "create" else "GET"
                        result = run_wrk(
                            wrk,
                            workdir,
                            targets[name][scenario],
                            method,
                            CREATE_BODY if scenario == "create" else None,
                            args,
                        )
                        runs.setdefault((name, scenario), []).append(result)
        finally:
            mock.stop()
            stop(prism)
    return report(runs, args)


def report(runs: dict, args) -> int:
    def median(name: str, scenario: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[name, scenario])

    labels = {"get_one": "GET one assistant", "create": "POST create (durable)", "list": "GET list (20)"}
    print(
        f"assistants-mock vs Prism, wrk {args.connections} connections, {args.duration}s x {args.rounds} "
        f"round(s), mock workers={args.workers}"
    )
    header = f"{'scenario':<24}{'mock req/s':>12}{'mock p99':>11}{'prism req/s':>13}{'prism p99':>11}{'ratio':>8}  target"
    print(header)
    print("-" * len(header))
    ok = True
    summary = {}
    for scenario in ("get_one", "create", "list"):
        mock_rps, prism_rps = median("mock", scenario, "rps"), median("prism", scenario, "rps")
        mock_p99, prism_p99 = (
            median("mock", scenario, "p99_us") / 1000,
            median("prism", scenario, "p99_us") / 1000,
        )
        ratio = mock_rps / prism_rps
        errors = sum(
            r["non2xx"] + r["socket_errors"] for name in ("mock", "prism") for r in runs[name, scenario]
        )
        target = TARGETS.get(scenario)
        verdict = "(info)"
        if target is not None:
            passed = ratio >= target and mock_p99 <= P99_LIMIT_MS and errors == 0
            ok &= passed
            verdict = f">= {target:g}x, p99 <= {P99_LIMIT_MS:g} ms: {'PASS' if passed else 'FAIL'}"
        if errors:
            verdict += f"  ({errors} non-2xx/socket errors!)"
        print(
            f"{labels[scenario]:<24}{mock_rps:>12,.0f}{mock_p99:>9.2f}ms{prism_rps:>13,.0f}{prism_p99:>9.2f}ms"
            f"{ratio:>7.2f}x  {verdict}"
        )
        summary[scenario] = {
            "mock_rps": mock_rps,
            "mock_p99_ms": mock_p99,
            "prism_rps": prism_rps,
            "prism_p99_ms": prism_p99,
            "ratio": ratio,
            "errors": errors,
        }
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
