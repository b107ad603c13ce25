"""PDF through a cold LibreOffice: one ``soffice --convert-to pdf`` per document.

Each conversion starts LibreOffice in a private temporary directory with its own user profile
(``-env:UserInstallation``), so concurrent conversions never fight over one profile. A start
costs one to two seconds; :mod:`vanban.pdf.warm` keeps one running instead and falls back to
this converter when it cannot. The process gets its own process group: on timeout the whole
group (launcher and ``soffice.bin``) is killed, never left behind.

:func:`find_soffice` is where every LibreOffice backend looks for the program
(``VANBAN_SOFFICE``, then ``soffice`` / ``libreoffice`` on the PATH, then the macOS app).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path

from vanban.config import get_settings
from vanban.pdf.base import Converter, failed, label, timed_out, unavailable

_MAC_APP = Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")
_WINDOWS_DIRS = [Path(os.environ.get(v, "")) / "LibreOffice" / "program" / "soffice.exe"
                 for v in ("ProgramFiles", "ProgramFiles(x86)") if os.environ.get(v)]


def find_soffice(explicit: str | None = None) -> str | None:
    """The LibreOffice program to run, or ``None`` when there is none.

    ``explicit`` (default: ``VANBAN_SOFFICE``) wins when set, even if it does not exist — a
    wrong path must show up as "not installed", not silently pick another LibreOffice."""
    explicit = get_settings().soffice if explicit is None else explicit
    if explicit:
        return explicit if Path(explicit).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for path in (_MAC_APP, *_WINDOWS_DIRS):
        if path.is_file():
            return str(path)
    return None


def missing_soffice(explicit: str | None = None) -> Exception:
    where = explicit if explicit is not None else get_settings().soffice
    return unavailable(
        "Máy chủ chưa cài LibreOffice nên chưa xuất được PDF; quản trị cần cài gói "
        "libreoffice-writer" + (f" hoặc sửa VANBAN_SOFFICE (đang là “{where}”)." if where
                                else "."),
        f"LibreOffice (soffice) not found{f' at VANBAN_SOFFICE={where}' if where else ''}")


def pdfa_filter_data(part: int) -> dict[str, dict[str, str]]:
    """Options of LibreOffice's ``writer_pdf_Export`` for PDF/A-<part>b (1, 2 or 3), in
    the JSON form ``soffice --convert-to 'pdf:writer_pdf_Export:{…}'`` accepts (LibreOffice
    7.4+) and the UNO helper turns into ``FilterData``. PDF/A embeds every font."""
    if part not in (1, 2, 3):
        raise ValueError(f"PDF/A part must be 1, 2 or 3, not {part!r}")
    return {"SelectPdfVersion": {"type": "long", "value": str(part)}}


def kill_group(process: subprocess.Popen) -> None:
    """Kill a process started with ``start_new_session=True`` and all its children."""
    with contextlib.suppress(OSError):
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:  # Windows
            process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)


class LibreOfficeConverter(Converter):
    """One fresh ``soffice --headless --convert-to pdf`` (or ``odt``) per document."""

    name = "libreoffice"
    targets = ("pdf", "odt")

    def __init__(self, soffice: str | None = None, timeout: float | None = None,
                 concurrency: int | None = None) -> None:
        settings = get_settings()
        self.soffice = soffice
        self.timeout = settings.pdf_timeout if timeout is None else timeout
        #: At most this many LibreOffice processes at once (each takes ~150 MB).
        self._slots = threading.BoundedSemaphore(concurrency or settings.pdf_concurrency)

    def available(self) -> bool:
        return find_soffice(self.soffice) is not None

    def convert(self, docx: bytes) -> bytes:
        return self.convert_to(docx, "pdf")

    def convert_to(self, docx: bytes, target: str) -> bytes:
        if target not in self.targets:
            return super().convert_to(docx, target)
        return self._convert(docx, target)

    def convert_pdfa(self, docx: bytes, part: int = 2) -> bytes:
        options = json.dumps(pdfa_filter_data(part), separators=(",", ":"))
        return self._convert(docx, "pdf", f"pdf:writer_pdf_Export:{options}")

    def _convert(self, docx: bytes, target: str, convert_to: str | None = None) -> bytes:
        """``target``: the output's extension (pdf, odt); ``convert_to``: soffice's
        ``--convert-to`` argument when it carries a filter and options (PDF/A)."""
        soffice = find_soffice(self.soffice)
        if soffice is None:
            raise missing_soffice(self.soffice)
        with self._slots, tempfile.TemporaryDirectory(prefix="vanban-pdf-") as tmp:
            src = Path(tmp) / "vanban.docx"
            src.write_bytes(docx)
            profile = Path(tmp, "profile").as_uri()
            from vanban.pdf.contain import command_prefix

            cmd = [*command_prefix(Path(tmp), programs=(soffice,)),
                   soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--nologo", "--convert-to", convert_to or target, "--outdir", tmp, str(src)]
            process = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                       stderr=subprocess.STDOUT, start_new_session=True,
                                       env={**os.environ, "HOME": tmp})
            try:
                output, _ = process.communicate(timeout=self.timeout)
            except subprocess.TimeoutExpired as exc:
                kill_group(process)
                raise timed_out("LibreOffice", self.timeout, target) from exc
            out = Path(tmp) / f"vanban.{target}"
            if process.returncode != 0 or not out.exists():
                detail = output.decode("utf-8", "replace")[-500:]
                raise failed(f"LibreOffice không chuyển được tệp sang {label(target)}.",
                             f"soffice exit {process.returncode}", detail=detail)
            return out.read_bytes()
