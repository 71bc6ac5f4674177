from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ToolResourcesParam")


@_attrs_define
class ToolResourcesParam:
    """The resources of the assistant's tools, on modify (replaces the ones given).

    Attributes:
        code_interpreter (CodeInterpreterResourcesParam | Unset): Resources for the code_interpreter tool.
        file_search (FileSearchResourcesParam | Unset): Resources for the file_search tool, on modify (vector store ids
            only).
    """

    code_interpreter: CodeInterpreterResourcesParam | Unset = UNSET
    file_search: FileSearchResourcesParam | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code_interpreter: dict[str, Any] | Unset = UNSET
        if not isinstance(self.code_interpreter, Unset):
            code_interpreter = self.code_interpreter.to_dict()

        file_search: dict[str, Any] | Unset = UNSET
        if not isinstance(self.file_search, Unset):
            file_search = self.file_search.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        field_dict.update({})
        if code_interpreter is not UNSET:
            field_dict["code_interpreter"] = code_interpreter
        if file_search is not UNSET:
            field_dict["file_search"] = file_search

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _code_interpreter = d.pop("code_interpreter", UNSET)
        code_interpreter: CodeInterpreterResourcesParam | Unset
        if isinstance(_code_interpreter, Unset):
            code_interpreter = UNSET
        else:
            code_interpreter = CodeInterpreterResourcesParam.from_dict(
                _code_interpreter
            )

        _file_search = d.pop("file_search", UNSET)
        file_search: FileSearchResourcesParam | Unset
        if isinstance(_file_search, Unset):
            file_search = UNSET
        else:
            file_search = FileSearchResourcesParam.from_dict(_file_search)

        tool_resources_param = cls(
            code_interpreter=code_interpreter,
            file_search=file_search,
        )

        tool_resources_param.additional_properties = d
        return tool_resources_param

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
from ..models.code_interpreter_resources_param import CodeInterpreterResourcesParam
from ..models.file_search_resources_param import FileSearchResourcesParam
