"""HTTP latency at 8 clients, configuration against configuration (issue 21, item 5).

    PYTHONPATH=service python3 bench/http_configs.py [--requests 800] [--rounds 3]

Starts ``gunicorn -c gunicorn.conf.py`` with 2 workers and each configuration below (command
line flags override the file), sends ``--requests`` POSTs of the ``bao-cao-thi-dua`` fixtures
from 8 client **processes** (threads of one Python client would queue on its GIL and add
their own tail), each with its own keep-alive connection, and prints p50 / p90 / p99 and
throughput. Configurations are run in rounds (A B C … A B C …) so a change of load on a
shared machine touches every configuration alike; the table keeps each one's best round and
its median round.

Then, in this process, where a request's time goes: ``pipeline.run`` alone; with the
per-request render-deadline thread (``web.documents._within_deadline``); and the whole Flask
request (WSGI call with a JSON body, no network).
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import statistics
import time
from pathlib import Path
from typing import Any

import bench_http

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = "bao-cao-thi-dua"
CONFIGS: dict[str, list[str]] = {
    "gthread, 4 threads (default)": ["--worker-class", "gthread", "--threads", "4"],
    "gthread, 4 threads, switch 5 ms": ["--worker-class", "gthread", "--threads", "4",
                                        "SWITCH=0.005"],
    "gthread, 2 threads": ["--worker-class", "gthread", "--threads", "2"],
    "gthread, 2 threads, switch 5 ms": ["--worker-class", "gthread", "--threads", "2",
                                        "SWITCH=0.005"],
    "gthread, 1 thread": ["--worker-class", "gthread", "--threads", "1"],
    "sync": ["--worker-class", "sync"],
}

#: gunicorn.conf.py with another GIL switch interval in each worker (the file sets 1 ms;
#: Python's own is 5 ms): "SWITCH=<seconds>" among a configuration's flags.
SWITCH_CONF = """
import sys
__file__ = {path!r}
exec(compile(open(__file__, encoding="utf-8").read(), __file__, "exec"))
_post_fork = post_fork


def post_fork(server, worker):
    _post_fork(server, worker)
    sys.setswitchinterval({seconds})
"""


def _client(port: int, bodies: list[bytes], count: int, out: Any) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/json"}
    got, errors = [], 0
    for i in range(count):
        t = time.perf_counter()
        conn.request("POST", f"/api/v1/documents/{TEMPLATE}", body=bodies[i % len(bodies)],
                     headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        got.append((time.perf_counter() - t) * 1000)
        errors += resp.status != 200 or data[:2] != b"PK"
        if resp.will_close:  # sync workers close after each answer
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    out.put((got, errors))


def load(port: int, requests: int, clients: int = 8) -> dict[str, float]:
    bodies = [p.read_bytes() for p in sorted(
        (ROOT / "templates_docx" / TEMPLATE / "fixtures").glob("*.json"))]
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    warm = ctx.Process(target=_client, args=(port, bodies, 30, queue))
    warm.start()
    queue.get()
    warm.join()
    procs = [ctx.Process(target=_client, args=(port, bodies, requests // clients, queue))
             for _ in range(clients)]
    start = time.perf_counter()
    for p in procs:
        p.start()
    results = [queue.get() for _ in procs]
    wall = time.perf_counter() - start
    for p in procs:
        p.join()
    lat = [x for got, _ in results for x in got]
    q = statistics.quantiles(lat, n=100)
    return {"p50": statistics.median(lat), "p90": q[89], "p99": q[98], "requests": len(lat),
            "rps": len(lat) / wall, "errors": sum(e for _, e in results)}


def start(port: int, flags: list[str]) -> Any:
    import os
    import tempfile

    conf = str(ROOT / "gunicorn.conf.py")
    switch = [f for f in flags if f.startswith("SWITCH=")]
    if switch:
        flags = [f for f in flags if f not in switch]
        conf = str(Path(tempfile.gettempdir()) / f"vanban-bench-switch-{os.getpid()}.py")
        Path(conf).write_text(SWITCH_CONF.format(path=str(ROOT / "gunicorn.conf.py"),
                                                 seconds=switch[0].split("=")[1]), "utf-8")
    return bench_http.start_gunicorn(port, 2, conf, tuple(flags))


def in_process(n: int = 600) -> dict[str, float]:
    """Median ms: the pipeline; with the deadline thread; the whole Flask request — the three
    taken in turn on every iteration, so a change of load touches them alike."""
    import logging

    from vanban import pipeline
    from vanban.web import create_app
    from vanban.web.documents import _within_deadline

    logging.disable(logging.INFO)  # no access-log line per request on stdout
    bodies = [p.read_bytes() for p in sorted(
        (ROOT / "templates_docx" / TEMPLATE / "fixtures").glob("*.json"))]
    client = create_app({"WARM_TEMPLATES": True}).test_client()

    def request(body: bytes) -> None:
        r = client.post(f"/api/v1/documents/{TEMPLATE}", data=body,
                        content_type="application/json")
        assert r.status_code == 200

    variants = {
        "pipeline": lambda body: pipeline.run(TEMPLATE, body),
        "deadline": lambda body: _within_deadline(lambda: pipeline.run(TEMPLATE, body)),
        "flask": request,
    }
    samples: dict[str, list[float]] = {k: [] for k in variants}
    for i in range(n + 30):
        for name, fn in variants.items():
            t = time.perf_counter()
            fn(bodies[i % len(bodies)])
            if i >= 30:  # warm-up
                samples[name].append((time.perf_counter() - t) * 1000)
    return {k: statistics.median(v) for k, v in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=800)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in CONFIGS}
    for _ in range(args.rounds):
        for name, flags in CONFIGS.items():
            port = bench_http.free_port()
            proc = start(port, flags)
            try:
                runs[name].append(load(port, args.requests))
            finally:
                proc.terminate()
                proc.wait(timeout=30)
    print(f"HTTP, 2 gunicorn workers, 8 client processes, {args.requests} requests per run, "
          f"{args.rounds} rounds; p99 ms best / median round (p50, throughput of the best):")
    for name, rs in runs.items():
        best = min(rs, key=lambda r: r["p99"])
        print(f"  {name:30} p99 {best['p99']:6.1f} / {statistics.median(r['p99'] for r in rs):6.1f}"
              f"   p50 {best['p50']:5.1f}  p90 {best['p90']:5.1f}  {best['rps']:4.0f} req/s"
              f"  errors {sum(r['errors'] for r in rs)}")
    ip = in_process()
    print(f"In process, median ms per request: pipeline.run {ip['pipeline']:.2f}; with the "
          f"render-deadline thread {ip['deadline']:.2f} (+{ip['deadline'] - ip['pipeline']:.2f}); "
          f"whole Flask request {ip['flask']:.2f} (+{ip['flask'] - ip['pipeline']:.2f})")


if __name__ == "__main__":
    main()
