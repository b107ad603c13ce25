"""Items → documents → zip for queued jobs, on the batch engine (:mod:`vanban.batch`).

A chunk is rendered by :func:`vanban.batch.iter_batch` (one process: a ``vanban worker`` is the
unit of parallelism — run one per core) and written by :func:`vanban.batch.write_zip`, so a job's
zip is the same as ``vanban batch`` and ``POST /api/v1/batch`` give: documents named from số,
ký hiệu and trích yếu (unique), then ``errors.json`` — ``{template, format, total, ok, failed,
errors: [{index, source, problems}]}`` with ``index`` the item's position in the whole job.
:func:`merge_zips` joins the chunks' zips into one, names kept unique, errors in order.
"""

from __future__ import annotations

import dataclasses
import io
import json
import zipfile
from collections.abc import Callable
from typing import Any

from vanban.batch import ERRORS_NAME, BatchInput, BatchSummary, iter_batch, write_zip
from vanban.naming import UniqueNames

__all__ = ["ERRORS_NAME", "merge_zips", "render_zip"]


def render_zip(template_id: str, items: list[Any], start: int = 0,
               progress: Callable[[bool], None] = lambda ok: None, fmt: str = "docx") -> bytes:
    """Render ``items`` (positions ``start``…) into one zip with ``errors.json``; ``progress``
    is called with ``True``/``False`` after each item."""
    inputs = (BatchInput(f"[{start + i}]", item) for i, item in enumerate(items))
    rendered = (dataclasses.replace(item, index=item.index + start)
                for item in iter_batch(template_id, inputs, fmt, workers=1))
    buffer = io.BytesIO()
    write_zip(rendered, buffer, template_id, fmt, on_item=lambda item: progress(item.ok))
    return buffer.getvalue()


def merge_zips(parts: list[bytes], lost: list[dict] | None = None, template: str = "",
               fmt: str = "docx") -> bytes:
    """Chunk zips (in order) → one zip: every document, then one ``errors.json`` counting
    them all, with ``lost`` (items of chunks that never finished) among the errors."""
    summary = BatchSummary(template, fmt, errors=list(lost or []))
    names = UniqueNames()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED, allowZip64=True) as out:
        for part in parts:
            with zipfile.ZipFile(io.BytesIO(part)) as zf:
                for info in zf.infolist():
                    if info.filename == ERRORS_NAME:
                        report = json.loads(zf.read(info))
                        summary.errors += report["errors"]
                        summary.ok += report["ok"]
                        continue
                    stem, _, ext = info.filename.rpartition(".")
                    out.writestr(zipfile.ZipInfo(names.take(stem, ext), info.date_time),
                                 zf.read(info))
        summary.errors.sort(key=lambda e: e["index"])
        summary.total = summary.ok + summary.failed
        out.writestr(ERRORS_NAME, json.dumps(summary.to_dict(), ensure_ascii=False, indent=2),
                     zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
