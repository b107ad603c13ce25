"""``POST /api/v1/check-format`` through the Flask test client (and once over loopback): a
rendered fixture passes, a deliberately wrong document gives the expected rule ids, and every
bad request is a 4xx problem — never a 500."""

from __future__ import annotations

import io
import random
import time
import zipfile
from typing import Any

import pytest
import requests
from flask import Flask
from flask.testing import FlaskClient
from web_check_docs import (
    CHECK_URL,
    WRONG_ERRORS,
    WRONG_WARNINGS,
    bomb,
    broken_packages,
    careless_docx,
    rendered,
    wrong_docx,
)
from web_helpers import DOCX_MIME, FIXTURES, load_fixture
from werkzeug.test import TestResponse

from vanban.check import check_docx
from vanban.web import create_app

FAMILIES = ("nha-nuoc", "dang", "cong-doan", "doan-thanh-nien")


def multipart(data: bytes, name: str = "van-ban.docx", **fields: str) -> dict[str, Any]:
    return {"file": (io.BytesIO(data), name, DOCX_MIME), **fields}


def post_file(client: FlaskClient, data: bytes, query: str = "", **fields: str) -> TestResponse:
    return client.post(CHECK_URL + query, data=multipart(data, **fields),
                       content_type="multipart/form-data")


def post_raw(client: FlaskClient, data: bytes, query: str = "") -> TestResponse:
    return client.post(CHECK_URL + query, data=data, content_type=DOCX_MIME)


def report_of(response: TestResponse) -> dict[str, Any]:
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/json"
    assert response.headers["Cache-Control"] == "no-store"
    return response.get_json()


def problem_of(response: TestResponse, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/problem+json"
    body = response.get_json(force=True)
    assert body["status"] == status and body["instance"] == CHECK_URL
    assert body["problems"][0]["code"] == code, body
    assert body["problems"][0]["message"]
    return body


@pytest.fixture(scope="module")
def spec(app: Flask) -> dict[str, Any]:
    return app.test_client().get("/api/v1/openapi.json").get_json()


def _schema_validator(spec: dict[str, Any], name: str) -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    return jsonschema.Draft202012Validator({"$ref": f"#/components/schemas/{name}",
                                            "components": spec["components"]})


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_rendered_fixture_has_no_errors_and_family_is_detected(
        client: FlaskClient, spec: dict[str, Any], fixture: Any) -> None:
    family = load_fixture(fixture)["the_thuc"]
    assert fixture.stem.startswith(family)
    data = rendered(family)
    report = report_of(post_file(client, data))
    assert report["family"] == family and report["detected"] is True
    assert report["errors"] == 0 and report["ok"] is True, report["findings"]
    assert report["family_name"] and report["rules_checked"]
    _schema_validator(spec, "CheckReport").validate(report)
    # The wire format is exactly the library's Report.to_dict(): nothing dropped or renamed.
    assert report == check_docx(data).to_dict()


def test_wrong_document_lists_errors_with_rule_ids(client: FlaskClient,
                                                   spec: dict[str, Any]) -> None:
    report = report_of(post_file(client, wrong_docx()))
    _schema_validator(spec, "CheckReport").validate(report)
    assert report["ok"] is False and report["family"] == "nha-nuoc"
    errors = {f["rule_id"] for f in report["findings"] if f["severity"] == "error"}
    warnings = {f["rule_id"] for f in report["findings"] if f["severity"] == "warning"}
    assert errors == WRONG_ERRORS and warnings == WRONG_WARNINGS
    assert report["errors"] == 6 and report["warnings"] == 1  # 2 margins, 2 font parts
    by_rule = {f["rule_id"]: f for f in report["findings"]}
    size = by_rule["page.size"]
    assert size["title"] == "Khổ giấy A4, trang dọc"
    assert size["expected"] == "A4 210 × 297 mm" and size["found"] == "215,9 × 279,4 mm"
    assert size["location"]["paragraph_index"] is None
    assert size["source"].startswith("Nghị định 30/2020/NĐ-CP")
    number = by_rule["so-ky-hieu.padding"]
    assert number["location"]["text"].startswith("Số: 5/BC")
    assert isinstance(number["location"]["paragraph_index"], int)
    assert (number["expected"], number["found"]) == ("05", "5")


def test_careless_python_docx_document(client: FlaskClient) -> None:
    report = report_of(post_raw(client, careless_docx()))
    errors = {f["rule_id"] for f in report["findings"] if f["severity"] == "error"}
    assert {"page.size", "page.margins", "font.family", "header.quoc-hieu", "header.tieu-ngu",
            "title.type", "body.alignment", "so-ky-hieu.padding", "date.padding"} <= errors
    assert report["errors"] == len([f for f in report["findings"] if f["severity"] == "error"])


@pytest.mark.parametrize("family", FAMILIES)
def test_family_from_query_form_or_raw_body(client: FlaskClient, family: str) -> None:
    data = rendered("nha-nuoc")
    for response in (post_file(client, data, f"?the_thuc={family}"),
                     post_file(client, data, the_thuc=family),
                     post_raw(client, data, f"?the_thuc={family.upper()}")):
        report = report_of(response)
        assert report["family"] == family and report["detected"] is False
    # The query string wins over the form field; an empty value means "detect".
    assert report_of(post_file(client, data, "?the_thuc=dang", the_thuc="cong-doan"))[
        "family"] == "dang"
    detected = report_of(post_file(client, data, the_thuc=""))
    assert detected["detected"] is True and detected["family"] == "nha-nuoc"


@pytest.mark.parametrize(("how", "value"), [("query", "nha_nuoc"), ("form", "xyz"),
                                           ("raw", "tu-dong"), ("query", " ")])
def test_422_bad_the_thuc(client: FlaskClient, how: str, value: str) -> None:
    data = rendered("nha-nuoc")
    if how == "query":
        response = post_file(client, data, f"?the_thuc={value}")
    elif how == "form":
        response = post_file(client, data, the_thuc=value)
    else:
        response = post_raw(client, data, f"?the_thuc={value}")
    if not value.strip():
        report_of(response)  # blank is the same as absent
        return
    body = problem_of(response, 422, "the_thuc.unknown")
    assert body["problems"][0]["path"] == "the_thuc"
    assert body["problems"][0]["extra"]["accepted"] == list(FAMILIES)
    assert body["type"].endswith("#problem-invalid-input")


@pytest.mark.parametrize("name", ["empty", "text", "pdf", "doc", "no-document",
                                  "document-not-xml", "truncated-1000"])
def test_422_unreadable(client: FlaskClient, name: str) -> None:
    data = broken_packages()[name]
    for response in (post_file(client, data), post_raw(client, data)):
        code = response.get_json(force=True)["problems"][0]["code"]
        assert code in ("upload.not-docx", "docx.unreadable")
        body = problem_of(response, 422, code)
        assert body["problems"][0]["path"] == "file"
        assert body["problems"][0]["message"].startswith(("Không đọc được tệp", "Tệp rỗng",
                                                          "Đây là tệp"))


def test_422_tells_what_was_uploaded_instead(client: FlaskClient) -> None:
    cases = broken_packages()
    doc = problem_of(post_raw(client, cases["doc"]), 422, "upload.not-docx")["problems"][0]
    assert doc["extra"]["detected"] == "doc" and "Word 97–2003" in doc["message"]
    pdf = problem_of(post_raw(client, cases["pdf"]), 422, "upload.not-docx")["problems"][0]
    assert pdf["extra"]["detected"] == "pdf"
    empty = problem_of(post_raw(client, b""), 422, "upload.not-docx")["problems"][0]
    assert empty["message"].startswith("Tệp rỗng")


def test_broken_packages_never_give_500(client: FlaskClient) -> None:
    seen = {}
    for name, data in broken_packages().items():
        response = post_raw(client, data)
        assert response.status_code in (200, 413, 422), (name, response.get_data(as_text=True))
        if response.status_code == 422:
            code = response.get_json(force=True)["problems"][0]["code"]
            assert code in ("upload.not-docx", "upload.bad-part-name", "docx.unreadable",
                            "upload.xml-depth", "docx.unsupported"), (name, code)
        seen[name] = response.status_code
    assert seen["entities"] == 200  # entities are not expanded, the document still checks
    assert seen["encrypted"] == seen["unknown-compression"] == 422


def test_413_zip_bomb_refused_by_ratio(client: FlaskClient) -> None:
    """With the default limits: refused for its compression ratio, before inflating."""
    data = bomb(8 * 1024 * 1024)
    body = problem_of(post_raw(client, data), 413, "upload.ratio")
    assert body["problems"][0]["extra"]["limit"] == "upload_max_ratio"
    assert body["problems"][0]["extra"]["max"] == 200
    assert "(upload_max_ratio)" in body["problems"][0]["message"]
    assert client.get("/healthz").status_code == 200


def test_413_zip_bomb_stops_while_inflating() -> None:
    small = create_app({"CHECK_MAX_XML_BYTES": 1024 * 1024, "WARM_TEMPLATES": False})
    data = bomb(2 * 1024 * 1024)
    assert len(data) < 100_000
    body = problem_of(post_raw(small.test_client(), data), 413, "upload.too-large")
    assert body["problems"][0]["extra"] == {"limit": "upload_max_inflated_bytes",
                                            "max": 1024 * 1024}
    assert "upload_max_inflated_bytes" in body["problems"][0]["message"]
    assert "1 MiB" in body["problems"][0]["message"]
    assert body["type"].endswith("#problem-too-large")


@pytest.mark.parametrize("content_type", [
    "text/plain", "application/json", "application/pdf", "application/octet-stream",
    "application/x-www-form-urlencoded", None])
def test_415_other_media_types(client: FlaskClient, content_type: str | None) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    response = client.post(CHECK_URL, data=rendered("nha-nuoc"), headers=headers)
    body = problem_of(response, 415, "request.media-type")
    assert body["problems"][0]["extra"]["accepted"] == ["multipart/form-data", DOCX_MIME]
    assert "“file”" in body["problems"][0]["message"]


def test_400_multipart_without_file(client: FlaskClient) -> None:
    no_field = {"other": (io.BytesIO(rendered("nha-nuoc")), "x.docx")}
    problem_of(client.post(CHECK_URL, data=no_field, content_type="multipart/form-data"), 400,
               "request.missing-file")
    no_file = {"file": (io.BytesIO(b""), ""), "the_thuc": "dang"}  # a browser form sent empty
    problem_of(client.post(CHECK_URL, data=no_file, content_type="multipart/form-data"), 400,
               "request.missing-file")


def test_413_default_limit_is_10_mib_not_the_json_limit(client: FlaskClient) -> None:
    # A .docx of 3 MiB (a large picture) is above MAX_CONTENT_LENGTH (2 MiB) but checked.
    picture = random.Random(4).randbytes(3 * 1024 * 1024)
    big = rezip_with_media(rendered("nha-nuoc"), picture)
    assert 2 * 1024 * 1024 < len(big) < 10 * 1024 * 1024
    assert report_of(post_file(client, big))["errors"] == 0
    too_big = b"PK" + bytes(10 * 1024 * 1024)
    for response in (post_raw(client, too_big), post_file(client, too_big)):
        body = problem_of(response, 413, "http.413")
        assert body["problems"][0]["extra"] == {"limit": "CHECK_MAX_CONTENT_LENGTH",
                                                "max": 10 * 1024 * 1024}
        assert "10 MiB" in body["detail"]
    # The other routes keep their own limit.
    response = client.post("/api/v1/validate/bao-cao-thi-dua", data=b" " * (3 * 1024 * 1024),
                           content_type="application/json")
    assert response.status_code == 413
    assert "2 MiB" in response.get_json(force=True)["detail"]


def test_413_limit_is_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    data = rendered("nha-nuoc")
    small = create_app({"CHECK_MAX_CONTENT_LENGTH": 16 * 1024, "WARM_TEMPLATES": False})
    body = problem_of(post_raw(small.test_client(), data), 413, "http.413")
    assert "16 KiB" in body["detail"]
    fallback = create_app({"CHECK_MAX_CONTENT_LENGTH": None, "MAX_CONTENT_LENGTH": 20 * 1024,
                           "WARM_TEMPLATES": False})
    problem_of(post_file(fallback.test_client(), data), 413, "http.413")
    monkeypatch.setenv("VANBAN_CHECK_MAX_CONTENT_LENGTH", "100000")
    from_env = create_app({"WARM_TEMPLATES": False})
    assert from_env.config["CHECK_MAX_CONTENT_LENGTH"] == 100_000
    report_of(post_raw(from_env.test_client(), data))


def test_405_get(client: FlaskClient) -> None:
    response = client.get(CHECK_URL)
    assert response.status_code == 405 and "POST" in response.headers["Allow"]


def test_openapi_documents_the_operation(spec: dict[str, Any]) -> None:
    pytest.importorskip("openapi_spec_validator").validate(spec)
    op = spec["paths"]["/api/v1/check-format"]["post"]
    assert op["operationId"] == "checkFormat" and op["tags"] == ["kiem-tra"]
    content = op["requestBody"]["content"]
    assert set(content) == {"multipart/form-data", DOCX_MIME}
    assert content["multipart/form-data"]["schema"]["required"] == ["file"]
    assert op["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/CheckReport"}
    assert {"400", "405", "413", "415", "422"} <= set(op["responses"])
    finding = spec["components"]["schemas"]["CheckFinding"]
    assert set(finding["properties"]) == set(check_docx(wrong_docx()).findings[0].to_dict())
    assert finding["properties"]["severity"]["enum"] == ["error", "warning"]


def test_problems_over_loopback_and_latency(live_server: str) -> None:
    url = live_server + CHECK_URL
    data = rendered("nha-nuoc")
    requests.post(url, files={"file": ("a.docx", data, DOCX_MIME)}, timeout=30)  # warm up
    started = time.perf_counter()
    ok = requests.post(url, files={"file": ("a.docx", data, DOCX_MIME)}, timeout=30)
    elapsed = time.perf_counter() - started
    assert ok.status_code == 200 and ok.json()["errors"] == 0
    assert elapsed < 5, elapsed  # ~0.03 s here; generous for slow CI
    for body, headers, status in ((b"x", {"Content-Type": DOCX_MIME}, 422),
                                  (data, {"Content-Type": "text/plain"}, 415)):
        response = requests.post(url, data=body, headers=headers, timeout=30)
        assert response.status_code == status
        assert response.headers["Content-Type"] == "application/problem+json"


def rezip_with_media(data: bytes, picture: bytes) -> bytes:
    """The package plus an (unreferenced) stored picture, as Word keeps images."""
    out = io.BytesIO(data)
    out.seek(0, io.SEEK_END)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_STORED) as package:
        package.writestr("word/media/image1.png", picture)
    return out.getvalue()


def test_checker_failure_is_logged_and_answered_422(client: FlaskClient,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    """A readable package the checker cannot handle is the client's file, not a 500."""
    from vanban.web import checks

    def fails(data: bytes, the_thuc: str | None = None, limits: object = None) -> None:
        raise TypeError("checker bug")

    import multiprocessing

    from vanban.designer import sandbox

    monkeypatch.setattr(checks, "check_docx", fails)
    # the check runs in a worker process: forked, it sees the patched checker
    monkeypatch.setattr(sandbox, "_context", lambda: multiprocessing.get_context("fork"))
    with caplog.at_level("ERROR"):
        body = problem_of(post_raw(client, rendered("nha-nuoc")), 422, "docx.unsupported")
    assert "checker bug" not in str(body)
    assert "checker bug" in caplog.text
