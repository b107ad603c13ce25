"""A WSGI app served by waitress (the server ``vanban serve`` uses) on a free loopback port, in
a thread of the test process — and stopped in the only safe order.

Stopping: waitress's request threads wake the server loop through its *trigger* (a pipe) when
they finish a response. Closing the server first (``trigger.pull_trigger(server.close)``) while a
request is still being answered — a handler that sleeps, a client that gave up on a timeout —
closes that pipe under the request thread, whose ``pull_trigger`` then fails with
``OSError: [Errno 9] Bad file descriptor`` (or writes into whatever file reused the number). So
:func:`serve` first stops the request threads (each finishes the request it holds), then closes
the server from inside its own loop and waits for the loop to end.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from waitress.server import create_server


def stop(server: Any, thread: threading.Thread, timeout: float = 30) -> None:
    """Stop a waitress server running ``server.run`` in ``thread``."""
    server.task_dispatcher.shutdown(cancel_pending=True, timeout=timeout)
    server.trigger.pull_trigger(server.close)  # closed from inside the loop it runs in
    thread.join(timeout=10)


@contextmanager
def serve(app: Callable, threads: int = 4, name: str = "waitress-test") -> Iterator[str]:
    """Base URL of ``app`` served on 127.0.0.1 and a free port for the ``with`` block."""
    server = create_server(app, host="127.0.0.1", port=0, threads=threads)
    thread = threading.Thread(target=server.run, name=name, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        stop(server, thread)
