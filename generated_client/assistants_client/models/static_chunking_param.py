from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StaticChunkingParam")


@_attrs_define
class StaticChunkingParam:
    """Chunk size and overlap. The overlap must not exceed half of the chunk size.

    Attributes:
        max_chunk_size_tokens (int): The maximum number of tokens in each chunk, between 100 and 4096 (800 by default).
        chunk_overlap_tokens (int): The number of tokens that overlap between chunks (400 by default); at most half of
            `max_chunk_size_tokens`.
    """

    max_chunk_size_tokens: int
    chunk_overlap_tokens: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        max_chunk_size_tokens = self.max_chunk_size_tokens

        chunk_overlap_tokens = self.chunk_overlap_tokens

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        field_dict.update(
            {
                "max_chunk_size_tokens": max_chunk_size_tokens,
                "chunk_overlap_tokens": chunk_overlap_tokens,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        max_chunk_size_tokens = d.pop("max_chunk_size_tokens")

        chunk_overlap_tokens = d.pop("chunk_overlap_tokens")

        static_chunking_param = cls(
            max_chunk_size_tokens=max_chunk_size_tokens,
            chunk_overlap_tokens=chunk_overlap_tokens,
        )

        static_chunking_param.additional_properties = d
        return static_chunking_param

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
