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

from ..types import UNSET, LazyModel, Unset

T = TypeVar("T", bound="FileSearchToolParam")


_KNOWN_FIELDS = frozenset(
    {
        "type",
        "file_search",
    }
)


def _lazy_file_search(_src_mapping: Mapping[str, Any]) -> Any:
    _file_search = _src_mapping.get("file_search", UNSET)
    file_search: FileSearchToolOverridesParam | Unset = (
        UNSET
        if _file_search is UNSET
        else FileSearchToolOverridesParam._parse(_file_search)
    )

    return file_search


def _lazy_additional_properties(_src_mapping: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: value for key, value in _src_mapping.items() if key not in _KNOWN_FIELDS
    }


@_attrs_define
class FileSearchToolParam(LazyModel):
    """FileSearch tool.

    Attributes:
        type_ (Literal['file_search']): The type of tool being defined, always `file_search`.
        file_search (FileSearchToolOverridesParam | Unset): Overrides for the file search tool.
    """

    type_: Literal["file_search"]
    file_search: FileSearchToolOverridesParam | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _lazy_fields = {
        "file_search": _lazy_file_search,
        "additional_properties": _lazy_additional_properties,
    }

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        file_search: dict[str, Any] | Unset = UNSET
        if not isinstance(self.file_search, Unset):
            file_search = self.file_search.to_dict()

        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "type": type_,
        }
        if file_search is not UNSET:
            field_dict["file_search"] = file_search

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
                f"FileSearchToolParam must be an object, got {type(src_dict).__name__}"
            )
        cls._check_shape(src_dict)
        return cls._parse(src_dict)

    @classmethod
    def _parse(cls, d: Mapping[str, Any]) -> Self:
        """The model of ``d`` with its own fields checked; fields that build models or enums are left
        unset, to be parsed on first read; records are built now."""
        self = object.__new__(cls)
        self._raw = d
        if d["type"] != "file_search":
            raise ValueError(f"type must match const 'file_search', got {d['type']!r}")
        self.type_ = d["type"]
        return self

    @staticmethod
    def _check_shape(d: Mapping[str, Any]) -> None:
        """Raises where parsing ``d`` would; builds nothing."""
        if not ("type" in d):
            raise KeyError(
                f"FileSearchToolParam requires {', '.join(n for n in ('type',) if n not in d)}"
            )
        _type__1 = d["type"]
        if _type__1 != "file_search":
            raise ValueError(f"type must match const 'file_search', got {_type__1!r}")

        _file_search_o1 = d.get("file_search", UNSET)
        if _file_search_o1 is not UNSET:
            if type(_file_search_o1) is not dict and not isinstance(
                _file_search_o1, Mapping
            ):
                raise TypeError(
                    f"file_search must be an object, got {type(_file_search_o1).__name__}"
                )
            _ranking_options_o1_o1 = _file_search_o1.get("ranking_options", UNSET)
            if _ranking_options_o1_o1 is not UNSET:
                if type(_ranking_options_o1_o1) is not dict and not isinstance(
                    _ranking_options_o1_o1, Mapping
                ):
                    raise TypeError(
                        f"ranking_options must be an object, got {type(_ranking_options_o1_o1).__name__}"
                    )
                if not ("score_threshold" in _ranking_options_o1_o1):
                    raise KeyError(
                        f"FileSearchRankingOptionsParam requires {', '.join(n for n in ('score_threshold',) if n not in _ranking_options_o1_o1)}"
                    )
                _ranker_o1_o1_o1 = _ranking_options_o1_o1.get("ranker", UNSET)
                if _ranker_o1_o1_o1 is not UNSET:
                    if not isinstance(_ranker_o1_o1_o1, str):
                        raise ValueError(
                            f"ranker must be a string, got {type(_ranker_o1_o1_o1).__name__}"
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
from ..models.file_search_tool_overrides_param import FileSearchToolOverridesParam
