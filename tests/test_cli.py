"""The command line, run as a user runs it (a subprocess of the installed entry point)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES
from vanban.ooxml import validate_docx

FIX = FIXTURES["dang-yen-bai-so-ket-6-thang-2022"]


def vanban(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vanban.cli", *args], input=stdin,
                          capture_output=True, check=False)


def test_render_to_file(tmp_path: Path):
    out = tmp_path / "bc.docx"
    done = vanban("render", "bao-cao-thi-dua", str(FIX), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert validate_docx(out.read_bytes()) == []


def test_render_from_stdin_to_stdout():
    done = vanban("render", "bao-cao-thi-dua", "-", "-o", "-", stdin=FIX.read_bytes())
    assert done.returncode == 0 and done.stdout[:2] == b"PK"


def test_invalid_input_exits_2_lists_every_problem_writes_nothing(tmp_path: Path):
    data = json.loads(FIX.read_text("utf-8"))
    data["ngay"] = "2022-13-40"
    data["noi_dung"]["khen_thuong"][0]["ten"] = "Huân chương Vàng"
    del data["dia_danh"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    out = tmp_path / "never.docx"
    done = vanban("render", "bao-cao-thi-dua", str(bad), "-o", str(out))
    assert done.returncode == 2
    err = done.stderr.decode()
    for line in ("ngay: ", "dia_danh: Thiếu trường bắt buộc.", "noi_dung.khen_thuong[0].ten: "):
        assert line in err
    assert not out.exists()


def test_json_errors_for_programs(tmp_path: Path):
    done = vanban("--json-errors", "validate", "bao-cao-thi-dua", "-", stdin=b"{}")
    assert done.returncode == 2
    report = json.loads(done.stderr)
    assert report["status"] == 422
    assert {p["path"] for p in report["problems"]} >= {"co_quan", "noi_dung"}


def test_schema_templates_example():
    schema = json.loads(vanban("schema", "bao-cao-thi-dua").stdout)
    assert schema["properties"]["the_thuc"]["default"] == "nha-nuoc"
    assert "bao-cao-thi-dua" in [t["id"] for t in json.loads(vanban("templates").stdout)]
    example = vanban("example", "bao-cao-thi-dua").stdout
    assert vanban("validate", "bao-cao-thi-dua", "-", stdin=example).returncode == 0


def test_unknown_template_exits_2():
    done = vanban("schema", "khong-co")
    assert done.returncode == 2 and "bao-cao-thi-dua" in done.stderr.decode()
