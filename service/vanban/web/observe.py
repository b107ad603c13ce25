"""Request ids, the access log line and Prometheus metrics for every request; ``GET /metrics``.

* The request id is the client's ``X-Request-ID`` when it is a sane token (letters, digits,
  ``-_.:``, at most 128), else a fresh one; it is echoed in the ``X-Request-ID`` response header
  and in problem+json bodies (``request_id``), and written on the access line.
* A response carrying a .docx, a PDF or a zip for a ``<template_id>`` route counts as a render
  of that template in that format; a PDF answer counts as a conversion (503 as a failed one).
"""

from __future__ import annotations

import hmac
import re
import time
import uuid

from flask import Blueprint, Flask, Response, abort, g, request

from vanban import outputs
from vanban.config import get_settings
from vanban.ops import logs, metrics

bp = Blueprint("observe", __name__)

HEADER = "X-Request-ID"
_SANE_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
#: Response media type → the ``format`` label of the render metrics (every output, and zip).
FORMATS = {**{o.media_type: o.name for o in outputs.OUTPUTS.values()}, "application/zip": "zip"}


def request_id() -> str:
    """The current request's id ("" outside a request)."""
    return g.get("request_id", "")


#: Label values for methods; anything else (``FOO``, ``PROPFIND`` …) is counted as ``other``,
#: like a path that matches no route: a client cannot grow /metrics by inventing them.
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
OTHER = "other"


@bp.get("/metrics")
def metrics_page() -> Response:
    settings = get_settings()
    if not settings.metrics or settings.metrics_bind:  # off, or on its own port
        abort(404)
    if settings.metrics_token:
        given = request.headers.get("Authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {settings.metrics_token}".encode()):
            response = Response("401 Unauthorized: /metrics needs its bearer token "
                                "(VANBAN_METRICS_TOKEN)\n", status=401, mimetype="text/plain")
            response.headers["WWW-Authenticate"] = 'Bearer realm="metrics"'
            return response
    body, content_type = metrics.exposition()
    return Response(body, content_type=content_type)


def _backend() -> str:
    """The PDF converter's name (``libreoffice``, ``warm``, ``gotenberg`` …)."""
    try:
        from vanban.pdf import converter

        return str(getattr(converter(), "name", "?"))
    except Exception:  # a misconfigured converter is already reported by the response
        return "?"


def _start() -> None:
    given = request.headers.get(HEADER, "")
    g.request_id = given if _SANE_ID.fullmatch(given) else uuid.uuid4().hex
    g.started = time.perf_counter()


def _finish(response: Response) -> Response:
    response.headers[HEADER] = request_id()
    seconds = time.perf_counter() - g.get("started", time.perf_counter())
    route = request.url_rule.rule if request.url_rule else OTHER
    method = request.method if request.method in METHODS else OTHER
    template = (request.view_args or {}).get("template_id")
    fmt = FORMATS.get(response.mimetype or "")
    metrics.REQUESTS.labels(method, route, str(response.status_code)).inc()
    metrics.REQUEST_SECONDS.labels(method, route).observe(seconds)
    if template and fmt and response.status_code == 200:
        metrics.RENDERS.labels(template, fmt).inc()
        metrics.RENDER_SECONDS.labels(template, fmt).observe(seconds)
    converted = fmt in outputs.OUTPUTS and outputs.OUTPUTS[fmt].converted
    if converted or (template and response.status_code == 503):
        metrics.record_pdf_conversion(_backend(), response.status_code == 200)
    logs.access(request.method, request.path, response.status_code, seconds * 1000,
                request_id(), template, fmt)
    return response


def install(app: Flask) -> None:
    """Register the hooks and the ``/metrics`` route on ``app``."""
    app.before_request(_start)
    app.after_request(_finish)
    app.register_blueprint(bp)
