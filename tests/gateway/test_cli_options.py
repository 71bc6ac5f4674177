"""The gateway options of the conformance CLI: documented in --help, checked before anything runs."""

from __future__ import annotations

from click.testing import CliRunner

from contract_tests.cli import command

CLEAN_ENV = {
    name: None
    for name in (
        "PORTKEY_API_KEY",
        "PORTKEY_VIRTUAL_KEY",
        "OPENAI_API_KEY",
        "CONFORMANCE_SECOND_API_KEY",
        "PORTKEY_PROVIDER",
        "PORTKEY_CUSTOM_HOST",
    )
}


def invoke(*args: str, env: dict | None = None):
    return CliRunner().invoke(command, list(args), env={**CLEAN_ENV, **(env or {})})


def test_help_names_the_gateway_options() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    for option in (
        "--provider",
        "--custom-host",
        "--gateway",
        "--strict-gateway",
        "PORTKEY_PROVIDER",
        "PORTKEY_CUSTOM_HOST",
    ):
        assert option in result.output


def test_a_custom_host_that_is_not_an_http_url_exits_2() -> None:
    result = invoke(
        "--base-url",
        "http://127.0.0.1:9/v1",
        "--bearer",
        "sk-secret-123456789",
        "--custom-host",
        "127.0.0.1:4010",
        "--no-progress",
    )
    assert result.exit_code == 2, result.output
    assert "--custom-host must be an http(s) URL" in result.output
    assert "sk-secret-123456789" not in result.output


def test_a_custom_host_from_the_environment_is_checked_too() -> None:
    result = invoke(
        "--base-url",
        "http://127.0.0.1:9/v1",
        "--bearer",
        "k",
        "--no-progress",
        env={"PORTKEY_CUSTOM_HOST": "nope"},
    )
    assert result.exit_code == 2 and "--custom-host must be an http(s) URL" in result.output
