"""Scoring tables with parent rows, decided from the data (issue 17): a criterion without a
score of its own whose standard equals its sub-criteria's sum is a heading row, counted once
through its children; a criterion with its own points and sub-rows with theirs (seed 000's
2.3) adds them all. compute says which (``kieu``)."""

from __future__ import annotations

import json
from pathlib import Path

import vanban

ROOT = Path(__file__).resolve().parents[2]


def table() -> dict:
    return json.loads((ROOT / "templates_docx" / "bang-cham-diem" / "fixtures"
                       / "nha-nuoc-lao-cai-so-tu-phap-2021.json").read_text("utf-8"))


def with_heading(data: dict) -> dict:
    group = data["noi_dung"]["nhom"][0]
    group["tieu_chi"][3] = {
        "ma": "4", "ten": "Cải cách hành chính, chuyển đổi số", "diem_chuan": 10,
        "tieu_chi": [{"ma": "4.1", "ten": "Cải cách hành chính", "diem_chuan": 5, "tu_cham": 5},
                     {"ma": "4.2", "ten": "Chuyển đổi số", "diem_chuan": 5, "tu_cham": 4}]}
    return data


def row(out: dict, ma: str) -> dict:
    return next(r for r in out["nhom"][0]["tieu_chi"] if r["ma"] == ma)


def test_a_heading_row_is_counted_once_through_its_children():
    base = vanban.compute("bang-cham-diem", table())
    out = vanban.compute("bang-cham-diem", with_heading(table()))
    assert out["day_du"] is True and out["chua_cham"] == []
    heading = row(out, "4")
    assert heading["kieu"] == "dong_tieu_de"
    assert (heading["diem_chuan"], heading["diem"]) == (10, 9)
    assert [c["kieu"] for c in heading["tieu_chi"]] == ["tieu_chi", "tieu_chi"]
    # criterion 4 was worth 5 (scored 4); as a heading over 5 + 5 it is worth 10 (scored 9)
    g0, g1 = base["nhom"][0], out["nhom"][0]
    assert g1["diem_chuan"] == g0["diem_chuan"] + 5
    assert g1["cong"] == g0["cong"] + 5


def test_own_points_plus_sub_rows_all_add_up():
    data = table()
    data["noi_dung"]["nhom"][0]["tieu_chi"][3]["tieu_chi"] = [
        {"ma": "4.1", "ten": "Dịch vụ công trực tuyến toàn trình", "diem_chuan": 2, "tu_cham": 2}]
    out = vanban.compute("bang-cham-diem", data)
    parent = row(out, "4")
    assert parent["kieu"] == "tieu_chi" and (parent["diem_chuan"], parent["diem"]) == (5, 4)
    assert out["day_du"] is True


def test_a_parent_whose_standard_is_not_its_childrens_sum_still_needs_its_score():
    data = with_heading(table())
    data["noi_dung"]["nhom"][0]["tieu_chi"][3]["diem_chuan"] = 12
    out = vanban.compute("bang-cham-diem", data)
    assert row(out, "4")["kieu"] == "tieu_chi"
    assert out["day_du"] is False and any("tieu_chi[3]" in p for p in out["chua_cham"])


def test_the_heading_renders():
    docx = vanban.render("bang-cham-diem", with_heading(table()))
    assert docx[:2] == b"PK"
