"""The page for a whole commendation file (``GET/POST /ho-so``), nested in the ``ui``
blueprint: paste or upload the file's JSON (or start from the example), check it — every
problem with its path in the file — and download every document at once as a .zip.

A plain HTML form: it works without JavaScript.
"""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, render_template, request

from vanban.errors import VanbanError
from vanban.ho_so import chain
from vanban.web.filenames import content_disposition
from vanban.web.ho_so import ZIP_MIME, example_file
from vanban.web.inputs import parse_json

bp = Blueprint("ho_so_page", __name__)


def form_config() -> dict[str, Any]:
    """The form of ``_bieu_mau.html`` for the whole file (see :mod:`vanban.web.ho_so_form`)."""
    base = "/api/v1/ho-so-khen-thuong"
    urls = {"template-id": "ho-so", "families": "nha-nuoc dang cong-doan",
            "schema-url": f"{base}/schema", "example-url": f"{base}/example",
            "normalise-url": f"{base}/normalise", "validate-url": f"{base}/validate",
            "render-url": base, "preview-url": f"{base}/preview", "preview-kind": "ho-so",
            "pdf-url": f"{base}/pdf"}
    return {"urls": urls, "excel": False, "pdf": False, "download": "Tải cả hồ sơ (.zip)",
            "what": "từng văn bản của hồ sơ"}


def _page(text: str = "", error: VanbanError | None = None,
          docs: list[chain.VanBan] | None = None) -> str:
    return render_template("ho_so.html", text=text, error=error, valid=docs is not None,
                           docs=docs or [], bm=form_config())


@bp.get("/ho-so")
def page() -> str:
    text = json.dumps(example_file(), ensure_ascii=False, indent=2) if request.args.get(
        "mau") else ""
    return _page(text)


@bp.post("/ho-so")
def submit() -> Response | tuple[str, int] | str:
    """``action``: ``mau`` (the example), ``kiem-tra`` (check), ``zip`` (download) or
    ``zip-ky-so`` (download the PDF/A ready to sign, :mod:`vanban.kyso`)."""
    action = request.form.get("action", "kiem-tra")
    text = request.form.get("data", "")
    raw = text.encode("utf-8")
    upload = request.files.get("tep")
    if upload is not None and upload.filename:
        raw = upload.read()
        text = raw.decode("utf-8-sig", "replace")
    if action == "mau":
        return _page(json.dumps(example_file(), ensure_ascii=False, indent=2))
    try:
        data = parse_json(raw)
        if action == "zip":
            response = Response(chain.render_zip(data), mimetype=ZIP_MIME)
            response.headers["Content-Disposition"] = content_disposition(
                "ho-so-khen-thuong.zip")
            return response
        if action == "zip-ky-so":
            from vanban.kyso.prepare import ho_so_for_signing
            from vanban.pdf import converter

            response = Response(ho_so_for_signing(data, converter()), mimetype=ZIP_MIME)
            response.headers["Content-Disposition"] = content_disposition(
                "ho-so-khen-thuong-ky-so.zip")
            return response
        docs = chain.plan(data)
    except VanbanError as exc:
        return _page(text, error=exc), exc.status
    return _page(text, docs=docs)
