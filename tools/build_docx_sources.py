"""Bootstrap the Word sources: content_blocks/<family>.docx (and the helpers the bodies of
templates_docx/*/template.docx are built with: tools/build_word_bodies.py and the build_*.py
scripts).

These .docx files are the sources a template designer opens and edits in Word; this script
only made their first version, from the numbers in ``vanban.the_thuc.families`` (sizes,
margins) so that they start out exactly as the spec says. Re-running it overwrites the
files: do so only when the family table changes and nobody has edited the .docx by hand
(``git diff --stat content_blocks templates_docx`` tells).

Jinja tags follow docxtpl's conventions ({{ }}, {%p %}, {%tr %}, {{r }}); the family shell holds
one paragraph ``[[NOI_DUNG]]`` where a template's body is put when it is compiled.

    PYTHONPATH=service python tools/build_docx_sources.py
"""

from __future__ import annotations

import pathlib
import sys
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Mm

from vanban.context.blocks import KINDS
from vanban.the_thuc.families import (
    DEFAULT_FAMILY,
    FAMILIES,
    Family,
)
from vanban.the_thuc.families import (
    HEADER_LEFT_TWIPS as LEFT_COL,
)
from vanban.the_thuc.families import (
    HEADER_RIGHT_TWIPS as RIGHT_COL,
)
from vanban.the_thuc.families import (
    SIGN_LEFT_TWIPS as SIGN_LEFT,
)
from vanban.the_thuc.families import (
    SIGN_RIGHT_TWIPS as SIGN_RIGHT,
)
from vanban.the_thuc.families import (
    TEXT_WIDTH_TWIPS as TEXT_WIDTH,
)

ROOT = pathlib.Path(__file__).resolve().parents[1]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


# --------------------------------------------------------------------------- XML helpers
def rpr(sz: float | None = None, b: bool = False, i: bool = False, u: str | None = None) -> str:
    parts = []
    if b:
        parts.append("<w:b/><w:bCs/>")
    if i:
        parts.append("<w:i/><w:iCs/>")
    if sz:
        hp = round(sz * 2)
        parts.append(f'<w:sz w:val="{hp}"/><w:szCs w:val="{hp}"/>')
    if u:
        parts.append(f'<w:u w:val="{u}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def ppr(style: str | None = None, jc: str | None = None, keep_next: bool = False,
        border: str | None = None, before: int = 0, after: int = 0, line: int | None = None,
        ind: str | None = None, run: str = "") -> str:
    parts = []
    if style:
        parts.append(f'<w:pStyle w:val="{style}"/>')
    if keep_next:
        parts.append("<w:keepNext/>")
    if border:
        parts.append(border)
    line_attr = f' w:line="{line}" w:lineRule="auto"' if line else ""
    if style is None:
        parts.append(f'<w:spacing w:before="{before}" w:after="{after}"{line_attr}/>')
    if ind:
        parts.append(ind)
    if jc:
        parts.append(f'<w:jc w:val="{jc}"/>')
    if run:
        parts.append(run)
    return f"<w:pPr>{''.join(parts)}</w:pPr>"


def para(text: str = "", *, style: str | None = None, jc: str | None = "center",
         sz: float | None = None, b: bool = False, i: bool = False, u: str | None = None,
         keep_next: bool = False, border: str | None = None, before: int = 0, after: int = 0,
         ind: str | None = None, raw: bool = False) -> str:
    """One paragraph with one run; ``text`` may hold Jinja tags (not escaped when raw)."""
    r = rpr(sz, b, i, u)
    body = text if raw else escape(text)
    run = f'<w:r>{r}<w:t xml:space="preserve">{body}</w:t></w:r>' if text else ""
    return f"<w:p>{ppr(style, jc, keep_next, border, before, after, ind=ind, run=r)}{run}</w:p>"


def tag(jinja: str) -> str:
    """A paragraph holding only a docxtpl paragraph tag ({%p ... %}); removed when rendered."""
    return f'<w:p><w:r><w:t xml:space="preserve">{{%p {jinja} %}}</w:t></w:r></w:p>'


def rule_paragraph(name: str) -> str:
    """The short rule under a header element: a whole paragraph built by the_thuc.blocks."""
    return f'<w:p><w:r><w:t xml:space="preserve">{{{{p {name} }}}}</w:t></w:r></w:p>'


def cell(width: int, content: str, v_align: str | None = None) -> str:
    va = f'<w:vAlign w:val="{v_align}"/>' if v_align else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{va}</w:tcPr>{content}</w:tc>')


def table(widths: list[int], rows: list[list[str]], *, borders: bool = False,
          cant_split: bool = False, zero_margins: bool = False, layout_fixed: bool = True) -> str:
    val = "single" if borders else "nil"
    b = "".join(
        f'<w:{side} w:val="{val}"' + (' w:sz="4" w:space="0" w:color="000000"/>' if borders
                                      else "/>")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    mar = ('<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/>'
           "</w:tblCellMar>") if zero_margins else ""
    layout = '<w:tblLayout w:type="fixed"/>' if layout_fixed else ""
    tbl_pr = (f'<w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
              f"<w:tblBorders>{b}</w:tblBorders>{layout}{mar}"
              '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
              'w:lastColumn="0" w:noHBand="0" w:noVBand="0"/></w:tblPr>')
    grid = "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"
    trpr = "<w:trPr><w:cantSplit/></w:trPr>" if cant_split else ""
    body = "".join(f"<w:tr>{trpr}{''.join(r)}</w:tr>" for r in rows)
    return f"<w:tbl>{tbl_pr}{grid}{body}</w:tbl>"


# --------------------------------------------------------------------------- the family shell
def shell_body(f: Family) -> str:
    s = f.sizes
    left = [
        tag("if co_quan.cap_tren"),
        para("{{ co_quan.cap_tren_dong }}", sz=s.co_quan_cap_tren, raw=True),
        tag("endif"),
        para("{{ co_quan.ten_dong }}", sz=s.co_quan, b=True, raw=True),
    ]
    if f.duoi_co_quan != "line":  # "*" (Party), "***" (Đoàn)
        left.append(para(f.duoi_co_quan, sz=s.co_quan))
    else:
        left.append(rule_paragraph("gach.co_quan"))
    # hien_so = false: no số/ký hiệu line (báo cáo thành tích)
    left += [tag("if hien_so is not defined or hien_so"),
             para("{{ so_ky_hieu }}", sz=s.so_ky_hieu, before=60, raw=True), tag("endif")]
    # Công văn: the abstract under số/ký hiệu (ô 5b), "V/v …" upright 12–13 pt (State, union),
    # 12 pt italic without "V/v" (Party); no type title below the header.
    cv_size = 12 if f.cot_quy_tac == "party" else s.so_ky_hieu  # Party, Đoàn: 12 pt (◐)
    left += [tag("if cong_van"), tag("for dong in trich_yeu_cv"),
             para("{{ dong }}", sz=cv_size, i=f.cong_van_nghieng, raw=True),
             tag("endfor"), tag("endif")]
    left += [tag("if du_thao"), para("DỰ THẢO", sz=s.du_thao, b=True, before=120), tag("endif")]

    right = [para(f.header_right[0], sz=s.quoc_hieu, b=True)]
    if len(f.header_right) > 1:
        right.append(para(f.header_right[1], sz=s.tieu_ngu, b=True))
    right.append(rule_paragraph("gach.tieu_ngu"))
    right.append(para("{{ dia_danh_ngay }}", sz=s.dia_danh_ngay, i=True, before=60, raw=True))

    header = table([LEFT_COL, RIGHT_COL],
                   [[cell(LEFT_COL, "".join(left)), cell(RIGHT_COL, "".join(right))]],
                   zero_margins=True)
    title = [
        tag("if loai_van_ban"),
        para("{{ loai_van_ban }}", sz=s.loai_van_ban, b=True, before=360, keep_next=True,
             raw=True),
        tag("for dong in trich_yeu"),
        para("{{ dong }}", sz=s.trich_yeu, b=True, keep_next=True, raw=True),
        tag("endfor"),
        rule_paragraph("gach.trich_yeu"),
        # tham_quyen: the issuing authority's line of a quyết định (NĐ 30 Mẫu 1.2)
        tag("if tham_quyen is defined and tham_quyen"),
        para("{{ tham_quyen }}", sz=s.trich_yeu, b=True, before=240, after=120, raw=True),
        tag("endif"),
        tag("endif"),
    ]
    kinh_gui_ind = '<w:ind w:left="1701"/>'
    kinh_gui = [
        tag("if kinh_gui|length == 1"),
        para("Kính gửi: {{ kinh_gui[0] }}", sz=s.kinh_gui, before=120, after=120, raw=True),
        tag("elif kinh_gui"),
        para("Kính gửi:", sz=s.kinh_gui, before=120, ind=kinh_gui_ind, jc="left"),
        tag("for k in kinh_gui"),
        para("{{ k }}", sz=s.kinh_gui, ind='<w:ind w:left="2835"/>', jc="left", raw=True),
        tag("endfor"),
        para("", sz=s.kinh_gui, jc="left"),
        tag("endif"),
    ]
    if f.noi_nhan_gach_chan:
        nn_label = para(f.noi_nhan_label, sz=s.noi_nhan_nhan, u="single", jc="left")
    else:
        nn_label = para(f.noi_nhan_label, sz=s.noi_nhan_nhan, b=True, i=True, jc="left")
    noi_nhan = [
        nn_label,
        tag("for n in noi_nhan"),
        para("{{ n }}", sz=s.noi_nhan_ds, jc="left", raw=True),
        tag("endfor"),
    ]
    sign = [
        tag("for dong in chu_ky.quyen_han"),
        para("{{ dong }}", sz=s.chu_ky_quyen_han, b=True, raw=True),
        tag("endfor"),
        para("{{ chu_ky.chuc_vu }}", sz=s.chu_ky_chuc_vu, b=f.chuc_vu_bold, raw=True),
        tag("if chu_ky.ghi_chu is defined and chu_ky.ghi_chu"),
        para("{{ chu_ky.ghi_chu }}", sz=s.chu_ky_ho_ten, i=True, raw=True),
        tag("endif"),
        *[para("", sz=s.chu_ky_ho_ten) for _ in range(4)],
        para("{{ chu_ky.ho_ten }}", sz=s.chu_ky_ho_ten, b=True, raw=True),
    ]
    # chu_ky_trai: a second signature on the left instead of nơi nhận (THƯ KÝ of a biên bản,
    # the unit head of a báo cáo thành tích), {tieu_de: [lines], ghi_chu, ho_ten}
    left_sign = [tag("if chu_ky_trai is defined and chu_ky_trai"),
                 *extra_signature("chu_ky_trai", f), tag("else"), *noi_nhan, tag("endif")]
    signature = table([SIGN_LEFT, SIGN_RIGHT],
                      [[cell(SIGN_LEFT, "".join(left_sign)), cell(SIGN_RIGHT, "".join(sign))]],
                      cant_split=True, zero_margins=True)
    # chu_ky_duoi: a certification centred under the signatures (xác nhận của cấp trình)
    below = [tag("if chu_ky_duoi is defined and chu_ky_duoi"),
             para("", sz=s.chu_ky_ho_ten), *extra_signature("chu_ky_duoi", f), tag("endif")]
    content = para("[[NOI_DUNG]]", style="VBNoiDung", jc=None)
    spacer = para("", sz=s.noi_dung, jc="left", keep_next=True)
    return "".join([header, *title, *kinh_gui, content, spacer, signature, *below,
                    *annex(f)])


def extra_signature(key: str, f: Family) -> list[str]:
    """A signature block drawn from the context dict ``key``: title lines (bold), an italic
    note, room for the signature, the name (bold)."""
    s = f.sizes
    return [
        tag(f"for dong in {key}.tieu_de"),
        para("{{ dong }}", sz=s.chu_ky_chuc_vu, b=True, keep_next=True, raw=True),
        tag("endfor"),
        tag(f"if {key}.ghi_chu"),
        para(f"{{{{ {key}.ghi_chu }}}}", sz=s.chu_ky_ho_ten, i=True, keep_next=True, raw=True),
        tag("endif"),
        *[para("", sz=s.chu_ky_ho_ten, keep_next=True) for _ in range(4)],
        para(f"{{{{ {key}.ho_ten }}}}", sz=s.chu_ky_ho_ten, b=True, raw=True),
    ]


def annex(f: Family) -> list[str]:
    """``phu_luc``: an annex on its own page after the nơi nhận — heading lines (bold), the
    "(Kèm theo … số … ngày … của …)" line (italic), then blocks like a body's."""
    s = f.sizes
    page_break = ('<w:p><w:pPr><w:pageBreakBefore/><w:jc w:val="center"/></w:pPr>'
                  f'<w:r>{rpr(sz=s.loai_van_ban, b=True)}'
                  '<w:t xml:space="preserve">{{ dong }}</w:t></w:r></w:p>')
    return [
        tag("if phu_luc is defined and phu_luc"),
        tag("for dong in phu_luc.tieu_de[:1]"), page_break, tag("endfor"),
        tag("for dong in phu_luc.tieu_de[1:]"),
        para("{{ dong }}", sz=s.loai_van_ban, b=True, raw=True),
        tag("endfor"),
        para("{{ phu_luc.kem_theo }}", sz=s.trich_yeu, i=True, after=240, raw=True),
        block_loop(items="phu_luc.khoi"),
        tag("endif"),
    ]


# --------------------------------------------------------------------------- styles
STYLES = {
    # id: (name, based_on, pPr xml, rPr xml)
    "VBNoiDung": ("VB Nội dung", "Normal",
                  '<w:spacing w:before="0" w:after="120" w:line="288" w:lineRule="auto"/>'
                  '<w:ind w:firstLine="567"/><w:jc w:val="both"/>', ""),
    "VBPhan": ("VB Phần", "Normal",
               '<w:keepNext/><w:spacing w:before="240" w:after="120"/><w:jc w:val="center"/>',
               "<w:b/><w:bCs/>"),
    "VBMuc1": ("VB Mục I", "VBNoiDung", "<w:keepNext/>", "<w:b/><w:bCs/>"),
    "VBMuc2": ("VB Mục 1", "VBNoiDung", "<w:keepNext/>", "<w:b/><w:bCs/>"),
    "VBMuc3": ("VB Mục 1.1", "VBNoiDung", "<w:keepNext/>", "<w:b/><w:bCs/><w:i/><w:iCs/>"),
    "VBMuc4": ("VB Mục 1.1.1", "VBNoiDung", "<w:keepNext/>", "<w:i/><w:iCs/>"),
    "VBMuc5": ("VB Mục a", "VBNoiDung", "<w:keepNext/>", "<w:i/><w:iCs/>"),
    "VBGach": ("VB Gạch đầu dòng", "VBNoiDung", "", ""),
    "VBCong": ("VB Dấu cộng", "VBNoiDung", "", ""),
    "VBCanCu": ("VB Căn cứ", "VBNoiDung", "", "<w:i/><w:iCs/>"),
    "VBBang": ("VB Bảng", "Normal",
               '<w:spacing w:before="40" w:after="40"/><w:jc w:val="center"/>',
               '<w:sz w:val="26"/><w:szCs w:val="26"/>'),
    "VBBangTrai": ("VB Bảng trái", "VBBang", '<w:jc w:val="left"/>', ""),
    "VBBangDau": ("VB Bảng đầu", "VBBang", "<w:keepNext/>", "<w:b/><w:bCs/>"),
}


def install_styles(doc) -> None:
    styles = doc.styles.element
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    defaults = styles.find(f"{w}docDefaults")
    defaults.getparent().remove(defaults)
    styles.insert(0, parse_xml(
        f"<w:docDefaults {W}><w:rPrDefault><w:rPr>"
        '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
        'w:eastAsia="Times New Roman" w:cs="Times New Roman"/>'
        '<w:sz w:val="28"/><w:szCs w:val="28"/>'
        '<w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
        "</w:docDefaults>"))
    # Normal of python-docx's default template carries no font; make it plain.
    for style_id, (name, based, p, r) in STYLES.items():
        styles.append(parse_xml(
            f'<w:style {W} w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
            f'<w:name w:val="{name}"/><w:basedOn w:val="{based}"/><w:qFormat/>'
            f"<w:pPr>{p}</w:pPr>" + (f"<w:rPr>{r}</w:rPr>" if r else "") + "</w:style>"))


def new_document(f: Family):
    doc = Document()
    install_styles(doc)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(f.margins.top), Mm(f.margins.bottom)
    sec.left_margin, sec.right_margin = Mm(f.margins.left), Mm(f.margins.right)
    sec.header_distance, sec.footer_distance = Mm(10), Mm(10)
    return doc


def set_body(doc, xml: str) -> None:
    body = doc.element.body
    sect = body[-1]
    for child in list(body)[:-1]:
        body.remove(child)
    fragment = parse_xml(f"<w:body {W}>{xml}</w:body>")
    for child in list(fragment):
        sect.addprevious(child)


def build_shell(f: Family) -> None:
    doc = new_document(f)
    sec = doc.sections[0]
    sec.different_first_page_header_footer = True
    sec.first_page_header.is_linked_to_previous = False
    header = sec.header
    header.is_linked_to_previous = False
    hp = header.paragraphs[0]
    hp._p.append(parse_xml(
        f'<w:fldSimple {W} w:instr=" PAGE "><w:r>{rpr(sz=f.sizes.so_trang)}'
        "<w:t>2</w:t></w:r></w:fldSimple>"))
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_body(doc, shell_body(f))
    doc.core_properties.title = f"Khối thể thức: {f.ten}"
    doc.core_properties.author = "vanban"
    doc.save(ROOT / "content_blocks" / f"{f.id}.docx")


# --------------------------------------------------------------------------- body templates
def block_loop(extra_kinds: str = "", items: str = "khoi") -> str:
    """The loop over ``khoi`` (or ``items``) that draws every declared block kind
    (vanban.context.blocks), then the template's own kinds (``extra_kinds``: more
    ``{%p elif b.loai == … %}`` arms)."""
    parts = [tag(f"for b in {items}")]
    for n, kind in enumerate(KINDS):
        parts.append(tag(("if" if n == 0 else "elif") + f" b.loai == '{kind.loai}'"))
        if kind.loai == "bang":
            parts.append('<w:p><w:r><w:t xml:space="preserve">{{p b.xml }}</w:t></w:r></w:p>')
        elif kind.loai == "ket_luan":
            parts.append(f'<w:p><w:pPr><w:pStyle w:val="{kind.style}"/><w:keepNext/></w:pPr>'
                         '<w:r><w:t xml:space="preserve">{{r b.runs }}</w:t></w:r></w:p>')
        else:
            parts.append(para("{{r b.runs }}", style=kind.style, jc=None, raw=True))
    parts.append(extra_kinds)
    parts.append(tag("endif"))
    parts.append(tag("endfor"))
    return "".join(parts)


def save_body(doc, template_id: str, title: str) -> None:
    """Write ``templates_docx/<template_id>/template.docx``."""
    doc.core_properties.title = title
    doc.core_properties.author = "vanban"
    out = ROOT / "templates_docx" / template_id
    out.mkdir(parents=True, exist_ok=True)
    doc.save(out / "template.docx")


def awards_table() -> str:
    """The awards table of a báo cáo, laid out in Word: its header row, then one row per
    ``b.rows`` item (``tools/build_word_bodies.py`` names its own list)."""
    widths = [600, 3000, 2500, 900, 900, 0]
    widths[-1] = TEXT_WIDTH - sum(widths[:-1])
    heads = ["TT", "Hình thức khen thưởng, danh hiệu thi đua", "Cấp tặng, công nhận",
             "Tập thể", "Cá nhân", "Ghi chú"]
    head = [cell(w, para(h, style="VBBangDau", jc=None), "center")
            for w, h in zip(widths, heads, strict=True)]
    values = ["{{ r.tt }}", "{{ r.ten }}", "{{ r.nguoi_tang }}", "{{ r.tap_the }}",
              "{{ r.ca_nhan }}", "{{ r.ghi_chu }}"]
    styles = ["VBBang", "VBBangTrai", "VBBangTrai", "VBBang", "VBBang", "VBBang"]
    row = [cell(w, para(v, style=s, jc=None, raw=True), "center")
           for w, v, s in zip(widths, values, styles, strict=True)]
    loop_open = [cell(widths[0], para("{%tr for r in b.rows %}", style="VBBang", jc=None,
                                      raw=True))]
    loop_close = [cell(widths[0], para("{%tr endfor %}", style="VBBang", jc=None, raw=True))]
    tbl = table(widths, [head, loop_open, row, loop_close], borders=True)
    # the table's header row repeats on every page
    tbl = tbl.replace("<w:tr><w:tc>", "<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc>", 1)
    return tbl + para("", style="VBBang", jc=None)


def build_van_ban_chung() -> None:
    """The generic body (every declared block kind): what ``vanban new-template`` copies."""
    doc = new_document(FAMILIES[DEFAULT_FAMILY])
    set_body(doc, block_loop())
    doc.core_properties.title = "Thân văn bản chung: mọi loại khối"
    doc.core_properties.author = "vanban"
    doc.save(ROOT / "content_blocks" / "than-van-ban-chung.docx")


def main() -> None:
    (ROOT / "content_blocks").mkdir(exist_ok=True)
    if len(sys.argv) == 3 and sys.argv[1] == "--shell":  # one family's content block only
        build_shell(FAMILIES[sys.argv[2]])
        print(f"built content_blocks/{sys.argv[2]}.docx")
        return
    for family in FAMILIES.values():
        build_shell(family)
    build_van_ban_chung()
    print("built content_blocks/*.docx (the bodies: tools/build_word_bodies.py)")


if __name__ == "__main__":
    main()
