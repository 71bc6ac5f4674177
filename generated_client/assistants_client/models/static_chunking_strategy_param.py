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

T = TypeVar("T", bound="StaticChunkingStrategyParam")


@_attrs_define
class StaticChunkingStrategyParam:
    """Chunking with a chunk size and overlap of your choice.

    Attributes:
        type_ (Literal['static']): Always `static`.
        static (StaticChunkingParam): Chunk size and overlap. The overlap must not exceed half of the chunk size.
    """

    type_: Literal["static"]
    static: StaticChunkingParam
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        static = self.static.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        field_dict.update(
            {
                "type": type_,
                "static": static,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")
        if type_ != "static":
            raise ValueError(f"type must match const 'static', got '{type_}'")

        static = StaticChunkingParam.from_dict(d.pop("static"))

        static_chunking_strategy_param = cls(
            type_=type_,
            static=static,
        )

        static_chunking_strategy_param.additional_properties = d
        return static_chunking_strategy_param

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
from ..models.static_chunking_param import StaticChunkingParam
