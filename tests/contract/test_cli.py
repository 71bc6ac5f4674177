"""Exit code 2 for usage errors, bad configuration and unreachable targets, with a clear message."""

from __future__ import annotations

import socket

import pytest
from click.testing import CliRunner

from contract_tests.cli import command
from tests.contract.harness import ROOT  # noqa: F401  (the repo root is importable)

CLEAN_ENV = {
    "PORTKEY_API_KEY": None,
    "PORTKEY_VIRTUAL_KEY": None,
    "OPENAI_API_KEY": None,
    "CONFORMANCE_SECOND_API_KEY": None,
    "PORTKEY_PROVIDER": None,
    "PORTKEY_CUSTOM_HOST": None,
}


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def invoke(*args: str, env: dict | None = None):
    return CliRunner().invoke(command, list(args), env={**CLEAN_ENV, **(env or {})})


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (("--base-url", "http://127.0.0.1:{port}/v1"), {}, "no credentials"),
        (("--base-url", "ftp://example.test/v1", "--bearer", "sk-x"), {}, "must be an http(s) URL"),
        (
            ("--header", "no-colon-here", "--base-url", "http://127.0.0.1:{port}/v1", "--bearer", "k"),
            {},
            "--header expects",
        ),
        (
            ("--rate-limit", "fast", "--base-url", "http://127.0.0.1:{port}/v1", "--bearer", "k"),
            {},
            "--rate-limit expects",
        ),
        (
            ("--virtual-key", "vk", "--base-url", "http://127.0.0.1:{port}/v1", "--bearer", "k"),
            {},
            "--virtual-key goes with a Portkey API key",
        ),
        (
            ("--base-url", "http://127.0.0.1:{port}/v1"),
            {"OPENAI_API_KEY": "sk-secret-from-env-123"},
            "target unreachable",
        ),
    ],
)
def test_bad_configuration_exits_2(args: tuple[str, ...], env: dict, message: str) -> None:
    port = _closed_port()
    result = invoke(*(a.format(port=port) for a in args), "--no-progress", env=env)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "sk-secret-from-env-123" not in result.output


def test_usage_error_exits_2() -> None:
    result = invoke("--max-examples", "0")
    assert result.exit_code == 2
    assert "--max-examples" in result.output


def test_refused_credentials_exit_2_without_showing_the_key() -> None:
    from mock_server.process import MockProcess

    with MockProcess() as mock:
        result = invoke("--base-url", mock.url, "--bearer", "sk-wrong-key-0123456789", "--no-progress")
    assert result.exit_code == 2, result.output
    assert "refused the credentials" in result.output
    assert "sk-wrong-key-0123456789" not in result.output


def test_help_names_every_documented_option() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    for option in (
        "--base-url",
        "--api-key",
        "--virtual-key",
        "--bearer",
        "--second-api-key",
        "--header",
        "--beta",
        "--max-examples",
        "--seed",
        "--workers",
        "--max-time",
        "--rate-limit",
        "--junit",
        "--report",
    ):
        assert option in result.output
