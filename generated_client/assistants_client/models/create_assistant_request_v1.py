from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.response_format_option import ResponseFormatOption
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateAssistantRequestV1")


@_attrs_define
class CreateAssistantRequestV1:
    """Body of createAssistant under `OpenAI-Beta assistants=v1`, as OpenAI's v1 document gives it (instructions, name,
    tools and model required).

        Attributes:
            model (str): ID of the model to use. You can use the List models API to see all of your available models, or see
                our Model overview for descriptions of them.
            name (None | str): The name of the assistant. The maximum length is 256 characters.
            instructions (None | str): The system instructions that the assistant uses. The maximum length is 256,000
                characters.
            tools (list[CodeInterpreterTool | FunctionTool | RetrievalTool]): A list of tool enabled on the assistant. There
                can be a maximum of 128 tools per assistant. Tools can be of types code_interpreter, retrieval, or function.
            description (None | str | Unset): The description of the assistant. The maximum length is 512 characters.
            file_ids (list[str] | Unset): A list of file IDs attached to this assistant. There can be a maximum of 20 files
                attached to the assistant. Files are ordered by their creation date in ascending order.
            metadata (Metadata | None | Unset): Metadata, or null to leave it empty.
            temperature (float | None | Unset): What sampling temperature to use, between 0 and 2. Higher values like 0.8
                will make the output more random, while lower values like 0.2 will make it more focused and deterministic.
                Defaults to 1.
            top_p (float | None | Unset): An alternative to sampling with temperature, called nucleus sampling, where the
                model considers the results of the tokens with top_p probability mass. So 0.1 means only the tokens comprising
                the top 10% probability mass are considered. We generally recommend altering this or temperature but not both.
                Defaults to 1.
            response_format (ResponseFormatJsonObject | ResponseFormatJsonSchema | ResponseFormatOption | ResponseFormatText
                | Unset): Specifies the format that the model must output. Compatible with GPT-4o, GPT-4 Turbo, and all
                GPT-3.5 Turbo models since gpt-3.5-turbo-1106. The documented string options (`none`, `auto`)
                or an object: `{"type": "text"}`, `{"type": "json_object"}` (JSON mode) or
                `{"type": "json_schema", "json_schema": {...}}` (Structured Outputs). Defaults to `auto`.
    """

    model: str
    name: None | str
    instructions: None | str
    tools: list[CodeInterpreterTool | FunctionTool | RetrievalTool | dict[str, Any]]
    description: None | str | Unset = UNSET
    file_ids: list[str] | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET
    temperature: float | None | Unset = UNSET
    top_p: float | None | Unset = UNSET
    response_format: (
        ResponseFormatJsonObject
        | ResponseFormatJsonSchema
        | ResponseFormatOption
        | ResponseFormatText
        | dict[str, Any]
        | Unset
    ) = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        name: None | str
        name = self.name

        instructions: None | str
        instructions = self.instructions

        tools = []
        for componentsschemas_assistant_tools_v1_item_data in self.tools:
            componentsschemas_assistant_tools_v1_item: dict[str, Any]
            if (
                isinstance(
                    componentsschemas_assistant_tools_v1_item_data, CodeInterpreterTool
                )
                or isinstance(
                    componentsschemas_assistant_tools_v1_item_data, RetrievalTool
                )
                or isinstance(
                    componentsschemas_assistant_tools_v1_item_data, FunctionTool
                )
            ):
                componentsschemas_assistant_tools_v1_item = (
                    componentsschemas_assistant_tools_v1_item_data.to_dict()
                )
            else:
                componentsschemas_assistant_tools_v1_item = (
                    componentsschemas_assistant_tools_v1_item_data
                )

            tools.append(componentsschemas_assistant_tools_v1_item)

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        file_ids: list[str] | Unset = UNSET
        if not isinstance(self.file_ids, Unset):
            file_ids = self.file_ids

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, Metadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

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

        response_format: dict[str, Any] | str | Unset
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
                "model": model,
                "name": name,
                "instructions": instructions,
                "tools": tools,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if file_ids is not UNSET:
            field_dict["file_ids"] = file_ids
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
        d = dict(src_dict)
        model = d.pop("model")

        _name_data = d.pop("name")
        name: None | str
        name = _name_data

        _instructions_data = d.pop("instructions")
        instructions: None | str
        instructions = _instructions_data

        tools = []
        _tools = d.pop("tools")
        for componentsschemas_assistant_tools_v1_item_data in _tools:
            _componentsschemas_assistant_tools_v1_item_data = (
                componentsschemas_assistant_tools_v1_item_data
            )
            componentsschemas_assistant_tools_v1_item: (
                CodeInterpreterTool | FunctionTool | RetrievalTool | dict[str, Any]
            )
            if isinstance(_componentsschemas_assistant_tools_v1_item_data, dict):
                _componentsschemas_assistant_tools_v1_item_type = (
                    _componentsschemas_assistant_tools_v1_item_data.get("type")
                )
                if (
                    _componentsschemas_assistant_tools_v1_item_type
                    == "code_interpreter"
                ):
                    componentsschemas_assistant_tools_v1_item = (
                        CodeInterpreterTool.from_dict(
                            _componentsschemas_assistant_tools_v1_item_data
                        )
                    )
                elif _componentsschemas_assistant_tools_v1_item_type == "retrieval":
                    componentsschemas_assistant_tools_v1_item = RetrievalTool.from_dict(
                        _componentsschemas_assistant_tools_v1_item_data
                    )
                elif _componentsschemas_assistant_tools_v1_item_type == "function":
                    componentsschemas_assistant_tools_v1_item = FunctionTool.from_dict(
                        _componentsschemas_assistant_tools_v1_item_data
                    )
                else:  # a variant the spec does not know yet: kept as received
                    componentsschemas_assistant_tools_v1_item = (
                        _componentsschemas_assistant_tools_v1_item_data
                    )
            else:
                componentsschemas_assistant_tools_v1_item = (
                    _componentsschemas_assistant_tools_v1_item_data
                )

            tools.append(componentsschemas_assistant_tools_v1_item)

        _description_data = d.pop("description", UNSET)
        description: None | str | Unset
        description = _description_data

        file_ids = cast(list[str], d.pop("file_ids", UNSET))

        _metadata_data = d.pop("metadata", UNSET)
        metadata: Metadata | None | Unset
        if isinstance(_metadata_data, dict):
            metadata = Metadata.from_dict(_metadata_data)
        else:
            metadata = _metadata_data

        _temperature_data = d.pop("temperature", UNSET)
        temperature: float | None | Unset
        temperature = _temperature_data

        _top_p_data = d.pop("top_p", UNSET)
        top_p: float | None | Unset
        top_p = _top_p_data

        _response_format_data = d.pop("response_format", UNSET)
        response_format: (
            ResponseFormatJsonObject
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

        create_assistant_request_v1 = cls(
            model=model,
            name=name,
            instructions=instructions,
            tools=tools,
            description=description,
            file_ids=file_ids,
            metadata=metadata,
            temperature=temperature,
            top_p=top_p,
            response_format=response_format,
        )

        create_assistant_request_v1.additional_properties = d
        return create_assistant_request_v1

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
from ..models.function_tool import FunctionTool
from ..models.metadata import Metadata
from ..models.response_format_json_object import ResponseFormatJsonObject
from ..models.response_format_json_schema import ResponseFormatJsonSchema
from ..models.response_format_text import ResponseFormatText
from ..models.retrieval_tool import RetrievalTool
