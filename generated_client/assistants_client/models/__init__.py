"""Contains all the data models used in inputs/outputs"""

from .assistant_object import AssistantObject
from .assistant_object_v1 import AssistantObjectV1
from .code_interpreter_resources import CodeInterpreterResources
from .code_interpreter_tool import CodeInterpreterTool
from .create_assistant_request import CreateAssistantRequest
from .create_assistant_request_v1 import CreateAssistantRequestV1
from .delete_assistant_response import DeleteAssistantResponse
from .error_detail import ErrorDetail
from .error_response import ErrorResponse
from .file_search_ranking_options import FileSearchRankingOptions
from .file_search_ranking_options_ranker import FileSearchRankingOptionsRanker
from .file_search_resources import FileSearchResources
from .file_search_tool import FileSearchTool
from .file_search_tool_overrides import FileSearchToolOverrides
from .function_definition import FunctionDefinition
from .function_parameters import FunctionParameters
from .function_tool import FunctionTool
from .gateway_error_response import GatewayErrorResponse
from .json_schema_format import JsonSchemaFormat
from .json_schema_format_schema import JsonSchemaFormatSchema
from .list_assistants_response import ListAssistantsResponse
from .list_order import ListOrder
from .metadata import Metadata
from .modify_assistant_request import ModifyAssistantRequest
from .modify_assistant_request_v1 import ModifyAssistantRequestV1
from .response_format_json_object import ResponseFormatJsonObject
from .response_format_json_schema import ResponseFormatJsonSchema
from .response_format_option import ResponseFormatOption
from .response_format_text import ResponseFormatText
from .retrieval_tool import RetrievalTool
from .tool_resources import ToolResources

__all__ = (
    "AssistantObject",
    "AssistantObjectV1",
    "CodeInterpreterResources",
    "CodeInterpreterTool",
    "CreateAssistantRequest",
    "CreateAssistantRequestV1",
    "DeleteAssistantResponse",
    "ErrorDetail",
    "ErrorResponse",
    "FileSearchRankingOptions",
    "FileSearchRankingOptionsRanker",
    "FileSearchResources",
    "FileSearchTool",
    "FileSearchToolOverrides",
    "FunctionDefinition",
    "FunctionParameters",
    "FunctionTool",
    "GatewayErrorResponse",
    "JsonSchemaFormat",
    "JsonSchemaFormatSchema",
    "ListAssistantsResponse",
    "ListOrder",
    "Metadata",
    "ModifyAssistantRequest",
    "ModifyAssistantRequestV1",
    "ResponseFormatJsonObject",
    "ResponseFormatJsonSchema",
    "ResponseFormatOption",
    "ResponseFormatText",
    "RetrievalTool",
    "ToolResources",
)
