"""One bound for the heavy work of a server process: sandboxed renders of uploaded templates,
format checks and lints of uploads, PDF conversions.

    from vanban.ops.slots import heavy
    with heavy("check"):           # BusyError (503, Retry-After) when every slot is taken
        ...

``VANBAN_HEAVY_CONCURRENCY`` slots (0 = automatic: half the server's threads, at least 1) are
shared by all of them; a request waits at most ``VANBAN_HEAVY_WAIT`` seconds for one, then is
answered ``503 server.busy`` with ``Retry-After``. The threads beyond the slots stay free for
light requests, so ``/healthz``, ``/readyz`` and JSON→.docx keep answering while uploads pile
up. A process doing one thing (the CLI, a batch worker) never waits: it holds at most one slot.

Slots are per process: gunicorn's N workers give N × slots in total (size memory for that:
each slot may hold a worker process of ``VANBAN_CHECK_MEMORY_MB`` / ``VANBAN_DESIGNER_MEMORY_MB``
or a LibreOffice).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from vanban.config import get_settings
from vanban.errors import BusyError, problem

_lock = threading.Lock()
_slots: threading.BoundedSemaphore | None = None
_size = 0
#: Slots held by this thread (a conversion inside a held slot does not take a second one).
_held = threading.local()


def size() -> int:
    settings = get_settings()
    return settings.heavy_concurrency or max(1, settings.threads // 2)


def _semaphore() -> threading.BoundedSemaphore:
    global _slots, _size
    with _lock:
        wanted = size()
        if _slots is None or wanted != _size:
            _slots, _size = threading.BoundedSemaphore(wanted), wanted
        return _slots


def busy_error(kind: str) -> BusyError:
    n = size()
    retry = max(1, int(get_settings().heavy_retry_after))
    return BusyError(problem(
        "server.busy", "", f"Máy chủ đang xử lý tối đa {n} việc nặng cùng lúc (kiểm tra tệp, "
        f"xem trước mẫu, chuyển PDF); hãy thử lại sau {retry} giây.",
        f"all {n} heavy-work slots are busy ({kind}); retry after {retry} s "
        "(VANBAN_HEAVY_CONCURRENCY)", limit="heavy_concurrency", max=n, work=kind),
        retry_after=retry)


@contextlib.contextmanager
def heavy(kind: str) -> Iterator[None]:
    """Hold one slot for the duration of the block (re-entrant per thread)."""
    if getattr(_held, "depth", 0):
        _held.depth += 1
        try:
            yield
        finally:
            _held.depth -= 1
        return
    semaphore = _semaphore()
    if not semaphore.acquire(timeout=get_settings().heavy_wait):
        raise busy_error(kind)
    _held.depth = 1
    try:
        yield
    finally:
        _held.depth = 0
        semaphore.release()
