"""``POST /api/v1/compute/<template_id>`` on a real loopback server: the figures of
``vanban compute``, problem+json for bad input, 404 for a template that computes nothing."""

from __future__ import annotations

import json

import requests
from web_helpers import ROOT

import vanban

BANG = ROOT / "templates_docx/bang-cham-diem/fixtures/nha-nuoc-lao-cai-so-tu-phap-2021.json"
XEP_HANG = (ROOT / "templates_docx/xep-hang-khoi-thi-dua/fixtures"
            / "nha-nuoc-lao-cai-khoi-tong-hop-2021.json")


def _load(path) -> dict:
    return json.loads(path.read_text("utf-8"))


def test_scores_over_http_equal_the_library(live_server: str):
    data = _load(BANG)
    r = requests.post(f"{live_server}/api/v1/compute/bang-cham-diem", json=data, timeout=30)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/json")
    assert r.json() == vanban.compute("bang-cham-diem", data)
    assert r.json()["tong_diem"] == 92


def test_ranking_as_an_uploaded_file(live_server: str):
    files = {"data": ("xep-hang.json", XEP_HANG.read_bytes(), "application/json")}
    r = requests.post(f"{live_server}/api/v1/compute/xep-hang-khoi-thi-dua", files=files,
                      timeout=30)
    assert r.status_code == 200
    ranks = [(u["hang"], u["ten"]) for u in r.json()["xep_hang"]]
    assert ranks[0] == (1, "Sở Nội vụ") and ranks[-1] == (None, "Sở Ngoại vụ")
    tu_phap = next(u for u in r.json()["xep_hang"] if u["ten"] == "Sở Tư pháp")
    assert tu_phap["bang_cham_diem"]["tong_diem"] == tu_phap["tong_diem"] == 92


def test_bad_input_is_422_with_the_path_and_the_rule(live_server: str):
    data = _load(BANG)
    data["noi_dung"]["nhom"][0]["tieu_chi"][0]["tu_cham"] = 16
    data["noi_dung"]["diem_thuong"][0]["diem"] = 1.5
    r = requests.post(f"{live_server}/api/v1/compute/bang-cham-diem", json=data, timeout=30)
    assert r.status_code == 422
    assert r.headers["Content-Type"].startswith("application/problem+json")
    found = {p["path"]: p for p in r.json()["problems"]}
    assert "vượt điểm chuẩn 15" in found["noi_dung.nhom[0].tieu_chi[0].tu_cham"]["message"]
    assert found["noi_dung.diem_thuong[0].diem"]["code"] == "bang-cham-diem.thuong-vuot-muc"


def test_template_without_computation_is_404(live_server: str):
    example = vanban.example("cong-van")
    r = requests.post(f"{live_server}/api/v1/compute/cong-van", json=example, timeout=30)
    assert r.status_code == 404
    (p,) = r.json()["problems"]
    assert p["code"] == "template.no-compute" and "bang-cham-diem" in p["message"]


def test_unknown_template_is_404(live_server: str):
    r = requests.post(f"{live_server}/api/v1/compute/khong-co", json={}, timeout=30)
    assert r.status_code == 404 and r.json()["problems"][0]["code"] == "template.unknown"


def test_openapi_lists_the_route(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["paths"]["/api/v1/compute/{template_id}"]["post"]["operationId"] == \
        "computeFigures"
