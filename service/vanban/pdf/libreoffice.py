"""PDF through LibreOffice in headless mode.

Each conversion runs ``soffice --headless --convert-to pdf`` in a private temporary
directory with its own user profile (``-env:UserInstallation``), so concurrent conversions
never fight over one profile. A start costs about a second; the converter is not on the hot
path of .docx rendering.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from vanban.errors import ConversionError, problem
from vanban.pdf.base import Converter

#: At most this many LibreOffice processes at once (each takes ~150 MB).
_SLOTS = threading.BoundedSemaphore(int(os.environ.get("VANBAN_PDF_CONCURRENCY", "2")))


def _binary() -> str | None:
    explicit = os.environ.get("VANBAN_SOFFICE")
    if explicit:
        return explicit if Path(explicit).exists() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    mac = Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")
    return str(mac) if mac.exists() else None


class LibreOfficeConverter(Converter):
    name = "libreoffice"

    def __init__(self, timeout: float = 120.0) -> None:
        self.timeout = timeout

    def available(self) -> bool:
        return _binary() is not None

    def convert(self, docx: bytes) -> bytes:
        soffice = _binary()
        if soffice is None:
            raise ConversionError(problem(
                "pdf.unavailable", "format",
                "Máy chủ chưa cài LibreOffice nên chưa xuất được PDF; hãy tải tệp .docx "
                "hoặc cài gói libreoffice-writer.", "LibreOffice (soffice) not found"))
        with _SLOTS, tempfile.TemporaryDirectory(prefix="vanban-pdf-") as tmp:
            src = Path(tmp) / "vanban.docx"
            src.write_bytes(docx)
            profile = Path(tmp, "profile").as_uri()
            cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--nologo", "--convert-to", "pdf", "--outdir", tmp, str(src)]
            try:
                done = subprocess.run(cmd, capture_output=True, timeout=self.timeout,
                                      check=False, env={**os.environ, "HOME": tmp})
            except subprocess.TimeoutExpired as exc:
                raise ConversionError(problem(
                    "pdf.timeout", "format",
                    f"LibreOffice không chuyển xong trong {self.timeout:.0f} giây.",
                    "LibreOffice timed out")) from exc
            out = Path(tmp) / "vanban.pdf"
            if done.returncode != 0 or not out.exists():
                detail = (done.stderr or done.stdout).decode("utf-8", "replace")[-500:]
                raise ConversionError(problem(
                    "pdf.failed", "format", "LibreOffice không chuyển được tệp sang PDF.",
                    f"soffice exit {done.returncode}: {detail}"))
            return out.read_bytes()
