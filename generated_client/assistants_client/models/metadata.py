from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import LazyModel

T = TypeVar("T", bound="Metadata")


_KNOWN_FIELDS = frozenset({})


def _lazy_additional_properties(_src_mapping: Mapping[str, Any]) -> dict[str, str]:
    return {
        key: value for key, value in _src_mapping.items() if key not in _KNOWN_FIELDS
    }


@_attrs_define
class Metadata(LazyModel):
    """Set of 16 key-value pairs that can be attached to an object. Keys can be a maximum of 64 characters long and values
    can be a maximum of 512 characters long.

    """

    additional_properties: dict[str, str] = _attrs_field(init=False, factory=dict)
    _lazy_fields = {
        "additional_properties": _lazy_additional_properties,
    }

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {
            **self.additional_properties,
        }

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
                f"Metadata must be an object, got {type(src_dict).__name__}"
            )
        return cls._parse(src_dict)

    @classmethod
    def _parse(cls, d: Mapping[str, Any]) -> Self:
        """The model of ``d`` with its own fields checked; fields that build models or enums are left
        unset, to be parsed on first read; records are built now."""
        self = object.__new__(cls)
        self._raw = d
        return self

    @staticmethod
    def _check_shape(d: Mapping[str, Any]) -> None:
        """Raises where parsing ``d`` would; builds nothing."""

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
