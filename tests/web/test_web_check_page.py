"""The "Kiểm tra thể thức" page without JavaScript, through the Flask test client: the form,
its accessibility hooks, the links to it, and the report rendered by the server."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from flask.testing import FlaskClient
from web_check_docs import PAGE, rendered, wrong_docx
from web_helpers import DOCX_MIME
from werkzeug.test import TestResponse

from vanban.check import check_docx
from vanban.the_thuc.families import FAMILY_IDS
from vanban.web import create_app
from vanban.web.ui import finding_more, finding_where


def submit(client: FlaskClient, data: bytes, name: str = "van-ban.docx",
           the_thuc: str = "") -> TestResponse:
    form = {"file": (io.BytesIO(data), name, DOCX_MIME), "the_thuc": the_thuc}
    return client.post(PAGE, data=form, content_type="multipart/form-data",
                       headers={"Accept": "text/html"})


def result_html(response: TestResponse) -> str:
    html = response.get_data(as_text=True)
    start = html.index('<div id="ket-qua">')
    return html[start:html.index("</section>", start)]


def test_page_has_an_accessible_form(client: FlaskClient) -> None:
    response = client.get(PAGE)
    assert response.status_code == 200 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert "<h1>Kiểm tra thể thức</h1>" in html
    assert re.search(r'<form id="kiem-tra-form"[^>]*method="post" enctype="multipart/form-data"',
                     html)
    assert 'action="/kiem-tra#ket-qua-tieu-de"' in html
    assert 'data-api-url="/api/v1/check-format"' in html
    assert 'data-max-bytes="10485760"' in html and "Tối đa 10 MiB" in html
    assert '<label for="tep-docx"' in html
    assert re.search(r'<input id="tep-docx" name="file" type="file"[^>]*required', html)
    assert 'aria-describedby="tep-docx-huong-dan tep-docx-ten"' in html
    assert "<legend" in html and html.count('name="the_thuc"') == 1 + len(FAMILY_IDS)
    assert re.search(r'value=""\s+checked>\s*<span>Tự nhận biết', html)
    for family in ("nha-nuoc", "dang", "cong-doan"):
        assert f'value="{family}"' in html
    assert 'role="status" aria-live="polite"' in html
    assert 'id="ket-qua-tom-tat" tabindex="-1">Chưa kiểm tra.' in html
    assert '<script src="/static/check.js' in html and "defer" in html
    # The only inline <script> is the JSON rule catalogue (not executed; CSP allows it).
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline == [' type="application/json" id="danh-muc-quy-tac"']
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


def test_linked_from_header_and_home(client: FlaskClient) -> None:
    home = client.get("/").get_data(as_text=True)
    assert home.count('href="/kiem-tra"') == 2  # site header and the call-out on the home page
    assert 'aria-current="page">Loại văn bản' in home
    page = client.get(PAGE).get_data(as_text=True)
    assert '<a href="/kiem-tra" aria-current="page">Kiểm tra thể thức</a>' in page
    docs = client.get("/api/v1/docs").get_data(as_text=True)
    assert 'href="/kiem-tra"' in docs and "<code>/api/v1/check-format</code>" in docs


def test_static_script_is_served(client: FlaskClient) -> None:
    response = client.get("/static/check.js")
    assert response.status_code == 200
    assert response.mimetype in ("text/javascript", "application/javascript")
    assert "form.dataset.apiUrl" in response.get_data(as_text=True)  # the URL comes from the page


def test_wrong_document_report_without_javascript(client: FlaskClient) -> None:
    response = submit(client, wrong_docx(), "bao-cao-sai.docx")
    assert response.status_code == 200
    html = result_html(response)
    report = check_docx(wrong_docx())
    assert "Chưa đạt thể thức." in html
    assert "<dt>Số lỗi</dt><dd>6</dd>" in html and "<dt>Số cảnh báo</dt><dd>1</dd>" in html
    assert "Nhà nước (Nghị định 30/2020/NĐ-CP)" in html and "(tự nhận biết)" in html
    assert "<dd>bao-cao-sai.docx</dd>" in html
    assert html.count('<li class="finding finding--error">') == 6
    assert html.count('<li class="finding finding--warning">') == 1
    assert html.count("</span>LỖI</span>") == 6 and html.count("</span>CẢNH BÁO</span>") == 1
    for f in report.findings:
        assert f'<code class="finding__rule">{f.rule_id}</code>' in html
        assert f.message in html
    assert "<dt>Cần</dt><dd>A4 210 × 297 mm</dd>" in html
    assert "<dt>Thấy</dt><dd>215,9 × 279,4 mm</dd>" in html
    number = next(f for f in report.findings if f.rule_id == "so-ky-hieu.padding")
    where = f"Đoạn {number.location.paragraph_index + 1}: “{number.location.text}”"
    assert f"<dt>Vị trí</dt><dd>{where}</dd>" in html
    assert "<dt>Căn cứ</dt><dd>Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.3</dd>" in html
    assert re.search(r"\(và \d+ chỗ khác: đoạn 2, [\d, ]+, …\)", html)  # font.family
    assert f"Các quy tắc đã kiểm tra ({len(report.rules_checked)})" in html
    assert 'class="rule--passed"' in html and 'class="rule--failed"' in html


def test_correct_document_and_family_chosen(client: FlaskClient) -> None:
    html = result_html(submit(client, rendered("dang")))
    assert "Đạt thể thức." in html and "<dt>Số lỗi</dt><dd>0</dd>" in html
    assert "Không thấy lỗi hay cảnh báo nào." in html
    assert "Đảng (Hướng dẫn 36-HD/VPTW" in html and "(tự nhận biết)" in html
    union = submit(client, rendered("cong-doan"), the_thuc="cong-doan")
    html = result_html(union)
    assert "(theo lựa chọn)" in html and "Đạt thể thức, còn cảnh báo nên xem lại." in html
    assert re.search(r'value="cong-doan"\s+checked', union.get_data(as_text=True))


@pytest.mark.parametrize(("form", "status", "text"), [
    ({"file": (io.BytesIO(b"not a docx"), "a.docx")}, 422, "Không đọc được tệp"),
    ({"file": (io.BytesIO(b"%PDF-1.4"), "a.pdf")}, 422, "Đây là tệp PDF"),
    ({"file": (io.BytesIO(b""), ""), "the_thuc": "dang"}, 400, "Chưa chọn tệp"),
    ({"the_thuc": "dang"}, 400, "Chưa chọn tệp"),
    ({"file": (io.BytesIO(b"x"), "a.docx"), "the_thuc": "khac"}, 422, "Không có thể thức"),
])
def test_problems_are_shown_on_the_page(client: FlaskClient, form: dict[str, Any],
                                        status: int, text: str) -> None:
    response = client.post(PAGE, data=form, content_type="multipart/form-data")
    assert response.status_code == status and response.mimetype == "text/html"
    html = result_html(response)
    assert 'class="summary summary--bad"' in html and text in html
    page = response.get_data(as_text=True)
    assert 'id="tep-docx"' in page  # the form is still there to try again
    if form.get("the_thuc") == "dang":
        assert re.search(r'value="dang"\s+checked', page)


def test_too_large_upload_keeps_the_page() -> None:
    small = create_app({"CHECK_MAX_CONTENT_LENGTH": 8 * 1024, "WARM_TEMPLATES": False})
    response = submit(small.test_client(), wrong_docx())
    assert response.status_code == 413 and response.mimetype == "text/html"
    html = result_html(response)
    assert "Tệp quá lớn" in html and "8 KiB" in html
    assert 'data-max-bytes="8192"' in response.get_data(as_text=True)


def test_where_and_more_texts() -> None:
    def finding(index: int | None, text: str = "", part: str = "document", count: int = 1,
                paragraphs: tuple[int, ...] = ()) -> dict[str, Any]:
        return {"location": {"paragraph_index": index, "text": text, "part": part},
                "count": count, "paragraphs": list(paragraphs)}

    assert finding_where(finding(None)) == "Cả văn bản"
    assert finding_where(finding(4, "Số: 5/BC")) == "Đoạn 5: “Số: 5/BC”"
    assert finding_where(finding(0, "2", "word/header1.xml")) == "Đầu/chân trang: “2”"
    assert finding_more(finding(4)) == ""
    assert finding_more(finding(1, count=3, paragraphs=(1, 5, 9))) == "và 2 chỗ khác: đoạn 6, 10"
    many = finding(0, count=20, paragraphs=tuple(range(20)))
    assert finding_more(many) == "và 19 chỗ khác: đoạn 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, …"
    assert finding_more(finding(0, part="word/header1.xml", count=2, paragraphs=(0, 1))) == \
        "và 1 chỗ khác"
