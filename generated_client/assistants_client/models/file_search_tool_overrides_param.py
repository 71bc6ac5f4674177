from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, LazyModel, Unset

T = TypeVar("T", bound="FileSearchToolOverridesParam")


_KNOWN_FIELDS = frozenset(
    {
        "max_num_results",
        "ranking_options",
    }
)


def _lazy_ranking_options(_src_mapping: Mapping[str, Any]) -> Any:
    _ranking_options = _src_mapping.get("ranking_options", UNSET)
    ranking_options: FileSearchRankingOptionsParam | Unset = (
        UNSET
        if _ranking_options is UNSET
        else FileSearchRankingOptionsParam._parse(_ranking_options)
    )

    return ranking_options


def _lazy_additional_properties(_src_mapping: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: value for key, value in _src_mapping.items() if key not in _KNOWN_FIELDS
    }


@_attrs_define
class FileSearchToolOverridesParam(LazyModel):
    """Overrides for the file search tool.

    Attributes:
        max_num_results (int | Unset): The maximum number of results the file search tool should output, between 1 and
            50 (by default 20 for gpt-4* models, 5 for gpt-3.5-turbo).
        ranking_options (FileSearchRankingOptionsParam | Unset): Ranking options for file search. Without them the
            `auto` ranker and a score threshold of 0 are used.
    """

    max_num_results: int | Unset = UNSET
    ranking_options: FileSearchRankingOptionsParam | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _lazy_fields = {
        "ranking_options": _lazy_ranking_options,
        "additional_properties": _lazy_additional_properties,
    }

    def to_dict(self) -> dict[str, Any]:
        max_num_results = self.max_num_results

        ranking_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ranking_options, Unset):
            ranking_options = self.ranking_options.to_dict()

        field_dict: dict[str, Any] = {
            **self.additional_properties,
        }
        if max_num_results is not UNSET:
            field_dict["max_num_results"] = max_num_results
        if ranking_options is not UNSET:
            field_dict["ranking_options"] = ranking_options

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
                f"FileSearchToolOverridesParam must be an object, got {type(src_dict).__name__}"
            )
        cls._check_shape(src_dict)
        return cls._parse(src_dict)

    @classmethod
    def _parse(cls, d: Mapping[str, Any]) -> Self:
        """The model of ``d`` with its own fields checked; fields that build models or enums are left
        unset, to be parsed on first read; records are built now."""
        self = object.__new__(cls)
        self._raw = d
        self.max_num_results = d.get("max_num_results", UNSET)
        return self

    @staticmethod
    def _check_shape(d: Mapping[str, Any]) -> None:
        """Raises where parsing ``d`` would; builds nothing."""
        _ranking_options_o1 = d.get("ranking_options", UNSET)
        if _ranking_options_o1 is not UNSET:
            if type(_ranking_options_o1) is not dict and not isinstance(
                _ranking_options_o1, Mapping
            ):
                raise TypeError(
                    f"ranking_options must be an object, got {type(_ranking_options_o1).__name__}"
                )
            if not ("score_threshold" in _ranking_options_o1):
                raise KeyError(
                    f"FileSearchRankingOptionsParam requires {', '.join(n for n in ('score_threshold',) if n not in _ranking_options_o1)}"
                )
            _ranker_o1_o1 = _ranking_options_o1.get("ranker", UNSET)
            if _ranker_o1_o1 is not UNSET:
                if not isinstance(_ranker_o1_o1, str):
                    raise ValueError(
                        f"ranker must be a string, got {type(_ranker_o1_o1).__name__}"
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
from ..models.file_search_ranking_options_param import FileSearchRankingOptionsParam
