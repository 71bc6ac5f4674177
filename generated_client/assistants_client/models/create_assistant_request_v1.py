from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.assistant_supported_models import AssistantSupportedModels
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateAssistantRequestV1")


@_attrs_define
class CreateAssistantRequestV1:
    """Body of createAssistant under `OpenAI-Beta: assistants=v1`, as OpenAI's v1 spec gives it:
    only `model` is required (the third-party copy of the v1 page this document was first
    transcribed from also marks `name`, `instructions` and `tools` required; see
    `x-seed-disagreements`).

        Attributes:
            model (AssistantSupportedModels | str): ID of the model to use. Any model id is accepted; the ids in
                `AssistantSupportedModels` are
                the ones OpenAI listed for assistants at the sunset, offered so that clients and docs can
                show them.
            name (None | str | Unset): The name of the assistant. The maximum length is 256 characters.
            description (None | str | Unset): The description of the assistant. The maximum length is 512 characters.
            instructions (None | str | Unset): The system instructions that the assistant uses. The maximum length is
                256,000 characters.
            tools (list[CodeInterpreterToolParam | FunctionToolV1Param | RetrievalToolParam] | Unset): A list of tool
                enabled on the assistant. There can be a maximum of 128 tools per assistant. Tools can be of types
                code_interpreter, retrieval, or function.
            file_ids (list[str] | Unset): A list of file IDs attached to this assistant. There can be a maximum of 20 files
                attached to the assistant. Files are ordered by their creation date in ascending order.
            metadata (Metadata | None | Unset): Metadata, or null to leave it empty.
    """

    model: AssistantSupportedModels | str
    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    instructions: None | str | Unset = UNSET
    tools: (
        list[
            CodeInterpreterToolParam
            | FunctionToolV1Param
            | RetrievalToolParam
            | dict[str, Any]
        ]
        | Unset
    ) = UNSET
    file_ids: list[str] | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model: str
        if isinstance(self.model, AssistantSupportedModels):
            model = self.model.value
        else:
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
            for componentsschemas_assistant_tools_v1_param_item_data in self.tools:
                componentsschemas_assistant_tools_v1_param_item: dict[str, Any]
                if (
                    isinstance(
                        componentsschemas_assistant_tools_v1_param_item_data,
                        CodeInterpreterToolParam,
                    )
                    or isinstance(
                        componentsschemas_assistant_tools_v1_param_item_data,
                        RetrievalToolParam,
                    )
                    or isinstance(
                        componentsschemas_assistant_tools_v1_param_item_data,
                        FunctionToolV1Param,
                    )
                ):
                    componentsschemas_assistant_tools_v1_param_item = (
                        componentsschemas_assistant_tools_v1_param_item_data.to_dict()
                    )
                else:
                    componentsschemas_assistant_tools_v1_param_item = (
                        componentsschemas_assistant_tools_v1_param_item_data
                    )

                tools.append(componentsschemas_assistant_tools_v1_param_item)

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        field_dict.update(
            {
                "model": model,
            }
        )
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

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _model_data = d.pop("model")
        model: AssistantSupportedModels | str
        if isinstance(_model_data, str):
            model = AssistantSupportedModels(_model_data)
        else:
            model = _model_data

        _name_data = d.pop("name", UNSET)
        name: None | str | Unset
        name = _name_data

        _description_data = d.pop("description", UNSET)
        description: None | str | Unset
        description = _description_data

        _instructions_data = d.pop("instructions", UNSET)
        instructions: None | str | Unset
        instructions = _instructions_data

        _tools = d.pop("tools", UNSET)
        tools: (
            list[CodeInterpreterToolParam | FunctionToolV1Param | RetrievalToolParam]
            | Unset
        ) = UNSET
        if _tools is not UNSET:
            tools = []
            for componentsschemas_assistant_tools_v1_param_item_data in _tools:
                _componentsschemas_assistant_tools_v1_param_item_data = (
                    componentsschemas_assistant_tools_v1_param_item_data
                )
                componentsschemas_assistant_tools_v1_param_item: (
                    CodeInterpreterToolParam
                    | FunctionToolV1Param
                    | RetrievalToolParam
                    | dict[str, Any]
                )
                if isinstance(
                    _componentsschemas_assistant_tools_v1_param_item_data, dict
                ):
                    _componentsschemas_assistant_tools_v1_param_item_type = (
                        _componentsschemas_assistant_tools_v1_param_item_data.get(
                            "type"
                        )
                    )
                    if (
                        _componentsschemas_assistant_tools_v1_param_item_type
                        == "code_interpreter"
                    ):
                        componentsschemas_assistant_tools_v1_param_item = (
                            CodeInterpreterToolParam.from_dict(
                                _componentsschemas_assistant_tools_v1_param_item_data
                            )
                        )
                    elif (
                        _componentsschemas_assistant_tools_v1_param_item_type
                        == "retrieval"
                    ):
                        componentsschemas_assistant_tools_v1_param_item = (
                            RetrievalToolParam.from_dict(
                                _componentsschemas_assistant_tools_v1_param_item_data
                            )
                        )
                    elif (
                        _componentsschemas_assistant_tools_v1_param_item_type
                        == "function"
                    ):
                        componentsschemas_assistant_tools_v1_param_item = (
                            FunctionToolV1Param.from_dict(
                                _componentsschemas_assistant_tools_v1_param_item_data
                            )
                        )
                    else:  # a variant the spec does not know yet: kept as received
                        componentsschemas_assistant_tools_v1_param_item = (
                            _componentsschemas_assistant_tools_v1_param_item_data
                        )
                else:
                    componentsschemas_assistant_tools_v1_param_item = (
                        _componentsschemas_assistant_tools_v1_param_item_data
                    )

                tools.append(componentsschemas_assistant_tools_v1_param_item)

        file_ids = cast(list[str], d.pop("file_ids", UNSET))

        _metadata_data = d.pop("metadata", UNSET)
        metadata: Metadata | None | Unset
        if isinstance(_metadata_data, dict):
            metadata = Metadata.from_dict(_metadata_data)
        else:
            metadata = _metadata_data

        create_assistant_request_v1 = cls(
            model=model,
            name=name,
            description=description,
            instructions=instructions,
            tools=tools,
            file_ids=file_ids,
            metadata=metadata,
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
from ..models.code_interpreter_tool_param import CodeInterpreterToolParam
from ..models.function_tool_v1_param import FunctionToolV1Param
from ..models.metadata import Metadata
from ..models.retrieval_tool_param import RetrievalToolParam
