"""Details a clerk sees on the pages: breadcrumbs, the file button, the field guide."""

from __future__ import annotations

import re

from flask.testing import FlaskClient
from web_helpers import TEMPLATE

import vanban.templates
from vanban.web.ui import field_guide

ROOT_CRUMB = '<a href="/">Trang chủ</a>'


def crumbs(html: str) -> list[str]:
    nav = re.search(r'<nav class="breadcrumb" aria-label="Vị trí">(.*?)</nav>', html, re.S)
    assert nav, "no breadcrumb"
    return [re.sub(r"<[^>]+>", "", part).strip()
            for part in re.split(r'<span aria-hidden="true">›</span>', nav.group(1))]


def test_breadcrumbs_are_the_same_everywhere(client: FlaskClient) -> None:
    editor = client.get(f"/mau/{TEMPLATE}").get_data(as_text=True)
    check = client.get("/kiem-tra").get_data(as_text=True)
    docs = client.get("/api/v1/docs").get_data(as_text=True)
    ho_so = client.get("/ho-so").get_data(as_text=True)
    designer = client.get("/thiet-ke").get_data(as_text=True)
    title = vanban.templates.REGISTRY.get(TEMPLATE).title
    assert crumbs(editor) == ["Trang chủ", title]
    assert crumbs(check) == ["Trang chủ", "Kiểm tra thể thức"]
    assert crumbs(docs) == ["Trang chủ", "Tài liệu API"]
    assert crumbs(ho_so) == ["Trang chủ", "Hồ sơ khen thưởng"]
    assert crumbs(designer) == ["Trang chủ", "Thiết kế mẫu"]
    for html in (editor, check, docs, ho_so, designer):
        assert ROOT_CRUMB in html


def test_check_page_file_button_is_vietnamese(client: FlaskClient) -> None:
    html = client.get("/kiem-tra").get_data(as_text=True)
    field = re.search(r'<input id="tep-docx"[^>]*>', html).group()
    assert 'class="visually-hidden"' in field and 'type="file"' in field and "required" in field
    assert re.search(r'<label for="tep-docx" class="button file-field__button">Chọn tệp '
                     r'\.docx…</label>', html)
    assert '<span id="tep-docx-ten" class="file-field__name">Chưa chọn tệp</span>' in html


def test_every_field_of_the_guide_is_described(client: FlaskClient) -> None:
    rows = field_guide(vanban.schema(TEMPLATE))
    missing = [r["path"] for r in rows if not r["description"].strip()]
    assert missing == []
    html = client.get(f"/mau/{TEMPLATE}").get_data(as_text=True)
    guide = re.search(r'<dl class="guide__list">(.*?)</dl>', html, re.S).group(1)
    dds = re.findall(r"<dd>(.*?)</dd>", guide, re.S)
    assert len(dds) == len(rows)
    assert all(dd.strip() and dd.strip() != "—" for dd in dds)
    assert "`" not in guide
    # `ten` in a description is shown as code, not as raw backticks.
    assert "<code>ten</code>" in guide


def test_api_docs_show_code_not_backticks(client: FlaskClient) -> None:
    html = client.get("/api/v1/docs").get_data(as_text=True)
    outside_examples = re.sub(r"<pre.*?</pre>", "", html, flags=re.S)
    assert "`" not in outside_examples
    assert "<code>" in outside_examples
