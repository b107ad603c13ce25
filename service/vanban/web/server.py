"""Embedded server: ``vanban serve`` → :func:`serve` → waitress on 127.0.0.1:8000.

One command, no configuration. Production runs gunicorn with ``gunicorn.conf.py`` instead.
"""

from __future__ import annotations

import sys

from flask import Flask

from vanban.config import get_settings


def serve(host: str = "127.0.0.1", port: int = 8000, *, threads: int | None = None,
          app: Flask | None = None) -> None:
    """Serve the web application with waitress until interrupted."""
    from waitress import serve as waitress_serve

    from vanban.web.app import create_app

    app = app or create_app()
    threads = threads or get_settings().threads
    shown = f"[{host}]" if ":" in host else host
    print(f"vanban: http://{shown}:{port}/  (Ctrl+C để dừng)", file=sys.stderr, flush=True)
    waitress_serve(app, host=host, port=port, threads=threads, ident="vanban",
                   clear_untrusted_proxy_headers=True)
