"""Helpers shared by the PDF tests: what is installed, PDF text, process checks."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from vanban.pdf.libreoffice import find_soffice
from vanban.pdf.office import find_uno_python

HAS_SOFFICE = find_soffice("") is not None
HAS_UNO = HAS_SOFFICE and find_uno_python("", find_soffice("") or "") is not None

needs_soffice = pytest.mark.skipif(
    not HAS_SOFFICE or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler-utils are installed by .ci/run")
needs_uno = pytest.mark.skipif(
    not HAS_UNO or shutil.which("pdftotext") is None,
    reason="the warm converter needs python3-uno (installed by .ci/run)")


def pdf_text(pdf: bytes, tmp: Path) -> str:
    path = tmp / f"out-{time.monotonic_ns()}.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def running(pid: int) -> bool:
    """Is ``pid`` a live process (not gone, not a zombie waiting to be reaped)?"""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def wait_gone(pid: int, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not running(pid):
            return True
        time.sleep(0.05)
    return False


def kill(pid: int, sig: signal.Signals = signal.SIGKILL) -> None:
    os.kill(pid, sig)
