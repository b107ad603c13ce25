"""Items → documents → zip. The one place that renders a job's items (kept small so the batch
engine, ``vanban.batch.iter_batch`` / ``write_zip``, can replace it).

A chunk's zip holds ``NNNN <số-ký hiệu trích yếu>.docx`` (or ``.pdf``) for every item that
rendered (``NNNN`` is the item's 1-based position in the whole batch) and ``errors.json``:
``[{"index", "problems"}]`` for every item that did not — so no item is ever dropped silently.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable, Iterator
from typing import Any

from vanban.errors import VanbanError, problem

ERRORS_NAME = "errors.json"


def iter_items(template_id: str, items: list[Any], start: int = 0,
               fmt: str = "docx") -> Iterator[tuple[int, str, bytes | None, list[dict]]]:
    """``(index, file name, .docx/.pdf or None, problems)`` for each item, in order."""
    from vanban.web.documents import render

    for offset, item in enumerate(items):
        index = start + offset
        try:
            doc = render(template_id, item, fmt)
        except VanbanError as exc:
            yield index, "", None, [p.to_dict() for p in exc.problems]
            continue
        except Exception as exc:  # one broken item never loses the others
            yield index, "", None, [problem("internal", "", "Lỗi ngoài dự kiến khi tạo văn bản.",
                                            f"{type(exc).__name__}: {exc}").to_dict()]
            continue
        yield index, f"{index + 1:04d} {doc.filename}", doc.content, []


def render_zip(template_id: str, items: list[Any], start: int = 0,
               progress: Callable[[bool], None] = lambda ok: None, fmt: str = "docx") -> bytes:
    """Render ``items`` (positions ``start``…) into one zip with ``errors.json``."""
    buffer = io.BytesIO()
    errors = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for index, name, content, problems in iter_items(template_id, items, start, fmt):
            if content is None:
                errors.append({"index": index, "problems": problems})
            else:  # a .docx is a zip already, a PDF compressed: stored, not deflated twice
                zf.writestr(name, content, zipfile.ZIP_STORED)
            progress(content is not None)
        zf.writestr(ERRORS_NAME, json.dumps(errors, ensure_ascii=False, indent=2))
    return buffer.getvalue()


def merge_zips(parts: list[bytes], errors: list[dict] | None = None) -> bytes:
    """Chunk zips → one zip: every document, and one ``errors.json`` sorted by index (with
    ``errors`` found outside the chunks)."""
    buffer = io.BytesIO()
    errors = list(errors or [])
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for part in parts:
            with zipfile.ZipFile(io.BytesIO(part)) as zf:
                for info in zf.infolist():
                    if info.filename == ERRORS_NAME:
                        errors += json.loads(zf.read(info))
                    else:
                        out.writestr(info.filename, zf.read(info), zipfile.ZIP_STORED)
        errors.sort(key=lambda e: e["index"])
        out.writestr(ERRORS_NAME, json.dumps(errors, ensure_ascii=False, indent=2))
    return buffer.getvalue()
