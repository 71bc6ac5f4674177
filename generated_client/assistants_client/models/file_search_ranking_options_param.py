from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.file_search_ranker import FileSearchRanker
from ..types import UNSET, Unset

T = TypeVar("T", bound="FileSearchRankingOptionsParam")


@_attrs_define
class FileSearchRankingOptionsParam:
    """Ranking options for file search. Without them the `auto` ranker and a score threshold of 0 are used.

    Attributes:
        score_threshold (float): The score threshold for the file search, between 0 and 1.
        ranker (FileSearchRanker | Unset): The ranker to use for the file search. Defaults to `auto`.
    """

    score_threshold: float
    ranker: FileSearchRanker | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        score_threshold = self.score_threshold

        ranker: str | Unset = UNSET
        if not isinstance(self.ranker, Unset):
            ranker = self.ranker.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        field_dict.update(
            {
                "score_threshold": score_threshold,
            }
        )
        if ranker is not UNSET:
            field_dict["ranker"] = ranker

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        score_threshold = d.pop("score_threshold")

        _ranker = d.pop("ranker", UNSET)
        ranker: FileSearchRanker | Unset
        if isinstance(_ranker, Unset):
            ranker = UNSET
        else:
            ranker = FileSearchRanker(_ranker)

        file_search_ranking_options_param = cls(
            score_threshold=score_threshold,
            ranker=ranker,
        )

        file_search_ranking_options_param.additional_properties = d
        return file_search_ranking_options_param

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
