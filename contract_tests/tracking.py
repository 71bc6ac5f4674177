"""Objects schemathesis creates are recorded in the run's ledger too, so cleanup deletes them."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

import schemathesis

from contract_tests.context import current


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
