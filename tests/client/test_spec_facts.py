"""The header names the client runtime sends come from the spec, through the generated ``FACTS``:
the runtime writes none of them down, and an edited spec changes what the generator writes."""

from __future__ import annotations

import dataclasses
import functools
import importlib.util
import pathlib

import assistants_spec
import httpx
import pytest
import yaml
from assistants_client import Client
from assistants_client.api.assistants import create_assistant, get_assistant
from assistants_client.client import FACTS
from assistants_client.models import CreateAssistantRequest
from attrs import define

from .conftest import Recorder

ROOT = pathlib.Path(__file__).resolve().parents[2]
RUNTIME = ROOT / "scripts" / "client_generator" / "runtime"


@functools.cache
def _generator():
    spec = importlib.util.spec_from_file_location(
        "client_generator", ROOT / "scripts/client_generator/generate.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _facts_of(spec: assistants_spec.Spec) -> dict:
    generator = _generator()
    return generator.spec_facts(spec, generator.set_by_client(spec))


def test_the_generated_facts_are_the_specs() -> None:
    spec = assistants_spec.load_spec()
    assert FACTS.idempotency_header == spec.idempotency.header
    (bearer,) = [s for s in spec.security.schemes.values() if s.http_scheme == "bearer"]
    assert FACTS.bearer_header == bearer.header


def test_an_edited_spec_changes_the_facts_the_generator_writes(tmp_path: pathlib.Path) -> None:
    document = yaml.safe_load(assistants_spec.SPEC_PATH.read_text(encoding="utf-8"))
    document["x-idempotency"]["header"] = "X-Once"
    edited = tmp_path / "openapi.yaml"
    edited.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    assert _facts_of(assistants_spec.Spec.load(edited))["idempotency_header"] == "X-Once"
    del document["x-idempotency"]
    edited.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    assert _facts_of(assistants_spec.Spec.load(edited))["idempotency_header"] == ""


def test_the_generator_refuses_a_spec_without_one_bearer_scheme(tmp_path: pathlib.Path) -> None:
    document = yaml.safe_load(assistants_spec.SPEC_PATH.read_text(encoding="utf-8"))
    schemes = document["components"]["securitySchemes"]
    schemes["BearerAuth"] = {"type": "apiKey", "in": "header", "name": "X-Key"}
    edited = tmp_path / "openapi.yaml"
    edited.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    generator = _generator()
    with pytest.raises(generator.GenerationError, match="bearer"):
        _facts_of(assistants_spec.Spec.load(edited))


def _client_with(**facts) -> type[Client]:
    @define
    class Edited(Client):
        pass

    Edited.facts = dataclasses.replace(FACTS, **facts)
    return Edited


def test_idempotency_keys_go_in_the_header_the_facts_name() -> None:
    recorder = Recorder()
    client = _client_with(idempotency_header="X-Once").openai(
        "sk-test", transport=httpx.MockTransport(recorder), idempotency_keys=True
    )
    create_assistant.sync_detailed(client=client, body=CreateAssistantRequest(model="m"))
    sent = recorder.requests[-1].headers
    assert sent.get("x-once") and "idempotency-key" not in sent


def test_without_an_idempotency_header_keys_are_refused_clearly() -> None:
    client = _client_with(idempotency_header=None).openai("sk-test", idempotency_keys=True)
    try:
        get_assistant.sync_detailed("asst_1", client=client)
    except ValueError as error:
        assert "idempotency" in str(error)
    else:
        raise AssertionError("idempotency_keys without a header in the spec should be refused")


def test_openai_and_gateway_send_the_key_in_the_bearer_header_the_facts_name() -> None:
    recorder = Recorder()
    edited = _client_with(bearer_header="X-Key")
    for client in (
        edited.openai("sk-test", transport=httpx.MockTransport(recorder)),
        edited.gateway("http://127.0.0.1:8787/v1", provider="openai", api_key="sk-test",
                       transport=httpx.MockTransport(recorder)),
    ):  # fmt: skip
        get_assistant.sync_detailed("asst_1", client=client)
        sent = recorder.requests[-1].headers
        assert sent["x-key"] == "Bearer sk-test" and "authorization" not in sent
        assert "sk-test" in client.secrets and "Bearer sk-test" in client.secrets


def test_the_runtime_writes_no_header_name_of_the_spec() -> None:
    code = "\n".join(p.read_text(encoding="utf-8") for p in sorted(RUNTIME.glob("*.py")))
    for name in ('"Idempotency-Key"', '"Authorization"', "'Authorization'"):
        assert name not in code
