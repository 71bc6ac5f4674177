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

from ..models.response_format_option import ResponseFormatOption
from ..types import UNSET, LazyModel, Unset

T = TypeVar("T", bound="AssistantObject")


_KNOWN_FIELDS = frozenset(
    {
        "id",
        "object",
        "created_at",
        "name",
        "description",
        "model",
        "instructions",
        "tools",
        "metadata",
        "tool_resources",
        "temperature",
        "top_p",
        "response_format",
    }
)


def _lazy_tools(_src_mapping: Mapping[str, Any]) -> Any:
    _tools = _src_mapping["tools"]
    tools = []
    for _tools_item in _tools:
        _componentsschemas_assistant_tools_item_data = _tools_item
        componentsschemas_assistant_tools_item: (
            CodeInterpreterTool | FileSearchTool | FunctionTool | dict[str, Any]
        )
        if isinstance(_componentsschemas_assistant_tools_item_data, dict):
            _componentsschemas_assistant_tools_item_type = (
                _componentsschemas_assistant_tools_item_data.get("type")
            )
            if _componentsschemas_assistant_tools_item_type == "code_interpreter":
                componentsschemas_assistant_tools_item = CodeInterpreterTool._parse(
                    _componentsschemas_assistant_tools_item_data
                )
            elif _componentsschemas_assistant_tools_item_type == "file_search":
                componentsschemas_assistant_tools_item = FileSearchTool._parse(
                    _componentsschemas_assistant_tools_item_data
                )
            elif _componentsschemas_assistant_tools_item_type == "function":
                componentsschemas_assistant_tools_item = FunctionTool._parse(
                    _componentsschemas_assistant_tools_item_data
                )
            else:  # a variant the spec does not know yet: kept as received
                componentsschemas_assistant_tools_item = (
                    _componentsschemas_assistant_tools_item_data
                )
        else:
            componentsschemas_assistant_tools_item = (
                _componentsschemas_assistant_tools_item_data
            )

        tools.append(componentsschemas_assistant_tools_item)

    return tools


def _lazy_metadata(_src_mapping: Mapping[str, Any]) -> Any:
    _metadata_data = _src_mapping["metadata"]
    metadata: Metadata | None
    if isinstance(_metadata_data, dict):
        metadata = Metadata._parse(_metadata_data)
    else:
        metadata = _metadata_data

    return metadata


def _lazy_tool_resources(_src_mapping: Mapping[str, Any]) -> Any:
    _tool_resources_data = _src_mapping.get("tool_resources", UNSET)
    tool_resources: None | ToolResources | Unset
    if isinstance(_tool_resources_data, dict):
        tool_resources = ToolResources._parse(_tool_resources_data)
    else:
        tool_resources = _tool_resources_data

    return tool_resources


def _lazy_response_format(_src_mapping: Mapping[str, Any]) -> Any:
    _response_format_data = _src_mapping.get("response_format", UNSET)
    response_format: (
        None
        | ResponseFormatJsonObject
        | ResponseFormatJsonSchema
        | ResponseFormatOption
        | ResponseFormatText
        | dict[str, Any]
        | Unset
    )
    if isinstance(_response_format_data, dict):
        _response_format_type = _response_format_data.get("type")
        if _response_format_type == "text":
            response_format = ResponseFormatText._parse(_response_format_data)
        elif _response_format_type == "json_object":
            response_format = ResponseFormatJsonObject._parse(_response_format_data)
        elif _response_format_type == "json_schema":
            response_format = ResponseFormatJsonSchema._parse(_response_format_data)
        else:  # a variant the spec does not know yet: kept as received
            response_format = _response_format_data
    elif isinstance(_response_format_data, str):
        response_format = ResponseFormatOption(_response_format_data)
    else:
        response_format = _response_format_data

    return response_format


def _lazy_additional_properties(_src_mapping: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: value for key, value in _src_mapping.items() if key not in _KNOWN_FIELDS
    }


@_attrs_define
class AssistantObject(LazyModel):
    """Represents an assistant that can call the model and use tools. Deprecated with the whole API (`info.x-sunset`).

    Attributes:
        id (str): The identifier, which can be referenced in API endpoints.
        object_ (Literal['assistant']): The object type, which is always assistant.
        created_at (int): The Unix timestamp (in seconds) for when the assistant was created.
        name (None | str): The name of the assistant. The maximum length is 256 characters.
        description (None | str): The description of the assistant. The maximum length is 512 characters.
        model (str): ID of the model the assistant uses.
        instructions (None | str): The system instructions that the assistant uses. The maximum length is 256,000
            characters.
        tools (list[CodeInterpreterTool | FileSearchTool | FunctionTool]): A list of tool enabled on the assistant.
            There can be a maximum of 128 tools per assistant. Tools can be of types code_interpreter, file_search, or
            function.
        metadata (Metadata | None): Metadata, or null to leave it empty.
        tool_resources (None | ToolResources | Unset): Tool resources, or null for none.
        temperature (float | None | Unset): What sampling temperature to use, between 0 and 2. Higher values like 0.8
            will make the output more random, while lower values like 0.2 will make it more focused and deterministic.
            Defaults to 1.
        top_p (float | None | Unset): An alternative to sampling with temperature, called nucleus sampling, where the
            model considers the results of the tokens with top_p probability mass. So 0.1 means only the tokens comprising
            the top 10% probability mass are considered. We generally recommend altering this or temperature but not both.
            Defaults to 1.
        response_format (None | ResponseFormatJsonObject | ResponseFormatJsonSchema | ResponseFormatOption |
            ResponseFormatText | Unset): The format the model must output: `auto`, `{"type": "text"}`, `{"type":
            "json_object"}`,
            `{"type": "json_schema", "json_schema": {...}}`, or `null`.
    """

    id: str
    object_: Literal["assistant"]
    created_at: int
    name: None | str
    description: None | str
    model: str
    instructions: None | str
    tools: list[CodeInterpreterTool | FileSearchTool | FunctionTool | dict[str, Any]]
    metadata: Metadata | None
    tool_resources: None | ToolResources | Unset = UNSET
    temperature: float | None | Unset = UNSET
    top_p: float | None | Unset = UNSET
    response_format: (
        None
        | ResponseFormatJsonObject
        | ResponseFormatJsonSchema
        | ResponseFormatOption
        | ResponseFormatText
        | dict[str, Any]
        | Unset
    ) = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _lazy_fields = {
        "tools": _lazy_tools,
        "metadata": _lazy_metadata,
        "tool_resources": _lazy_tool_resources,
        "response_format": _lazy_response_format,
        "additional_properties": _lazy_additional_properties,
    }

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_ = self.object_

        created_at = self.created_at

        name = self.name

        description = self.description

        model = self.model

        instructions = self.instructions

        tools = []
        for componentsschemas_assistant_tools_item_data in self.tools:
            componentsschemas_assistant_tools_item: dict[str, Any]
            if isinstance(
                componentsschemas_assistant_tools_item_data,
                (
                    CodeInterpreterTool,
                    FileSearchTool,
                    FunctionTool,
                ),
            ):
                componentsschemas_assistant_tools_item = (
                    componentsschemas_assistant_tools_item_data.to_dict()
                )
            else:
                componentsschemas_assistant_tools_item = (
                    componentsschemas_assistant_tools_item_data
                )

            tools.append(componentsschemas_assistant_tools_item)

        metadata: dict[str, Any] | None
        if isinstance(self.metadata, (Metadata,)):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        tool_resources: dict[str, Any] | None | Unset
        if isinstance(self.tool_resources, (ToolResources,)):
            tool_resources = self.tool_resources.to_dict()
        else:
            tool_resources = self.tool_resources

        temperature = self.temperature

        top_p = self.top_p

        response_format: dict[str, Any] | None | str | Unset
        if isinstance(self.response_format, ResponseFormatOption):
            response_format = self.response_format.value
        elif isinstance(
            self.response_format,
            (
                ResponseFormatText,
                ResponseFormatJsonObject,
                ResponseFormatJsonSchema,
            ),
        ):
            response_format = self.response_format.to_dict()
        else:
            response_format = self.response_format

        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "id": id,
            "object": object_,
            "created_at": created_at,
            "name": name,
            "description": description,
            "model": model,
            "instructions": instructions,
            "tools": tools,
            "metadata": metadata,
        }
        if tool_resources is not UNSET:
            field_dict["tool_resources"] = tool_resources
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if top_p is not UNSET:
            field_dict["top_p"] = top_p
        if response_format is not UNSET:
            field_dict["response_format"] = response_format

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
                f"AssistantObject must be an object, got {type(src_dict).__name__}"
            )
        cls._check_shape(src_dict)
        return cls._parse(src_dict)

    @classmethod
    def _parse(cls, d: Mapping[str, Any]) -> Self:
        """The model of ``d`` with its own fields checked; fields that build models or enums are left
        unset, to be parsed on first read; records are built now."""
        if not ("tools" in d and "metadata" in d):
            raise KeyError(
                f"AssistantObject requires {', '.join(n for n in ('tools', 'metadata') if n not in d)}"
            )
        self = object.__new__(cls)
        self._raw = d
        self.id = d["id"]
        if d["object"] != "assistant":
            raise ValueError(
                f"object must match const 'assistant', got {d['object']!r}"
            )
        self.object_ = d["object"]
        self.created_at = d["created_at"]
        self.name = d["name"]
        self.description = d["description"]
        self.model = d["model"]
        self.instructions = d["instructions"]
        self.temperature = d.get("temperature", UNSET)
        self.top_p = d.get("top_p", UNSET)
        return self

    @staticmethod
    def _check_shape(d: Mapping[str, Any]) -> None:
        """Raises where parsing ``d`` would; builds nothing."""
        if not (
            "id" in d
            and "object" in d
            and "created_at" in d
            and "name" in d
            and "description" in d
            and "model" in d
            and "instructions" in d
            and "tools" in d
            and "metadata" in d
        ):
            raise KeyError(
                f"AssistantObject requires {', '.join(n for n in ('id', 'object', 'created_at', 'name', 'description', 'model', 'instructions', 'tools', 'metadata') if n not in d)}"
            )
        _object__1 = d["object"]
        if _object__1 != "assistant":
            raise ValueError(f"object must match const 'assistant', got {_object__1!r}")

        _tools_2 = d["tools"]
        for _item_2 in _tools_2:
            if isinstance(_item_2, dict):
                _kind_2_i = _item_2.get("type")
                if _kind_2_i == "file_search":
                    _file_search_2_i_1_o1 = _item_2.get("file_search", UNSET)
                    if _file_search_2_i_1_o1 is not UNSET:
                        if type(_file_search_2_i_1_o1) is not dict and not isinstance(
                            _file_search_2_i_1_o1, Mapping
                        ):
                            raise TypeError(
                                f"file_search must be an object, got {type(_file_search_2_i_1_o1).__name__}"
                            )
                        _ranking_options_2_i_1_o1_o1 = _file_search_2_i_1_o1.get(
                            "ranking_options", UNSET
                        )
                        if _ranking_options_2_i_1_o1_o1 is not UNSET:
                            if type(
                                _ranking_options_2_i_1_o1_o1
                            ) is not dict and not isinstance(
                                _ranking_options_2_i_1_o1_o1, Mapping
                            ):
                                raise TypeError(
                                    f"ranking_options must be an object, got {type(_ranking_options_2_i_1_o1_o1).__name__}"
                                )
                            if not ("score_threshold" in _ranking_options_2_i_1_o1_o1):
                                raise KeyError(
                                    f"FileSearchRankingOptions requires {', '.join(n for n in ('score_threshold',) if n not in _ranking_options_2_i_1_o1_o1)}"
                                )
                            _ranker_2_i_1_o1_o1_o1 = _ranking_options_2_i_1_o1_o1.get(
                                "ranker", UNSET
                            )
                            if _ranker_2_i_1_o1_o1_o1 is not UNSET:
                                if not isinstance(_ranker_2_i_1_o1_o1_o1, str):
                                    raise ValueError(
                                        f"ranker must be a string, got {type(_ranker_2_i_1_o1_o1_o1).__name__}"
                                    )

                elif _kind_2_i == "function":
                    if not ("function" in _item_2):
                        raise KeyError(
                            f"FunctionTool requires {', '.join(n for n in ('function',) if n not in _item_2)}"
                        )
                    _function_2_i_2_1 = _item_2["function"]
                    if type(_function_2_i_2_1) is not dict and not isinstance(
                        _function_2_i_2_1, Mapping
                    ):
                        raise TypeError(
                            f"function must be an object, got {type(_function_2_i_2_1).__name__}"
                        )
                    if not ("name" in _function_2_i_2_1):
                        raise KeyError(
                            f"FunctionDefinition requires {', '.join(n for n in ('name',) if n not in _function_2_i_2_1)}"
                        )
                    _parameters_2_i_2_1_o1 = _function_2_i_2_1.get("parameters", UNSET)
                    if _parameters_2_i_2_1_o1 is not UNSET:
                        if type(_parameters_2_i_2_1_o1) is not dict and not isinstance(
                            _parameters_2_i_2_1_o1, Mapping
                        ):
                            raise TypeError(
                                f"parameters must be an object, got {type(_parameters_2_i_2_1_o1).__name__}"
                            )

        _tool_resources_o1 = d.get("tool_resources", UNSET)
        if isinstance(_tool_resources_o1, dict):
            _code_interpreter_o1_1_o1 = _tool_resources_o1.get(
                "code_interpreter", UNSET
            )
            if _code_interpreter_o1_1_o1 is not UNSET:
                if type(_code_interpreter_o1_1_o1) is not dict and not isinstance(
                    _code_interpreter_o1_1_o1, Mapping
                ):
                    raise TypeError(
                        f"code_interpreter must be an object, got {type(_code_interpreter_o1_1_o1).__name__}"
                    )

            _file_search_o1_1_o2 = _tool_resources_o1.get("file_search", UNSET)
            if _file_search_o1_1_o2 is not UNSET:
                if type(_file_search_o1_1_o2) is not dict and not isinstance(
                    _file_search_o1_1_o2, Mapping
                ):
                    raise TypeError(
                        f"file_search must be an object, got {type(_file_search_o1_1_o2).__name__}"
                    )

        _response_format_o2 = d.get("response_format", UNSET)
        if isinstance(_response_format_o2, dict):
            _kind_o2 = _response_format_o2.get("type")
            if _kind_o2 == "json_schema":
                if not ("json_schema" in _response_format_o2):
                    raise KeyError(
                        f"ResponseFormatJsonSchema requires {', '.join(n for n in ('json_schema',) if n not in _response_format_o2)}"
                    )
                _json_schema_o2_1_1 = _response_format_o2["json_schema"]
                if type(_json_schema_o2_1_1) is not dict and not isinstance(
                    _json_schema_o2_1_1, Mapping
                ):
                    raise TypeError(
                        f"json_schema must be an object, got {type(_json_schema_o2_1_1).__name__}"
                    )
                if not ("name" in _json_schema_o2_1_1):
                    raise KeyError(
                        f"JsonSchemaFormat requires {', '.join(n for n in ('name',) if n not in _json_schema_o2_1_1)}"
                    )
                _schema_o2_1_1_o1 = _json_schema_o2_1_1.get("schema", UNSET)
                if _schema_o2_1_1_o1 is not UNSET:
                    if type(_schema_o2_1_1_o1) is not dict and not isinstance(
                        _schema_o2_1_1_o1, Mapping
                    ):
                        raise TypeError(
                            f"schema must be an object, got {type(_schema_o2_1_1_o1).__name__}"
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
from ..models.code_interpreter_tool import CodeInterpreterTool
from ..models.file_search_tool import FileSearchTool
from ..models.function_tool import FunctionTool
from ..models.metadata import Metadata
from ..models.response_format_json_object import ResponseFormatJsonObject
from ..models.response_format_json_schema import ResponseFormatJsonSchema
from ..models.response_format_text import ResponseFormatText
from ..models.tool_resources import ToolResources
