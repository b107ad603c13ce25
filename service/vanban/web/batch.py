"""``POST /api/v1/batch/<template_id>``: many inputs in, a zip of documents streamed out.

The body is a JSON array of inputs (``application/json``) or JSON Lines (one input per line:
``application/x-ndjson``, ``application/jsonl`` …), up to ``VANBAN_BATCH_MAX_BYTES`` (default
64 MiB). ``?format=pdf`` (or ``odt``) converts each document (503 at once when no converter
exists). The answer is a zip streamed as documents are made (the first arrives long before the
last is rendered), ending with ``errors.json``: an input that is invalid is listed there with its
problems and the others are still made. Rendering uses the batch engine
(:mod:`vanban.batch`): a process pool over every core.
"""

from __future__ import annotations

from collections.abc import Iterator

from flask import Blueprint, Response, request

from vanban import outputs
from vanban.batch import BatchInput, BatchSummary, iter_batch, iter_zip_chunks, read_jsonl
from vanban.config import get_settings
from vanban.errors import ConversionError, problem
from vanban.ops.metrics import record_batch_item
from vanban.templates import REGISTRY
from vanban.web import documents
from vanban.web.filenames import content_disposition
from vanban.web.inputs import is_json_type, parse_json
from vanban.web.problems import RequestError

bp = Blueprint("batch", __name__, url_prefix="/api/v1")

JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines",
               "application/json-lines", "application/jsonlines", "application/ndjson")


def _too_many(count: int, fmt: str) -> None:
    """413 over ``batch_max_items`` (``batch_max_pdf_items`` for PDF), before any work."""
    settings = get_settings()
    name = "batch_max_pdf_items" if fmt == "pdf" else "batch_max_items"
    most = getattr(settings, name)
    if count > most:
        raise RequestError(413, problem(
            "batch.too-many", "", f"Lô có {count} văn bản, vượt giới hạn {most} ({name}); "
            "hãy chia nhỏ, hoặc dùng hàng đợi /api/v1/jobs.",
            f"{count} items exceed {name} = {most}", limit=name, max=most, found=count),
            title="Lô quá lớn", slug="too-large")


def _inputs(fmt: str = "docx") -> Iterator[BatchInput]:
    mimetype = request.mimetype
    if mimetype in JSONL_TYPES:
        raw = request.get_data(cache=False)
        if not raw.strip():
            raise RequestError(400, problem("input.empty", "", "Chưa có dữ liệu.", "empty body"))
        lines = raw.splitlines()
        _too_many(sum(1 for line in lines if line.strip()), fmt)
        return read_jsonl(lines)
    if is_json_type(mimetype):
        data = parse_json(request.get_data(cache=False))
        if not isinstance(data, list) or not data:
            raise RequestError(400, problem(
                "batch.not-array", "", "Dữ liệu của một lô phải là một mảng JSON [{…}, {…}] "
                "khác rỗng, hoặc JSON Lines (mỗi dòng một văn bản).",
                "a batch body is a non-empty JSON array, or JSON Lines"))
        _too_many(len(data), fmt)
        return (BatchInput(f"[{i}]", item) for i, item in enumerate(data))
    raise RequestError(415, problem(
        "request.media-type", "Content-Type",
        f"Kiểu dữ liệu “{mimetype or '(không có)'}” không dùng được; gửi application/json "
        "(mảng) hoặc application/x-ndjson (JSON Lines).",
        f"unsupported media type {mimetype!r}; send a JSON array or JSON Lines",
        accepted=["application/json", *JSONL_TYPES]))


@bp.post("/batch/<template_id>")
def batch(template_id: str) -> Response:
    REGISTRY.get(template_id)
    fmt = documents.check_format(request.args.get("format"))
    output = outputs.get(fmt)
    if output.converted:
        from vanban.pdf import converter

        if not output.available(converter()):
            raise ConversionError(problem(
                "pdf.unavailable", "format",
                f"Máy chủ chưa cài bộ chuyển sang {fmt.upper()} (LibreOffice).",
                f"no {fmt} converter on this server"))
    request.max_content_length = get_settings().batch_max_bytes
    items = iter_batch(template_id, _inputs(fmt), fmt=fmt)
    summary = BatchSummary(template_id, fmt)
    response = Response(iter_zip_chunks(
        items, summary, on_item=lambda item: record_batch_item(template_id, item.ok)),
        mimetype="application/zip")
    response.headers["Content-Disposition"] = content_disposition(f"{template_id}.zip")
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Accel-Buffering"] = "no"  # nginx: pass each chunk on at once
    return response
