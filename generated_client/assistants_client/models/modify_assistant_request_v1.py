from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.response_format_option import ResponseFormatOption
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.code_interpreter_tool import CodeInterpreterTool
    from ..models.function_tool import FunctionTool
    from ..models.metadata import Metadata
    from ..models.response_format_json_object import ResponseFormatJsonObject
    from ..models.response_format_json_schema import ResponseFormatJsonSchema
    from ..models.response_format_text import ResponseFormatText
    from ..models.retrieval_tool import RetrievalTool


T = TypeVar("T", bound="ModifyAssistantRequestV1")


@_attrs_define
class ModifyAssistantRequestV1:
    """Body of modifyAssistant under `OpenAI-Beta assistants=v1`. Every field is optional.

    Attributes:
        model (str | Unset): ID of the model to use. You can use the List models API to see all of your available
            models, or see our Model overview for descriptions of them.
        name (None | str | Unset): The name of the assistant. The maximum length is 256 characters.
        description (None | str | Unset): The description of the assistant. The maximum length is 512 characters.
        instructions (None | str | Unset): The system instructions that the assistant uses. The maximum length is
            256,000 characters.
        tools (list[CodeInterpreterTool | FunctionTool | RetrievalTool] | Unset): A list of tool enabled on the
            assistant. There can be a maximum of 128 tools per assistant. Tools can be of types code_interpreter, retrieval,
            or function.
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
            `{"type": "json_schema", "json_schema": {...}}` (Structured Outputs).
    """

    model: str | Unset = UNSET
    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    instructions: None | str | Unset = UNSET
    tools: list[CodeInterpreterTool | FunctionTool | RetrievalTool] | Unset = UNSET
    file_ids: list[str] | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET
    temperature: float | None | Unset = UNSET
    top_p: float | None | Unset = UNSET
    response_format: (
        ResponseFormatJsonObject
        | ResponseFormatJsonSchema
        | ResponseFormatOption
        | ResponseFormatText
        | Unset
    ) = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.code_interpreter_tool import CodeInterpreterTool
        from ..models.metadata import Metadata
        from ..models.response_format_json_object import ResponseFormatJsonObject
        from ..models.response_format_text import ResponseFormatText
        from ..models.retrieval_tool import RetrievalTool

        model = self.model

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        instructions: None | str | Unset
        if isinstance(self.instructions, Unset):
            instructions = UNSET
        else:
            instructions = self.instructions

        tools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tools, Unset):
            tools = []
            for componentsschemas_assistant_tools_v1_item_data in self.tools:
                componentsschemas_assistant_tools_v1_item: dict[str, Any]
                if isinstance(
                    componentsschemas_assistant_tools_v1_item_data, CodeInterpreterTool
                ) or isinstance(
                    componentsschemas_assistant_tools_v1_item_data, RetrievalTool
                ):
                    componentsschemas_assistant_tools_v1_item = (
                        componentsschemas_assistant_tools_v1_item_data.to_dict()
                    )
                else:
                    componentsschemas_assistant_tools_v1_item = (
                        componentsschemas_assistant_tools_v1_item_data.to_dict()
                    )

                tools.append(componentsschemas_assistant_tools_v1_item)

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
        elif isinstance(self.response_format, ResponseFormatText) or isinstance(
            self.response_format, ResponseFormatJsonObject
        ):
            response_format = self.response_format.to_dict()
        else:
            response_format = self.response_format.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if model is not UNSET:
            field_dict["model"] = model
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if instructions is not UNSET:
            field_dict["instructions"] = instructions
        if tools is not UNSET:
            field_dict["tools"] = tools
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
        from ..models.code_interpreter_tool import CodeInterpreterTool
        from ..models.function_tool import FunctionTool
        from ..models.metadata import Metadata
        from ..models.response_format_json_object import ResponseFormatJsonObject
        from ..models.response_format_json_schema import ResponseFormatJsonSchema
        from ..models.response_format_text import ResponseFormatText
        from ..models.retrieval_tool import RetrievalTool

        d = dict(src_dict)
        model = d.pop("model", UNSET)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_instructions(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instructions = _parse_instructions(d.pop("instructions", UNSET))

        _tools = d.pop("tools", UNSET)
        tools: list[CodeInterpreterTool | FunctionTool | RetrievalTool] | Unset = UNSET
        if _tools is not UNSET:
            tools = []
            for componentsschemas_assistant_tools_v1_item_data in _tools:

                def _parse_componentsschemas_assistant_tools_v1_item(
                    data: object,
                ) -> CodeInterpreterTool | FunctionTool | RetrievalTool:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_assistant_tool_v1_type_0 = (
                            CodeInterpreterTool.from_dict(data)
                        )

                        return componentsschemas_assistant_tool_v1_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_assistant_tool_v1_type_1 = (
                            RetrievalTool.from_dict(data)
                        )

                        return componentsschemas_assistant_tool_v1_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_assistant_tool_v1_type_2 = FunctionTool.from_dict(
                        data
                    )

                    return componentsschemas_assistant_tool_v1_type_2

                componentsschemas_assistant_tools_v1_item = (
                    _parse_componentsschemas_assistant_tools_v1_item(
                        componentsschemas_assistant_tools_v1_item_data
                    )
                )

                tools.append(componentsschemas_assistant_tools_v1_item)

        file_ids = cast(list[str], d.pop("file_ids", UNSET))

        def _parse_metadata(data: object) -> Metadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_nullable_metadata_type_0 = Metadata.from_dict(data)

                return componentsschemas_nullable_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metadata | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_temperature(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        temperature = _parse_temperature(d.pop("temperature", UNSET))

        def _parse_top_p(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        top_p = _parse_top_p(d.pop("top_p", UNSET))

        def _parse_response_format(
            data: object,
        ) -> (
            ResponseFormatJsonObject
            | ResponseFormatJsonSchema
            | ResponseFormatOption
            | ResponseFormatText
            | Unset
        ):
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_response_format_type_0 = ResponseFormatOption(data)

                return componentsschemas_response_format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_response_format_type_1 = ResponseFormatText.from_dict(
                    data
                )

                return componentsschemas_response_format_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_response_format_type_2 = (
                    ResponseFormatJsonObject.from_dict(data)
                )

                return componentsschemas_response_format_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_response_format_type_3 = (
                ResponseFormatJsonSchema.from_dict(data)
            )

            return componentsschemas_response_format_type_3

        response_format = _parse_response_format(d.pop("response_format", UNSET))

        modify_assistant_request_v1 = cls(
            model=model,
            name=name,
            description=description,
            instructions=instructions,
            tools=tools,
            file_ids=file_ids,
            metadata=metadata,
            temperature=temperature,
            top_p=top_p,
            response_format=response_format,
        )

        return modify_assistant_request_v1
