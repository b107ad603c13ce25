"""PDF through Microsoft Word, with docx2pdf (Windows and macOS with Word installed only).

Word is driven through COM (Windows) or AppleScript (macOS); docx2pdf offers no timeout, so
this backend has none either — use it on a desk, not behind a busy service."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from vanban.pdf.base import Converter, failed, unavailable


class WordConverter(Converter):
    name = "word"

    def available(self) -> bool:
        if sys.platform not in ("win32", "darwin"):
            return False
        try:
            import docx2pdf  # noqa: F401
        except ImportError:
            return False
        if sys.platform == "darwin":
            return Path("/Applications/Microsoft Word.app").exists()
        return True

    def convert(self, docx: bytes) -> bytes:
        if not self.available():
            raise unavailable(
                "Chuyển PDF bằng Microsoft Word chỉ chạy trên Windows hoặc macOS có cài Word.",
                "docx2pdf needs Microsoft Word (Windows/macOS)")
        from docx2pdf import convert

        with tempfile.TemporaryDirectory(prefix="vanban-word-") as tmp:
            src, dst = Path(tmp) / "vanban.docx", Path(tmp) / "vanban.pdf"
            src.write_bytes(docx)
            try:
                convert(str(src), str(dst))
            except Exception as exc:  # docx2pdf raises bare exceptions from COM/AppleScript
                raise failed("Microsoft Word không chuyển được tệp sang PDF.",
                             "docx2pdf failed", detail=repr(exc)) from exc
            return dst.read_bytes()
