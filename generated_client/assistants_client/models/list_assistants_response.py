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

T = TypeVar("T", bound="ListAssistantsResponse")


_KNOWN_FIELDS = frozenset(
    {
        "object",
        "data",
        "first_id",
        "last_id",
        "has_more",
    }
)


def _lazy_data(_src_mapping: Mapping[str, Any]) -> Any:
    _data = _src_mapping["data"]
    data = [AssistantObject._from_checked(_item) for _item in _data]

    return data


def _lazy_additional_properties(_src_mapping: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: value for key, value in _src_mapping.items() if key not in _KNOWN_FIELDS
    }


@_attrs_define
class ListAssistantsResponse(LazyModel):
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
    _lazy_fields = {
        "data": _lazy_data,
        "additional_properties": _lazy_additional_properties,
    }

    def to_dict(self) -> dict[str, Any]:
        object_ = self.object_

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        first_id = self.first_id

        last_id = self.last_id

        has_more = self.has_more

        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "object": object_,
            "data": data,
            "first_id": first_id,
            "last_id": last_id,
            "has_more": has_more,
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
                f"ListAssistantsResponse must be an object, got {type(src_dict).__name__}"
            )
        cls._check_shape(src_dict)
        return cls._from_checked(src_dict)

    @classmethod
    def _from_checked(cls, d: Mapping[str, Any]) -> Self:
        """The model of an object ``_check_shape`` has passed: the other fields are parsed on first read."""
        self = object.__new__(cls)
        self._raw = d
        self.object_ = d["object"]
        self.first_id = d["first_id"]
        self.last_id = d["last_id"]
        self.has_more = d["has_more"]
        return self

    @staticmethod
    def _check_shape(d: Mapping[str, Any]) -> None:
        """Raises where parsing ``d`` would; builds nothing."""
        if not (
            "object" in d
            and "data" in d
            and "first_id" in d
            and "last_id" in d
            and "has_more" in d
        ):
            raise KeyError(
                f"ListAssistantsResponse requires {', '.join(n for n in ('object', 'data', 'first_id', 'last_id', 'has_more') if n not in d)}"
            )
        _object__1 = d["object"]
        if _object__1 != "list":
            raise ValueError(f"object must match const 'list', got {_object__1!r}")

        _data_2 = d["data"]
        for _item_2 in _data_2:
            if type(_item_2) is not dict and not isinstance(_item_2, Mapping):
                raise TypeError(
                    f"data_item must be an object, got {type(_item_2).__name__}"
                )
            if not (
                "id" in _item_2
                and "object" in _item_2
                and "created_at" in _item_2
                and "name" in _item_2
                and "description" in _item_2
                and "model" in _item_2
                and "instructions" in _item_2
                and "tools" in _item_2
                and "metadata" in _item_2
            ):
                raise KeyError(
                    f"AssistantObject requires {', '.join(n for n in ('id', 'object', 'created_at', 'name', 'description', 'model', 'instructions', 'tools', 'metadata') if n not in _item_2)}"
                )
            _object__2_i_1 = _item_2["object"]
            if _object__2_i_1 != "assistant":
                raise ValueError(
                    f"object must match const 'assistant', got {_object__2_i_1!r}"
                )

            _tools_2_i_2 = _item_2["tools"]
            for _item_2_i_2 in _tools_2_i_2:
                if isinstance(_item_2_i_2, dict):
                    _kind_2_i_2_i = _item_2_i_2.get("type")
                    if _kind_2_i_2_i == "file_search":
                        _file_search_2_i_2_i_1_o1 = _item_2_i_2.get(
                            "file_search", UNSET
                        )
                        if _file_search_2_i_2_i_1_o1 is not UNSET:
                            if type(
                                _file_search_2_i_2_i_1_o1
                            ) is not dict and not isinstance(
                                _file_search_2_i_2_i_1_o1, Mapping
                            ):
                                raise TypeError(
                                    f"file_search must be an object, got {type(_file_search_2_i_2_i_1_o1).__name__}"
                                )
                            _ranking_options_2_i_2_i_1_o1_o1 = (
                                _file_search_2_i_2_i_1_o1.get("ranking_options", UNSET)
                            )
                            if _ranking_options_2_i_2_i_1_o1_o1 is not UNSET:
                                if type(
                                    _ranking_options_2_i_2_i_1_o1_o1
                                ) is not dict and not isinstance(
                                    _ranking_options_2_i_2_i_1_o1_o1, Mapping
                                ):
                                    raise TypeError(
                                        f"ranking_options must be an object, got {type(_ranking_options_2_i_2_i_1_o1_o1).__name__}"
                                    )
                                if not (
                                    "score_threshold"
                                    in _ranking_options_2_i_2_i_1_o1_o1
                                ):
                                    raise KeyError(
                                        f"FileSearchRankingOptions requires {', '.join(n for n in ('score_threshold',) if n not in _ranking_options_2_i_2_i_1_o1_o1)}"
                                    )
                                _ranker_2_i_2_i_1_o1_o1_o1 = (
                                    _ranking_options_2_i_2_i_1_o1_o1.get(
                                        "ranker", UNSET
                                    )
                                )
                                if _ranker_2_i_2_i_1_o1_o1_o1 is not UNSET:
                                    if not isinstance(_ranker_2_i_2_i_1_o1_o1_o1, str):
                                        raise ValueError(
                                            f"ranker must be a string, got {type(_ranker_2_i_2_i_1_o1_o1_o1).__name__}"
                                        )

                    elif _kind_2_i_2_i == "function":
                        if not ("function" in _item_2_i_2):
                            raise KeyError(
                                f"FunctionTool requires {', '.join(n for n in ('function',) if n not in _item_2_i_2)}"
                            )
                        _function_2_i_2_i_2_1 = _item_2_i_2["function"]
                        if type(_function_2_i_2_i_2_1) is not dict and not isinstance(
                            _function_2_i_2_i_2_1, Mapping
                        ):
                            raise TypeError(
                                f"function must be an object, got {type(_function_2_i_2_i_2_1).__name__}"
                            )
                        if not ("name" in _function_2_i_2_i_2_1):
                            raise KeyError(
                                f"FunctionDefinition requires {', '.join(n for n in ('name',) if n not in _function_2_i_2_i_2_1)}"
                            )
                        _parameters_2_i_2_i_2_1_o1 = _function_2_i_2_i_2_1.get(
                            "parameters", UNSET
                        )
                        if _parameters_2_i_2_i_2_1_o1 is not UNSET:
                            if type(
                                _parameters_2_i_2_i_2_1_o1
                            ) is not dict and not isinstance(
                                _parameters_2_i_2_i_2_1_o1, Mapping
                            ):
                                raise TypeError(
                                    f"parameters must be an object, got {type(_parameters_2_i_2_i_2_1_o1).__name__}"
                                )

            _tool_resources_2_i_o1 = _item_2.get("tool_resources", UNSET)
            if isinstance(_tool_resources_2_i_o1, dict):
                _code_interpreter_2_i_o1_1_o1 = _tool_resources_2_i_o1.get(
                    "code_interpreter", UNSET
                )
                if _code_interpreter_2_i_o1_1_o1 is not UNSET:
                    if type(
                        _code_interpreter_2_i_o1_1_o1
                    ) is not dict and not isinstance(
                        _code_interpreter_2_i_o1_1_o1, Mapping
                    ):
                        raise TypeError(
                            f"code_interpreter must be an object, got {type(_code_interpreter_2_i_o1_1_o1).__name__}"
                        )

                _file_search_2_i_o1_1_o2 = _tool_resources_2_i_o1.get(
                    "file_search", UNSET
                )
                if _file_search_2_i_o1_1_o2 is not UNSET:
                    if type(_file_search_2_i_o1_1_o2) is not dict and not isinstance(
                        _file_search_2_i_o1_1_o2, Mapping
                    ):
                        raise TypeError(
                            f"file_search must be an object, got {type(_file_search_2_i_o1_1_o2).__name__}"
                        )

            _response_format_2_i_o2 = _item_2.get("response_format", UNSET)
            if isinstance(_response_format_2_i_o2, dict):
                _kind_2_i_o2 = _response_format_2_i_o2.get("type")
                if _kind_2_i_o2 == "json_schema":
                    if not ("json_schema" in _response_format_2_i_o2):
                        raise KeyError(
                            f"ResponseFormatJsonSchema requires {', '.join(n for n in ('json_schema',) if n not in _response_format_2_i_o2)}"
                        )
                    _json_schema_2_i_o2_1_1 = _response_format_2_i_o2["json_schema"]
                    if type(_json_schema_2_i_o2_1_1) is not dict and not isinstance(
                        _json_schema_2_i_o2_1_1, Mapping
                    ):
                        raise TypeError(
                            f"json_schema must be an object, got {type(_json_schema_2_i_o2_1_1).__name__}"
                        )
                    if not ("name" in _json_schema_2_i_o2_1_1):
                        raise KeyError(
                            f"JsonSchemaFormat requires {', '.join(n for n in ('name',) if n not in _json_schema_2_i_o2_1_1)}"
                        )
                    _schema_2_i_o2_1_1_o1 = _json_schema_2_i_o2_1_1.get("schema", UNSET)
                    if _schema_2_i_o2_1_1_o1 is not UNSET:
                        if type(_schema_2_i_o2_1_1_o1) is not dict and not isinstance(
                            _schema_2_i_o2_1_1_o1, Mapping
                        ):
                            raise TypeError(
                                f"schema must be an object, got {type(_schema_2_i_o2_1_1_o1).__name__}"
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
from ..models.assistant_object import AssistantObject
