"""The job's render function (on the batch engine): every item is a document in the zip or an
entry of errors.json, with its position in the whole job."""

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


def text_of(data: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def test_zip_holds_each_document_and_each_error_by_position() -> None:
    seen = []
    data = render_zip(TEMPLATE, items(), start=10, progress=seen.append)
    assert seen == [True, False, True, False]
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        docs = [n for n in zf.namelist() if n.endswith(".docx")]
        assert len(docs) == 2 and docs[1].startswith("07-BC-")  # số, ký hiệu, trích yếu
        assert "Tổng kết công tác khen thưởng & thi đua <2021>".upper() in text_of(
            zf.read(docs[1])).upper()
        assert validate_docx(zf.read(docs[0])) == []
        report = json.loads(zf.read(ERRORS_NAME))
    assert (report["template"], report["total"], report["ok"], report["failed"]) == (
        TEMPLATE, 4, 2, 2)
    errors = report["errors"]
    assert [(e["index"], e["source"]) for e in errors] == [(11, "[11]"), (13, "[13]")]
    assert {p["path"] for p in errors[0]["problems"]} >= {"dia_danh", "trich_yeu", "noi_dung"}
    assert errors[1]["problems"][0]["message"]


def test_merge_keeps_everything_names_unique_errors_sorted() -> None:
    first = render_zip(TEMPLATE, items()[:2], start=0)
    again = render_zip(TEMPLATE, items()[:2], start=2)  # the same document: same name
    lost = [{"index": 1_000, "source": "[1000]", "problems": [{"code": "job.chunk-failed"}]}]
    merged = merge_zips([again, first], lost, TEMPLATE)
    with zipfile.ZipFile(io.BytesIO(merged)) as zf:
        docs = [n for n in zf.namelist() if n.endswith(".docx")]
        assert len(docs) == len(set(docs)) == 2 and docs[1].endswith(" (2).docx")
        assert zf.read(docs[0]) and text_of(zf.read(docs[1]))
        report = json.loads(zf.read(ERRORS_NAME))
    assert [e["index"] for e in report["errors"]] == [1, 3, 1_000]
    assert (report["total"], report["ok"], report["failed"]) == (5, 2, 3)
