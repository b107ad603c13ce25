"""Documents typed by hand (built with python-docx, no vanban styles): the checker reads them by
text patterns and positions — a header table or tab-separated header lines, the line under the
Tiêu ngữ as underlined text, the line under the agency as a drawn line or underscores."""

from __future__ import annotations

import io

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from vanban.check.cli import format_finding
from vanban.check.engine import check_docx
from vanban.check.text import width_pt

AGENCY = "SỞ NỘI VỤ"
ABSTRACT = "Kết quả công tác thi đua, khen thưởng năm 2023"
BODY = (
    "Năm 2023, Sở Nội vụ đã tổ chức phát động các phong trào thi đua gắn với nhiệm vụ chính "
    "trị của ngành, bảo đảm thiết thực, hiệu quả, tránh hình thức."
)


def _run(p, text: str, *, size: float, bold=False, italic=False, underline=False):
    run = p.add_run(text)
    run.font.size = Pt(size)
    run.bold, run.italic, run.underline = bold, italic, underline
    return run


def _para(container, text: str = "", *, size: float = 14, bold=False, italic=False,
          align=WD_ALIGN_PARAGRAPH.CENTER, underline=False):  # fmt: skip
    p = container.add_paragraph()
    p.alignment = align
    p.paragraph_format.space_after = Pt(0)
    if text:
        _run(p, text, size=size, bold=bold, italic=italic, underline=underline)
    return p


def _vml_line(p, width_pt: float) -> None:
    """A drawn horizontal line (legacy VML, as older Word versions save it)."""
    p._p.append(parse_xml(
        f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
        f'<v:line from="0,0" to="{width_pt:.1f}pt,0" strokeweight=".5pt"/></w:pict></w:r>'
    ))  # fmt: skip


def _top_border(p, indent_pt: float) -> None:
    p.paragraph_format.left_indent = Pt(indent_pt)
    p.paragraph_format.right_indent = Pt(indent_pt)
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:top w:val="single" w:sz="6" w:space="1"/></w:pBdr>'
    ))  # fmt: skip


def _page_number_header(section) -> None:
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="26"/></w:rPr>'
        "<w:t>2</w:t></w:r></w:fldSimple>"
    ))  # fmt: skip


QD_BODY = [
    ("GIÁM ĐỐC SỞ NỘI VỤ", "title"),
    ("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", "can-cu"),
    ("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ;", "can-cu"),
    ("Theo đề nghị của Trưởng phòng Thi đua - Khen thưởng.", "body"),
    ("QUYẾT ĐỊNH:", "title"),
    ("Điều 1. Tặng Giấy khen cho 05 tập thể, 12 cá nhân có thành tích xuất sắc.", "body"),
    ("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", "body"),
    (
        "Điều 3. Chánh Văn phòng và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành "
        "Quyết định này./.",
        "body",
    ),
]


def _a4_document() -> docx.document.Document:
    """A blank A4 document as a careful typist sets it up: Times New Roman 14, State margins,
    page numbers from page 2."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.element.rPr.rFonts.set(qn("w:hAnsi"), "Times New Roman")
    normal.font.size = Pt(14)
    normal.paragraph_format.space_after = Pt(0)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    _page_number_header(section)
    return document


def build(layout: str = "table", signature: str = "table", kind: str = "BC") -> bytes:
    """A correct State report typed by hand; ``layout`` = ``table`` or ``tabs`` (header),
    ``signature`` = ``table`` (nơi nhận left, signature right) or ``plain`` (indented
    paragraphs, nơi nhận below)."""
    document = _a4_document()
    document.styles["Normal"].paragraph_format.line_spacing = 1.0
    agency_pt = width_pt(AGENCY, 13, bold=True)
    if layout == "table":
        table = document.add_table(rows=1, cols=2)
        left, right = table.rows[0].cells
        left.width, right.width = Mm(70), Mm(95)
        left.paragraphs[0].text = ""
        _para(left, "UBND TỈNH HÀ NAM", size=13)
        _para(left, AGENCY, size=13, bold=True)
        _vml_line(_para(left), agency_pt * 0.45)
        _para(left, f"Số: 12/{kind}-SNV", size=13)
        _para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=13, bold=True)
        _para(right, "Độc lập - Tự do - Hạnh phúc", size=14, bold=True, underline=True)
        _para(right)
        _para(right, "Hà Nam, ngày 05 tháng 02 năm 2024", size=14, italic=True)
    else:
        lines = [
            (("UBND TỈNH HÀ NAM", 13, False, False, False),
             ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, True, False, False)),
            ((AGENCY, 13, True, False, False),
             ("Độc lập - Tự do - Hạnh phúc", 14, True, False, True)),
            (("_" * 5, 13, False, False, False), None),
            ((f"Số: 12/{kind}-SNV", 13, False, False, False),
             ("Hà Nam, ngày 05 tháng 02 năm 2024", 14, False, True, False)),
        ]  # fmt: skip
        for left_part, right_part in lines:
            p = _para(document, align=WD_ALIGN_PARAGRAPH.LEFT)
            text, size, bold, italic, underline = left_part
            _run(p, "\t" + text, size=size, bold=bold, italic=italic, underline=underline)
            if right_part:
                text, size, bold, italic, underline = right_part
                _run(p, "\t" + text, size=size, bold=bold, italic=italic, underline=underline)
    p = _para(document, "BÁO CÁO" if kind == "BC" else "QUYẾT ĐỊNH", bold=True)
    p.paragraph_format.space_before = Pt(18)
    _para(document, ABSTRACT, bold=True)
    abstract_pt = width_pt(ABSTRACT, 14, bold=True)
    text_pt = (210 - 30 - 15) / 25.4 * 72
    _top_border(_para(document), (text_pt - abstract_pt * 0.4) / 2)
    if kind == "BC":
        lines = [("I. KẾT QUẢ ĐẠT ĐƯỢC", "body"), (BODY, "body"),
                 ("II. PHƯƠNG HƯỚNG NĂM 2024", "body"), (BODY + "./.", "body")]  # fmt: skip
    else:
        lines = QD_BODY
    for text, role in lines:
        if role == "title":
            p = _para(document, text, bold=True)
            p.paragraph_format.space_before = p.paragraph_format.space_after = Pt(6)
            continue
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.first_line_indent = Mm(12.7)
        p.paragraph_format.space_after = Pt(6)
        p.paragraph_format.line_spacing = 1.15
        if text.startswith("Điều "):  # "Điều 1." in bold (NĐ 30, Phụ lục I, mục II.6)
            label, rest = text.split(". ", 1)
            _run(p, label + ".", size=14, bold=True)
            _run(p, " " + rest, size=14)
            continue
        _run(p, text, size=14, bold=text[:3] in ("I. ", "II."), italic=role == "can-cu")
    if signature == "table":
        left, right = document.add_table(rows=1, cols=2).rows[0].cells
    else:
        left = right = document
    signer = [_para(right, "KT. GIÁM ĐỐC", bold=True), _para(right, "PHÓ GIÁM ĐỐC", bold=True)]
    signer += [_para(right) for _ in range(4)]
    signer.append(_para(right, "Trần Văn Bình", bold=True))
    if signature == "plain":
        for p in signer:
            p.paragraph_format.left_indent = Mm(80)
    _para(left, "Nơi nhận:", size=12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for item in ("- UBND tỉnh (để b/c);", "- Ban TĐKT tỉnh;", "- Lưu: VT, TĐKT."):
        _para(left, item, size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("kind", ["BC", "QĐ"])
@pytest.mark.parametrize("layout", ["table", "tabs"])
def test_a_correct_hand_typed_document_passes(layout: str, kind: str) -> None:
    report = check_docx(build(layout, kind=kind))
    assert report.family == "nha-nuoc" and report.detected
    assert not report.findings, "\n".join(format_finding(f) for f in report.findings)


def test_signature_typed_as_paragraphs_is_read() -> None:
    report = check_docx(build("table", signature="plain"))
    assert [(f.rule_id, f.found) for f in report.findings] == [("noi-nhan.label", "dưới chữ ký")], (
        "\n".join(format_finding(f) for f in report.findings)
    )


def test_hand_typed_elements_are_found() -> None:
    from vanban.check.docx_facts import load
    from vanban.check.layout import locate

    lay = locate(load(build("tabs")))
    assert lay.quoc_hieu is not None and lay.quoc_hieu.side == "right"
    assert [s.text for s in lay.agency_parent] == ["UBND TỈNH HÀ NAM"]
    assert [s.text for s in lay.agency] == [AGENCY]
    assert lay.under_agency is not None and lay.under_agency.kind == "text"
    assert lay.under_tieu_ngu is not None and lay.under_tieu_ngu.kind == "underline"
    assert lay.so is not None and lay.so.side == "left"
    assert lay.date is not None and lay.date.side == "right"
    table = locate(load(build("table")))
    assert table.under_agency is not None and table.under_agency.kind == "shape"


def test_a_word_default_document_breaks_the_page_and_font_rules() -> None:
    document = docx.Document()
    document.add_paragraph("Kính gửi: Ủy ban nhân dân tỉnh")
    document.add_paragraph("Nội dung viết bằng phông mặc định.")
    section = document.sections[0]
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].text = ""
    out = io.BytesIO()
    document.save(out)
    report = check_docx(out.getvalue())
    errors = report.rule_ids("error")
    assert {"page.size", "page.margins", "font.family", "header.quoc-hieu", "header.agency",
            "so-ky-hieu.form", "date.form", "title.type"} <= errors  # fmt: skip


def test_a_careless_document_is_still_read_element_by_element() -> None:
    """Word defaults, header on tab-separated lines, nothing formatted: every element is still
    found (so the findings name the right rules), including the signature typed at the left."""
    document = docx.Document()
    for text in (
        "UBND HUYỆN A\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "PHÒNG NỘI VỤ\tĐộc lập - Tự do - Hạnh phúc",
        "Số: 3/BC-PNV\tHuyện A, ngày 3 tháng 3 năm 2024",
        "BÁO CÁO",
        "Kết quả công tác năm 2024",
        "I. Kết quả",
        "Nội dung báo cáo. " * 10,
        "III. Phương hướng",
        "Nội dung báo cáo. " * 10,
        "TRƯỞNG PHÒNG",
        "",
        "",
        "Nguyễn Văn A",
        "Nơi nhận:",
        "- UBND huyện;",
        "- Lưu VT.",
    ):
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    report = check_docx(out.getvalue())
    found = {(f.rule_id, f.message) for f in report.findings}
    for rule_id, message in (
        ("so-ky-hieu.padding", "Số nhỏ hơn 10 ghi thêm số 0 phía trước; không thêm số 0 thừa"),
        ("date.padding", "Ngày nhỏ hơn 10 ghi thêm số 0 phía trước"),
        ("title.abstract", "Trích yếu phải in đậm"),
        ("heading.sequence", "Đề mục đánh số không liên tục"),
        ("signature.format",
         "Quyền hạn, chức vụ, họ tên người ký trình bày bên phải, dưới phần nội dung"),
        ("signature.name", "Họ tên người ký phải in đậm"),
        ("noi-nhan.label", "“Nơi nhận:” ở bên trái, ngang hàng quyền hạn, chức vụ người ký"),
        ("noi-nhan.luu", "Sau chữ “Lưu” có dấu hai chấm"),
    ):  # fmt: skip
        assert (rule_id, message) in found, rule_id
    assert report.family == "nha-nuoc" and not report.ok


def build_cong_van(*, vv: str = "V/v hướng dẫn thực hiện Quy chế khối thi đua") -> bytes:
    """A State công văn typed by hand: no title, ``V/v`` abstract under the number."""
    document = _a4_document()
    left, right = document.add_table(rows=1, cols=2).rows[0].cells
    left.width, right.width = Mm(70), Mm(95)
    _para(left, "UBND TỈNH LÀO CAI", size=13)
    _para(left, AGENCY, size=13, bold=True)
    _vml_line(_para(left), width_pt(AGENCY, 13, bold=True) * 0.45)
    _para(left, "Số: 572/SNV-TĐKT", size=13)
    _para(left, vv, size=12)
    _para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=13, bold=True)
    _para(right, "Độc lập - Tự do - Hạnh phúc", size=14, bold=True, underline=True)
    _para(right)
    _para(right, "Lào Cai, ngày 05 tháng 02 năm 2024", size=14, italic=True)
    p = _para(document, "Kính gửi:", align=WD_ALIGN_PARAGRAPH.LEFT)
    p.paragraph_format.left_indent = Mm(30)
    for item in ("- Các sở, ban, ngành tỉnh;", "- UBND các huyện, thị xã, thành phố."):
        _para(document, item, align=WD_ALIGN_PARAGRAPH.LEFT).paragraph_format.left_indent = Mm(50)
    body = ("Thực hiện Quy chế hoạt động khối thi đua, Sở Nội vụ hướng dẫn như sau:",
            "1. Chấm điểm thi đua", "Các đơn vị tự chấm điểm theo bảng tiêu chí./.")  # fmt: skip
    for text in body:
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.first_line_indent = Mm(10)
        p.paragraph_format.space_after = Pt(6)
        _run(p, text, size=14, bold=text.startswith("1."))
    left, right = document.add_table(rows=1, cols=2).rows[0].cells
    _para(right, "KT. GIÁM ĐỐC", bold=True)
    _para(right, "PHÓ GIÁM ĐỐC", bold=True)
    for _ in range(4):
        _para(right)
    _para(right, "Lê Văn Cường", bold=True)
    _para(left, "Nơi nhận:", size=12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for item in ("- Như trên;", "- Lưu: VT, TĐKT."):
        _para(left, item, size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_hand_typed_cong_van_passes() -> None:
    report = check_docx(build_cong_van())
    assert not report.findings, "\n".join(format_finding(f) for f in report.findings)


def test_cong_van_without_v_v_is_caught() -> None:
    report = check_docx(build_cong_van(vv="Hướng dẫn thực hiện Quy chế khối thi đua"))
    assert {(f.rule_id, f.expected) for f in report.findings} == {("title.abstract", "V/v …")}
