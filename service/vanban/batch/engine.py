"""The batch engine: inputs in, one :class:`BatchItem` per input out, in input order.

Work is spread over ``workers`` renderers (``None`` = the setting ``VANBAN_BATCH_WORKERS``,
where 0 means every core this process may use): this process and a pool of ``workers − 1``
processes. The template's families are compiled once in this process before the pool starts
(forked workers inherit them; see :func:`start_method`). Inputs go to the pool in chunks of
:data:`CHUNK` (one message per chunk, not per document) and each pool process always has a
chunk queued behind the one it renders; whenever the next result in order is not ready yet,
this process renders the next chunk itself instead of waiting. So on 2 cores the batch uses
exactly 2 processes — no third one competing for a core — and the parent's own work per
document (receive, zip entry) is small next to a render. At most :func:`max_in_flight` items
are in flight, so memory does not grow with the batch: inputs are pulled from an iterator only
when a slot frees up, and each result is handed to the caller in input order before more are
read. ``workers=1`` renders in this process only.

An item that fails (invalid data, unreadable JSON, a failed PDF conversion, even an
unexpected exception) becomes a :class:`BatchItem` with ``problems``; the batch goes on.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from vanban import outputs
from vanban.config import get_settings
from vanban.errors import InputError, Problem, VanbanError, problem
from vanban.templates import REGISTRY

FORMATS = outputs.NAMES
#: Inputs per message to a pool process: the queue and pickling cost is paid per chunk.
CHUNK = 4


@dataclass(frozen=True, slots=True)
class BatchInput:
    """One input: where it came from (a file name, ``dòng 3``, ``[2]``) and its data
    (a parsed JSON object, or the bytes of JSON text, parsed by the worker; anything else —
    a JSON string or number in an array — is reported as not an object)."""

    source: str
    data: Any


@dataclass(frozen=True, slots=True)
class BatchItem:
    """One result: the document (``content``, named ``stem`` + ``.fmt``) or its problems."""

    index: int
    source: str
    fmt: str
    stem: str = ""
    content: bytes | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.content is not None


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def resolve_workers(workers: int | None) -> int:
    if workers is None:
        workers = get_settings().batch_workers
    return workers if workers > 0 else cpu_count()


def _init_worker(template_id: str) -> None:
    """Pool initializer: compile every family of the template once per worker process."""
    spec = REGISTRY.get(template_id)
    for family in spec.families:
        REGISTRY.compiled(template_id, family)


def max_in_flight(workers: int) -> int:
    """Inputs read but not yet handed to the caller, at most (the batch's memory bound)."""
    return CHUNK * _slots(workers - 1) if workers > 1 else 1


def _slots(processes: int) -> int:
    return 2 * processes + 2  # a chunk rendering and one queued per process, two in the parent


def _ready() -> bool:
    """A first task for the pool: done as soon as a pool process runs."""
    return True


def render_chunk(template_id: str, fmt: str,
                 chunk: list[tuple[int, BatchInput]]) -> list[BatchItem]:
    return [render_one(template_id, fmt, index, item) for index, item in chunk]


def render_one(template_id: str, fmt: str, index: int, item: BatchInput) -> BatchItem:
    """Render one input; never raises (problems are returned in the item)."""
    from vanban import pipeline

    try:
        if not isinstance(item.data, dict | bytes | bytearray):
            raise InputError(problem("input.not-object", "",
                                     "Dữ liệu phải là một đối tượng JSON {…}.",
                                     "not a JSON object"))
        result = pipeline.run(template_id, item.data)
        content = outputs.get(fmt).convert(result.docx, None)
        return BatchItem(index, item.source, fmt, result.stem, content)
    except VanbanError as exc:
        return BatchItem(index, item.source, fmt, problems=exc.problems)
    except Exception:  # noqa: BLE001 — one bad item must not stop the batch
        logging.getLogger("vanban.batch").exception("item %d (%s) failed", index, item.source)
        return BatchItem(index, item.source, fmt, problems=[problem(
            "batch.internal", "", "Lỗi không mong đợi khi tạo văn bản này; chi tiết đã được ghi "
            "vào nhật ký máy chủ.", "unexpected error (see the server log)")])


def start_method() -> str:
    """``fork`` from a single-threaded process (fast: workers inherit the compiled template,
    and scripts need no ``if __name__ == "__main__"`` guard); ``forkserver`` when other
    threads run (a threaded web server: forking them is unsafe); ``spawn`` elsewhere."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _pool(template_id: str, workers: int) -> ProcessPoolExecutor:
    method = start_method()
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(["vanban.batch.preload"])  # compile once, not per worker
    return ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                               initargs=(template_id,))


def iter_batch(template_id: str, items: Iterable[BatchInput], fmt: str = "docx",
               workers: int | None = None) -> Iterator[BatchItem]:
    """Render every input with ``template_id``; yields one :class:`BatchItem` per input, in
    order. Raises at once (before any work) for an unknown template or format."""
    REGISTRY.get(template_id)
    if fmt not in FORMATS:
        raise ValueError(f"unsupported format {fmt!r}; use one of {FORMATS}")
    n = resolve_workers(workers)
    _init_worker(template_id)  # a broken template fails here, before any item
    if n == 1:
        return (render_one(template_id, fmt, i, it) for i, it in enumerate(items))
    return _pooled(template_id, items, fmt, n)


def _pooled(template_id: str, items: Iterable[BatchInput], fmt: str,
            workers: int) -> Iterator[BatchItem]:
    processes = workers - 1  # this process renders too
    source = enumerate(items)
    slots: deque[Future[list[BatchItem]] | list[BatchItem]] = deque()
    limit = _slots(processes)

    def next_chunk() -> list[tuple[int, BatchInput]]:
        return list(islice(source, CHUNK))

    exhausted = False
    pool = _pool(template_id, processes)
    # Until a pool process runs (a fork server compiles every template first: seconds for
    # the first batch of a server), this process renders alone, so the first documents
    # are not held behind the pool's start; a pool that cannot start leaves it all here.
    ready = _start(pool)
    try:
        while True:
            usable = ready.done() and not ready.cancelled() and ready.exception() is None
            # Keep every pool process busy: one chunk rendering, one queued.
            while usable and not exhausted and len(slots) < limit and sum(
                    isinstance(s, Future) and not s.done() for s in slots) < 2 * processes:
                chunk = next_chunk()
                if not chunk:
                    exhausted = True
                    break
                slots.append(pool.submit(render_chunk, template_id, fmt, chunk))
            if not slots:
                chunk = [] if exhausted else next_chunk()
                if not chunk:
                    return
                slots.append(render_chunk(template_id, fmt, chunk))
                continue
            head = slots[0]
            if isinstance(head, Future) and not head.done() and not exhausted \
                    and len(slots) < limit:
                chunk = next_chunk()  # rather than wait, render the next chunk here
                if chunk:
                    slots.append(render_chunk(template_id, fmt, chunk))
                else:
                    exhausted = True
                continue
            slots.popleft()
            yield from (head.result() if isinstance(head, Future) else head)
    finally:  # the consumer stopped early (client gone): drop what is queued
        for slot in slots:
            if isinstance(slot, Future):
                slot.cancel()
        if ready.done() or _forks(pool):  # started: its processes end at once
            pool.shutdown(wait=True, cancel_futures=True)
        else:  # still starting through a fork server: the end of the zip does not wait
            threading.Thread(target=pool.shutdown, kwargs={"cancel_futures": True},
                             name="vanban-batch-pool-stop", daemon=True).start()


def _forks(pool: ProcessPoolExecutor) -> bool:
    context = getattr(pool, "_mp_context", None)  # the executor keeps it, without a getter
    return context is not None and context.get_start_method() == "fork"


def _start(pool: ProcessPoolExecutor) -> Future[bool]:
    """Start the pool's processes; the future is done when one runs. A plain fork takes
    milliseconds and is done here, in this thread (forking from another thread while this
    one renders could copy a lock it holds); through a fork server or spawn, starting blocks
    until the server has imported vanban and compiled the templates, so another thread waits
    for that while this one renders."""
    if _forks(pool):
        return pool.submit(_ready)
    ready: Future[bool] = Future()

    def relay(inner: Future[bool]) -> None:
        if inner.cancelled():
            ready.cancel()
        elif inner.exception() is not None:
            ready.set_exception(inner.exception())  # type: ignore[arg-type]
        else:
            ready.set_result(True)

    def start() -> None:
        try:
            pool.submit(_ready).add_done_callback(relay)
        except BaseException as exc:  # noqa: BLE001 — shut down meanwhile, or broken
            ready.set_exception(exc)

    threading.Thread(target=start, name="vanban-batch-pool-start", daemon=True).start()
    return ready
