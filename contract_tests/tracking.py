"""Hooks into schemathesis: its created objects go into the run's ledger (so cleanup deletes them),
and `--model` applies to the bodies it generates."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

import schemathesis
from schemathesis.core.parameters import ParameterLocation

from contract_tests.context import current


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    """With --model, every body that names a model names that one (a live API knows only real models).

    Applied just before sending, in every phase; schemathesis revalidates the case after this hook.
    """
    run = current()
    if run is None or not run.target.model or not isinstance(case.body, dict):
        return
    if case.meta is not None and case.meta.is_negative_at(ParameterLocation.BODY):
        return  # a negative body may be negative because of its model: leave it as generated
    if isinstance(case.body.get("model"), str):
        case.body = {**case.body, "model": run.target.model}


@schemathesis.hook
def after_call(context: Any, case: Any, response: Any) -> None:
    run = current()
    if run is None:
        return
    try:
        body = json.loads(response.content)
    except ValueError:
        return
    run.observe(
        response.request.method,
        urlsplit(response.request.url).path,
        response.status_code,
        body,
        run.target.credentials,
    )
