"""Effective-formatting facts (``vanban.check.docx_facts``) of documents built with python-docx."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from vanban.check.docx_facts import CellRef, load


def to_bytes(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def rewrite(data: bytes, part: str, change: Callable[[bytes], bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            dst.writestr(item, change(content) if item.filename == part else content)
    return out.getvalue()


def doc_defaults_rpr(document):
    return (
        document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    )


def set_default_size(document, half_points: int) -> None:
    rpr = doc_defaults_rpr(document)
    rpr.find(qn("w:sz")).set(qn("w:val"), str(half_points))


def paragraph_style(document, name: str, base: str | None = None):
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base:
        style.base_style = document.styles[base]
    return style


def test_size_only_in_doc_defaults():
    document = docx.Document()
    set_default_size(document, 26)
    document.add_paragraph("Kính gửi: Ủy ban nhân dân tỉnh")
    facts = load(to_bytes(document))
    p = facts.find("Kính gửi")
    assert p.style_id == "Normal"
    assert p.size_pt == 13.0
    assert [r.size_pt for r in p.runs] == [13.0]
    # doc defaults also give spacing after 200 and 1.15 line spacing (276/240)
    assert p.spacing_after_twips == 200
    assert p.line_rule == "auto" and p.line_spacing_multiple == pytest.approx(1.15)
    assert (p.alignment, p.bold, p.italic) == ("left", False, False)


def test_size_and_toggles_through_a_based_on_chain():
    document = docx.Document()
    outer = paragraph_style(document, "Cap 1")
    outer.font.size = Pt(14)
    outer.font.bold = True
    outer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    middle = paragraph_style(document, "Cap 2", "Cap 1")
    middle.font.bold = True  # same value again in the chain: first value wins, no XOR
    inner = paragraph_style(document, "Cap 3", "Cap 2")
    inner.font.italic = True
    inner.paragraph_format.space_before = Pt(6)
    document.add_paragraph("Điều 1.", style="Cap 3")
    p = load(to_bytes(document)).find("Điều 1.")
    assert p.style_id == "Cap3"
    assert p.size_pt == 14.0
    assert p.bold is True and p.italic is True
    assert p.alignment == "center"
    assert p.spacing_before_twips == 120


def test_bold_via_character_style_and_toggle_xor_with_paragraph_style():
    document = docx.Document()
    strong = document.styles.add_style("Nhan manh", WD_STYLE_TYPE.CHARACTER)
    strong.font.bold = True
    plain = document.add_paragraph("Thường ")
    plain.add_run("đậm", style="Nhan manh")
    heading = paragraph_style(document, "Tieu de dam")
    heading.font.bold = True
    bold_paragraph = document.add_paragraph("Đậm sẵn ", style="Tieu de dam")
    bold_paragraph.add_run("đảo lại", style="Nhan manh")
    facts = load(to_bytes(document))

    p = facts.find("Thường")
    assert [(r.text, r.bold, r.style_id) for r in p.runs] == [
        ("Thường ", False, None),
        ("đậm", True, "Nhanmanh"),
    ]
    assert p.bold is False  # not every run is bold
    q = facts.find("Đậm sẵn")
    # ECMA-376 17.7.3: bold paragraph style XOR bold character style = not bold
    assert [r.bold for r in q.runs] == [True, False]


def test_direct_formatting_overrides_the_style():
    document = docx.Document()
    style = paragraph_style(document, "Noi dung")
    style.font.size = Pt(14)
    style.font.bold = True
    style.font.name = "Arial"
    style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    style.paragraph_format.space_after = Pt(12)
    paragraph = document.add_paragraph(style="Noi dung")
    run = paragraph.add_run("trực tiếp")
    run.font.size = Pt(12)
    run.bold = False
    run.font.name = "Times New Roman"
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.line_spacing = Pt(18)  # only w:line/w:lineRule set directly
    paragraph.paragraph_format.first_line_indent = Mm(12.7)
    p = load(to_bytes(document)).find("trực tiếp")
    assert p.alignment == "both"
    assert (p.size_pt, p.bold, p.font) == (12.0, False, "Times New Roman")
    assert p.spacing_after_twips == 240  # still the style's
    assert (p.line_rule, p.line_spacing_pt) == ("exact", 18.0)
    assert p.first_line_indent_twips == 720
    # the paragraph mark keeps the style's run properties
    assert (p.mark.size_pt, p.mark.bold, p.mark.font) == (14.0, True, "Arial")


def add_table_style(document):
    style = document.styles.add_style("Bang VB", WD_STYLE_TYPE.TABLE)
    style.base_style = document.styles["Table Grid"]
    style.element.append(parse_xml(f'<w:pPr {nsdecls("w")}><w:jc w:val="center"/></w:pPr>'))
    style.element.append(parse_xml(f'<w:rPr {nsdecls("w")}><w:b/><w:sz w:val="24"/></w:rPr>'))
    return style


def test_runs_in_a_table_get_the_table_style():
    document = docx.Document()
    set_default_size(document, 28)
    add_table_style(document)
    document.add_paragraph("ngoài bảng")
    table = document.add_table(rows=2, cols=2)
    table.style = "Bang VB"
    table.cell(0, 1).text = "trong bảng"
    override = paragraph_style(document, "O bang")
    override.font.size = Pt(13)
    override.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    table.cell(1, 0).paragraphs[0].style = override
    table.cell(1, 0).paragraphs[0].add_run("ghi đè")
    facts = load(to_bytes(document))

    outside = facts.find("ngoài bảng")
    assert (outside.in_table, outside.size_pt, outside.bold) == (None, 14.0, False)
    inside = facts.find("trong bảng")
    assert inside.in_table == CellRef(table=0, row=0, cell=1)
    assert (inside.size_pt, inside.bold, inside.alignment) == (12.0, True, "center")
    assert inside.spacing_after_twips == 0  # Table Grid (basedOn chain of the table style)
    styled = facts.find("ghi đè")
    assert styled.in_table == CellRef(0, 1, 0)
    # paragraph style beats table style; bold only in the table style stays
    assert (styled.size_pt, styled.alignment, styled.bold) == (13.0, "right", True)
    # every cell paragraph is listed, in order, including empty ones
    assert [p.in_table for p in facts.paragraphs] == [
        None,
        CellRef(0, 0, 0),
        CellRef(0, 0, 1),
        CellRef(0, 1, 0),
        CellRef(0, 1, 1),
    ]
    assert [p.index for p in facts.paragraphs] == [0, 1, 2, 3, 4]


def test_theme_fonts_are_resolved_from_theme1():
    document = docx.Document()
    document.add_heading("Tiêu đề", level=1)  # majorHAnsi
    document.add_paragraph("Nội dung")  # docDefaults: minorHAnsi
    named = document.add_paragraph().add_run("Tên trực tiếp")
    named.font.name = "Arial"

    def patch(xml: bytes) -> bytes:
        text = xml.decode()
        major = text.index("<a:majorFont>")
        minor = text.index("<a:minorFont>")
        head, major_part, minor_part = text[:major], text[major:minor], text[minor:]
        major_part = major_part.replace(
            '<a:latin typeface="Calibri"/>', '<a:latin typeface="Cambria Math"/>', 1
        )
        minor_part = minor_part.replace(
            '<a:latin typeface="Cambria"/>', '<a:latin typeface="Times New Roman"/>', 1
        )
        return (head + major_part + minor_part).encode()

    facts = load(rewrite(to_bytes(document), "word/theme/theme1.xml", patch))
    assert facts.find("Tiêu đề").font == "Cambria Math"
    assert facts.find("Nội dung").font == "Times New Roman"
    # an explicit name at a higher level beats the theme font of docDefaults
    assert facts.find("Tên trực tiếp").font == "Arial"


def test_different_ascii_and_hansi_fonts_give_no_single_font():
    document = docx.Document()
    run = document.add_paragraph().add_run("Việt")
    run.font.name = "Arial"
    run._r.rPr.rFonts.set(qn("w:hAnsi"), "Tahoma")
    p = load(to_bytes(document)).find("Việt")
    assert (p.runs[0].font_ascii, p.runs[0].font_hansi) == ("Arial", "Tahoma")
    assert p.font is None


def test_page_margins_and_title_page(tmp_path):
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "trang đầu"
    section.header.paragraphs[0].text = "các trang sau"
    path = tmp_path / "a4.docx"
    document.save(path)
    page = load(path).page
    assert (page.width_twips, page.height_twips) == (11906, 16838)
    assert page.orientation == "portrait"
    assert (page.width_mm, page.height_mm) == (
        pytest.approx(210, abs=0.05),
        pytest.approx(297, abs=0.05),
    )
    assert page.margins.top_twips == 1134
    assert page.margins.top_mm == pytest.approx(20, abs=0.05)
    assert page.margins.bottom_mm == pytest.approx(20, abs=0.05)
    assert page.margins.left_mm == pytest.approx(30, abs=0.05)
    assert page.margins.right_mm == pytest.approx(15, abs=0.05)
    assert page.title_pg is True
    assert set(page.headers) == {"default", "first"}


def add_field(paragraph, instruction: str, simple: bool) -> None:
    if simple:
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), f" {instruction} ")
        field.append(parse_xml(f"<w:r {nsdecls('w')}><w:t>1</w:t></w:r>"))
        paragraph._p.append(field)
        return
    for xml in (
        '<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r {ns}><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>',
        '<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>',
        "<w:r {ns}><w:t>2</w:t></w:r>",
        '<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml.format(ns=nsdecls("w"), instr=instruction)))


def test_header_with_page_field():
    document = docx.Document()
    section = document.sections[0]
    section.different_first_page_header_footer = True
    add_field(section.header.paragraphs[0], "PAGE", simple=True)
    add_field(section.footer.paragraphs[0], "PAGE \\* MERGEFORMAT", simple=False)
    add_field(section.first_page_header.paragraphs[0], "NUMPAGES", simple=False)
    facts = load(to_bytes(document))
    header = facts.header("default")
    assert header is not None and header.kind == "header" and header.types == ["default"]
    assert header.has_page_field is True
    assert header.paragraphs[0].fields == ["PAGE"]
    assert header.paragraphs[0].style_id == "Header"
    assert header.text == "1"
    footer = facts.footer("default")
    assert footer.has_page_field is True and footer.text == "2"
    first = facts.header("first")
    assert first.has_page_field is False and first.paragraphs[0].fields == ["NUMPAGES"]
    assert len(facts.headers) == 2 and len(facts.footers) == 1


def test_tables_column_widths_and_borders():
    document = docx.Document()
    grid = document.add_table(rows=1, cols=2)
    grid.style = "Table Grid"
    plain = document.add_table(rows=3, cols=3)  # default table style: no borders
    facts = load(to_bytes(document))
    assert len(facts.tables) == 2
    first, second = facts.tables
    assert first.style_id == "TableGrid" and first.has_borders
    assert first.column_widths_twips == [4320, 4320] and first.rows == 1
    assert first.borders["insideH"] == "single"
    assert second.style_id == "TableNormal" and not second.has_borders
    assert (second.rows, second.cols) == (3, 3)
    del plain


def test_text_skips_deleted_runs_and_field_codes():
    document = docx.Document()
    paragraph = document.add_paragraph("Số")
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="1" w:author="a">'
            "<w:r><w:delText>bỏ</w:delText></w:r></w:del>"
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="2" w:author="a">'
            "<w:r><w:tab/><w:t>thêm</w:t></w:r></w:ins>"
        )
    )
    add_field(paragraph, "DATE", simple=False)
    p = load(to_bytes(document)).paragraphs[0]
    assert p.text == "Số\tthêm2"
    assert p.fields == ["DATE"]
