"""Header rules: Quốc hiệu and Tiêu ngữ (or ĐẢNG CỘNG SẢN VIỆT NAM), the rules under them and
under the agency, agency names, the two-column layout, số/ký hiệu, place and date."""

from __future__ import annotations

import re

from vanban.check.catalog import TOLERANCE, value_range
from vanban.check.engine import Ctx, rule
from vanban.check.layout import DOC_TYPES, PARTY_TYPE_ABBR
from vanban.check.spans import RuleMark, Span, avail_twips
from vanban.check.text import ALIGN_VI, fmt_num, fold, is_upper, nfc, wrapped_widths
from vanban.the_thuc.families import DANG_HIEU, QUOC_HIEU, TIEU_NGU

_MIXED_ABBR = {"QyĐ", "CTr", "TTr", "TrS"}
_SO_WORD = re.compile(r"^(số|SỐ|Số|sỐ)")
_DATE_FULL = re.compile(
    r"^(?P<place>[^,]*?)(?P<comma>,?)\s*(?P<ngay>ngày|Ngày|NGÀY)\s*(?P<d>\d*)\s*"
    r"(?P<thang>tháng|Tháng|THÁNG)\s*(?P<m>\d*)\s*(?P<nam>năm|Năm|NĂM)\s*(?P<y>\d{4})\s*$"
)
_DATE_NUMERIC = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}")


def _same_text(span: Span, expected: str) -> bool:
    return " ".join(nfc(span.display).replace("\u00a0", " ").split()) == expected


def _style(
    ctx: Ctx,
    rule_id: str,
    span: Span,
    label: str,
    *,
    bold: bool | None,
    italic: bool | None = False,
) -> None:
    """Bold / italic of an element: True = required, False = forbidden, None = either."""
    if bold is True and not span.bold:
        ctx.emit(rule_id, span, f"{label} phải in đậm", "chữ đậm", "chữ thường")
    elif bold is False and span.any_bold:
        ctx.emit(rule_id, span, f"{label} không in đậm", "chữ thường (không đậm)", "chữ đậm")
    if italic is True and not span.italic:
        ctx.emit(rule_id, span, f"{label} phải in nghiêng", "chữ nghiêng", "chữ đứng")
    elif italic is False and span.any_italic:
        ctx.emit(rule_id, span, f"{label} phải kiểu chữ đứng", "chữ đứng", "chữ nghiêng")


def _centred(ctx: Ctx, rule_id: str, span: Span, label: str) -> None:
    if "\t" not in span.p.text and span.p.alignment != "center":
        found = ALIGN_VI.get(span.p.alignment, span.p.alignment)
        ctx.emit(rule_id, span, f"{label} phải canh giữa", "canh giữa", found)


@rule("header.quoc-hieu", "header.tieu-ngu", "header.dang-hieu")
def national_heading(ctx: Ctx) -> None:
    lay = ctx.lay
    if ctx.party:
        for span, what in ((lay.quoc_hieu, "Quốc hiệu"), (lay.tieu_ngu, "Tiêu ngữ")):
            if span is not None:
                rid = "header.quoc-hieu" if what == "Quốc hiệu" else "header.tieu-ngu"
                ctx.emit(
                    rid, span, f"Văn bản của Đảng không trình bày {what}", "không có", span.text
                )
        _upper_element(
            ctx,
            "header.dang-hieu",
            lay.dang_hieu,
            DANG_HIEU,
            "quoc_hieu",
            "Tiêu đề “ĐẢNG CỘNG SẢN VIỆT NAM”",
        )
        return
    if lay.dang_hieu is not None:
        ctx.emit(
            "header.quoc-hieu",
            lay.dang_hieu,
            "Văn bản nhà nước/công đoàn trình bày Quốc hiệu, không dùng tiêu đề của Đảng",
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
    _style(ctx, "header.tieu-ngu", tn, "Tiêu ngữ", bold=True)
    ctx.check_size("header.tieu-ngu", tn, "tieu_ngu", "Tiêu ngữ")
    _centred(ctx, "header.tieu-ngu", tn, "Tiêu ngữ")
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
    _style(ctx, rule_id, span, label, bold=True)
    ctx.check_size(rule_id, span, size_key, label)
    _centred(ctx, rule_id, span, label)


@rule("header.rule-under-tieu-ngu", "header.rule-under-dang-hieu")
def rule_under_heading(ctx: Ctx) -> None:
    lay = ctx.lay
    if ctx.party:
        rid, span, mark, label = (
            "header.rule-under-dang-hieu",
            lay.dang_hieu,
            lay.under_dang_hieu,
            "“ĐẢNG CỘNG SẢN VIỆT NAM”",
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
    _solid(ctx, rid, span, mark, label)
    if mark.kind != "underline":
        _ratio(ctx, rid, span, mark, "rule_under_tieu_ngu_ratio", span.width_pt(), label)


def _solid(ctx: Ctx, rid: str, span: Span, mark: RuleMark, label: str) -> None:
    if mark.dashed:
        ctx.emit(rid, span, f"Đường kẻ dưới {label} phải là nét liền", "nét liền", "nét đứt/chấm")


def _ratio(
    ctx: Ctx, rid: str, span: Span, mark: RuleMark, range_key: str, text_pt: float, label: str
) -> None:
    lo_hi = value_range(range_key, ctx.fid)
    if lo_hi is None or text_pt <= 0:
        return
    lo, hi = lo_hi
    tol = TOLERANCE["ratio"]
    ratio = mark.width_pt / text_pt
    if lo * (1 - tol) <= ratio <= hi * (1 + tol):
        return
    if lo == hi:
        expected = f"dài bằng dòng chữ (≈ {fmt_num(lo * text_pt, 0)} pt)"
    else:
        expected = (
            f"{_fraction(lo)}–{_fraction(hi)} độ dài dòng chữ "
            f"({fmt_num(lo * text_pt, 0)}–{fmt_num(hi * text_pt, 0)} pt)"
        )
    ctx.emit(
        rid,
        span,
        f"Độ dài đường kẻ dưới {label} chưa đúng",
        expected,
        f"{fmt_num(mark.width_pt, 0)} pt ({fmt_num(ratio * 100, 0)}% dòng chữ)",
    )


def _fraction(x: float) -> str:
    for n, d in ((1, 3), (1, 2), (2, 3), (1, 4), (3, 4), (1, 1)):
        if abs(x - n / d) < 1e-6:
            return f"{n}/{d}" if d > 1 else "1"
    return fmt_num(x)


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
    if ctx.party:
        if mark is None or mark.kind != "star":
            ctx.emit(
                rid,
                last,
                "Dưới tên cơ quan ban hành của Đảng có dấu sao (*)",
                "dấu * canh giữa",
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
    _solid(ctx, rid, last, mark, "tên cơ quan")
    avail = avail_twips(ctx.facts, last.p) / 20
    size = last.size or 13.0
    longest = max(
        (w for s in lay.agency for w in wrapped_widths(s.display, size, avail, bold=s.bold)),
        default=0.0,
    )
    if mark.kind == "underline":
        ctx.emit(
            rid,
            last,
            "Đường kẻ dưới tên cơ quan dài 1/3–1/2 dòng chữ, không gạch chân cả dòng",
            "đường kẻ 1/3–1/2 dòng chữ",
            "gạch chân cả dòng chữ",
        )
        return
    _ratio(ctx, rid, last, mark, "rule_under_agency_ratio", longest, "tên cơ quan ban hành")


def _agency_line(ctx: Ctx, span: Span, label: str, size_key: str, *, bold: bool) -> None:
    if not is_upper(span.display):
        ctx.emit(
            "header.agency", span, f"{label} phải viết in hoa", span.display.upper(), span.display
        )
    _style(ctx, "header.agency", span, label, bold=bold)
    ctx.check_size("header.agency", span, size_key, label)
    _centred(ctx, "header.agency", span, label)


@rule("header.layout")
def layout(ctx: Ctx) -> None:
    lay = ctx.lay
    right = lay.dang_hieu if ctx.party else lay.quoc_hieu
    name = "“ĐẢNG CỘNG SẢN VIỆT NAM”" if ctx.party else "Quốc hiệu"
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


@rule("so-ky-hieu.form", "so-ky-hieu.padding")
def so_ky_hieu(ctx: Ctx) -> None:
    span = ctx.lay.so
    if span is None:
        ctx.emit(
            "so-ky-hieu.form",
            None,
            "Thiếu số, ký hiệu văn bản",
            "Số 05-BC/ĐUK" if ctx.party else "Số: 05/BC-UBND",
            "không có",
        )
        return
    text = nfc(span.display).replace("\u00a0", " ")
    example = "Số 05-BC/ĐUK" if ctx.party else "Số: 05/BC-UBND"
    word = _SO_WORD.match(text)
    rest = text[2:] if word else text
    if word and word.group(1) != "Số":
        ctx.emit(
            "so-ky-hieu.form",
            span,
            "Chữ “Số” viết hoa chữ cái đầu, các chữ khác thường",
            "Số",
            word.group(1),
        )
    colon = rest.startswith(":")
    if ctx.party and colon:
        ctx.emit(
            "so-ky-hieu.form",
            span,
            "Số văn bản của Đảng không có dấu hai chấm sau “Số”",
            example,
            text,
        )
    elif not ctx.party and not colon:
        ctx.emit("so-ky-hieu.form", span, "Sau chữ “Số” có dấu hai chấm", example, text)
    body = rest.lstrip(":").strip()
    sep_number, sep_issuer = ("-", "/") if ctx.party else ("/", "-")
    number, found_sep, kh = body.partition(sep_number)
    if not found_sep or not all(ch.isdigit() or ch.isspace() for ch in number):
        ctx.emit(
            "so-ky-hieu.form", span, f"Giữa số và ký hiệu dùng dấu “{sep_number}”", example, text
        )
        return
    kh_clean = kh.strip()
    if " " in kh_clean or kh != kh.lstrip() and number.strip():
        ctx.emit("so-ky-hieu.form", span, "Ký hiệu viết liền, không có dấu cách", example, text)
    parts = re.split(r"[-/]", kh_clean.replace(" ", ""))
    if any(p and p != p.upper() and p not in _MIXED_ABBR for p in parts):
        ctx.emit("so-ky-hieu.form", span, "Ký hiệu viết in hoa", kh_clean.upper(), kh_clean)
    if ctx.party and "/" not in kh_clean:
        ctx.emit("so-ky-hieu.form", span, "Trước tên cơ quan ban hành có dấu “/”", example, text)
    _type_matches(ctx, span, parts, sep_issuer)
    _style(ctx, "so-ky-hieu.form", span, "Số, ký hiệu", bold=None)
    ctx.check_size("so-ky-hieu.form", span, "so_ky_hieu", "Số, ký hiệu")
    digits = number.strip()
    if digits.isdigit():
        want = f"{int(digits):02d}"
        if digits != want:
            ctx.emit(
                "so-ky-hieu.padding",
                span,
                "Số nhỏ hơn 10 ghi thêm số 0 phía trước; không thêm số 0 thừa",
                want,
                digits,
            )


def _type_matches(ctx: Ctx, span: Span, parts: list[str], sep: str) -> None:
    key = ctx.lay.type_key
    if key is None or not parts or not parts[0]:
        return
    want = PARTY_TYPE_ABBR.get(key, DOC_TYPES[key]) if ctx.party else DOC_TYPES[key]
    if parts[0].casefold() != want.casefold():
        ctx.emit(
            "so-ky-hieu.form",
            span,
            f"Ký hiệu bắt đầu bằng chữ viết tắt tên loại văn bản ({ctx.lay.title.text.strip()})",  # type: ignore[union-attr]
            want,
            parts[0],
        )


@rule("date.form", "date.padding")
def place_and_date(ctx: Ctx) -> None:
    span = ctx.lay.date
    example = "Hà Nội, ngày 05 tháng 02 năm 2022"
    if span is None:
        ctx.emit(
            "date.form", None, "Thiếu địa danh và thời gian ban hành văn bản", example, "không có"
        )
        return
    text = " ".join(nfc(span.display).replace("\u00a0", " ").split())
    m = _DATE_FULL.match(text)
    if m is None:
        found = "ngày viết bằng số và dấu gạch" if _DATE_NUMERIC.search(text) else text
        ctx.emit(
            "date.form",
            span,
            "Địa danh, ngày tháng viết đầy đủ “…, ngày … tháng … năm …”",
            example,
            found,
        )
    else:
        if not m.group("comma"):
            ctx.emit("date.form", span, "Sau địa danh có dấu phẩy", example, text)
        if not m.group("place").strip():
            ctx.emit("date.form", span, "Thiếu địa danh trước ngày tháng", example, text)
        words = (m.group("ngay"), m.group("thang"), m.group("nam"))
        if words != ("ngày", "tháng", "năm"):
            ctx.emit(
                "date.form",
                span,
                "Các chữ “ngày”, “tháng”, “năm” viết thường",
                "ngày … tháng … năm …",
                " … ".join(words),
            )
        _padding(ctx, span, m.group("d"), m.group("m"))
    _style(ctx, "date.form", span, "Địa danh, ngày tháng", bold=False, italic=True)
    ctx.check_size("date.form", span, "dia_danh_ngay", "Địa danh, ngày tháng")
    if fold(text) == text and text[:1].islower():
        ctx.emit("date.form", span, "Địa danh viết hoa chữ cái đầu", example, text)


def _padding(ctx: Ctx, span: Span, day: str, month: str) -> None:
    if day:
        want = f"{int(day):02d}" if int(day) < 10 else str(int(day))
        if day != want:
            ctx.emit("date.padding", span, "Ngày nhỏ hơn 10 ghi thêm số 0 phía trước", want, day)
    if month:
        want = f"{int(month):02d}" if int(month) in (1, 2) else str(int(month))
        if month != want:
            ctx.emit(
                "date.padding",
                span,
                "Tháng 1, 2 ghi thêm số 0 phía trước; các tháng khác không",
                want,
                month,
            )
