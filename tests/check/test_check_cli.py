"""``vanban check-format``: exit codes 0 / 1 / 2, human and JSON output, family detection with
and without ``--the-thuc``; and the library API the web endpoint uses."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from check_corpus import NATIVE, edit, render, set_toggle

from vanban.check import check_docx as lazy_check_docx
from vanban.check.engine import check_docx
from vanban.cli import main
from vanban.errors import InputError


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return _write(tmp_path, "dung.docx", render(NATIVE["nha-nuoc"]))


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    data = edit(render(NATIVE["nha-nuoc"]), lambda pkg: set_toggle(
        pkg.para("Độc lập - Tự do"), "b", False))  # fmt: skip
    return _write(tmp_path, "sai.docx", data)


def test_exit_0_without_errors(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-format", str(good)]) == 0
    out = capsys.readouterr().out
    assert "0 lỗi" in out and "tự nhận biết" in out and "đạt thể thức" in out


def test_exit_1_with_errors_and_one_line_per_finding(
    bad: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check-format", str(bad)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("LỖI header.tieu-ngu: Tiêu ngữ phải in đậm (đoạn 6: “Độc lập")
    assert "— cần: chữ đậm; thấy: chữ thường [Nghị định 30/2020/NĐ-CP, Phụ lục I" in lines[0]
    assert "1 lỗi, 0 cảnh báo" in lines[-1] and "chưa đạt" in lines[-1]


def test_exit_0_with_warnings_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "cd.docx", render(NATIVE["cong-doan"]))
    assert main(["check-format", str(path)]) == 0
    assert capsys.readouterr().out.startswith("CẢNH BÁO noi-nhan.luu:")


def test_exit_2_for_a_text_file_named_docx(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "gia.docx", "Đây không phải tệp Word.".encode())
    assert main(["check-format", str(path)]) == 2
    assert "không phải là tệp Word .docx" in capsys.readouterr().err


def test_exit_2_for_a_zip_without_document_and_a_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "rong.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "x")
    assert main(["check-format", str(path)]) == 2
    assert main(["check-format", str(tmp_path / "khong-co.docx")]) == 2


def test_exit_2_json_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "gia.docx", b"plain text")
    assert main(["check-format", str(path), "--json"]) == 2
    out = json.loads(capsys.readouterr().out)
    assert out["problems"][0]["code"] == "upload.not-docx"


def test_json_output(bad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-format", str(bad), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["family"] == "nha-nuoc" and out["detected"] is True
    assert (out["ok"], out["errors"], out["warnings"]) == (False, 1, 0)
    finding = out["findings"][0]
    assert finding["rule_id"] == "header.tieu-ngu" and finding["severity"] == "error"
    assert finding["location"] == {"paragraph_index": 5, "text": "Độc lập - Tự do - Hạnh phúc",
                                   "part": "document"}  # fmt: skip
    assert (finding["expected"], finding["found"]) == ("chữ đậm", "chữ thường")
    assert finding["source"].startswith("Nghị định 30/2020/NĐ-CP, Phụ lục I")


@pytest.mark.parametrize("family", ["nha-nuoc", "dang", "cong-doan"])
def test_family_is_detected_without_the_thuc(family: str) -> None:
    report = check_docx(render(NATIVE[family]))
    assert (report.family, report.detected) == (family, True)


def test_the_thuc_given_overrides_detection(capsys: pytest.CaptureFixture[str],
                                            good: Path) -> None:  # fmt: skip
    assert main(["check-format", str(good), "--the-thuc", "dang", "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["family"] == "dang" and out["detected"] is False
    ids = {f["rule_id"] for f in out["findings"] if f["severity"] == "error"}
    assert {"header.quoc-hieu", "header.dang-hieu", "so-ky-hieu.form"} <= ids


def test_union_document_checked_as_state_has_no_errors() -> None:
    report = check_docx(render(NATIVE["cong-doan"]), "nha-nuoc")
    assert (report.family, report.detected, report.errors) == ("nha-nuoc", False, [])


def test_api_for_the_web_endpoint() -> None:
    report = lazy_check_docx(render(NATIVE["dang"]))
    assert report.family == "dang" and report.ok
    data = report.to_dict()
    assert set(data) >= {"family", "family_name", "detected", "ok", "errors", "warnings",
                         "findings", "rules_checked"}  # fmt: skip
    with pytest.raises(InputError) as info:
        check_docx(b"not a zip")
    assert info.value.problems[0].code == "upload.not-docx"
    with pytest.raises(InputError) as info:
        check_docx(render(NATIVE["dang"]), "khong-co")
    assert info.value.problems[0].code == "the_thuc.unknown"
