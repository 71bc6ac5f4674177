"""Behaviour checks that schemathesis runs on every response, in every phase (registered on import).

Each is a small function with one job; its AssertionError message says what was expected.
"""

from contract_tests.checks import errors, gateway, lists, read_back  # noqa: F401  (registration)

NAMES = (
    "openai_error_shape",
    "refusal_names_param",
    "created_is_read_back",
    "modify_is_read_back",
    "deleted_is_gone",
    "list_page_is_consistent",
)
# Run only in gateway mode (a Portkey gateway in front of the API).
GATEWAY_NAMES = ("gateway_headers_present",)
