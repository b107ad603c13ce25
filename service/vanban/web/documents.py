"""The one service function both blueprints call: JSON data → (bytes, media type, file name).

A thin layer over :func:`vanban.pipeline.run` (one pass: validated, built and rendered once):
the template is looked up first (404), the data is validated (422 with every problem),
rendered, and converted to the format asked for (:mod:`vanban.outputs`: PDF, ODT; 503 when no
converter writes it). The file name comes from the validated envelope.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import vanban
from vanban import outputs, pipeline
from vanban.config import get_settings
from vanban.errors import InputError, problem
from vanban.templates import REGISTRY
from vanban.web.problems import RequestError

T = TypeVar("T")

DOCX_MIME = outputs.DOCX.media_type
PDF_MIME = outputs.PDF.media_type
#: format name → media type, for every output of :mod:`vanban.outputs`.
FORMATS = {o.name: o.media_type for o in outputs.OUTPUTS.values()}


@dataclass(frozen=True, slots=True)
class Document:
    content: bytes
    mimetype: str
    filename: str


def check_format(fmt: str | None) -> str:
    """``None`` or a name of :data:`vanban.outputs.NAMES` (any case) → the format; otherwise a
    400 problem."""
    chosen = (fmt or outputs.DEFAULT.name).strip().lower()
    if chosen not in outputs.OUTPUTS:
        names = ", ".join(outputs.NAMES)
        raise RequestError(400, problem(
            "request.format", "format",
            f"Định dạng “{fmt}” không hỗ trợ; chọn một trong: {names}.",
            f"unsupported format {fmt!r}; use one of {names}", accepted=sorted(outputs.NAMES)))
    return chosen


def _as_object(data: Any) -> dict[str, Any]:
    """Parsed JSON must be an object; a JSON *string* must not be re-read as JSON text."""
    if not isinstance(data, dict):
        raise InputError(problem("input.not-object", "",
                                 "Dữ liệu phải là một đối tượng JSON {…}.", "not a JSON object"))
    return data


def validate(template_id: str, data: Any) -> None:
    """Check parsed JSON ``data``; raises :class:`InputError` with every problem."""
    REGISTRY.get(template_id)
    vanban.validate(template_id, _as_object(data))


def _within_deadline(work: Callable[[], T]) -> T:
    """Run ``work`` in its own thread; past ``render_timeout`` seconds the request gets a 422
    naming the limit (the thread finishes on its own; the sizes limits keep that short)."""
    seconds = get_settings().render_timeout
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # handed to the request's thread below
            outcome["error"] = exc

    worker = threading.Thread(target=run, name="vanban-render", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise InputError(problem(
            "limit.render-time", "", f"Tạo văn bản mất quá {seconds:g} giây (giới hạn "
            f"render_timeout = {seconds:g}); hãy chia dữ liệu thành văn bản nhỏ hơn.",
            f"rendering took longer than render_timeout = {seconds:g} s",
            limit="render_timeout", max=seconds))
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def check_for_signing(flag: str | None, fmt: str) -> bool:
    """``for_signing`` query flag: ``1`` (only with ``format=pdf``), ``0`` or absent — exactly
    the values the OpenAPI document lists; anything else is a 400 problem."""
    chosen = "0" if flag is None else flag
    if chosen not in ("0", "1"):
        raise RequestError(400, problem(
            "request.for_signing", "for_signing",
            f"Tham số for_signing “{flag}” không hợp lệ; dùng 1 (bản PDF để ký số) hoặc 0.",
            f"for_signing={flag!r} is not 0/1", accepted=["0", "1"]))
    wanted = chosen == "1"
    if wanted and fmt != "pdf":
        raise RequestError(400, problem(
            "request.for_signing", "for_signing",
            "Bản để ký số là tệp PDF: dùng format=pdf cùng for_signing=1.",
            "for_signing=1 needs format=pdf", accepted=["pdf"]))
    return wanted


def render(template_id: str, data: Any, fmt: str = "docx", for_signing: bool = False
           ) -> Document:
    """Render parsed JSON ``data`` with ``template_id`` as ``fmt`` (a name of
    :data:`vanban.outputs.NAMES`); ``for_signing``: the PDF/A with the empty signature fields
    of Nghị định 30 (:mod:`vanban.kyso`)."""
    output = outputs.get(check_format(fmt))
    data = _as_object(data)
    result = _within_deadline(lambda: pipeline.run(template_id, data))
    if for_signing:
        from vanban.kyso.prepare import prepare
        from vanban.pdf import converter

        check_for_signing("1", output.name)
        content = prepare(result, converter()).pdf
    else:
        content = output.convert(result.docx, None)
    return Document(content, output.media_type, output.filename(result.stem))
