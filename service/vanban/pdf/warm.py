"""Warm PDF conversion: LibreOffice kept running and reused, watched and restarted.

:class:`WarmConverter` holds a pool of up to ``VANBAN_PDF_CONCURRENCY`` :class:`OfficeProcess`
(one is started at the first request or by :meth:`WarmConverter.start`; another only when all
are busy). For each request it:

* restarts a LibreOffice that died between requests (checked before use), and pings one that
  sat idle for a while (health check);
* gives a conversion ``VANBAN_PDF_TIMEOUT`` seconds; a hung LibreOffice is killed, the request
  gets ``pdf.timeout`` (HTTP 504) and a replacement starts in the background;
* retries once, on a new LibreOffice, a conversion whose LibreOffice died under it;
* falls back to a cold ``soffice --convert-to`` (:class:`LibreOfficeConverter`) when no
  interpreter can ``import uno`` or LibreOffice will not start in server mode.

Every process is stopped by :meth:`close`, registered with :mod:`atexit`; the UNO helper also
kills its LibreOffice when vanban's process disappears.
"""

from __future__ import annotations

import atexit
import logging
import queue
import threading
import time

from vanban.config import get_settings
from vanban.pdf.base import Converter, failed, label, timed_out
from vanban.pdf.libreoffice import (
    LibreOfficeConverter,
    find_soffice,
    missing_soffice,
    pdfa_filter_data,
)
from vanban.pdf.office import (
    OfficeDied,
    OfficeError,
    OfficeHung,
    OfficeProcess,
    OfficeStartError,
    find_uno_python,
)

log = logging.getLogger("vanban.pdf")

#: Ping a LibreOffice that has been idle this long before giving it a document.
IDLE_PING_SECONDS = 30.0
#: Replace a LibreOffice after this many conversions (bounds slow memory growth).
RECYCLE_AFTER = 500
#: After a failed start, use the cold converter this long before trying again.
RETRY_START_SECONDS = 60.0


def _tiny_docx() -> bytes:
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("vanban")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class WarmConverter(Converter):
    """A pool of running LibreOffice processes; see the module docstring."""

    name = "warm"
    targets = ("pdf", "odt")

    def __init__(self, soffice: str | None = None, *, size: int | None = None,
                 timeout: float | None = None, start_timeout: float = 60.0,
                 uno_python: str | None = None) -> None:
        settings = get_settings()
        self.soffice = soffice
        self.size = size or settings.pdf_concurrency
        self.timeout = settings.pdf_timeout if timeout is None else timeout
        self.start_timeout = start_timeout
        self.uno_python = settings.uno_python if uno_python is None else uno_python
        self.cold = LibreOfficeConverter(soffice, timeout=self.timeout, concurrency=self.size)
        self.processes: list[OfficeProcess | None] = [None] * self.size
        self._idle: queue.LifoQueue[int] = queue.LifoQueue()
        for slot in reversed(range(self.size)):
            self._idle.put(slot)
        self._lock = threading.Lock()
        self._closed = False
        self._cold_until = 0.0
        self.restarts = 0
        atexit.register(self.close)

    # -- interface ---------------------------------------------------------------------

    def available(self) -> bool:
        return find_soffice(self.soffice) is not None

    def status(self) -> dict[str, object]:
        return {"name": self.name, "available": self.available()}

    def start(self) -> None:
        """Start the first LibreOffice now and convert a one-line document with it, so the
        first request finds Writer and its .docx import already loaded."""
        slot = self._idle.get()
        try:
            self._process(slot).convert(_tiny_docx(), self.timeout)
        except OfficeError as exc:
            log.warning("warm LibreOffice unavailable, using cold conversion: %s", exc)
        finally:
            self._idle.put(slot)

    def pids(self) -> list[int]:
        """Process ids of the running LibreOffice processes (for operators and tests)."""
        return [p.pid for p in self.processes if p is not None and p.pid is not None]

    def convert(self, docx: bytes) -> bytes:
        return self.convert_to(docx, "pdf")

    def convert_to(self, docx: bytes, target: str) -> bytes:
        if target not in self.targets:
            return super().convert_to(docx, target)
        return self._convert(docx, None, target)

    def convert_pdfa(self, docx: bytes, part: int = 2) -> bytes:
        return self._convert(docx, part)

    def _convert(self, docx: bytes, pdfa: int | None, target: str = "pdf") -> bytes:
        if find_soffice(self.soffice) is None:
            raise missing_soffice(self.soffice)
        options = pdfa_filter_data(pdfa) if pdfa else None

        def cold() -> bytes:
            return self.cold.convert_pdfa(docx, pdfa) if pdfa else self.cold.convert_to(docx,
                                                                                         target)

        if self._closed or time.monotonic() < self._cold_until:
            return cold()
        slot = self._idle.get()
        release = True
        try:
            for attempt in (1, 2):
                try:
                    process = self._process(slot)
                except OfficeStartError as exc:
                    log.warning("warm LibreOffice unavailable, using cold conversion: %s", exc)
                    self._cold_until = time.monotonic() + RETRY_START_SECONDS
                    return cold()
                try:
                    return process.convert(docx, self.timeout, target, options)
                except OfficeDied as exc:
                    log.warning("LibreOffice died during a conversion (%s); attempt %d", exc,
                                attempt)
                    process.stop()
                except OfficeHung as exc:
                    log.error("LibreOffice hung (%s); killed, starting a new one", exc)
                    release = False
                    self._replace_in_background(slot)
                    raise timed_out("LibreOffice", self.timeout, target) from exc
                except OfficeError as exc:
                    raise failed(f"LibreOffice không chuyển được tệp sang {label(target)}.",
                                 "LibreOffice refused the document", detail=str(exc)) from exc
            raise failed("LibreOffice dừng đột ngột hai lần khi chuyển tệp này sang "
                         f"{label(target)}.",
                         "LibreOffice died twice while converting this document")
        finally:
            if release:
                self._idle.put(slot)

    def close(self) -> None:
        """Stop every LibreOffice of the pool (idempotent; also run at exit)."""
        with self._lock:
            self._closed = True
            processes, self.processes = self.processes, [None] * self.size
        for process in processes:
            if process is not None:
                process.close()

    # -- the watchdog ------------------------------------------------------------------

    def _process(self, slot: int) -> OfficeProcess:
        """The slot's LibreOffice, started, restarted or recycled when needed."""
        process = self.processes[slot]
        if process is None:
            soffice = find_soffice(self.soffice)
            python = find_uno_python(self.uno_python, soffice or "")
            if soffice is None or python is None:
                raise OfficeStartError("soffice not found" if soffice is None else
                                       "no interpreter can import uno (install python3-uno)")
            process = OfficeProcess(soffice, python, self.start_timeout)
            with self._lock:
                if self._closed:
                    process.close()
                    raise OfficeStartError("the converter is closed")
                self.processes[slot] = process
        elif process.alive():
            idle = time.monotonic() - process.last_used
            if process.conversions >= RECYCLE_AFTER:
                log.info("recycling LibreOffice after %d conversions", process.conversions)
            elif idle < IDLE_PING_SECONDS or process.ping():
                return process
            else:
                log.warning("LibreOffice did not answer the health check; restarting it")
            self._count_restart()
        else:
            log.warning("LibreOffice (slot %d) is not running; restarting it", slot)
            self._count_restart()
        process.stop()
        process.start()
        return process

    def _count_restart(self) -> None:
        """``restarts`` here, and ``vanban_pdf_restarts_total{backend="warm"}`` at /metrics."""
        from vanban.ops.metrics import record_pdf_restart

        self.restarts += 1
        record_pdf_restart(self.name)

    def _replace_in_background(self, slot: int) -> None:
        """Start the slot's replacement now (the slot is busy until then)."""

        def replace() -> None:
            try:
                if not self._closed:
                    self._process(slot)
            except OfficeError as exc:
                log.warning("could not restart LibreOffice: %s", exc)
            finally:
                self._idle.put(slot)

        threading.Thread(target=replace, name="vanban-office-restart", daemon=True).start()
