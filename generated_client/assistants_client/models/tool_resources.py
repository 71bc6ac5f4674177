from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, LazyModel, Unset

T = TypeVar("T", bound="ToolResources")


_KNOWN_FIELDS = frozenset(
    {
        "code_interpreter",
        "file_search",
    }
)


def _lazy_code_interpreter(_src_mapping: Mapping[str, Any]) -> Any:
    _code_interpreter = _src_mapping.get("code_interpreter", UNSET)
    code_interpreter: CodeInterpreterResources | Unset = (
        UNSET
        if _code_interpreter is UNSET
        else CodeInterpreterResources._parse(_code_interpreter)
    )

    return code_interpreter


def _lazy_file_search(_src_mapping: Mapping[str, Any]) -> Any:
    _file_search = _src_mapping.get("file_search", UNSET)
    file_search: FileSearchResources | Unset = (
        UNSET if _file_search is UNSET else FileSearchResources._parse(_file_search)
    )

    return file_search


def _lazy_additional_properties(_src_mapping: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: value for key, value in _src_mapping.items() if key not in _KNOWN_FIELDS
    }


@_attrs_define
class ToolResources(LazyModel):
    """A set of resources that are used by the assistant's tools. The resources are specific to the type of tool. For
    example, the code_interpreter tool requires a list of file IDs, while the file_search tool requires a list of vector
    store IDs.

        Attributes:
            code_interpreter (CodeInterpreterResources | Unset): Resources for the code_interpreter tool.
            file_search (FileSearchResources | Unset): Resources for the file_search tool.
    """

    code_interpreter: CodeInterpreterResources | Unset = UNSET
    file_search: FileSearchResources | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _lazy_fields = {
        "code_interpreter": _lazy_code_interpreter,
        "file_search": _lazy_file_search,
        "additional_properties": _lazy_additional_properties,
    }

    def to_dict(self) -> dict[str, Any]:
        code_interpreter: dict[str, Any] | Unset = UNSET
        if not isinstance(self.code_interpreter, Unset):
            code_interpreter = self.code_interpreter.to_dict()

        file_search: dict[str, Any] | Unset = UNSET
        if not isinstance(self.file_search, Unset):
            file_search = self.file_search.to_dict()

        field_dict: dict[str, Any] = {
            **self.additional_properties,
        }
        if code_interpreter is not UNSET:
            field_dict["code_interpreter"] = code_interpreter
        if file_search is not UNSET:
            field_dict["file_search"] = file_search

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
                f"ToolResources must be an object, got {type(src_dict).__name__}"
            )
        cls._check_shape(src_dict)
        return cls._parse(src_dict)

    @classmethod
    def _parse(cls, d: Mapping[str, Any]) -> Self:
        """The model of ``d`` with its own fields checked; fields that build models or enums are left
        unset, to be parsed on first read; records are built now."""
        self = object.__new__(cls)
        self._raw = d
        return self

    @staticmethod
    def _check_shape(d: Mapping[str, Any]) -> None:
        """Raises where parsing ``d`` would; builds nothing."""
        _code_interpreter_o1 = d.get("code_interpreter", UNSET)
        if _code_interpreter_o1 is not UNSET:
            if type(_code_interpreter_o1) is not dict and not isinstance(
                _code_interpreter_o1, Mapping
            ):
                raise TypeError(
                    f"code_interpreter must be an object, got {type(_code_interpreter_o1).__name__}"
                )

        _file_search_o2 = d.get("file_search", UNSET)
        if _file_search_o2 is not UNSET:
            if type(_file_search_o2) is not dict and not isinstance(
                _file_search_o2, Mapping
            ):
                raise TypeError(
                    f"file_search must be an object, got {type(_file_search_o2).__name__}"
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
from ..models.code_interpreter_resources import CodeInterpreterResources
from ..models.file_search_resources import FileSearchResources
