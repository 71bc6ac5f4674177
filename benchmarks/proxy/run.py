#!/usr/bin/env python3
"""Benchmark: the mock directly, through assistants-proxy, and through Prism's proxy, side by side.

    .venv/bin/python benchmarks/proxy/run.py [--duration 6] [--rounds 3] [--connections 16]

One mock; in front of it our proxy and `prism proxy --errors` (the pinned Prism of
benchmarks/mock), both validating every exchange against the same spec. Each round drives every
scenario against the three targets in turn (interleaved, so that all three see the same machine):

- throughput: wrk, 2 threads, --connections connections;
- added latency: wrk with 1 connection (unloaded), p50 through a proxy minus p50 direct.

Targets: our proxy adds at most 1 ms at p50 (GET one assistant) and serves at least 3x Prism's
proxy throughput. Medians over rounds are shown, and whether the proxy's checker kept up (every
exchange judged). Exits 1 when a target is missed. Not part of scripts/test: the machine is shared
and noisy, so only ratios measured in one run mean anything.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import pathlib
import re
import statistics
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def _load_mock_benchmark():
    # The mock benchmark owns installing wrk and the pinned Prism, and starting and stopping servers.
    spec = importlib.util.spec_from_file_location("mock_benchmark", ROOT / "benchmarks" / "mock" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = _load_mock_benchmark()
TARGETS = ("direct", "proxy", "prism")
SCENARIOS = {
    "get_one": ("GET", None),
    "list": ("GET", None),
    "create": ("POST", bench.CREATE_BODY),
}
LABELS = {"get_one": "GET one assistant", "list": "GET list (20)", "create": "POST create"}
MAX_ADDED_P50_MS = 1.0
MIN_RATIO = 3.0


def start_proxy(upstream: str, report: pathlib.Path) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [
            sys.executable, "-m", "contract_tests.proxy", "--upstream", upstream, "--port", "0",
            "--report", str(report),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )  # fmt: skip
    line = process.stdout.readline().strip()
    match = re.match(r"assistants-proxy listening on (\S+)$", line)
    if not match:
        process.kill()
        sys.exit(f"proxy did not start: {line!r}")
    return process, match.group(1)


def start_prism_proxy(workdir: pathlib.Path, upstream: str) -> tuple[subprocess.Popen, str]:
    import assistants_spec

    spec = workdir / "openapi.yaml"
    spec.write_text(assistants_spec.load_spec().dump(), encoding="utf-8")
    port = bench.free_port()
    process = subprocess.Popen(
        [
            str(bench.PRISM),
            "proxy",
            "-v",
            "silent",
            "--errors",
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
            str(spec),
            upstream,
        ],
        cwd=bench.HERE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    # Prism serves the spec's paths from its root and forwards them below the upstream URL.
    url = f"http://127.0.0.1:{port}"
    bench.wait_until_up(url + "/assistants", process)
    return process, url


def cpu_seconds(root: int) -> float:
    """CPU time (user + system) used so far by a process and all its descendants (Linux /proc)."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in pathlib.Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    return sum(times.get(pid, 0.0) for pid in tree)


def run_wrk(
    wrk: str,
    workdir: pathlib.Path,
    url: str,
    method: str,
    body,
    *,
    threads: int,
    connections: int,
    duration: int,
) -> dict:
    script = workdir / f"{method.lower()}.lua"
    lua_body = ""
    if body is not None:
        lua_body = (
            f'wrk.body = {json.dumps(json.dumps(body))}\nwrk.headers["Content-Type"] = "application/json"'
        )
    script.write_text(bench.LUA.format(method=method, key=bench.KEY, beta=bench.BETA, body=lua_body))
    command = [wrk, "-t", str(threads), "-c", str(connections), "-d", f"{duration}s", "-s", str(script), url]
    output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=duration + 60).stdout
    result = json.loads(output.split("RESULT ", 1)[1].splitlines()[0])
    result["rps"] = result["requests"] / result["seconds"]
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--duration", type=int, default=6, help="seconds per throughput run (default: %(default)s)"
    )
    parser.add_argument("--latency-duration", type=int, default=4, help="seconds per 1-connection run")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (default: %(default)s)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; medians are shown")
    parser.add_argument("--json", type=pathlib.Path, help="also write the results as JSON here")
    args = parser.parse_args()

    wrk = bench.ensure_wrk()
    bench.ensure_prism()
    runs: dict[tuple[str, str, str], list[dict]] = {}
    with tempfile.TemporaryDirectory(prefix="proxy-bench-") as tmp:
        workdir = pathlib.Path(tmp)
        report = workdir / "proxy-report.md"
        mock, mock_url = bench.start_mock(workdir, 1)
        proxy, proxy_url = start_proxy(mock_url, report)
        prism, prism_url = start_prism_proxy(workdir, mock_url)
        try:
            status, created = bench.request(mock_url + "/assistants", "POST", bench.CREATE_BODY)
            assert status == 200, status
            for _ in range(19):
                bench.request(mock_url + "/assistants", "POST", bench.CREATE_BODY)
            base = {"direct": mock_url, "proxy": proxy_url, "prism": prism_url}
            urls = {
                target: {
                    "get_one": base[target] + f"/assistants/{created['id']}",
                    "list": base[target] + "/assistants?limit=20",
                    "create": base[target] + "/assistants",
                }
                for target in TARGETS
            }
            for target in TARGETS:  # warm up (JIT, caches, first connections)
                run_wrk(
                    wrk,
                    workdir,
                    urls[target]["get_one"],
                    "GET",
                    None,
                    threads=2,
                    connections=args.connections,
                    duration=2,
                )
            for number in range(args.rounds):
                for scenario, (method, body) in SCENARIOS.items():
                    for target in TARGETS:
                        bench.log(f"round {number + 1}: {scenario} {target}")
                        url = urls[target][scenario]
                        pid = {"direct": mock.pid, "proxy": proxy.pid, "prism": prism.pid}[target]
                        before = cpu_seconds(pid)
                        load = run_wrk(
                            wrk, workdir, url, method, body,
                            threads=2, connections=args.connections, duration=args.duration,
                        )  # fmt: skip
                        # CPU time the target itself (the mock, or the proxy alone) spent per request:
                        # unlike wall-clock figures, barely moved by other jobs on the machine.
                        load["cpu_us"] = (cpu_seconds(pid) - before) / max(load["requests"], 1) * 1e6
                        runs.setdefault((scenario, target, "load"), []).append(load)
                        runs.setdefault((scenario, target, "one"), []).append(
                            run_wrk(
                                wrk,
                                workdir,
                                url,
                                method,
                                body,
                                threads=1,
                                connections=1,
                                duration=args.latency_duration,
                            )
                        )
        finally:
            bench.stop(prism)
            proxy.send_signal(15)
            try:
                proxy.wait(timeout=120)
            except subprocess.TimeoutExpired:
                proxy.kill()
            bench.stop(mock)
        judged = _judged(report)
    return show(runs, args, judged)


def _judged(report: pathlib.Path) -> dict[str, int]:
    text = report.read_text(encoding="utf-8") if report.exists() else ""
    found = {}
    for line in text.splitlines():
        match = re.match(r"- (.+): (\d+)$", line)
        if match:
            found[match.group(1)] = int(match.group(2))
    found["distinct violations"] = (
        int(re.search(r": (\d+) distinct violation", text).group(1)) if text else -1
    )
    return found


def show(runs, args, judged: dict[str, int]) -> int:
    def median(scenario: str, target: str, kind: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[scenario, target, kind])

    print(
        f"mock directly vs through assistants-proxy vs through prism proxy --errors; wrk {args.connections} "
        f"connections x {args.duration}s (throughput) and 1 connection x {args.latency_duration}s (latency), "
        f"{args.rounds} interleaved round(s), medians"
    )
    header = (
        f"{'scenario':<20}{'direct r/s':>11}{'proxy r/s':>11}{'prism r/s':>11}{'proxy/prism':>12}"
        f"{'p50 direct':>12}{'+proxy':>9}{'+prism':>9}{'CPU us/req mock|proxy|prism':>30}  target"
    )
    print(header)
    print("-" * len(header))
    ok = True
    summary = {}
    for scenario in SCENARIOS:
        rps = {t: median(scenario, t, "load", "rps") for t in TARGETS}
        cpu = {t: median(scenario, t, "load", "cpu_us") for t in TARGETS}
        p50 = {t: median(scenario, t, "one", "p50_us") / 1000 for t in TARGETS}
        ratio = rps["proxy"] / rps["prism"]
        added, prism_added = p50["proxy"] - p50["direct"], p50["prism"] - p50["direct"]
        errors = sum(
            r["socket_errors"] + r["non2xx"] for (s, _, _), rs in runs.items() if s == scenario for r in rs
        )
        verdict = "(info)"
        if scenario == "get_one":
            passed = ratio >= MIN_RATIO and added <= MAX_ADDED_P50_MS and errors == 0
            ok &= passed
            verdict = f">= {MIN_RATIO:g}x, +p50 <= {MAX_ADDED_P50_MS:g} ms: {'PASS' if passed else 'FAIL'}"
        if errors:
            verdict += f" ({errors} non-2xx/socket errors!)"
        print(
            f"{LABELS[scenario]:<20}{rps['direct']:>11,.0f}{rps['proxy']:>11,.0f}{rps['prism']:>11,.0f}{ratio:>11.2f}x"
            f"{p50['direct']:>10.2f}ms{added:>7.2f}ms{prism_added:>7.2f}ms"
            f"{cpu['direct']:>16,.0f} |{cpu['proxy']:>6,.0f} |{cpu['prism']:>6,.0f}  {verdict}"
        )
        summary[scenario] = {
            "rps": rps,
            "p50_ms": p50,
            "ratio": ratio,
            "cpu_us": cpu,
            "added_p50_ms": added,
            "errors": errors,
        }
    forwarded = judged.get("exchanges forwarded", 0)
    checked = judged.get("judged against the contract", 0)
    unchecked = judged.get("forwarded unchecked (the checker fell behind)", 0)
    print(
        f"proxy checker: {checked:,} of {forwarded:,} exchanges judged, {unchecked:,} forwarded unchecked, "
        f"{judged.get('distinct violations', -1)} distinct violations"
    )
    summary["checker"] = judged
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
