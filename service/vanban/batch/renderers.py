"""The batch's pool: renderer processes, each fed chunks of inputs over a pipe of its own.

No thread runs in the batch's own process for the pool (a :class:`~concurrent.futures.
ProcessPoolExecutor` keeps two, a manager and a queue feeder, which take the interpreter lock
from this process's own rendering at every chunk): this process sends a chunk with one
``send``, and collects finished chunks with a non-blocking :func:`~multiprocessing.connection.
wait` between its own renders. Each pool process reads its pipe in a thread of its own, so a
chunk sent while it is writing a large result never blocks this process (no deadlock however
large the documents).

A renderer that dies (killed, out of memory, a crash in a C library) loses nothing: the chunks
it held are marked :attr:`Pending.lost` and the engine renders them itself. A pool that cannot
start at all leaves the whole batch to the engine's process.

Started by ``fork`` (single-threaded callers such as ``vanban batch``) the processes exist at
once and inherit the compiled template. Through a fork server or ``spawn`` (a threaded web
server; macOS, Windows) starting takes seconds the first time, so it happens in a background
thread and the engine renders meanwhile.
"""

from __future__ import annotations

import multiprocessing
import queue
import signal
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

#: The first message of a pool process: its template is compiled, chunks may come.
READY = "ready"
#: Chunks a pool process holds at once: one rendering, one waiting behind it.
DEPTH = 2


@dataclass(eq=False)
class Pending:
    """A chunk sent to a pool process: its result (``items``) once received, or ``lost``
    when the process died holding it."""

    chunk: list[Any]
    items: list[Any] | None = None
    lost: bool = False

    @property
    def done(self) -> bool:
        return self.items is not None or self.lost


@dataclass(eq=False)
class Renderer:
    process: Any
    conn: Connection
    ready: bool = False
    queued: deque[Pending] = field(default_factory=deque)


def serve(conn: Connection, init: Callable[[], None],
          render: Callable[[list[Any]], list[Any]]) -> None:
    """A pool process: ``init()``, say :data:`READY`, then ``render`` each chunk received and
    send its result, until ``None`` or the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the batch's to handle
    init()
    inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def read() -> None:
        try:
            while (message := conn.recv()) is not None:
                inbox.put(message)
        except (EOFError, OSError):
            pass
        inbox.put(None)

    threading.Thread(target=read, name="vanban-batch-inbox", daemon=True).start()
    try:
        conn.send(READY)
        while (chunk := inbox.get()) is not None:
            conn.send(render(chunk))
    except (BrokenPipeError, EOFError, OSError):  # the batch stopped early
        pass


class Renderers:
    """``processes`` pool processes started with ``method``, each running ``target(conn,
    *args)`` (:func:`serve` with the template's ``init`` and ``render``)."""

    def __init__(self, method: str, processes: int, target: Callable[..., None],
                 args: tuple[Any, ...]) -> None:
        self._ctx = multiprocessing.get_context(method)
        self._live: list[Renderer] = []
        self._lock = threading.Lock()  # the starting thread adds to _live; closing reads it
        self._closed = False
        self.started = threading.Event()  # every process started (or failed to)

        def start() -> None:
            for _ in range(processes):
                ours, theirs = self._ctx.Pipe()
                process = self._ctx.Process(target=target, args=(theirs, *args), daemon=True,
                                            name="vanban-batch-renderer")
                try:
                    process.start()
                except Exception:  # noqa: BLE001 — no pool: the engine renders alone
                    ours.close()
                    break
                finally:
                    theirs.close()
                with self._lock:
                    if self._closed:  # the batch ended while this one started
                        process.terminate()
                        ours.close()
                        break
                    # A forked process has the compiled template already: chunks may wait in its
                    # pipe from now on, not only once it says READY (this process's first
                    # chunk would otherwise be rendered while the other core idles).
                    self._live.append(Renderer(process, ours, ready=method == "fork"))
            self.started.set()

        if method == "fork":
            start()  # milliseconds, and no thread: forking from one would copy its locks
        else:
            threading.Thread(target=start, name="vanban-batch-pool-start", daemon=True).start()

    def free(self) -> list[Renderer]:
        """Processes ready for another chunk (ready, alive, fewer than :data:`DEPTH` held)."""
        with self._lock:
            return [r for r in self._live if r.ready and len(r.queued) < DEPTH]

    def send(self, renderer: Renderer, chunk: list[Any]) -> Pending:
        pending = Pending(chunk)
        renderer.queued.append(pending)
        try:
            renderer.conn.send(chunk)
        except (OSError, ValueError):  # died since the last look
            self._lose(renderer)
        return pending

    def collect(self, block: bool = False) -> None:
        """Receive whatever the processes have finished; with ``block``, wait until at least
        one message (or a process's end) arrives, if any process is alive."""
        with self._lock:
            live = {r.conn: r for r in self._live}
        if not live:
            return
        for conn in wait(list(live), None if block else 0):
            renderer = live[conn]  # type: ignore[index]
            try:
                while True:
                    message = renderer.conn.recv()
                    if message == READY:
                        renderer.ready = True
                    else:
                        renderer.queued.popleft().items = message
                    if not renderer.conn.poll():
                        break
            except (EOFError, OSError):
                self._lose(renderer)

    def _lose(self, renderer: Renderer) -> None:
        with self._lock:
            if renderer in self._live:
                self._live.remove(renderer)
        for pending in renderer.queued:
            pending.lost = True
        renderer.queued.clear()
        renderer.conn.close()
        renderer.process.join(timeout=1)

    def close(self) -> None:
        """Stop every process: idle ones are told to end, busy ones (the batch stopped
        early) are ended; a process still starting is ended as soon as it has started."""
        with self._lock:
            self._closed = True
            live, self._live = self._live, []
        for renderer in live:
            try:
                if renderer.queued:
                    renderer.process.terminate()
                else:
                    renderer.conn.send(None)
            except (OSError, ValueError):
                pass
            renderer.conn.close()
        for renderer in live:
            renderer.process.join(timeout=5)
            if renderer.process.is_alive():
                renderer.process.kill()
                renderer.process.join()
