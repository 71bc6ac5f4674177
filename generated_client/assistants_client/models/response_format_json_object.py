from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

T = TypeVar("T", bound="ResponseFormatJsonObject")


@_attrs_define
class ResponseFormatJsonObject:
    """JSON mode, which guarantees the message the model generates is valid JSON. You must also instruct the model to
    produce JSON yourself via a system or user message.

        Attributes:
            type_ (Literal['json_object']): Always `json_object`.
    """

    type_: Literal["json_object"]

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = cast(Literal["json_object"], d.pop("type"))
        if type_ != "json_object":
            raise ValueError(f"type must match const 'json_object', got '{type_}'")

        response_format_json_object = cls(
            type_=type_,
        )

        return response_format_json_object
