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

T = TypeVar("T", bound="ListAssistantsResponse")


@_attrs_define
class ListAssistantsResponse:
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

    def to_dict(self) -> dict[str, Any]:
        object_ = self.object_

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        first_id: None | str
        first_id = self.first_id

        last_id: None | str
        last_id = self.last_id

        has_more = self.has_more

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        field_dict.update(
            {
                "object": object_,
                "data": data,
                "first_id": first_id,
                "last_id": last_id,
                "has_more": has_more,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        object_ = d.pop("object")
        if object_ != "list":
            raise ValueError(f"object must match const 'list', got '{object_}'")

        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = AssistantObject.from_dict(data_item_data)

            data.append(data_item)

        _first_id_data = d.pop("first_id")
        first_id: None | str
        first_id = _first_id_data

        _last_id_data = d.pop("last_id")
        last_id: None | str
        last_id = _last_id_data

        has_more = d.pop("has_more")

        list_assistants_response = cls(
            object_=object_,
            data=data,
            first_id=first_id,
            last_id=last_id,
            has_more=has_more,
        )

        list_assistants_response.additional_properties = d
        return list_assistants_response

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
