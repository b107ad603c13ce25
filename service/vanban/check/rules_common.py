"""Helpers shared by the rule modules: style, centring, rule-line style and length checks."""

from __future__ import annotations

from vanban.check.catalog import TOLERANCE, value_range
from vanban.check.engine import Ctx
from vanban.check.spans import RuleMark, Span
from vanban.check.text import ALIGN_VI, fmt_num


def check_style(
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


def check_centred(ctx: Ctx, rule_id: str, span: Span, label: str) -> None:
    if "\t" not in span.p.text and span.p.alignment != "center":
        found = ALIGN_VI.get(span.p.alignment, span.p.alignment)
        ctx.emit(rule_id, span, f"{label} phải canh giữa", "canh giữa", found)


def check_rule_length(
    ctx: Ctx, rid: str, span: Span, mark: RuleMark, range_key: str, text_pt: float,
    short: str, label: str,
) -> None:
    """A short rule is a line 1/3–1/2 as long as the text; underlining the text is not one."""
    if mark.kind == "underline":
        ctx.emit(
            rid,
            span,
            f"Đường kẻ dưới {short} dài 1/3–1/2 dòng chữ, không gạch chân cả dòng",
            "đường kẻ 1/3–1/2 dòng chữ",
            "gạch chân cả dòng chữ",
        )
        return
    check_ratio(ctx, rid, span, mark, range_key, text_pt, label)


def check_dash_items(
    ctx: Ctx, rid: str, items: list[tuple[Span, str]], *, sample: str, excerpt: int,
    last_name: str, sep: str = ";",
) -> None:
    """Recipient lists: each line "- …", ``sep`` after each (a semicolon; a comma in Party
    nơi nhận), a period after the last."""
    sep_name = "dấu phẩy" if sep == "," else "dấu chấm phẩy"
    for n, (where, item) in enumerate(items):
        end = "." if n == len(items) - 1 else sep
        if not item.startswith("- "):
            ctx.emit(
                rid,
                where,
                "Mỗi nơi nhận một dòng, bắt đầu bằng gạch đầu dòng “- ”",
                sample + end,
                item[:excerpt],
            )
        if not item.endswith(end):
            ctx.emit(
                rid,
                where,
                f"Sau mỗi nơi nhận có {sep_name}, {last_name} có dấu chấm",
                f"kết thúc “{end}”",
                f"kết thúc “{item[-1:]}”",
            )


def check_solid(ctx: Ctx, rid: str, span: Span, mark: RuleMark, label: str) -> None:
    if mark.dashed:
        ctx.emit(rid, span, f"Đường kẻ dưới {label} phải là nét liền", "nét liền", "nét đứt/chấm")


def check_ratio(
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
