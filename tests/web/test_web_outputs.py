"""Every output of ``vanban.outputs`` through the API, the page and the OpenAPI document:
``?format=odt`` gives a real ODT (LibreOffice, not mocked), the enums and buttons list it."""

from __future__ import annotations

import io
import re
import zipfile
from urllib.parse import unquote

import pytest
from flask.testing import FlaskClient
from web_helpers import TEMPLATE

import vanban
from vanban import outputs
from vanban.pdf import converter
from vanban.pdf.libreoffice import find_soffice

URL = f"/api/v1/documents/{TEMPLATE}"
needs_soffice = pytest.mark.skipif(find_soffice("") is None,
                                   reason="LibreOffice is installed by .ci/run")


@needs_soffice
def test_odt_from_the_api(client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VANBAN_PDF", "libreoffice")  # cold: no server left running
    converter.cache_clear()
    try:
        response = client.post(f"{URL}?format=odt", json=vanban.example(TEMPLATE))
    finally:
        converter.cache_clear()
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/vnd.oasis.opendocument.text"
    with zipfile.ZipFile(io.BytesIO(response.data)) as zf:
        assert zf.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in zf.read("content.xml").decode()
    header = response.headers["Content-Disposition"]
    assert unquote(re.search(r"filename\*=UTF-8''([^;]+)", header).group(1)).endswith(".odt")
    metrics = client.get("/metrics").get_data(as_text=True)
    assert re.search(r'vanban_renders_total\{[^}]*format="odt"', metrics)


def test_unknown_format_lists_every_output(client: FlaskClient) -> None:
    response = client.post(f"{URL}?format=rtf", json=vanban.example(TEMPLATE))
    assert response.status_code == 400
    assert response.get_json()["problems"][0]["extra"]["accepted"] == sorted(outputs.NAMES)


def test_openapi_enums_come_from_the_table(client: FlaskClient) -> None:
    spec = client.get("/api/v1/openapi.json").get_json()
    post = spec["paths"]["/api/v1/documents/{template_id}"]["post"]
    (fmt,) = [p for p in post["parameters"] if p["name"] == "format"]
    assert fmt["schema"]["enum"] == list(outputs.NAMES)
    assert set(post["responses"]["200"]["content"]) == {o.media_type
                                                        for o in outputs.OUTPUTS.values()}
    for path in ("/api/v1/batch/{template_id}", "/api/v1/jobs/{id}"):
        (fmt,) = [p for p in spec["paths"][path]["post"]["parameters"] if p["name"] == "format"]
        assert fmt["schema"]["enum"] == list(outputs.NAMES)


def test_page_offers_a_button_per_output(client: FlaskClient) -> None:
    page = client.get(f"/mau/{TEMPLATE}").get_data(as_text=True)
    for output in outputs.OUTPUTS.values():
        assert f'value="{output.name}" data-format="{output.name}"' in page
        assert output.label in page
