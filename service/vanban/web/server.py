"""Embedded server: ``vanban serve`` → :func:`serve` → waitress on 127.0.0.1:8000.

One command, no configuration. Production runs gunicorn with ``gunicorn.conf.py`` instead.
The socket is opened before the address is announced: a busy port (or one the user may not
open) is a :class:`PortError` with a Vietnamese explanation, and no URL is printed.
"""

from __future__ import annotations

import errno
import sys
import threading

from flask import Flask

from vanban.config import get_settings
from vanban.errors import VanbanError, problem


class PortError(VanbanError):
    """The server cannot listen where it was asked to (CLI exit 2)."""

    status = 409
    title = "Không mở được dịch vụ"


def _port_problem(exc: OSError, host: str, port: int) -> PortError:
    if exc.errno == errno.EADDRINUSE:
        message = (f"Cổng {port} trên {host} đang được một chương trình khác dùng (có thể là "
                   f"một “vanban serve” khác). Dừng chương trình đó, hoặc chọn cổng khác: "
                   f"vanban serve --port {port + 1}")
    elif exc.errno == errno.EACCES:
        message = (f"Không có quyền mở cổng {port}; hãy chọn cổng từ 1024 trở lên, ví dụ "
                   "vanban serve --port 8000")
    else:
        message = (f"Không mở được địa chỉ {host}:{port} ({exc.strerror or exc}); kiểm tra "
                   "lại --host và --port.")
    return PortError(problem("serve.port", "--port", message,
                             f"cannot listen on {host}:{port}: {exc}", port=port, host=host))


def serve(host: str = "127.0.0.1", port: int = 8000, *, threads: int | None = None,
          app: Flask | None = None) -> None:
    """Serve the web application with waitress until interrupted."""
    from waitress.server import create_server

    from vanban.pdf import converter
    from vanban.web.app import create_app

    app = app or create_app()  # reads and checks the VANBAN_* settings first
    threads = threads or get_settings().threads
    try:
        server = create_server(app, host=host, port=port, threads=threads, ident="vanban",
                               clear_untrusted_proxy_headers=True)
    except OSError as exc:
        raise _port_problem(exc, host, port) from None
    if get_settings().metrics and get_settings().metrics_bind:
        from vanban.ops.metrics import serve_separately

        serve_separately(get_settings().metrics_bind)
    # A warm PDF converter starts LibreOffice now, so the first PDF request is already fast.
    threading.Thread(target=converter().start, name="vanban-pdf-start", daemon=True).start()
    # The bounded workers of uploads (checks, lint, uploaded templates) come from a fork
    # server: start it now, not at the first upload.
    from vanban.designer.sandbox import start_workers

    threading.Thread(target=start_workers, name="vanban-workers-start", daemon=True).start()
    shown = f"[{host}]" if ":" in host else host
    print(f"vanban: http://{shown}:{port}/  (Ctrl+C để dừng)", file=sys.stderr, flush=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
