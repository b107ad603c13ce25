"""HTTP service and web page of vanban: upload JSON, download the .docx; upload a .docx, get
its format report.

    from vanban.web import create_app, serve
    app = create_app({"MAX_CONTENT_LENGTH": 4 * 1024 * 1024})   # WSGI app (gunicorn …)
    serve(host="127.0.0.1", port=8000)                          # waitress, as `vanban serve`

Blueprints: ``api`` (``/api/v1``: documents, validate, check-format, templates, OpenAPI,
docs), ``ui`` (``/``, ``/mau/<template_id>`` and ``/kiem-tra``, in Vietnamese) and ``health``
(``/healthz``, ``/readyz``).
"""

from __future__ import annotations

from vanban.web.app import create_app
from vanban.web.server import serve

__all__ = ["create_app", "serve"]
