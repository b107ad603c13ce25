"""Uploaded templates run in Jinja's sandbox, in a worker process, with time and size limits."""

from __future__ import annotations

import io
import json
import time
import zipfile

import pytest
from designer_docs import BODY_EXAMPLE, BODY_TEMPLATE, body_template, make_docx

import vanban
from vanban.check.docx_facts import load
from vanban.config import reload_settings
from vanban.designer.render import render_sandboxed
from vanban.errors import InputError, TemplateError
from vanban.ooxml import validate_docx
from vanban.templates import REGISTRY


def codes(exc: pytest.ExceptionInfo) -> list[str]:
    return [p.code for p in exc.value.problems]


def texts(data: bytes) -> list[str]:
    """Every paragraph, tables included, in reading order."""
    return [p.text for p in load(data).paragraphs]


def test_full_template_renders_escaped_and_valid():
    out = render_sandboxed(make_docx("Kính gửi {{ ten }}"), {"ten": "Sở A & B <1>"})
    assert out.kind == "full"
    assert texts(out.docx) == ["Kính gửi Sở A & B <1>"]
    assert validate_docx(out.docx) == []


def test_body_template_is_wrapped_in_the_family_shell():
    data = json.loads(BODY_EXAMPLE.read_text("utf-8"))
    out = render_sandboxed(BODY_TEMPLATE.read_bytes(), data, family="dang")
    assert (out.kind, out.family, out.template_id) == ("body", "dang", "bao-cao-thi-dua")
    text = "\n".join(texts(out.docx))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "Nơi nhận:" in text
    assert validate_docx(out.docx) == []


@pytest.mark.parametrize("template_id", sorted(REGISTRY.specs))
def test_installed_templates_render_the_same_in_the_sandbox(template_id: str):
    spec = REGISTRY.get(template_id)
    out = render_sandboxed(spec.docx_path.read_bytes(), spec.example(), template_id=template_id)
    assert out.kind == "body" and out.template_id == template_id
    assert texts(out.docx) == texts(vanban.render(template_id, spec.example()))
    assert validate_docx(out.docx) == []


def test_free_body_template_reads_noi_dung_raw():
    data = json.loads(BODY_EXAMPLE.read_text("utf-8"))
    data["noi_dung"] = {"loi_mo": "Một câu riêng của tỉnh."}
    out = render_sandboxed(body_template("Mở đầu: {{ noi_dung.loi_mo }}"), data)
    assert out.template_id is None
    text = "\n".join(texts(out.docx))
    assert "Mở đầu: Một câu riêng của tỉnh." in text and "CỘNG HÒA XÃ HỘI" in text


def test_ssti_never_renders():
    with pytest.raises(TemplateError) as exc:
        render_sandboxed(make_docx("{{ ''.__class__.__mro__ }}"), {})
    assert codes(exc) == ["sandbox.unsafe"]
    assert "__class__" in exc.value.problems[0].message


def test_huge_range_stops_at_once():
    started = time.monotonic()
    with pytest.raises(TemplateError) as exc:
        render_sandboxed(make_docx("{% for i in range(10**9) %}x{% endfor %}"), {})
    assert codes(exc) == ["sandbox.range"]
    assert time.monotonic() - started < 5


@pytest.fixture
def short_limits(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("VANBAN_DESIGNER_TIMEOUT", "1.5")
    monkeypatch.setenv("VANBAN_DESIGNER_MAX_OUTPUT", "200000")
    reload_settings()
    yield
    monkeypatch.delenv("VANBAN_DESIGNER_TIMEOUT")
    monkeypatch.delenv("VANBAN_DESIGNER_MAX_OUTPUT")
    reload_settings()


def test_endless_loop_without_output_is_killed(short_limits: None):
    source = "{% set r = range(99999) %}{% for i in r %}{% for j in r %}{% endfor %}{% endfor %}"
    started = time.monotonic()
    with pytest.raises(TemplateError) as exc:
        render_sandboxed(make_docx(source), {})
    assert codes(exc) == ["sandbox.timeout"]
    assert time.monotonic() - started < 6


def test_runaway_output_stops_with_its_own_message(short_limits: None):
    with pytest.raises(TemplateError) as exc:
        render_sandboxed(make_docx("{% for i in range(99999) %}xxxxxxxx{% endfor %}"), {})
    assert codes(exc) == ["sandbox.output-too-large"]


def test_zip_bomb_and_odd_names_are_refused_fast():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<a/>" + b" " * (200 * 1024 * 1024))
    started = time.monotonic()
    with pytest.raises(InputError) as exc:
        render_sandboxed(buf.getvalue(), {})
    assert codes(exc)[0].startswith("upload.")  # the safe reader's own codes (size / ratio)
    assert time.monotonic() - started < 5
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", b"<a/>")
        zf.writestr("../../etc/x.xml", b"<a/>")
    with pytest.raises(InputError) as exc:
        render_sandboxed(buf.getvalue(), {})
    assert codes(exc)[0].startswith("upload.")


def test_missing_variable_names_it_and_the_paragraph():
    """Outside a preview a missing variable stops the render, at the designer's paragraph
    (never an XML line), in Vietnamese, naming the uploaded file."""
    with pytest.raises(TemplateError) as exc:
        render_sandboxed(make_docx("Trước", "Kính gửi {{ co_quan.ten }}"), {"co_quan": {}},
                         name="mau-loi.docx")
    p = exc.value.problems[0]
    assert p.code == "template.undefined" and "“ten”" in p.message
    assert p.path == "body ¶2" and p.extra["text"] == "Kính gửi {{ co_quan.ten }}"
    assert "mau-loi.docx" in p.message and "dòng" not in p.message + p.path
    assert "has no attribute" in p.message_en and "has no attribute" not in p.message


def test_render_errors_point_to_the_table_cell_in_vietnamese():
    template = make_docx("Trước", table=[["Tên", "Điểm"], ["{{ ten }}", "{{ diem + 1 }}"]])
    with pytest.raises(TemplateError) as exc:
        render_sandboxed(template, {"ten": "An", "diem": "chín"}, name="bang.docx")
    p = exc.value.problems[0]
    assert p.path == "body ¶5 [T1 R2 C2 ¶1]" and p.extra["cell"] == "T1 R2 C2"
    assert p.extra["text"] == "{{ diem + 1 }}" and p.extra["fix"]
    assert "Không nối được" in p.message and "bang.docx" in p.message
    assert "concatenate" in p.message_en


@pytest.mark.parametrize("family", ["nha-nuoc", "dang", "cong-doan"])
def test_a_designers_body_template_passes_the_layout_checker(family: str):
    from vanban.check import check_docx

    template = body_template(
        "Năm {{ noi_dung.ky.nam }}, đơn vị đã được các hình thức khen thưởng sau:",
        "{%p for k in noi_dung.khen_thuong %}",
        "- {{ k.ten }} ({{ k.nguoi_tang }}): {{ k.ca_nhan|default(0) }} cá nhân.",
        "{%p endfor %}")
    out = render_sandboxed(template, json.loads(BODY_EXAMPLE.read_text("utf-8")), family=family)
    assert check_docx(out.docx).to_dict()["errors"] == 0
    assert validate_docx(out.docx) == []
