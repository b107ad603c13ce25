"""Application factory: :func:`create_app` builds the Flask app (blueprints ``api``, ``ui``,
``health``), reads configuration and compiles every template before the first request.

Configuration, lowest to highest precedence: :data:`DEFAULTS`; the ``VANBAN_*`` settings
(:mod:`vanban.config`: ``VANBAN_MAX_CONTENT_LENGTH=4194304`` …, a bad value raises
:class:`vanban.config.ConfigError` naming it); the ``config`` mapping passed to :func:`create_app`.

* ``MAX_CONTENT_LENGTH`` — request body limit in bytes (default 2 MiB): JSON data, forms.
* ``CHECK_MAX_CONTENT_LENGTH`` — the limit of the format check (``POST /api/v1/check-format``
  and the ``/kiem-tra`` page), default 10 MiB since a .docx with pictures is often larger than
  its JSON; ``None`` means "same as ``MAX_CONTENT_LENGTH``".
* ``CHECK_MAX_XML_BYTES`` — optional: lowers how much a checked .docx may hold once
  decompressed (default: ``VANBAN_UPLOAD_MAX_INFLATED_BYTES``, see :mod:`vanban.ooxml.safezip`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask, Response, request

import vanban
from vanban.config import reload_settings
from vanban.ops import logs
from vanban.templates import REGISTRY
from vanban.web import designer, observe, problems

DEFAULTS: dict[str, Any] = {
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
    "CHECK_MAX_CONTENT_LENGTH": 10 * 1024 * 1024,
    "WARM_TEMPLATES": True,
}

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")


def _security_headers(response: Response) -> Response:
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if response.mimetype == "text/html":
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Frame-Options", "DENY")
    if request.path.startswith("/api/") and response.status_code >= 400:
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the vanban web application."""
    app = Flask(__name__)
    settings = reload_settings()  # read the environment afresh at start; ConfigError if bad
    app.config.update(DEFAULTS)
    app.config.update({key: getattr(settings, key.lower()) for key in DEFAULTS})
    if config:
        app.config.update(config)
    if not config or "MAX_FORM_MEMORY_SIZE" not in config:
        # A pasted JSON in a form field may be as large as an uploaded file.
        app.config["MAX_FORM_MEMORY_SIZE"] = app.config["MAX_CONTENT_LENGTH"]
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.jinja_env.globals["vanban_version"] = vanban.__version__

    from vanban.web.api import bp as api_bp
    from vanban.web.health import bp as health_bp
    from vanban.web.jobs import bp as jobs_bp
    from vanban.web.ui import bp as ui_bp

    app.register_blueprint(api_bp)
    app.register_blueprint(ui_bp)
    app.register_blueprint(health_bp)
    from vanban.web.batch import bp as batch_bp
    from vanban.web.ho_so import bp as ho_so_bp

    app.register_blueprint(batch_bp)
    app.register_blueprint(ho_so_bp)
    from vanban.web.ho_so_form import bp as ho_so_form_bp

    app.register_blueprint(ho_so_form_bp)  # the /ho-so form: schema, normalise, preview, pdf
    from vanban.web.compute import bp as compute_bp

    app.register_blueprint(compute_bp)
    from vanban.web.clerk import bp as clerk_bp

    app.register_blueprint(clerk_bp)
    designer.register(app)
    app.register_blueprint(jobs_bp)
    observe.install(app)
    problems.register(app)
    app.after_request(_security_headers)

    logs.configure(settings)
    if app.config["WARM_TEMPLATES"]:
        try:
            count = REGISTRY.warm()
            app.logger.info("vanban: %d template/family pairs compiled", count)
            for found in REGISTRY.problems:  # a broken folder of VANBAN_TEMPLATES_PATH …
                app.logger.error("vanban: template %s: %s", found.path, found.message_en,
                                 extra={"code": found.code, "message_vi": found.message})
        except Exception:  # reported by /readyz; liveness stays up
            app.logger.exception("vanban: templates failed to compile")
    return app
