"""HTTP figures for bench/run.py: gunicorn with 2 workers on loopback, 8 concurrent clients.

Starts ``gunicorn -c gunicorn.conf.py`` (gthread workers, as in production) on a free port of
127.0.0.1 with ``WEB_CONCURRENCY=2``, waits for ``/readyz``, then 8 client threads, each with
its own keep-alive connection (``http.client``), POST the fixtures in turn to
``/api/v1/documents/bao-cao-thi-dua``. Every answer must be 200 and a zip. Latency is per
request, from send to last byte; throughput is requests over wall time.
"""

from __future__ import annotations

import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
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


def start_gunicorn(port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "VANBAN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(workers),
           "VANBAN_LOG_LEVEL": "warning",
           "PYTHONPATH": os.pathsep.join([str(ROOT / "service"), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
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


def client(port: int, bodies: list[bytes], count: int, out: list[float],
           errors: list[str]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/json"}
    for i in range(count):
        t = time.perf_counter()
        conn.request("POST", PATH, body=bodies[i % len(bodies)], headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        out.append((time.perf_counter() - t) * 1000)
        if resp.status != 200 or data[:2] != b"PK":
            errors.append(f"{resp.status}")


def run(requests: int, clients: int = 8, workers: int = 2) -> dict[str, Any]:
    bodies = [p.read_bytes() for p in sorted(
        (ROOT / "templates_docx" / TEMPLATE / "fixtures").glob("*.json"))]
    port = free_port()
    proc = start_gunicorn(port, workers)
    try:
        warm: list[float] = []
        errors: list[str] = []
        client(port, bodies, 40, warm, errors)
        latencies: list[float] = []
        per = max(requests // clients, 1)
        threads = [threading.Thread(target=client, args=(port, bodies, per, latencies, errors))
                   for _ in range(clients)]
        start = time.perf_counter()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        wall = time.perf_counter() - start
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    q = statistics.quantiles(latencies, n=100)
    return {"requests": len(latencies), "errors": len(errors), "clients": clients,
            "workers": workers, "p50": statistics.median(latencies), "p90": q[89],
            "p99": q[98], "throughput": len(latencies) / wall}


def report(r: dict[str, Any]) -> list[str]:
    return [f"HTTP (gunicorn, {r['workers']} workers, {r['clients']} concurrent clients, "
            f"{r['requests']} requests, {r['errors']} errors): p50 {r['p50']:.1f} ms, "
            f"p90 {r['p90']:.1f} ms, p99 {r['p99']:.1f} ms, {r['throughput']:.0f} req/s"]
