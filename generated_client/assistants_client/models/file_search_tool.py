from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.file_search_tool_overrides import FileSearchToolOverrides


T = TypeVar("T", bound="FileSearchTool")


@_attrs_define
class FileSearchTool:
    """FileSearch tool.

    Attributes:
        type_ (Literal['file_search']): The type of tool being defined, always `file_search`.
        file_search (FileSearchToolOverrides | Unset): Overrides for the file search tool.
    """

    type_: Literal["file_search"]
    file_search: FileSearchToolOverrides | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        file_search: dict[str, Any] | Unset = UNSET
        if not isinstance(self.file_search, Unset):
            file_search = self.file_search.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
            }
        )
        if file_search is not UNSET:
            field_dict["file_search"] = file_search

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.file_search_tool_overrides import FileSearchToolOverrides

        d = dict(src_dict)
        type_ = cast(Literal["file_search"], d.pop("type"))
        if type_ != "file_search":
            raise ValueError(f"type must match const 'file_search', got '{type_}'")

        _file_search = d.pop("file_search", UNSET)
        file_search: FileSearchToolOverrides | Unset
        if isinstance(_file_search, Unset):
            file_search = UNSET
        else:
            file_search = FileSearchToolOverrides.from_dict(_file_search)

        file_search_tool = cls(
            type_=type_,
            file_search=file_search,
        )

        return file_search_tool
