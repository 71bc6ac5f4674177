from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, LazyModel, Unset

T = TypeVar("T", bound="JsonSchemaFormat")


_KNOWN_FIELDS = frozenset(
    {
        "name",
        "description",
        "schema",
        "strict",
    }
)


def _lazy_schema(_src_mapping: Mapping[str, Any]) -> Any:
    _schema = _src_mapping.get("schema", UNSET)
    schema: JsonSchemaFormatSchema | Unset = (
        UNSET if _schema is UNSET else JsonSchemaFormatSchema._parse(_schema)
    )

    return schema


def _lazy_additional_properties(_src_mapping: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: value for key, value in _src_mapping.items() if key not in _KNOWN_FIELDS
    }


@_attrs_define
class JsonSchemaFormat(LazyModel):
    """Structured Outputs configuration.

    Attributes:
        name (str): The name of the response format. a-z, A-Z, 0-9, underscores and dashes, at most 64 characters.
        description (str | Unset): A description of what the response format is for.
        schema (JsonSchemaFormatSchema | Unset): The schema for the response format, described as a JSON Schema object.
        strict (bool | None | Unset): Whether to enable strict schema adherence. Defaults to false.
    """

    name: str
    description: str | Unset = UNSET
    schema: JsonSchemaFormatSchema | Unset = UNSET
    strict: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _lazy_fields = {
        "schema": _lazy_schema,
        "additional_properties": _lazy_additional_properties,
    }

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.schema, Unset):
            schema = self.schema.to_dict()

        strict = self.strict

        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "name": name,
        }
        if description is not UNSET:
            field_dict["description"] = description
        if schema is not UNSET:
            field_dict["schema"] = schema
        if strict is not UNSET:
            field_dict["strict"] = strict

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
                f"JsonSchemaFormat must be an object, got {type(src_dict).__name__}"
            )
        cls._check_shape(src_dict)
        return cls._parse(src_dict)

    @classmethod
    def _parse(cls, d: Mapping[str, Any]) -> Self:
        """The model of ``d`` with its own fields checked; fields that build models or enums are left
        unset, to be parsed on first read; records are built now."""
        self = object.__new__(cls)
        self._raw = d
        self.name = d["name"]
        self.description = d.get("description", UNSET)
        self.strict = d.get("strict", UNSET)
        return self

    @staticmethod
    def _check_shape(d: Mapping[str, Any]) -> None:
        """Raises where parsing ``d`` would; builds nothing."""
        if not ("name" in d):
            raise KeyError(
                f"JsonSchemaFormat requires {', '.join(n for n in ('name',) if n not in d)}"
            )
        _schema_o1 = d.get("schema", UNSET)
        if _schema_o1 is not UNSET:
            if type(_schema_o1) is not dict and not isinstance(_schema_o1, Mapping):
                raise TypeError(
                    f"schema must be an object, got {type(_schema_o1).__name__}"
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


# Imported last, once: the classes above are defined by then, so import cycles between models resolve.
from ..models.json_schema_format_schema import JsonSchemaFormatSchema
