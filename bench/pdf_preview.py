"""Benchmark: a 4-page preview (render + PDF + page images), cold LibreOffice against warm.

Cold is today's path before the warm converter: one ``soffice --convert-to pdf`` per document.
Warm is :class:`vanban.pdf.WarmConverter`: one LibreOffice kept running, driven over UNO.
Page images are :func:`vanban.pdf.images.pdf_pages_png` (PDFium), compared with poppler's
``pdftoppm`` (the alternative considered) when it is installed. The preview is what a designer
waits for: render the document, convert it, draw its pages; the designer page's own path
(:func:`vanban.designer.workbench.run`: lint, render, PDF, images) is measured too.

    python bench/pdf_preview.py [--n 10] [--fixture nha-nuoc-mau-01-tong-ket-2021] [--dpi 80]

Prints the machine and its load average (before and after), the median of ``n`` runs of each
step (milliseconds), the ratio cold / warm for the whole preview (higher is better) and whether
the warm preview meets the 0.5 s target.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

from timing import timed

# The designer page converts with the process-wide converter: one warm LibreOffice.
os.environ.setdefault("VANBAN_PDF", "warm")
os.environ.setdefault("VANBAN_PDF_CONCURRENCY", "1")

import vanban  # noqa: E402
from vanban.designer.workbench import Job, run  # noqa: E402
from vanban.pdf import LibreOfficeConverter, WarmConverter, converter  # noqa: E402
from vanban.pdf.images import page_count, pdf_pages_png  # noqa: E402
from vanban.pdf.libreoffice import find_soffice  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = "bao-cao-thi-dua"
TARGET_MS = 500


def machine() -> str:
    cpu = "?"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [x.split(":", 1)[1].strip() for x in cpuinfo.read_text().splitlines()
                 if x.startswith("model name")]
        cpu = names[0] if names else cpu
    soffice = find_soffice("") or "soffice"
    office = subprocess.run([soffice, "--version"], capture_output=True, text=True,
                            check=False).stdout.strip()
    load = os.getloadavg() if hasattr(os, "getloadavg") else ("?",)
    return (f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} CPUs, "
            f"load {load[0]:.1f}; Python {platform.python_version()}; {office}; "
            f"pypdfium2 {metadata.version('pypdfium2')}, Pillow {metadata.version('pillow')}")


def pdftoppm_pngs(pdf: bytes, dpi: int) -> list[bytes]:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-", f"{tmp}/p"], input=pdf,
                       check=True)
        return [p.read_bytes() for p in sorted(Path(tmp).glob("p*.png"))]


def med(samples: list[float]) -> float:
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10, help="runs per measurement")
    parser.add_argument("--fixture", default="nha-nuoc-mau-01-tong-ket-2021")
    parser.add_argument("--dpi", type=int, default=80)
    args = parser.parse_args()

    data = json.loads((ROOT / "templates_docx" / TEMPLATE / "fixtures"
            / f"{args.fixture}.json").read_text("utf-8"))
    docx = vanban.render(TEMPLATE, data)
    print(f"machine: {machine()}")

    cold = LibreOfficeConverter(timeout=300)
    pdf = cold.convert(docx)
    pages = page_count(pdf)
    print(f"document: {args.fixture}, {pages} pages, {len(docx)} B .docx, {len(pdf)} B PDF; "
          f"median of {args.n} runs")

    warm = converter()
    assert isinstance(warm, WarmConverter)
    payload = json.dumps(data, ensure_ascii=False)

    def designer_page() -> None:
        out = run(Job(installed=TEMPLATE, data=payload, want="preview", dpi=args.dpi))
        assert out.error is None and len(out.pages) == pages, out.error

    try:
        started = time.perf_counter()
        warm.start()
        start_ms = (time.perf_counter() - started) * 1000
        if not warm.pids():
            print("warm LibreOffice could not start (is python3-uno installed?)")
            return 1
        first = timed(lambda: warm.convert(docx), 1)[0]
        render = timed(lambda: vanban.render(TEMPLATE, data), args.n)
        cold_pdf = timed(lambda: cold.convert(docx), args.n)
        warm_pdf = timed(lambda: warm.convert(docx), args.n)
        png = timed(lambda: pdf_pages_png(pdf, dpi=args.dpi), args.n)
        cold_preview = timed(lambda: pdf_pages_png(
            cold.convert(vanban.render(TEMPLATE, data)), dpi=args.dpi), args.n)
        warm_preview = timed(lambda: pdf_pages_png(
            warm.convert(vanban.render(TEMPLATE, data)), dpi=args.dpi), args.n)
        designer_page()  # the first one lints; the next ones reuse it
        page_preview = timed(designer_page, args.n)
    finally:
        warm.close()

    rows = [("warm LibreOffice start (once)", start_ms),
            ("warm first conversion (once)", first),
            ("render (.docx)", med(render)),
            ("cold PDF (soffice --convert-to)", med(cold_pdf)),
            ("warm PDF (UNO, reused LibreOffice)", med(warm_pdf)),
            (f"page images, PDFium, {pages} pages @{args.dpi} dpi", med(png))]
    if os.path.exists("/usr/bin/pdftoppm"):
        rows.append((f"page images, pdftoppm, {pages} pages @{args.dpi} dpi",
                     med(timed(lambda: pdftoppm_pngs(pdf, args.dpi), args.n))))
    rows += [("cold preview (render + PDF + images)", med(cold_preview)),
             ("warm preview (render + PDF + images)", med(warm_preview)),
             ("designer page, warm (lint + render + PDF + images)", med(page_preview))]
    for label, ms in rows:
        print(f"  {label:<52} {ms:8.0f} ms")
    ratio = med(cold_preview) / med(warm_preview)
    print(f"ratio cold / warm preview: {ratio:.1f}x")
    met = med(warm_preview) < TARGET_MS
    print(f"target: warm {pages}-page preview under {TARGET_MS} ms: "
          f"{'met' if met else 'NOT met'} ({med(warm_preview):.0f} ms)")
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),)
    print(f"load average after the run: {load[0]:.1f} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
