"""Every acknowledged write survives kill -9 and a restart."""

from __future__ import annotations

import threading
import time

import httpx

from .conftest import make_client
from .harness import MockProcess


def test_acknowledged_writes_survive_kill_9(tmp_path, recorder):
    db = str(tmp_path / "state.sqlite3")
    created: dict[int, list[str]] = {}
    renamed: dict[str, int] = {}  # id -> last acknowledged name counter
    deleted: list[str] = []
    stop = threading.Event()

    def writer(worker: int, url: str) -> None:
        mine = created.setdefault(worker, [])
        with make_client(url, recorder) as client:
            for step in range(10_000):
                if stop.is_set():
                    return
                try:
                    if step % 3 == 2 and mine:
                        ident = mine[-1]
                        if client.post(f"/assistants/{ident}", json={"name": str(step)}).status_code == 200:
                            renamed[ident] = step
                    elif step % 7 == 6 and len(mine) > 1:
                        ident = mine[0]
                        if client.delete(f"/assistants/{ident}").status_code == 200:
                            mine.pop(0)
                            deleted.append(ident)
                    else:
                        response = client.post("/assistants", json={"model": "m", "name": "new"})
                        if response.status_code == 200:
                            mine.append(response.json()["id"])
                except httpx.HTTPError:
                    return  # the server died under us: whatever was not acknowledged may be lost

    server = MockProcess("--db", db).start()
    threads = [threading.Thread(target=writer, args=(i, server.url)) for i in range(6)]
    for thread in threads:
        thread.start()
    # Until the load is well under way (time alone says little on a shared, loaded machine).
    deadline = time.monotonic() + 60
    while sum(len(ids) for ids in list(created.values())) <= 60 and time.monotonic() < deadline:
        time.sleep(0.05)
    server.kill()  # SIGKILL while requests are in flight
    stop.set()
    for thread in threads:
        thread.join(timeout=10)
    alive = [ident for ids in created.values() for ident in ids]
    assert len(alive) > 50, "the load did not get going"

    with (
        MockProcess("--db", db) as restarted,
        make_client(restarted.url, recorder) as client,
    ):
        for ident in alive:
            response = client.get(f"/assistants/{ident}")
            assert response.status_code == 200, f"acknowledged create of {ident} was lost"
            if ident in renamed:
                # A rename still in flight at the kill may have landed after the last acknowledged one.
                assert int(response.json()["name"]) >= renamed[ident]
        for ident in deleted:
            assert client.get(f"/assistants/{ident}").status_code == 404, (
                f"acknowledged delete of {ident} was lost"
            )
        listed, after = [], None
        for _ in range(100):
            page = client.get(
                "/assistants", params={"limit": 100, **({"after": after} if after else {})}
            ).json()
            listed += [a["id"] for a in page["data"]]
            if not page["has_more"]:
                break
            after = page["last_id"]
        assert set(alive) <= set(listed)
