"""HTTP figures for bench/run.py: gunicorn with 2 workers on loopback, 8 concurrent clients.

Starts ``gunicorn -c gunicorn.conf.py`` (gthread workers, as in production) on a free port of
127.0.0.1 with ``WEB_CONCURRENCY=2``, waits for ``/readyz``, then 8 client processes, each
with its own keep-alive connection (``http.client``), POST the fixtures in turn to
``/api/v1/documents/bao-cao-thi-dua``. Every answer must be 200 and a zip. Latency is per
request, from send to last byte; throughput is requests over wall time.
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = "bao-cao-thi-dua"
PATH = f"/api/v1/documents/{TEMPLATE}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(port: int, workers: int, conf: str = "gunicorn.conf.py",
                   flags: tuple[str, ...] = ()) -> subprocess.Popen:
    """gunicorn on 127.0.0.1:``port`` with ``conf`` (and extra command-line ``flags``), once
    its ``/readyz`` answers 200."""
    env = {**os.environ, "VANBAN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(workers),
           "VANBAN_LOG_LEVEL": "warning",
           "PYTHONPATH": os.pathsep.join([str(ROOT / "service"), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", conf, *flags],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/readyz")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("gunicorn did not become ready")


def run(requests: int, clients: int = 8, workers: int = 2) -> dict[str, Any]:
    """Latency with ``clients`` client *processes* (see :func:`http_configs.load`: threads of
    one Python client would add their own GIL to the tail)."""
    import http_configs

    port = free_port()
    proc = start_gunicorn(port, workers)
    try:
        r = http_configs.load(port, requests, clients)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return {"requests": r["requests"], "errors": r["errors"], "clients": clients,
            "workers": workers, "p50": r["p50"], "p90": r["p90"], "p99": r["p99"],
            "throughput": r["rps"]}


def report(r: dict[str, Any]) -> list[str]:
    return [f"HTTP (gunicorn, {r['workers']} workers, {r['clients']} concurrent clients, "
            f"{r['requests']} requests, {r['errors']} errors): p50 {r['p50']:.1f} ms, "
            f"p90 {r['p90']:.1f} ms, p99 {r['p99']:.1f} ms, {r['throughput']:.0f} req/s"]
