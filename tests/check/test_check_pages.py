"""The page checker (``vanban check-format --pages``) finds what a văn thư sees on paper: each
sentinel below is a rendered fixture spoiled in one way, and the checker must name that fault —
a narrowed STT column, an agency name without vanban's break, a forced page break after the
header, a "Kết luận:" left at a page foot — while the untouched document passes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

import vanban
import vanban.check.docx_facts
from conftest import edit_document
from vanban.check.pages import CODES, check_pages, pieces
from vanban.pdf import WarmConverter
from vanban.pdf.libreoffice import find_soffice

ROOT = Path(__file__).resolve().parents[2]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

pytestmark = pytest.mark.skipif(
    find_soffice("") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler-utils are installed by .ci/run")


@pytest.fixture(scope="module")
def convert():
    conv = WarmConverter()
    yield conv.convert
    conv.close()


def fixture(template: str, name: str) -> dict:
    path = ROOT / "templates_docx" / template / "fixtures" / f"{name}.json"
    return json.loads(path.read_text("utf-8"))


def bien_ban() -> bytes:
    return vanban.render("bien-ban-hop-xet", fixture("bien-ban-hop-xet",
                                                      "nha-nuoc-so-noi-vu-lao-cai-2025"))


def text_of(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def codes(problems) -> set[str]:
    return {p.code for p in problems}


def test_pieces_fold_case_and_split_at_hyphens():
    assert pieces("“STT”, 2020-2025; Không") == ["stt", "2020", "2025", "không"]


def test_the_rendered_minutes_pass(convert):
    docx = bien_ban()
    assert check_pages(docx, convert(docx)) == []


def test_a_narrowed_stt_column_is_a_broken_word(convert):
    def narrow(root):
        tbl = next(t for t in root.iter(f"{W}tbl") if "STT" in text_of(t))
        cols = tbl.find(f"{W}tblGrid").findall(f"{W}gridCol")
        give = int(cols[0].get(f"{W}w")) - 250
        cols[0].set(f"{W}w", "250")
        cols[1].set(f"{W}w", str(int(cols[1].get(f"{W}w")) + give))
        for row in tbl.findall(f"{W}tr"):
            cells = row.findall(f"{W}tc")
            cells[0].find(f"{W}tcPr/{W}tcW").set(f"{W}w", "250")
    docx = edit_document(bien_ban(), narrow)
    found = check_pages(docx, convert(docx))
    broken = [p for p in found if p.code == "pages.word-broken"]
    assert "stt" in {p.extra["word"] for p in broken}, found
    assert broken[0].message_en and broken[0].path.startswith("trang")


def test_an_agency_name_without_vanbans_break_wraps_by_itself(convert):
    data = fixture("to-trinh-khen-thuong", "nha-nuoc-so-noi-vu-lao-cai-2025")
    data["co_quan"] = {**data["co_quan"], "ten": "Sở Văn hóa, Thể thao và Du lịch"}
    good = vanban.render("to-trinh-khen-thuong", data)
    assert "pages.line-wrapped" not in codes(check_pages(good, convert(good)))

    def unbreak(root):  # the header paragraph's line break becomes a space
        p = next(p for p in root.iter(f"{W}p") if "THỂ THAO" in text_of(p))
        for br in list(p.iter(f"{W}br")):
            r = br.getparent()
            t = etree.SubElement(r, f"{W}t")
            t.text = " "
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.replace(br, t)
    docx = edit_document(good, unbreak)
    found = [p for p in check_pages(docx, convert(docx)) if p.code == "pages.line-wrapped"]
    assert found and found[0].extra["kind"] == "agency", found
    assert "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH" in found[0].message


def test_a_part_title_breaks_where_it_reads_well_and_its_wrap_is_found(convert):
    """The Đoàn báo cáo printed "… CÔNG TÁC KHEN / THƯỞNG NĂM 2024": the part titles are now
    broken by vanban (``ngat_dong``) and pass; the title run together again wraps where
    LibreOffice chooses and the checker names it (a centred capitalised line)."""
    data = fixture("bao-cao-thi-dua", "doan-thanh-nien-yen-bai-doan-khoi-tong-ket-2024")
    good = vanban.render("bao-cao-thi-dua", data)
    parts = [p for p in vanban.check.docx_facts.load(good).paragraphs
             if p.text.startswith("Phần ")]
    assert [p.text.split("\n") for p in parts] == [
        ["Phần I", "KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA,", "CÔNG TÁC KHEN THƯỞNG NĂM 2024"],
        ["Phần II", "PHƯƠNG HƯỚNG, NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN",
         "PHONG TRÀO THI ĐUA, CÔNG TÁC KHEN THƯỞNG NĂM 2025"]]
    assert "pages.line-wrapped" not in codes(check_pages(good, convert(good)))

    def run_together(root):  # the title's breaks (after "Phần I") become spaces
        p = next(p for p in root.iter(f"{W}p") if "PHƯƠNG HƯỚNG, NHIỆM VỤ VÀ" in text_of(p))
        for br in list(p.iter(f"{W}br"))[1:]:
            t = etree.Element(f"{W}t")
            t.text = " "
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            br.getparent().replace(br, t)
    docx = edit_document(good, run_together)
    found = [p for p in check_pages(docx, convert(docx)) if p.code == "pages.line-wrapped"]
    assert found and found[0].extra["kind"] == "caps", found


def test_a_page_break_after_the_header_leaves_a_half_empty_page(convert):
    def page_break(root):
        first = next(p for p in root.iter(f"{W}p") if text_of(p).startswith("Thời gian"))
        brk = etree.fromstring(f'<w:p xmlns:w="{W[1:-1]}"><w:r><w:br w:type="page"/></w:r>'
                               "</w:p>")
        first.addprevious(brk)
    docx = edit_document(bien_ban(), page_break)
    found = [p for p in check_pages(docx, convert(docx)) if p.code == "pages.half-empty"]
    assert found and found[0].extra["page"] == 1, found


def test_a_lead_in_left_at_the_page_foot(convert):
    def strand(root):
        lead = next(p for p in root.iter(f"{W}p") if text_of(p) == "Kết luận:")
        for keep in lead.iter(f"{W}keepNext"):
            keep.getparent().remove(keep)
        lines = "".join(f'<w:r><w:t>dòng {n}</w:t><w:br/></w:r>' for n in range(44))
        tall = etree.fromstring(
            f'<w:tbl xmlns:w="{W[1:-1]}"><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr>'
            '<w:tblGrid><w:gridCol w:w="9000"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/>'
            f'</w:trPr><w:tc><w:tcPr><w:tcW w:w="9000" w:type="dxa"/></w:tcPr><w:p>{lines}'
            "</w:p></w:tc></w:tr></w:tbl>")
        lead.addnext(tall)
    docx = edit_document(bien_ban(), strand)
    found = [p for p in check_pages(docx, convert(docx)) if p.code == "pages.colon-at-foot"]
    assert found and "Kết luận:" in found[0].message, found


def test_every_code_has_an_english_message():
    assert len(CODES) == len(set(CODES)) == 6


def test_cli_check_format_pages(tmp_path):
    path = tmp_path / "bb.docx"
    path.write_bytes(bien_ban())
    done = subprocess.run([sys.executable, "-m", "vanban.cli", "check-format", "--pages",
                           "--json", str(path)], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout)["pages"] == []
