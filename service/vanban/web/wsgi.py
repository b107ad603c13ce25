"""WSGI entry point for gunicorn and other servers: ``vanban.web.wsgi:app``."""

from __future__ import annotations

from vanban.web.app import create_app

app = create_app()
