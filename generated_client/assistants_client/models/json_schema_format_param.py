from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="JsonSchemaFormatParam")


@_attrs_define
class JsonSchemaFormatParam:
    """Structured Outputs configuration.

    Attributes:
        name (str): The name of the response format. a-z, A-Z, 0-9, underscores and dashes, at most 64 characters.
        description (str | Unset): A description of what the response format is for.
        schema (JsonSchemaFormatParamSchema | Unset): The schema for the response format, described as a JSON Schema
            object.
        strict (bool | None | Unset): Whether to enable strict schema adherence. Defaults to false.
    """

    name: str
    description: str | Unset = UNSET
    schema: JsonSchemaFormatParamSchema | Unset = UNSET
    strict: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.schema, Unset):
            schema = self.schema.to_dict()

        strict: bool | None | Unset
        if isinstance(self.strict, Unset):
            strict = UNSET
        else:
            strict = self.strict

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if schema is not UNSET:
            field_dict["schema"] = schema
        if strict is not UNSET:
            field_dict["strict"] = strict

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description", UNSET)

        _schema = d.pop("schema", UNSET)
        schema: JsonSchemaFormatParamSchema | Unset
        if isinstance(_schema, Unset):
            schema = UNSET
        else:
            schema = JsonSchemaFormatParamSchema.from_dict(_schema)

        _strict_data = d.pop("strict", UNSET)
        strict: bool | None | Unset
        strict = _strict_data

        json_schema_format_param = cls(
            name=name,
            description=description,
            schema=schema,
            strict=strict,
        )

        json_schema_format_param.additional_properties = d
        return json_schema_format_param

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported last, once: the classes above are defined by then, so import cycles between models resolve.
from ..models.json_schema_format_param_schema import JsonSchemaFormatParamSchema
