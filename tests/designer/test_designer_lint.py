"""vanban lint: docxtpl-lint's findings as vanban problems, plus what only vanban knows."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from designer_docs import BODY_EXAMPLE, ROOT, body_template, make_docx

from vanban.designer.annotate import annotate
from vanban.designer.lint import lint_template
from vanban.ooxml import validate_docx
from vanban.templates import REGISTRY


def by_code(report, code: str) -> list:
    return [p for p in report.problems if p.code == code]


def test_broken_tag_reports_its_paragraph_text_and_tag():
    report = lint_template(make_docx("Mở đầu", "Kính gửi {{ co_quan.ten }", "Kết thúc"))
    [p] = by_code(report, "lint.tag-unclosed")
    assert p.path == "body ¶2"
    assert p.extra["text"] == "Kính gửi {{ co_quan.ten }"
    assert p.extra["tag"] == "{{ co_quan.ten }"
    assert p.extra["severity"] == "error" and p.extra["fix"]
    assert p.message.startswith("Thẻ “{{” không được đóng") and p.message_en


def test_every_finding_at_once_with_table_cells():
    template = make_docx(
        "{{ a|khong_co_bo_loc }}", "{% if x %}", "{{ ten",
        table=[["TT", "Tên"], ["{%tr for r in ds %}", ""], ["{{ r.tt }}", "{{ r.ten }}"],
               ["{%tr endfor %}", ""]])
    report = lint_template(template)
    found = {p.code for p in report.errors}
    assert {"lint.unknown-filter", "lint.block-unclosed", "lint.tag-unclosed"} <= found
    table = lint_template(make_docx("x", table=[["A", "{%tr for r in ds %} {{ r.a }}"],
                                                ["{%tr endfor %}", ""]]))
    [dropped] = by_code(table, "lint.content-dropped")
    assert dropped.extra["cell"] == "T1 R1 C2" and "[T1 R1 C2 ¶1]" in dropped.path


def test_undeclared_nested_variable_and_unused_field_with_the_schema():
    template = make_docx(
        "Năm {{ noi_dung.ky.nam }}",
        "{%p for k in noi_dung.khen_thuong %}",
        "{{ k.ten }}: {{ k.so_luong }}",
        "{%p endfor %}")
    report = lint_template(template, schema_id="bao-cao-thi-dua")
    [missing] = by_code(report, "lint.missing-in-schema")
    assert "noi_dung.khen_thuong[*].so_luong" in missing.message
    assert missing.path == "body ¶3" and missing.extra["tag"] == "{{ k.so_luong }}"
    unused = {p.extra["field"] for p in by_code(report, "lint.unused-field")}
    assert "noi_dung.khen_thuong[].nguoi_tang" in unused
    assert "noi_dung.khen_thuong[].ten" not in unused and "noi_dung.ky.nam" not in unused
    assert all(p.extra["severity"] == "warning" for p in by_code(report, "lint.unused-field"))


def test_nested_variable_missing_from_data():
    data = {"ds": [{"ten": "A", "ghi_chu": "x"}], "thua": 1}
    report = lint_template(make_docx("{%p for r in ds %}", "{{ r.ten }} {{ r.tuoi }}",
                                     "{%p endfor %}"), data=data)
    assert [p.extra["tag"] for p in by_code(report, "lint.missing-in-data")] == ["{{ r.tuoi }}"]
    assert {p.extra["field"] for p in by_code(report, "lint.unused-field")} == {
        "ds[].ghi_chu", "thua"}


def test_ssti_is_a_lint_error():
    [p] = by_code(lint_template(make_docx("{{ ''.__class__.__mro__ }}")), "lint.sandbox")
    assert p.extra["severity"] == "error" and "__class__" in p.message


@pytest.mark.parametrize("template_id", sorted(REGISTRY.specs))
def test_every_installed_template_lints_clean(template_id: str):
    spec = REGISTRY.get(template_id)
    template = spec.docx_path.read_bytes()
    assert lint_template(template, schema_id=template_id).problems == []
    report = lint_template(template, data=json.dumps(spec.example()).encode())
    assert report.kind == "body" and report.problems == []


def test_body_template_rules_styles_and_shell_parts():
    data = json.loads(BODY_EXAMPLE.read_text("utf-8"))
    report = lint_template(body_template("{{ noi_dung.ky.nam }}", "Nơi nhận:"), data=data)
    assert report.kind == "body"
    assert by_code(report, "lint.shell-owned")
    bad_style = body_template("Đoạn", "Tiêu đề riêng", styles={1: "TieuDeRieng"})
    [p] = by_code(lint_template(bad_style), "lint.style-unknown")
    assert p.path == "body ¶2" and p.extra["severity"] == "error"
    assert p.extra["text"] == "Tiêu đề riêng" and "TieuDeRieng" in p.message
    with_header = lint_template(body_template("Đoạn {{ x }}", header="Đầu trang riêng"))
    assert with_header.kind == "full"
    [p] = by_code(with_header, "lint.needs-shell")
    assert p.extra["severity"] == "warning" and "VBNoiDung" in p.message


def test_annotated_copy_has_a_comment_per_finding_and_is_valid():
    template = make_docx("Kính gửi {{ co_quan.ten }", "{{ x|khong_co }}")
    report = lint_template(template, data={"y": 1})
    out = annotate(template, report)
    assert validate_docx(out) == []
    comments = list(docx.Document(io.BytesIO(out)).comments)
    assert len(comments) == len(report.problems) >= 3
    assert any("lint.tag-unclosed" in c.text for c in comments)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(ROOT / "service"), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "vanban.cli", *args], capture_output=True,
                          text=True, env=env, timeout=120, check=False)


def test_cli_exit_codes_and_json(tmp_path: Path):
    good, bad, junk = tmp_path / "good.docx", tmp_path / "bad.docx", tmp_path / "junk.docx"
    good.write_bytes(make_docx("Kính gửi {{ ten }}"))
    bad.write_bytes(make_docx("Kính gửi {{ ten }"))
    junk.write_bytes(b"not a zip")
    assert run_cli("lint", str(good)).returncode == 0
    done = run_cli("lint", str(bad), "--json", "--annotate", str(tmp_path / "out.docx"))
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["errors"] == 1 and report["problems"][0]["code"] == "lint.tag-unclosed"
    assert validate_docx((tmp_path / "out.docx").read_bytes()) == []
    human = run_cli("lint", str(bad))
    assert "body ¶1" in human.stdout and "Kính gửi {{ ten }" in human.stdout
    assert run_cli("lint", str(junk)).returncode == 2


def test_list_items_missing_a_field_are_found_unless_guarded():
    data = {"ds": [{"ten": "A", "so": 1}, {"ten": "B"}]}
    template = make_docx("{%p for r in ds %}", "{{ r.ten }}: {{ r.so }}", "{%p endfor %}")
    [p] = by_code(lint_template(template, data=data), "lint.missing-in-some-items")
    assert p.path == "body ¶2" and p.extra["tag"] == "{{ r.so }}"
    guarded = make_docx("{%p for r in ds %}", "{%p if r.ten == 'A' %}", "{{ r.so }}",
                        "{%p endif %}", "{%p endfor %}")
    assert not by_code(lint_template(guarded, data=data), "lint.missing-in-some-items")
