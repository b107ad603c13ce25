"""The render path: compiled once per (template, family), thread-safe, template errors located."""

from __future__ import annotations

import io
import shutil
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import vanban
from conftest import FIXTURES, TEMPLATE, fixture_data
from vanban.check.docx_facts import load
from vanban.errors import TemplateError
from vanban.render import compile as compile_mod
from vanban.templates import REGISTRY, Registry, builtin_templates_dir, content_blocks_dir


def text_of(docx: bytes) -> list[str]:
    return [p.text for p in load(docx).paragraphs]


def test_compiled_once_and_reused(monkeypatch):
    registry = Registry.default()
    calls = []
    real = compile_mod.compile_template

    def counting(*args, **kwargs):
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr("vanban.templates.compile_template", counting)
    first = registry.compiled(TEMPLATE, "dang")
    assert registry.compiled(TEMPLATE, "dang") is first
    with ThreadPoolExecutor(8) as pool:
        same = list(pool.map(lambda _: registry.compiled(TEMPLATE, "nha-nuoc"), range(16)))
    assert all(s is same[0] for s in same)
    assert calls == [f"{TEMPLATE}/dang", f"{TEMPLATE}/nha-nuoc"]


def test_warm_compiles_every_family_of_every_template():
    registry = Registry.at(builtin_templates_dir())
    assert registry.warm() == sum(len(s.families) for s in registry.specs.values())
    assert registry.problems == []
    assert len(registry.get(TEMPLATE).families) == 4


def test_concurrent_renders_each_get_their_own_document():
    names = sorted(FIXTURES) * 6
    expected = {n: text_of(vanban.render(TEMPLATE, fixture_data(n))) for n in FIXTURES}
    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(lambda n: (n, vanban.render(TEMPLATE, fixture_data(n))), names))
    for name, docx in results:
        assert text_of(docx) == expected[name]


def test_package_keeps_all_shell_parts():
    docx = vanban.render(TEMPLATE, fixture_data(sorted(FIXTURES)[0]))
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        names = zf.namelist()
    assert names[0] == "[Content_Types].xml"
    for part in ("word/document.xml", "word/styles.xml", "word/settings.xml",
                 "docProps/core.xml", "word/_rels/document.xml.rels"):
        assert part in names


def test_core_properties_carry_the_abstract():
    data = fixture_data("nha-nuoc-mau-01-tong-ket-2021")
    docx = vanban.render(TEMPLATE, data)
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        core = zf.read("docProps/core.xml").decode()
    assert "Báo cáo: Tổng kết phong trào thi đua" in core
    assert "BC-STNMT-VP" in core


# --------------------------------------------------------------------------- template errors
def _broken_template(tmp_path: Path, old: str, new: str) -> Registry:
    """A copy of the templates folder whose body has ``old`` replaced by ``new``."""
    root = tmp_path / "templates"
    shutil.copytree(builtin_templates_dir() / TEMPLATE, root / TEMPLATE)
    docx = root / TEMPLATE / "template.docx"
    with zipfile.ZipFile(docx) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    xml = parts["word/document.xml"].decode()
    assert old in xml
    parts["word/document.xml"] = xml.replace(old, new, 1).encode()
    with zipfile.ZipFile(docx, "w") as zf:
        for n, b in parts.items():
            zf.writestr(n, b)
    return Registry.at(root)


def test_jinja_syntax_error_names_the_place(tmp_path):
    registry = _broken_template(tmp_path, "{%p for p in phong_trao %}", "{%p for p in %}")
    with pytest.raises(TemplateError) as info:
        registry.compiled(TEMPLATE, "nha-nuoc")
    (p,) = info.value.problems
    assert p.code == "template.syntax"
    assert "template.docx" in p.path and "dòng" in p.path
    assert "cú pháp" in p.message


def test_unknown_style_in_body_is_reported(tmp_path):
    registry = _broken_template(tmp_path, 'w:val="VBMuc1"', 'w:val="Heading9X"')
    with pytest.raises(TemplateError) as info:
        registry.compiled(TEMPLATE, "dang")
    assert info.value.problems[0].code == "template.unknown-style"
    assert "Heading9X" in info.value.problems[0].message


def test_undefined_variable_is_reported_at_render(tmp_path):
    registry = _broken_template(tmp_path, "so.phan_1", "khong_co.phan_1")
    compiled = registry.compiled(TEMPLATE, "nha-nuoc")
    from vanban.render.engine import render

    env = vanban.pipeline.validate(TEMPLATE, fixture_data("nha-nuoc-mau-01-tong-ket-2021"))
    ctx = vanban.pipeline.context(TEMPLATE, env)
    with pytest.raises(TemplateError) as info:
        render(compiled, ctx)
    assert info.value.problems[0].code == "template.undefined"
    assert "khong_co" in info.value.problems[0].message


def test_not_a_docx_is_reported(tmp_path):
    bad = tmp_path / "x.docx"
    bad.write_text("not a zip")
    with pytest.raises(TemplateError) as info:
        compile_mod.compile_template("x", content_blocks_dir() / "dang.docx", bad)
    assert info.value.problems[0].code == "template.unreadable"


def test_registry_lists_the_report_template():
    assert REGISTRY.get(TEMPLATE).families == ("nha-nuoc", "dang", "cong-doan", "doan-thanh-nien")
    assert TEMPLATE in [t["id"] for t in vanban.list_templates()]


def test_schema_and_example():
    schema = vanban.schema(TEMPLATE)
    assert schema["$schema"].endswith("2020-12/schema")
    assert {"co_quan", "ngay", "noi_dung"} <= set(schema["properties"])
    assert schema["additionalProperties"] is False
    vanban.validate(TEMPLATE, vanban.example(TEMPLATE))


def test_newlines_become_line_breaks():
    data = fixture_data("nha-nuoc-mau-01-tong-ket-2021")
    data["nguoi_ky"]["ho_ten"] = "Nguyễn Văn A\n(đã ký)"
    docx = vanban.render(TEMPLATE, data)
    assert "Nguyễn Văn A\n(đã ký)" in text_of(docx)
    assert b"<w:br/>" in zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml")
