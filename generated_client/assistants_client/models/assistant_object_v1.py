from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AssistantObjectV1")


@_attrs_define
class AssistantObjectV1:
    """An assistant in the v1 shape of OpenAI's v1 spec (top-level `file_ids`, `retrieval` tool, no
    `tool_resources`, and no `temperature`, `top_p` or `response_format`, which the
    third-party copy of the v1 page marks required; see `x-seed-disagreements`).

        Attributes:
            id (str): The identifier, which can be referenced in API endpoints.
            object_ (Literal['assistant']): The object type, which is always assistant.
            created_at (int): The Unix timestamp (in seconds) for when the assistant was created.
            name (None | str): The name of the assistant. The maximum length is 256 characters.
            description (None | str): The description of the assistant. The maximum length is 512 characters.
            model (str): ID of the model the assistant uses.
            instructions (None | str): The system instructions that the assistant uses. The maximum length is 256,000
                characters.
            tools (list[CodeInterpreterTool | FunctionTool | RetrievalTool]): A list of tool enabled on the assistant. There
                can be a maximum of 128 tools per assistant. Tools can be of types code_interpreter, retrieval, or function.
            file_ids (list[str]): A list of file IDs attached to this assistant. There can be a maximum of 20 files attached
                to the assistant. Files are ordered by their creation date in ascending order.
            metadata (Metadata | None): Metadata, or null to leave it empty.
    """

    id: str
    object_: Literal["assistant"]
    created_at: int
    name: None | str
    description: None | str
    model: str
    instructions: None | str
    tools: list[CodeInterpreterTool | FunctionTool | RetrievalTool | dict[str, Any]]
    file_ids: list[str]
    metadata: Metadata | None
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

        file_ids = self.file_ids

        metadata: dict[str, Any] | None
        if isinstance(self.metadata, Metadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

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
            }
        )

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

        file_ids = cast(list[str], d.pop("file_ids"))

        _metadata_data = d.pop("metadata")
        metadata: Metadata | None
        if isinstance(_metadata_data, dict):
            metadata = Metadata.from_dict(_metadata_data)
        else:
            metadata = _metadata_data

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


# Imported last, once: the classes above are defined by then, so import cycles between models resolve.
from ..models.code_interpreter_tool import CodeInterpreterTool
from ..models.function_tool import FunctionTool
from ..models.metadata import Metadata
from ..models.retrieval_tool import RetrievalTool
