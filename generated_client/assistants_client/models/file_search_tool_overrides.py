from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.file_search_ranking_options import FileSearchRankingOptions


T = TypeVar("T", bound="FileSearchToolOverrides")


@_attrs_define
class FileSearchToolOverrides:
    """Overrides for the file search tool.

    Attributes:
        max_num_results (int | Unset): The maximum number of results the file search tool should output, between 1 and
            50.
        ranking_options (FileSearchRankingOptions | Unset): Ranking options for file search.
    """

    max_num_results: int | Unset = UNSET
    ranking_options: FileSearchRankingOptions | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        max_num_results = self.max_num_results

        ranking_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ranking_options, Unset):
            ranking_options = self.ranking_options.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if max_num_results is not UNSET:
            field_dict["max_num_results"] = max_num_results
        if ranking_options is not UNSET:
            field_dict["ranking_options"] = ranking_options

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.file_search_ranking_options import FileSearchRankingOptions

        d = dict(src_dict)
        max_num_results = d.pop("max_num_results", UNSET)

        _ranking_options = d.pop("ranking_options", UNSET)
        ranking_options: FileSearchRankingOptions | Unset
        if isinstance(_ranking_options, Unset):
            ranking_options = UNSET
        else:
            ranking_options = FileSearchRankingOptions.from_dict(_ranking_options)

        file_search_tool_overrides = cls(
            max_num_results=max_num_results,
            ranking_options=ranking_options,
        )

        return file_search_tool_overrides
