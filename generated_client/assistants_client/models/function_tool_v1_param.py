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

T = TypeVar("T", bound="FunctionToolV1Param")


@_attrs_define
class FunctionToolV1Param:
    """Function tool (v1).

    Attributes:
        type_ (Literal['function']): The type of tool being defined, always `function`.
        function (FunctionDefinitionV1Param): A function the model may call (v1 has no `strict`).
    """

    type_: Literal["function"]
    function: FunctionDefinitionV1Param
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        function = self.function.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        field_dict.update(
            {
                "type": type_,
                "function": function,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")
        if type_ != "function":
            raise ValueError(f"type must match const 'function', got '{type_}'")

        function = FunctionDefinitionV1Param.from_dict(d.pop("function"))

        function_tool_v1_param = cls(
            type_=type_,
            function=function,
        )

        function_tool_v1_param.additional_properties = d
        return function_tool_v1_param

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
from ..models.function_definition_v1_param import FunctionDefinitionV1Param
