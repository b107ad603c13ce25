"""gunicorn configuration for running vanban in production: ``gunicorn -c gunicorn.conf.py``.

The embedded server (``vanban serve``, waitress) is for one machine and no configuration;
this file is what the Dockerfile runs. Settings come from the environment:

* ``VANBAN_BIND`` — address(es), comma-separated (default ``127.0.0.1:8000``; the Docker image
  sets ``0.0.0.0:8000``).
* ``WEB_CONCURRENCY`` — worker processes (default 2 × CPUs + 1, at most 8).
* ``VANBAN_THREADS`` — threads per worker (default 4).
* ``VANBAN_TIMEOUT`` — seconds before a stuck worker is restarted (default 120: a PDF
  conversion through LibreOffice may take several seconds on a busy machine).
* ``VANBAN_LOG_LEVEL`` — gunicorn log level (default ``info``).
* ``VANBAN_MAX_CONTENT_LENGTH`` and other ``VANBAN_*`` settings are read by the app itself.
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

wsgi_app = "vanban.web:create_app()"
bind = [b.strip() for b in os.environ.get("VANBAN_BIND", "127.0.0.1:8000").split(",")]
workers = int(os.environ.get("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 8)))
worker_class = "gthread"
threads = int(os.environ.get("VANBAN_THREADS", "4"))
timeout = int(os.environ.get("VANBAN_TIMEOUT", "120"))
graceful_timeout = 30
keepalive = 5

# Load the app (and compile every template) once in the master, then fork.
preload_app = True
# Recycle workers now and then so memory stays bounded over months of uptime.
max_requests = 2000
max_requests_jitter = 200

# Behind a reverse proxy, trust X-Forwarded-* only from these addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("VANBAN_LOG_LEVEL", "info")
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
proc_name = "vanban"

# Heartbeat files in memory, not on a (possibly slow, container) disk.
if Path("/dev/shm").is_dir():
    worker_tmp_dir = "/dev/shm"
