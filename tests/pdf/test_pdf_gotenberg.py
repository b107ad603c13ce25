"""The Gotenberg backend against a loopback server that speaks Gotenberg's HTTP API
(``POST /forms/libreoffice/convert`` with the multipart field ``files``, ``GET /health``) and
converts with the real LibreOffice — plus an unreachable service, a slow one, a failing one."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest
from flask import Flask, Response, request
from pdf_helpers import needs_soffice, pdf_text

from loopback import serve
from vanban.errors import ConversionError, ConversionTimeout
from vanban.pdf import GotenbergConverter, LibreOfficeConverter
from vanban.the_thuc.families import QUOC_HIEU


def gotenberg_app() -> Flask:
    app = Flask("gotenberg-stand-in")
    behaviour = {"mode": "ok"}
    app.config["behaviour"] = behaviour

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "up"}

    @app.post("/forms/libreoffice/convert")
    def convert() -> Response:
        upload = request.files["files"]
        assert upload.filename.endswith(".docx")
        if behaviour["mode"] == "slow":
            time.sleep(3)
        if behaviour["mode"] == "error":
            return Response("LibreOffice failed", status=500)
        # Gotenberg is another service: its LibreOffice does not take this process's
        # heavy-work slots (the unwrapped methods; the client's call holds one already)
        converter = LibreOfficeConverter(timeout=120)
        pdfa = request.form.get("pdfa")  # Gotenberg's field: "PDF/A-2b"
        pdf = (LibreOfficeConverter.convert_pdfa.__wrapped__(
                   converter, upload.read(), int(pdfa[6])) if pdfa
               else LibreOfficeConverter.convert.__wrapped__(converter, upload.read()))
        return Response(pdf, mimetype="application/pdf")

    return app


@pytest.fixture(scope="module")
def gotenberg() -> Iterator[tuple[str, dict[str, str]]]:
    app = gotenberg_app()
    with serve(app) as url:  # stops the request threads before the server (tests/loopback.py)
        yield url, app.config["behaviour"]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@needs_soffice
def test_gotenberg_converts(gotenberg, rendered, tmp_path):
    url, behaviour = gotenberg
    behaviour["mode"] = "ok"
    conv = GotenbergConverter(url + "/", timeout=120)
    assert conv.available()
    pdf = conv.convert(rendered["nha-nuoc-mau-01-tong-ket-2021"])
    assert QUOC_HIEU in pdf_text(pdf, tmp_path)


def test_gotenberg_unreachable_is_503():
    conv = GotenbergConverter(f"http://127.0.0.1:{closed_port()}", timeout=5)
    assert not conv.available()
    with pytest.raises(ConversionError) as info:
        conv.convert(b"PK")
    problem = info.value.problems[0]
    assert info.value.status == 503 and problem.code == "pdf.unavailable"
    assert "Gotenberg" in problem.message and "unreachable" in problem.message_en
    # issue 19: no internal host name, no Python error text in what a client is told
    for text in (problem.message, problem.message_en):
        assert "127.0.0.1" not in text and "Error" not in text and "Max retries" not in text


def test_gotenberg_not_configured_is_503():
    with pytest.raises(ConversionError) as info:
        GotenbergConverter("").convert(b"PK")
    assert "VANBAN_GOTENBERG_URL" in info.value.problems[0].message


def test_gotenberg_slow_is_504(gotenberg):
    url, behaviour = gotenberg
    behaviour["mode"] = "slow"
    started = time.monotonic()
    with pytest.raises(ConversionTimeout) as info:
        GotenbergConverter(url, timeout=1).convert(b"PK")
    assert time.monotonic() - started < 2.5
    assert info.value.status == 504 and info.value.problems[0].code == "pdf.timeout"


def test_gotenberg_error_is_503_with_its_status(gotenberg, caplog):
    url, behaviour = gotenberg
    behaviour["mode"] = "error"
    with caplog.at_level("WARNING"), pytest.raises(ConversionError) as info:
        GotenbergConverter(url, timeout=10).convert(b"PK")
    problem = info.value.problems[0]
    assert info.value.status == 503 and problem.code == "pdf.failed"
    assert "500" in problem.message and "500" in problem.message_en
    # Gotenberg's own text is for the operator (the log), not for the client (issue 19)
    assert "LibreOffice failed" not in problem.message_en
    assert "LibreOffice failed" in caplog.text


@needs_soffice
def test_gotenberg_pdfa_for_signing(gotenberg, rendered):
    """``convert_pdfa`` (ký số) sends Gotenberg's ``pdfa`` field and gets PDF/A back."""
    url, behaviour = gotenberg
    behaviour["mode"] = "ok"
    docx = rendered["nha-nuoc-mau-01-tong-ket-2021"]
    pdf = GotenbergConverter(url, timeout=120).convert_pdfa(docx, 2)
    assert b'pdfaid:part="2"' in pdf or b"<pdfaid:part>2</pdfaid:part>" in pdf
    assert b"pdfaid" not in GotenbergConverter(url, timeout=120).convert(docx)
