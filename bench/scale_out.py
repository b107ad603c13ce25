"""Benchmark for sizing (docs/deployment.md): documents per second on this machine, measured
in one run against a baseline of the same run.

1. Baseline: ``vanban.render`` in one process, one thread (no HTTP).
2. HTTP: gunicorn (``gunicorn.conf.py``) with 1 and then 2 workers, C concurrent clients
   posting the same report; documents/second and the ratio to the baseline.
3. Queue: a batch of N reports through ``POST /api/v1/jobs`` rendered by 1 and then 2
   ``vanban worker`` processes on a private redis-server; documents/second and the ratio.

    PYTHONPATH=service python3 bench/scale_out.py [--n 200] [--clients 4]

Everything runs on 127.0.0.1; on a shared machine the ratios matter more than the rates.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
import vanban as lib  # noqa: E402
from live_processes import env, gunicorn, redis_server, stop, vanban, wait_until  # noqa: E402

TEMPLATE = "bao-cao-thi-dua"
DATA = json.loads((ROOT / "templates_docx" / TEMPLATE / "fixtures"
        / "nha-nuoc-mau-01-tong-ket-2021.json")
                  .read_text("utf-8"))


def baseline(n: int) -> float:
    lib.render(TEMPLATE, DATA)  # compile first
    start = time.perf_counter()
    for _ in range(n):
        lib.render(TEMPLATE, DATA)
    return n / (time.perf_counter() - start)


def http(n: int, clients: int, workers: int, folder: Path) -> float:
    with gunicorn(folder / f"g{workers}.log", VANBAN_WORKERS=str(workers),
                  VANBAN_THREADS="2") as (_, url):
        target = f"{url}/api/v1/documents/{TEMPLATE}"

        def one(_: int) -> None:
            assert requests.post(target, json=DATA, timeout=120).status_code == 200
        with ThreadPoolExecutor(clients) as pool:
            list(pool.map(one, range(clients * 2)))  # warm every worker
            start = time.perf_counter()
            list(pool.map(one, range(n)))
            return n / (time.perf_counter() - start)


def queue(n: int, workers: int, folder: Path) -> float:
    with redis_server(folder) as redis_url:
        settings = {"VANBAN_REDIS_URL": redis_url}  # default chunk size
        with gunicorn(folder / f"q{workers}.log", VANBAN_WORKERS="1", **settings) as (_, url):
            procs = [subprocess.Popen(vanban("worker"), cwd=ROOT, env=env(**settings),
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                     for _ in range(workers)]
            try:
                from redis import Redis
                from rq import Worker

                conn = Redis.from_url(redis_url)
                wait_until(lambda: len(Worker.all(connection=conn)) >= workers, 60, "workers")
                start = time.perf_counter()
                job = requests.post(f"{url}/api/v1/jobs/{TEMPLATE}", json=[DATA] * n,
                                    timeout=120).json()

                def done() -> bool:
                    state = requests.get(url + job["self"], timeout=30).json()
                    return state["status"] == "finished"
                wait_until(done, 600, "the batch")
                assert requests.get(f"{url}{job['self']}/result", timeout=120).ok
                return n / (time.perf_counter() - start)
            finally:
                for proc in procs:
                    stop(proc)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    base = baseline(args.n)
    print(f"baseline  vanban.render, 1 thread        {base:7.1f} docs/s")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for workers in (1, 2):
            rate = http(args.n, args.clients, workers, folder)
            print(f"http      gunicorn {workers} worker(s), {args.clients} clients "
                  f"{rate:7.1f} docs/s  ×{rate / base:.2f} of baseline")
        for workers in (1, 2):
            rate = queue(args.n, workers, folder)
            print(f"queue     {workers} vanban worker(s), batch of {args.n}  "
                  f"{rate:7.1f} docs/s  ×{rate / base:.2f} of baseline")


if __name__ == "__main__":
    main()
