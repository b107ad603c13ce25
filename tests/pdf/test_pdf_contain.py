"""Issue 19 item 1: a converted package cannot make LibreOffice fetch a URL or read a local
file — removed before conversion (every backend) and, should anything slip through, contained
(no network, no files outside the working folder). A real HTTP listener on 127.0.0.1 counts
the requests; the PDF is read back with pdftotext."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pdf_helpers import needs_soffice, pdf_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ooxml"))
from hostile_docs import Listener, hostile_docx, secret_files  # noqa: E402

from vanban.config import reload_settings  # noqa: E402
from vanban.pdf import (  # noqa: E402
    GotenbergConverter,
    LibreOfficeConverter,
    WarmConverter,
    contain,  # noqa: E402
)

MARK = "SECRETMARK19"


@pytest.fixture
def mode(request, monkeypatch) -> Iterator[str]:
    monkeypatch.setenv("VANBAN_PDF_CONTAIN", request.param)
    reload_settings()
    contain._cache_clear()
    if not contain.works(contain.effective_mode()):
        pytest.skip(f"{request.param} cannot run here")
    yield request.param
    monkeypatch.undo()
    reload_settings()
    contain._cache_clear()


def _check(pdf: bytes, listener: Listener, tmp: Path) -> None:
    text = pdf_text(pdf, tmp)
    assert "Van ban thu" in text  # the document itself converted
    assert listener.hits == []
    assert MARK not in text


@needs_soffice
@pytest.mark.parametrize("mode", ["off"], indirect=True)
@pytest.mark.parametrize("backend", ["cold", "warm"])
def test_nothing_is_fetched_nor_read_once_neutralised(mode, backend, tmp_path):
    """The first layer alone (containment off): every backend converts the cleaned package."""
    conv = WarmConverter(size=1, timeout=60) if backend == "warm" else LibreOfficeConverter()
    try:
        with Listener() as listener:
            pdf = conv.convert(hostile_docx(listener.url, secret_files(tmp_path / "s", MARK)))
            _check(pdf, listener, tmp_path)
    finally:
        conv.close()


@needs_soffice
@pytest.mark.parametrize("mode", ["bwrap", "unshare"], indirect=True)
@pytest.mark.parametrize("backend", ["cold", "warm"])
def test_containment_alone_stops_what_slips_through(mode, backend, tmp_path):
    """The second layer alone: the raw package (``convert.__wrapped__`` skips the cleaning)
    inside the containment reaches no listener; with bwrap no local file is read either."""
    conv = WarmConverter(size=1, timeout=60) if backend == "warm" else LibreOfficeConverter()
    try:
        with Listener() as listener:
            raw = type(conv).convert.__wrapped__  # type: ignore[attr-defined]
            pdf = raw(conv, hostile_docx(listener.url, secret_files(tmp_path / "s", MARK)))
            text = pdf_text(pdf, tmp_path)
            assert "Van ban thu" in text
            assert listener.hits == []
            if mode == "bwrap":
                assert MARK not in text
        if backend == "warm":
            assert conv.pids(), "the warm LibreOffice ran (no silent fallback to cold)"
    finally:
        conv.close()


def test_gotenberg_receives_the_neutralised_package(tmp_path):
    """Gotenberg's LibreOffice is on another machine: what it is sent is already clean."""
    received: list[bytes] = []
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Fake(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            received.append(self.rfile.read(int(self.headers["Content-Length"])))
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"%PDF-1.4 fake")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Fake)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        GotenbergConverter(url=url, timeout=10).convert(
            hostile_docx("http://127.0.0.1:9", secret_files(tmp_path / "s", MARK)))
    finally:
        server.shutdown()
        server.server_close()
    (body,) = received
    assert b"PK" in body  # a zip went out …
    import io
    import zipfile

    start = body.index(b"PK\x03\x04")
    package = zipfile.ZipFile(io.BytesIO(body[start:]))
    rels = package.read("word/_rels/document.xml.rels")
    assert b"127.0.0.1:9" not in rels and b"file:///" not in package.read("word/media/drawing.svg")
