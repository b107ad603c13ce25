"""Every speed figure of vanban in one run, with the targets it meets (issue 11).

    PYTHONPATH=service python3 bench/run.py [--n 200] [--http-requests 2000]
                                            [--batch 1000] [--batch-repeat 3]
                                            [--renders 10000] [--profile]

Prints, measured in this run on this machine:

1. render — median and p90 ms per document, and the ratios against plain docxtpl on the same
   merged template and data, and against the floor (unzip and re-zip the produced .docx);
2. HTTP — p50 / p99 latency and throughput, 8 concurrent clients, gunicorn with 2 workers;
3. batch — 1,000 documents into a zip as users make them: the engine in this process, the
   ``vanban batch`` command (a new process, start-up included) and ``POST /api/v1/batch`` on
   gunicorn, each as a ratio to one in-process render measured in the same run
   (``bench/bench_batch.py``);
4. memory — RSS after 100 and after 10,000 renders, and the peak;
5. with ``--profile``, a pyinstrument profile of the render path.

Targets: render ≥ 15× docxtpl and no slower than the floor; HTTP p99 < 50 ms; 1,000
documents < 10 s on 2 cores, and the CLI's batch ≤ 0.6× one in-process render per document;
RSS flat (±10 %) from 100 to 10,000 renders. Results are
recorded in docs/performance.md. This is a script, never a test: the machine's load decides.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import bench_batch
import bench_http
import bench_render

from vanban.batch.engine import cpu_count

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = "bao-cao-thi-dua"


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    libs = ", ".join(f"{n} {version(n)}" for n in ("docxtpl", "jinja2", "lxml", "flask",
                                                   "gunicorn"))
    return (f"{cpu}, {cpu_count()} cores usable; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}; {libs}")


def memory(renders: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT / "service"), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_memory.py"),
                           "--n", str(renders)], env=env, capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout)


def profile(n: int) -> str:
    from pyinstrument import Profiler

    data = [p.read_bytes() for p in sorted(
        (ROOT / "templates_docx" / TEMPLATE / "fixtures").glob("*.json"))]
    from vanban import pipeline

    pipeline.run(TEMPLATE, data[0])
    prof = Profiler(interval=0.0002)
    prof.start()
    for i in range(n):
        pipeline.run(TEMPLATE, data[i % len(data)])
    prof.stop()
    return prof.output_text(unicode=True, show_all=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=200, help="renders per fixture and path")
    parser.add_argument("--http-requests", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--batch-repeat", type=int, default=3)
    parser.add_argument("--renders", type=int, default=10_000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    print(f"Machine: {machine()}")
    targets: list[tuple[str, bool]] = []

    rows = bench_render.run(args.n)
    print("\n".join(bench_render.report(rows)))
    worst_docxtpl = min(r["docxtpl"]["median"] / r["vanban"]["median"] for r in rows)
    worst_floor = min(r["floor"]["median"] / r["vanban"]["median"] for r in rows)
    targets.append((f"render ≥ 15× plain docxtpl (worst fixture {worst_docxtpl:.1f}×)",
                    worst_docxtpl >= 15))
    targets.append((f"render no slower than the re-zip floor (worst {worst_floor:.1f}× "
                    "faster)", worst_floor >= 1))

    b = bench_batch.run(args.batch, args.batch_repeat)
    print("\n".join(bench_batch.report(b)))
    cli_ratio = b["cli"] / b["n"] / b["render_s"]
    targets.append((f"{b['n']} documents < 10 s (CLI {b['cli']:.2f} s, HTTP {b['http']:.2f} s)",
                    max(b["cli"], b["http"]) < 10))
    targets.append((f"CLI batch ≤ 0.6× one in-process render per document ({cli_ratio:.2f}×)",
                    cli_ratio <= 0.6))

    http = bench_http.run(args.http_requests)
    print("\n".join(bench_http.report(http)))
    targets.append((f"HTTP p99 < 50 ms ({http['p99']:.1f} ms)",
                    http["p99"] < 50 and http["errors"] == 0))

    mem = memory(args.renders)
    first, last = mem["rss_after_100"], mem[f"rss_after_{args.renders}"]
    drift = (last - first) / first * 100
    print(f"Memory: RSS {first:.1f} MiB after 100 renders, {mem.get('rss_after_1000', 0):.1f} "
          f"after 1,000, {last:.1f} after {args.renders:,} ({drift:+.1f} %); "
          f"peak {mem['peak']:.1f} MiB")
    targets.append((f"RSS flat ±10 % from 100 to {args.renders:,} renders ({drift:+.1f} %)",
                    abs(drift) <= 10))

    if args.profile:
        print(profile(500))
    print("Targets:")
    for text, ok in targets:
        print(f"  [{'met' if ok else 'MISSED'}] {text}")


if __name__ == "__main__":
    main()
