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
from ..types import UNSET, Unset

T = TypeVar("T", bound="AssistantObject")


@_attrs_define
class AssistantObject:
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

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_ = self.object_

        created_at = self.created_at

        name: None | str
        name = self.name

        description: None | str
        description = self.description

        model = self.model

        instructions: None | str
        instructions = self.instructions

        tools = []
        for componentsschemas_assistant_tools_item_data in self.tools:
            componentsschemas_assistant_tools_item: dict[str, Any]
            if (
                isinstance(
                    componentsschemas_assistant_tools_item_data, CodeInterpreterTool
                )
                or isinstance(
                    componentsschemas_assistant_tools_item_data, FileSearchTool
                )
                or isinstance(componentsschemas_assistant_tools_item_data, FunctionTool)
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
        if isinstance(self.metadata, Metadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        tool_resources: dict[str, Any] | None | Unset
        if isinstance(self.tool_resources, Unset):
            tool_resources = UNSET
        elif isinstance(self.tool_resources, ToolResources):
            tool_resources = self.tool_resources.to_dict()
        else:
            tool_resources = self.tool_resources

        temperature: float | None | Unset
        if isinstance(self.temperature, Unset):
            temperature = UNSET
        else:
            temperature = self.temperature

        top_p: float | None | Unset
        if isinstance(self.top_p, Unset):
            top_p = UNSET
        else:
            top_p = self.top_p

        response_format: dict[str, Any] | None | str | Unset
        if isinstance(self.response_format, Unset):
            response_format = UNSET
        elif isinstance(self.response_format, ResponseFormatOption):
            response_format = self.response_format.value
        elif (
            isinstance(self.response_format, ResponseFormatText)
            or isinstance(self.response_format, ResponseFormatJsonObject)
            or isinstance(self.response_format, ResponseFormatJsonSchema)
        ):
            response_format = self.response_format.to_dict()
        else:
            response_format = self.response_format

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        field_dict.update(
            {
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
        )
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
        d = dict(src_dict)
        id = d.pop("id")

        object_ = d.pop("object")
        if object_ != "assistant":
            raise ValueError(f"object must match const 'assistant', got '{object_}'")

        created_at = d.pop("created_at")

        _name_data = d.pop("name")
        name: None | str
        name = _name_data

        _description_data = d.pop("description")
        description: None | str
        description = _description_data

        model = d.pop("model")

        _instructions_data = d.pop("instructions")
        instructions: None | str
        instructions = _instructions_data

        tools = []
        _tools = d.pop("tools")
        for componentsschemas_assistant_tools_item_data in _tools:
            _componentsschemas_assistant_tools_item_data = (
                componentsschemas_assistant_tools_item_data
            )
            componentsschemas_assistant_tools_item: (
                CodeInterpreterTool | FileSearchTool | FunctionTool | dict[str, Any]
            )
            if isinstance(_componentsschemas_assistant_tools_item_data, dict):
                _componentsschemas_assistant_tools_item_type = (
                    _componentsschemas_assistant_tools_item_data.get("type")
                )
                if _componentsschemas_assistant_tools_item_type == "code_interpreter":
                    componentsschemas_assistant_tools_item = (
                        CodeInterpreterTool.from_dict(
                            _componentsschemas_assistant_tools_item_data
                        )
                    )
                elif _componentsschemas_assistant_tools_item_type == "file_search":
                    componentsschemas_assistant_tools_item = FileSearchTool.from_dict(
                        _componentsschemas_assistant_tools_item_data
                    )
                elif _componentsschemas_assistant_tools_item_type == "function":
                    componentsschemas_assistant_tools_item = FunctionTool.from_dict(
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

        _metadata_data = d.pop("metadata")
        metadata: Metadata | None
        if isinstance(_metadata_data, dict):
            metadata = Metadata.from_dict(_metadata_data)
        else:
            metadata = _metadata_data

        _tool_resources_data = d.pop("tool_resources", UNSET)
        tool_resources: None | ToolResources | Unset
        if isinstance(_tool_resources_data, dict):
            tool_resources = ToolResources.from_dict(_tool_resources_data)
        else:
            tool_resources = _tool_resources_data

        _temperature_data = d.pop("temperature", UNSET)
        temperature: float | None | Unset
        temperature = _temperature_data

        _top_p_data = d.pop("top_p", UNSET)
        top_p: float | None | Unset
        top_p = _top_p_data

        _response_format_data = d.pop("response_format", UNSET)
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
                response_format = ResponseFormatText.from_dict(_response_format_data)
            elif _response_format_type == "json_object":
                response_format = ResponseFormatJsonObject.from_dict(
                    _response_format_data
                )
            elif _response_format_type == "json_schema":
                response_format = ResponseFormatJsonSchema.from_dict(
                    _response_format_data
                )
            else:  # a variant the spec does not know yet: kept as received
                response_format = _response_format_data
        elif isinstance(_response_format_data, str):
            response_format = ResponseFormatOption(_response_format_data)
        else:
            response_format = _response_format_data

        assistant_object = cls(
            id=id,
            object_=object_,
            created_at=created_at,
            name=name,
            description=description,
            model=model,
            instructions=instructions,
            tools=tools,
            metadata=metadata,
            tool_resources=tool_resources,
            temperature=temperature,
            top_p=top_p,
            response_format=response_format,
        )

        assistant_object.additional_properties = d
        return assistant_object

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
