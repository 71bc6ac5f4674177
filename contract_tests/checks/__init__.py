"""Response checks: schemathesis runs each on every response, in every phase.

Each is a small function with one job, declared with `contract_tests.registry.check`; its
AssertionError message says what was expected. Importing this package declares them all.
"""

from contract_tests.checks import auth, errors, gateway, lists, methods, read_back

__all__ = ["auth", "errors", "gateway", "lists", "methods", "read_back"]
