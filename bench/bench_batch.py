"""Batch figures for bench/run.py: 1,000 documents as users make them, beside the engine.

Every path renders the same 1,000 inputs (the ``bao-cao-thi-dua`` fixtures in turn: one for
each of the four families) into a zip, and is compared with **one in-process render**
(``pipeline.run`` in a warm process, per document, over the same four inputs) measured in the
same run:

* engine — ``write_zip(iter_batch(…))`` to a temporary file in this (warm) process;
* CLI — ``vanban batch bao-cao-thi-dua all.jsonl -o out.zip`` as a new process (the installed
  console script, as users run it), start-up
  (imports, loading the compiled template, pool start) included; also with ``--workers 1``
  and with the on-disk template cache off (``VANBAN_TEMPLATE_CACHE=off``: the families are
  compiled at start, as on the very first run); vanban's bytecode is written first, as
  ``pip install`` does;
* HTTP — ``POST /api/v1/batch/bao-cao-thi-dua`` (JSON Lines body) to gunicorn with 2
  workers, the zip streamed into a file; the first batch of a server process (its fork
  server starts and compiles every template) and the next one.

Each path runs ``repeat`` times and the fastest run counts (the machine is shared: the
fastest run is the one least disturbed). Ratio = wall time per document ÷ one render (the
fastest of every one-render measurement). Because the host's speed moves by 10–30 % within
minutes, one render is also timed just before every run of a path, and the *paired* column
gives the median (and range) of each run ÷ its neighbour. On a
shared machine the wall time measures the share of the cores the run got; the CPU time (the
process and every process it started, reaped) does not depend on it, so it is printed too:
``CPU ÷ render`` compares the total work of each path with one in-process render's CPU time.

    PYTHONPATH=service python3 bench/bench_batch.py [--n 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import http.client
import os
import statistics
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
            for p in sorted((ROOT / "templates_docx" / TEMPLATE / "fixtures").glob("*.json"))]
    return list(islice(cycle(docs), n))


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT / "service"), os.environ.get("PYTHONPATH", "")])}


def _cpu() -> float:
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def one_render(docs: list[bytes], rounds: int = 100) -> tuple[float, float]:
    """Seconds per document (wall, CPU), one in-process ``pipeline.run`` (warm), over the same
    mix of inputs as the batch: each distinct input ``rounds`` times, in turn."""
    from vanban import pipeline

    distinct = list(dict.fromkeys(docs))
    for d in distinct:
        pipeline.run(TEMPLATE, d)
    n = rounds * len(distinct)
    start, cpu = time.perf_counter(), _cpu()
    for d in islice(cycle(distinct), n):
        pipeline.run(TEMPLATE, d)
    return (time.perf_counter() - start) / n, (_cpu() - cpu) / n


def engine(docs: list[bytes], workers: int | None) -> tuple[float, float]:
    from vanban.batch import BatchInput, iter_batch, write_zip

    with tempfile.TemporaryFile() as out:
        start, cpu = time.perf_counter(), _cpu()
        summary = write_zip(iter_batch(TEMPLATE, (BatchInput(f"{i}", d) for i, d in
                                                  enumerate(docs)), workers=workers), out)
        wall, cpu = time.perf_counter() - start, _cpu() - cpu
    assert summary.ok == len(docs), summary.errors[:1]
    return wall, cpu


def compile_bytecode() -> None:
    """Write vanban's bytecode, as ``pip install`` does: a checkout run with
    ``PYTHONDONTWRITEBYTECODE`` would otherwise compile every module from source at each
    start, which no installed vanban does."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "service" / "vanban"),
                    str(ROOT / "templates_docx")], capture_output=True, check=False)


def command() -> list[str]:
    """``vanban`` as users run it: the installed console script beside this interpreter
    (``pip install``), else ``python -m vanban.cli``."""
    script = Path(sys.executable).with_name("vanban")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "vanban.cli"]


def cli(jsonl: Path, out: Path, *extra: str, cache: str | None = None) -> tuple[float, float]:
    """The command as a new process; ``cache`` sets VANBAN_TEMPLATE_CACHE (``off``: every
    family compiled at start, as on a first run)."""
    env = _env()
    if cache is not None:
        env["VANBAN_TEMPLATE_CACHE"] = cache
    start, cpu = time.perf_counter(), _cpu()
    done = subprocess.run([*command(), "batch", TEMPLATE, str(jsonl), "-o", str(out),
                           "--no-progress", *extra], env=env, capture_output=True, text=True,
                          check=False)
    wall, cpu = time.perf_counter() - start, _cpu() - cpu
    assert done.returncode == 0, done.stderr[-2000:]
    return wall, cpu


def http_batch(port: int, body: bytes, out: Path) -> tuple[float, float]:
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
    return wall, float("nan")  # the server's CPU is not this process's


def run(n: int = 1000, repeat: int = 3) -> dict[str, Any]:
    docs = _inputs(n)
    res: dict[str, list[tuple[float, float]]] = {k: [] for k in (
        "render", "engine", "engine_1", "cli", "cli_1", "cli_cold", "cli_start",
        "cli_start_cold", "http_first", "http")}
    #: path → each run's seconds per document ÷ one render timed just before that run: the
    #: host's speed moves by 10–30 % within minutes, so a ratio of two measurements minutes
    #: apart (fastest ÷ fastest) can be off by as much; a ratio of neighbours is not.
    ratios: dict[str, list[float]] = {}

    def paired(key: str, path: Any, *args: Any, before: tuple[float, float] | None = None,
               **kwargs: Any) -> tuple[float, float]:
        one = before or one_render(docs)
        res["render"].append(one)
        wall, cpu = path(*args, **kwargs)
        ratios.setdefault(key, []).append(wall / n / one[0])
        return wall, cpu

    compile_bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "all.jsonl"
        jsonl.write_bytes(b"\n".join(docs) + b"\n")
        three = Path(tmp) / "three.jsonl"  # one of each family: what starting up costs
        three.write_bytes(b"\n".join(docs[:3]) + b"\n")
        out = Path(tmp) / "out.zip"
        for _ in range(repeat):  # interleaved, so load changes touch every path alike
            res["engine"].append(paired("engine", engine, docs, None))
            res["engine_1"].append(paired("engine_1", engine, docs, 1))
            res["cli"].append(paired("cli", cli, jsonl, out))
            res["cli_1"].append(paired("cli_1", cli, jsonl, out, "--workers", "1"))
            res["cli_start"].append(cli(three, out))
            res["cli_cold"].append(paired("cli_cold", cli, jsonl, out, cache="off"))
            res["cli_start_cold"].append(cli(three, out, cache="off"))
        port = bench_http.free_port()
        before = one_render(docs)  # not while the new server starts up beside it
        proc = bench_http.start_gunicorn(port, 2)
        try:
            body = jsonl.read_bytes()
            res["http_first"].append(paired("http_first", http_batch, port, body, out,
                                            before=before))
            for _ in range(repeat):
                res["http"].append(paired("http", http_batch, port, body, out))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    best = {k: min(v) for k, v in res.items()}  # fastest wall, with its CPU
    return {"n": n, "repeat": repeat, "render_s": best["render"][0],
            "render_cpu": min(c for _, c in res["render"]),
            **{k: best[k][0] for k in best if k != "render"},
            **{f"{k}_cpu": min(c for _, c in res[k]) for k in best if k != "render"},
            "paired": ratios}


ROWS = [("engine", "engine, every core (warm process)"),
        ("engine_1", "engine, one process (warm)"),
        ("cli", "vanban batch … -o out.zip"),
        ("cli_1", "vanban batch … --workers 1"),
        ("cli_cold", "vanban batch … (template cache off)"),
        ("http", "POST /api/v1/batch (gunicorn, warm)"),
        ("http_first", "POST /api/v1/batch (first of a server)")]


def report(r: dict[str, Any]) -> list[str]:
    one = r["render_s"] * 1000
    one_cpu = r["render_cpu"] * 1000
    lines = [f"Batch, {r['n']} documents (fastest of {r['repeat']}); one in-process render "
             f"{one:.2f} ms/doc ({one_cpu:.2f} ms CPU). “paired”: each run ÷ one render timed "
             "just before it, median (range):",
             f"  {'path':42} {'wall s':>7} {'ms/doc':>7} {'× render':>9} {'paired':>20} "
             f"{'CPU s':>6} {'CPU ÷ render':>12}"]
    for key, label in ROWS:
        per = r[key] / r["n"] * 1000
        cpu = r[f"{key}_cpu"]
        cpu_text = "" if cpu != cpu else f"{cpu:6.2f} {cpu / r['n'] * 1000 / one_cpu:11.2f}×"
        pairs = sorted(r["paired"].get(key, []))
        paired = (f"{statistics.median(pairs):.2f}× ({pairs[0]:.2f}–{pairs[-1]:.2f})"
                  if pairs else "")
        lines.append(f"  {label:42} {r[key]:7.2f} {per:7.2f} {per / one:8.2f}× {paired:>20} "
                     f"{cpu_text}")
    marginal = (r["cli"] - r["cli_start"]) / (r["n"] - 3) * 1000
    lines.append(f"  vanban batch start-up (3 documents): {r['cli_start']:.2f} s "
                 f"({r['cli_start_cpu']:.2f} s CPU; template cache off {r['cli_start_cold']:.2f} "
                 f"s, {r['cli_start_cold_cpu']:.2f} s CPU); each further document "
                 f"{marginal:.2f} ms = {marginal / one:.2f}× one render")
    return lines


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("\n".join(report(run(args.n, args.repeat))))
