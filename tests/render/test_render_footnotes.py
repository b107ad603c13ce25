"""Footnotes from data (seed 000): real Word footnotes, every note's text printed, errors named.

The Yên Bái fixture carries the seed's nine footnotes (``[^n]`` marks, texts in
``chu_thich``): the document must hold nine footnote references, each pointing at a footnote
whose text is the note's (12 pt Times New Roman), and LibreOffice must print every note.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from lxml import etree
from pdf_pages import convert_all, needs_libreoffice, pages

import vanban
from conftest import TEMPLATE, fixture_data
from vanban.check.docx_facts import load
from vanban.errors import InputError
from vanban.ooxml import validate_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
YEN_BAI = "dang-yen-bai-so-ket-6-thang-2022"
FAMILIES = ("dang", "nha-nuoc", "cong-doan")


def _as(family: str) -> dict:
    data = fixture_data(YEN_BAI)
    if family != "dang":  # the same report in the other layouts
        data = {**data, "the_thuc": family,
                "nguoi_ky": {**data["nguoi_ky"], "chuc_vu": "BÍ THƯ"}}
    return data


@pytest.fixture(scope="module")
def docs() -> dict[str, bytes]:
    return {family: vanban.render(TEMPLATE, _as(family)) for family in FAMILIES}


def _space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_fixture_carries_the_seeds_nine_notes():
    data = fixture_data(YEN_BAI)
    assert sorted(data["chu_thich"], key=int) == [str(n) for n in range(1, 10)]


@pytest.mark.parametrize("family", FAMILIES)
def test_every_note_is_a_referenced_word_footnote(docs, family):
    docx = docs[family]
    assert validate_docx(docx) == []
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        document = etree.fromstring(zf.read("word/document.xml"))
        notes = etree.fromstring(zf.read("word/footnotes.xml"))
    by_id = {n.get(f"{W}id"): _space("".join(n.itertext())) for n in notes.iter(f"{W}footnote")}
    refs = [r.get(f"{W}id") for r in document.iter(f"{W}footnoteReference")]
    assert len(refs) == len(set(refs)) == 9
    texts = fixture_data(YEN_BAI)["chu_thich"].values()
    assert sorted(by_id[r] for r in refs) == sorted(_space(t) for t in texts)
    assert "[^" not in "".join(document.itertext())
    facts = load(docx)
    note_paragraphs = facts.notes
    assert len(note_paragraphs) == 9
    for p in note_paragraphs:
        assert p.size_pt == 12.0 and p.font == "Times New Roman" and p.alignment == "both"


@needs_libreoffice
def test_libreoffice_prints_every_note(docs, tmp_path):
    pdfs = convert_all(docs, tmp_path)
    for family, pdf in pdfs.items():
        text = _space(" ".join(pages(pdf)))
        for note in fixture_data(YEN_BAI)["chu_thich"].values():
            assert _space(note) in text, (family, note[:40])


def _problems(data: dict) -> list[tuple[str, str]]:
    with pytest.raises(InputError) as exc:
        vanban.validate(TEMPLATE, data)
    return [(p.code, p.path) for p in exc.value.problems]


def test_a_mark_without_note_and_a_note_without_mark_are_named():
    data = fixture_data(YEN_BAI)
    data["noi_dung"]["chi_dao"][0] += "[^10]"
    data["chu_thich"]["thua"] = "Chú thích không ai đánh dấu."
    assert _problems(data) == [("chu_thich.undefined", "noi_dung.chi_dao[0]"),
                               ("chu_thich.unused", "chu_thich.thua")]


def test_a_label_with_a_space_or_an_empty_note_is_refused():
    data = fixture_data(YEN_BAI)
    data["chu_thich"] = {"nhãn có dấu cách": "x", "1": " "}
    codes = _problems(data)
    assert ("chu_thich.label", "chu_thich.nhãn có dấu cách.[key]") in codes
    assert ("text.empty", "chu_thich.1") in codes


def test_a_note_on_a_heading_set_in_capitals():
    data = fixture_data(YEN_BAI)
    data["noi_dung"]["muc"][0]["tieu_de"] += "[^muc]"
    data["chu_thich"]["muc"] = "Chú thích ở đề mục."
    docx = vanban.render(TEMPLATE, data)
    assert any(p.text.strip() == "Chú thích ở đề mục." for p in load(docx).notes)
