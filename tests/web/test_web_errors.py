"""Every error the API can answer, through the Flask test client: 400, 404, 405, 413, 415,
422 and the catch-all 500 — always application/problem+json per RFC 9457."""

from __future__ import annotations

import copy
import io
import json
import logging
from typing import Any

import pytest
from flask.testing import FlaskClient
from web_helpers import TEMPLATE
from werkzeug.test import TestResponse

import vanban
from vanban.web import create_app

URL = f"/api/v1/documents/{TEMPLATE}"
VALIDATE = f"/api/v1/validate/{TEMPLATE}"


def problem_of(response: TestResponse, status: int) -> dict[str, Any]:
    """Assert an RFC 9457 problem document with our ``problems`` list; return it."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = response.get_json(force=True)
    assert {"type", "title", "status", "detail", "instance", "problems"} <= set(body)
    assert body["status"] == status
    assert body["type"].startswith("/api/v1/docs#problem-")
    assert body["problems"], body
    for item in body["problems"]:
        assert {"code", "path", "message", "message_en"} <= set(item)
        assert item["message"]
    return body


@pytest.mark.parametrize(("body", "code", "path"), [
    (b'{"the_thuc": "nha-nuoc",\n  "so": }', "input.json", "dòng 2, cột 9"),
    (b"{'single': 'quotes'}", "input.json", "dòng 1, cột 2"),
    (b'{"a": 1} trailing', "input.json", "dòng 1, cột 10"),
    (b"\xff\xfe{}", "input.encoding", ""),
    (b"", "input.empty", ""),
    (b"   \n", "input.empty", ""),
    (b'{"so": NaN}', "input.json", ""),
    (b"[" * 100_000 + b"]" * 100_000, "input.too-deep", ""),
    (b'{"so": 1' + b"0" * 5000 + b"}", "input.json", ""),
])
def test_400_malformed_json(client: FlaskClient, body: bytes, code: str, path: str) -> None:
    for url in (URL, VALIDATE):
        problem = problem_of(client.post(url, data=body, content_type="application/json"), 400)
        assert problem["problems"][0]["code"] == code
        assert problem["problems"][0]["path"] == path
        assert problem["instance"] == url


def test_400_syntax_error_is_explained_in_vietnamese(client: FlaskClient) -> None:
    problem = problem_of(client.post(URL, data=b'{"a": 1,}', content_type="application/json"),
                         400)
    item = problem["problems"][0]
    assert item["message"].startswith("JSON sai cú pháp ở dòng 1, cột 9")
    assert item["extra"] == {"line": 1, "column": 9}


def test_400_multipart_without_data(client: FlaskClient) -> None:
    body = {"other": (io.BytesIO(b"{}"), "x.json")}
    problem = problem_of(client.post(URL, data=body, content_type="multipart/form-data"), 400)
    assert problem["problems"][0]["code"] == "request.missing-data"


def test_400_unknown_format(client: FlaskClient) -> None:
    response = client.post(f"{URL}?format=rtf", json=vanban.example(TEMPLATE))
    problem = problem_of(response, 400)
    assert problem["problems"][0]["code"] == "request.format"
    assert problem["problems"][0]["path"] == "format"


@pytest.mark.parametrize(("method", "url"), [
    ("post", "/api/v1/documents/khong-co"), ("post", "/api/v1/validate/khong-co"),
    ("get", "/api/v1/templates/khong-co"), ("get", "/api/v1/templates/khong-co/schema"),
    ("get", "/api/v1/templates/khong-co/example")])
def test_404_unknown_template(client: FlaskClient, method: str, url: str) -> None:
    response = getattr(client, method)(url, json=vanban.example(TEMPLATE))
    problem = problem_of(response, 404)
    item = problem["problems"][0]
    assert item["code"] == "template.unknown" and item["path"] == "template_id"
    assert TEMPLATE in item["message"]  # tells which templates exist
    assert problem["type"].endswith("#problem-unknown-template")


def test_404_unknown_template_wins_over_bad_body(client: FlaskClient) -> None:
    response = client.post("/api/v1/documents/khong-co", data=b"{", content_type="text/plain")
    problem_of(response, 404)


def test_404_unknown_path(client: FlaskClient) -> None:
    problem = problem_of(client.get("/api/v1/khong-co"), 404)
    assert problem["problems"][0]["code"] == "http.404"
    assert problem["instance"] == "/api/v1/khong-co"


def test_404_page_for_browsers_is_html(client: FlaskClient) -> None:
    response = client.get("/khong-co", headers={"Accept": "text/html,*/*;q=0.8"})
    assert response.status_code == 404 and response.mimetype == "text/html"
    assert "Không tìm thấy" in response.get_data(as_text=True)
    problem_of(client.get("/khong-co"), 404)  # non-browser clients get problem+json


@pytest.mark.parametrize(("method", "url", "allowed"), [
    ("get", URL, "POST"), ("put", VALIDATE, "POST"),
    ("delete", "/api/v1/templates", "GET"), ("post", "/healthz", "GET")])
def test_405(client: FlaskClient, method: str, url: str, allowed: str) -> None:
    response = getattr(client, method)(url)
    problem = problem_of(response, 405)
    assert allowed in response.headers["Allow"]
    assert problem["problems"][0]["code"] == "http.405"
    assert method.upper() in problem["detail"]


def _big_body() -> bytes:
    data = vanban.example(TEMPLATE)
    data["noi_dung"]["chi_dao"] = ["x" * 1000] * 2200  # ≈ 2.2 MB, valid otherwise
    return json.dumps(data).encode()


def test_413_default_limit_is_2_mib(client: FlaskClient) -> None:
    body = _big_body()
    assert len(body) > 2 * 1024 * 1024
    problem = problem_of(client.post(URL, data=body, content_type="application/json"), 413)
    assert problem["problems"][0]["extra"] == {"limit": "MAX_CONTENT_LENGTH",
                                               "max": 2 * 1024 * 1024}
    assert "2 MiB (MAX_CONTENT_LENGTH)" in problem["problems"][0]["message"]
    assert "2 MiB" in problem["detail"]


def test_413_multipart_upload_and_text_field(client: FlaskClient) -> None:
    body = _big_body()
    upload = {"data": (io.BytesIO(body), "lon.json")}
    problem_of(client.post(URL, data=upload, content_type="multipart/form-data"), 413)
    field = {"data": body.decode()}
    problem_of(client.post(URL, data=field, content_type="multipart/form-data"), 413)


def test_413_limit_is_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    small = create_app({"MAX_CONTENT_LENGTH": 1024}).test_client()
    problem_of(small.post(URL, json=vanban.example(TEMPLATE)), 413)
    monkeypatch.setenv("VANBAN_MAX_CONTENT_LENGTH", "1000")
    from_env = create_app()
    assert from_env.config["MAX_CONTENT_LENGTH"] == 1000
    problem_of(from_env.test_client().post(URL, json=vanban.example(TEMPLATE)), 413)
    large = create_app({"MAX_CONTENT_LENGTH": 8 * 1024 * 1024}).test_client()
    response = large.post(URL, data=_big_body(), content_type="application/json")
    assert response.status_code == 200


@pytest.mark.parametrize("content_type", [
    "text/plain", "application/x-www-form-urlencoded", "application/xml", None])
def test_415_wrong_media_type(client: FlaskClient, content_type: str | None) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    body = json.dumps(vanban.example(TEMPLATE))
    for url in (URL, VALIDATE):
        problem = problem_of(client.post(url, data=body, headers=headers), 415)
        item = problem["problems"][0]
        assert item["code"] == "request.media-type"
        assert item["extra"]["accepted"] == ["application/json", "multipart/form-data"]


def test_422_lists_every_problem_in_vietnamese(client: FlaskClient) -> None:
    data = vanban.example(TEMPLATE)
    del data["dia_danh"]
    data["so"] = "năm"
    data["noi_dung"]["khong_co"] = 1
    for url in (URL, VALIDATE):
        problem = problem_of(client.post(url, json=data), 422)
        paths = {p["path"]: p for p in problem["problems"]}
        assert {"dia_danh", "so", "noi_dung.khong_co"} <= set(paths)
        assert paths["dia_danh"]["message"] == "Thiếu trường bắt buộc."
        assert problem["title"] == "Dữ liệu đầu vào chưa hợp lệ"
        assert problem["type"].endswith("#problem-invalid-input")


@pytest.mark.parametrize("body", [[], [1, 2], "chuỗi", 5, None, True])
def test_422_not_an_object(client: FlaskClient, body: Any) -> None:
    problem = problem_of(client.post(URL, data=json.dumps(body),
                                     content_type="application/json"), 422)
    assert problem["problems"][0]["code"] == "input.not-object"


_ODD_VALUES: list[Any] = [None, "", " ", 0, -1, 10**30, 1.5, True, [], {}, [None], "x" * 20000,
                          "\u0000\ufffd\U0001f600", {"a": {"b": [1]}}]
_FIELDS = ["the_thuc", "co_quan", "co_quan.ten", "so", "ky_hieu", "ngay", "trich_yeu",
           "kinh_gui", "nguoi_ky", "nguoi_ky.quyen_han", "nguoi_ky.ho_ten", "noi_nhan",
           "du_thao", "noi_dung", "noi_dung.ky", "noi_dung.khen_thuong", "noi_dung.chi_dao"]


def test_odd_values_never_give_500(client: FlaskClient) -> None:
    """Every field × every odd value: 200 or a 4xx problem, never a 500."""
    base = vanban.example(TEMPLATE)
    for field in _FIELDS:
        for value in _ODD_VALUES:
            data = copy.deepcopy(base)
            *parents, last = field.split(".")
            node = data
            for key in parents:
                node = node[key]
            node[last] = value
            response = client.post(URL, json=data)
            assert response.status_code in (200, 422), (field, value, response.data[:300])


def test_500_catch_all_is_problem_json(caplog: pytest.LogCaptureFixture) -> None:
    app = create_app({"WARM_TEMPLATES": False})

    def boom() -> str:
        raise RuntimeError("secret internal detail")

    app.add_url_rule("/api/v1/hong", "hong", boom)
    with caplog.at_level(logging.ERROR):
        response = app.test_client().get("/api/v1/hong")
    problem = problem_of(response, 500)
    assert "secret internal detail" not in response.get_data(as_text=True)
    assert problem["problems"][0]["code"] == "internal"
    assert "secret internal detail" in caplog.text  # logged with the traceback
