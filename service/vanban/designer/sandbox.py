"""Jinja's sandbox and per-render limits for templates that did not ship with vanban.

Two layers, because neither is enough alone:

* inside the render, :class:`SafeEnvironment` (Jinja's ``SandboxedEnvironment``, autoescape,
  ``StrictUndefined`` like the engine) refuses ``__class__``/``__mro__`` and friends, caps
  ``range()`` at 100 000 items, and :class:`LimitedTemplate` streams the output, stopping when
  it grows past ``max_output`` characters or the deadline passes; every call, attribute and
  item access checks the deadline too. This gives a clear error in the common cases.
* around the render, :func:`run_isolated` runs the whole job in a child process (forked, or
  from the fork server in a threaded server; memory capped with ``RLIMIT_AS``) and kills it at
  ``timeout``: a loop with no output and no calls (``{% for i in r %}{% for j in r %}…``)
  cannot be interrupted from inside Python, but the server thread waiting for it is never
  blocked for longer than the limit.

Problem codes: ``sandbox.unsafe``, ``sandbox.range``, ``sandbox.timeout``,
``sandbox.output-too-large``, ``sandbox.memory``, ``sandbox.crashed``.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import pickle
import re
import resource
import time
import traceback
from collections.abc import Callable
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from vanban.config import get_settings
from vanban.errors import Problem, TemplateError, VanbanError, problem
from vanban.render.filters import FILTERS

log = logging.getLogger("vanban.sandbox")


class RenderLimit(Exception):
    """A render went over its time or output budget (not a Jinja error: it is never caught
    and re-labelled by the engine on its way out)."""

    def __init__(self, item: Problem) -> None:
        super().__init__(item.message_en)
        self.problem = item


def timeout_problem(seconds: float) -> Problem:
    return problem(
        "sandbox.timeout", "template",
        f"Mẫu chạy quá {seconds:g} giây nên đã bị dừng (có vòng lặp quá dài hoặc vô hạn?). "
        "Hãy kiểm tra các thẻ {% for %} và dữ liệu mà chúng duyệt.",
        f"render stopped after {seconds:g} s (endless or huge loop?)", seconds=seconds)


def _output_problem(limit: int) -> Problem:
    return problem(
        "sandbox.output-too-large", "template",
        f"Mẫu sinh ra quá nhiều nội dung (hơn {limit:,} ký tự XML) nên đã bị dừng. "
        "Hãy kiểm tra các vòng lặp {% for %}.",
        f"rendered XML over {limit} characters", limit=limit)


class LimitedTemplate(jinja2.Template):
    """``render`` that streams and counts, so a runaway loop stops with a clear error."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        env = self.environment
        assert isinstance(env, SafeEnvironment)
        ctx = self.new_context(dict(*args, **kwargs))
        out: list[str] = []
        size = 0
        try:
            for chunk in self.root_render_func(ctx):
                size += len(chunk)
                if size > env.max_output:
                    raise RenderLimit(_output_problem(env.max_output))
                env.check_time()
                out.append(chunk)
        except (RenderLimit, SecurityError):
            raise
        except Exception:
            env.handle_exception()
        return "".join(out)


_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
#: A Python repr after Jinja folded a constant expression and escaped it at compile time.
_ESCAPED_REPR = re.compile(r"&lt;[^&]* at 0x[0-9a-fA-F]+&gt;")


def _printable(value: Any) -> Any:
    """What ``{{ … }}`` may print: never a function, method or object whose text is Python's
    ``<… at 0x7f…>`` (a memory address tells an attacker about the server)."""
    if isinstance(value, jinja2.Undefined):  # StrictUndefined says which name is missing
        return value
    if hasattr(value, "__html__") and isinstance(value, str) and _ESCAPED_REPR.search(value):
        raise SecurityError("cannot print an internal object (a Python repr)")
    if callable(value) and not hasattr(value, "__html__"):
        raise SecurityError(f"cannot print a function or method ({type(value).__name__})")
    if not isinstance(value, str | int | float | bool) and value is not None and \
            _ADDRESS.search(str(value)):
        raise SecurityError(f"cannot print an internal object ({type(value).__name__})")
    return value


#: (timeout, max_output) the parent passed to this worker process; None in the parent.
_LIMITS: tuple[float, int] | None = None


class SafeEnvironment(SandboxedEnvironment):
    """The sandbox with vanban's engine settings and a deadline."""

    template_class = LimitedTemplate

    def __init__(self, timeout: float | None = None, max_output: int | None = None,
                 placeholders: bool = False) -> None:
        """``placeholders``: a missing variable prints as «name» (previews) instead of
        failing (:mod:`vanban.designer.placeholders`)."""
        from vanban.designer.placeholders import Placeholder

        super().__init__(autoescape=True,
                         undefined=Placeholder if placeholders else jinja2.StrictUndefined,
                         keep_trailing_newline=True, finalize=_printable)
        self.filters.update(FILTERS)  # vanban's own, as the engine's environment
        settings = get_settings()
        default_timeout, default_output = _LIMITS or (settings.designer_timeout,
                                                      settings.designer_max_output)
        self.timeout = default_timeout if timeout is None else timeout
        self.max_output = default_output if max_output is None else max_output
        self.deadline = time.monotonic() + self.timeout

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        """Refuse at once (Jinja returns an undefined that fails only when printed; a
        preview's placeholders would print it)."""
        raise SecurityError(f"access to attribute {attribute!r} of {type(obj).__name__!r} "
                            "object is unsafe.")

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise RenderLimit(timeout_problem(self.timeout))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        __self.check_time()
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.check_time()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.check_time()
        return super().getitem(obj, argument)


def translate(exc: BaseException, where: str = "template") -> Problem | None:
    """A sandbox problem for an exception raised while rendering (or its cause), else None."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, RenderLimit):
            return cur.problem
        if isinstance(cur, SecurityError):
            return problem(
                "sandbox.unsafe", where,
                f"Mẫu dùng thao tác bị cấm vì lý do an toàn: {str(cur).rstrip('.')}. "
                "Mẫu chỉ được đọc dữ liệu (không truy cập thuộc tính bắt đầu bằng “_”, "
                "không gọi hàm hệ thống).",
                f"sandbox refused: {cur}")
        if isinstance(cur, OverflowError):
            return problem(
                "sandbox.range", where,
                "Mẫu gọi range() với quá nhiều phần tử (tối đa 100 000).",
                f"range too big: {cur}")
        if isinstance(cur, RecursionError):
            return problem(
                "sandbox.too-deep", where,
                "Mẫu hoặc tệp lồng nhau quá sâu (biểu thức, thẻ hoặc cấu trúc lồng quá nhiều "
                "tầng) nên không xử lý được; hãy tách biểu thức thành nhiều bước.",
                "nesting too deep (RecursionError)")
        if isinstance(cur, MemoryError):
            return problem("sandbox.memory", where, "Mẫu dùng quá nhiều bộ nhớ nên đã bị dừng.",
                           "render ran out of memory")
        cur = cur.__cause__ or cur.__context__
    return None


# ------------------------------------------------------------------ worker process


def _crashed(where: str) -> Problem:
    """No Python text in what the client sees (issue 19): the detail goes to the log."""
    return problem(
        "sandbox.crashed", where,
        "Lỗi khi xử lý tệp tải lên; chi tiết đã được ghi vào nhật ký máy chủ (kèm mã yêu cầu).",
        "the worker failed; details are in the server log under the request id")


def _child(conn: Any, fn: Callable[..., Any], args: tuple, kwargs: dict,
           limits: tuple[float, int, int], where: str) -> None:
    global _LIMITS
    timeout, max_output, memory_mb = limits
    _LIMITS = (timeout, max_output)
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    detail = ""
    try:
        result: tuple[str, Any] = ("ok", fn(*args, **kwargs))
    except VanbanError as exc:
        result = ("error", exc)
    except BaseException as exc:  # anything else: report it, never hang the parent
        found = translate(exc, where)
        if found is None:
            detail = "".join(traceback.format_exception(exc))[-4000:]
        result = ("error", TemplateError(found or _crashed(where)))
    try:
        conn.send_bytes(pickle.dumps((*result, detail)))
    except Exception as exc:  # e.g. an unpicklable exception
        conn.send_bytes(pickle.dumps(("error", TemplateError(_crashed(where)),
                                      f"unpicklable result: {exc!r}")))
    finally:
        conn.close()


#: What the fork server imports once, so each worker starts with it (shared with the batch
#: pool: one fork server per process, whoever starts it first gives the list).
PRELOAD = ["vanban.batch.preload", "vanban.designer.render", "vanban.designer.lint",
           "vanban.check", "vanban.workbook.read"]


def _context() -> Any:
    """``fork`` from a single-threaded process (the CLI: fast, no main-module guard needed),
    the fork server from a threaded one (a web server), as the batch pool decides."""
    from vanban.batch.engine import start_method

    method = start_method()
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(PRELOAD)
    return ctx


def _nothing() -> None:
    return None


def start_workers() -> None:
    """Start the fork server now (a web server calls this at start, in a thread): it imports
    :data:`PRELOAD` once, which would otherwise delay the first upload by seconds."""
    ctx = _context()
    if ctx.get_start_method() == "forkserver":
        proc = ctx.Process(target=_nothing, daemon=True)
        proc.start()
        proc.join(timeout=120)


def run_bounded(fn: Callable[..., Any], *args: Any, timeout: float, memory_mb: int,
                on_timeout: Callable[[float], Problem], where: str = "template",
                kind: str = "sandbox", max_output: int | None = None, **kwargs: Any) -> Any:
    """``fn(*args, **kwargs)`` in a child process with an address-space limit of
    ``memory_mb`` (0: none), killed after ``timeout`` seconds (``on_timeout(timeout)`` is the
    problem then), holding one of the server's heavy-work slots (:mod:`vanban.ops.slots`).

    ``fn`` must be a module-level function; its result and any :class:`VanbanError` it raises
    come back to the caller; any other failure is ``sandbox.crashed`` at ``where``, its
    traceback logged (never sent to the client)."""
    from vanban.ops.slots import heavy

    settings = get_settings()
    output = settings.designer_max_output if max_output is None else max_output
    with heavy(kind):
        ctx = _context()
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_child, daemon=True,
                           args=(child, fn, args, kwargs, (timeout, output, memory_mb), where))
        proc.start()
        child.close()
        try:
            # The child's own deadline fires first with a precise message; this is the backstop.
            if not parent.poll(timeout + 0.25):
                raise TemplateError(on_timeout(timeout))
            try:
                status, value, detail = pickle.loads(parent.recv_bytes())
            except (EOFError, OSError):
                log.warning("%s worker died (exit code %s; memory limit %s MiB?)", kind,
                            proc.exitcode, memory_mb)
                raise TemplateError(problem(
                    "sandbox.crashed", where,
                    "Tiến trình xử lý tệp tải lên dừng đột ngột (có thể do dùng quá nhiều bộ nhớ).",
                    f"worker died (exit code {proc.exitcode})")) from None
        finally:
            parent.close()
            if proc.is_alive():
                proc.kill()
            proc.join(timeout=5)
    if detail:
        log.error("%s worker failed: %s", kind, detail)
    if status == "error":
        # Unpickling re-runs __init__ with the message as "problems"; the problems themselves
        # come back through __dict__, so rebuild the message from them.
        value.args = ("\n".join(str(p) for p in value.problems),)
        raise value
    return value


def run_isolated(fn: Callable[..., Any], *args: Any, timeout: float | None = None,
                 **kwargs: Any) -> Any:
    """``fn(*args, **kwargs)`` in a child process, killed after ``timeout`` seconds (default
    ``designer_timeout``), memory ``designer_memory_mb``: the uploaded template's render.

    A killed child raises :class:`TemplateError` ``sandbox.timeout``."""
    settings = get_settings()
    limit = settings.designer_timeout if timeout is None else timeout
    return run_bounded(fn, *args, timeout=limit, memory_mb=settings.designer_memory_mb,
                       on_timeout=timeout_problem, **kwargs)
