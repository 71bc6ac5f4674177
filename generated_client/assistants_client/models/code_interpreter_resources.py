from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, LazyModel, Unset

T = TypeVar("T", bound="CodeInterpreterResources")


_KNOWN_FIELDS = frozenset(
    {
        "file_ids",
    }
)


def _lazy_additional_properties(_src_mapping: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: value for key, value in _src_mapping.items() if key not in _KNOWN_FIELDS
    }


@_attrs_define
class CodeInterpreterResources(LazyModel):
    """Resources for the code_interpreter tool.

    Attributes:
        file_ids (list[str] | Unset): A list of file IDs made available to the code_interpreter tool. There can be a
            maximum of 20 files associated with the tool.
    """

    file_ids: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _lazy_fields = {
        "additional_properties": _lazy_additional_properties,
    }

    def to_dict(self) -> dict[str, Any]:
        file_ids = self.file_ids

        field_dict: dict[str, Any] = {
            **self.additional_properties,
        }
        if file_ids is not UNSET:
            field_dict["file_ids"] = file_ids

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
                f"CodeInterpreterResources must be an object, got {type(src_dict).__name__}"
            )
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
