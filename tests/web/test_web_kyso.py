"""The PDF to sign over HTTP, on a real loopback server: ``?format=pdf&for_signing=1`` on the
documents API and the hồ sơ API, and the page's "Tải PDF để ký số" button."""

from __future__ import annotations

import io
import shutil
import zipfile

import pytest
import requests

import vanban

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None,
                                reason="LibreOffice (soffice) is not installed")

TEMPLATE = "quyet-dinh-khen-thuong"


def _fields(pdf: bytes) -> set[str]:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields

    return {name for name, _, _ in enumerate_sig_fields(PdfFileReader(io.BytesIO(pdf)))}


def test_documents_api_for_signing(live_server: str) -> None:
    url = f"{live_server}/api/v1/documents/{TEMPLATE}"
    response = requests.post(f"{url}?format=pdf&for_signing=1", json=vanban.example(TEMPLATE),
                             timeout=120)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["Content-Type"] == "application/pdf"
    assert b'pdfaid:part="2"' in response.content
    assert _fields(response.content) == {"NguoiKy", "DauCoQuan"}
    plain = requests.post(f"{url}?format=pdf", json=vanban.example(TEMPLATE), timeout=120)
    assert plain.status_code == 200 and _fields(plain.content) == set()


@pytest.mark.parametrize("query", ["format=docx&for_signing=1", "format=pdf&for_signing=co",
                                   "format=pdf&for_signing=true"])
def test_for_signing_needs_pdf_and_a_flag(live_server: str, query: str) -> None:
    response = requests.post(f"{live_server}/api/v1/documents/{TEMPLATE}?{query}",
                             json=vanban.example(TEMPLATE), timeout=60)
    assert response.status_code == 400
    problem = response.json()["problems"][0]
    assert problem["code"] == "request.for_signing" and problem["message_en"]


def test_page_button_for_signing(live_server: str) -> None:
    import json

    response = requests.post(f"{live_server}/mau/{TEMPLATE}", timeout=120, data={
        "action": "pdf-ky-so", "data": json.dumps(vanban.example(TEMPLATE))})
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert "NguoiKy" in _fields(response.content)
    page = requests.get(f"{live_server}/mau/{TEMPLATE}", timeout=30).text
    assert 'value="pdf-ky-so"' in page and "Tải PDF để ký số" in page


@pytest.mark.parametrize("how", ["api", "page"])
def test_ho_so_for_signing(live_server: str, how: str) -> None:
    from web_helpers import ROOT

    data = (ROOT / "service" / "vanban" / "ho_so" / "vi_du.json").read_bytes()
    if how == "api":
        response = requests.post(f"{live_server}/api/v1/ho-so-khen-thuong?for_signing=1",
                                 data=data, headers={"Content-Type": "application/json"},
                                 timeout=300)
    else:
        assert 'value="zip-ky-so"' in requests.get(f"{live_server}/ho-so", timeout=30).text
        response = requests.post(f"{live_server}/ho-so", timeout=300, data={
            "action": "zip-ky-so", "data": data.decode("utf-8")})
        assert "ho-so-khen-thuong-ky-so.zip" in response.headers["Content-Disposition"]
    assert response.status_code == 200, response.text[:500]
    with zipfile.ZipFile(io.BytesIO(response.content)) as zf:
        names = zf.namelist()
        assert all(n.endswith(".pdf") for n in names)
        assert "03-to-trinh-khen-thuong-danh-sach.pdf" in names
        assert _fields(zf.read("03-to-trinh-khen-thuong-danh-sach.pdf")) == {
            "DauCoQuan_VanBanKem"}
