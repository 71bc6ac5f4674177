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

T = TypeVar("T", bound="GatewayErrorResponse")


@_attrs_define
class GatewayErrorResponse:
    """Body of an error Portkey's gateway answers itself, before forwarding upstream.

    Attributes:
        status (Literal['failure']): Always `failure`.
        message (str): What the gateway refused, e.g. `Either x-portkey-config or x-portkey-provider header is
            required`.
    """

    status: Literal["failure"]
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        field_dict.update(
            {
                "status": status,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = d.pop("status")
        if status != "failure":
            raise ValueError(f"status must match const 'failure', got '{status}'")

        message = d.pop("message")

        gateway_error_response = cls(
            status=status,
            message=message,
        )

        gateway_error_response.additional_properties = d
        return gateway_error_response

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
