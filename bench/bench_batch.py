"""Batch figures for bench/run.py: 1,000 documents as users make them, beside the engine.

Every path renders the same 1,000 inputs (the ``bao-cao-thi-dua`` fixtures in turn: the three
families) into a zip, and is compared with **one in-process render** (``pipeline.run`` in a
warm process, per document) measured in the same run:

* engine — ``write_zip(iter_batch(…))`` to a temporary file in this (warm) process;
* CLI — ``vanban batch bao-cao-thi-dua all.jsonl -o out.zip`` as a new process, start-up
  (imports, template compilation, pool start) included; also with ``--workers 1``;
* HTTP — ``POST /api/v1/batch/bao-cao-thi-dua`` (JSON Lines body) to gunicorn with 2
  workers, the zip streamed into a file; the first batch of a server process (its fork
  server starts and compiles every template) and the next one.

Each path runs ``repeat`` times and the fastest run counts (the machine is shared: the
fastest run is the one least disturbed). Ratio = wall time per document ÷ one render.

    PYTHONPATH=service python3 bench/bench_batch.py [--n 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import http.client
import os
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path
from typing import Any

import bench_http

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = "bao-cao-thi-dua"


def _inputs(n: int) -> list[bytes]:
    import json

    docs = [json.dumps(json.loads(p.read_bytes()), ensure_ascii=False).encode()
            for p in sorted((ROOT / "fixtures" / TEMPLATE).glob("*.json"))]
    return list(islice(cycle(docs), n))


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT / "service"), os.environ.get("PYTHONPATH", "")])}


def one_render(docs: list[bytes], n: int = 300) -> float:
    """Seconds per document, one in-process ``pipeline.run`` (warm)."""
    from vanban import pipeline

    for d in docs[:3]:
        pipeline.run(TEMPLATE, d)
    start = time.perf_counter()
    for d in islice(cycle(docs[:3]), n):
        pipeline.run(TEMPLATE, d)
    return (time.perf_counter() - start) / n


def engine(docs: list[bytes], workers: int | None) -> float:
    from vanban.batch import BatchInput, iter_batch, write_zip

    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        summary = write_zip(iter_batch(TEMPLATE, (BatchInput(f"{i}", d) for i, d in
                                                  enumerate(docs)), workers=workers), out)
        wall = time.perf_counter() - start
    assert summary.ok == len(docs), summary.errors[:1]
    return wall


def cli(jsonl: Path, out: Path, *extra: str) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "vanban.cli", "batch", TEMPLATE, str(jsonl),
                           "-o", str(out), "--no-progress", *extra], env=_env(),
                          capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    assert done.returncode == 0, done.stderr[-2000:]
    return wall


def http_batch(port: int, body: bytes, out: Path) -> float:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    start = time.perf_counter()
    conn.request("POST", f"/api/v1/batch/{TEMPLATE}", body=body,
                 headers={"Content-Type": "application/x-ndjson"})
    resp = conn.getresponse()
    with out.open("wb") as fh:
        while chunk := resp.read(1 << 16):
            fh.write(chunk)
    wall = time.perf_counter() - start
    assert resp.status == 200, resp.status
    return wall


def run(n: int = 1000, repeat: int = 3) -> dict[str, Any]:
    docs = _inputs(n)
    res: dict[str, list[float]] = {k: [] for k in (
        "render", "engine", "engine_1", "cli", "cli_1", "cli_start", "http_first", "http")}
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "all.jsonl"
        jsonl.write_bytes(b"\n".join(docs) + b"\n")
        three = Path(tmp) / "three.jsonl"  # one of each family: what starting up costs
        three.write_bytes(b"\n".join(docs[:3]) + b"\n")
        out = Path(tmp) / "out.zip"
        for _ in range(repeat):  # interleaved, so load changes touch every path alike
            res["render"].append(one_render(docs))
            res["engine"].append(engine(docs, None))
            res["engine_1"].append(engine(docs, 1))
            res["cli"].append(cli(jsonl, out))
            res["cli_1"].append(cli(jsonl, out, "--workers", "1"))
            res["cli_start"].append(cli(three, out))
        port = bench_http.free_port()
        proc = bench_http.start_gunicorn(port, 2)
        try:
            body = jsonl.read_bytes()
            res["http_first"].append(http_batch(port, body, out))
            for _ in range(repeat):
                res["http"].append(http_batch(port, body, out))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    best = {k: min(v) for k, v in res.items()}
    return {"n": n, "repeat": repeat, "render_s": best["render"],
            **{k: best[k] for k in best if k != "render"}}


ROWS = [("engine", "engine, every core (warm process)"),
        ("engine_1", "engine, one process (warm)"),
        ("cli", "vanban batch … -o out.zip"),
        ("cli_1", "vanban batch … --workers 1"),
        ("http", "POST /api/v1/batch (gunicorn, warm)"),
        ("http_first", "POST /api/v1/batch (first of a server)")]


def report(r: dict[str, Any]) -> list[str]:
    one = r["render_s"] * 1000
    lines = [f"Batch, {r['n']} documents (fastest of {r['repeat']}); one in-process render "
             f"{one:.2f} ms/doc:",
             f"  {'path':42} {'wall s':>7} {'ms/doc':>7} {'× render':>9}"]
    for key, label in ROWS:
        per = r[key] / r["n"] * 1000
        lines.append(f"  {label:42} {r[key]:7.2f} {per:7.2f} {per / one:8.2f}×")
    marginal = (r["cli"] - r["cli_start"]) / (r["n"] - 3) * 1000
    lines.append(f"  vanban batch start-up (3 documents): {r['cli_start']:.2f} s; each further "
                 f"document {marginal:.2f} ms = {marginal / one:.2f}× one render")
    return lines


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("\n".join(report(run(args.n, args.repeat))))
