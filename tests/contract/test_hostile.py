"""The CLI against targets that fight back (issue 13, CLI items 1-5): signals like CI runners send,
targets that never finish an answer or ask to wait forever, answers of 10 MB, keys given and echoed
in unusual ways, outputs that cannot be written. Each through a real subprocess."""

from __future__ import annotations

import re
import resource
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from mock_server import DEFAULT_API_KEYS, DEFAULT_VIRTUAL_KEYS
from mock_server.process import MockProcess
from tests.contract import standins
from tests.contract.harness import ROOT, _env

KEY = "sk-hostile-0123456789abcdef"


def _start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "contract_tests", *args],
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(process: subprocess.Popen[str], pattern: str, seconds: float = 120) -> list[str]:
    seen: list[str] = []
    deadline = time.monotonic() + seconds
    assert process.stderr is not None
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        seen.append(line)
        if re.search(pattern, line) or not line:
            break
    assert any(re.search(pattern, line) for line in seen), "".join(seen)
    return seen


def _listening(url: str) -> bool:
    parts = urlsplit(url)
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex((parts.hostname, parts.port)) == 0


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_sigterm_and_sighup_act_like_ctrl_c_and_stop_the_bundled_mock(
    tmp_path: Path, signum: int, code: int
) -> None:
    report = tmp_path / "report.md"
    process = _start("--max-examples", "5", "--seed", "3", "--report", str(report))
    started = _wait_for(process, r"started the bundled mock at ")
    url = started[-1].strip().rsplit(" ", 1)[-1]
    _wait_for(process, r"scenario list_pages_fit_together")
    process.send_signal(signum)
    out, err = process.communicate(timeout=90)
    assert process.returncode == code, out + err
    assert "INTERRUPTED" in out and "cleanup: deleted" in out
    assert "LEFT BEHIND" not in out
    assert "INTERRUPTED" in report.read_text()
    assert not _listening(url), "the bundled mock (or one of its workers) is still running"


def test_a_trickling_target_cannot_hold_a_request(tmp_path: Path) -> None:
    with standins.serving(standins.openai_since_sunset, trickle=0.5) as url:
        started = time.monotonic()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "contract_tests",
                "--base-url",
                url,
                "--bearer",
                KEY,
                "--request-deadline",
                "3",
            ],
            cwd=ROOT,
            env=_env(),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        took = time.monotonic() - started
    assert done.returncode == 2, done.stdout + done.stderr
    assert "within the deadline" in done.stderr
    assert took < 60, f"took {took:.0f} s"


@pytest.mark.parametrize(
    "target",
    [
        ("trickle", lambda: standins.serving(standins.openai_since_sunset, trickle=2.0)),
        ("retry-after", lambda: standins.serving(standins.rate_limited(30))),
    ],
    ids=lambda t: t[0],
)
def test_ctrl_c_is_effective_while_a_target_holds_a_request(target) -> None:
    with target[1]() as url:
        process = _start("--base-url", url, "--bearer", KEY)
        assert url.arrived.wait(120), "the CLI never sent its first request"
        time.sleep(3)  # well into the first request (or the wait before its retry)
        sent = time.monotonic()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
        took = time.monotonic() - sent
    assert process.returncode in (2, 130), out + err
    assert took < 15, f"stopped {took:.0f} s after Ctrl-C"
    assert KEY not in out + err


def test_answers_of_10_mb_keep_memory_bounded() -> None:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with standins.serving(standins.huge_lists(10 * 1024 * 1024)) as url:
        done = subprocess.run(
            [sys.executable, "-m", "contract_tests", "--base-url", url, "--bearer", KEY]
            + ["--max-examples", "5", "--phases", "examples,fuzzing", "--no-progress"],
            cwd=ROOT,
            env=_env(),
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-3000:]
    assert len(done.stdout) < 100_000
    # What the suite keeps of an answer is cut to KEPT_TEXT; schemathesis itself keeps every answer of
    # one operation's scenario until that scenario ends (about 1.1 GB here at --max-examples 2, 1.3 GB
    # at 15: bounded, not growing with the run), which the suite cannot lower without patching it.
    # Before the bound, --max-examples 5 took about 5 GB.
    assert peak_mb < 1536 or before / 1024 >= peak_mb, f"the CLI grew to {peak_mb:.0f} MB"


def test_a_key_in_any_header_is_masked_even_when_echoed_upper_cased(tmp_path: Path) -> None:
    secret = "sk-azure-style-key-0123456789abcdef"
    report, junit = tmp_path / "report.md", tmp_path / "junit.xml"
    with MockProcess(
        "--middleware", "tests.contract.hostile:echo_key_upper_cased", env=_env(), cwd=ROOT
    ) as mock:
        done = subprocess.run(
            [sys.executable, "-m", "contract_tests", "--base-url", mock.url]
            + ["--api-key", DEFAULT_API_KEYS[0], "--virtual-key", DEFAULT_VIRTUAL_KEYS[0]]
            + ["--header", f"api-key: {secret}", "--max-examples", "2", "--phases", "examples"]
            + ["--no-progress", "--report", str(report), "--junit", str(junit)],
            cwd=ROOT,
            env=_env(),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    texts = (done.stdout, done.stderr, report.read_text(), junit.read_text())
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-3000:]
    assert "(key " in texts[2], "the echo must reach the report for this test to mean anything"
    for text in texts:
        assert secret.lower() not in text.lower()
    assert "${CONFORMANCE_HEADER_API_KEY}" in texts[2]
    assert "--header 'api-key: ...'" in texts[2]  # the report says what the variable stands for


def test_an_output_that_cannot_be_written_is_exit_2_with_one_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "contract_tests", "--max-examples", "1", "--phases", "examples"]
        + ["--no-scenarios", "--no-progress", "--report", "/dev/full"],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    errors = [line for line in done.stderr.splitlines() if line.startswith("error")]
    assert done.returncode == 2, done.stderr[-3000:]
    assert errors == ["error: cannot write /dev/full: No space left on device"], done.stderr
    assert "Traceback" not in done.stderr
