"""The designer's API under /api/v1/designer and the /thiet-ke page without JavaScript."""

from __future__ import annotations

import io
import json
import re
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from flask.testing import FlaskClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "designer"))
from designer_docs import BODY_TEMPLATE, body_template, make_docx  # noqa: E402

from vanban.check.docx_facts import load  # noqa: E402
from vanban.config import reload_settings  # noqa: E402
from vanban.ooxml import validate_docx  # noqa: E402
from vanban.pdf import converter  # noqa: E402

API = "/api/v1/designer"


def upload(template: bytes, **fields: str) -> dict:
    return {"template": (io.BytesIO(template), "mau.docx"), **fields}


def test_lint_answers_every_finding_as_json(client: FlaskClient):
    r = client.post(f"{API}/lint", data=upload(make_docx("Kính gửi {{ ten }", "{{ x|foo }}")))
    assert r.status_code == 200
    body = r.get_json()
    assert body["errors"] == 2
    codes = [p["code"] for p in body["problems"]]
    assert codes == ["lint.tag-unclosed", "lint.unknown-filter"]
    assert body["problems"][0]["extra"]["text"] == "Kính gửi {{ ten }"


def test_unreadable_upload_is_422_problem_json(client: FlaskClient):
    r = client.post(f"{API}/lint", data=upload(b"PK\x03\x04 not really"))
    assert r.status_code == 422 and r.mimetype == "application/problem+json"
    assert r.get_json()["problems"][0]["code"].startswith("upload.")
    assert r.get_json()["title"] == "Mẫu tải lên có lỗi"  # the file's fault, not the data's
    assert r.get_json()["problems"][0]["extra"]["file"] == "mau.docx"
    r = client.post(f"{API}/lint", data={"x": "1"})
    assert r.status_code == 400 and r.get_json()["problems"][0]["code"] == "designer.no-template"
    r = client.post(f"{API}/lint", json={"template": "x"})
    assert r.status_code == 415


def test_ssti_upload_is_refused_with_the_lint_report(client: FlaskClient):
    r = client.post(f"{API}/preview", data=upload(make_docx("{{ ''.__class__.__mro__ }}"),
                                                   data="{}"))
    assert r.status_code == 422 and r.mimetype == "application/problem+json"
    body = r.get_json()
    assert body["problems"][0]["code"] == "sandbox.unsafe"
    assert [p["code"] for p in body["lint"]["problems"]] == ["lint.sandbox"]


def test_preview_docx_of_an_upload_and_of_an_installed_template(client: FlaskClient):
    r = client.post(f"{API}/preview?format=docx",
                    data=upload(make_docx("Kính gửi {{ ten }}"), data='{"ten": "Sở A"}'))
    assert r.status_code == 200 and "mau-xem-truoc.docx" in r.headers["Content-Disposition"]
    assert load(r.data).paragraphs[0].text == "Kính gửi Sở A"
    assert validate_docx(r.data) == []
    r = client.post(f"{API}/preview?format=docx",
                    data={"installed": "bao-cao-thi-dua", "the_thuc": "dang"})
    assert r.status_code == 200
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in "\n".join(p.text for p in load(r.data).paragraphs)


def test_annotated_copy(client: FlaskClient):
    r = client.post(f"{API}/annotate", data=upload(make_docx("{{ a }", "ok")))
    assert r.status_code == 200 and "mau-chu-thich.docx" in r.headers["Content-Disposition"]
    assert validate_docx(r.data) == []
    import docx

    assert any("lint.tag-unclosed" in c.text for c in docx.Document(io.BytesIO(r.data)).comments)


@pytest.mark.skipif(not converter().available(), reason="LibreOffice is installed by .ci/run")
def test_preview_json_has_pages_and_lint(client: FlaskClient):
    template = body_template("Năm {{ noi_dung.ky.nam }}.")
    r = client.post(f"{API}/preview", data=upload(template, the_thuc="cong-doan"))
    assert r.status_code == 200
    body = r.get_json()
    assert body["kind"] == "body" and body["family"] == "cong-doan"
    assert body["data_source"] == "example:bao-cao-thi-dua"
    assert body["page_count"] == len(body["pages"]) >= 1
    assert body["pages"][0].startswith("data:image/png;base64,")
    assert body["lint"]["errors"] == 0 and body["lint"]["warnings"] > 0


def test_page_without_javascript_keeps_the_upload_for_the_next_submit(client: FlaskClient):
    installed = sorted(p.name for p in BODY_TEMPLATE.parents[1].iterdir())
    listed = client.get("/api/v1/templates").get_json()["templates"]
    r = client.get("/thiet-ke")
    assert r.status_code == 200 and "Thiết kế mẫu" in r.text
    assert "script-src 'self'" in r.headers["Content-Security-Policy"]
    r = client.post("/thiet-ke", data=upload(make_docx("Kính gửi {{ ten }"), action="xem",
                                             data='{"ten": "A"}'))
    assert r.status_code == 200  # a preview never blocks: the broken paragraph is marked
    assert "lint.tag-unclosed" in r.text and "Kính gửi {{ ten }" in r.text
    assert "đánh dấu <strong>[Lỗi 1]</strong>" in r.text
    token = re.search(r'name="ma_tep" value="([^"]+)"', r.text).group(1)
    r = client.post("/thiet-ke", data={"ma_tep": token, "action": "chu-thich"})
    assert r.status_code == 200 and validate_docx(r.data) == []
    r = client.post("/thiet-ke", data={"action": "mau", "installed": "bao-cao-thi-dua"})
    assert r.status_code == 200 and "nguoi_ky" in r.text
    r = client.post("/thiet-ke", data={"action": "xem"})
    assert r.status_code == 400 and "Chưa có mẫu" in r.text
    # the uploads never became installed templates
    assert sorted(p.name for p in BODY_TEMPLATE.parents[1].iterdir()) == installed
    assert client.get("/api/v1/templates").get_json()["templates"] == listed


def test_endless_loop_is_stopped_and_the_server_keeps_serving(live_server: str,
                                                              monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("VANBAN_DESIGNER_TIMEOUT", "4")
    reload_settings()
    try:
        loop = make_docx("{% set r = range(99999) %}{% for i in r %}{% for j in r %}"
                         "{% endfor %}{% endfor %}")
        boundary = "vanban-designer-boundary"
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"template\"; "
                f"filename=\"loop.docx\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                ).encode() + loop + f"\r\n--{boundary}\r\nContent-Disposition: form-data; "\
            f"name=\"data\"\r\n\r\n{{}}\r\n--{boundary}--\r\n".encode()
        result: dict = {}

        def post() -> None:
            req = urllib.request.Request(
                f"{live_server}{API}/preview?format=docx", data=body, method="POST",
                headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
            started = time.monotonic()
            try:
                urllib.request.urlopen(req, timeout=30)
            except urllib.error.HTTPError as exc:
                result["status"], result["body"] = exc.code, json.loads(exc.read())
            result["seconds"] = time.monotonic() - started

        worker = threading.Thread(target=post)
        worker.start()
        time.sleep(0.5)
        started = time.monotonic()
        with urllib.request.urlopen(f"{live_server}/healthz", timeout=5) as health:
            assert health.status == 200
        # Blocked behind the loop it would answer after the 4-second limit (3.5 s from here);
        # the margin is for the cores shared with the other test process.
        assert time.monotonic() - started < 2.5
        worker.join(timeout=30)
        assert result["status"] == 422
        assert result["body"]["problems"][0]["code"] == "sandbox.timeout"
        assert result["seconds"] < 10
    finally:
        monkeypatch.delenv("VANBAN_DESIGNER_TIMEOUT")
        reload_settings()


def test_annotating_a_finding_that_quotes_a_control_character(client: FlaskClient):
    """Found by the API fuzz: a finding quoting the data ("\\x12" in a key) made the Word
    comment impossible to write (lxml refuses the character) — a 500 instead of the copy."""
    data = json.dumps({"\x12khoa": {"W\x84": "\x00x"}, "bang": [{"\x1a": True}]})
    r = client.post(f"{API}/annotate", data={"installed": "xep-hang-khoi-thi-dua",
                                             "schema": "bao-cao-thanh-tich", "data": data,
                                             "the_thuc": "cong-doan"})
    assert r.status_code == 200, r.get_data(as_text=True)[:500]
    assert validate_docx(r.data) == []


def test_preview_with_an_empty_format_is_refused(client: FlaskClient):
    """Found by the API fuzz: ``?format=`` (not one of json, docx, pdf) was taken as json."""
    r = client.post(f"{API}/preview?format=", data={"installed": "bao-cao-thi-dua"})
    assert r.status_code == 400 and r.get_json()["problems"][0]["code"] == "request.format"


def test_word_template_download_api_and_page(client: FlaskClient):
    from vanban.designer.eject import origin

    r = client.get(f"{API}/templates/cong-van.docx")
    assert r.status_code == 200 and "cong-van.docx" in r.headers["Content-Disposition"]
    assert origin(r.data) == "cong-van" and validate_docx(r.data) == []
    assert client.get(f"{API}/templates/khong-co.docx").status_code == 404
    r = client.post("/thiet-ke", data={"action": "mau-word", "installed": "cong-van"})
    assert r.status_code == 200 and origin(r.data) == "cong-van"
    r = client.post("/thiet-ke", data={"action": "mau-word"})
    assert r.status_code == 422 and "Chọn một mẫu có sẵn" in r.text


def test_each_type_page_links_its_word_template(client: FlaskClient):
    r = client.get("/mau/bao-cao-thi-dua")
    assert r.status_code == 200
    assert f'href="{API}/templates/bao-cao-thi-dua.docx"' in r.text and "Tải mẫu Word" in r.text
