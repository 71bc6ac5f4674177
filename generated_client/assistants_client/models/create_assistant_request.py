from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.assistant_supported_models import AssistantSupportedModels
from ..models.reasoning_effort_level import ReasoningEffortLevel
from ..models.response_format_option import ResponseFormatOption
from ..types import UNSET, LazyModel, Unset

T = TypeVar("T", bound="CreateAssistantRequest")


_KNOWN_FIELDS = frozenset(
    {
        "model",
        "name",
        "description",
        "instructions",
        "reasoning_effort",
        "tools",
        "tool_resources",
        "metadata",
        "temperature",
        "top_p",
        "response_format",
    }
)


def _lazy_model(_src_mapping: Mapping[str, Any]) -> Any:
    _model_data = _src_mapping["model"]
    model: AssistantSupportedModels | str
    if isinstance(_model_data, str):
        model = AssistantSupportedModels(_model_data)
    else:
        model = _model_data

    return model


def _lazy_reasoning_effort(_src_mapping: Mapping[str, Any]) -> Any:
    _reasoning_effort_data = _src_mapping.get("reasoning_effort", UNSET)
    reasoning_effort: None | ReasoningEffortLevel | Unset
    if isinstance(_reasoning_effort_data, str):
        reasoning_effort = ReasoningEffortLevel(_reasoning_effort_data)
    else:
        reasoning_effort = _reasoning_effort_data

    return reasoning_effort


def _lazy_tools(_src_mapping: Mapping[str, Any]) -> Any:
    _tools = _src_mapping.get("tools", UNSET)
    tools: (
        list[CodeInterpreterToolParam | FileSearchToolParam | FunctionToolParam] | Unset
    ) = UNSET
    if _tools is not UNSET:
        tools = []
        for _tools_item in _tools:
            _componentsschemas_assistant_tools_param_item_data = _tools_item
            componentsschemas_assistant_tools_param_item: (
                CodeInterpreterToolParam
                | FileSearchToolParam
                | FunctionToolParam
                | dict[str, Any]
            )
            if isinstance(_componentsschemas_assistant_tools_param_item_data, dict):
                _componentsschemas_assistant_tools_param_item_type = (
                    _componentsschemas_assistant_tools_param_item_data.get("type")
                )
                if (
                    _componentsschemas_assistant_tools_param_item_type
                    == "code_interpreter"
                ):
                    componentsschemas_assistant_tools_param_item = (
                        CodeInterpreterToolParam._parse(
                            _componentsschemas_assistant_tools_param_item_data
                        )
                    )
                elif (
                    _componentsschemas_assistant_tools_param_item_type == "file_search"
                ):
                    componentsschemas_assistant_tools_param_item = (
                        FileSearchToolParam._parse(
                            _componentsschemas_assistant_tools_param_item_data
                        )
                    )
                elif _componentsschemas_assistant_tools_param_item_type == "function":
                    componentsschemas_assistant_tools_param_item = (
                        FunctionToolParam._parse(
                            _componentsschemas_assistant_tools_param_item_data
                        )
                    )
                else:  # a variant the spec does not know yet: kept as received
                    componentsschemas_assistant_tools_param_item = (
                        _componentsschemas_assistant_tools_param_item_data
                    )
            else:
                componentsschemas_assistant_tools_param_item = (
                    _componentsschemas_assistant_tools_param_item_data
                )

            tools.append(componentsschemas_assistant_tools_param_item)

    return tools


def _lazy_tool_resources(_src_mapping: Mapping[str, Any]) -> Any:
    _tool_resources_data = _src_mapping.get("tool_resources", UNSET)
    tool_resources: None | ToolResourcesCreateParam | Unset
    if isinstance(_tool_resources_data, dict):
        tool_resources = ToolResourcesCreateParam._parse(_tool_resources_data)
    else:
        tool_resources = _tool_resources_data

    return tool_resources


def _lazy_metadata(_src_mapping: Mapping[str, Any]) -> Any:
    _metadata_data = _src_mapping.get("metadata", UNSET)
    metadata: Metadata | None | Unset
    if isinstance(_metadata_data, dict):
        metadata = Metadata._parse(_metadata_data)
    else:
        metadata = _metadata_data

    return metadata


def _lazy_response_format(_src_mapping: Mapping[str, Any]) -> Any:
    _response_format_data = _src_mapping.get("response_format", UNSET)
    response_format: (
        None
        | ResponseFormatJsonObjectParam
        | ResponseFormatJsonSchemaParam
        | ResponseFormatOption
        | ResponseFormatTextParam
        | dict[str, Any]
        | Unset
    )
    if isinstance(_response_format_data, dict):
        _response_format_type = _response_format_data.get("type")
        if _response_format_type == "text":
            response_format = ResponseFormatTextParam._parse(_response_format_data)
        elif _response_format_type == "json_object":
            response_format = ResponseFormatJsonObjectParam._parse(
                _response_format_data
            )
        elif _response_format_type == "json_schema":
            response_format = ResponseFormatJsonSchemaParam._parse(
                _response_format_data
            )
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
class CreateAssistantRequest(LazyModel):
    """Body of createAssistant (v2). Fields not given take the defaults stated on each field.

    Attributes:
        model (AssistantSupportedModels | str): ID of the model to use. Any model id is accepted; the ids in
            `AssistantSupportedModels` are
            the ones OpenAI listed for assistants at the sunset, offered so that clients and docs can
            show them.
        name (None | str | Unset): The name of the assistant. The maximum length is 256 characters.
        description (None | str | Unset): The description of the assistant. The maximum length is 512 characters.
        instructions (None | str | Unset): The system instructions that the assistant uses. The maximum length is
            256,000 characters.
        reasoning_effort (None | ReasoningEffortLevel | Unset): Reasoning effort for reasoning models (create and modify
            only: the assistant object does
            not return it). `null`, or leaving it out, leaves the choice to the model.
        tools (list[CodeInterpreterToolParam | FileSearchToolParam | FunctionToolParam] | Unset): A list of tool enabled
            on the assistant. There can be a maximum of 128 tools per assistant. Tools can be of types code_interpreter,
            file_search, or function. Defaults to [].
        tool_resources (None | ToolResourcesCreateParam | Unset): Tool resources, or null for none.
        metadata (Metadata | None | Unset): Metadata, or null to leave it empty.
        temperature (float | None | Unset): What sampling temperature to use, between 0 and 2. Higher values like 0.8
            will make the output more random, while lower values like 0.2 will make it more focused and deterministic.
            Defaults to 1.
        top_p (float | None | Unset): An alternative to sampling with temperature, called nucleus sampling, where the
            model considers the results of the tokens with top_p probability mass. So 0.1 means only the tokens comprising
            the top 10% probability mass are considered. We generally recommend altering this or temperature but not both.
            Defaults to 1.
        response_format (None | ResponseFormatJsonObjectParam | ResponseFormatJsonSchemaParam | ResponseFormatOption |
            ResponseFormatTextParam | Unset): The format the model must output: `auto` (the default), `{"type": "text"}`,
            `{"type": "json_object"}` (JSON mode) or `{"type": "json_schema", "json_schema": {...}}`
            (Structured Outputs); `null` accepted too. Portkey's pages also list `none`, which the
            real API refused (`x-seed-disagreements`).
    """

    model: AssistantSupportedModels | str
    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    instructions: None | str | Unset = UNSET
    reasoning_effort: None | ReasoningEffortLevel | Unset = UNSET
    tools: (
        list[
            CodeInterpreterToolParam
            | FileSearchToolParam
            | FunctionToolParam
            | dict[str, Any]
        ]
        | Unset
    ) = UNSET
    tool_resources: None | ToolResourcesCreateParam | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET
    temperature: float | None | Unset = UNSET
    top_p: float | None | Unset = UNSET
    response_format: (
        None
        | ResponseFormatJsonObjectParam
        | ResponseFormatJsonSchemaParam
        | ResponseFormatOption
        | ResponseFormatTextParam
        | dict[str, Any]
        | Unset
    ) = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _lazy_fields = {
        "model": _lazy_model,
        "reasoning_effort": _lazy_reasoning_effort,
        "tools": _lazy_tools,
        "tool_resources": _lazy_tool_resources,
        "metadata": _lazy_metadata,
        "response_format": _lazy_response_format,
        "additional_properties": _lazy_additional_properties,
    }

    def to_dict(self) -> dict[str, Any]:
        model: str
        if isinstance(self.model, AssistantSupportedModels):
            model = self.model.value
        else:
            model = self.model

        name = self.name

        description = self.description

        instructions = self.instructions

        reasoning_effort: None | str | Unset
        if isinstance(self.reasoning_effort, ReasoningEffortLevel):
            reasoning_effort = self.reasoning_effort.value
        else:
            reasoning_effort = self.reasoning_effort

        tools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tools, Unset):
            tools = []
            for componentsschemas_assistant_tools_param_item_data in self.tools:
                componentsschemas_assistant_tools_param_item: dict[str, Any]
                if isinstance(
                    componentsschemas_assistant_tools_param_item_data,
                    (
                        CodeInterpreterToolParam,
                        FileSearchToolParam,
                        FunctionToolParam,
                    ),
                ):
                    componentsschemas_assistant_tools_param_item = (
                        componentsschemas_assistant_tools_param_item_data.to_dict()
                    )
                else:
                    componentsschemas_assistant_tools_param_item = (
                        componentsschemas_assistant_tools_param_item_data
                    )

                tools.append(componentsschemas_assistant_tools_param_item)

        tool_resources: dict[str, Any] | None | Unset
        if isinstance(self.tool_resources, (ToolResourcesCreateParam,)):
            tool_resources = self.tool_resources.to_dict()
        else:
            tool_resources = self.tool_resources

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, (Metadata,)):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        temperature = self.temperature

        top_p = self.top_p

        response_format: dict[str, Any] | None | str | Unset
        if isinstance(self.response_format, ResponseFormatOption):
            response_format = self.response_format.value
        elif isinstance(
            self.response_format,
            (
                ResponseFormatTextParam,
                ResponseFormatJsonObjectParam,
                ResponseFormatJsonSchemaParam,
            ),
        ):
            response_format = self.response_format.to_dict()
        else:
            response_format = self.response_format

        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "model": model,
        }
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if instructions is not UNSET:
            field_dict["instructions"] = instructions
        if reasoning_effort is not UNSET:
            field_dict["reasoning_effort"] = reasoning_effort
        if tools is not UNSET:
            field_dict["tools"] = tools
        if tool_resources is not UNSET:
            field_dict["tool_resources"] = tool_resources
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
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
                f"CreateAssistantRequest must be an object, got {type(src_dict).__name__}"
            )
        cls._check_shape(src_dict)
        return cls._parse(src_dict)

    @classmethod
    def _parse(cls, d: Mapping[str, Any]) -> Self:
        """The model of ``d`` with its own fields checked; fields that build models or enums are left
        unset, to be parsed on first read; records are built now."""
        if not ("model" in d):
            raise KeyError(
                f"CreateAssistantRequest requires {', '.join(n for n in ('model',) if n not in d)}"
            )
        self = object.__new__(cls)
        self._raw = d
        self.name = d.get("name", UNSET)
        self.description = d.get("description", UNSET)
        self.instructions = d.get("instructions", UNSET)
        self.temperature = d.get("temperature", UNSET)
        self.top_p = d.get("top_p", UNSET)
        return self

    @staticmethod
    def _check_shape(d: Mapping[str, Any]) -> None:
        """Raises where parsing ``d`` would; builds nothing."""
        if not ("model" in d):
            raise KeyError(
                f"CreateAssistantRequest requires {', '.join(n for n in ('model',) if n not in d)}"
            )
        _tools_o1 = d.get("tools", UNSET)
        if _tools_o1 is not UNSET:
            for _item_o1 in _tools_o1:
                if isinstance(_item_o1, dict):
                    _kind_o1_i = _item_o1.get("type")
                    if _kind_o1_i == "file_search":
                        _file_search_o1_i_1_o1 = _item_o1.get("file_search", UNSET)
                        if _file_search_o1_i_1_o1 is not UNSET:
                            if type(
                                _file_search_o1_i_1_o1
                            ) is not dict and not isinstance(
                                _file_search_o1_i_1_o1, Mapping
                            ):
                                raise TypeError(
                                    f"file_search must be an object, got {type(_file_search_o1_i_1_o1).__name__}"
                                )
                            _ranking_options_o1_i_1_o1_o1 = _file_search_o1_i_1_o1.get(
                                "ranking_options", UNSET
                            )
                            if _ranking_options_o1_i_1_o1_o1 is not UNSET:
                                if type(
                                    _ranking_options_o1_i_1_o1_o1
                                ) is not dict and not isinstance(
                                    _ranking_options_o1_i_1_o1_o1, Mapping
                                ):
                                    raise TypeError(
                                        f"ranking_options must be an object, got {type(_ranking_options_o1_i_1_o1_o1).__name__}"
                                    )
                                if not (
                                    "score_threshold" in _ranking_options_o1_i_1_o1_o1
                                ):
                                    raise KeyError(
                                        f"FileSearchRankingOptionsParam requires {', '.join(n for n in ('score_threshold',) if n not in _ranking_options_o1_i_1_o1_o1)}"
                                    )
                                _ranker_o1_i_1_o1_o1_o1 = (
                                    _ranking_options_o1_i_1_o1_o1.get("ranker", UNSET)
                                )
                                if _ranker_o1_i_1_o1_o1_o1 is not UNSET:
                                    if not isinstance(_ranker_o1_i_1_o1_o1_o1, str):
                                        raise ValueError(
                                            f"ranker must be a string, got {type(_ranker_o1_i_1_o1_o1_o1).__name__}"
                                        )

                    elif _kind_o1_i == "function":
                        if not ("function" in _item_o1):
                            raise KeyError(
                                f"FunctionToolParam requires {', '.join(n for n in ('function',) if n not in _item_o1)}"
                            )
                        _function_o1_i_2_1 = _item_o1["function"]
                        if type(_function_o1_i_2_1) is not dict and not isinstance(
                            _function_o1_i_2_1, Mapping
                        ):
                            raise TypeError(
                                f"function must be an object, got {type(_function_o1_i_2_1).__name__}"
                            )
                        if not ("name" in _function_o1_i_2_1):
                            raise KeyError(
                                f"FunctionDefinitionParam requires {', '.join(n for n in ('name',) if n not in _function_o1_i_2_1)}"
                            )
                        _parameters_o1_i_2_1_o1 = _function_o1_i_2_1.get(
                            "parameters", UNSET
                        )
                        if _parameters_o1_i_2_1_o1 is not UNSET:
                            if type(
                                _parameters_o1_i_2_1_o1
                            ) is not dict and not isinstance(
                                _parameters_o1_i_2_1_o1, Mapping
                            ):
                                raise TypeError(
                                    f"parameters must be an object, got {type(_parameters_o1_i_2_1_o1).__name__}"
                                )

        _tool_resources_o2 = d.get("tool_resources", UNSET)
        if isinstance(_tool_resources_o2, dict):
            _code_interpreter_o2_1_o1 = _tool_resources_o2.get(
                "code_interpreter", UNSET
            )
            if _code_interpreter_o2_1_o1 is not UNSET:
                if type(_code_interpreter_o2_1_o1) is not dict and not isinstance(
                    _code_interpreter_o2_1_o1, Mapping
                ):
                    raise TypeError(
                        f"code_interpreter must be an object, got {type(_code_interpreter_o2_1_o1).__name__}"
                    )

            _file_search_o2_1_o2 = _tool_resources_o2.get("file_search", UNSET)
            if _file_search_o2_1_o2 is not UNSET:
                if type(_file_search_o2_1_o2) is not dict and not isinstance(
                    _file_search_o2_1_o2, Mapping
                ):
                    raise TypeError(
                        f"file_search must be an object, got {type(_file_search_o2_1_o2).__name__}"
                    )

        _response_format_o3 = d.get("response_format", UNSET)
        if isinstance(_response_format_o3, dict):
            _kind_o3 = _response_format_o3.get("type")
            if _kind_o3 == "json_schema":
                if not ("json_schema" in _response_format_o3):
                    raise KeyError(
                        f"ResponseFormatJsonSchemaParam requires {', '.join(n for n in ('json_schema',) if n not in _response_format_o3)}"
                    )
                _json_schema_o3_1_1 = _response_format_o3["json_schema"]
                if type(_json_schema_o3_1_1) is not dict and not isinstance(
                    _json_schema_o3_1_1, Mapping
                ):
                    raise TypeError(
                        f"json_schema must be an object, got {type(_json_schema_o3_1_1).__name__}"
                    )
                if not ("name" in _json_schema_o3_1_1):
                    raise KeyError(
                        f"JsonSchemaFormatParam requires {', '.join(n for n in ('name',) if n not in _json_schema_o3_1_1)}"
                    )
                _schema_o3_1_1_o1 = _json_schema_o3_1_1.get("schema", UNSET)
                if _schema_o3_1_1_o1 is not UNSET:
                    if type(_schema_o3_1_1_o1) is not dict and not isinstance(
                        _schema_o3_1_1_o1, Mapping
                    ):
                        raise TypeError(
                            f"schema must be an object, got {type(_schema_o3_1_1_o1).__name__}"
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
from ..models.code_interpreter_tool_param import CodeInterpreterToolParam
from ..models.file_search_tool_param import FileSearchToolParam
from ..models.function_tool_param import FunctionToolParam
from ..models.metadata import Metadata
from ..models.response_format_json_object_param import ResponseFormatJsonObjectParam
from ..models.response_format_json_schema_param import ResponseFormatJsonSchemaParam
from ..models.response_format_text_param import ResponseFormatTextParam
from ..models.tool_resources_create_param import ToolResourcesCreateParam
