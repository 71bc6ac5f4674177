"""The official portkey-ai SDK, configured for a self-hosted gateway, works unchanged end to end."""

from __future__ import annotations

import warnings

import pytest

from .conftest import TENANT


@pytest.fixture
def portkey(gateway_url: str, mock_url: str):
    # Imported here, not at collection: portkey-ai takes seconds of CPU to import, paid by every
    # pytest process (each xdist worker) that collects this module.
    portkey_ai = pytest.importorskip("portkey_ai")
    return portkey_ai.Portkey(
        base_url=gateway_url,
        provider="openai",
        Authorization=f"Bearer {TENANT}",
        custom_host=mock_url,
    )


def test_portkey_sdk_runs_all_five_operations_through_the_gateway(portkey) -> None:
    warnings.simplefilter("ignore", DeprecationWarning)
    created = portkey.beta.assistants.create(model="gpt-4o", name="sdk via gateway", temperature=0.5)
    assert created.id.startswith("asst_") and created.name == "sdk via gateway" and created.temperature == 0.5
    assert portkey.beta.assistants.retrieve(created.id).id == created.id
    updated = portkey.beta.assistants.update(created.id, instructions="Be brief.")
    assert (updated.instructions, updated.name) == ("Be brief.", "sdk via gateway")
    page = portkey.beta.assistants.list(limit=2)
    assert created.id in [a.id for a in page.data]
    deleted = portkey.beta.assistants.delete(created.id)
    assert deleted.deleted is True and deleted.id == created.id


def test_portkey_sdk_pages_through_the_gateway(portkey) -> None:
    """portkey-ai 2.x returns one page per list() (no auto-pagination): its users follow last_id."""
    warnings.simplefilter("ignore", DeprecationWarning)
    made = [portkey.beta.assistants.create(model="gpt-4o", name=f"page {i}").id for i in range(5)]
    try:
        seen, after = [], None
        for _ in range(50):
            page = portkey.beta.assistants.list(limit=2, order="asc", **({"after": after} if after else {}))
            seen += [a.id for a in page.data]
            if not page.has_more:
                break
            after = page.last_id
        assert [i for i in seen if i in made] == made, "paging lost or reordered assistants"
    finally:
        for assistant_id in made:
            portkey.beta.assistants.delete(assistant_id)


def test_portkey_sdk_error_classes_through_the_gateway(portkey) -> None:
    """portkey-ai raises the error classes of the openai client it bundles (portkey_ai._vendor.openai)."""
    warnings.simplefilter("ignore", DeprecationWarning)
    from portkey_ai._vendor import openai

    with pytest.raises(openai.NotFoundError):
        portkey.beta.assistants.retrieve("asst_missing000000000000000000")
    with pytest.raises(openai.BadRequestError):
        portkey.beta.assistants.create(model="gpt-4o", top_p=2)
