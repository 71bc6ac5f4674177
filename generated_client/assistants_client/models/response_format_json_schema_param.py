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

from ..types import UNSET, LazyModel

T = TypeVar("T", bound="ResponseFormatJsonSchemaParam")


_KNOWN_FIELDS = frozenset(
    {
        "type",
        "json_schema",
    }
)


def _lazy_json_schema(_src_mapping: Mapping[str, Any]) -> Any:
    json_schema = JsonSchemaFormatParam._parse(_src_mapping["json_schema"])

    return json_schema


def _lazy_additional_properties(_src_mapping: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: value for key, value in _src_mapping.items() if key not in _KNOWN_FIELDS
    }


@_attrs_define
class ResponseFormatJsonSchemaParam(LazyModel):
    """Structured Outputs, which ensures the model will match your supplied JSON schema.

    Attributes:
        type_ (Literal['json_schema']): Always `json_schema`.
        json_schema (JsonSchemaFormatParam): Structured Outputs configuration.
    """

    type_: Literal["json_schema"]
    json_schema: JsonSchemaFormatParam
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _lazy_fields = {
        "json_schema": _lazy_json_schema,
        "additional_properties": _lazy_additional_properties,
    }

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        json_schema = self.json_schema.to_dict()

        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "type": type_,
            "json_schema": json_schema,
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
                f"ResponseFormatJsonSchemaParam must be an object, got {type(src_dict).__name__}"
            )
        cls._check_shape(src_dict)
        return cls._parse(src_dict)

    @classmethod
    def _parse(cls, d: Mapping[str, Any]) -> Self:
        """The model of ``d`` with its own fields checked; fields that build models or enums are left
        unset, to be parsed on first read; records are built now."""
        if not ("json_schema" in d):
            raise KeyError(
                f"ResponseFormatJsonSchemaParam requires {', '.join(n for n in ('json_schema',) if n not in d)}"
            )
        self = object.__new__(cls)
        self._raw = d
        if d["type"] != "json_schema":
            raise ValueError(f"type must match const 'json_schema', got {d['type']!r}")
        self.type_ = d["type"]
        return self

    @staticmethod
    def _check_shape(d: Mapping[str, Any]) -> None:
        """Raises where parsing ``d`` would; builds nothing."""
        if not ("type" in d and "json_schema" in d):
            raise KeyError(
                f"ResponseFormatJsonSchemaParam requires {', '.join(n for n in ('type', 'json_schema') if n not in d)}"
            )
        _type__1 = d["type"]
        if _type__1 != "json_schema":
            raise ValueError(f"type must match const 'json_schema', got {_type__1!r}")

        _json_schema_2 = d["json_schema"]
        if type(_json_schema_2) is not dict and not isinstance(_json_schema_2, Mapping):
            raise TypeError(
                f"json_schema must be an object, got {type(_json_schema_2).__name__}"
            )
        if not ("name" in _json_schema_2):
            raise KeyError(
                f"JsonSchemaFormatParam requires {', '.join(n for n in ('name',) if n not in _json_schema_2)}"
            )
        _schema_2_o1 = _json_schema_2.get("schema", UNSET)
        if _schema_2_o1 is not UNSET:
            if type(_schema_2_o1) is not dict and not isinstance(_schema_2_o1, Mapping):
                raise TypeError(
                    f"schema must be an object, got {type(_schema_2_o1).__name__}"
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
from ..models.json_schema_format_param import JsonSchemaFormatParam
