"""Many clients creating, modifying and deleting at once lose nothing (also across workers)."""

from __future__ import annotations

import threading

import pytest

from .conftest import make_client
from .harness import MockProcess

CLIENTS = 12
ROUNDS = 25
FIELDS = ("name", "description", "instructions", "model")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_concurrent_writes_lose_nothing(tmp_path, workers, recorder):
    with MockProcess("--db", str(tmp_path / "state.sqlite3"), "--workers", workers) as server:
        with make_client(server.url, recorder) as setup:
            shared = setup.post("/assistants", json={"model": "m"}).json()["id"]
        kept: list[list[str]] = [[] for _ in range(CLIENTS)]
        removed: list[list[str]] = [[] for _ in range(CLIENTS)]
        failures: list[str] = []

        def client_work(index: int) -> None:
            with make_client(server.url, recorder) as client:
                for round_ in range(ROUNDS):
                    response = client.post(
                        "/assistants", json={"model": "m", "metadata": {"client": str(index)}}
                    )
                    if response.status_code != 200:
                        failures.append(response.text)
                        continue
                    ident = response.json()["id"]
                    if round_ % 4 == 3:
                        if client.delete(f"/assistants/{ident}").status_code != 200:
                            failures.append(f"delete {ident}")
                        removed[index].append(ident)
                    else:
                        kept[index].append(ident)
                    # Every client updates its own field of one shared assistant: a lost update
                    # (read-modify-write not atomic) would leave an older value for someone.
                    field = FIELDS[index % len(FIELDS)]
                    update = client.post(f"/assistants/{shared}", json={field: f"{index}:{round_}"})
                    if update.status_code != 200:
                        failures.append(update.text)

        threads = [threading.Thread(target=client_work, args=(i,)) for i in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert not failures, failures[:3]

        with make_client(server.url, recorder) as client:
            listed, after = [], None
            for _ in range(20):
                page = client.get(
                    "/assistants",
                    params={"limit": 100, "order": "asc", **({"after": after} if after else {})},
                ).json()
                listed += [a["id"] for a in page["data"]]
                if not page["has_more"]:
                    break
                after = page["last_id"]
            expected = {shared} | {ident for ids in kept for ident in ids}
            assert set(listed) == expected and len(listed) == len(expected)
            for ids in removed:
                for ident in ids:
                    assert client.get(f"/assistants/{ident}").status_code == 404
            final = client.get(f"/assistants/{shared}").json()
            # Each field's last write survives the other fields' concurrent writes.
            for field in FIELDS:
                assert final[field].endswith(f":{ROUNDS - 1}"), (field, final[field])
