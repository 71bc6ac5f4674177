from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.response_format_option import ResponseFormatOption

if TYPE_CHECKING:
    from ..models.code_interpreter_tool import CodeInterpreterTool
    from ..models.function_tool import FunctionTool
    from ..models.metadata import Metadata
    from ..models.response_format_json_object import ResponseFormatJsonObject
    from ..models.response_format_json_schema import ResponseFormatJsonSchema
    from ..models.response_format_text import ResponseFormatText
    from ..models.retrieval_tool import RetrievalTool


T = TypeVar("T", bound="AssistantObjectV1")


@_attrs_define
class AssistantObjectV1:
    """An assistant in the v1 shape of OpenAI's v1 document (top-level `file_ids`, `retrieval` tool, no `tool_resources`).

    Attributes:
        id (str): The identifier, which can be referenced in API endpoints.
        object_ (Literal['assistant']): The object type, which is always assistant.
        created_at (int): The Unix timestamp (in seconds) for when the assistant was created.
        name (None | str): The name of the assistant. The maximum length is 256 characters.
        description (None | str): The description of the assistant. The maximum length is 512 characters.
        model (str): ID of the model to use. You can use the List models API to see all of your available models, or see
            our Model overview for descriptions of them.
        instructions (None | str): The system instructions that the assistant uses. The maximum length is 256,000
            characters.
        tools (list[CodeInterpreterTool | FunctionTool | RetrievalTool]): A list of tool enabled on the assistant. There
            can be a maximum of 128 tools per assistant. Tools can be of types code_interpreter, retrieval, or function.
        file_ids (list[str]): A list of file IDs attached to this assistant. There can be a maximum of 20 files attached
            to the assistant. Files are ordered by their creation date in ascending order.
        metadata (Metadata | None): Metadata, or null to leave it empty.
        top_p (float | None): An alternative to sampling with temperature, called nucleus sampling, where the model
            considers the results of the tokens with top_p probability mass. So 0.1 means only the tokens comprising the top
            10% probability mass are considered. We generally recommend altering this or temperature but not both. Defaults
            to 1.
        temperature (float | None): What sampling temperature to use, between 0 and 2. Higher values like 0.8 will make
            the output more random, while lower values like 0.2 will make it more focused and deterministic. Defaults to 1.
        response_format (ResponseFormatJsonObject | ResponseFormatJsonSchema | ResponseFormatOption |
            ResponseFormatText): Specifies the format that the model must output. Compatible with GPT-4o, GPT-4 Turbo, and
            all
            GPT-3.5 Turbo models since gpt-3.5-turbo-1106. The documented string options (`none`, `auto`)
            or an object: `{"type": "text"}`, `{"type": "json_object"}` (JSON mode) or
            `{"type": "json_schema", "json_schema": {...}}` (Structured Outputs).
    """

    id: str
    object_: Literal["assistant"]
    created_at: int
    name: None | str
    description: None | str
    model: str
    instructions: None | str
    tools: list[CodeInterpreterTool | FunctionTool | RetrievalTool]
    file_ids: list[str]
    metadata: Metadata | None
    top_p: float | None
    temperature: float | None
    response_format: (
        ResponseFormatJsonObject
        | ResponseFormatJsonSchema
        | ResponseFormatOption
        | ResponseFormatText
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.code_interpreter_tool import CodeInterpreterTool
        from ..models.metadata import Metadata
        from ..models.response_format_json_object import ResponseFormatJsonObject
        from ..models.response_format_text import ResponseFormatText
        from ..models.retrieval_tool import RetrievalTool

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

        file_ids = self.file_ids

        metadata: dict[str, Any] | None
        if isinstance(self.metadata, Metadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        top_p: float | None
        top_p = self.top_p

        temperature: float | None
        temperature = self.temperature

        response_format: dict[str, Any] | str
        if isinstance(self.response_format, ResponseFormatOption):
            response_format = self.response_format.value
        elif isinstance(self.response_format, ResponseFormatText) or isinstance(
            self.response_format, ResponseFormatJsonObject
        ):
            response_format = self.response_format.to_dict()
        else:
            response_format = self.response_format.to_dict()

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
                "file_ids": file_ids,
                "metadata": metadata,
                "top_p": top_p,
                "temperature": temperature,
                "response_format": response_format,
            }
        )

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
        id = d.pop("id")

        object_ = cast(Literal["assistant"], d.pop("object"))
        if object_ != "assistant":
            raise ValueError(f"object must match const 'assistant', got '{object_}'")

        created_at = d.pop("created_at")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        model = d.pop("model")

        def _parse_instructions(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        instructions = _parse_instructions(d.pop("instructions"))

        tools = []
        _tools = d.pop("tools")
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

        file_ids = cast(list[str], d.pop("file_ids"))

        def _parse_metadata(data: object) -> Metadata | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_nullable_metadata_type_0 = Metadata.from_dict(data)

                return componentsschemas_nullable_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metadata | None, data)

        metadata = _parse_metadata(d.pop("metadata"))

        def _parse_top_p(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        top_p = _parse_top_p(d.pop("top_p"))

        def _parse_temperature(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        temperature = _parse_temperature(d.pop("temperature"))

        def _parse_response_format(
            data: object,
        ) -> (
            ResponseFormatJsonObject
            | ResponseFormatJsonSchema
            | ResponseFormatOption
            | ResponseFormatText
        ):
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

        response_format = _parse_response_format(d.pop("response_format"))

        assistant_object_v1 = cls(
            id=id,
            object_=object_,
            created_at=created_at,
            name=name,
            description=description,
            model=model,
            instructions=instructions,
            tools=tools,
            file_ids=file_ids,
            metadata=metadata,
            top_p=top_p,
            temperature=temperature,
            response_format=response_format,
        )

        assistant_object_v1.additional_properties = d
        return assistant_object_v1

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
