"""One-line construction for each way in, and the OpenAI-Beta header set once on the client."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import assistants_client.api
import assistants_spec
import httpx
import pytest
from assistants_client import Client
from assistants_client.api.assistants import get_assistant

from .conftest import API_KEY, PORTKEY_KEY, VIRTUAL_KEY, Recorder


def _spec_servers() -> list[str]:
    return [server["url"] for server in assistants_spec.load_spec().document()["servers"]]


def _header_of(scheme: str) -> str:
    return assistants_spec.load_spec().document()["components"]["securitySchemes"][scheme]["name"]


def _sent_headers(client: Client, recorder: Recorder) -> httpx.Headers:
    get_assistant.sync_detailed("asst_1", client=client)
    return recorder.requests[-1].headers


def test_portkey_sends_api_key_and_virtual_key_to_the_hosted_gateway_by_default() -> None:
    recorder = Recorder()
    client = Client.portkey(PORTKEY_KEY, VIRTUAL_KEY, transport=httpx.MockTransport(recorder))
    headers = _sent_headers(client, recorder)
    assert str(recorder.requests[-1].url) == "https://api.portkey.ai/v1/assistants/asst_1"
    assert client.base_url in _spec_servers()
    assert headers[_header_of("PortkeyApiKey")] == PORTKEY_KEY
    assert headers[_header_of("PortkeyVirtualKey")] == VIRTUAL_KEY
    assert "authorization" not in headers


@pytest.mark.parametrize(
    "config, sent",
    [
        ("pc-support-9f2c", "pc-support-9f2c"),  # a saved config's id, as given
        ({"provider": "openai", "retry": {"attempts": 3}}, '{"provider":"openai","retry":{"attempts":3}}'),
        (
            '{ "provider": "openai",\n "cache": {"mode": "simple"} }',
            '{"provider":"openai","cache":{"mode":"simple"}}',
        ),
        (
            {"provider": "openai", "metadata": {"team": "Zoë"}},
            '{"provider":"openai","metadata":{"team":"Zo\\u00eb"}}',
        ),
    ],
    ids=["saved id", "mapping", "JSON text", "non-ASCII"],
)
def test_portkey_routes_by_a_config_instead_of_a_virtual_key(config, sent: str) -> None:
    recorder = Recorder()
    client = Client.portkey(PORTKEY_KEY, config=config, transport=httpx.MockTransport(recorder))
    headers = _sent_headers(client, recorder)
    assert headers[_header_of("PortkeyApiKey")] == PORTKEY_KEY
    assert headers[_header_of("PortkeyConfig")] == sent
    assert _header_of("PortkeyVirtualKey") not in headers


def test_a_self_hosted_gateway_can_carry_a_config_of_gateway_options() -> None:
    recorder = Recorder()
    client = Client.gateway(
        "http://127.0.0.1:8787/v1",
        provider="openai",
        api_key=API_KEY,
        config={"retry": {"attempts": 2}},
        transport=httpx.MockTransport(recorder),
    )
    headers = _sent_headers(client, recorder)
    assert headers[_header_of("PortkeyConfig")] == '{"retry":{"attempts":2}}'
    assert headers[_header_of("PortkeyProvider")] == "openai"


def test_openai_sends_the_key_as_bearer_to_openai_by_default() -> None:
    recorder = Recorder()
    client = Client.openai(API_KEY, transport=httpx.MockTransport(recorder))
    headers = _sent_headers(client, recorder)
    assert str(recorder.requests[-1].url) == "https://api.openai.com/v1/assistants/asst_1"
    assert client.base_url in _spec_servers()
    assert headers["authorization"] == f"Bearer {API_KEY}"


def test_self_hosted_gateway_sends_provider_bearer_and_custom_host() -> None:
    recorder = Recorder()
    client = Client.gateway(
        "http://127.0.0.1:8787/v1",
        provider="openai",
        api_key=API_KEY,
        custom_host="http://127.0.0.1:4010/v1",
        transport=httpx.MockTransport(recorder),
    )
    headers = _sent_headers(client, recorder)
    assert str(recorder.requests[-1].url) == "http://127.0.0.1:8787/v1/assistants/asst_1"
    assert headers[_header_of("PortkeyProvider")] == "openai"
    assert headers["authorization"] == f"Bearer {API_KEY}"
    assert headers[_header_of("PortkeyCustomHost")] == "http://127.0.0.1:4010/v1"


def test_self_hosted_gateway_without_custom_host_sends_none() -> None:
    recorder = Recorder()
    client = Client.gateway(
        "http://127.0.0.1:8787/v1",
        provider="openai",
        api_key=API_KEY,
        transport=httpx.MockTransport(recorder),
    )
    assert _header_of("PortkeyCustomHost") not in _sent_headers(client, recorder)


def test_keys_default_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", API_KEY)
    monkeypatch.setenv("PORTKEY_API_KEY", PORTKEY_KEY)
    monkeypatch.setenv("PORTKEY_VIRTUAL_KEY", VIRTUAL_KEY)
    assert Client.openai().credentials == {"Authorization": f"Bearer {API_KEY}"}
    assert set(Client.portkey().credentials.values()) == {PORTKEY_KEY, VIRTUAL_KEY}
    monkeypatch.delenv("PORTKEY_VIRTUAL_KEY")
    monkeypatch.setenv("PORTKEY_CONFIG", "pc-from-env")
    assert set(Client.portkey().credentials.values()) == {PORTKEY_KEY, "pc-from-env"}
    assert set(Client.portkey(virtual_key=VIRTUAL_KEY).credentials.values()) == {PORTKEY_KEY, VIRTUAL_KEY}
    monkeypatch.setenv("PORTKEY_VIRTUAL_KEY", VIRTUAL_KEY)
    with pytest.raises(ValueError, match="PORTKEY_VIRTUAL_KEY and PORTKEY_CONFIG are both set"):
        Client.portkey()


@pytest.mark.parametrize(
    "build, expected",
    [
        (lambda: Client.openai(""), "api_key is required"),
        (lambda: Client.portkey(PORTKEY_KEY, ""), "virtual_key or config is required"),
        (
            lambda: Client.portkey(PORTKEY_KEY),
            "virtual_key or config is required (or set PORTKEY_VIRTUAL_KEY",
        ),
        (lambda: Client.portkey(PORTKEY_KEY, VIRTUAL_KEY, config="pc-1"), "virtual_key or config, not both"),
        (
            lambda: Client.portkey(PORTKEY_KEY, config='{"provider": '),
            "config looks like JSON but does not parse",
        ),
        (lambda: Client.portkey(PORTKEY_KEY, config="pc 1"), "config must be a saved config's id"),
        (lambda: Client.portkey(PORTKEY_KEY, config=""), "config must be a saved config's id"),
        (lambda: Client.portkey(PORTKEY_KEY, config=["pc-1"]), "got list"),
        (lambda: Client.portkey(PORTKEY_KEY, config={"weight": float("nan")}), "config must be JSON"),
        (
            lambda: Client.gateway("http://127.0.0.1:8787/v1", provider="", api_key=API_KEY),
            "provider is required",
        ),
        (
            lambda: Client.openai(API_KEY, base_url="api.openai.com/v1"),
            "base_url must be an absolute http(s) URL",
        ),
        (lambda: Client.openai(API_KEY, beta="v3"), "beta must be one of"),
        (lambda: Client.openai(API_KEY, max_retries=-1), "max_retries must be >= 0"),
    ],
)
def test_bad_construction_fails_with_a_clear_message(
    build, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("OPENAI_API_KEY", "PORTKEY_API_KEY", "PORTKEY_VIRTUAL_KEY", "PORTKEY_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(ValueError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        build()


@pytest.mark.parametrize("profile", assistants_spec.load_spec().profiles)
def test_the_beta_header_is_set_once_on_the_client_for_each_profile(profile: str) -> None:
    recorder = Recorder()
    client = Client.openai(API_KEY, beta=profile, transport=httpx.MockTransport(recorder))
    headers = _sent_headers(client, recorder)
    assert headers[assistants_spec.load_spec().beta_header] == assistants_spec.load_spec().beta_value(profile)


def test_the_default_beta_profile_is_the_specs_default() -> None:
    recorder = Recorder()
    headers = _sent_headers(Client.openai(API_KEY, transport=httpx.MockTransport(recorder)), recorder)
    assert headers[assistants_spec.load_spec().beta_header] == assistants_spec.load_spec().beta_value()


def test_with_options_switches_the_beta_profile_without_touching_the_original() -> None:
    client = Client.openai(API_KEY)
    legacy = client.with_options(beta="v1")
    assert (client.beta, legacy.beta) == (assistants_spec.load_spec().default_profile, "v1")
    assert legacy.credentials == client.credentials


def _set_by_client_parameter_names() -> set[str]:
    document = assistants_spec.load_spec().document()
    found = {p["name"] for p in document["components"]["parameters"].values() if p.get("x-set-by-client")}
    for item in document["paths"].values():
        for op in [item, *(v for v in item.values() if isinstance(v, dict))]:
            found |= {p["name"] for p in op.get("parameters", []) if p.get("x-set-by-client")}
    return found


def _python_name(name: str) -> str:
    return name.lower().replace("-", "_")


def test_no_generated_function_takes_a_parameter_the_client_sets() -> None:
    marked = {_python_name(name) for name in _set_by_client_parameter_names()}
    assert marked, "the spec marks no parameter x-set-by-client; this test would prove nothing"
    functions = []
    for module_info in pkgutil.walk_packages(assistants_client.api.__path__, "assistants_client.api."):
        module = importlib.import_module(module_info.name)
        for name in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
            if hasattr(module, name):
                functions.append(getattr(module, name))
    assert len(functions) == 4 * 5, "expected sync/async (plain and detailed) for all five operations"
    for function in functions:
        parameters = {_python_name(p) for p in inspect.signature(function).parameters}
        assert not parameters & marked, (
            f"{function.__module__}.{function.__name__} takes {parameters & marked}"
        )


def test_default_timeouts_are_finite() -> None:
    timeout = Client.openai(API_KEY).get_httpx_client().timeout
    assert timeout.connect is not None and timeout.connect <= 10
    assert timeout.read is not None and timeout.read <= 120
