"""vanban preview: the real LibreOffice makes the PDF; --png draws pages; --watch re-renders."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from designer_docs import BODY_EXAMPLE, BODY_TEMPLATE, ROOT, make_docx

from vanban.pdf import LibreOfficeConverter
from vanban.the_thuc.families import DANG_HIEU

pytestmark = pytest.mark.skipif(
    not LibreOfficeConverter().available() or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler-utils are installed by .ci/run")

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "service"), "VANBAN_PDF": "libreoffice"}


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def vanban(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vanban.cli", *args], capture_output=True,
                          text=True, env=ENV, timeout=timeout, check=False)


def test_body_template_preview_has_the_official_header(tmp_path: Path):
    out, pages = tmp_path / "out.pdf", tmp_path / "trang"
    done = vanban("preview", str(BODY_TEMPLATE), str(BODY_EXAMPLE), "-o", str(out),
                  "--family", "dang", "--png", str(pages))
    assert done.returncode == 0, done.stderr
    text = pdf_text(out)
    assert DANG_HIEU in text and "BÁO CÁO" in text and "Nơi nhận" in text
    example = json.loads(BODY_EXAMPLE.read_text("utf-8"))
    assert example["nguoi_ky"]["ho_ten"] in text
    images = sorted(pages.glob("trang-*.png"))
    assert images and all(p.read_bytes().startswith(b"\x89PNG") for p in images)
    assert f"{len(images)} trang" in done.stdout


def test_full_template_preview_and_a_template_error(tmp_path: Path):
    template, data = tmp_path / "mau.docx", tmp_path / "du-lieu.json"
    template.write_bytes(make_docx("Kính gửi: {{ noi_gui }}", "{%p for x in ds %}",
                                   "- {{ x }}", "{%p endfor %}"))
    data.write_text(json.dumps({"noi_gui": "Sở Nội vụ", "ds": ["Một", "Hai"]}), "utf-8")
    done = vanban("preview", str(template), str(data), "-o", str(tmp_path / "o.pdf"))
    assert done.returncode == 0, done.stderr
    text = pdf_text(tmp_path / "o.pdf")
    assert "Kính gửi: Sở Nội vụ" in text and "- Một" in text and "- Hai" in text
    template.write_bytes(make_docx("{{ ''.__class__ }}"))
    done = vanban("preview", str(template), str(data), "-o", str(tmp_path / "x.pdf"))
    assert done.returncode == 1 and "an toàn" in done.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_watch_renders_again_after_a_change(tmp_path: Path):
    template, data = tmp_path / "mau.docx", tmp_path / "du-lieu.json"
    template.write_bytes(make_docx("Xin chào {{ ten }}"))
    data.write_text('{"ten": "An"}', "utf-8")
    out = tmp_path / "o.docx"  # .docx output: the watch loop itself is what is tested here
    proc = subprocess.Popen([sys.executable, "-m", "vanban.cli", "preview", str(template),
                             str(data), "-o", str(out), "--watch"], env=ENV, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lines: list[str] = []
    try:
        def wait_for(needle: str, limit: float = 60) -> str:
            end = time.monotonic() + limit
            while time.monotonic() < end:
                line = proc.stdout.readline()
                if line:
                    lines.append(line)
                    if needle in line:
                        return line
                elif proc.poll() is not None:
                    break
            raise AssertionError(f"no {needle!r} in {lines}; stderr: {proc.stderr.read()}")

        first = wait_for("đã ghi")
        assert "Thay đổi" not in first
        time.sleep(0.5)
        data.write_text('{"ten": "Bình"}', "utf-8")
        second = wait_for("Thay đổi")
        assert "du-lieu.json" in second and " s (" in second
        from vanban.check.docx_facts import load

        assert [p.text for p in load(out.read_bytes()).paragraphs][0] == "Xin chào Bình"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_preview_with_template_errors_still_writes_the_pages(tmp_path: Path):
    """A missing variable and an unclosed tag: the PDF is written with «nguoi_lap» and the
    broken paragraph shown and marked; the errors are printed with their mark (exit 1)."""
    template, data = tmp_path / "mau-loi.docx", tmp_path / "du-lieu.json"
    template.write_bytes(make_docx("Kính gửi: {{ noi_gui }}", "Người lập: {{ nguoi_lap }}",
                                   "Ghi chú {{ ghi_chu }"))
    data.write_text(json.dumps({"noi_gui": "Sở Nội vụ"}), "utf-8")
    out = tmp_path / "o.pdf"
    done = vanban("preview", str(template), str(data), "-o", str(out))
    assert done.returncode == 1, done.stderr
    text = pdf_text(out)
    assert "Kính gửi: Sở Nội vụ" in text and "«nguoi_lap»" in text and "[Lỗi" in text
    assert "Mẫu còn 2 lỗi" in done.stderr
    assert "body ¶2" in done.stderr and "body ¶3" in done.stderr
    assert "template.docx" not in done.stderr and "dòng" not in done.stderr
