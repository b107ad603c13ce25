"""PDF through the real LibreOffice, and a clear 503 when no converter is installed (forced
with ``VANBAN_SOFFICE`` pointing at a missing binary — the web layer is not mocked)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from urllib.parse import unquote

import pytest
from flask.testing import FlaskClient
from web_helpers import TEMPLATE, fixture_named

import vanban
from vanban.pdf import converter

URL = f"/api/v1/documents/{TEMPLATE}"


@pytest.fixture
def no_converter(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("VANBAN_PDF", "libreoffice")
    monkeypatch.setenv("VANBAN_SOFFICE", "/nonexistent/bin/soffice")
    converter.cache_clear()
    yield
    converter.cache_clear()


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed; CI installs "
                           "libreoffice-writer-nogui")
def test_pdf_with_libreoffice(client: FlaskClient) -> None:
    converter.cache_clear()
    fixture = fixture_named("nha-nuoc")
    response = client.post(f"{URL}?format=pdf", data=fixture.read_bytes(),
                           content_type="application/json")
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF-")
    assert len(response.data) > 10_000
    header = response.headers["Content-Disposition"]
    name = unquote(re.search(r"filename\*=UTF-8''([^;]+)", header).group(1))
    assert name.startswith("05-BC-STNMT-VP Tổng kết") and name.endswith(".pdf")


def test_pdf_unavailable_is_503(client: FlaskClient, no_converter: None) -> None:
    response = client.post(f"{URL}?format=pdf", json=vanban.example(TEMPLATE))
    assert response.status_code == 503
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["type"].endswith("#problem-pdf-unavailable")
    assert body["problems"][0]["code"] == "pdf.unavailable"
    assert "LibreOffice" in body["detail"] and ".docx" in body["detail"]
    # .docx still works, and readiness reports the converter without failing
    assert client.post(URL, json=vanban.example(TEMPLATE)).status_code == 200
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.get_json()["pdf"] == {"name": "libreoffice", "available": False}


def test_pdf_invalid_input_is_422_before_conversion(client: FlaskClient,
                                                   no_converter: None) -> None:
    response = client.post(f"{URL}?format=pdf", json={"so": 1})
    assert response.status_code == 422


def test_page_pdf_unavailable_shows_message(client: FlaskClient, no_converter: None) -> None:
    text = fixture_named("dang").read_text("utf-8")
    response = client.post(f"/mau/{TEMPLATE}", data={"action": "pdf", "data": text})
    assert response.status_code == 503 and response.mimetype == "text/html"
    assert "Không chuyển được sang PDF" in response.get_data(as_text=True)
