"""Conformance suite for the Assistants API: schemathesis phases plus behaviour scenarios.

`python -m contract_tests` (or `assistants-conformance`) checks a deployment, or the bundled mock
when no `--base-url` is given. The spec (`assistants_spec`) is the only source of what is expected.
"""
