"""The Assistants API contract: ``openapi.yaml`` beside this file is the single source of truth.

The mock, the conformance suite, the client generator and the tests read the document through the
spec model here and nowhere else::

    import assistants_spec
    spec = assistants_spec.load_spec()          # the bundled spec (or load_spec(path) for another file)
    v2 = spec.view()                            # the document under the default profile
    create = v2.operation("createAssistant")    # method, path, parameters, body, responses
    v2.match("GET", "/assistants/asst_1")       # which operation serves a request
    v2.validator(create.body_schema)            # a compiled JSON Schema validator
    spec.security.layout(["Authorization"])     # credentials vs. gateway routing headers
    create.statuses(Meaning.UNAUTHENTICATED)     # the declared statuses that refuse credentials
"""

from __future__ import annotations

import functools
import pathlib

from .beta_profiles import UnknownProfileError
from .idempotency import Idempotency
from .model import Match, Operation, Parameter, ProfileView, Response, Spec, UndeclaredMethodAnswer, Validator
from .resources import Resource
from .schemas import SchemaReader, coerce_text, resolve
from .security import AuthLayout, Scheme, Security
from .statuses import Meaning

SPEC_PATH = pathlib.Path(__file__).with_name("openapi.yaml")


@functools.lru_cache(maxsize=8)
def _load_cached(path: pathlib.Path) -> Spec:
    return Spec.load(path)


def load_spec(path: str | pathlib.Path | None = None) -> Spec:
    """The spec model of ``path`` (default: the bundled ``openapi.yaml``), loaded once per file."""
    return _load_cached(pathlib.Path(path or SPEC_PATH).resolve())


__all__ = [
    "SPEC_PATH",
    "AuthLayout",
    "Idempotency",
    "Match",
    "Meaning",
    "Operation",
    "Parameter",
    "ProfileView",
    "Resource",
    "Response",
    "SchemaReader",
    "Scheme",
    "Security",
    "Spec",
    "UndeclaredMethodAnswer",
    "UnknownProfileError",
    "Validator",
    "coerce_text",
    "load_spec",
    "resolve",
]
