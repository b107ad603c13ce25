"""``vanban compute`` (CLI, real subprocess) and ``vanban.compute`` (library)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import vanban
from vanban.computed import NotComputableError

ROOT = Path(__file__).resolve().parents[2]
BANG = (ROOT / "templates_docx" / "bang-cham-diem" / "fixtures"
       / "nha-nuoc-lao-cai-so-tu-phap-2021.json")


def _cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "service")}
    return subprocess.run([sys.executable, "-m", "vanban.cli", *args], input=stdin,
                          capture_output=True, env=env, timeout=120)


def test_cli_prints_the_library_figures():
    out = _cli("compute", "bang-cham-diem", str(BANG))
    assert out.returncode == 0, out.stderr.decode()
    data = json.loads(out.stdout)
    assert data == vanban.compute("bang-cham-diem", json.loads(BANG.read_text("utf-8")))
    assert (data["tong_diem"], data["diem_nhom"], data["diem_tru"]["tong"]) == (92, 92, 1.5)
    assert data["nhom"][0]["vuot_tran"] is True  # group I: 63,5 points, capped at 60


def test_cli_reads_stdin_and_reports_every_problem_with_paths():
    data = json.loads(BANG.read_text("utf-8"))
    data["noi_dung"]["nhom"][1]["tieu_chi"][0]["xep_loai"] = "Xuất sắc"
    data["noi_dung"]["diem_thuong"][1]["thuc_hien"] = 100
    out = _cli("compute", "bang-cham-diem", "-", stdin=json.dumps(data).encode())
    assert out.returncode == 2 and out.stdout == b""
    err = out.stderr.decode()
    assert "noi_dung.nhom[1].tieu_chi[0].xep_loai: Mức “Xuất sắc” không có" in err
    assert "noi_dung.diem_thuong[1].thuc_hien: Chỉ thưởng điểm cho chỉ tiêu vượt kế hoạch" in err


def test_cli_template_without_computation():
    example = json.dumps(vanban.example("cong-van")).encode()
    out = _cli("compute", "cong-van", "-", stdin=example)
    assert out.returncode == 2 and "không tính điểm" in out.stderr.decode()


def test_library_raises_for_a_template_without_computation():
    with pytest.raises(NotComputableError) as exc:
        vanban.compute("cong-van", vanban.example("cong-van"))
    assert {"bang-cham-diem", "bao-cao-khoi-thi-dua", "xep-hang-khoi-thi-dua"} <= set(
        exc.value.problems[0].extra["computable"])


def test_the_table_alone_computes_as_the_whole_envelope():
    """README: ``vanban.compute("bang-cham-diem", table)`` — before, the table alone (the
    body, ``noi_dung``) was refused: only a whole envelope was accepted."""
    envelope = json.loads(BANG.read_text("utf-8"))
    table = envelope["noi_dung"]
    assert vanban.compute("bang-cham-diem", table) == vanban.compute("bang-cham-diem", envelope)
    assert vanban.compute("bang-cham-diem", json.dumps(table)) == vanban.compute(
        "bang-cham-diem", envelope)
    out = _cli("compute", "bang-cham-diem", "-", stdin=json.dumps(table).encode())
    assert out.returncode == 0, out.stderr.decode()
    assert json.loads(out.stdout)["tong_diem"] == 92


def test_problems_of_the_table_alone_are_located_in_the_table():
    table = json.loads(BANG.read_text("utf-8"))["noi_dung"]
    table["nhom"][1]["tieu_chi"][0]["xep_loai"] = "Xuất sắc"
    with pytest.raises(vanban.InputError) as exc:
        vanban.compute("bang-cham-diem", table)
    assert [p.path for p in exc.value.problems] == ["nhom[1].tieu_chi[0].xep_loai"]
    fresh = json.loads(BANG.read_text("utf-8"))["noi_dung"]
    with pytest.raises(vanban.InputError) as exc:
        vanban.compute("bang-cham-diem", {**fresh, "thua": 1})
    assert [p.path for p in exc.value.problems] == ["thua"]
