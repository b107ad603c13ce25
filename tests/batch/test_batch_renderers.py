"""The pool's processes and their pipes (:mod:`vanban.batch.renderers`)."""

from __future__ import annotations

import threading

from conftest import FIXTURES, TEMPLATE
from vanban.batch.renderers import Renderers, serve

MB = 1 << 20


def _nothing() -> None:
    pass


def _big(chunk: list[bytes]) -> list[bytes]:
    return [b"r" * (2 * MB) for _ in chunk]


def test_large_chunks_and_results_never_deadlock() -> None:
    """Both ways at once: this process sends a 3 MB chunk while the pool process writes a
    4 MB result, far beyond a pipe's buffer. Without the pool process's reader thread each
    would wait for the other to read, for ever."""
    pool = Renderers("fork", 1, serve, (_nothing, _big))
    got: list[list[bytes]] = []

    def run() -> None:
        pending = []
        while not pool.free():
            pool.collect(block=True)
        renderer = pool.free()[0]
        for _ in range(6):
            while len(renderer.queued) >= 2:
                pool.collect(block=True)
            pending.append(pool.send(renderer, [b"c" * (1536 * 1024)] * 2))
        while not all(p.done for p in pending):
            pool.collect(block=True)
        got.extend(p.items or [] for p in pending)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(60)
    pool.close()
    assert not thread.is_alive(), "deadlocked"
    assert len(got) == 6 and all(len(items) == 2 and len(items[0]) == 2 * MB for items in got)


def test_close_ends_busy_and_idle_processes() -> None:
    import multiprocessing

    pool = Renderers("fork", 2, serve, (_nothing, _big))
    while len(pool.free()) < 2:
        pool.collect(block=True)
    pool.send(pool.free()[0], [b"x"] * 50)  # busy for a while
    pool.close()
    assert multiprocessing.active_children() == []


def test_a_spawned_or_fork_server_process_renders_a_chunk() -> None:
    """Started without fork (a threaded web server, macOS, Windows): the process is started
    in a thread of its own, imports vanban, compiles the template and then renders."""
    from functools import partial

    from vanban.batch import engine
    from vanban.batch.engine import BatchInput

    chunk = [(i, BatchInput(name, FIXTURES[name].read_bytes()))
             for i, name in enumerate(sorted(FIXTURES))]
    for method in ("spawn", "forkserver"):
        pool = Renderers(method, 1, serve, (partial(engine._init_worker, TEMPLATE),
                                            partial(engine.render_chunk, TEMPLATE, "docx")))
        try:
            assert pool.started.wait(120), method
            while not pool.free():
                pool.collect(block=True)
            pending = pool.send(pool.free()[0], chunk)
            while not pending.done:
                pool.collect(block=True)
        finally:
            pool.close()
        assert [i.source for i in pending.items or []] == sorted(FIXTURES), method
        assert all(i.ok and i.content.startswith(b"PK") for i in pending.items or []), method


def test_a_forked_process_takes_chunks_at_once() -> None:
    """Forked, it has the compiled template already: chunks wait in its pipe while it starts
    (before: none was sent until it said READY, so this process rendered the batch's first,
    coldest chunk alone while the other core idled)."""
    pool = Renderers("fork", 1, serve, (_nothing, _big))
    try:
        assert len(pool.free()) == 1
        pending = pool.send(pool.free()[0], [b"x"])
        while not pending.done:
            pool.collect(block=True)
        assert pending.items == [b"r" * (2 * MB)]
    finally:
        pool.close()
