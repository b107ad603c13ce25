"""Example inputs and an independent reading of rendered pages (poppler) for the ký số tests."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path


def example(template: str, family: str | None = None) -> dict:
    import vanban

    data = vanban.example(template)
    if family:
        data = json.loads(json.dumps(data))
        data["the_thuc"] = family
    return data


def bbox_lines(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """Text lines of one page (1-based) as poppler sees them — an independent reading of the
    page: (text, left, bottom, right, top) in PDF points from the lower-left corner."""
    html = subprocess.run(["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page),
                           str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', html).group(1))
    lines = []
    for m in re.finditer(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                         r'yMax="([\d.]+)">(.*?)</line>', html, re.S):
        words = re.findall(r">([^<]*)</word>", m.group(5))
        x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
        lines.append((" ".join(words), x0, height - y1, x1, height - y0))
    return lines


def page_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
