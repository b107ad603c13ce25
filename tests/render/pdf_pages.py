"""Test helper: many .docx → PDF in one LibreOffice call, and the text of each PDF page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

HAVE_TOOLS = all(shutil.which(t) for t in ("soffice", "pdftotext", "pdfinfo", "pdfimages"))
needs_libreoffice = pytest.mark.skipif(
    not HAVE_TOOLS, reason="LibreOffice and poppler-utils are installed by .ci/run")


def convert_all(docs: dict[str, bytes], folder: Path) -> dict[str, Path]:
    """Write ``docs`` (name → .docx bytes) to ``folder`` and convert them all in one
    ``soffice --convert-to pdf`` (own profile); name → PDF path."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in docs.items():
        path = folder / f"{name}.docx"
        path.write_bytes(data)
        paths.append(str(path))
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(folder), *paths],
                   check=True, capture_output=True, timeout=600)
    out = {name: folder / f"{name}.pdf" for name in docs}
    missing = [n for n, p in out.items() if not p.exists()]
    assert not missing, f"LibreOffice made no PDF for {missing}"
    return out


def pages(pdf: Path) -> list[str]:
    """The text of each page (pdftotext, reading order)."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def image_count(pdf: Path) -> int:
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], check=True, capture_output=True,
                             text=True).stdout.splitlines()
    return max(0, len(listing) - 2)  # two header lines
