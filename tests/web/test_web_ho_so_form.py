"""The API behind the form on /ho-so: one schema for the whole file, the file read leniently
with every problem, each document's pages and PDF (LibreOffice, the warm converter)."""

from __future__ import annotations

import shutil

import pytest
from flask.testing import FlaskClient

from vanban.web.ho_so import example_file

BASE = "/api/v1/ho-so-khen-thuong"
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                   reason="LibreOffice is not installed")


def test_schema_covers_the_file_without_filled_fields(client: FlaskClient) -> None:
    schema = client.get(f"{BASE}/schema").get_json()
    props = schema["properties"]
    assert list(props) == ["the_thuc", "co_quan", "dia_danh", "du_thao", "bien_ban", "bao_cao",
                           "to_trinh", "quyet_dinh"]
    assert "co_quan" not in props["bien_ban"]["properties"]  # shared, at the top
    assert "co_quan" in props["quyet_dinh"]["properties"]  # the decision's own agency
    assert "trich_yeu" not in props["bao_cao"]["items"]["properties"]  # filled by the chain
    body = props["to_trinh"]["properties"]["noi_dung"]["$ref"].rsplit("/", 1)[1]
    assert "danh_sach" not in schema["$defs"][body]["properties"]
    for ref in str(schema).split("'$ref': '#/$defs/")[1:]:
        assert ref.split("'")[0] in schema["$defs"]


def test_normalise_reads_dates_and_reports_every_problem(client: FlaskClient) -> None:
    data = example_file()
    expected = example_file()
    data["to_trinh"]["ngay"] = "15/12/2025"
    expected["to_trinh"]["ngay"] = "2025-12-15"
    body = client.post(f"{BASE}/normalise", json=data).get_json()
    assert body["data"] == expected
    assert body["problems"] == []
    assert body["notes"][0]["path"] == "to_trinh.ngay"
    del data["dia_danh"]
    data["bien_ban"]["noi_dung"]["so_thanh_vien"] = 12
    paths = {p["path"] for p in client.post(f"{BASE}/normalise", json=data).get_json()["problems"]}
    assert {"dia_danh", "bien_ban.noi_dung.so_thanh_vien"} <= paths


@needs_soffice
def test_each_document_has_pages_and_a_pdf(client: FlaskClient) -> None:
    body = client.post(f"{BASE}/preview", json=example_file()).get_json()
    names = [d["ten_tep"] for d in body["van_ban"]]
    assert names[0] == "01-bien-ban-hop-xet.docx" and len(names) == 5
    assert all(d["pages"] and d["pages"][0].startswith("data:image/png;base64,")
               for d in body["van_ban"])
    response = client.post(f"{BASE}/pdf?van_ban=2", json=example_file())
    assert response.status_code == 200 and response.data.startswith(b"%PDF-")
    assert "02-bao-cao-thanh-tich-02.pdf" in response.headers["Content-Disposition"]
    assert client.post(f"{BASE}/pdf?van_ban=9", json=example_file()).status_code == 400
