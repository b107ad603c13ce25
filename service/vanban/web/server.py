"""Embedded server: ``vanban serve`` → :func:`serve` → waitress on 127.0.0.1:8000.

One command, no configuration. Production runs gunicorn with ``gunicorn.conf.py`` instead.
"""

from __future__ import annotations

import os
import sys
import threading

from flask import Flask


def serve(host: str = "127.0.0.1", port: int = 8000, *, threads: int | None = None,
          app: Flask | None = None) -> None:
    """Serve the web application with waitress until interrupted."""
    from waitress import serve as waitress_serve

    from vanban.pdf import converter
    from vanban.web.app import create_app

    app = app or create_app()
    # A warm PDF converter starts LibreOffice now, so the first PDF request is already fast.
    threading.Thread(target=converter().start, name="vanban-pdf-start", daemon=True).start()
    threads = threads or int(os.environ.get("VANBAN_THREADS", "8"))
    shown = f"[{host}]" if ":" in host else host
    print(f"vanban: http://{shown}:{port}/  (Ctrl+C để dừng)", file=sys.stderr, flush=True)
    waitress_serve(app, host=host, port=port, threads=threads, ident="vanban",
                   clear_untrusted_proxy_headers=True)
