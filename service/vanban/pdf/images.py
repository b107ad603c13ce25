"""Page images of a PDF with poppler's ``pdftoppm`` (one PNG per page)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from vanban.errors import ConversionError, problem


def pdf_pages_png(pdf: bytes, dpi: int = 80, first: int | None = None,
                  last: int | None = None) -> list[bytes]:
    """PNG bytes of each page (``first``/``last`` are 1-based and inclusive)."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise ConversionError(problem(
            "pdf.images-unavailable", "format",
            "Máy chủ chưa cài poppler-utils (pdftoppm) nên chưa vẽ được ảnh trang.",
            "pdftoppm not found"))
    with tempfile.TemporaryDirectory(prefix="vanban-png-") as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        cmd = [exe, "-png", "-r", str(dpi)]
        if first:
            cmd += ["-f", str(first)]
        if last:
            cmd += ["-l", str(last)]
        done = subprocess.run([*cmd, str(src), str(Path(tmp) / "p")], capture_output=True,
                              timeout=120, check=False)
        if done.returncode != 0:
            raise ConversionError(problem(
                "pdf.images-failed", "format", "Không vẽ được ảnh các trang PDF.",
                done.stderr.decode("utf-8", "replace")[-300:]))
        pages = sorted(Path(tmp).glob("p-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        return [p.read_bytes() for p in pages]
