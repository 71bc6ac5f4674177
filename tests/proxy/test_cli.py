"""assistants-proxy as a command: clear exit 2 for what keeps it from starting, reports on every way
of stopping it, --fail-on-violation, and no key in any output."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys

import httpx
import pytest

from .conftest import KEY_1
from .harness import ROOT


def proxy_command(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "contract_tests.proxy", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def test_help_names_every_option():
    done = proxy_command("--help")
    assert done.returncode == 0
    for option in (
        "--upstream",
        "--host",
        "--port",
        "--beta",
        "--report",
        "--junit",
        "--record",
        "--fail-on-violation",
    ):
        assert option in done.stdout


@pytest.mark.parametrize(
    ("args", "says"),
    [
        ((), "--upstream"),
        (("--upstream", "ftp://example/v1"), "http(s) URL"),
        (("--upstream", "http://127.0.0.1:9/v1"), "unreachable"),
        (("--upstream", "http://127.0.0.1:9/v1", "--beta", "v9"), "invalid choice"),
        (("--upstream", "http://127.0.0.1:9/v1", "--port", "70000"), "--port"),
    ],
)
def test_bad_options_exit_2_with_one_clear_line(args, says):
    done = proxy_command(*args)
    assert done.returncode == 2
    assert says in done.stderr
    assert "Traceback" not in done.stderr


def test_port_in_use_and_unwritable_report_exit_2(upstream, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        done = proxy_command("--upstream", upstream.url, "--port", port)
    assert done.returncode == 2 and "cannot listen" in done.stderr
    done = proxy_command("--upstream", upstream.url, "--port", "0", "--report", str(tmp_path / "no" / "r.md"))
    assert done.returncode == 2 and "--report" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_every_way_of_stopping_writes_the_reports(fresh_upstream, start_proxy, tmp_path, sig):
    paths = {name: tmp_path / name for name in ("r.md", "r.xml", "r.har")}
    proxy = start_proxy(
        fresh_upstream.url, "--report", str(paths["r.md"]), "--junit", str(paths["r.xml"]),
        "--record", str(paths["r.har"]),
    )  # fmt: skip
    httpx.get(proxy.url + "/assistants", headers={"Authorization": f"Bearer {KEY_1}"})  # no beta header
    assert proxy.stop(sig) == 0
    assert "request_headers" in paths["r.md"].read_text()
    assert 'failures="1"' in paths["r.xml"].read_text()
    assert len(json.loads(paths["r.har"].read_text())["log"]["entries"]) == 1


def test_fail_on_violation(fresh_upstream, start_proxy):
    clean = start_proxy(fresh_upstream.url, "--fail-on-violation")
    httpx.get(
        clean.url + "/assistants",
        headers={"Authorization": f"Bearer {KEY_1}", "OpenAI-Beta": "assistants=v2"},
    )
    assert clean.stop() == 0
    failing = start_proxy(fresh_upstream.url, "--fail-on-violation")
    httpx.get(failing.url + "/assistants", headers={"Authorization": f"Bearer {KEY_1}"})
    assert failing.stop() == 1


def test_a_report_that_cannot_be_written_at_the_end_is_exit_2(fresh_upstream, start_proxy):
    proxy = start_proxy(fresh_upstream.url, "--report", "/dev/full")
    assert proxy.stop() == 2
    assert "cannot write /dev/full" in proxy.stderr and "Traceback" not in proxy.stderr


def test_no_key_in_any_output(fresh_upstream, start_proxy, tmp_path):
    custom = "sk-custom-header-secret-42"
    files = [tmp_path / name for name in ("r.md", "r.xml", "r.har")]
    proxy = start_proxy(
        fresh_upstream.url, "--report", str(files[0]), "--junit", str(files[1]), "--record", str(files[2])
    )
    headers = {"Authorization": f"Bearer {KEY_1}", "OpenAI-Beta": "assistants=v2", "api-key": custom}
    # Keys where a careless report would show them: in values the violations quote.
    httpx.post(proxy.url + "/assistants", headers=headers, json={"model": "gpt-4o", "temperature": KEY_1})
    httpx.post(proxy.url + "/assistants", headers=headers, json={"model": "gpt-4o", "top_p": KEY_1.upper()})
    httpx.get(proxy.url + f"/assistants?after={KEY_1}&limit=x", headers=headers)
    proxy.stop()
    outputs = ["\n".join(proxy.lines), proxy.stderr, *(f.read_text() for f in files)]
    assert len(proxy.violations()) >= 3
    for text in outputs:
        for secret in (KEY_1, KEY_1.upper(), custom):
            assert secret not in text
