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

T = TypeVar("T", bound="FunctionTool")


_KNOWN_FIELDS = frozenset(
    {
        "type",
        "function",
    }
)


def _lazy_function(_src_mapping: Mapping[str, Any]) -> Any:
    function = FunctionDefinition._parse(_src_mapping["function"])

    return function


def _lazy_additional_properties(_src_mapping: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: value for key, value in _src_mapping.items() if key not in _KNOWN_FIELDS
    }


@_attrs_define
class FunctionTool(LazyModel):
    """Function tool.

    Attributes:
        type_ (Literal['function']): The type of tool being defined, always `function`.
        function (FunctionDefinition): A function the model may call.
    """

    type_: Literal["function"]
    function: FunctionDefinition
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _lazy_fields = {
        "function": _lazy_function,
        "additional_properties": _lazy_additional_properties,
    }

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        function = self.function.to_dict()

        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "type": type_,
            "function": function,
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
                f"FunctionTool must be an object, got {type(src_dict).__name__}"
            )
        cls._check_shape(src_dict)
        return cls._parse(src_dict)

    @classmethod
    def _parse(cls, d: Mapping[str, Any]) -> Self:
        """The model of ``d`` with its own fields checked; fields that build models or enums are left
        unset, to be parsed on first read; records are built now."""
        if not ("function" in d):
            raise KeyError(
                f"FunctionTool requires {', '.join(n for n in ('function',) if n not in d)}"
            )
        self = object.__new__(cls)
        self._raw = d
        if d["type"] != "function":
            raise ValueError(f"type must match const 'function', got {d['type']!r}")
        self.type_ = d["type"]
        return self

    @staticmethod
    def _check_shape(d: Mapping[str, Any]) -> None:
        """Raises where parsing ``d`` would; builds nothing."""
        if not ("type" in d and "function" in d):
            raise KeyError(
                f"FunctionTool requires {', '.join(n for n in ('type', 'function') if n not in d)}"
            )
        _type__1 = d["type"]
        if _type__1 != "function":
            raise ValueError(f"type must match const 'function', got {_type__1!r}")

        _function_2 = d["function"]
        if type(_function_2) is not dict and not isinstance(_function_2, Mapping):
            raise TypeError(
                f"function must be an object, got {type(_function_2).__name__}"
            )
        if not ("name" in _function_2):
            raise KeyError(
                f"FunctionDefinition requires {', '.join(n for n in ('name',) if n not in _function_2)}"
            )
        _parameters_2_o1 = _function_2.get("parameters", UNSET)
        if _parameters_2_o1 is not UNSET:
            if type(_parameters_2_o1) is not dict and not isinstance(
                _parameters_2_o1, Mapping
            ):
                raise TypeError(
                    f"parameters must be an object, got {type(_parameters_2_o1).__name__}"
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
from ..models.function_definition import FunctionDefinition
