"""The job's render function: every item is a .docx in the zip or an entry of errors.json."""

from __future__ import annotations

import io
import json
import zipfile

from docx import Document

from live_processes import fixture_data
from vanban.jobs.render import ERRORS_NAME, merge_zips, render_zip
from vanban.ooxml import validate_docx

TEMPLATE = "bao-cao-thi-dua"


def items() -> list:
    good = fixture_data("nha-nuoc-mau-01-tong-ket-2021")
    second = {**good, "so": 7, "trich_yeu": "Tổng kết công tác khen thưởng & thi đua <2021>"}
    return [good, {"the_thuc": "nha-nuoc"}, second, "không phải đối tượng"]


def test_zip_holds_each_document_and_each_error_by_position() -> None:
    seen = []
    data = render_zip(TEMPLATE, items(), start=10, progress=seen.append)
    assert seen == [True, False, True, False]
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        docs = [n for n in names if n.endswith(".docx")]
        assert [n[:5] for n in docs] == ["0011 ", "0013 "]
        assert docs[1].startswith("0013 07-BC-")  # named like a single download (số, ký hiệu)
        text = "\n".join(p.text for p in Document(io.BytesIO(zf.read(docs[1]))).paragraphs)
        assert "Tổng kết công tác khen thưởng & thi đua <2021>".upper() in text.upper()
        assert validate_docx(zf.read(docs[0])) == []
        errors = json.loads(zf.read(ERRORS_NAME))
    assert [e["index"] for e in errors] == [11, 13]
    assert {p["path"] for p in errors[0]["problems"]} >= {"dia_danh", "trich_yeu", "noi_dung"}
    assert errors[1]["problems"][0]["message"]


def test_merge_keeps_everything_and_sorts_errors() -> None:
    first = render_zip(TEMPLATE, items()[:2], start=0)
    second = render_zip(TEMPLATE, items()[2:], start=2)
    lost = [{"index": 1_000, "problems": [{"code": "job.chunk-failed"}]}]
    merged = merge_zips([second, first], lost)
    with zipfile.ZipFile(io.BytesIO(merged)) as zf:
        assert sorted(n[:4] for n in zf.namelist() if n.endswith(".docx")) == ["0001", "0003"]
        assert [e["index"] for e in json.loads(zf.read(ERRORS_NAME))] == [1, 3, 1_000]
