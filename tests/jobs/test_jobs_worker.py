"""``vanban worker`` stops when asked: its pub/sub thread never holds the process.

The race rq 3.0 loses under load (seen in CI: a worker killed 20 s after SIGTERM): the thread
reads the reply to the unsubscribe before its stop flag is cleared, then waits for a new
subscription for rq's ``sleep_time`` (60 s) while ``stop()`` joins it without a limit. Here
the race is forced: the reply is read first, then the worker leaves its channel.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from live_processes import redis_server
from vanban.jobs.worker import PUBSUB_STOP_SECONDS, Worker


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url


def _left_in_time(worker: Worker) -> bool:
    """Whether ``worker.unsubscribe()`` returns well before rq's 60 s sleep."""
    done = threading.Event()

    def leave() -> None:
        worker.unsubscribe()
        done.set()

    threading.Thread(target=leave, daemon=True).start()
    return done.wait(timeout=15 * PUBSUB_STOP_SECONDS)


def test_a_worker_whose_thread_read_the_reply_first_still_stops(redis_url: str,
                                                                tmp_path: Path):
    from redis import Redis

    worker = Worker(["vanban-worker-test"], connection=Redis.from_url(redis_url),
                    name="may-dung")
    worker.subscribe()
    thread = worker.pubsub_thread
    deadline = time.monotonic() + 10
    while not worker.pubsub.subscribed and time.monotonic() < deadline:
        time.sleep(0.05)  # the thread reads the subscription's reply
    worker.pubsub.unsubscribe()
    while worker.pubsub.subscribed and time.monotonic() < deadline:
        time.sleep(0.05)  # … and the unsubscribe's: it now waits for a subscription
    assert not worker.pubsub.subscribed and thread.is_alive()
    assert _left_in_time(worker)
