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

T = TypeVar("T", bound="ListAssistantsResponse")


_KNOWN_FIELDS = frozenset(
    {
        "object",
        "data",
        "first_id",
        "last_id",
        "has_more",
    }
)


def _lazy_additional_properties(_src_mapping: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: value for key, value in _src_mapping.items() if key not in _KNOWN_FIELDS
    }


@_attrs_define
class ListAssistantsResponse(LazyModel):
    """A page of assistants.

    Attributes:
        object_ (Literal['list']): Always `list`.
        data (list[AssistantObject]): The assistants on this page, in the requested order.
        first_id (None | str): ID of the first assistant on this page; null when the page is empty.
        last_id (None | str): ID of the last assistant on this page; null when the page is empty.
        has_more (bool): Whether more assistants follow this page in the requested order.
    """

    object_: Literal["list"]
    data: list[AssistantObject]
    first_id: None | str
    last_id: None | str
    has_more: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _lazy_fields = {
        "additional_properties": _lazy_additional_properties,
    }

    def to_dict(self) -> dict[str, Any]:
        object_ = self.object_

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        first_id = self.first_id

        last_id = self.last_id

        has_more = self.has_more

        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "object": object_,
            "data": data,
            "first_id": first_id,
            "last_id": last_id,
            "has_more": has_more,
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
                f"ListAssistantsResponse must be an object, got {type(src_dict).__name__}"
            )
        cls._check_shape(src_dict)
        return cls._parse(src_dict)

    @classmethod
    def _parse(cls, d: Mapping[str, Any]) -> Self:
        """The model of ``d`` with its own fields checked; fields that build models or enums are left
        unset, to be parsed on first read; records are built now."""
        if not ("data" in d):
            raise KeyError(
                f"ListAssistantsResponse requires {', '.join(n for n in ('data',) if n not in d)}"
            )
        self = object.__new__(cls)
        self._raw = d
        if d["object"] != "list":
            raise ValueError(f"object must match const 'list', got {d['object']!r}")
        self.object_ = d["object"]
        self.first_id = d["first_id"]
        self.last_id = d["last_id"]
        self.has_more = d["has_more"]
        self.data = [AssistantObject._parse(_item) for _item in d["data"]]
        return self

    @staticmethod
    def _check_shape(d: Mapping[str, Any]) -> None:
        """Raises where parsing ``d`` would; builds nothing."""
        if not (
            "object" in d
            and "data" in d
            and "first_id" in d
            and "last_id" in d
            and "has_more" in d
        ):
            raise KeyError(
                f"ListAssistantsResponse requires {', '.join(n for n in ('object', 'data', 'first_id', 'last_id', 'has_more') if n not in d)}"
            )
        _object__1 = d["object"]
        if _object__1 != "list":
            raise ValueError(f"object must match const 'list', got {_object__1!r}")

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
from ..models.assistant_object import AssistantObject
