"""The test servers stop cleanly while a request is still being answered.

The cause of the flaky teardown ERROR of the Gotenberg tests (``waitress/trigger.py: OSError:
[Errno 9] Bad file descriptor``): the server was closed — its wake-up pipe with it — while a
request thread (the "slow" stand-in, sleeping past the client's timeout) was still answering;
when it finished, it pulled the closed trigger: an EBADF logged by waitress, or — once the number
was reused by another pipe or socket — a stray byte written into someone else's file, and the
next teardown's ``pull_trigger`` failing on a descriptor closed under it."""

from __future__ import annotations

import logging
import threading

import requests
from flask import Flask

from loopback import serve


def test_stopping_while_a_request_is_answered_breaks_nothing(monkeypatch, caplog):
    caplog.set_level(logging.ERROR, logger="waitress")
    entered, release = threading.Event(), threading.Event()
    app = Flask("slow")

    @app.get("/slow")
    def slow() -> str:
        entered.set()
        release.wait(10)
        return "done"

    failures: list[BaseException] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: failures.append(args.exc_value))
    answers: list[int] = []

    def client(url: str) -> None:
        try:
            answers.append(requests.get(url + "/slow", timeout=10).status_code)
        except requests.RequestException:
            answers.append(0)

    context = serve(app)
    url = context.__enter__()
    asking = threading.Thread(target=client, args=(url,))
    asking.start()
    assert entered.wait(10)
    stopping = threading.Thread(target=context.__exit__, args=(None, None, None))
    stopping.start()  # the teardown starts while the handler still holds its request
    stopping.join(0.3)
    release.set()  # … and the request thread finishes its answer after that
    stopping.join(30)
    asking.join(30)
    assert not stopping.is_alive()
    assert failures == [], failures  # before: OSError(9, 'Bad file descriptor') in trigger.py
    assert answers == [200]  # the request in flight was answered, not cut
    # before: "Exception when servicing …" OSError: [Errno 9] Bad file descriptor (trigger.py)
    assert [r.getMessage() for r in caplog.records if r.name.startswith("waitress")] == []
