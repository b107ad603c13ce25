"""Number and date rules: số/ký hiệu form (State ``Số: 05/BC-UBND``, Party ``Số 05-BC/ĐUK``),
zero padding of numbers, days and months, and the place-and-date line."""

from __future__ import annotations

import re

from vanban.check.engine import Ctx, rule
from vanban.check.rules_common import check_style
from vanban.check.spans import Span
from vanban.check.text import fold, nfc

_MIXED_ABBR = {"QyĐ", "CTr", "TTr", "TrS"}
_SO_WORD = re.compile(r"^(số|SỐ|Số|sỐ)")
_DATE_FULL = re.compile(
    r"^(?P<place>[^,]*?)(?P<comma>,?)\s*(?P<ngay>ngày|Ngày|NGÀY)\s*(?P<d>\d*)\s*"
    r"(?P<thang>tháng|Tháng|THÁNG)\s*(?P<m>\d*)\s*(?P<nam>năm|Năm|NĂM)\s*(?P<y>\d{4})\s*$"
)
_DATE_NUMERIC = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}")


@rule("so-ky-hieu.form", "so-ky-hieu.padding")
def so_ky_hieu(ctx: Ctx) -> None:
    span = ctx.lay.so
    kind = ctx.lay.doc_type
    if span is None and kind is not None and not kind.co_so:
        return
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
    example = _suggest(ctx, text)
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
    check_style(ctx, "so-ky-hieu.form", span, "Số, ký hiệu", bold=None)
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


def _suggest(ctx: Ctx, text: str) -> str:
    """The number line rewritten in the family's form (``Số: 05/BC-SNV`` / ``Số 05-BC/ĐUK``)."""
    m = re.match(r"^\s*số\s*:?\s*([\d ]*)\s*[-/]?\s*(.*)$", text, re.IGNORECASE)
    if m is None:
        return "Số 05-BC/ĐUK" if ctx.party else "Số: 05/BC-UBND"
    digits = m.group(1).strip()
    number = f"{int(digits):02d}" if digits.isdigit() else "…"
    parts = [p if p in _MIXED_ABBR else p.upper() for p in re.split(r"[-/\s]+", m.group(2)) if p]
    if not parts:
        parts = ["BC", "UBND"]
    if ctx.party:
        tail = f"{parts[0]}/{'-'.join(parts[1:])}" if len(parts) > 1 else parts[0]
        return f"Số {number}-{tail}"
    return f"Số: {number}/{'-'.join(parts)}"


def _type_matches(ctx: Ctx, span: Span, parts: list[str], sep: str) -> None:
    kind = ctx.lay.doc_type
    if kind is None or not parts or not parts[0]:
        return  # no title, or a table's title (layout.TABLE_TITLES): no abbreviation to check
    want = kind.viet_tat_for(ctx.party)
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
    check_style(ctx, "date.form", span, "Địa danh, ngày tháng", bold=False, italic=True)
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
