"""The Excel routes on a real loopback server: the template's workbook, the workbook of
posted data, and the import with problems located by sheet, row and column."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import requests
from openpyxl import load_workbook

import vanban
from vanban.workbook.read import XLSX_MIME


def _post_file(url: str, name: str, content: bytes) -> requests.Response:
    return requests.post(url, files={"file": (name, content, "application/octet-stream")},
                         timeout=60)


def test_template_workbook_round_trips_over_http(live_server: str):
    r = requests.get(f"{live_server}/api/v1/templates/bang-cham-diem/xlsx", timeout=60)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith(XLSX_MIME)
    assert "bang-cham-diem.xlsx" in r.headers["Content-Disposition"]
    back = _post_file(f"{live_server}/api/v1/import/bang-cham-diem", "bang.xlsx", r.content)
    assert back.status_code == 200
    model = vanban.templates.REGISTRY.get("bang-cham-diem").model
    assert model.model_validate(back.json()["data"]) == model.model_validate(
        vanban.example("bang-cham-diem"))


def test_posted_data_fills_the_workbook(live_server: str):
    data = vanban.example("cong-van")
    data["trich_yeu"] = "V/v thử xuất Excel"
    r = requests.post(f"{live_server}/api/v1/xlsx/cong-van", json=data, timeout=60)
    assert r.status_code == 200
    book = load_workbook(io.BytesIO(r.content))
    values = [c.value for c in book["Thông tin chung"]["B"]]
    assert "V/v thử xuất Excel" in values


def test_import_problems_carry_sheet_row_and_column(live_server: str):
    r = requests.get(f"{live_server}/api/v1/templates/bang-cham-diem/xlsx", timeout=60)
    book = load_workbook(io.BytesIO(r.content))
    criteria = book["Các tiêu chí"]
    col = next(c.column for c in criteria[1] if c.value == "Tự chấm")
    criteria.cell(row=2, column=col, value="mười")
    out = io.BytesIO()
    book.save(out)
    bad = _post_file(f"{live_server}/api/v1/import/bang-cham-diem", "bang.xlsx", out.getvalue())
    assert bad.status_code == 422
    assert bad.headers["Content-Type"].startswith("application/problem+json")
    found = bad.json()["problems"][0]
    assert found["path"] == "noi_dung.nhom[0].tieu_chi[0].tu_cham"
    assert (found["sheet"], found["row"], found["column"]) == (
        "Các tiêu chí", 2, criteria.cell(row=2, column=col).column_letter)


def test_not_a_workbook_and_no_file(live_server: str):
    bad = _post_file(f"{live_server}/api/v1/import/cong-van", "a.xlsx", b"hello")
    assert bad.status_code == 422 and bad.json()["problems"][0]["code"] == "upload.not-xlsx"
    none = requests.post(f"{live_server}/api/v1/import/cong-van",
                         files={"other": ("x.txt", b"1", "text/plain")}, timeout=30)
    assert none.status_code == 400
    raw = requests.post(f"{live_server}/api/v1/import/cong-van", data=b"x",
                        headers={"Content-Type": "text/plain"}, timeout=30)
    assert raw.status_code == 415


def test_cli_xlsx_and_import(tmp_path):
    data = vanban.example("bien-ban-hop-xet")
    source = tmp_path / "bb.json"
    source.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    book = tmp_path / "bb.xlsx"
    run = subprocess.run([sys.executable, "-m", "vanban.cli", "xlsx", "bien-ban-hop-xet",
                          str(source), "-o", str(book)], capture_output=True, text=True,
                         check=False)
    assert run.returncode == 0, run.stderr
    out = tmp_path / "back.json"
    run = subprocess.run([sys.executable, "-m", "vanban.cli", "import", "bien-ban-hop-xet",
                          str(book), "-o", str(out)], capture_output=True, text=True,
                         check=False)
    assert run.returncode == 0, run.stderr
    model = vanban.templates.REGISTRY.get("bien-ban-hop-xet").model
    assert model.model_validate(json.loads(out.read_text("utf-8"))) == model.model_validate(data)
    wb = load_workbook(book)
    wb["Kết quả xét"].cell(row=2, column=2).value = None  # a required name emptied
    wb.save(book)
    run = subprocess.run([sys.executable, "-m", "vanban.cli", "import", "bien-ban-hop-xet",
                          str(book)], capture_output=True, text=True, check=False)
    assert run.returncode == 2 and "Trang “Kết quả xét”, ô B2" in run.stderr
