"""Small parts without LibreOffice: the converters that cannot make PDF/A say so, the annex cut
out of a .docx, the blocks a context prints, the seal rule."""

from __future__ import annotations

import io
import zipfile

import pytest
from kyso_pages import example

from vanban import pipeline
from vanban.errors import ConversionError
from vanban.kyso import annex
from vanban.kyso.fields import blocks
from vanban.pdf import WordConverter
from vanban.pdf.libreoffice import pdfa_filter_data


def test_backends_without_pdfa_say_so() -> None:
    with pytest.raises(ConversionError) as caught:
        WordConverter().convert_pdfa(b"PK", 2)
    problem = caught.value.problems[0]
    assert problem.code == "pdf.unavailable" and "PDF/A" in problem.message
    assert pdfa_filter_data(2) == {"SelectPdfVersion": {"type": "long", "value": "2"}}
    with pytest.raises(ValueError):
        pdfa_filter_data(4)


def _body_text(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return zf.read("word/document.xml").decode("utf-8")


def test_annex_split_from_the_decision() -> None:
    result = pipeline.run("quyet-dinh-khen-thuong", example("quyet-dinh-khen-thuong"))
    main, attached = annex.split(result.docx)
    assert attached is not None
    assert "DANH SÁCH KHEN THƯỞNG" not in _body_text(main)
    assert "Nguyễn Thành Sinh" in _body_text(main)  # the signature stays with the decision
    text = _body_text(attached)
    assert "DANH SÁCH KHEN THƯỞNG" in text and "Nguyễn Thành Sinh" not in text
    assert "pageBreakBefore" not in text.split("DANH SÁCH")[0][-400:]
    assert "<w:sectPr" in _body_text(main) and "<w:sectPr" in text


def test_no_annex_no_split() -> None:
    docx = pipeline.run("cong-van", example("cong-van")).docx
    assert annex.split(docx) == (docx, None)


def test_blocks_and_the_seal_rule() -> None:
    decision = pipeline.run("quyet-dinh-khen-thuong", example("quyet-dinh-khen-thuong"))
    (main,) = blocks(decision.context)
    assert main.key == "chu_ky" and main.seal and main.title[-1] == "PHÓ CHỦ TỊCH"
    minutes = pipeline.run("bien-ban-hop-xet", example("bien-ban-hop-xet"))
    by_key = {b.key: b for b in blocks(minutes.context)}
    assert by_key["chu_ky"].seal and not by_key["chu_ky_trai"].seal  # the secretary: no seal
