"""PDF through a Gotenberg service (``VANBAN_GOTENBERG_URL``), for deployments that run
conversion on other machines.

Gotenberg (https://gotenberg.dev) wraps LibreOffice behind HTTP: the document is posted as the
multipart field ``files`` to ``{url}/forms/libreoffice/convert`` and the PDF comes back;
``{url}/health`` answers while it is up. Unreachable or failing → ``pdf.unavailable`` /
``pdf.failed`` (503), no answer within ``VANBAN_PDF_TIMEOUT`` → ``pdf.timeout`` (504).
"""

from __future__ import annotations

import requests

from vanban.config import get_settings
from vanban.pdf.base import Converter, failed, timed_out, unavailable

CONVERT_PATH = "/forms/libreoffice/convert"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class GotenbergConverter(Converter):
    name = "gotenberg"

    def __init__(self, url: str | None = None, timeout: float | None = None) -> None:
        settings = get_settings()
        self.url = (settings.gotenberg_url if url is None else url).rstrip("/")
        self.timeout = settings.pdf_timeout if timeout is None else timeout
        self._session = requests.Session()

    def available(self) -> bool:
        if not self.url:
            return False
        try:
            return self._session.get(f"{self.url}/health", timeout=2).status_code == 200
        except requests.RequestException:
            return False

    def convert(self, docx: bytes) -> bytes:
        return self._convert(docx, {})

    def convert_pdfa(self, docx: bytes, part: int = 2) -> bytes:
        """Gotenberg's LibreOffice route takes ``pdfa=PDF/A-2b`` (form field)."""
        return self._convert(docx, {"pdfa": f"PDF/A-{part}b"})

    def _convert(self, docx: bytes, fields: dict[str, str]) -> bytes:
        if not self.url:
            raise unavailable("Chưa cấu hình địa chỉ Gotenberg (VANBAN_GOTENBERG_URL).",
                              "VANBAN_GOTENBERG_URL is not set")
        try:
            response = self._session.post(
                self.url + CONVERT_PATH, files={"files": ("vanban.docx", docx, DOCX_MIME)},
                data=fields, timeout=(5, self.timeout))
        except requests.ConnectionError as exc:  # refused, DNS, connect timeout
            raise unavailable(f"Không kết nối được dịch vụ chuyển PDF Gotenberg ({self.url}).",
                              f"Gotenberg at {self.url} unreachable: {exc}") from exc
        except requests.Timeout as exc:  # connected, no answer in time
            raise timed_out("Gotenberg", self.timeout) from exc
        except requests.RequestException as exc:
            raise unavailable(f"Không kết nối được dịch vụ chuyển PDF Gotenberg ({self.url}).",
                              f"Gotenberg at {self.url} unreachable: {exc}") from exc
        if response.status_code != 200 or not response.content.startswith(b"%PDF"):
            raise failed(f"Dịch vụ Gotenberg không chuyển được tệp (mã {response.status_code}).",
                         f"Gotenberg answered {response.status_code}: {response.text[:300]}")
        return response.content

    def close(self) -> None:
        self._session.close()
