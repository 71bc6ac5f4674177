from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, LazyModel, Unset

T = TypeVar("T", bound="VectorStoreHelperParam")


_KNOWN_FIELDS = frozenset(
    {
        "file_ids",
        "chunking_strategy",
        "metadata",
    }
)


def _lazy_chunking_strategy(_src_mapping: Mapping[str, Any]) -> Any:
    _chunking_strategy_data = _src_mapping.get("chunking_strategy", UNSET)
    chunking_strategy: (
        AutoChunkingStrategyParam | StaticChunkingStrategyParam | dict[str, Any] | Unset
    )
    if isinstance(_chunking_strategy_data, dict):
        _chunking_strategy_type = _chunking_strategy_data.get("type")
        if _chunking_strategy_type == "auto":
            chunking_strategy = AutoChunkingStrategyParam._parse(
                _chunking_strategy_data
            )
        elif _chunking_strategy_type == "static":
            chunking_strategy = StaticChunkingStrategyParam._parse(
                _chunking_strategy_data
            )
        else:  # a variant the spec does not know yet: kept as received
            chunking_strategy = _chunking_strategy_data
    else:
        chunking_strategy = _chunking_strategy_data

    return chunking_strategy


def _lazy_metadata(_src_mapping: Mapping[str, Any]) -> Any:
    _metadata_data = _src_mapping.get("metadata", UNSET)
    metadata: Metadata | None | Unset
    if isinstance(_metadata_data, dict):
        metadata = Metadata._parse(_metadata_data)
    else:
        metadata = _metadata_data

    return metadata


def _lazy_additional_properties(_src_mapping: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: value for key, value in _src_mapping.items() if key not in _KNOWN_FIELDS
    }


@_attrs_define
class VectorStoreHelperParam(LazyModel):
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
    _lazy_fields = {
        "chunking_strategy": _lazy_chunking_strategy,
        "metadata": _lazy_metadata,
        "additional_properties": _lazy_additional_properties,
    }

    def to_dict(self) -> dict[str, Any]:
        file_ids = self.file_ids

        chunking_strategy: dict[str, Any] | Unset
        if isinstance(
            self.chunking_strategy,
            (
                AutoChunkingStrategyParam,
                StaticChunkingStrategyParam,
            ),
        ):
            chunking_strategy = self.chunking_strategy.to_dict()
        else:
            chunking_strategy = self.chunking_strategy

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, (Metadata,)):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        field_dict: dict[str, Any] = {
            **self.additional_properties,
        }
        if file_ids is not UNSET:
            field_dict["file_ids"] = file_ids
        if chunking_strategy is not UNSET:
            field_dict["chunking_strategy"] = chunking_strategy
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model of a JSON object (as ``json.loads`` gives it).

        Raises KeyError, ValueError or TypeError, here and not later, when the object is not in the
        documented shape. Fields holding models or enums are parsed on first read: ``src_dict`` is
        kept, not copied, so do not change it afterwards (``copy.deepcopy`` it first if you must).
        """
        if not isinstance(src_dict, dict) and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"VectorStoreHelperParam must be an object, got {type(src_dict).__name__}"
            )
        cls._check_shape(src_dict)
        return cls._parse(src_dict)

    @classmethod
    def _parse(cls, d: Mapping[str, Any]) -> Self:
        """The model of ``d`` with its own fields checked; fields that build models or enums are left
        unset, to be parsed on first read; records are built now."""
        self = object.__new__(cls)
        self._raw = d
        self.file_ids = d.get("file_ids", UNSET)
        return self

    @staticmethod
    def _check_shape(d: Mapping[str, Any]) -> None:
        """Raises where parsing ``d`` would; builds nothing."""
        _chunking_strategy_o1 = d.get("chunking_strategy", UNSET)
        if isinstance(_chunking_strategy_o1, dict):
            _kind_o1 = _chunking_strategy_o1.get("type")
            if _kind_o1 == "static":
                if not ("static" in _chunking_strategy_o1):
                    raise KeyError(
                        f"StaticChunkingStrategyParam requires {', '.join(n for n in ('static',) if n not in _chunking_strategy_o1)}"
                    )
                _static_o1_1_1 = _chunking_strategy_o1["static"]
                if type(_static_o1_1_1) is not dict and not isinstance(
                    _static_o1_1_1, Mapping
                ):
                    raise TypeError(
                        f"static must be an object, got {type(_static_o1_1_1).__name__}"
                    )
                if not (
                    "max_chunk_size_tokens" in _static_o1_1_1
                    and "chunk_overlap_tokens" in _static_o1_1_1
                ):
                    raise KeyError(
                        f"StaticChunkingParam requires {', '.join(n for n in ('max_chunk_size_tokens', 'chunk_overlap_tokens') if n not in _static_o1_1_1)}"
                    )

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
