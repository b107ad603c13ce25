"""The whole commendation file over HTTP, on a real loopback server: a .zip of documents,
problems with their paths in the file, the example, the OpenAPI operations."""

from __future__ import annotations

import io
import json
import zipfile

import requests
from web_helpers import ROOT

from vanban.ooxml import validate_docx

FILE = ROOT / "fixtures" / "ho-so-khen-thuong" / "nha-nuoc-so-noi-vu-lao-cai-2025.json"


def test_render_file_returns_a_zip_of_valid_documents(live_server: str):
    response = requests.post(f"{live_server}/api/v1/ho-so-khen-thuong",
                             data=FILE.read_bytes(),
                             headers={"Content-Type": "application/json"}, timeout=60)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == "application/zip"
    assert "ho-so-khen-thuong.zip" in response.headers["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as zf:
        names = zf.namelist()
        assert names[0] == "01-bien-ban-hop-xet.docx" and names[-1] == \
            "04-quyet-dinh-khen-thuong.docx"
        assert all(validate_docx(zf.read(n)) == [] for n in names)


def test_problems_carry_their_path_in_the_file(live_server: str):
    data = json.loads(FILE.read_text("utf-8"))
    data["bien_ban"]["noi_dung"]["ket_qua"][0]["dong_y"] = 12
    response = requests.post(f"{live_server}/api/v1/ho-so-khen-thuong/validate", json=data,
                             timeout=60)
    assert response.status_code == 422
    assert response.headers["Content-Type"].startswith("application/problem+json")
    found = [(p["code"], p["path"]) for p in response.json()["problems"]]
    assert found == [("bien_ban.phieu-vuot", "bien_ban.noi_dung.ket_qua[0].dong_y")]


def test_validate_lists_the_documents_and_the_example_is_valid(live_server: str):
    example = requests.get(f"{live_server}/api/v1/ho-so-khen-thuong/example", timeout=30).json()
    response = requests.post(f"{live_server}/api/v1/ho-so-khen-thuong/validate", json=example,
                             timeout=60)
    assert response.status_code == 200
    assert [d["mau"] for d in response.json()["van_ban"]] == [
        "bien-ban-hop-xet", "bao-cao-thanh-tich", "bao-cao-thanh-tich", "to-trinh-khen-thuong",
        "quyet-dinh-khen-thuong"]
