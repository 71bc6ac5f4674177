"""A client library for accessing Assistants API (Portkey gateway and OpenAI)"""

from . import errors
from .client import BETA_PROFILES, Client, RetryPolicy
from .errors import APIStatusError
from .types import UNSET, Response, Unset

__all__ = (
    "BETA_PROFILES",
    "UNSET",
    "APIStatusError",
    "Client",
    "Response",
    "RetryPolicy",
    "Unset",
    "errors",
)
