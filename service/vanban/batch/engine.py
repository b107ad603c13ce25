"""The batch engine: inputs in, one :class:`BatchItem` per input out, in input order.

Work is spread over a process pool (``workers`` processes; ``None`` = the setting
``VANBAN_BATCH_WORKERS``, where 0 means every core this process may use). Each worker
compiles the template's families once, in the pool initializer, then renders items with
:func:`vanban.pipeline.run`. At most ``4 × workers`` items are in flight, so memory does not
grow with the batch: inputs are pulled from an iterator only when a slot frees up, and each
result is handed to the caller before more are read. ``workers=1`` renders in this process.

An item that fails (invalid data, unreadable JSON, a failed PDF conversion, even an
unexpected exception) becomes a :class:`BatchItem` with ``problems``; the batch goes on.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from vanban import outputs
from vanban.config import get_settings
from vanban.errors import InputError, Problem, VanbanError, problem
from vanban.templates import REGISTRY

FORMATS = outputs.NAMES


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
    except Exception as exc:  # noqa: BLE001 — one bad item must not stop the batch
        return BatchItem(index, item.source, fmt, problems=[problem(
            "batch.internal", "", f"Lỗi không mong đợi khi tạo văn bản: {type(exc).__name__}.",
            f"unexpected {type(exc).__name__}: {exc}")])


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
    window = 4 * workers
    pending: deque[Future[BatchItem]] = deque()
    source = enumerate(items)
    with _pool(template_id, workers) as pool:
        try:
            for index, item in source:
                pending.append(pool.submit(render_one, template_id, fmt, index, item))
                if len(pending) >= window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:  # the consumer stopped early (client gone): drop what is queued
            for fut in pending:
                fut.cancel()
