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

T = TypeVar("T", bound="RetrievalTool")


@_attrs_define
class RetrievalTool:
    """Retrieval tool (Assistants v1 only; v2 replaced it with `file_search`).

    Attributes:
        type_ (Literal['retrieval']): The type of tool being defined, always `retrieval`.
    """

    type_: Literal["retrieval"]

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
        type_ = cast(Literal["retrieval"], d.pop("type"))
        if type_ != "retrieval":
            raise ValueError(f"type must match const 'retrieval', got '{type_}'")

        retrieval_tool = cls(
            type_=type_,
        )

        return retrieval_tool
