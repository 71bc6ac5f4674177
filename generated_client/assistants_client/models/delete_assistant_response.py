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

from ..types import LazyModel

T = TypeVar("T", bound="DeleteAssistantResponse")


_KNOWN_FIELDS = frozenset(
    {
        "id",
        "object",
        "deleted",
    }
)


def _lazy_additional_properties(_src_mapping: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: value for key, value in _src_mapping.items() if key not in _KNOWN_FIELDS
    }


@_attrs_define
class DeleteAssistantResponse(LazyModel):
    """Deletion status.

    Attributes:
        id (str): The ID of the deleted assistant.
        object_ (Literal['assistant.deleted']): Always `assistant.deleted`.
        deleted (bool): Whether the assistant was deleted.
    """

    id: str
    object_: Literal["assistant.deleted"]
    deleted: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _lazy_fields = {
        "additional_properties": _lazy_additional_properties,
    }

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_ = self.object_

        deleted = self.deleted

        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "id": id,
            "object": object_,
            "deleted": deleted,
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
                f"DeleteAssistantResponse must be an object, got {type(src_dict).__name__}"
            )
        cls._check_shape(src_dict)
        return cls._parse(src_dict)

    @classmethod
    def _parse(cls, d: Mapping[str, Any]) -> Self:
        """The model of ``d`` with its own fields checked; fields that build models or enums are left
        unset, to be parsed on first read; records are built now."""
        self = object.__new__(cls)
        self._raw = d
        self.id = d["id"]
        if d["object"] != "assistant.deleted":
            raise ValueError(
                f"object must match const 'assistant.deleted', got {d['object']!r}"
            )
        self.object_ = d["object"]
        self.deleted = d["deleted"]
        return self

    @staticmethod
    def _check_shape(d: Mapping[str, Any]) -> None:
        """Raises where parsing ``d`` would; builds nothing."""
        if not ("id" in d and "object" in d and "deleted" in d):
            raise KeyError(
                f"DeleteAssistantResponse requires {', '.join(n for n in ('id', 'object', 'deleted') if n not in d)}"
            )
        _object__1 = d["object"]
        if _object__1 != "assistant.deleted":
            raise ValueError(
                f"object must match const 'assistant.deleted', got {_object__1!r}"
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
