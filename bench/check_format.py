"""Benchmark: the format checker on a 20-page document.

The document is the State seed fixture rendered by vanban with its body paragraphs repeated
until it fills about 20 A4 pages (``--pages``); the page count is verified with LibreOffice when
it is installed (``--verify``). Each run is a full ``check_docx(bytes)`` — unzip, parse, resolve
effective formatting, locate the elements, run every rule.

    python bench/check_format.py [--pages 20] [--n 30] [--verify]

Prints the document size, the page count, and milliseconds per check (median, min, max), with
the share spent reading the .docx (``docx_facts.load``).

Measured when written (Linux container, CPython 3.11, one core): 20 pages (LibreOffice count),
375 paragraphs — ``check_docx`` median ≈ 50 ms (reading the .docx ≈ 46 ms, the rules ≈ 5 ms).
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import re
import statistics
import subprocess
import tempfile
import zipfile
from pathlib import Path

from lxml import etree
from timing import timed

import vanban
from vanban.check.docx_facts import load
from vanban.check.engine import check_docx, check_facts

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = (ROOT / "templates_docx" / "bao-cao-thi-dua" / "fixtures"
       / "nha-nuoc-mau-01-tong-ket-2021.json")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: The fixture's body paragraphs (14 pt, 1.2 lines, 6 pt after) per A4 page, measured.
PARAGRAPHS_PER_PAGE = 16
#: Pages of the fixture as rendered.
BASE_PAGES = 4


def long_document(pages: int) -> bytes:
    """The fixture with its body paragraphs repeated to about ``pages`` pages."""
    data = vanban.render("bao-cao-thi-dua", json.loads(FIXTURE.read_text("utf-8")))
    src = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(src.read("word/document.xml"))
    body = root.find(f"{W}body")
    paras = [p for p in body.findall(f"{W}p") if _style(p) == "VBNoiDung"]
    last = paras[-1]  # "Trên đây là báo cáo …./." stays last
    extra = max(0, round((pages - BASE_PAGES) * PARAGRAPHS_PER_PAGE))
    for k in range(extra):
        last.addprevious(copy.deepcopy(paras[k % (len(paras) - 1)]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "word/document.xml":
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            dst.writestr(item, content)
    return out.getvalue()


def _style(p: etree._Element) -> str | None:
    el = p.find(f"{W}pPr/{W}pStyle")
    return None if el is None else el.get(f"{W}val")


def pdf_pages(data: bytes) -> int | None:
    """Page count after conversion by LibreOffice, None when it is not available."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "bench.docx"
        src.write_bytes(data)
        try:
            subprocess.run(
                ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(src)],
                check=True, capture_output=True, timeout=180,
            )  # fmt: skip
        except (OSError, subprocess.SubprocessError):
            return None
        pdf = (Path(tmp) / "bench.pdf").read_bytes()
        return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))



def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--verify", action="store_true", help="count pages with LibreOffice")
    args = parser.parse_args()
    data = long_document(args.pages)
    facts = load(data)
    report = check_docx(data)
    pages = pdf_pages(data) if args.verify else None
    print(f"document: {len(data) / 1024:.0f} KiB, {len(facts.paragraphs)} paragraphs, "
          f"{pages if pages is not None else f'~{args.pages}'} pages"
          f"{' (LibreOffice)' if pages is not None else ' (estimated)'}; "
          f"{len(report.errors)} errors, {len(report.warnings)} warnings")  # fmt: skip
    check_docx(data)  # warm-up: imports, font metrics
    total = timed(lambda: check_docx(data), args.n)
    reading = timed(lambda: load(data), args.n)
    rules = timed(lambda: check_facts(facts), args.n)
    for name, values in (("check_docx", total), ("  load .docx", reading), ("  rules", rules)):
        print(f"{name:12s} median {statistics.median(values):6.1f} ms   "
              f"min {min(values):6.1f}   max {max(values):6.1f}   (n={args.n})")  # fmt: skip


if __name__ == "__main__":
    main()
