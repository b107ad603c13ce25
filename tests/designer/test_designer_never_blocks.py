"""Issue 18, items 2–4: a preview never blocks, every finding speaks the designer's language
at the designer's place, and one mistake gives one finding.

Each test here failed before the change: a missing variable gave no document at all, an
unclosed loop gave three findings and an English Jinja message at "template.docx dòng 4", a
full template without data gave "Cần dữ liệu JSON…".
"""

from __future__ import annotations

import io
import re
import zipfile

import jinja2
import pytest
from designer_docs import body_template, make_docx

from vanban.check.docx_facts import load
from vanban.designer import jinja_messages
from vanban.designer.workbench import Job, run
from vanban.ooxml import validate_docx
from vanban.pdf import converter

VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)


def texts(docx: bytes) -> list[str]:
    return [p.text for p in load(docx).paragraphs]


def document_xml(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return zf.read("word/document.xml").decode("utf-8")


def preview(template: bytes, data: str | None = None, want: str = "docx",
            name: str = "mau-loi.docx"):
    return run(Job(template=template, data=data, want=want, filename=name))


def test_missing_variable_prints_a_highlighted_placeholder_and_is_listed():
    out = preview(make_docx("Người lập: {{ nguoi_lap }}, ngày {{ ngay }}."),
                  '{"ngay": "20/6"}')
    assert out.error is None and out.docx
    assert texts(out.docx)[0] == "[Lỗi 1] Người lập: «nguoi_lap», ngày 20/6."
    xml = document_xml(out.docx)
    assert re.search(r'<w:highlight w:val="yellow"/></w:rPr><w:t xml:space="preserve">'
                     r"«nguoi_lap»</w:t>", xml)
    assert "\ue000" not in xml and "vbp=" not in xml
    assert validate_docx(out.docx) == []
    [p] = out.report.errors
    assert p.code == "lint.missing-in-data" and "“nguoi_lap”" in p.message
    assert p.path == "body ¶1" and p.extra["placeholder"] == "«nguoi_lap»"
    assert p.extra["mark"] == 1


@pytest.mark.skipif(not converter().available(), reason="LibreOffice is installed by .ci/run")
def test_missing_variable_still_gives_pages():
    out = preview(make_docx("Kính gửi {{ noi_gui }}", "Người lập: {{ nguoi_lap }}"),
                  '{"noi_gui": "Sở Nội vụ"}', want="preview")
    assert out.error is None and out.pdf_error is None
    assert out.pages and out.pages[0].startswith(b"\x89PNG")
    from PIL import Image

    assert Image.open(io.BytesIO(out.pages[0])).mode == "RGB"  # the yellow marks show
    assert [p.extra.get("variable") for p in out.report.errors] == ["nguoi_lap"]


def test_unclosed_loop_is_one_finding_in_vietnamese_at_its_paragraph():
    out = preview(make_docx("Danh sách", "{% for x in ds %}", "- {{ x.ten }}"),
                  '{"ds": [{"ten": "An"}]}')
    [p] = out.report.problems
    assert p.code == "lint.block-unclosed" and p.path == "body ¶2"
    assert p.extra["text"] == "{% for x in ds %}"
    assert VIETNAMESE.search(p.message) and "endfor" in p.message
    # what followed from it is folded under it, not listed apart
    assert len(p.extra["folded"]) == 2 and "“x.ten”" in p.extra["folded"][0]
    # and the preview still shows the page, the broken paragraph as text, marked
    assert out.error is None
    assert texts(out.docx) == ["Danh sách", "[Lỗi 1] {\u200b% for x in ds %\u200b}",
                               "- «x.ten»"]


def test_a_jinja_syntax_error_is_translated_at_its_paragraph():
    out = preview(make_docx("Mở đầu", "Tổng: {{ tong + }}", "Kết"), '{"tong": 1}')
    [p] = out.report.errors
    assert p.path == "body ¶2" and p.extra["text"] == "Tổng: {{ tong + }}"
    assert p.message.startswith("Gặp “}}” không đúng chỗ")
    assert p.message_en == "unexpected 'end of print statement'"
    assert texts(out.docx)[0] == "Mở đầu" and texts(out.docx)[2] == "Kết"


def test_render_error_found_only_while_rendering_is_added_and_marked():
    out = preview(make_docx("Tên {{ ten }}", "{{ ten + 1 }}", "Cuối"), '{"ten": "An"}',
                  name="bao-cao-cua-toi.docx")
    assert out.error is None
    [p] = out.report.errors
    assert p.code == "template.render" and p.path == "body ¶2"
    assert p.extra["text"] == "{{ ten + 1 }}" and p.extra["file"] == "bao-cao-cua-toi.docx"
    assert "bao-cao-cua-toi.docx" in p.message and "template.docx" not in p.message
    assert "dòng" not in p.message and "word/document.xml" not in p.path + p.message
    assert "Không nối được" in p.message and "concatenate" in p.message_en
    assert texts(out.docx) == ["Tên An", "[Lỗi 1] {\u200b{ ten + 1 }\u200b}", "Cuối"]


def test_unrenderable_upload_is_the_templates_fault_with_its_name():
    out = preview(make_docx("{{ ''.__class__.__mro__ }}"), "{}", name="mau-cua-toi.docx")
    assert out.docx is None and out.error is not None
    assert out.error.title == "Mẫu tải lên có lỗi" and out.error.status == 422
    assert out.error.problems[0].code == "sandbox.unsafe"


def test_no_data_takes_the_example_for_a_full_template():
    out = preview(make_docx("Kính gửi {{ co_quan.ten }}", "Nhận: {{ noi_dung.ky.nam }}"))
    assert out.error is None, out.error
    assert out.data_source == "example:bao-cao-thi-dua"
    assert texts(out.docx) == ["Kính gửi SỞ NỘI VỤ", "Nhận: 2024"]


def test_no_data_takes_the_example_for_a_body_template():
    out = preview(body_template("Năm {{ noi_dung.ky.nam }}, {{ noi_dung.chi_dao[0] }}"))
    assert out.error is None and out.data_source == "example:bao-cao-thi-dua"
    assert any(t.startswith("Năm 2024, Ban hành Kế hoạch") for t in texts(out.docx))


def test_body_template_placeholder_in_the_shell():
    out = preview(body_template("Năm {{ noi_dung.ky.nam }}, lập: {{ nguoi_lap }}"))
    assert out.error is None
    assert any("Năm 2024, lập: «nguoi_lap»" in t for t in texts(out.docx))
    assert validate_docx(out.docx) == []


@pytest.mark.parametrize("source", [
    "{{ x }", "{% for x in ds %}", "{% endfor %}", "{% if %}{% endif %}", "{{ a b }}",
    "{% fro x in y %}{% endfro %}", "{{ x|khong_co }}", "{{ x is khong_co }}",
    "{% for x in ds %}{% endif %}", "{{ 'a }}", "{# x",
])
def test_jinja_syntax_messages_are_vietnamese(source: str):
    with pytest.raises(jinja2.TemplateSyntaxError) as exc:
        jinja2.Environment().from_string(source)
    vi, fix = jinja_messages.translate(exc.value.message or "")
    assert VIETNAMESE.search(vi) and VIETNAMESE.search(fix)
    assert "thông báo gốc" not in vi, (source, exc.value.message)


def test_missing_field_of_a_present_object_is_one_finding():
    out = preview(body_template("Năm {{ noi_dung.ky.nam }}: {{ noi_dung.khong_co }}"))
    errors = out.report.errors
    assert [p.extra.get("variable") for p in errors] == ["noi_dung.khong_co"]
    assert errors[0].extra["placeholder"] == "«khong_co»"
    assert any("Năm 2024: «khong_co»" in t for t in texts(out.docx))


def test_a_sandbox_refusal_is_located_and_still_blocks():
    out = preview(make_docx("Mở đầu", "Lớp: {{ ten.__class__ }}"), '{"ten": "An"}')
    assert out.docx is None and out.error.title == "Mẫu tải lên có lỗi"
    [p] = out.error.problems
    assert p.code == "sandbox.unsafe" and p.path == "body ¶2"
    assert p.extra["text"] == "Lớp: {{ ten.__class__ }}"
