"""Record an app's traffic through the proxy, replay it against another server with
``assistants-conformance --replay``: no difference against a second correct mock, the bug against
a broken one; a clear exit 2 for what cannot be replayed."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

import openai
import pytest

from tests.mock.harness import MockProcess

from .conftest import KEY_1, KEY_2, broken_mock
from .harness import ROOT

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def app_traffic(url: str) -> None:
    one = openai.OpenAI(api_key=KEY_1, base_url=url, max_retries=0)
    two = openai.OpenAI(api_key=KEY_2, base_url=url, max_retries=0)
    first = one.beta.assistants.create(model="gpt-4o", name="first", metadata={"k": "v"}, temperature=0.5)
    ids = [one.beta.assistants.create(model="gpt-4o", name=f"n{i}").id for i in range(4)]
    one.beta.assistants.update(first.id, name="renamed", tools=[{"type": "code_interpreter"}])
    one.beta.assistants.retrieve(first.id)
    assert [a.id for a in one.beta.assistants.list(limit=2, order="asc")] == [first.id, *ids]  # pages
    one.beta.assistants.delete(ids[0])
    with pytest.raises(openai.NotFoundError):
        one.beta.assistants.retrieve(ids[0])
    with pytest.raises(openai.BadRequestError):
        one.beta.assistants.create(model="gpt-4o", temperature=9)
    two.beta.assistants.create(model="gpt-4o", name="other tenant")
    with pytest.raises(openai.NotFoundError):
        two.beta.assistants.retrieve(first.id)
    assert len(two.beta.assistants.list().data) == 1


@pytest.fixture(scope="module")
def recording(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("record") / "traffic.har"
    from .harness import ProxyProcess

    with MockProcess("--db", ":memory:") as mock, ProxyProcess(mock.url, "--record", str(path)) as proxy:
        app_traffic(proxy.url)
    return str(path)


def conformance(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "PORTKEY_", "CONFORMANCE_"))}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "contract_tests", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
        check=False,
    )


def test_the_recording_is_har_with_keys_masked(recording):
    text = pathlib.Path(recording).read_text(encoding="utf-8")
    log = json.loads(text)["log"]
    assert log["version"] == "1.2" and len(log["entries"]) >= 14
    assert KEY_1 not in text and KEY_2 not in text
    credentials = {e["_credential"] for e in log["entries"]}
    assert credentials == {"credential-1", "credential-2"}


def test_replay_against_a_second_correct_mock_shows_no_difference(recording, tmp_path):
    report = tmp_path / "replay.md"
    with MockProcess("--db", ":memory:") as target:
        done = conformance(
            "--replay", recording, "--base-url", target.url, "--bearer", KEY_1, "--second-api-key", KEY_2,
            "--report", str(report),
        )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 distinct differences" in done.stdout
    assert "ids mapped from the recording to the target: 6" in report.read_text()
    for output in (done.stdout, done.stderr, report.read_text()):
        assert KEY_1 not in output and KEY_2 not in output


@pytest.mark.parametrize(
    ("variant", "difference"),
    [
        ("drop_metadata_on_create", "same_fields"),
        ("create_answers_201", "same_status"),
        ("modify_not_stored", "same_fields"),
        ("delete_keeps_object", "same_status"),
        ("shared_tenant", "same_status"),
        ("errors_not_json", "same_content_type"),
    ],
)
def test_replay_against_a_broken_server_shows_the_difference(recording, variant, difference, tmp_path):
    junit = tmp_path / "replay.xml"
    with broken_mock(variant) as target:
        done = conformance(
            "--replay", recording, "--base-url", target.url, "--bearer", KEY_1, "--second-api-key", KEY_2,
            "--junit", str(junit),
        )  # fmt: skip
    assert done.returncode == 1, done.stdout + done.stderr
    assert any(
        line.startswith("DIFFERENCE") and f" {difference}: " in line for line in done.stdout.splitlines()
    ), done.stdout
    assert 'failures="0"' not in junit.read_text()


def test_replay_against_the_bundled_mock(recording):
    done = conformance("--replay", recording, "--second-api-key", "sk-mock-tenant-2")
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_recording_that_is_not_har_is_a_usage_error(tmp_path):
    bad = tmp_path / "bad.har"
    bad.write_text("{not json")
    done = conformance("--replay", str(bad), "--base-url", "http://127.0.0.1:9/v1", "--bearer", KEY_1)
    assert done.returncode == 2
    assert done.stderr.strip().startswith("error:") and len(done.stderr.strip().splitlines()) == 1
    missing = conformance("--replay", str(tmp_path / "nope.har"), "--base-url", "http://127.0.0.1:9/v1")
    assert missing.returncode == 2


def test_an_unreachable_target_is_a_usage_error(recording):
    done = conformance("--replay", recording, "--base-url", "http://127.0.0.1:9/v1", "--bearer", KEY_1)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "unreachable" in done.stderr and KEY_1 not in done.stderr


def test_the_recording_replays_without_the_second_credential(recording):
    with MockProcess("--db", ":memory:") as target:
        done = conformance("--replay", recording, "--base-url", target.url, "--bearer", KEY_1)
    assert done.returncode == 0, done.stdout
    assert "no credentials given for that recorded credential: 3" in done.stdout
