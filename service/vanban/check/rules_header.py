"""Header rules: Quốc hiệu and Tiêu ngữ (or ĐẢNG CỘNG SẢN VIỆT NAM), the rules under them and
under the agency, agency names, and the two-column layout of the header."""

from __future__ import annotations

from vanban.check.rules_api import Ctx, rule
from vanban.check.rules_common import (
    check_centred,
    check_ratio,
    check_rule_length,
    check_solid,
    check_style,
)
from vanban.check.spans import Span, avail_twips
from vanban.check.text import is_upper, nfc, wrapped_widths
from vanban.the_thuc.families import QUOC_HIEU, TIEU_NGU


def _same_text(span: Span, expected: str) -> bool:
    return " ".join(nfc(span.display).replace("\u00a0", " ").split()) == expected


@rule("header.quoc-hieu", "header.tieu-ngu", "header.dang-hieu")
def national_heading(ctx: Ctx) -> None:
    lay = ctx.lay
    family = ctx.family
    if family.tieu_de_rieng:
        for span, what in ((lay.quoc_hieu, "Quốc hiệu"), (lay.tieu_ngu, "Tiêu ngữ")):
            if span is not None:
                rid = "header.quoc-hieu" if what == "Quốc hiệu" else "header.tieu-ngu"
                ctx.emit(
                    rid, span, f"Văn bản thể thức {family.nhan} không trình bày {what}",
                    "không có", span.text
                )
        _upper_element(
            ctx,
            "header.dang-hieu",
            lay.dang_hieu,
            family.tieu_de,
            "quoc_hieu",
            f"Tiêu đề “{family.tieu_de}”",
        )
        return
    if lay.dang_hieu is not None:
        ctx.emit(
            "header.quoc-hieu",
            lay.dang_hieu,
            f"Văn bản thể thức {family.nhan} trình bày Quốc hiệu, không dùng tiêu đề "
            f"“{lay.dang_hieu.text.strip()}”",
            QUOC_HIEU,
            lay.dang_hieu.text,
        )
    _upper_element(ctx, "header.quoc-hieu", lay.quoc_hieu, QUOC_HIEU, "quoc_hieu", "Quốc hiệu")
    tn = lay.tieu_ngu
    if tn is None:
        ctx.emit("header.tieu-ngu", lay.quoc_hieu, "Thiếu Tiêu ngữ", TIEU_NGU, "không có")
        return
    if not _same_text(tn, TIEU_NGU):
        ctx.emit(
            "header.tieu-ngu",
            tn,
            "Tiêu ngữ viết chưa đúng (viết hoa chữ đầu mỗi cụm từ, gạch nối có cách chữ)",
            TIEU_NGU,
            tn.display,
        )
    check_style(ctx, "header.tieu-ngu", tn, "Tiêu ngữ", bold=True)
    ctx.check_size("header.tieu-ngu", tn, "tieu_ngu", "Tiêu ngữ")
    check_centred(ctx, "header.tieu-ngu", tn, "Tiêu ngữ")
    if lay.quoc_hieu is not None and tn.side != lay.quoc_hieu.side:
        ctx.emit(
            "header.tieu-ngu",
            tn,
            "Tiêu ngữ phải canh giữa dưới Quốc hiệu",
            "cùng cột với Quốc hiệu",
            "cột khác",
        )


def _upper_element(
    ctx: Ctx, rule_id: str, span: Span | None, text: str, size_key: str, label: str
) -> None:
    if span is None:
        ctx.emit(rule_id, None, f"Thiếu {label}", text, "không có")
        return
    if not is_upper(span.display):
        ctx.emit(rule_id, span, f"{label} phải viết in hoa", text, span.display)
    elif not _same_text(span, text):
        ctx.emit(rule_id, span, f"{label} viết chưa đúng", text, span.display)
    check_style(ctx, rule_id, span, label, bold=True)
    ctx.check_size(rule_id, span, size_key, label)
    check_centred(ctx, rule_id, span, label)


@rule("header.rule-under-tieu-ngu", "header.rule-under-dang-hieu")
def rule_under_heading(ctx: Ctx) -> None:
    lay = ctx.lay
    if ctx.family.tieu_de_rieng:
        rid, span, mark, label = (
            "header.rule-under-dang-hieu",
            lay.dang_hieu,
            lay.under_dang_hieu,
            f"“{ctx.family.tieu_de}”",
        )
    else:
        rid, span, mark, label = (
            "header.rule-under-tieu-ngu",
            lay.tieu_ngu,
            lay.under_tieu_ngu,
            "Tiêu ngữ",
        )
    if span is None:
        return
    if mark is None:
        ctx.emit(
            rid,
            span,
            f"Thiếu đường kẻ ngang dưới {label}",
            "đường kẻ nét liền, dài bằng dòng chữ",
            "không có",
        )
        return
    check_solid(ctx, rid, span, mark, label)
    if mark.kind != "underline":
        check_ratio(ctx, rid, span, mark, "rule_under_tieu_ngu_ratio", span.width_pt(), label)


@rule("header.agency", "header.rule-under-agency")
def agency(ctx: Ctx) -> None:
    lay = ctx.lay
    if not lay.agency:
        ctx.emit(
            "header.agency",
            None,
            "Thiếu tên cơ quan, tổ chức ban hành văn bản",
            "tên cơ quan ban hành, in hoa, đậm, góc trên bên trái",
            "không có",
        )
        return
    for span in lay.agency_parent:
        _agency_line(ctx, span, "Tên cơ quan chủ quản", "co_quan_cap_tren", bold=False)
    for span in lay.agency:
        _agency_line(ctx, span, "Tên cơ quan ban hành", "co_quan", bold=True)
    last = lay.agency[-1]
    mark = lay.under_agency
    rid = "header.rule-under-agency"
    star = ctx.family.duoi_co_quan
    if star != "line":
        if mark is None or mark.kind != "star":
            ctx.emit(
                rid,
                last,
                f"Dưới tên cơ quan ban hành thể thức {ctx.family.nhan} có dấu sao ({star})",
                f"dấu {star} canh giữa",
                "không có" if mark is None else "đường kẻ",
            )
        return
    if mark is None:
        ctx.emit(
            rid,
            last,
            "Thiếu đường kẻ ngang dưới tên cơ quan ban hành",
            "đường kẻ nét liền dài 1/3–1/2 dòng chữ",
            "không có",
        )
        return
    if mark.kind == "star":
        ctx.emit(
            rid,
            last,
            "Dưới tên cơ quan ban hành là đường kẻ ngang, không dùng dấu *",
            "đường kẻ nét liền",
            "dấu *",
        )
        return
    check_solid(ctx, rid, last, mark, "tên cơ quan")
    avail = avail_twips(ctx.facts, last.p) / 20
    size = last.size or 13.0
    longest = max(
        (w for s in lay.agency for w in wrapped_widths(s.display, size, avail, bold=s.bold)),
        default=0.0,
    )
    check_rule_length(
        ctx, rid, last, mark, "rule_under_agency_ratio", longest, "tên cơ quan",
        "tên cơ quan ban hành",
    )


def _agency_line(ctx: Ctx, span: Span, label: str, size_key: str, *, bold: bool) -> None:
    if not is_upper(span.display):
        ctx.emit(
            "header.agency", span, f"{label} phải viết in hoa", span.display.upper(), span.display
        )
    check_style(ctx, "header.agency", span, label, bold=bold)
    ctx.check_size("header.agency", span, size_key, label)
    check_centred(ctx, "header.agency", span, label)


@rule("header.layout")
def layout(ctx: Ctx) -> None:
    lay = ctx.lay
    right = lay.dang_hieu if ctx.family.tieu_de_rieng else lay.quoc_hieu
    name = f"“{ctx.family.tieu_de}”" if ctx.family.tieu_de_rieng else "Quốc hiệu"
    if right is not None and right.side not in ("right", "middle"):
        ctx.emit(
            "header.layout",
            right,
            f"{name} phải ở phía trên, bên phải trang đầu",
            "bên phải, ngang hàng tên cơ quan",
            "giữa trang/bên trái",
        )
    if lay.agency and right is not None and lay.agency[0].side not in ("left", "full"):
        ctx.emit(
            "header.layout",
            lay.agency[0],
            "Tên cơ quan phải ở phía trên, bên trái",
            "bên trái",
            "bên phải",
        )
    if lay.so is not None and lay.agency and lay.so.side != lay.agency[-1].side:
        ctx.emit(
            "header.layout",
            lay.so,
            "Số, ký hiệu phải canh giữa dưới tên cơ quan",
            "cùng cột với tên cơ quan",
            "cột khác",
        )
    if lay.date is not None and right is not None and lay.date.side != right.side:
        ctx.emit(
            "header.layout",
            lay.date,
            "Địa danh, ngày tháng phải ở dưới Tiêu ngữ (bên phải)",
            "cùng cột với Quốc hiệu",
            "cột khác",
        )
