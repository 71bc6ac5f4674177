"""Contains all the data models used in inputs/outputs"""

from .assistant_object import AssistantObject
from .assistant_object_v1 import AssistantObjectV1
from .assistant_supported_models import AssistantSupportedModels
from .auto_chunking_strategy_param import AutoChunkingStrategyParam
from .code_interpreter_resources import CodeInterpreterResources
from .code_interpreter_resources_param import CodeInterpreterResourcesParam
from .code_interpreter_tool import CodeInterpreterTool
from .code_interpreter_tool_param import CodeInterpreterToolParam
from .create_assistant_request import CreateAssistantRequest
from .create_assistant_request_v1 import CreateAssistantRequestV1
from .delete_assistant_response import DeleteAssistantResponse
from .error_detail import ErrorDetail
from .error_response import ErrorResponse
from .file_search_ranker import FileSearchRanker
from .file_search_ranking_options import FileSearchRankingOptions
from .file_search_ranking_options_param import FileSearchRankingOptionsParam
from .file_search_resources import FileSearchResources
from .file_search_resources_create_param import FileSearchResourcesCreateParam
from .file_search_resources_param import FileSearchResourcesParam
from .file_search_tool import FileSearchTool
from .file_search_tool_overrides import FileSearchToolOverrides
from .file_search_tool_overrides_param import FileSearchToolOverridesParam
from .file_search_tool_param import FileSearchToolParam
from .function_definition import FunctionDefinition
from .function_definition_param import FunctionDefinitionParam
from .function_definition_v1_param import FunctionDefinitionV1Param
from .function_parameters import FunctionParameters
from .function_tool import FunctionTool
from .function_tool_param import FunctionToolParam
from .function_tool_v1_param import FunctionToolV1Param
from .gateway_error_response import GatewayErrorResponse
from .json_schema_format import JsonSchemaFormat
from .json_schema_format_param import JsonSchemaFormatParam
from .json_schema_format_param_schema import JsonSchemaFormatParamSchema
from .json_schema_format_schema import JsonSchemaFormatSchema
from .list_assistants_response import ListAssistantsResponse
from .list_order import ListOrder
from .metadata import Metadata
from .modify_assistant_request import ModifyAssistantRequest
from .modify_assistant_request_v1 import ModifyAssistantRequestV1
from .reasoning_effort_level import ReasoningEffortLevel
from .response_format_json_object import ResponseFormatJsonObject
from .response_format_json_object_param import ResponseFormatJsonObjectParam
from .response_format_json_schema import ResponseFormatJsonSchema
from .response_format_json_schema_param import ResponseFormatJsonSchemaParam
from .response_format_option import ResponseFormatOption
from .response_format_text import ResponseFormatText
from .response_format_text_param import ResponseFormatTextParam
from .retrieval_tool import RetrievalTool
from .retrieval_tool_param import RetrievalToolParam
from .static_chunking_param import StaticChunkingParam
from .static_chunking_strategy_param import StaticChunkingStrategyParam
from .tool_resources import ToolResources
from .tool_resources_create_param import ToolResourcesCreateParam
from .tool_resources_param import ToolResourcesParam
from .vector_store_helper_param import VectorStoreHelperParam

__all__ = (
    "AssistantObject",
    "AssistantObjectV1",
    "AssistantSupportedModels",
    "AutoChunkingStrategyParam",
    "CodeInterpreterResources",
    "CodeInterpreterResourcesParam",
    "CodeInterpreterTool",
    "CodeInterpreterToolParam",
    "CreateAssistantRequest",
    "CreateAssistantRequestV1",
    "DeleteAssistantResponse",
    "ErrorDetail",
    "ErrorResponse",
    "FileSearchRanker",
    "FileSearchRankingOptions",
    "FileSearchRankingOptionsParam",
    "FileSearchResources",
    "FileSearchResourcesCreateParam",
    "FileSearchResourcesParam",
    "FileSearchTool",
    "FileSearchToolOverrides",
    "FileSearchToolOverridesParam",
    "FileSearchToolParam",
    "FunctionDefinition",
    "FunctionDefinitionParam",
    "FunctionDefinitionV1Param",
    "FunctionParameters",
    "FunctionTool",
    "FunctionToolParam",
    "FunctionToolV1Param",
    "GatewayErrorResponse",
    "JsonSchemaFormat",
    "JsonSchemaFormatParam",
    "JsonSchemaFormatParamSchema",
    "JsonSchemaFormatSchema",
    "ListAssistantsResponse",
    "ListOrder",
    "Metadata",
    "ModifyAssistantRequest",
    "ModifyAssistantRequestV1",
    "ReasoningEffortLevel",
    "ResponseFormatJsonObject",
    "ResponseFormatJsonObjectParam",
    "ResponseFormatJsonSchema",
    "ResponseFormatJsonSchemaParam",
    "ResponseFormatOption",
    "ResponseFormatText",
    "ResponseFormatTextParam",
    "RetrievalTool",
    "RetrievalToolParam",
    "StaticChunkingParam",
    "StaticChunkingStrategyParam",
    "ToolResources",
    "ToolResourcesCreateParam",
    "ToolResourcesParam",
    "VectorStoreHelperParam",
)
