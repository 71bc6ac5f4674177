"""The whole Portkey chain on loopback: a client, Portkey's real gateway (scripts/gateway), the mock.

`mock_url` and `gateway_url` come from tests/conftest.py."""

from __future__ import annotations

import pytest

from mock_server import DEFAULT_API_KEYS

TENANT, OTHER_TENANT = DEFAULT_API_KEYS[:2]


@pytest.fixture
def self_hosted_headers(mock_url: str) -> dict[str, str]:
    """What a self-hosted gateway needs to forward to the mock as if it were OpenAI."""
    return {
        "x-portkey-provider": "openai",
        "Authorization": f"Bearer {TENANT}",
        "x-portkey-custom-host": mock_url,
        "OpenAI-Beta": "assistants=v2",
    }
