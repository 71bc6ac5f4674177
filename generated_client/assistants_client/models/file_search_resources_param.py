from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, LazyModel, Unset

T = TypeVar("T", bound="FileSearchResourcesParam")


_KNOWN_FIELDS = frozenset(
    {
        "vector_store_ids",
    }
)


def _lazy_additional_properties(_src_mapping: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: value for key, value in _src_mapping.items() if key not in _KNOWN_FIELDS
    }


@_attrs_define
class FileSearchResourcesParam(LazyModel):
    """Resources for the file_search tool, on modify (vector store ids only).

    Attributes:
        vector_store_ids (list[str] | Unset): The ID of the vector store attached to this assistant. There can be a
            maximum of 1 vector store attached to the assistant.
    """

    vector_store_ids: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _lazy_fields = {
        "additional_properties": _lazy_additional_properties,
    }

    def to_dict(self) -> dict[str, Any]:
        vector_store_ids = self.vector_store_ids

        field_dict: dict[str, Any] = {
            **self.additional_properties,
        }
        if vector_store_ids is not UNSET:
            field_dict["vector_store_ids"] = vector_store_ids

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
                f"FileSearchResourcesParam must be an object, got {type(src_dict).__name__}"
            )
        return cls._parse(src_dict)

    @classmethod
    def _parse(cls, d: Mapping[str, Any]) -> Self:
        """The model of ``d`` with its own fields checked; fields that build models or enums are left
        unset, to be parsed on first read; records are built now."""
        self = object.__new__(cls)
        self._raw = d
        self.vector_store_ids = d.get("vector_store_ids", UNSET)
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
