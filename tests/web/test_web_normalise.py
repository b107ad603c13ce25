"""``POST /api/v1/normalise/<id>`` on a real loopback server: what the form sends, read
leniently, with notes and every problem at once; the strict routes stay strict."""

from __future__ import annotations

import requests

import vanban


def test_typed_values_come_back_strict_with_notes(live_server: str):
    data = vanban.example("cong-van")
    data["ngay"] = "20/06/2024"
    data["so"] = "05"
    data["nguoi_ky"]["quyen_han"] = "KT."
    data["nguoi_ky"]["thay_cho"] = "GIÁM ĐỐC"
    strict = requests.post(f"{live_server}/api/v1/validate/cong-van", json=data, timeout=30)
    assert strict.status_code == 422  # the API keeps its strict contract
    r = requests.post(f"{live_server}/api/v1/normalise/cong-van", json=data, timeout=30)
    assert r.status_code == 200
    body = r.json()
    assert body["problems"] == []
    assert body["data"]["ngay"] == "2024-06-20" and body["data"]["so"] == 5
    assert body["data"]["nguoi_ky"]["quyen_han"] == "KT"
    notes = {n["path"]: n for n in body["notes"]}
    assert notes["ngay"]["message"] == "20/06/2024 → ngày 20 tháng 6 năm 2024"
    ok = requests.post(f"{live_server}/api/v1/validate/cong-van", json=body["data"], timeout=30)
    assert ok.status_code == 200


def test_every_problem_at_once(live_server: str):
    data = vanban.example("cong-van")
    data["so"] = "năm"
    data["trich_yeu"] = "   "
    data["nguoi_ky"]["quyen_han"] = "TM"
    data["nguoi_ky"].pop("thay_cho", None)
    r = requests.post(f"{live_server}/api/v1/normalise/cong-van", json=data, timeout=30)
    assert r.status_code == 200
    paths = {p["path"] for p in r.json()["problems"]}
    assert {"so", "trich_yeu", "nguoi_ky.thay_cho"} <= paths


def test_not_an_object_and_unknown_template(live_server: str):
    r = requests.post(f"{live_server}/api/v1/normalise/cong-van", json=[1], timeout=30)
    assert r.status_code == 422 and r.headers["Content-Type"].startswith("application/problem")
    r = requests.post(f"{live_server}/api/v1/normalise/khong-co", json={}, timeout=30)
    assert r.status_code == 404
