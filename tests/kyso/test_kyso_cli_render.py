"""``vanban render … --for-signing`` as a clerk types it: one document (cold LibreOffice, as the
CLI converts a single file) and a whole hồ sơ (a .zip, or a folder of PDFs)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from kyso_pages import example
from readback import fields, xmp

from vanban.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_render_one_for_signing(tmp_path: Path, capsys) -> None:
    data = tmp_path / "qd.json"
    data.write_text(json.dumps(example("quyet-dinh-khen-thuong")), "utf-8")
    out = tmp_path / "qd.pdf"
    assert main(["render", "quyet-dinh-khen-thuong", str(data), "-o", str(out),
                 "--for-signing", "--seal-mm", "40"]) == 0
    assert "NguoiKy" in capsys.readouterr().err
    pdf = out.read_bytes()
    assert 'pdfaid:part="2"' in xmp(pdf) and set(fields(pdf)) == {"NguoiKy", "DauCoQuan"}
    left, _, right, _ = fields(pdf)["DauCoQuan"][1]
    assert right - left == pytest.approx(40 * 72 / 25.4, abs=0.2)  # the seal's real size
    assert main(["--json-errors", "render", "quyet-dinh-khen-thuong", str(data), "-o",
                 str(tmp_path / "y.pdf"), "--for-signing", "--seal-mm", "400"]) == 2
    assert "kyso.seal-size" in capsys.readouterr().err
    assert main(["--json-errors", "render", "quyet-dinh-khen-thuong", str(data), "-o",
                 str(tmp_path / "x.docx"), "--format", "docx", "--for-signing"]) == 2
    assert "kyso.format" in capsys.readouterr().err


def test_render_ho_so_for_signing(tmp_path: Path) -> None:
    source = ROOT / "service" / "vanban" / "ho_so" / "vi_du.json"
    out = tmp_path / "ho-so.zip"
    assert main(["render", "ho-so-khen-thuong", str(source), "-o", str(out),
                 "--for-signing"]) == 0
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as zf:
        names = zf.namelist()
        assert all(n.endswith(".pdf") for n in names)
        assert "04-quyet-dinh-khen-thuong-danh-sach.pdf" in names
    folder = tmp_path / "thu-muc"
    assert main(["render-file", str(source), "-o", str(folder), "--for-signing"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)
