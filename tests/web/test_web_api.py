"""The API's successful paths through the Flask test client: documents, validation,
templates, schema, example, health."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from flask.testing import FlaskClient
from web_helpers import DOCX_MIME, FIXTURES, TEMPLATE, docx_text, fixture_named, load_fixture

import vanban

URL = f"/api/v1/documents/{TEMPLATE}"


def _filename_star(header: str) -> str:
    match = re.search(r"filename\*=UTF-8''([^;]+)", header)
    assert match, header
    return unquote(match.group(1))


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_render_json_body(client: FlaskClient, fixture: Path) -> None:
    data = load_fixture(fixture)
    response = client.post(URL, data=fixture.read_bytes(), content_type="application/json")
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == DOCX_MIME
    assert response.headers["Cache-Control"] == "no-store"
    text = docx_text(response.data)
    assert data["co_quan"]["ten"] in text
    if data["nguoi_ky"].get("ho_ten"):
        assert data["nguoi_ky"]["ho_ten"] in text


def test_filename_keeps_vietnamese_and_has_ascii_fallback(client: FlaskClient) -> None:
    fixture = fixture_named("nha-nuoc")
    response = client.post(URL, data=fixture.read_bytes(), content_type="application/json")
    header = response.headers["Content-Disposition"]
    assert header.startswith("attachment; ")
    name = _filename_star(header)
    assert name.startswith("05-BC-STNMT-VP Tổng kết phong trào thi đua")
    assert name.endswith(".docx") and "\n" not in name
    assert "Phương hướng nhiệm vụ năm 2022" in name  # the abstract's second line, joined
    fallback = re.search(r'filename="([^"]+)"', header).group(1)
    assert fallback.isascii() and fallback.startswith("05-BC-STNMT-VP Tong ket phong trao thi dua")


def test_filename_party_ky_hieu_has_no_slash(client: FlaskClient) -> None:
    fixture = fixture_named("dang")
    response = client.post(URL, data=fixture.read_bytes(), content_type="application/json")
    name = _filename_star(response.headers["Content-Disposition"])
    assert name.startswith("BC-ĐUK Sơ kết công tác Thi đua")
    assert "/" not in name and "\\" not in name


def test_render_multipart_file(client: FlaskClient) -> None:
    fixture = FIXTURES[0]
    body = {"data": (io.BytesIO(fixture.read_bytes()), fixture.name, "application/json")}
    response = client.post(URL, data=body, content_type="multipart/form-data")
    assert response.status_code == 200
    assert load_fixture(fixture)["co_quan"]["ten"] in docx_text(response.data)


def test_render_multipart_text_field(client: FlaskClient) -> None:
    text = json.dumps(vanban.example(TEMPLATE), ensure_ascii=False)
    response = client.post(URL, data={"data": text}, content_type="multipart/form-data")
    assert response.status_code == 200
    assert response.mimetype == DOCX_MIME


@pytest.mark.parametrize("content_type", [
    "application/json; charset=utf-8", "application/vnd.vanban+json", "APPLICATION/JSON"])
def test_json_media_type_variants(client: FlaskClient, content_type: str) -> None:
    response = client.post(URL, data=json.dumps(vanban.example(TEMPLATE)),
                           headers={"Content-Type": content_type})
    assert response.status_code == 200


def test_utf8_bom_is_accepted(client: FlaskClient) -> None:
    body = b"\xef\xbb\xbf" + FIXTURES[0].read_bytes()
    assert client.post(URL, data=body, content_type="application/json").status_code == 200


def test_format_docx_explicit(client: FlaskClient) -> None:
    response = client.post(f"{URL}?format=DOCX", json=vanban.example(TEMPLATE))
    assert response.status_code == 200 and response.mimetype == DOCX_MIME


def test_validate_ok(client: FlaskClient) -> None:
    response = client.post(f"/api/v1/validate/{TEMPLATE}", json=vanban.example(TEMPLATE))
    assert response.status_code == 200
    assert response.get_json() == {"valid": True}


def test_templates_list(client: FlaskClient) -> None:
    response = client.get("/api/v1/templates")
    assert response.status_code == 200
    items = response.get_json()["templates"]
    ids = [t["id"] for t in items]
    assert TEMPLATE in ids
    item = items[ids.index(TEMPLATE)]
    assert {"id", "title", "families", "description"} <= set(item)
    assert item["families"] == ["nha-nuoc", "dang", "cong-doan", "doan-thanh-nien"]
    assert "Báo cáo" in item["title"]


def test_template_info(client: FlaskClient) -> None:
    response = client.get(f"/api/v1/templates/{TEMPLATE}")
    assert response.status_code == 200
    assert response.get_json()["loai_van_ban"] == "BÁO CÁO"


def test_schema_is_the_library_schema(client: FlaskClient) -> None:
    response = client.get(f"/api/v1/templates/{TEMPLATE}/schema")
    assert response.status_code == 200
    body = response.get_json()
    assert body == vanban.schema(TEMPLATE)
    assert body["$schema"].endswith("2020-12/schema")


def test_example_is_a_valid_body(client: FlaskClient) -> None:
    example = client.get(f"/api/v1/templates/{TEMPLATE}/example").get_json()
    assert example == vanban.example(TEMPLATE)
    assert client.post(URL, json=example).status_code == 200


def test_healthz(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_json() == {"status": "ok"}


def test_readyz(client: FlaskClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ready"
    assert body["templates"]["loaded"] >= 1
    assert body["templates"]["compiled"] >= 3
    assert set(body["pdf"]) >= {"name", "available"}


def test_head_and_options(client: FlaskClient) -> None:
    assert client.head("/api/v1/templates").status_code == 200
    response = client.options(URL)
    assert response.status_code == 200 and "POST" in response.headers["Allow"]
