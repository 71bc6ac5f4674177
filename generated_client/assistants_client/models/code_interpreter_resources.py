from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CodeInterpreterResources")


@_attrs_define
class CodeInterpreterResources:
    """Resources for the code_interpreter tool.

    Attributes:
        file_ids (list[str] | Unset): A list of file IDs made available to the code_interpreter tool. There can be a
            maximum of 20 files associated with the tool.
    """

    file_ids: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        file_ids: list[str] | Unset = UNSET
        if not isinstance(self.file_ids, Unset):
            file_ids = self.file_ids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if file_ids is not UNSET:
            field_dict["file_ids"] = file_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        file_ids = cast(list[str], d.pop("file_ids", UNSET))

        code_interpreter_resources = cls(
            file_ids=file_ids,
        )

        return code_interpreter_resources
