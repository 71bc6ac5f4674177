from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="VectorStoreHelperParam")


@_attrs_define
class VectorStoreHelperParam:
    """A vector store for the server to create with these files and attach to the new assistant.

    Attributes:
        file_ids (list[str] | Unset): IDs of the files to add to the vector store. At most 100,000,000 (10,000 for
            vector stores created before November 2025).
        chunking_strategy (AutoChunkingStrategyParam | StaticChunkingStrategyParam | Unset): How the files of the new
            vector store are chunked, told apart by `type`. Left out, `auto` is used.
        metadata (Metadata | None | Unset): Metadata, or null to leave it empty.
    """

    file_ids: list[str] | Unset = UNSET
    chunking_strategy: (
        AutoChunkingStrategyParam | StaticChunkingStrategyParam | dict[str, Any] | Unset
    ) = UNSET
    metadata: Metadata | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file_ids: list[str] | Unset = UNSET
        if not isinstance(self.file_ids, Unset):
            file_ids = self.file_ids

        chunking_strategy: dict[str, Any] | Unset
        if isinstance(self.chunking_strategy, Unset):
            chunking_strategy = UNSET
        elif isinstance(
            self.chunking_strategy, AutoChunkingStrategyParam
        ) or isinstance(self.chunking_strategy, StaticChunkingStrategyParam):
            chunking_strategy = self.chunking_strategy.to_dict()
        else:
            chunking_strategy = self.chunking_strategy

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, Metadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        field_dict.update({})
        if file_ids is not UNSET:
            field_dict["file_ids"] = file_ids
        if chunking_strategy is not UNSET:
            field_dict["chunking_strategy"] = chunking_strategy
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        file_ids = cast(list[str], d.pop("file_ids", UNSET))

        _chunking_strategy_data = d.pop("chunking_strategy", UNSET)
        chunking_strategy: (
            AutoChunkingStrategyParam
            | StaticChunkingStrategyParam
            | dict[str, Any]
            | Unset
        )
        if isinstance(_chunking_strategy_data, dict):
            _chunking_strategy_type = _chunking_strategy_data.get("type")
            if _chunking_strategy_type == "auto":
                chunking_strategy = AutoChunkingStrategyParam.from_dict(
                    _chunking_strategy_data
                )
            elif _chunking_strategy_type == "static":
                chunking_strategy = StaticChunkingStrategyParam.from_dict(
                    _chunking_strategy_data
                )
            else:  # a variant the spec does not know yet: kept as received
                chunking_strategy = _chunking_strategy_data
        else:
            chunking_strategy = _chunking_strategy_data

        _metadata_data = d.pop("metadata", UNSET)
        metadata: Metadata | None | Unset
        if isinstance(_metadata_data, dict):
            metadata = Metadata.from_dict(_metadata_data)
        else:
            metadata = _metadata_data

        vector_store_helper_param = cls(
            file_ids=file_ids,
            chunking_strategy=chunking_strategy,
            metadata=metadata,
        )

        vector_store_helper_param.additional_properties = d
        return vector_store_helper_param

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
from ..models.auto_chunking_strategy_param import AutoChunkingStrategyParam
from ..models.metadata import Metadata
from ..models.static_chunking_strategy_param import StaticChunkingStrategyParam
