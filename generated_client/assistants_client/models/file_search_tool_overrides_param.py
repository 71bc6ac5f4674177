from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FileSearchToolOverridesParam")


@_attrs_define
class FileSearchToolOverridesParam:
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

    def to_dict(self) -> dict[str, Any]:
        max_num_results = self.max_num_results

        ranking_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ranking_options, Unset):
            ranking_options = self.ranking_options.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        field_dict.update({})
        if max_num_results is not UNSET:
            field_dict["max_num_results"] = max_num_results
        if ranking_options is not UNSET:
            field_dict["ranking_options"] = ranking_options

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        max_num_results = d.pop("max_num_results", UNSET)

        _ranking_options = d.pop("ranking_options", UNSET)
        ranking_options: FileSearchRankingOptionsParam | Unset
        if isinstance(_ranking_options, Unset):
            ranking_options = UNSET
        else:
            ranking_options = FileSearchRankingOptionsParam.from_dict(_ranking_options)

        file_search_tool_overrides_param = cls(
            max_num_results=max_num_results,
            ranking_options=ranking_options,
        )

        file_search_tool_overrides_param.additional_properties = d
        return file_search_tool_overrides_param

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
