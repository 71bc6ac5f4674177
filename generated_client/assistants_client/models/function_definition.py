from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, LazyModel, Unset

T = TypeVar("T", bound="FunctionDefinition")


_KNOWN_FIELDS = frozenset(
    {
        "name",
        "description",
        "parameters",
        "strict",
    }
)


def _lazy_parameters(_src_mapping: Mapping[str, Any]) -> Any:
    _parameters = _src_mapping.get("parameters", UNSET)
    parameters: FunctionParameters | Unset = (
        UNSET if _parameters is UNSET else FunctionParameters._parse(_parameters)
    )

    return parameters


def _lazy_additional_properties(_src_mapping: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: value for key, value in _src_mapping.items() if key not in _KNOWN_FIELDS
    }


@_attrs_define
class FunctionDefinition(LazyModel):
    """A function the model may call.

    Attributes:
        name (str): The name of the function to be called. a-z, A-Z, 0-9, underscores and dashes, at most 64 characters.
        description (str | Unset): A description of what the function does, used by the model to choose when and how to
            call the function.
        parameters (FunctionParameters | Unset): The parameters the function accepts, described as a JSON Schema object.
            Omitting it defines a function with an empty parameter list.
        strict (bool | None | Unset): Whether to enable strict schema adherence when generating the function call.
            Defaults to false.
    """

    name: str
    description: str | Unset = UNSET
    parameters: FunctionParameters | Unset = UNSET
    strict: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _lazy_fields = {
        "parameters": _lazy_parameters,
        "additional_properties": _lazy_additional_properties,
    }

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        strict = self.strict

        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "name": name,
        }
        if description is not UNSET:
            field_dict["description"] = description
        if parameters is not UNSET:
            field_dict["parameters"] = parameters
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
                f"FunctionDefinition must be an object, got {type(src_dict).__name__}"
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
                f"FunctionDefinition requires {', '.join(n for n in ('name',) if n not in d)}"
            )
        _parameters_o1 = d.get("parameters", UNSET)
        if _parameters_o1 is not UNSET:
            if type(_parameters_o1) is not dict and not isinstance(
                _parameters_o1, Mapping
            ):
                raise TypeError(
                    f"parameters must be an object, got {type(_parameters_o1).__name__}"
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
from ..models.function_parameters import FunctionParameters
