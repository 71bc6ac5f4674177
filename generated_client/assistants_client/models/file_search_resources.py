from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FileSearchResources")


@_attrs_define
class FileSearchResources:
    """Resources for the file_search tool.

    Attributes:
        vector_store_ids (list[str] | Unset): The ID of the vector store attached to this assistant. There can be a
            maximum of 1 vector store attached to the assistant.
    """

    vector_store_ids: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        vector_store_ids: list[str] | Unset = UNSET
        if not isinstance(self.vector_store_ids, Unset):
            vector_store_ids = self.vector_store_ids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if vector_store_ids is not UNSET:
            field_dict["vector_store_ids"] = vector_store_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        vector_store_ids = cast(list[str], d.pop("vector_store_ids", UNSET))

        file_search_resources = cls(
            vector_store_ids=vector_store_ids,
        )

        return file_search_resources
