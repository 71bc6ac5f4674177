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


def response_schemas(document: dict[str, Any]) -> set[str]:
    names: set[str] = set()
    for _, _, operation in operations(document):
        names |= referenced_schemas(document, operation["responses"])
    return names


def _object_schemas(document: dict[str, Any], names: set[str]) -> set[str]:
    schemas = document["components"]["schemas"]
    return {n for n in names - FREE_FORM if schemas[n].get("type") == "object" and "properties" in schemas[n]}


def test_operations_are_exactly_the_five_documented_ones(document: dict[str, Any]) -> None:
    found = {(method, path): op["operationId"] for method, path, op in operations(document)}
    assert found == OPERATIONS
    assert all(op["tags"] == ["Assistants"] for _, _, op in operations(document))


SERVERS = [
    "https://api.portkey.ai/v1",  # Portkey's hosted gateway
    "https://api.openai.com/v1",  # OpenAI directly
    "http://127.0.0.1:{port}/v1",  # the bundled mock
    "http://{host}:{port}/v1",  # a self-hosted Portkey gateway
]
# Schemes that carry the credentials the upstream API checks (the rest route a gateway's request).
UPSTREAM_CREDENTIALS = {"BearerAuth", "PortkeyVirtualKey"}


def test_servers_are_portkey_openai_the_local_mock_and_a_self_hosted_gateway(
    document: dict[str, Any],
) -> None:
    urls = [server["url"] for server in document["servers"]]
    assert urls == SERVERS
    assert document["servers"][2]["variables"]["port"]["default"]
    assert document["servers"][3]["variables"]["port"]["default"] == "8787"


def _alternatives(requirements: list[dict[str, Any]]) -> list[frozenset[str]]:
    return [frozenset(requirement) for requirement in requirements]


def test_auth_alternatives_are_portkey_hosted_openai_and_self_hosted(document: dict[str, Any]) -> None:
    schemes = document["components"]["securitySchemes"]
    header = {name: (s.get("in"), s.get("name")) for name, s in schemes.items() if s["type"] == "apiKey"}
    assert header["PortkeyApiKey"] == ("header", "x-portkey-api-key")
    assert header["PortkeyVirtualKey"] == ("header", "x-portkey-virtual-key")
    assert header["PortkeyProvider"] == ("header", "x-portkey-provider")
    assert header["PortkeyConfig"] == ("header", "x-portkey-config")
    assert header["PortkeyCustomHost"] == ("header", "x-portkey-custom-host")
    assert (schemes["BearerAuth"]["type"], schemes["BearerAuth"]["scheme"]) == ("http", "bearer")
    alternatives = [sorted(requirement) for requirement in document["security"]]
    assert ["PortkeyApiKey", "PortkeyVirtualKey"] in alternatives, "hosted Portkey needs both keys together"
    assert ["PortkeyApiKey", "PortkeyConfig"] in alternatives, "x-portkey-config routes like the provider"
    assert ["BearerAuth"] in alternatives
    assert ["BearerAuth", "PortkeyProvider"] in alternatives
    assert len(set(map(tuple, alternatives))) == len(alternatives), "an alternative is listed twice"
    assert all(op.get("security", document["security"]) for _, _, op in operations(document)), (
        "no anonymous op"
    )


def test_each_server_says_which_alternatives_it_accepts(document: dict[str, Any]) -> None:
    """`x-security` on each server: together they are exactly the root alternatives; the hosted
    gateway needs x-portkey-api-key in every one, OpenAI only the bearer key, and a self-hosted
    gateway never the Portkey key (it has none)."""
    root = _alternatives(document["security"])
    by_url = {server["url"]: _alternatives(server["x-security"]) for server in document["servers"]}
    for url, accepted in by_url.items():
        assert accepted and set(accepted) <= set(root), f"{url}: x-security lists undocumented combinations"
    assert set().union(*map(set, by_url.values())) == set(root), "a documented combination no server accepts"
    assert all("PortkeyApiKey" in alt for alt in by_url[SERVERS[0]])
    assert by_url[SERVERS[1]] == [frozenset({"BearerAuth"})]
    assert all("PortkeyApiKey" not in alt and "PortkeyVirtualKey" not in alt for alt in by_url[SERVERS[3]])
    assert all(any(r in alt for r in ("PortkeyProvider", "PortkeyConfig")) for alt in by_url[SERVERS[3]]), (
        "a self-hosted gateway refuses a request with neither x-portkey-provider nor x-portkey-config"
    )


def test_an_alternative_that_extends_a_smaller_one_adds_no_upstream_credentials(
    document: dict[str, Any],
) -> None:
    """contract_tests.auth_layout relies on this: the smallest documented alternative inside the one
    a client sends holds the credentials the upstream checks; what a larger one adds only gets the
    request there through a gateway (provider, custom host, config, the hosted gateway's own key)."""
    root = _alternatives(document["security"])
    for small in root:
        for large in root:
            if small < large:
                added = large - small
                assert not added & UPSTREAM_CREDENTIALS, (
                    f"{sorted(large)} adds credentials to {sorted(small)}"
                )


def test_beta_header_is_required_on_every_operation_and_set_by_the_client(
    document: dict[str, Any], profile: str
) -> None:
    for method, path, operation in operations(document):
        params = [assistants_spec.resolve(document, p) for p in operation.get("parameters", [])]
        beta = [p for p in params if p["name"] == assistants_spec.load_spec().beta_header]
        assert len(beta) == 1, f"{method} {path} does not declare the beta header"
        assert beta[0]["in"] == "header" and beta[0]["required"] is True
        assert beta[0]["x-set-by-client"] is True, "generated functions must not take the beta header"
        assert beta[0]["schema"]["enum"] == [assistants_spec.load_spec().beta_value(profile)]


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
        retry_after = assistants_spec.resolve(document, retry_after)
        # Optional: OpenAI leaves it out of 429s a wait does not cure (e.g. insufficient_quota).
        assert retry_after.get("required", False) is False
        assert retry_after["schema"] == {"type": "integer", "minimum": 1}


def test_error_body_has_message_type_param_code(document: dict[str, Any]) -> None:
    detail = document["components"]["schemas"]["ErrorDetail"]
    assert sorted(detail["required"]) == ["code", "message", "param", "type"]
    assert detail["properties"]["param"]["type"] == ["string", "null"]


def test_request_bodies_reject_unknown_fields_at_every_level(document: dict[str, Any]) -> None:
    for name in sorted(request_schemas(document) - FREE_FORM):
        schema = document["components"]["schemas"][name]
        if schema.get("type") == "object" and "properties" in schema:
            assert schema.get("additionalProperties") is False, f"{name} accepts unknown fields"


def test_answers_accept_fields_added_later_at_every_level(document: dict[str, Any]) -> None:
    """The object, its tools and tool resources, lists, deletions and error bodies: a field the API
    added after this spec was written must not make a real answer invalid."""
    schemas = document["components"]["schemas"]
    objects = _object_schemas(document, response_schemas(document))
    assert {"AssistantObject", "CodeInterpreterResources", "FunctionDefinition", "ErrorDetail"} & objects
    for name in objects:
        assert schemas[name].get("additionalProperties", True) is not False, f"{name} refuses added fields"


def test_no_object_schema_serves_both_requests_and_answers(document: dict[str, Any]) -> None:
    """A shared one would be either too loose for requests or too strict for answers."""
    shared = _object_schemas(document, request_schemas(document)) & _object_schemas(
        document, response_schemas(document)
    )
    assert not shared


def test_every_operation_and_the_assistant_object_are_deprecated(document: dict[str, Any]) -> None:
    assert all(op.get("deprecated") is True for _, _, op in operations(document))
    for name in ("AssistantObject", "AssistantObjectV1"):
        assert document["components"]["schemas"][name].get("deprecated") is True, name


def test_the_sunset_is_recorded_for_machines(document: dict[str, Any]) -> None:
    sunset = document["info"]["x-sunset"]
    assert sunset["date"] == "2026-08-26" and isinstance(sunset["date"], str)
    assert "Responses API" in sunset["replacement"]
    assert set(sunset["sources"]) <= set(document["x-sources"])
    assert "2026-08-26" in document["info"]["description"]


def _extension_nodes(node: Any, key: str) -> Iterator[Any]:
    """Values of ``key`` anywhere in the document, examples excepted (their data is not the spec's)."""
    if isinstance(node, dict):
        if key in node:
            yield node[key]
        for name, value in node.items():
            if name not in ("examples", "example"):
                yield from _extension_nodes(value, key)
    elif isinstance(node, list):
        for value in node:
            yield from _extension_nodes(value, key)


def test_every_cited_source_is_recorded(document: dict[str, Any]) -> None:
    sources = {k: v for k, v in document["x-sources"].items() if k != "description"}
    cited: list[str] = []
    for key in ("source", "x-source"):
        cited += [value for value in _extension_nodes(document, key) if isinstance(value, str)]
    for key in ("sources",):
        cited += [v for value in _extension_nodes(document, key) if isinstance(value, list) for v in value]
    assert cited and set(cited) <= set(sources), sorted(set(cited) - set(sources))
    for name, source in sources.items():
        if "path" in source and "repository" in source:
            assert len(source.get("commit", "")) == 40, f"x-sources.{name} names no commit"


def test_limits_stated_only_in_prose_are_marked_and_quoted(document: dict[str, Any]) -> None:
    """Where this spec is deliberately stricter than OpenAI's published schema, the node says so."""
    marked = list(_extension_nodes(document, "x-prose-limit"))
    assert len(marked) >= 5  # metadata, list limit, function and response-format names
    for note in marked:
        assert note["quote"] and note["published-schema"] and note["source"] in document["x-sources"]
    metadata = document["components"]["schemas"]["Metadata"]
    assert "x-prose-limit" in metadata and metadata["maxProperties"] == 16


def test_the_vector_store_helper_is_on_create_only(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]

    def reaches_helper(name: str) -> bool:
        return "VectorStoreHelperParam" in referenced_schemas(
            document, {"$ref": f"#/components/schemas/{name}"}
        )

    assert reaches_helper("CreateAssistantRequest")
    assert not reaches_helper("ModifyAssistantRequest")
    assert not reaches_helper("AssistantObject")
    file_search = schemas["FileSearchResourcesCreateParam"]
    assert file_search["x-exactly-one-of"] == sorted(file_search["properties"])
    assert (file_search["minProperties"], file_search["maxProperties"]) == (1, 1)
    # What a server answers for the helper, so that a mock need not restate it.
    answered_as = file_search["properties"]["vector_stores"]["x-answered-as"]
    assert answered_as["field"] in schemas["FileSearchResources"]["properties"]
    assert answered_as["id-prefix"] == "vs_"


def test_model_offers_the_known_ids_without_refusing_others(document: dict[str, Any]) -> None:
    model = document["components"]["schemas"]["ModelId"]
    branches = [assistants_spec.resolve(document, b) for b in model["anyOf"]]
    assert branches[0] == {"type": "string"}
    assert branches[1]["type"] == "string" and "gpt-4o" in branches[1]["enum"]
    for name in ("CreateAssistantRequest", "ModifyAssistantRequest"):
        assert document["components"]["schemas"][name]["properties"]["model"] == {
            "$ref": "#/components/schemas/ModelId"
        }


def test_before_pages_back_from_the_first_id_of_a_page(document: dict[str, Any]) -> None:
    (before,) = [
        p for p in document["paths"]["/assistants"]["get"]["parameters"] if p.get("name") == "before"
    ]
    assert "starting with obj_foo" in before["description"] and "ending with" not in before["description"]


def test_undeclared_methods_are_answered_404_with_the_error_body_or_405_with_allow(
    document: dict[str, Any],
) -> None:
    answers = {answer["status"]: answer for answer in document["x-undeclared-methods"]["answers"]}
    assert set(answers) == {404, 405}
    assert answers[404]["schema"] == "#/components/schemas/ErrorResponse"
    assert answers[404]["error-type"] == "invalid_request_error"
    assert answers[405]["headers"]["Allow"]["required"] is True
    from tests.spec_schemas import component_validator

    for message in answers[404]["message-examples"]:
        body = {"error": {"message": message, "type": "invalid_request_error", "param": None, "code": None}}
        assert component_validator(document, "ErrorResponse").is_valid(body)


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
    """'| null' in the documents: name, description, instructions, tool_resources, metadata, temperature,
    top_p; and, in OpenAI's final spec, response_format and (create and modify only) reasoning_effort."""
    documented_nullable = {
        "name",
        "description",
        "instructions",
        "tool_resources",
        "metadata",
        "temperature",
        "top_p",
        "response_format",
    }
    expected = {
        "CreateAssistantRequest": documented_nullable | {"reasoning_effort"},
        "ModifyAssistantRequest": documented_nullable | {"reasoning_effort"},
        "AssistantObject": documented_nullable,
    }
    for name, fields in expected.items():
        schema = document["components"]["schemas"][name]
        nullable = set()
        for field, prop in schema["properties"].items():
            prop = assistants_spec.resolve(document, prop)
            types = prop.get("type", [])
            if "null" in types or any(m.get("type") == "null" for m in prop.get("anyOf", [])):
                nullable.add(field)
        assert nullable == fields, name


def test_every_component_schema_is_used_under_some_profile() -> None:
    used: set[str] = set()
    for profile in assistants_spec.load_spec().profiles:
        document = assistants_spec.load_spec().document(profile)
        used |= referenced_schemas(document, document["paths"])
        used |= referenced_schemas(document, document["components"]["responses"])
    unused = set(assistants_spec.load_spec().document()["components"]["schemas"]) - used
    assert not unused, f"components never reached from any operation: {sorted(unused)}"


def test_v1_profile_swaps_in_the_v1_shapes() -> None:
    v1 = assistants_spec.load_spec().document("v1")
    create = v1["paths"]["/assistants"]["post"]
    assert create["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "CreateAssistantRequestV1"
    )
    ok = create["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert ok.endswith("AssistantObjectV1")
    listed = v1["components"]["schemas"]["ListAssistantsResponse"]["properties"]["data"]["items"]["$ref"]
    assert listed.endswith("AssistantObjectV1")
    assert assistants_spec.load_spec().profile_for_header("assistants=v1") == "v1"
    assert assistants_spec.load_spec().profile_for_header("assistants=v3") is None
    assert assistants_spec.load_spec().profile_for_header(None) is None


def test_profiles_leave_the_source_document_untouched() -> None:
    before = assistants_spec.load_spec().document()
    assistants_spec.load_spec().document("v1")["components"]["schemas"].clear()
    assert assistants_spec.load_spec().document() == before


def test_unknown_profile_is_a_clear_error() -> None:
    with pytest.raises(assistants_spec.UnknownProfileError, match="v2, v1"):
        assistants_spec.load_spec().document("v9")


def test_resolve_follows_local_refs_and_refuses_the_rest() -> None:
    document = {"components": {"schemas": {"A": {"$ref": "#/components/schemas/B"}, "B": {"type": "string"}}}}
    assert assistants_spec.resolve(document, {"$ref": "#/components/schemas/A"}) == {"type": "string"}
    with pytest.raises(ValueError, match="only local references"):
        assistants_spec.resolve(document, {"$ref": "other.yaml#/A"})
    looping = {"components": {"schemas": {"A": {"$ref": "#/components/schemas/A"}}}}
    with pytest.raises(ValueError, match="reference loop"):
        assistants_spec.resolve(looping, {"$ref": "#/components/schemas/A"})
