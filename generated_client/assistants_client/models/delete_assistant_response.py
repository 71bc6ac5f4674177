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

T = TypeVar("T", bound="DeleteAssistantResponse")


@_attrs_define
class DeleteAssistantResponse:
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

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_ = self.object_

        deleted = self.deleted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        field_dict.update(
            {
                "id": id,
                "object": object_,
                "deleted": deleted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        object_ = d.pop("object")
        if object_ != "assistant.deleted":
            raise ValueError(
                f"object must match const 'assistant.deleted', got '{object_}'"
            )

        deleted = d.pop("deleted")

        delete_assistant_response = cls(
            id=id,
            object_=object_,
            deleted=deleted,
        )

        delete_assistant_response.additional_properties = d
        return delete_assistant_response

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
