from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ResponseFormatJsonSchemaParam")


@_attrs_define
class ResponseFormatJsonSchemaParam:
    """Structured Outputs, which ensures the model will match your supplied JSON schema.

    Attributes:
        type_ (Literal['json_schema']): Always `json_schema`.
        json_schema (JsonSchemaFormatParam): Structured Outputs configuration.
    """

    type_: Literal["json_schema"]
    json_schema: JsonSchemaFormatParam
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        json_schema = self.json_schema.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        field_dict.update(
            {
                "type": type_,
                "json_schema": json_schema,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")
        if type_ != "json_schema":
            raise ValueError(f"type must match const 'json_schema', got '{type_}'")

        json_schema = JsonSchemaFormatParam.from_dict(d.pop("json_schema"))

        response_format_json_schema_param = cls(
            type_=type_,
            json_schema=json_schema,
        )

        response_format_json_schema_param.additional_properties = d
        return response_format_json_schema_param

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
from ..models.json_schema_format_param import JsonSchemaFormatParam
