"""The warm converter with a real LibreOffice: reuse, the same PDF text as a cold start, and
the faults of issue 12 item 4 — the tests really SIGKILL and SIGSTOP ``soffice.bin``."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pdf_helpers import kill, needs_soffice, needs_uno, pdf_text, running, wait_gone

from vanban.errors import ConversionError, ConversionTimeout
from vanban.pdf import LibreOfficeConverter, WarmConverter
from vanban.the_thuc.families import QUOC_HIEU

ROOT = Path(__file__).resolve().parents[2]
DOC = "nha-nuoc-mau-01-tong-ket-2021"


@pytest.fixture(scope="module")
def warm() -> Iterator[WarmConverter]:
    conv = WarmConverter(size=1, timeout=60)
    yield conv
    conv.close()


@pytest.fixture(scope="module")
def docx(rendered: dict[str, bytes]) -> bytes:
    return rendered[DOC]


def office_pid(conv: WarmConverter) -> int:
    conv.start()
    (pid,) = conv.pids()
    return pid


@needs_uno
def test_warm_reuses_one_libreoffice(warm, docx, tmp_path):
    pid = office_pid(warm)
    first = warm.convert(docx)
    second = warm.convert(docx)
    assert warm.pids() == [pid]  # no new process per document
    assert warm.processes[0].conversions >= 2
    for pdf in (first, second):
        assert pdf.startswith(b"%PDF-")
        assert QUOC_HIEU in pdf_text(pdf, tmp_path)


@needs_uno
def test_warm_writes_odt_with_the_same_libreoffice(warm, docx):
    """ODT (TCVN ISO/IEC 26300) through the running LibreOffice's ``writer8`` filter."""
    pid = office_pid(warm)
    odt = warm.convert_to(docx, "odt")
    assert warm.pids() == [pid]
    with zipfile.ZipFile(io.BytesIO(odt)) as zf:
        assert zf.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        assert QUOC_HIEU in zf.read("content.xml").decode()
    assert warm.convert_to(docx, "pdf").startswith(b"%PDF-")  # the same process, PDF again
    with pytest.raises(ConversionError) as caught:
        warm.convert_to(docx, "rtf")
    assert caught.value.problems[0].code == "pdf.unavailable"


@needs_uno
def test_warm_and_cold_give_the_same_text(warm, docx, tmp_path):
    cold = LibreOfficeConverter(timeout=120).convert(docx)
    assert pdf_text(warm.convert(docx), tmp_path) == pdf_text(cold, tmp_path)


@needs_uno
def test_killed_between_conversions_restarts(warm, docx, tmp_path):
    pid = office_pid(warm)
    kill(pid)
    assert wait_gone(pid)
    from prometheus_client import REGISTRY

    def counted() -> float:  # vanban_pdf_restarts_total{backend="warm"}, as /metrics shows it
        return REGISTRY.get_sample_value("vanban_pdf_restarts_total", {"backend": "warm"}) or 0

    restarts, before = warm.restarts, counted()
    pdf = warm.convert(docx)  # noticed before use: a new LibreOffice, the request succeeds
    assert QUOC_HIEU in pdf_text(pdf, tmp_path)
    assert warm.restarts == restarts + 1
    assert counted() == before + 1
    assert warm.pids() and warm.pids() != [pid]


@needs_uno
def test_killed_during_conversion_is_retried(warm, docx, tmp_path):
    pid = office_pid(warm)
    kill(pid, signal.SIGSTOP)  # the request is certainly in flight when the kill comes
    result: dict[str, object] = {}

    def convert() -> None:
        started = time.monotonic()
        try:
            result["pdf"] = warm.convert(docx)
        except ConversionError as exc:
            result["error"] = exc
        result["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=convert)
    thread.start()
    time.sleep(0.5)
    kill(pid)
    thread.join(timeout=90)
    assert not thread.is_alive()
    assert "pdf" in result, result  # retried transparently on a new LibreOffice
    assert QUOC_HIEU in pdf_text(result["pdf"], tmp_path)
    assert result["seconds"] < 60
    assert not running(pid) and warm.pids() != [pid]


@needs_uno
def test_hung_libreoffice_times_out_and_is_replaced(warm, docx, tmp_path):
    pid = office_pid(warm)
    kill(pid, signal.SIGSTOP)
    warm.timeout = 3
    started = time.monotonic()
    try:
        with pytest.raises(ConversionTimeout) as info:
            warm.convert(docx)
    finally:
        warm.timeout = 60
    elapsed = time.monotonic() - started
    assert 3 <= elapsed < 10
    problem = info.value.problems[0]
    assert info.value.status == 504 and problem.code == "pdf.timeout"
    assert "3 giây" in problem.message and "3 s" in problem.message_en
    assert wait_gone(pid)  # the stopped process was killed, not left behind
    pdf = warm.convert(docx)  # waits for the replacement started in the background
    assert QUOC_HIEU in pdf_text(pdf, tmp_path)
    assert warm.pids() and warm.pids() != [pid]


@needs_uno
def test_close_leaves_no_process(docx):
    conv = WarmConverter(size=2, timeout=60)
    results = []
    threads = [threading.Thread(target=lambda: results.append(conv.convert(docx)))
               for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(results) == 2
    pids = conv.pids()
    workers = [p.worker.pid for p in conv.processes if p is not None and p.worker]
    assert 1 <= len(pids) <= 2
    conv.close()
    assert conv.pids() == []
    for pid in pids + workers:
        assert wait_gone(pid), pid


@needs_uno
def test_no_orphan_when_vanban_is_killed():
    """SIGKILL the Python process that owns a warm LibreOffice: LibreOffice goes too."""
    script = textwrap.dedent("""
        import sys
        from vanban.pdf import WarmConverter
        conv = WarmConverter(size=1)
        conv.start()
        print(conv.pids()[0], flush=True)
        sys.stdin.read()
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True,
                             env={**os.environ,
                                  "PYTHONPATH": str(ROOT / "service")})
    try:
        pid = int(child.stdout.readline())
        assert running(pid)
    finally:
        child.kill()
        child.wait()
    assert wait_gone(pid, 15)


@needs_soffice
def test_falls_back_to_cold_without_uno(docx, tmp_path):
    conv = WarmConverter(size=1, timeout=120, uno_python="/nonexistent/python3")
    try:
        pdf = conv.convert(docx)
        assert QUOC_HIEU in pdf_text(pdf, tmp_path)
        assert conv.pids() == []  # converted by a cold soffice --convert-to
    finally:
        conv.close()


def test_missing_soffice_is_503_for_warm():
    conv = WarmConverter(soffice="/nonexistent/bin/soffice")
    assert not conv.available()
    with pytest.raises(ConversionError) as info:
        conv.convert(b"PK")
    assert info.value.status == 503
    problem = info.value.problems[0]
    assert problem.code == "pdf.unavailable"
    assert "LibreOffice" in problem.message and "/nonexistent/bin/soffice" in problem.message
    assert ".docx" in problem.message and "not found" in problem.message_en
