from __future__ import annotations

from typing import Any

import assistants_spec
import pytest


@pytest.fixture(params=assistants_spec.load_spec().profiles)
def profile(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def document(profile: str) -> dict[str, Any]:
    return assistants_spec.load_spec().document(profile)
