"""Keys are masked in every text the suite produces; curl commands replay through environment variables."""

from __future__ import annotations

import subprocess

from contract_tests.config import resolve_credentials
from contract_tests.http import Exchange
from contract_tests.masking import Masker, mask_value
from contract_tests.target import Target

KEY = "sk-live-0123456789abcdef"
VIRTUAL = "vk-live-fedcba9876543210"


def _target() -> Target:
    credentials = resolve_credentials({"--api-key": KEY, "--virtual-key": VIRTUAL}, environ={})
    return Target("https://api.example.test/v1", credentials)


def test_messages_never_contain_a_key() -> None:
    masker = _target().masker
    text = masker.mask(f"refused {KEY} with {VIRTUAL}")
    assert KEY not in text and VIRTUAL not in text
    assert mask_value(KEY) in text  # still tells keys apart


def test_unknown_bearer_tokens_are_masked_too() -> None:
    text = Masker().mask("Authorization: Bearer sk-proj-abcdefghijklmnop")
    assert "sk-proj-abcdefghijklmnop" not in text


def test_curl_commands_replay_with_keys_from_the_environment() -> None:
    target = _target()
    exchange = Exchange("GET", target.base_url + "/assistants", target.headers(), None, 200, None, "")  # type: ignore[arg-type]
    command = exchange.curl(target.masker)
    assert KEY not in command and VIRTUAL not in command
    # The shell expands the reference back to the key: the command is replayable as printed.
    echoed = subprocess.run(
        ["bash", "-c", command.replace("curl ", "printf '%s\\n' ", 1)],
        env={"PORTKEY_API_KEY": KEY, "PORTKEY_VIRTUAL_KEY": VIRTUAL},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert f"x-portkey-api-key: {KEY}" in echoed
    assert f"x-portkey-virtual-key: {VIRTUAL}" in echoed


def test_target_repr_does_not_show_keys() -> None:
    target = _target()
    assert KEY not in repr(target.credentials) and VIRTUAL not in repr(target.credentials)
    assert KEY not in repr(target)


def test_keys_inside_a_json_routing_header_are_masked_and_replay() -> None:
    """A Portkey config may carry the provider's key itself: the key must not reach a report when a
    server echoes it alone, and the curl must still replay."""
    provider_key = "sk-provider-0123456789abcdef"
    config = '{"provider":"openai","api_key":"' + provider_key + '","retry":{"attempts":3}}'
    credentials = resolve_credentials({"--api-key": KEY}, environ={})
    target = Target("https://api.example.test/v1", credentials, extra_headers={"x-portkey-config": config})
    masker = target.masker
    assert provider_key not in masker.mask(f"upstream refused {provider_key}")
    exchange = Exchange("GET", target.base_url + "/assistants", target.headers(), None, 200, None, "")  # type: ignore[arg-type]
    command = exchange.curl(masker)
    assert provider_key not in command
    echoed = subprocess.run(
        ["bash", "-c", command.replace("curl ", "printf '%s\\n' ", 1)],
        env={"PORTKEY_API_KEY": KEY, "CONFORMANCE_HEADER_X_PORTKEY_CONFIG": config},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert f"x-portkey-config: {config}" in echoed
    routing = Target(
        "https://api.example.test/v1", credentials, extra_headers={"x-portkey-provider": "openai"}
    )
    assert routing.masker.mask("provider openai") == "provider openai", "routing values are no secrets"
