"""Benchmark: the format checker's cost against the size of the upload (issue 19).

Documents of N short paragraphs (1 000 … 20 000, the default ``upload_max_paragraphs``) are
checked with ``check_docx``; the cost per paragraph is printed with its ratio to the 1 000
paragraph baseline measured in the same run (1.0 everywhere = linear). Then a 100 000
paragraph upload (about 300 KB) is refused by the paragraph cap, and the time that takes.

    PYTHONPATH=service python bench/check_large.py [--sizes 1000 5000 20000] [--n 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from vanban.check.engine import check_docx
from vanban.errors import LimitError
from vanban.ooxml.safezip import ZipLimits

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import timed  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from big_documents import many_paragraphs  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--n", type=int, default=3, help="checks per size (median)")
    args = parser.parse_args()
    limits = ZipLimits(max_paragraphs=10**7, max_elements=10**8)
    baseline = None
    print(f"{'paragraphs':>10} {'KB':>6} {'median ms':>10} {'µs/para':>8} {'× baseline':>10}")
    for size in args.sizes:
        data = many_paragraphs(size)
        ms = statistics.median(timed(lambda d=data: check_docx(d, None, limits), args.n))
        per = ms * 1000 / size
        baseline = baseline or per
        print(f"{size:>10} {len(data) // 1024:>6} {ms:>10.0f} {per:>8.1f} {per / baseline:>10.2f}")
    big = many_paragraphs(100_000)
    started = time.perf_counter()
    try:
        check_docx(big, None)
    except LimitError as exc:
        print(f"100000 paragraphs ({len(big) // 1024} KB): refused in "
              f"{(time.perf_counter() - started) * 1000:.0f} ms — {exc.problems[0].code}")


if __name__ == "__main__":
    main()
