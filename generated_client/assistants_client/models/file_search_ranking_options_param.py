from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.file_search_ranker import FileSearchRanker
from ..types import UNSET, LazyModel, Unset

T = TypeVar("T", bound="FileSearchRankingOptionsParam")


_KNOWN_FIELDS = frozenset(
    {
        "score_threshold",
        "ranker",
    }
)


def _lazy_ranker(_src_mapping: Mapping[str, Any]) -> Any:
    _ranker = _src_mapping.get("ranker", UNSET)
    ranker: FileSearchRanker | Unset
    if isinstance(_ranker, Unset):
        ranker = UNSET
    else:
        ranker = FileSearchRanker(_ranker)

    return ranker


def _lazy_additional_properties(_src_mapping: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: value for key, value in _src_mapping.items() if key not in _KNOWN_FIELDS
    }


@_attrs_define
class FileSearchRankingOptionsParam(LazyModel):
    """Ranking options for file search. Without them the `auto` ranker and a score threshold of 0 are used.

    Attributes:
        score_threshold (float): The score threshold for the file search, between 0 and 1.
        ranker (FileSearchRanker | Unset): The ranker to use for the file search. Defaults to `auto`.
    """

    score_threshold: float
    ranker: FileSearchRanker | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _lazy_fields = {
        "ranker": _lazy_ranker,
        "additional_properties": _lazy_additional_properties,
    }

    def to_dict(self) -> dict[str, Any]:
        score_threshold = self.score_threshold

        ranker: str | Unset = UNSET
        if not isinstance(self.ranker, Unset):
            ranker = self.ranker.value

        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "score_threshold": score_threshold,
        }
        if ranker is not UNSET:
            field_dict["ranker"] = ranker

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
                f"FileSearchRankingOptionsParam must be an object, got {type(src_dict).__name__}"
            )
        cls._check_shape(src_dict)
        return cls._parse(src_dict)

    @classmethod
    def _parse(cls, d: Mapping[str, Any]) -> Self:
        """The model of ``d`` with its own fields checked; fields that build models or enums are left
        unset, to be parsed on first read; records are built now."""
        self = object.__new__(cls)
        self._raw = d
        self.score_threshold = d["score_threshold"]
        return self

    @staticmethod
    def _check_shape(d: Mapping[str, Any]) -> None:
        """Raises where parsing ``d`` would; builds nothing."""
        if not ("score_threshold" in d):
            raise KeyError(
                f"FileSearchRankingOptionsParam requires {', '.join(n for n in ('score_threshold',) if n not in d)}"
            )
        _ranker_o1 = d.get("ranker", UNSET)
        if _ranker_o1 is not UNSET:
            if not isinstance(_ranker_o1, str):
                raise ValueError(
                    f"ranker must be a string, got {type(_ranker_o1).__name__}"
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
