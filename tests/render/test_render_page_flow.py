"""Page flow through LibreOffice (issue 7, item 7): the signature band never stands alone.

For every fixture of every template, and for a body grown paragraph by paragraph so that the
band falls at every position on a page, the page holding the signer's name holds the whole band
(nơi nhận, title, name) and, above it, the end of the last body paragraph. The grown body is a
template of its own with no keep-with-next anywhere: the rule must come from the shell,
whatever the body. All documents of a test are converted in one LibreOffice call.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pdf_pages import convert_all, needs_libreoffice, pages

import vanban
from conftest import ROOT, TEMPLATE, fixture_data
from vanban.check.docx_facts import load
from vanban.render import engine
from vanban.render.compile import compile_template
from vanban.templates import content_blocks_dir
from vanban.the_thuc.families import get_family

pytestmark = needs_libreoffice

#: 1–2 line paragraphs: from GROW_FROM to GROW_FROM + GROWTH paragraphs the band walks down
#: more than a whole page (about 30 one-line body paragraphs fit on a page).
GROW_FROM, GROWTH = 12, 36
CLOSING = ("Đoạn kết của thân văn bản, đủ dài để chiếm ba dòng trên trang giấy A4 với cỡ chữ "
           "mười bốn: nơi nhận và chữ ký phải luôn có phần cuối của đoạn này đứng phía trên, "
           "dù trang bị ngắt ở bất kỳ vị trí nào trong thân văn bản đã được kéo dài dần")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def signature_page(pdf: Path, nguoi_ky: dict) -> str:
    """The page with the signer's name (a draft has none: the signer's title then)."""
    mark = nguoi_ky["ho_ten"] or nguoi_ky["chuc_vu"]
    found = [p for p in pages(pdf) if mark in p]
    assert len(found) == 1, f"{pdf.name}: “{mark}” on {len(found)} pages"
    return found[0]


def assert_band_with_body(page: str, last_paragraph: str, family: str, name: str) -> None:
    label = get_family(family).noi_nhan_label
    assert label in page, f"{name}: the band is split (no “{label}” on the signer's page)"
    above = page.split(label)[0]
    tail = " ".join(_words(last_paragraph)[-3:])
    assert tail in " ".join(_words(above)), (
        f"{name}: the end of the last body paragraph (“…{tail}”) is not above the band on the "
        f"signature page:\n{page}")


ALL_FIXTURES = sorted((ROOT / "templates_docx").glob("*/fixtures/*.json"))


def last_body_text(docx: bytes, family: str) -> str | None:
    """The text of the last body paragraph: the last one with text before the band's
    “Nơi nhận:” cell; None for documents whose band has no nơi nhận (minutes signed left and
    right, achievement reports with their certification blocks)."""
    paragraphs = load(docx).paragraphs
    label = get_family(family).noi_nhan_label
    band = next((n for n, p in enumerate(paragraphs)
                 if p.in_table and p.text.strip() == label), None)
    if band is None:
        return None
    return next(p.text for p in reversed(paragraphs[:band]) if p.text.strip())


def test_every_fixture_keeps_body_text_with_the_band(tmp_path):
    docs, expect = {}, {}
    for path in ALL_FIXTURES:
        template = path.parent.parent.name
        name = f"{template}--{path.stem}"
        data = json.loads(path.read_text("utf-8"))
        docx = vanban.render(template, data)
        closing = last_body_text(docx, data["the_thuc"])
        if closing is not None:
            docs[name] = docx
            expect[name] = (data, closing)
    assert len(docs) >= 7
    for name, pdf in convert_all(docs, tmp_path).items():
        data, closing = expect[name]
        page = signature_page(pdf, data["nguoi_ky"])
        assert_band_with_body(page, closing, data["the_thuc"], name)


BODY = """<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>{%p for d in doan %}</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="VBNoiDung"/></w:pPr><w:r><w:t>{{ d }}</w:t></w:r></w:p>
<w:p><w:r><w:t>{%p endfor %}</w:t></w:r></w:p><w:sectPr/></w:body></w:document>"""


def plain_body(folder: Path) -> Path:
    """A body template: one plain paragraph per item of ``doan``, no keep-with-next."""
    import zipfile

    path = folder / "plain-body.docx"
    with zipfile.ZipFile(content_blocks_dir() / "than-van-ban-chung.docx") as src, \
            zipfile.ZipFile(path, "w") as out:
        for item in src.namelist():
            out.writestr(item, BODY if item == "word/document.xml" else src.read(item))
    return path


def _paragraph(k: int) -> str:
    text = f"Đoạn thứ {k} của thân văn bản."
    if k % 3 == 0:  # every third paragraph takes two lines
        text += " Đoạn này dài hơn để chiếm hai dòng trên trang in, cho vị trí ngắt trang thay đổi."
    return text


@pytest.mark.parametrize("fixture", ["nha-nuoc-mau-01-tong-ket-2021",
                                     "dang-yen-bai-so-ket-6-thang-2022"])
def test_a_growing_body_never_leaves_the_band_alone(tmp_path, fixture):
    data = fixture_data(fixture)
    family = data["the_thuc"]
    ctx = vanban.pipeline.context(TEMPLATE, vanban.pipeline.validate(TEMPLATE, data))
    compiled = compile_template(f"plain/{family}", content_blocks_dir() / f"{family}.docx",
                                plain_body(tmp_path))
    docs = {}
    for n in range(GROW_FROM, GROW_FROM + GROWTH):
        body = [_paragraph(k) for k in range(1, n + 1)] + [CLOSING]
        docs[f"grow-{n:03d}"] = engine.render(compiled, {**ctx, "doan": body})
    page_counts = set()
    for name, pdf in convert_all(docs, tmp_path / "pdf").items():
        all_pages = pages(pdf)
        page_counts.add(len(all_pages))
        page = signature_page(pdf, data["nguoi_ky"])
        assert_band_with_body(page, CLOSING, family, name)
    assert len(page_counts) >= 2, "the growth did not move the band across a page break"
