from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FileSearchResourcesCreateParam")


@_attrs_define
class FileSearchResourcesCreateParam:
    """Resources for the file_search tool, on create: exactly one of `vector_store_ids` (an
    existing vector store) and `vector_stores` (a helper that creates one with the assistant).
    The answer lists the store in `vector_store_ids` either way; the helper never appears in it.

        Attributes:
            vector_store_ids (list[str] | Unset): The ID of the vector store attached to this assistant. There can be a
                maximum of 1 vector store attached to the assistant.
            vector_stores (list[VectorStoreHelperParam] | Unset): A vector store to create with the assistant and attach to
                it. There can be a maximum of 1 vector store attached to the assistant.
    """

    vector_store_ids: list[str] | Unset = UNSET
    vector_stores: list[VectorStoreHelperParam] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        vector_store_ids: list[str] | Unset = UNSET
        if not isinstance(self.vector_store_ids, Unset):
            vector_store_ids = self.vector_store_ids

        vector_stores: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.vector_stores, Unset):
            vector_stores = []
            for vector_stores_item_data in self.vector_stores:
                vector_stores_item = vector_stores_item_data.to_dict()
                vector_stores.append(vector_stores_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        field_dict.update({})
        if vector_store_ids is not UNSET:
            field_dict["vector_store_ids"] = vector_store_ids
        if vector_stores is not UNSET:
            field_dict["vector_stores"] = vector_stores

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        vector_store_ids = cast(list[str], d.pop("vector_store_ids", UNSET))

        _vector_stores = d.pop("vector_stores", UNSET)
        vector_stores: list[VectorStoreHelperParam] | Unset = UNSET
        if _vector_stores is not UNSET:
            vector_stores = []
            for vector_stores_item_data in _vector_stores:
                vector_stores_item = VectorStoreHelperParam.from_dict(
                    vector_stores_item_data
                )

                vector_stores.append(vector_stores_item)

        file_search_resources_create_param = cls(
            vector_store_ids=vector_store_ids,
            vector_stores=vector_stores,
        )

        file_search_resources_create_param.additional_properties = d
        return file_search_resources_create_param

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
from ..models.vector_store_helper_param import VectorStoreHelperParam
