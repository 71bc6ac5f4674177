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

T = TypeVar("T", bound="AssistantObjectV1")


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
        "file_ids",
        "metadata",
    }
)


def _lazy_tools(_src_mapping: Mapping[str, Any]) -> Any:
    _tools = _src_mapping["tools"]
    tools = []
    for _tools_item in _tools:
        _componentsschemas_assistant_tools_v1_item_data = _tools_item
        componentsschemas_assistant_tools_v1_item: (
            CodeInterpreterTool | FunctionTool | RetrievalTool | dict[str, Any]
        )
        if isinstance(_componentsschemas_assistant_tools_v1_item_data, dict):
            _componentsschemas_assistant_tools_v1_item_type = (
                _componentsschemas_assistant_tools_v1_item_data.get("type")
            )
            if _componentsschemas_assistant_tools_v1_item_type == "code_interpreter":
                componentsschemas_assistant_tools_v1_item = CodeInterpreterTool._parse(
                    _componentsschemas_assistant_tools_v1_item_data
                )
            elif _componentsschemas_assistant_tools_v1_item_type == "retrieval":
                componentsschemas_assistant_tools_v1_item = RetrievalTool._parse(
                    _componentsschemas_assistant_tools_v1_item_data
                )
            elif _componentsschemas_assistant_tools_v1_item_type == "function":
                componentsschemas_assistant_tools_v1_item = FunctionTool._parse(
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

    return tools


def _lazy_metadata(_src_mapping: Mapping[str, Any]) -> Any:
    _metadata_data = _src_mapping["metadata"]
    metadata: Metadata | None
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
class AssistantObjectV1(LazyModel):
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
    _lazy_fields = {
        "tools": _lazy_tools,
        "metadata": _lazy_metadata,
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
        for componentsschemas_assistant_tools_v1_item_data in self.tools:
            componentsschemas_assistant_tools_v1_item: dict[str, Any]
            if isinstance(
                componentsschemas_assistant_tools_v1_item_data,
                (
                    CodeInterpreterTool,
                    RetrievalTool,
                    FunctionTool,
                ),
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
        if isinstance(self.metadata, (Metadata,)):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

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
            "file_ids": file_ids,
            "metadata": metadata,
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
                f"AssistantObjectV1 must be an object, got {type(src_dict).__name__}"
            )
        cls._check_shape(src_dict)
        return cls._parse(src_dict)

    @classmethod
    def _parse(cls, d: Mapping[str, Any]) -> Self:
        """The model of ``d`` with its own fields checked; fields that build models or enums are left
        unset, to be parsed on first read; records are built now."""
        if not ("tools" in d and "metadata" in d):
            raise KeyError(
                f"AssistantObjectV1 requires {', '.join(n for n in ('tools', 'metadata') if n not in d)}"
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
        self.file_ids = d["file_ids"]
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
            and "file_ids" in d
            and "metadata" in d
        ):
            raise KeyError(
                f"AssistantObjectV1 requires {', '.join(n for n in ('id', 'object', 'created_at', 'name', 'description', 'model', 'instructions', 'tools', 'file_ids', 'metadata') if n not in d)}"
            )
        _object__1 = d["object"]
        if _object__1 != "assistant":
            raise ValueError(f"object must match const 'assistant', got {_object__1!r}")

        _tools_2 = d["tools"]
        for _item_2 in _tools_2:
            if isinstance(_item_2, dict):
                _kind_2_i = _item_2.get("type")
                if _kind_2_i == "function":
                    if not ("function" in _item_2):
                        raise KeyError(
                            f"FunctionTool requires {', '.join(n for n in ('function',) if n not in _item_2)}"
                        )
                    _function_2_i_1_1 = _item_2["function"]
                    if type(_function_2_i_1_1) is not dict and not isinstance(
                        _function_2_i_1_1, Mapping
                    ):
                        raise TypeError(
                            f"function must be an object, got {type(_function_2_i_1_1).__name__}"
                        )
                    if not ("name" in _function_2_i_1_1):
                        raise KeyError(
                            f"FunctionDefinition requires {', '.join(n for n in ('name',) if n not in _function_2_i_1_1)}"
                        )
                    _parameters_2_i_1_1_o1 = _function_2_i_1_1.get("parameters", UNSET)
                    if _parameters_2_i_1_1_o1 is not UNSET:
                        if type(_parameters_2_i_1_1_o1) is not dict and not isinstance(
                            _parameters_2_i_1_1_o1, Mapping
                        ):
                            raise TypeError(
                                f"parameters must be an object, got {type(_parameters_2_i_1_1_o1).__name__}"
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
from ..models.function_tool import FunctionTool
from ..models.metadata import Metadata
from ..models.retrieval_tool import RetrievalTool
