from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import LazyModel

T = TypeVar("T", bound="ErrorResponse")


_KNOWN_FIELDS = frozenset(
    {
        "error",
    }
)


def _lazy_error(_src_mapping: Mapping[str, Any]) -> Any:
    error = ErrorDetail._parse(_src_mapping["error"])

    return error


def _lazy_additional_properties(_src_mapping: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: value for key, value in _src_mapping.items() if key not in _KNOWN_FIELDS
    }


@_attrs_define
class ErrorResponse(LazyModel):
    """The OpenAI error body.

    Attributes:
        error (ErrorDetail): What went wrong.
    """

    error: ErrorDetail
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _lazy_fields = {
        "error": _lazy_error,
        "additional_properties": _lazy_additional_properties,
    }

    def to_dict(self) -> dict[str, Any]:
        error = self.error.to_dict()

        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "error": error,
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
                f"ErrorResponse must be an object, got {type(src_dict).__name__}"
            )
        cls._check_shape(src_dict)
        return cls._parse(src_dict)

    @classmethod
    def _parse(cls, d: Mapping[str, Any]) -> Self:
        """The model of ``d`` with its own fields checked; fields that build models or enums are left
        unset, to be parsed on first read; records are built now."""
        if not ("error" in d):
            raise KeyError(
                f"ErrorResponse requires {', '.join(n for n in ('error',) if n not in d)}"
            )
        self = object.__new__(cls)
        self._raw = d
        return self

    @staticmethod
    def _check_shape(d: Mapping[str, Any]) -> None:
        """Raises where parsing ``d`` would; builds nothing."""
        if not ("error" in d):
            raise KeyError(
                f"ErrorResponse requires {', '.join(n for n in ('error',) if n not in d)}"
            )
        _error_1 = d["error"]
        if type(_error_1) is not dict and not isinstance(_error_1, Mapping):
            raise TypeError(f"error must be an object, got {type(_error_1).__name__}")
        if not (
            "message" in _error_1
            and "type" in _error_1
            and "param" in _error_1
            and "code" in _error_1
        ):
            raise KeyError(
                f"ErrorDetail requires {', '.join(n for n in ('message', 'type', 'param', 'code') if n not in _error_1)}"
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
from ..models.error_detail import ErrorDetail
