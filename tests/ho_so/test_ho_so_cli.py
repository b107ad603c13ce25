"""``vanban render-file`` and ``vanban render ho-so-khen-thuong``, run as a user runs them."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

from vanban.ooxml import validate_docx

ROOT = Path(__file__).resolve().parents[2]
FILE = ROOT / "fixtures" / "ho-so-khen-thuong" / "cong-doan-binh-phuoc-2022.json"
#: The trade union's hồ sơ produces all four kinds of document (issue 17: it made 2 of 4).
ALL = ["01-bien-ban-hop-xet.docx", "02-bao-cao-thanh-tich-01.docx",
       "02-bao-cao-thanh-tich-02.docx", "03-to-trinh-khen-thuong.docx",
       "04-quyet-dinh-khen-thuong.docx"]


def vanban(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vanban.cli", *args], input=stdin,
                          capture_output=True, check=False)


def test_render_file_to_a_zip(tmp_path: Path):
    out = tmp_path / "hoso.zip"
    done = vanban("render-file", str(FILE), "-o", str(out))
    assert done.returncode == 0, done.stderr.decode()
    with zipfile.ZipFile(out) as zf:
        assert zf.namelist() == ALL
        assert all(validate_docx(zf.read(n)) == [] for n in zf.namelist())


def test_render_with_the_file_id_to_a_folder(tmp_path: Path):
    done = vanban("render", "ho-so-khen-thuong", str(FILE), "-o", str(tmp_path / "hoso"))
    assert done.returncode == 0, done.stderr.decode()
    assert sorted(p.name for p in (tmp_path / "hoso").iterdir()) == ALL


def test_stdin_to_stdout_and_invalid_input(tmp_path: Path):
    done = vanban("render-file", "-", "-o", "-", stdin=FILE.read_bytes())
    assert done.returncode == 0 and zipfile.ZipFile(io.BytesIO(done.stdout)).namelist()
    data = json.loads(FILE.read_text("utf-8"))
    data["bien_ban"]["noi_dung"]["so_thanh_vien"] = 7
    done = vanban("--json-errors", "render-file", "-", "-o", str(tmp_path / "x.zip"),
                  stdin=json.dumps(data).encode())
    assert done.returncode == 2 and not (tmp_path / "x.zip").exists()
    problems = json.loads(done.stderr)["problems"]
    assert [(p["code"], p["path"]) for p in problems] == [
        ("bien_ban.thanh-vien", "bien_ban.noi_dung.so_thanh_vien")]
