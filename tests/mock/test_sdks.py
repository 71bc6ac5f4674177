"""The official SDKs, unchanged, against the mock: all five operations, paging, error classes."""

from __future__ import annotations

import httpx
import openai
import pytest
from portkey_ai import Portkey

# portkey-ai raises the error classes of the openai copy it bundles, not those of `openai`.
from portkey_ai._vendor import openai as portkey_openai

from .conftest import KEY_1, KEY_2, VIRTUAL_KEY

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def http_client(recorder):
    with httpx.Client(timeout=10, event_hooks={"response": [recorder]}) as client:
        yield client


@pytest.fixture
def sdk(fresh, http_client) -> openai.OpenAI:
    return openai.OpenAI(api_key=KEY_1, base_url=fresh.url, max_retries=0, http_client=http_client)


@pytest.fixture
def portkey(fresh, http_client) -> Portkey:
    return Portkey(api_key=KEY_1, virtual_key=VIRTUAL_KEY, base_url=fresh.url, http_client=http_client)


def test_openai_sdk_five_operations(sdk):
    assistants = sdk.beta.assistants
    created = assistants.create(
        model="gpt-4o",
        name="Math Tutor",
        instructions="Answer with Python.",
        tools=[{"type": "code_interpreter"}],
        metadata={"team": "edu"},
        temperature=0.4,
    )
    assert created.id.startswith("asst_") and created.name == "Math Tutor"
    fetched = assistants.retrieve(created.id)
    assert fetched == created
    updated = assistants.update(created.id, name="Tutor", metadata={"team": "math"})
    assert (updated.name, updated.metadata, updated.temperature) == ("Tutor", {"team": "math"}, 0.4)
    assert [a.id for a in assistants.list()] == [created.id]
    deleted = assistants.delete(created.id)
    assert deleted.deleted is True and deleted.id == created.id
    with pytest.raises(openai.NotFoundError):
        assistants.retrieve(created.id)


def test_openai_sdk_auto_pagination_walks_all_pages(sdk):
    ids = [sdk.beta.assistants.create(model="m", name=str(i)).id for i in range(7)]
    page = sdk.beta.assistants.list(limit=3, order="asc")
    assert len(page.data) == 3 and page.has_more
    assert [a.id for a in page] == ids  # the SDK follows after=last_id while has_more
    assert [a.id for a in sdk.beta.assistants.list(limit=2)] == ids[::-1]


def test_openai_sdk_error_classes(fresh, sdk, http_client):
    with pytest.raises(openai.NotFoundError) as not_found:
        sdk.beta.assistants.retrieve("asst_missing")
    assert not_found.value.status_code == 404
    with pytest.raises(openai.BadRequestError) as bad:
        sdk.beta.assistants.create(model="m", temperature=5)
    assert bad.value.param == "temperature"
    stranger = openai.OpenAI(
        api_key="sk-not-a-tenant", base_url=fresh.url, max_retries=0, http_client=http_client
    )
    with pytest.raises(openai.AuthenticationError):
        stranger.beta.assistants.list()
    with pytest.raises(openai.RateLimitError) as limited:
        sdk.beta.assistants.list(extra_headers={"x-mock-fault": "429"})
    assert limited.value.response.headers["retry-after"]
    with pytest.raises(openai.InternalServerError):
        sdk.beta.assistants.list(extra_headers={"x-mock-fault": "500"})


def test_openai_sdk_sees_only_its_tenant(fresh, sdk, http_client):
    other = openai.OpenAI(api_key=KEY_2, base_url=fresh.url, max_retries=0, http_client=http_client)
    mine = sdk.beta.assistants.create(model="m")
    assert list(other.beta.assistants.list()) == []
    with pytest.raises(openai.NotFoundError):
        other.beta.assistants.delete(mine.id)


def test_portkey_sdk_five_operations(portkey):
    assistants = portkey.beta.assistants
    created = assistants.create(model="gpt-4o", name="Helper", tools=[{"type": "file_search"}])
    assert created.id.startswith("asst_")
    assert assistants.retrieve(created.id).name == "Helper"
    assert assistants.update(created.id, description="d").description == "d"
    assert [a.id for a in assistants.list().data] == [created.id]
    assert assistants.delete(created.id).deleted is True
    with pytest.raises(portkey_openai.NotFoundError):
        assistants.retrieve(created.id)


def test_portkey_sdk_pages_with_after(portkey):
    ids = [portkey.beta.assistants.create(model="m").id for _ in range(5)]
    seen, after = [], None
    for _ in range(5):
        page = portkey.beta.assistants.list(limit=2, order="asc", **({"after": after} if after else {}))
        seen += [a.id for a in page.data]
        if not page.has_more:
            break
        after = page.last_id
    assert seen == ids


def test_portkey_sdk_error_classes(fresh, portkey, http_client):
    with pytest.raises(portkey_openai.BadRequestError):
        portkey.beta.assistants.create(model="m", tools=[{"type": "nonsense"}])
    wrong_virtual_key = Portkey(
        api_key=KEY_1, virtual_key="vk-wrong", base_url=fresh.url, http_client=http_client
    )
    with pytest.raises(portkey_openai.AuthenticationError):
        wrong_virtual_key.beta.assistants.list()
    wrong_key = Portkey(
        api_key="pk-wrong", virtual_key=VIRTUAL_KEY, base_url=fresh.url, http_client=http_client
    )
    with pytest.raises(portkey_openai.AuthenticationError):
        wrong_key.beta.assistants.list()


def test_portkey_sdk_rate_limit_error(fresh, recorder):
    # portkey-ai has no per-call headers for retrieve/list; the faults ride on its http client.
    with httpx.Client(
        timeout=10, headers={"x-mock-fault": "429"}, event_hooks={"response": [recorder]}
    ) as limited:
        portkey = Portkey(api_key=KEY_1, virtual_key=VIRTUAL_KEY, base_url=fresh.url, http_client=limited)
        with pytest.raises(portkey_openai.RateLimitError) as error:
            portkey.beta.assistants.list()  # after the SDK's own retry, honouring Retry-After
    assert error.value.status_code == 429 and error.value.response.headers["retry-after"]
