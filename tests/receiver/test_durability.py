"""Answers that got a 2xx survive a killed receiver; a killed database connection is a 503."""

from __future__ import annotations

import os
import signal
import threading
import time

import httpx
import pytest

from tests.receiver.conftest import Receiver, start_receiver, stop
from tests.receiver.test_forms import SURVEY


def load(
    receiver: Receiver, stop_at: threading.Event, codes: list[str], statuses: list[int]
) -> None:
    """Post answers until ``stop_at``; keep the reward code of every 2xx."""
    with httpx.Client(base_url=receiver.url, timeout=10) as client:
        while not stop_at.is_set():
            try:
                sent = client.post("/survey", json=SURVEY, headers={"Accept": "application/json"})
            except httpx.HTTPError:
                continue  # the receiver is gone: no 2xx, nothing promised
            statuses.append(sent.status_code)
            if sent.status_code == 201:
                codes.append(sent.json()["reward_code"])


def run_load(receiver: Receiver, clients: int, during: callable) -> tuple[list[str], list[int]]:  # type: ignore[valid-type]
    codes: list[str] = []
    statuses: list[int] = []
    stop_at = threading.Event()
    threads = [
        threading.Thread(target=load, args=(receiver, stop_at, codes, statuses))
        for _ in range(clients)
    ]
    for thread in threads:
        thread.start()
    try:
        during(codes)
    finally:
        stop_at.set()
        for thread in threads:
            thread.join()
    return codes, statuses


def test_every_answer_that_got_a_2xx_survives_sigkill(database_url: str) -> None:
    receiver = start_receiver(database_url)

    def kill_mid_load(acknowledged: list[str]) -> None:
        # well into the load: 50 answers acknowledged to the clients (rows committed but not yet
        # answered when the kill lands are allowed, and not counted)
        while len(acknowledged) < 50:
            time.sleep(0.05)
        os.kill(receiver.process.pid, signal.SIGKILL)
        receiver.process.communicate()  # reaps it and closes its pipe
        time.sleep(0.5)  # the clients notice

    codes, _ = run_load(receiver, 8, kill_mid_load)
    restarted = start_receiver(database_url)
    try:
        stored = {row[0] for row in restarted.query("select reward_code from answers")}
    finally:
        stop(restarted)
    assert len(codes) >= 50
    assert set(codes) <= stored, f"{len(set(codes) - stored)} acknowledged answers were lost"


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_killed_database_connections_are_503_and_the_receiver_recovers(database_url: str) -> None:
    receiver = start_receiver(database_url)
    name = database_url.rsplit("/", 1)[1]
    try:

        def terminate_backends(acknowledged: list[str]) -> None:
            time.sleep(0.5)
            for _ in range(3):
                receiver.query(
                    "select pg_terminate_backend(pid) from pg_stat_activity "
                    "where datname = :name and pid <> pg_backend_pid()",
                    name=name,
                )
                time.sleep(0.3)

        codes, statuses = run_load(receiver, 6, terminate_backends)
        assert set(statuses) <= {201, 503}, f"unexpected statuses: {sorted(set(statuses))}"
        assert 500 not in statuses
        with receiver.client() as client:  # recovered
            after = [
                client.post(
                    "/survey", json=SURVEY, headers={"Accept": "application/json"}
                ).status_code
                for _ in range(5)
            ]
        assert after == [201] * 5
        stored = {row[0] for row in receiver.query("select reward_code from answers")}
        assert set(codes) <= stored
    finally:
        assert "Traceback" not in stop(receiver)
