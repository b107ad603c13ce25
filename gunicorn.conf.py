"""gunicorn configuration for running vanban in production: ``gunicorn -c gunicorn.conf.py``.

The embedded server (``vanban serve``, waitress) is for one machine and no configuration;
this file is what the Dockerfile runs. Every setting comes from :mod:`vanban.config` (the
``VANBAN_*`` variables, listed in docs/configuration.md): ``VANBAN_BIND``, ``VANBAN_WORKERS``,
``VANBAN_THREADS``, ``VANBAN_TIMEOUT``, ``VANBAN_LOG_LEVEL``, ``VANBAN_LOG_FORMAT`` …
A bad value stops gunicorn before it binds, with exit code 2 and a message naming the variable.

Metrics: every worker writes its Prometheus samples to ``PROMETHEUS_MULTIPROC_DIR`` (a fresh
temporary directory unless set), so ``/metrics`` adds up all workers; the directory is emptied
at start and a dead worker's live files are removed.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
from pathlib import Path

from vanban.ops.config_cli import require_settings
from vanban.ops.logs import logging_dict

_settings = require_settings()  # exit 2 with a bilingual message on a bad VANBAN_* value

# Before prometheus_client is imported (by the app): one directory shared by all workers.
_own_metrics_dir = not os.environ.get("PROMETHEUS_MULTIPROC_DIR")
_metrics_dir = os.environ.get("PROMETHEUS_MULTIPROC_DIR") or tempfile.mkdtemp(
    prefix="vanban-metrics-")
os.environ["PROMETHEUS_MULTIPROC_DIR"] = _metrics_dir

wsgi_app = "vanban.web:create_app()"
bind = [b.strip() for b in _settings.bind.split(",") if b.strip()]
# VANBAN_WORKERS, else the usual WEB_CONCURRENCY of hosting platforms, else from the CPUs.
workers = (_settings.workers or int(os.environ.get("WEB_CONCURRENCY") or 0)
           or min(multiprocessing.cpu_count() * 2 + 1, 8))
worker_class = "gthread"
threads = _settings.threads
timeout = _settings.timeout
graceful_timeout = 30
keepalive = 5

# Load the app (and compile every template) once in the master, then fork.
preload_app = True
# Recycle workers now and then so memory stays bounded over months of uptime.
max_requests = 2000
max_requests_jitter = 200

# Behind a reverse proxy, trust X-Forwarded-* only from these addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# One line per request is written by vanban itself (vanban.access, with the request id).
accesslog = None
errorlog = "-"
loglevel = _settings.log_level
logconfig_dict = logging_dict(_settings)
proc_name = "vanban"
# gunicorn ≥ 27 opens a control socket in $HOME; not used here (and would clash between two
# instances on one machine).
control_socket_disable = True

# Heartbeat files in memory, not on a (possibly slow, container) disk.
if Path("/dev/shm").is_dir():
    worker_tmp_dir = "/dev/shm"


def on_starting(server) -> None:  # noqa: ANN001 — gunicorn's Arbiter
    """Samples of a previous run would be added to this one's: start from an empty directory."""
    for stale in Path(_metrics_dir).glob("*.db"):
        stale.unlink(missing_ok=True)


def when_ready(server) -> None:  # noqa: ANN001
    """``VANBAN_METRICS_BIND``: the master serves every worker's metrics on that port."""
    from vanban.config import get_settings

    settings = get_settings()
    if settings.metrics and settings.metrics_bind:
        from vanban.ops.metrics import serve_separately

        serve_separately(settings.metrics_bind)


#: GIL switch interval of the workers: 1 ms instead of Python's 5 ms. A request's threads (the
#: gthread worker's, the render-deadline thread) wait for the GIL while another request renders;
#: handing it over sooner cut the p99 at 8 clients (docs/performance.md, bench/http_configs.py).
SWITCH_INTERVAL = 0.001


def post_fork(server, worker) -> None:  # noqa: ANN001
    """Each worker gets its own PDF converter; a warm one starts its LibreOffice now, so the
    first PDF request of the worker is already fast (no-op for converters without ``start``).
    And its GIL is handed over every :data:`SWITCH_INTERVAL` seconds."""
    import sys
    import threading

    sys.setswitchinterval(SWITCH_INTERVAL)

    from vanban.pdf import converter

    converter.cache_clear()  # never share the master's converter object across processes
    start = getattr(converter(), "start", None)
    if callable(start):
        threading.Thread(target=start, name="vanban-pdf-start", daemon=True).start()
    from vanban.designer.sandbox import start_workers  # the upload workers' fork server

    threading.Thread(target=start_workers, name="vanban-workers-start", daemon=True).start()


def child_exit(server, worker) -> None:  # noqa: ANN001
    from vanban.ops.metrics import process_exited

    process_exited(worker.pid)


def on_exit(server) -> None:  # noqa: ANN001
    if _own_metrics_dir:
        shutil.rmtree(_metrics_dir, ignore_errors=True)
