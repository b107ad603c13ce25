"""Issue 18, item 1 (the mechanism): an office's folder on VANBAN_TEMPLATES_PATH with a built-in's
id replaces the built-in — listed as "overrides" by ``vanban templates``, the API and the pages —
and ``vanban eject`` writes such a folder (``--id``: a new template beside the built-in)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pytest
from battery import ROOT, cases
from docx.oxml.ns import qn

import vanban
from vanban.check.docx_facts import load
from vanban.designer.eject import eject
from vanban.errors import InputError
from vanban.templates import REGISTRY, builtin_templates_dir

SERVICE = ROOT / "service"


def run_cli(*args: str, env_extra: dict[str, str] | None = None):
    env = {k: v for k, v in os.environ.items() if k != "VANBAN_TEMPLATES_PATH"}
    env.update({"PYTHONPATH": str(SERVICE), **(env_extra or {})})
    return subprocess.run([sys.executable, "-m", "vanban.cli", *args], capture_output=True,
                          env=env, timeout=120, check=False, text=True)


def texts(data: bytes) -> list[str]:
    return [p.text for p in load(data).paragraphs]


@pytest.fixture
def on_path() -> Iterator[Callable[[Path], None]]:
    """Add a folder to the process's registry (as VANBAN_TEMPLATES_PATH does), then undo."""
    saved = list(REGISTRY.roots)
    yield REGISTRY.add_root
    REGISTRY.set_roots(saved)


def test_a_scaffolded_folder_with_a_builtin_id_overrides_it(tmp_path: Path):
    parent = tmp_path / "mau-don-vi"
    done = run_cli("new-template", "cong-van", "-d", str(parent), "--title",
                   "Công văn của đơn vị", "--loai", "CÔNG VĂN")
    assert done.returncode == 0, done.stderr
    env = {"VANBAN_TEMPLATES_PATH": str(parent)}
    done = run_cli("templates", env_extra=env)
    assert done.returncode == 0, done.stderr
    listed = {t["id"]: t for t in json.loads(done.stdout)}
    assert listed["cong-van"]["overrides"] is True
    assert listed["cong-van"]["title"] == "Công văn của đơn vị"
    assert listed["bao-cao-thi-dua"]["overrides"] is False
    assert "thay cho mẫu có sẵn" in done.stderr and "trùng mã" not in done.stderr
    out = tmp_path / "cv.docx"
    done = run_cli("render", "cong-van", str(parent / "cong-van" / "example.json"), "-o",
                   str(out), env_extra=env)
    assert done.returncode == 0, done.stderr
    assert any("Đoạn mở đầu" in t for t in texts(out.read_bytes()))  # the folder's, not ours
    done = run_cli("templates")  # without the path: the built-in again
    assert {t["id"]: t["overrides"] for t in json.loads(done.stdout)}["cong-van"] is False


def test_an_ejected_copy_renders_every_fixture_word_for_word(tmp_path: Path, on_path):
    fixtures = sorted((ROOT / "templates_docx" / "bao-cao-thi-dua" / "fixtures").glob("*.json"))
    data = [json.loads(f.read_text("utf-8")) for f in fixtures]
    before = [texts(vanban.render("bao-cao-thi-dua", d)) for d in data]
    folder = eject("bao-cao-thi-dua", tmp_path)
    assert folder == tmp_path / "bao-cao-thi-dua"
    from vanban.designer.eject import origin

    assert origin((folder / "template.docx").read_bytes()) == "bao-cao-thi-dua"
    on_path(tmp_path)
    spec = REGISTRY.get("bao-cao-thi-dua")
    assert spec.folder == folder and "bao-cao-thi-dua" in REGISTRY.overridden
    assert REGISTRY.overridden["bao-cao-thi-dua"].folder == \
        builtin_templates_dir() / "bao-cao-thi-dua"
    assert REGISTRY.problems == []
    assert [texts(vanban.render("bao-cao-thi-dua", d)) for d in data] == before


def test_what_is_edited_in_word_shows_up(tmp_path: Path, on_path):
    folder = eject("bao-cao-thi-dua", tmp_path)
    document = docx.Document(str(folder / "template.docx"))
    p = document.add_paragraph("Đơn vị ghi chú thêm: báo cáo này lập theo mẫu riêng.")
    p._p.get_or_add_pPr().get_or_add_pStyle().set(qn("w:val"), "VBNoiDung")
    buf = io.BytesIO()
    document.save(buf)
    (folder / "template.docx").write_bytes(buf.getvalue())
    on_path(tmp_path)
    out = texts(vanban.render("bao-cao-thi-dua", vanban.example("bao-cao-thi-dua")))
    assert "Đơn vị ghi chú thêm: báo cáo này lập theo mẫu riêng." in out


def test_eject_with_a_new_id_adds_a_template_beside_the_builtin(tmp_path: Path):
    done = run_cli("eject", "bao-cao-thi-dua", str(tmp_path), "--id", "bao-cao-rieng")
    assert done.returncode == 0, done.stderr
    assert "mẫu mới “bao-cao-rieng”" in done.stderr
    done = run_cli("templates", env_extra={"VANBAN_TEMPLATES_PATH": str(tmp_path)})
    listed = {t["id"]: t["overrides"] for t in json.loads(done.stdout)}
    assert listed["bao-cao-rieng"] is False and listed["bao-cao-thi-dua"] is False
    with pytest.raises(InputError) as exc:
        eject("bao-cao-thi-dua", tmp_path, "bao-cao-rieng")
    assert exc.value.problems[0].code == "eject.exists"
    with pytest.raises(InputError) as exc:
        eject("bao-cao-thi-dua", tmp_path / "khac", "cong-van")
    assert exc.value.problems[0].code == "eject.id-taken"


def test_api_and_pages_say_which_templates_override(tmp_path: Path, on_path):
    eject("bao-cao-thi-dua", tmp_path)
    on_path(tmp_path)
    from vanban.web import create_app

    client = create_app({"TESTING": True, "WARM_TEMPLATES": False}).test_client()
    listed = {t["id"]: t for t in client.get("/api/v1/templates").get_json()["templates"]}
    assert listed["bao-cao-thi-dua"]["overrides"] is True
    assert listed["cong-van"]["overrides"] is False
    one = client.get("/api/v1/templates/bao-cao-thi-dua").get_json()
    assert one["overrides"] is True
    assert "mẫu của đơn vị, thay mẫu có sẵn" in client.get("/").text
    assert "(mẫu của đơn vị, thay mẫu có sẵn)" in client.get("/thiet-ke").text


def test_a_broken_override_previews_with_its_mistake_marked(tmp_path: Path, on_path):
    """The office's folder being edited: the designer page previews the installed template,
    the unclosed loop one finding at its paragraph (never a 500 at an XML line)."""
    from vanban.designer.workbench import Job, run

    folder = eject("bao-cao-thi-dua", tmp_path)
    document = docx.Document(str(folder / "template.docx"))
    p = document.add_paragraph("{% for x in ds %}")
    p._p.get_or_add_pPr().get_or_add_pStyle().set(qn("w:val"), "VBNoiDung")
    document.save(str(folder / "template.docx"))
    index = len(list(document.element.body.iter(qn("w:p"))))
    on_path(tmp_path)
    out = run(Job(installed="bao-cao-thi-dua", want="docx"))
    assert out.error is None and out.docx
    [error] = out.report.errors
    assert error.code == "lint.block-unclosed" and error.path == f"body ¶{index}"
    assert any("[Lỗi" in t for t in texts(out.docx))


def test_every_builtin_ejected_renders_every_case_word_for_word(tmp_path: Path, on_path):
    """Issue 18's "same words as the built-in for every fixture", for the copy ``vanban
    eject`` writes today (the built-ins' own bodies, marked with their origin)."""
    specs = [s for s in REGISTRY.specs.values() if s.builtin]
    before = {(c.template, c.source, c.family): texts(vanban.render(c.template, c.data))
              for spec in specs for c in cases(spec)}
    for spec in specs:
        eject(spec.id, tmp_path)
    on_path(tmp_path)
    assert set(REGISTRY.overridden) == {s.id for s in specs} and REGISTRY.problems == []
    after = {(c.template, c.source, c.family): texts(vanban.render(c.template, c.data))
             for spec in specs for c in cases(REGISTRY.get(spec.id))}
    assert after == before and len(after) > 40
