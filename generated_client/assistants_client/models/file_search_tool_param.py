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

from ..types import UNSET, Unset

T = TypeVar("T", bound="FileSearchToolParam")


@_attrs_define
class FileSearchToolParam:
    """FileSearch tool.

    Attributes:
        type_ (Literal['file_search']): The type of tool being defined, always `file_search`.
        file_search (FileSearchToolOverridesParam | Unset): Overrides for the file search tool.
    """

    type_: Literal["file_search"]
    file_search: FileSearchToolOverridesParam | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        file_search: dict[str, Any] | Unset = UNSET
        if not isinstance(self.file_search, Unset):
            file_search = self.file_search.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

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
        d = dict(src_dict)
        type_ = d.pop("type")
        if type_ != "file_search":
            raise ValueError(f"type must match const 'file_search', got '{type_}'")

        _file_search = d.pop("file_search", UNSET)
        file_search: FileSearchToolOverridesParam | Unset
        if isinstance(_file_search, Unset):
            file_search = UNSET
        else:
            file_search = FileSearchToolOverridesParam.from_dict(_file_search)

        file_search_tool_param = cls(
            type_=type_,
            file_search=file_search,
        )

        file_search_tool_param.additional_properties = d
        return file_search_tool_param

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
from ..models.file_search_tool_overrides_param import FileSearchToolOverridesParam
