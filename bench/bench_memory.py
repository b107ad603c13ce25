"""Resident memory over many renders (run by bench/run.py in a fresh process).

    python bench/bench_memory.py [--n 10000]

Renders the fixtures in turn ``n`` times and prints JSON: RSS after 100 renders, after ``n``,
and the peak (VmHWM), in MiB.
"""

from __future__ import annotations

import argparse
import gc
import json
from pathlib import Path

from vanban import pipeline

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = "bao-cao-thi-dua"


def status(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    args = parser.parse_args()
    inputs = [p.read_bytes() for p in sorted(
        (ROOT / "templates_docx" / TEMPLATE / "fixtures").glob("*.json"))]
    marks: dict[str, float] = {}
    for i in range(1, args.n + 1):
        pipeline.run(TEMPLATE, inputs[i % len(inputs)])
        if i in (100, 1000, args.n):
            gc.collect()
            marks[f"rss_after_{i}"] = status("VmRSS")
    marks["peak"] = status("VmHWM")
    print(json.dumps(marks))


if __name__ == "__main__":
    main()
