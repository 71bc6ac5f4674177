from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.assistant_supported_models import AssistantSupportedModels
from ..types import UNSET, LazyModel, Unset

T = TypeVar("T", bound="CreateAssistantRequestV1")


_KNOWN_FIELDS = frozenset(
    {
        "model",
        "name",
        "description",
        "instructions",
        "tools",
        "file_ids",
        "metadata",
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


def _lazy_tools(_src_mapping: Mapping[str, Any]) -> Any:
    _tools = _src_mapping.get("tools", UNSET)
    tools: (
        list[CodeInterpreterToolParam | FunctionToolV1Param | RetrievalToolParam]
        | Unset
    ) = UNSET
    if _tools is not UNSET:
        tools = []
        for _tools_item in _tools:
            _componentsschemas_assistant_tools_v1_param_item_data = _tools_item
            componentsschemas_assistant_tools_v1_param_item: (
                CodeInterpreterToolParam
                | FunctionToolV1Param
                | RetrievalToolParam
                | dict[str, Any]
            )
            if isinstance(_componentsschemas_assistant_tools_v1_param_item_data, dict):
                _componentsschemas_assistant_tools_v1_param_item_type = (
                    _componentsschemas_assistant_tools_v1_param_item_data.get("type")
                )
                if (
                    _componentsschemas_assistant_tools_v1_param_item_type
                    == "code_interpreter"
                ):
                    componentsschemas_assistant_tools_v1_param_item = (
                        CodeInterpreterToolParam._parse(
                            _componentsschemas_assistant_tools_v1_param_item_data
                        )
                    )
                elif (
                    _componentsschemas_assistant_tools_v1_param_item_type == "retrieval"
                ):
                    componentsschemas_assistant_tools_v1_param_item = (
                        RetrievalToolParam._parse(
                            _componentsschemas_assistant_tools_v1_param_item_data
                        )
                    )
                elif (
                    _componentsschemas_assistant_tools_v1_param_item_type == "function"
                ):
                    componentsschemas_assistant_tools_v1_param_item = (
                        FunctionToolV1Param._parse(
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

    return tools


def _lazy_metadata(_src_mapping: Mapping[str, Any]) -> Any:
    _metadata_data = _src_mapping.get("metadata", UNSET)
    metadata: Metadata | None | Unset
    if isinstance(_metadata_data, dict):
        metadata = Metadata._parse(_metadata_data)
    else:
        metadata = _metadata_data

    return metadata


def _lazy_additional_properties(_src_mapping: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: value for key, value in _src_mapping.items() if key not in _KNOWN_FIELDS
    }


@_attrs_define
class CreateAssistantRequestV1(LazyModel):
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
    _lazy_fields = {
        "model": _lazy_model,
        "tools": _lazy_tools,
        "metadata": _lazy_metadata,
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

        tools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tools, Unset):
            tools = []
            for componentsschemas_assistant_tools_v1_param_item_data in self.tools:
                componentsschemas_assistant_tools_v1_param_item: dict[str, Any]
                if isinstance(
                    componentsschemas_assistant_tools_v1_param_item_data,
                    (
                        CodeInterpreterToolParam,
                        RetrievalToolParam,
                        FunctionToolV1Param,
                    ),
                ):
                    componentsschemas_assistant_tools_v1_param_item = (
                        componentsschemas_assistant_tools_v1_param_item_data.to_dict()
                    )
                else:
                    componentsschemas_assistant_tools_v1_param_item = (
                        componentsschemas_assistant_tools_v1_param_item_data
                    )

                tools.append(componentsschemas_assistant_tools_v1_param_item)

        file_ids = self.file_ids

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, (Metadata,)):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

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
        if tools is not UNSET:
            field_dict["tools"] = tools
        if file_ids is not UNSET:
            field_dict["file_ids"] = file_ids
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

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
                f"CreateAssistantRequestV1 must be an object, got {type(src_dict).__name__}"
            )
        cls._check_shape(src_dict)
        return cls._parse(src_dict)

    @classmethod
    def _parse(cls, d: Mapping[str, Any]) -> Self:
        """The model of ``d`` with its own fields checked; fields that build models or enums are left
        unset, to be parsed on first read; records are built now."""
        if not ("model" in d):
            raise KeyError(
                f"CreateAssistantRequestV1 requires {', '.join(n for n in ('model',) if n not in d)}"
            )
        self = object.__new__(cls)
        self._raw = d
        self.name = d.get("name", UNSET)
        self.description = d.get("description", UNSET)
        self.instructions = d.get("instructions", UNSET)
        self.file_ids = d.get("file_ids", UNSET)
        return self

    @staticmethod
    def _check_shape(d: Mapping[str, Any]) -> None:
        """Raises where parsing ``d`` would; builds nothing."""
        if not ("model" in d):
            raise KeyError(
                f"CreateAssistantRequestV1 requires {', '.join(n for n in ('model',) if n not in d)}"
            )
        _tools_o1 = d.get("tools", UNSET)
        if _tools_o1 is not UNSET:
            for _item_o1 in _tools_o1:
                if isinstance(_item_o1, dict):
                    _kind_o1_i = _item_o1.get("type")
                    if _kind_o1_i == "function":
                        if not ("function" in _item_o1):
                            raise KeyError(
                                f"FunctionToolV1Param requires {', '.join(n for n in ('function',) if n not in _item_o1)}"
                            )
                        _function_o1_i_1_1 = _item_o1["function"]
                        if type(_function_o1_i_1_1) is not dict and not isinstance(
                            _function_o1_i_1_1, Mapping
                        ):
                            raise TypeError(
                                f"function must be an object, got {type(_function_o1_i_1_1).__name__}"
                            )
                        if not ("name" in _function_o1_i_1_1):
                            raise KeyError(
                                f"FunctionDefinitionV1Param requires {', '.join(n for n in ('name',) if n not in _function_o1_i_1_1)}"
                            )
                        _parameters_o1_i_1_1_o1 = _function_o1_i_1_1.get(
                            "parameters", UNSET
                        )
                        if _parameters_o1_i_1_1_o1 is not UNSET:
                            if type(
                                _parameters_o1_i_1_1_o1
                            ) is not dict and not isinstance(
                                _parameters_o1_i_1_1_o1, Mapping
                            ):
                                raise TypeError(
                                    f"parameters must be an object, got {type(_parameters_o1_i_1_1_o1).__name__}"
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
from ..models.function_tool_v1_param import FunctionToolV1Param
from ..models.metadata import Metadata
from ..models.retrieval_tool_param import RetrievalToolParam
