"""The wrong corpus: each case takes one of our rendered fixtures, breaks exactly one rule by
editing the package XML (direct formatting, styles, theme, headers, section properties), and
asserts that exactly that rule fires, with the severity the spec's confidence mark gives."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from check_corpus import (
    NATIVE,
    STYLES,
    W_NS,
    Package,
    edit,
    remove_ppr,
    render,
    sect_pr,
    set_ppr,
    set_prop,
    set_size,
    set_text,
    set_toggle,
    style,
    text_of,
    w,
)
from lxml import etree

from vanban.check.catalog import RULES
from vanban.check.cli import format_finding
from vanban.check.engine import check_docx
from vanban.check.report import Finding

Mutation = Callable[[Package], None]
E, W = "error", "warning"


def _key(f: Finding) -> tuple[str, str, str, str, int | None]:
    return (f.rule_id, f.message, f.expected, f.found, f.location.paragraph_index)


def findings_added(family: str, mutate: Mutation) -> list[Finding]:
    """Findings of the mutated document that the untouched one does not have."""
    original = render(NATIVE[family])
    before = {_key(f) for f in check_docx(original, family).findings}
    after = check_docx(edit(original, mutate), family)
    return [f for f in after.findings if _key(f) not in before]


# ------------------------------------------------------------------ small edits


def text(needle: str, new: str, nth: int = 0) -> Mutation:
    return lambda pkg: set_text(pkg.para(needle, nth=nth), new)


def size(needle: str, pt: float) -> Mutation:
    return lambda pkg: set_size(pkg.para(needle), pt)


def toggle(needle: str, tag: str, on: bool) -> Mutation:
    return lambda pkg: set_toggle(pkg.para(needle), tag, on)


def font(needle: str, name: str) -> Mutation:
    return lambda pkg: set_prop(pkg.para(needle), "rFonts", ascii=name, hAnsi=name)


def para_prop(needle: str, tag: str, **attrs: str) -> Mutation:
    return lambda pkg: set_ppr(pkg.para(needle), tag, **attrs)


def rule_after(needle: str, change: Callable[[etree._Element], None]) -> Mutation:
    return lambda pkg: change(pkg.after(pkg.para(needle)))


def no_border(p: etree._Element) -> None:
    remove_ppr(p, "pBdr")


def dashed_border(p: etree._Element) -> None:
    p.find(f"{w('pPr')}/{w('pBdr')}/{w('top')}").set(w("val"), "dashed")


def indent(left: int) -> Callable[[etree._Element], None]:
    return lambda p: set_ppr(p, "ind", left=str(left), right=str(left))


def star(p: etree._Element) -> None:
    """Turn a rule paragraph into a paragraph holding “*”."""
    no_border(p)
    p.append(etree.fromstring(f'<w:r xmlns:w="{W_NS}"><w:t>*</w:t></w:r>'))


def sect(tag: str, **attrs: str) -> Mutation:
    def change(pkg: Package) -> None:
        el = sect_pr(pkg).find(w(tag))
        for k, v in attrs.items():
            el.set(w(k), v)

    return change


def doc_default_fonts(**attrs: str) -> Mutation:
    def change(pkg: Package) -> None:
        fonts = pkg.xml(STYLES).find(f".//{w('rPrDefault')}/{w('rPr')}/{w('rFonts')}")
        for k in list(fonts.attrib):
            del fonts.attrib[k]
        for k, v in attrs.items():
            fonts.set(w(k), v)

    return change


def style_spacing(style_id: str, **attrs: str) -> Mutation:
    return lambda pkg: (
        style(pkg, style_id)
        .find(f"{w('pPr')}/{w('spacing')}")
        .attrib.update({w(k): v for k, v in attrs.items()})
    )


def move_date_left(pkg: Package) -> None:
    date = pkg.para("Lào Cai, ngày")
    so = pkg.para("Số: 05/BC")
    so.addnext(date)


def drop(needle: str) -> Mutation:
    return lambda pkg: (p := pkg.para(needle)).getparent().remove(p)


def drop_signature_space(pkg: Package) -> None:
    name = pkg.para("Nguyễn Thị Hà")
    prev = name.getprevious()
    while prev is not None and not text_of(prev).strip():
        before = prev.getprevious()
        prev.getparent().remove(prev)
        prev = before


def page_field_paragraph(pkg: Package) -> etree._Element:
    return pkg.para("2", part="word/header2.xml")


def header_prop(tag: str, **attrs: str) -> Mutation:
    return lambda pkg: set_ppr(page_field_paragraph(pkg), tag, **attrs)


def page_number_plain(pkg: Package) -> None:
    p = page_field_paragraph(pkg)
    field = p.find(w("fldSimple"))
    for r in list(field):
        p.append(r)
    p.remove(field)


def page_number_in_footer(pkg: Package) -> None:
    root = pkg.xml("word/header2.xml")
    root.tag = w("ftr")
    rels = pkg.xml("word/_rels/document.xml.rels")
    for rel in rels:
        if rel.get("Target") == "header2.xml":
            rel.set("Type", rel.get("Type").replace("/header", "/footer"))
    for ref in sect_pr(pkg).findall(w("headerReference")):
        if ref.get(w("type")) == "default":
            ref.tag = w("footerReference")


def page_field_on_first_page(pkg: Package) -> None:
    first = pkg.xml("word/header1.xml").find(w("p"))
    field = etree.SubElement(first, w("fldSimple"))
    field.set(w("instr"), " PAGE ")
    run = etree.SubElement(field, w("r"))
    etree.SubElement(run, w("t")).text = "1"


def no_title_page(pkg: Package) -> None:
    sp = sect_pr(pkg)
    sp.remove(sp.find(w("titlePg")))


def noi_nhan_size_from_table_style(pkg: Package) -> None:
    """The signature table gets a table style with 14 pt text; “Nơi nhận:” loses its direct
    size, so its effective size (14 pt) comes from the table style."""
    styles = pkg.xml(STYLES)
    styles.append(etree.fromstring(
        f'<w:style xmlns:w="{W_NS}" w:type="table" w:styleId="KyTen"><w:name w:val="Ky ten"/>'
        '<w:rPr><w:sz w:val="28"/></w:rPr></w:style>'
    ))  # fmt: skip
    label = pkg.para("Nơi nhận")
    table = next(a for a in label.iterancestors() if a.tag == w("tbl"))
    etree.SubElement(table.find(w("tblPr")), w("tblStyle")).set(w("val"), "KyTen")
    for rpr in label.iter(w("rPr")):
        for el in rpr.findall(w("sz")):
            rpr.remove(el)


def both(*changes: Mutation) -> Mutation:
    def change(pkg: Package) -> None:
        for c in changes:
            c(pkg)

    return change


# ------------------------------------------------------------------ the corpus

QH, TN, AG, PARENT = "CỘNG HÒA XÃ HỘI", "Độc lập - Tự do", "SỞ TÀI NGUYÊN", "UBND TỈNH LÀO CAI"
SO, DATE, TITLE, ABS = "Số: 05/BC", "Lào Cai, ngày", "BÁO CÁO", "Phương hướng nhiệm vụ năm 2022"
BODY, LAST, H1 = "Sở có 07 phòng", "Trên đây là báo cáo", "I. ĐẶC ĐIỂM"
KT, TITLE_SIG, NAME = "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Thị Hà"
NN, LUU = "Nơi nhận", "- Lưu: VT, VP."

CASES: list[tuple[str, str, Mutation, str, str]] = [
    # (case id, family, mutation, rule id, severity)
    ("letter-paper", "nha-nuoc", sect("pgSz", w="12240", h="15840"), "page.size", E),
    ("landscape", "nha-nuoc", sect("pgSz", orient="landscape"), "page.size", E),
    ("left-margin-20mm", "nha-nuoc", sect("pgMar", left="1134"), "page.margins", E),
    ("bottom-margin-30mm", "nha-nuoc", sect("pgMar", bottom="1701"), "page.margins", E),
    ("arial-run", "nha-nuoc", font(BODY, "Arial"), "font.family", E),
    ("arial-doc-defaults", "nha-nuoc", doc_default_fonts(ascii="Arial", hAnsi="Arial"),
     "font.family", E),
    ("theme-font", "nha-nuoc", doc_default_fonts(asciiTheme="minorHAnsi", hAnsiTheme="minorHAnsi"),
     "font.family", E),
    ("vni-times", "nha-nuoc", font(BODY, "VNI-Times"), "font.family", E),
    ("red-text", "nha-nuoc", lambda p: set_prop(p.para(BODY), "color", val="FF0000"),
     "font.color", E),
    ("qh-size-11", "nha-nuoc", size(QH, 11), "header.quoc-hieu", E),
    ("qh-not-bold", "nha-nuoc", toggle(QH, "b", False), "header.quoc-hieu", E),
    ("qh-old-tone", "nha-nuoc", text(QH, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
     "header.quoc-hieu", E),
    ("qh-lower", "nha-nuoc", text(QH, "Cộng hòa xã hội chủ nghĩa Việt Nam"),
     "header.quoc-hieu", E),
    ("tn-en-dash", "nha-nuoc", text(TN, "Độc lập – Tự do – Hạnh phúc"), "header.tieu-ngu", E),
    ("tn-not-bold", "nha-nuoc", toggle(TN, "b", False), "header.tieu-ngu", E),
    ("tn-size-15", "nha-nuoc", size(TN, 15), "header.tieu-ngu", E),
    ("tn-left", "nha-nuoc", para_prop(TN, "jc", val="left"), "header.tieu-ngu", E),
    ("tn-rule-missing", "nha-nuoc", rule_after(TN, no_border), "header.rule-under-tieu-ngu", E),
    ("tn-rule-short", "nha-nuoc", rule_after(TN, indent(2000)), "header.rule-under-tieu-ngu", E),
    ("tn-rule-dashed", "nha-nuoc", rule_after(TN, dashed_border), "header.rule-under-tieu-ngu",
     E),
    ("agency-not-bold", "nha-nuoc", toggle(AG, "b", False), "header.agency", E),
    ("parent-bold", "nha-nuoc", toggle(PARENT, "b", True), "header.agency", E),
    ("agency-size-14", "nha-nuoc", size(AG, 14), "header.agency", E),
    ("agency-left", "nha-nuoc", para_prop(AG, "jc", val="left"), "header.agency", E),
    ("agency-rule-missing", "nha-nuoc", rule_after(AG, no_border), "header.rule-under-agency",
     E),
    ("agency-rule-long", "nha-nuoc", rule_after(AG, indent(0)), "header.rule-under-agency", E),
    ("agency-star", "nha-nuoc", rule_after(AG, star), "header.rule-under-agency", E),
    ("date-in-left-column", "nha-nuoc", move_date_left, "header.layout", E),
    ("so-no-colon", "nha-nuoc", text(SO, "Số 05/BC-STNMT-VP"), "so-ky-hieu.form", E),
    ("so-capitals", "nha-nuoc", text(SO, "SỐ: 05/BC-STNMT-VP"), "so-ky-hieu.form", E),
    ("ky-hieu-lower", "nha-nuoc", text(SO, "Số: 05/bc-stnmt-vp"), "so-ky-hieu.form", E),
    ("ky-hieu-spaces", "nha-nuoc", text(SO, "Số: 05/BC - STNMT-VP"), "so-ky-hieu.form", E),
    ("ky-hieu-wrong-type", "nha-nuoc", text(SO, "Số: 05/KH-STNMT-VP"), "so-ky-hieu.form", E),
    ("so-dash", "nha-nuoc", text(SO, "Số: 05-BC/STNMT"), "so-ky-hieu.form", E),
    ("so-italic", "nha-nuoc", toggle(SO, "i", True), "so-ky-hieu.form", E),
    ("so-size-14", "nha-nuoc", size(SO, 14), "so-ky-hieu.form", E),
    ("so-not-padded", "nha-nuoc", text(SO, "Số: 5/BC-STNMT-VP"), "so-ky-hieu.padding", E),
    ("so-over-padded", "nha-nuoc", text(SO, "Số: 005/BC-STNMT-VP"), "so-ky-hieu.padding", E),
    ("date-numeric", "nha-nuoc", text(DATE, "Lào Cai, 05/12/2021"), "date.form", E),
    ("date-no-comma", "nha-nuoc", text(DATE, "Lào Cai ngày 05 tháng 12 năm 2021"), "date.form",
     E),
    ("date-capitals", "nha-nuoc", text(DATE, "Lào Cai, Ngày 05 Tháng 12 năm 2021"),
     "date.form", E),
    ("date-upright", "nha-nuoc", toggle(DATE, "i", False), "date.form", E),
    ("date-size-12", "nha-nuoc", size(DATE, 12), "date.form", E),
    ("day-not-padded", "nha-nuoc", text(DATE, "Lào Cai, ngày 5 tháng 12 năm 2021"),
     "date.padding", E),
    ("january-not-padded", "nha-nuoc", text(DATE, "Lào Cai, ngày 05 tháng 1 năm 2021"),
     "date.padding", E),
    ("march-padded", "nha-nuoc", text(DATE, "Lào Cai, ngày 05 tháng 03 năm 2021"),
     "date.padding", E),
    ("type-lower", "nha-nuoc", text(TITLE, "Báo cáo"), "title.type", E),
    ("type-not-bold", "nha-nuoc", toggle(TITLE, "b", False), "title.type", E),
    ("type-size-12", "nha-nuoc", size(TITLE, 12), "title.type", E),
    ("abstract-not-bold", "nha-nuoc", toggle(ABS, "b", False), "title.abstract", E),
    ("abstract-capitals", "nha-nuoc", text(ABS, "PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2022"),
     "title.abstract", E),
    ("abstract-size-12", "nha-nuoc", size(ABS, 12), "title.abstract", E),
    ("abstract-rule-missing", "nha-nuoc", rule_after(ABS, no_border),
     "title.rule-under-abstract", E),
    ("abstract-rule-dashed", "nha-nuoc", rule_after(ABS, dashed_border),
     "title.rule-under-abstract", E),
    ("abstract-rule-full-width", "nha-nuoc", rule_after(ABS, indent(0)),
     "title.rule-under-abstract", E),
    ("kinh-gui-no-colon", "nha-nuoc", text("Kính gửi:", "Kính gửi"), "kinh-gui.form", E),
    ("kinh-gui-last-semicolon", "nha-nuoc",
     text("- Trưởng khối thi đua các", "- Trưởng khối thi đua các cơ quan;"), "kinh-gui.form",
     E),
    ("kinh-gui-no-dash", "nha-nuoc",
     text("- Ban Thi đua - Khen thưởng tỉnh;", "Ban Thi đua - Khen thưởng tỉnh;"),
     "kinh-gui.form", E),
    ("kinh-gui-misaligned", "nha-nuoc", para_prop("- Ban Thi đua", "ind", left="2000"),
     "kinh-gui.form", E),
    ("body-left", "nha-nuoc", para_prop(BODY, "jc", val="left"), "body.alignment", E),
    ("body-no-indent", "nha-nuoc", para_prop(BODY, "ind", firstLine="0"), "body.indent", E),
    ("body-indent-2cm", "nha-nuoc", para_prop(BODY, "ind", firstLine="1134"), "body.indent", E),
    ("body-style-no-spacing", "nha-nuoc", style_spacing("VBNoiDung", after="0"),
     "body.spacing", E),
    ("body-double-spaced", "nha-nuoc", para_prop(BODY, "spacing", line="480"),
     "body.line-spacing", E),
    ("body-exact-12pt", "nha-nuoc", para_prop(BODY, "spacing", line="240", lineRule="exact"),
     "body.line-spacing", E),
    ("body-12pt", "nha-nuoc", size(BODY, 12), "body.size", E),
    ("body-no-ending", "nha-nuoc", lambda p: set_text(p.para(LAST), text_of(p.para(LAST))[:-3]),
     "body.ending", W),
    ("roman-gap", "nha-nuoc", text("II. CÔNG TÁC LÃNH ĐẠO", "III. CÔNG TÁC LÃNH ĐẠO"),
     "heading.sequence", E),
    ("arabic-gap", "nha-nuoc", text("2. Khó khăn", "3. Khó khăn"), "heading.sequence", E),
    ("letters-skip-c", "nha-nuoc", both(
        text("Quán triệt, triển khai", "a) Quán triệt, triển khai."),
        text("Ban hành Kế hoạch số 12", "b) Ban hành Kế hoạch."),
        text("Xét công nhận 14 sáng kiến", "d) Xét công nhận 14 sáng kiến."),
    ), "heading.sequence", E),  # fmt: skip
    ("roman-heading-not-bold", "nha-nuoc", toggle(H1, "b", False), "heading.format", E),
    ("roman-heading-lower", "nha-nuoc", text(H1, "I. Đặc điểm tình hình"), "heading.format", E),
    ("kt-slash", "nha-nuoc", text(KT, "K/T GIÁM ĐỐC"), "signature.prefix", E),
    ("kt-no-dot", "nha-nuoc", text(KT, "KT GIÁM ĐỐC"), "signature.prefix", E),
    ("kt-not-deputy", "nha-nuoc", text(TITLE_SIG, "GIÁM ĐỐC"), "signature.consistency", E),
    ("tm-with-post", "nha-nuoc", text(KT, "TM. GIÁM ĐỐC"), "signature.consistency", E),
    ("deputy-without-kt", "nha-nuoc", drop(KT), "signature.consistency", E),
    ("authority-not-bold", "nha-nuoc", toggle(KT, "b", False), "signature.format", E),
    ("signer-title-lower", "nha-nuoc", text(TITLE_SIG, "Phó giám đốc"), "signature.format", E),
    ("authority-size-12", "nha-nuoc", size(KT, 12), "signature.format", E),
    ("name-not-bold", "nha-nuoc", toggle(NAME, "b", False), "signature.name", E),
    ("name-capitals", "nha-nuoc", text(NAME, "NGUYỄN THỊ HÀ"), "signature.name", E),
    ("name-academic", "nha-nuoc", text(NAME, "TS. Nguyễn Thị Hà"), "signature.name", E),
    ("name-no-space", "nha-nuoc", drop_signature_space, "signature.name", E),
    ("name-missing", "nha-nuoc", text(NAME, ""), "signature.name", E),
    ("noi-nhan-no-colon", "nha-nuoc", text(NN, "Nơi nhận"), "noi-nhan.label", E),
    ("noi-nhan-upright", "nha-nuoc", toggle(NN, "i", False), "noi-nhan.label", E),
    ("noi-nhan-size-14", "nha-nuoc", size(NN, 14), "noi-nhan.label", E),
    ("noi-nhan-size-via-table-style", "nha-nuoc", noi_nhan_size_from_table_style,
     "noi-nhan.label", E),
    ("noi-nhan-comma", "nha-nuoc", text("- Như trên;", "- Như trên,"), "noi-nhan.items", E),
    ("noi-nhan-no-dash", "nha-nuoc", text("- Như trên;", "Như trên;"), "noi-nhan.items", E),
    ("noi-nhan-size-13", "nha-nuoc", size("- Như trên;", 13), "noi-nhan.items", E),
    ("noi-nhan-no-period", "nha-nuoc", text(LUU, "- Lưu: VT, VP"), "noi-nhan.items", E),
    ("luu-no-colon", "nha-nuoc", text(LUU, "- Lưu VT, VP."), "noi-nhan.luu", E),
    ("luu-missing", "nha-nuoc", text(LUU, "- Sở Nội vụ."), "noi-nhan.luu", E),
    ("luu-without-vt", "nha-nuoc", text(LUU, "- Lưu: VP."), "noi-nhan.luu", W),
    ("page-number-right", "nha-nuoc", header_prop("jc", val="right"), "page-number.position", E),
    ("page-number-size-10", "nha-nuoc", lambda p: set_size(page_field_paragraph(p), 10),
     "page-number.position", E),
    ("page-number-roman", "nha-nuoc", lambda p: page_field_paragraph(p).find(
        w("fldSimple")).set(w("instr"), r" PAGE \* ROMAN "), "page-number.position", E),
    ("page-number-in-footer", "nha-nuoc", page_number_in_footer, "page-number.position", E),
    ("page-number-missing", "nha-nuoc", page_number_plain, "page-number.position", E),
    ("page-number-on-page-1", "nha-nuoc", no_title_page, "page-number.first-page", E),
    ("page-field-in-first-header", "nha-nuoc", page_field_on_first_page,
     "page-number.first-page", E),
    # Party: ✅ rules are errors, ◐ rules warnings
    ("dang-hieu-not-bold", "dang", toggle("ĐẢNG CỘNG SẢN", "b", False), "header.dang-hieu", E),
    ("dang-hieu-size-14", "dang", size("ĐẢNG CỘNG SẢN", 14), "header.dang-hieu", E),
    ("dang-hieu-rule-missing", "dang", rule_after("ĐẢNG CỘNG SẢN", no_border),
     "header.rule-under-dang-hieu", E),
    ("dang-star-missing", "dang", text("*", ""), "header.rule-under-agency", E),
    ("dang-so-colon", "dang", lambda p: set_text(p.para("-BC/ĐUK"), "Số: 12-BC/ĐUK"),
     "so-ky-hieu.form", E),
    ("dang-state-number-form", "dang", lambda p: set_text(p.para("-BC/ĐUK"), "Số 12/BC-ĐUK"),
     "so-ky-hieu.form", E),
    ("dang-type-size-14", "dang", size(TITLE, 14), "title.type", E),
    ("dang-body-13pt", "dang", size("Cơ quan Đảng ủy Khối cơ quan", 13), "body.size", E),
    ("dang-abstract-rule-solid", "dang", rule_after("Phát động, triển khai", lambda p: p.find(
        f"{w('pPr')}/{w('pBdr')}/{w('top')}").set(w("val"), "single")),
     "title.rule-under-abstract", W),
    ("dang-tm-dot", "dang", text("T/M BAN THƯỜNG VỤ", "TM. BAN THƯỜNG VỤ"), "signature.prefix",
     W),
    ("dang-kt-collective", "dang", text("T/M BAN THƯỜNG VỤ", "K/T BAN THƯỜNG VỤ"),
     "signature.consistency", W),
    ("dang-title-bold", "dang", toggle("PHÓ BÍ THƯ THƯỜNG TRỰC", "b", True), "signature.format",
     W),
    ("dang-noi-nhan-not-underlined", "dang", lambda p: set_prop(p.para(NN), "u", val="none"),
     "noi-nhan.label", W),
    ("dang-top-margin-25mm", "dang", sect("pgMar", top="1417"), "page.margins", W),
    # Trade union: State components (✅), sizes ◐
    ("union-qh-size-11", "cong-doan", size(QH, 11), "header.quoc-hieu", W),
    ("union-so-no-colon", "cong-doan", lambda p: set_text(p.para("/BC-CĐCS"), "Số 12/BC-CĐCS"),
     "so-ky-hieu.form", E),
    ("union-kt-collective", "cong-doan", text("TM. BCH CÔNG ĐOÀN", "KT. BCH CÔNG ĐOÀN"),
     "signature.consistency", E),
    ("union-left-margin-20mm", "cong-doan", sect("pgMar", left="1134"), "page.margins", W),
]  # fmt: skip


@pytest.mark.parametrize(
    ("family", "mutate", "rule_id", "severity"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_each_wrong_document_breaks_exactly_its_rule(
    family: str, mutate: Mutation, rule_id: str, severity: str
) -> None:
    added = findings_added(family, mutate)
    shown = "\n".join(format_finding(f) for f in added) or "(no new finding)"
    assert {f.rule_id for f in added} == {rule_id}, shown
    assert {f.severity for f in added} == {severity}, shown
    assert all(f.source and f.message for f in added)


def test_every_rule_has_a_wrong_document() -> None:
    # the rules of particular document types have their wrong documents in test_check_kinds.py
    covered = {case[3] for case in CASES} | {"kind.bien-ban", "kind.quyet-dinh"}
    assert covered == set(RULES), sorted(set(RULES) - covered)
