"""The spec model's resources: operations told apart by HTTP method, the identifier, what the
server sets, where a list page keeps its objects; and validators for inline response schemas."""

from __future__ import annotations

import assistants_spec
import pytest

SPEC = assistants_spec.load_spec()


@pytest.mark.parametrize("profile", SPEC.profiles)
def test_the_assistants_resource(profile):
    view = SPEC.view(profile)
    (resource,) = view.resources
    kinds = {kind: getattr(resource, kind).id for kind in ("create", "list", "read", "modify", "delete")}
    assert kinds == {
        "create": "createAssistant",
        "list": "listAssistants",
        "read": "getAssistant",
        "modify": "modifyAssistant",
        "delete": "deleteAssistant",
    }
    assert resource.item == resource.collection + "/{" + resource.id_parameter + "}"
    assert resource.id_field == "id"
    assert set(resource.server_set) == {"id", "object", "created_at"}
    assert resource.varying_fields(view) == ("created_at",)  # `object` is a constant
    assert resource.page_items == "data"
    assert resource.object_schema is view.resolve(view.operation("getAssistant").success.schema)
    for operation in view.operations.values():
        assert view.resource_of(operation) is resource


def test_validators_for_inline_and_referenced_response_schemas():
    view = SPEC.view()
    operation = view.operation("getAssistant")
    assert operation.success.schema_pointer.startswith("#/paths/")  # written inline in the operation
    media = operation.raw["responses"]["200"]["content"]["application/json"]
    validator = view.response_validator("getAssistant", 200)
    for example in media["examples"].values():
        assert validator.is_valid(example["value"])
    assert not validator.is_valid({"id": "asst_1"})
    assert view.response_validator("getAssistant", 200) is validator  # compiled once
    error = {"error": {"message": "m", "type": "t", "param": None, "code": None}}
    assert view.response_validator("getAssistant", 404).is_valid(error)
