"""The preflight: a target that cannot be checked stops the run before anything is judged, with exit
code 2 and one line that says why."""

from __future__ import annotations

import subprocess
import sys

import assistants_spec
import pytest

from mock_server import DEFAULT_API_KEYS
from mock_server.process import MockProcess
from tests.contract import standins
from tests.contract.harness import ROOT, _env

KEY = "sk-preflight-0123456789abcdef"
SUNSET = assistants_spec.load_spec().info_extension("x-sunset")["date"]


def cli(base_url: str, *args: str, key: str = KEY, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "contract_tests",
            "--base-url",
            base_url,
            "--bearer",
            key,
            "--no-progress",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env=_env(),
        check=False,
    )


def one_error_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, f"exit {done.returncode}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    assert not done.stdout.strip(), "nothing is judged, so nothing is reported"
    assert KEY not in done.stderr
    return lines[0]


def test_openai_since_its_sunset_is_not_an_assistants_api() -> None:
    with standins.serving(standins.openai_since_sunset) as url:
        line = one_error_line(cli(url))
    assert "does not serve the Assistants API" in line
    assert "Invalid URL (GET /v1/assistants)" in line
    assert f"shut the hosted Assistants API down on {SUNSET}" in line


def test_a_page_that_is_no_api() -> None:
    with standins.serving(standins.not_an_api) as url:
        line = one_error_line(cli(url))
    assert "does not serve the Assistants API" in line and "text/html" in line


def test_credentials_refused_on_every_request() -> None:
    with standins.serving(standins.refuses_every_key) as url:
        line = one_error_line(cli(url))
    assert "refused the credentials on every request" in line
    assert "401" in line


def test_unreachable() -> None:
    with standins.serving(standins.not_an_api) as url:
        pass  # the port is closed again
    line = one_error_line(cli(url))
    assert "target unreachable" in line


def test_a_wrong_base_path_says_which_one_is_right() -> None:
    with MockProcess() as mock:
        root = mock.url.rstrip("/").removesuffix("/v1")
        line = one_error_line(cli(root, key=DEFAULT_API_KEYS[0]))
        assert "base URL's path looks wrong" in line
        assert f"--base-url {root}/v1" in line
        line = one_error_line(cli(root + "/v2", key=DEFAULT_API_KEYS[0]))
        assert f"--base-url {root}/v1" in line


def test_a_server_without_these_routes() -> None:
    with standins.serving(standins.plain_not_found) as url:
        line = one_error_line(cli(url))
    assert "does not serve the Assistants API at this path" in line


def test_a_target_that_rate_limits_forever_ends_at_once() -> None:
    with standins.serving(standins.rate_limited_forever) as url:
        line = one_error_line(cli(url, timeout=60))
    assert "rate-limits even the first request" in line and "999999" in line


@pytest.mark.parametrize("where", ["base URL without a scheme", "unknown --ignore"])
def test_bad_options_are_one_line_too(where: str) -> None:
    args = ("--ignore", "no_such_check") if where == "unknown --ignore" else ()
    url = "127.0.0.1:9/v1" if where == "base URL without a scheme" else "http://127.0.0.1:9/v1"
    line = one_error_line(cli(url, *args))
    assert line.startswith("error:")
