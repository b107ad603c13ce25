"""The clerk page through the Flask test client: markup, accessibility hooks, static files
and the form that works without JavaScript (example, validate, download)."""

from __future__ import annotations

import io
import json
import re

from flask.testing import FlaskClient
from web_helpers import DOCX_MIME, FIXTURES, TEMPLATE, docx_text, fixture_named, load_fixture

import vanban

PAGE = f"/mau/{TEMPLATE}"


def test_index_lists_document_types(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert '<html lang="vi">' in html
    assert 'name="viewport"' in html
    assert f'href="{PAGE}"' in html
    for label in ("Nhà nước", "Đảng", "Công đoàn"):
        assert label in html
    # Every type has its card, in the order of the emulation year, without technical ids.
    order = ["ke-hoach-thi-dua", "dang-ky-thi-dua", "cong-van", "bang-cham-diem",
             "xep-hang-khoi-thi-dua", "bao-cao-thi-dua", "ho-so"]
    at = [html.index(f'href="/{"mau/" if t != "ho-so" else ""}{t}"') for t in order]
    assert at == sorted(at)
    for info in vanban.list_templates():
        assert info["title"] in html and f'href="/mau/{info["id"]}"' in html
    assert "<code>" not in html and "mã " not in html
    assert html.count('class="stage"') >= 5


def test_editor_page_is_accessible(client: FlaskClient) -> None:
    html = client.get(PAGE).get_data(as_text=True)
    assert '<label for="du-lieu"' in html and 'id="du-lieu"' in html
    assert '<label for="tep"' in html and 'type="file"' in html
    assert 'aria-live="polite"' in html
    assert 'aria-describedby="du-lieu-huong-dan ket-qua-tom-tat"' in html
    for action in ("mau", "kiem-tra", "docx", "pdf"):
        assert f'value="{action}"' in html
    assert 'href="#noi-dung"' in html  # skip link
    assert f'data-validate-url="/api/v1/validate/{TEMPLATE}"' in html
    # The form (drawn by form.js) and its tabs are hidden until the script runs: without
    # JavaScript the page is the JSON form above.
    assert re.search(r'<div id="bm-tabs" class="tabs" role="tablist"[^>]*hidden>', html)
    assert re.search(r'<section id="bieu-mau"[^>]*hidden', html)
    for url in (f"/api/v1/templates/{TEMPLATE}/schema", f"/api/v1/normalise/{TEMPLATE}",
                f"/api/v1/import/{TEMPLATE}", "/api/v1/reopen"):
        assert f'="{url}"' in html
    for label in ("Tải mẫu Excel", "Nhập từ Excel", "Mở lại văn bản đã làm", "Lưu dữ liệu",
                  "Mở dữ liệu"):
        assert label in html


def test_static_files_are_served(client: FlaskClient) -> None:
    html = client.get(PAGE).get_data(as_text=True)
    for asset in re.findall(r'(?:src|href)="(/static/[^"?]+)', html):
        response = client.get(asset)
        assert response.status_code == 200, asset
        assert response.content_length and response.content_length > 100
    assert client.get("/static/app.js").mimetype in ("text/javascript", "application/javascript")


def test_security_headers(client: FlaskClient) -> None:
    response = client.get(PAGE)
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "<script>" not in response.get_data(as_text=True)  # no inline script (CSP)


def test_unknown_template_page_is_html_404(client: FlaskClient) -> None:
    response = client.get("/mau/khong-co", headers={"Accept": "text/html"})
    assert response.status_code == 404 and response.mimetype == "text/html"
    assert "Không có mẫu văn bản" in response.get_data(as_text=True)


def test_form_loads_the_example(client: FlaskClient) -> None:
    response = client.post(PAGE, data={"action": "mau", "data": ""})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert vanban.example(TEMPLATE)["co_quan"]["ten"] in html
    assert client.get(f"{PAGE}?mau=1").get_data(as_text=True).count("dia_danh") >= 1


def test_form_shows_problems_with_paths(client: FlaskClient) -> None:
    data = vanban.example(TEMPLATE)
    del data["nguoi_ky"]["chuc_vu"]
    text = json.dumps(data, ensure_ascii=False)
    response = client.post(PAGE, data={"action": "kiem-tra", "data": text})
    assert response.status_code == 422 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert "nguoi_ky.chuc_vu" in html and "Thiếu trường bắt buộc." in html
    assert 'aria-invalid="true"' in html
    assert "SỞ NỘI VỤ" in html  # the clerk's text is kept in the editor


def test_form_syntax_error_is_shown(client: FlaskClient) -> None:
    response = client.post(PAGE, data={"action": "kiem-tra", "data": '{"so": 1,}'})
    assert response.status_code == 400
    assert "JSON sai cú pháp ở dòng 1" in response.get_data(as_text=True)


def test_form_validates(client: FlaskClient) -> None:
    text = FIXTURES[0].read_text("utf-8")
    response = client.post(PAGE, data={"action": "kiem-tra", "data": text})
    assert response.status_code == 200
    assert "Dữ liệu hợp lệ" in response.get_data(as_text=True)


def test_form_downloads_docx_from_upload(client: FlaskClient) -> None:
    fixture = fixture_named("dang")
    upload = (io.BytesIO(fixture.read_bytes()), fixture.name, "application/json")
    response = client.post(PAGE, data={"action": "docx", "data": "", "tep": upload},
                           content_type="multipart/form-data")
    assert response.status_code == 200 and response.mimetype == DOCX_MIME
    assert "filename*=UTF-8''" in response.headers["Content-Disposition"]
    text = docx_text(response.data)
    assert load_fixture(fixture)["nguoi_ky"]["ho_ten"] in text


def test_form_upload_not_utf8(client: FlaskClient) -> None:
    upload = (io.BytesIO("{\"a\": \"Sở\"}".encode("utf-16")), "x.json")
    response = client.post(PAGE, data={"action": "kiem-tra", "tep": upload},
                           content_type="multipart/form-data")
    assert response.status_code == 400
    assert "UTF-8" in response.get_data(as_text=True)


def test_form_too_large_is_html_413(client: FlaskClient) -> None:
    response = client.post(PAGE, data={"action": "docx", "data": "x" * (3 * 1024 * 1024)},
                           headers={"Accept": "text/html"})
    assert response.status_code == 413 and response.mimetype == "text/html"
    assert "Dữ liệu quá lớn" in response.get_data(as_text=True)
