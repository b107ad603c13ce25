"""PDF faults through the real HTTP service (waitress on loopback, issue 12 item 4): no
LibreOffice → 503; LibreOffice stopped (SIGSTOP) → 504 ``pdf.timeout`` within the configured
time while the server keeps answering others, then a new LibreOffice and 200; LibreOffice
killed (SIGKILL) → restarted, 200. The tests really signal ``soffice.bin``."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from web_helpers import TEMPLATE, fixture_named

from vanban.pdf import WarmConverter, converter
from vanban.pdf.libreoffice import find_soffice
from vanban.pdf.office import find_uno_python

TIMEOUT = 10
needs_uno = pytest.mark.skipif(
    find_soffice("") is None or find_uno_python("", find_soffice("") or "") is None,
    reason="LibreOffice and python3-uno are installed by .ci/run")


@pytest.fixture
def pdf_url(live_server: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("VANBAN_PDF", "warm")
    monkeypatch.setenv("VANBAN_PDF_TIMEOUT", str(TIMEOUT))
    monkeypatch.setenv("VANBAN_PDF_CONCURRENCY", "1")
    converter.cache_clear()
    yield f"{live_server}/api/v1/documents/{TEMPLATE}?format=pdf"
    converter.cache_clear()


def post(url: str) -> requests.Response:
    body = fixture_named("nha-nuoc").read_bytes()
    return requests.post(url, data=body, headers={"Content-Type": "application/json"},
                         timeout=120)


def alive(pid: int) -> bool:
    """A live process: present in /proc and not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_no_libreoffice_is_503_then_recovers(pdf_url, monkeypatch):
    monkeypatch.setenv("VANBAN_SOFFICE", "/nonexistent/bin/soffice")
    converter.cache_clear()
    response = post(pdf_url)
    assert response.status_code == 503
    assert response.headers["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["problems"][0]["code"] == "pdf.unavailable"
    assert "LibreOffice" in body["detail"] and "VANBAN_SOFFICE" in body["detail"]
    if find_soffice("") is None:
        return
    monkeypatch.delenv("VANBAN_SOFFICE")
    converter.cache_clear()  # the operator fixes the path: the next request works
    assert post(pdf_url).status_code == 200


@needs_uno
def test_hung_then_killed_libreoffice_over_http(pdf_url, live_server):
    first = post(pdf_url)
    assert first.status_code == 200 and first.content.startswith(b"%PDF-")
    conv = converter()
    assert isinstance(conv, WarmConverter)
    (pid,) = conv.pids()

    # Hang: the PDF request gets 504 pdf.timeout; meanwhile the server answers others.
    os.kill(pid, signal.SIGSTOP)
    hung: dict[str, object] = {}

    def hung_request() -> None:
        started = time.monotonic()
        hung["response"] = post(pdf_url)
        hung["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=hung_request)
    thread.start()
    time.sleep(1)
    assert requests.get(f"{live_server}/healthz", timeout=5).status_code == 200
    docx = requests.post(pdf_url.replace("?format=pdf", ""), timeout=30,
                         data=fixture_named("dang").read_bytes(),
                         headers={"Content-Type": "application/json"})
    assert docx.status_code == 200
    thread.join(timeout=TIMEOUT + 60)
    response = hung["response"]
    assert isinstance(response, requests.Response)
    assert response.status_code == 504, response.text[:300]
    assert TIMEOUT <= hung["seconds"] < TIMEOUT + 10
    body = response.json()
    assert body["type"].endswith("#problem-pdf-timeout")
    assert body["problems"][0]["code"] == "pdf.timeout"
    assert f"{TIMEOUT} giây" in body["detail"]
    deadline = time.monotonic() + 10
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(pid)  # the stopped LibreOffice was killed

    after_hang = post(pdf_url)  # served by its replacement
    assert after_hang.status_code == 200 and after_hang.content.startswith(b"%PDF-")
    (new_pid,) = conv.pids()
    assert new_pid != pid

    # Crash between requests: noticed, restarted, the request succeeds.
    os.kill(new_pid, signal.SIGKILL)
    after_kill = post(pdf_url)
    assert after_kill.status_code == 200 and after_kill.content.startswith(b"%PDF-")
    assert conv.pids() and conv.pids() != [new_pid]
    ready = requests.get(f"{live_server}/readyz", timeout=5).json()
    assert ready["pdf"] == {"name": "warm", "available": True}
