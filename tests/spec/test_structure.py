"""The shape of the contract: operations, servers, auth, the beta header, responses, and the rules
that keep the spec usable by the client generator and by machines."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import assistants_spec
import pytest

OPERATIONS = {
    ("post", "/assistants"): "createAssistant",
    ("get", "/assistants"): "listAssistants",
    ("get", "/assistants/{assistant_id}"): "getAssistant",
    ("post", "/assistants/{assistant_id}"): "modifyAssistant",
    ("delete", "/assistants/{assistant_id}"): "deleteAssistant",
}
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
# Schemas whose content is the caller's own JSON Schema, so unknown keys are the point.
FREE_FORM = {"FunctionParameters"}


def operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield method, path, operation


def referenced_schemas(document: dict[str, Any], node: Any, seen: set[str] | None = None) -> set[str]:
    seen = set() if seen is None else seen
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("#/components/schemas/"):
            name = ref.rsplit("/", 1)[-1]
            if name not in seen:
                seen.add(name)
                referenced_schemas(document, document["components"]["schemas"][name], seen)
        elif ref.startswith("#/components/"):
            *_, section, name = ref.split("/")
            referenced_schemas(document, document["components"][section][name], seen)
        for value in node.values():
            referenced_schemas(document, value, seen)
    elif isinstance(node, list):
        for value in node:
            referenced_schemas(document, value, seen)
    return seen


def request_schemas(document: dict[str, Any]) -> set[str]:
    names: set[str] = set()
    for _, _, operation in operations(document):
        if "requestBody" in operation:
            names |= referenced_schemas(document, operation["requestBody"])
    return names


def test_operations_are_exactly_the_five_documented_ones(document: dict[str, Any]) -> None:
    found = {(method, path): op["operationId"] for method, path, op in operations(document)}
    assert found == OPERATIONS
    assert all(op["tags"] == ["Assistants"] for _, _, op in operations(document))


def test_servers_are_portkey_openai_and_the_local_mock(document: dict[str, Any]) -> None:
    urls = [server["url"] for server in document["servers"]]
    assert urls == ["https://api.portkey.ai/v1", "https://api.openai.com/v1", "http://127.0.0.1:{port}/v1"]
    assert document["servers"][2]["variables"]["port"]["default"]


def test_auth_alternatives_are_portkey_hosted_openai_and_self_hosted(document: dict[str, Any]) -> None:
    schemes = document["components"]["securitySchemes"]
    header = {name: (s.get("in"), s.get("name")) for name, s in schemes.items() if s["type"] == "apiKey"}
    assert header["PortkeyApiKey"] == ("header", "x-portkey-api-key")
    assert header["PortkeyVirtualKey"] == ("header", "x-portkey-virtual-key")
    assert header["PortkeyProvider"] == ("header", "x-portkey-provider")
    assert (schemes["BearerAuth"]["type"], schemes["BearerAuth"]["scheme"]) == ("http", "bearer")
    alternatives = [sorted(requirement) for requirement in document["security"]]
    assert ["PortkeyApiKey", "PortkeyVirtualKey"] in alternatives, "hosted Portkey needs both keys together"
    assert ["BearerAuth"] in alternatives
    assert ["BearerAuth", "PortkeyProvider"] in alternatives
    assert all(op.get("security", document["security"]) for _, _, op in operations(document)), (
        "no anonymous op"
    )


def test_beta_header_is_required_on_every_operation_and_set_by_the_client(
    document: dict[str, Any], profile: str
) -> None:
    for method, path, operation in operations(document):
        params = [assistants_spec.resolve(document, p) for p in operation.get("parameters", [])]
        beta = [p for p in params if p["name"] == assistants_spec.beta_header_name()]
        assert len(beta) == 1, f"{method} {path} does not declare the beta header"
        assert beta[0]["in"] == "header" and beta[0]["required"] is True
        assert beta[0]["x-set-by-client"] is True, "generated functions must not take the beta header"
        assert beta[0]["schema"]["enum"] == [assistants_spec.beta_header_value(profile)]


def test_every_operation_documents_its_errors_with_the_openai_error_body(document: dict[str, Any]) -> None:
    for method, path, operation in operations(document):
        expected = {"200", "400", "401", "429", "500"} | ({"404"} if "{assistant_id}" in path else set())
        if "requestBody" in operation:
            expected |= {"413", "415"}
        assert set(operation["responses"]) == expected, f"{method} {path}"
        for status in expected - {"200"}:
            response = assistants_spec.resolve(document, operation["responses"][status])
            schema = response["content"]["application/json"]["schema"]
            assert "ErrorResponse" in referenced_schemas(document, schema), f"{method} {path} {status}"
        retry_after = assistants_spec.resolve(document, operation["responses"]["429"])["headers"][
            "Retry-After"
        ]
        assert assistants_spec.resolve(document, retry_after)["required"] is True


def test_error_body_has_message_type_param_code(document: dict[str, Any]) -> None:
    detail = document["components"]["schemas"]["ErrorDetail"]
    assert sorted(detail["required"]) == ["code", "message", "param", "type"]
    assert detail["properties"]["param"]["type"] == ["string", "null"]


def test_request_bodies_reject_unknown_fields_at_every_level(document: dict[str, Any]) -> None:
    for name in sorted(request_schemas(document) - FREE_FORM):
        schema = document["components"]["schemas"][name]
        if schema.get("type") == "object" and "properties" in schema:
            assert schema.get("additionalProperties") is False, f"{name} accepts unknown fields"


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def test_request_fields_carry_no_default(document: dict[str, Any]) -> None:
    """A generated client would send a default on every call; a modify would silently reset fields."""
    for name in request_schemas(document):
        for node in _walk(document["components"]["schemas"][name]):
            assert "default" not in node, f"{name} has a default: {node}"


def test_every_defaulted_create_field_states_its_default_for_machines(document: dict[str, Any]) -> None:
    """A create that leaves a field out gets the API's default: a non-nullable optional field must
    say which in `x-default` (no `default:`, see above), and the value must fit the field."""
    from tests.spec_schemas import schema_validator

    for name in ("CreateAssistantRequest", "CreateAssistantRequestV1"):
        schema = document["components"]["schemas"][name]
        for field, prop in schema["properties"].items():
            target = assistants_spec.resolve(document, prop)
            if field in schema["required"]:
                continue
            nullable = "null" in target.get("type", []) or any(
                m.get("type") == "null" for m in target.get("anyOf", [])
            )
            if not nullable:
                assert "x-default" in target, (
                    f"{name}.{field}: no x-default for a field a create may leave out"
                )
            if "x-default" in target:
                assert schema_validator(document, prop).is_valid(target["x-default"]), f"{name}.{field}"


def test_unions_are_told_apart_by_a_constant_type(document: dict[str, Any]) -> None:
    """openapi-python-client ignores `discriminator`; members must differ by a `const` type."""
    for name, schema in document["components"]["schemas"].items():
        members = [assistants_spec.resolve(document, m) for m in schema.get("oneOf", [])]
        objects = [m for m in members if m.get("type") == "object"]
        consts = [m["properties"]["type"].get("const") for m in objects]
        assert None not in consts, f"{name}: a member has no constant type"
        assert len(set(consts)) == len(consts), f"{name}: two members share a type"


def test_schema_names_are_unique_and_untitled(document: dict[str, Any]) -> None:
    """A `title` would win over the component name in generated class names and could collide."""
    titled = [
        n for n, s in document["components"]["schemas"].items() if any("title" in node for node in _walk(s))
    ]
    assert not titled


def test_nullable_fields_are_exactly_as_documented(document: dict[str, Any]) -> None:
    """'| null' in the documents: name, description, instructions, tool_resources, metadata, temperature, top_p."""
    documented_nullable = {
        "name",
        "description",
        "instructions",
        "tool_resources",
        "metadata",
        "temperature",
        "top_p",
    }
    for name in ("CreateAssistantRequest", "ModifyAssistantRequest", "AssistantObject"):
        schema = document["components"]["schemas"][name]
        nullable = set()
        for field, prop in schema["properties"].items():
            prop = assistants_spec.resolve(document, prop)
            types = prop.get("type", [])
            if "null" in types or any(m.get("type") == "null" for m in prop.get("anyOf", [])):
                nullable.add(field)
        assert nullable == documented_nullable, name


def test_every_component_schema_is_used_under_some_profile() -> None:
    used: set[str] = set()
    for profile in assistants_spec.profiles():
        document = assistants_spec.load(profile)
        used |= referenced_schemas(document, document["paths"])
        used |= referenced_schemas(document, document["components"]["responses"])
    unused = set(assistants_spec.load()["components"]["schemas"]) - used
    assert not unused, f"components never reached from any operation: {sorted(unused)}"


def test_v1_profile_swaps_in_the_v1_shapes() -> None:
    v1 = assistants_spec.load("v1")
    create = v1["paths"]["/assistants"]["post"]
    assert create["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "CreateAssistantRequestV1"
    )
    ok = create["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert ok.endswith("AssistantObjectV1")
    listed = v1["components"]["schemas"]["ListAssistantsResponse"]["properties"]["data"]["items"]["$ref"]
    assert listed.endswith("AssistantObjectV1")
    assert assistants_spec.profile_for_header("assistants=v1") == "v1"
    assert assistants_spec.profile_for_header("assistants=v3") is None
    assert assistants_spec.profile_for_header(None) is None


def test_profiles_leave_the_source_document_untouched() -> None:
    before = assistants_spec.load()
    assistants_spec.load("v1")["components"]["schemas"].clear()
    assert assistants_spec.load() == before


def test_unknown_profile_is_a_clear_error() -> None:
    with pytest.raises(assistants_spec.UnknownProfileError, match="v2, v1"):
        assistants_spec.load("v9")


def test_resolve_follows_local_refs_and_refuses_the_rest() -> None:
    document = {"components": {"schemas": {"A": {"$ref": "#/components/schemas/B"}, "B": {"type": "string"}}}}
    assert assistants_spec.resolve(document, {"$ref": "#/components/schemas/A"}) == {"type": "string"}
    with pytest.raises(ValueError, match="only local references"):
        assistants_spec.resolve(document, {"$ref": "other.yaml#/A"})
    looping = {"components": {"schemas": {"A": {"$ref": "#/components/schemas/A"}}}}
    with pytest.raises(ValueError, match="reference loop"):
        assistants_spec.resolve(looping, {"$ref": "#/components/schemas/A"})
