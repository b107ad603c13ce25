"""The batch engine: inputs in, one :class:`BatchItem` per input out, in input order.

Work is spread over ``workers`` renderers (``None`` = the setting ``VANBAN_BATCH_WORKERS``,
where 0 means every core this process may use): this process and a pool of ``workers − 1``
processes. The template's families are compiled once in this process before the pool starts
(forked workers inherit them; see :func:`start_method`). Inputs go to the pool
(:mod:`vanban.batch.renderers`: a pipe per process, no thread in this one) in chunks of
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

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from typing import Any

from vanban import outputs
from vanban.batch.renderers import DEPTH, Pending, Renderers, serve
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
        import logging

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


def _pool(template_id: str, fmt: str, processes: int) -> Renderers:
    method = start_method()
    if method == "forkserver":
        multiprocessing.get_context(method).set_forkserver_preload(
            ["vanban.batch.preload"])  # compile once, not per worker
    return Renderers(method, processes, serve, (partial(_init_worker, template_id),
                                                partial(render_chunk, template_id, fmt)))


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
    source = enumerate(items)
    # In input order: a chunk in a pool process (Pending) or rendered here (its items).
    slots: deque[Pending | list[BatchItem]] = deque()
    limit = _slots(workers - 1)
    exhausted = False

    def next_chunk() -> list[tuple[int, BatchInput]]:
        nonlocal exhausted
        chunk = [] if exhausted else list(islice(source, CHUNK))
        exhausted = not chunk
        return chunk

    def here(chunk: list[tuple[int, BatchInput]]) -> list[BatchItem]:
        return render_chunk(template_id, fmt, chunk)

    # Until a pool process is ready (a fork server compiles every template first: seconds
    # for the first batch of a server), this process renders alone, so the first documents
    # are not held behind the pool's start; a pool that cannot start leaves it all here.
    pool = _pool(template_id, fmt, workers - 1)  # this process renders too
    try:
        while True:
            pool.collect()
            for renderer in pool.free():  # keep every pool process busy
                while len(renderer.queued) < DEPTH and len(slots) < limit:
                    chunk = next_chunk()
                    if not chunk:
                        break
                    slots.append(pool.send(renderer, chunk))
            if not slots:
                chunk = next_chunk()
                if not chunk:
                    return
                slots.append(here(chunk))
                continue
            head = slots[0]
            if isinstance(head, Pending):
                if head.lost and head.items is None:  # its process died: render it here
                    slots[0] = head = here(head.chunk)
                elif head.items is None:
                    chunk = next_chunk() if len(slots) < limit else []
                    if chunk:  # rather than wait, render the next chunk here
                        slots.append(here(chunk))
                    else:
                        waiting = [s for s in slots if isinstance(s, Pending) and not s.done]
                        if exhausted and len(waiting) > 1:
                            # The batch's tail: rather than idle, render here the chunk a
                            # pool process would start last (its copy is then discarded).
                            waiting[-1].items = here(waiting[-1].chunk)
                        else:
                            pool.collect(block=True)
                    continue
            slots.popleft()
            yield from (head.items or []) if isinstance(head, Pending) else head
    finally:  # done, or the consumer stopped early (client gone): the processes end
        pool.close()
