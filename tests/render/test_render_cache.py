"""The on-disk cache of compiled templates (:mod:`vanban.render.cache`): a saved pair is what
compiling gives, a changed file is compiled afresh, the setting turns it off or moves it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import fixture_data
from vanban import pipeline
from vanban.config import reload_settings
from vanban.render import cache
from vanban.render.compile import compile_template
from vanban.render.engine import render_xml
from vanban.templates import builtin_templates_dir, content_blocks_dir

TEMPLATE = "bao-cao-thi-dua"
SHELL = content_blocks_dir() / "nha-nuoc.docx"


def body_copy(tmp_path: Path, replace: tuple[str, str] | None = None) -> Path:
    """The template's body, copied; ``replace`` edits its document text."""
    source = builtin_templates_dir() / TEMPLATE / "template.docx"
    target = tmp_path / "template.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if replace and item.filename == "word/document.xml":
                assert replace[0].encode() in data
                data = data.replace(replace[0].encode(), replace[1].encode())
            zout.writestr(item, data)
    return target


def document_xml(compiled) -> str:  # noqa: ANN001
    return "\n".join(compiled.source_lines)


def test_a_saved_pair_is_what_compiling_gives(tmp_path: Path) -> None:
    body = body_copy(tmp_path)
    folder = tmp_path / "cache"
    fresh = compile_template("t/nha-nuoc", SHELL, body, folder)
    (entry,) = folder.glob("*.bin")
    loaded = compile_template("t/nha-nuoc", SHELL, body, folder)
    assert list(folder.glob("*.bin")) == [entry]
    assert loaded is not fresh
    assert loaded.parts == fresh.parts and loaded.packed == fresh.packed
    assert loaded.source_lines == fresh.source_lines
    assert loaded.footnotes == fresh.footnotes and loaded.footnotes_xml == fresh.footnotes_xml
    env = pipeline.validate(TEMPLATE, fixture_data("nha-nuoc-mau-01-tong-ket-2021"))
    ctx = pipeline.context(TEMPLATE, env)
    assert render_xml(loaded, ctx) == render_xml(fresh, ctx)  # the same document


def test_a_changed_body_is_compiled_afresh(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    first = compile_template("t/nha-nuoc", SHELL, body_copy(tmp_path), folder)
    changed = tmp_path / "changed"
    changed.mkdir()
    marker = "<w:body>"
    edited = body_copy(changed, (marker, marker + "<w:p><w:r><w:t>ĐOẠN THÊM</w:t></w:r></w:p>"))
    second = compile_template("t/nha-nuoc", SHELL, edited, folder)
    assert len(list(folder.glob("*.bin"))) == 2
    assert "ĐOẠN THÊM" in document_xml(second) and "ĐOẠN THÊM" not in document_xml(first)


def test_the_setting(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    try:
        monkeypatch.setenv("VANBAN_TEMPLATE_CACHE", "off")
        reload_settings()
        assert cache.cache_dir() is None
        monkeypatch.setenv("VANBAN_TEMPLATE_CACHE", str(tmp_path / "o-day"))
        reload_settings()
        assert cache.cache_dir() == tmp_path / "o-day"
        monkeypatch.setenv("VANBAN_TEMPLATE_CACHE", "auto")
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        reload_settings()
        assert cache.cache_dir() == tmp_path / "xdg" / "vanban" / "templates"
    finally:
        monkeypatch.undo()
        reload_settings()
