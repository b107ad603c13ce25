"""Page-level rules: paper size and orientation, margins, typeface and colour of every run,
page numbers (top centre, Arabic, not on page 1)."""

from __future__ import annotations

import math
import re

from vanban.check.catalog import TOLERANCE, size_range, value_range
from vanban.check.docx_model import HeaderFacts, ParagraphFacts, RunFacts
from vanban.check.engine import Ctx, rule
from vanban.check.layout import TABLE_TITLES, line_height_pt
from vanban.check.spans import avail_twips, whole
from vanban.check.text import ALIGN_VI, fmt_num, fold, width_pt

A4_MM = (210.0, 297.0)
FONT = "Times New Roman"
BLACK = {None, "auto", "000000", "theme:text1", "theme:dark1"}
_NOT_ARABIC = re.compile(r"\\\*\s*(roman|alphabetic|ordtext|cardtext)", re.IGNORECASE)
_SIDES = (("top", "trên"), ("bottom", "dưới"), ("left", "trái"), ("right", "phải"))


@rule("page.size")
def page_size(ctx: Ctx) -> None:
    tol = TOLERANCE["paper_mm"]
    for n, section in enumerate(ctx.facts.sections):
        where = "" if n == 0 else f" (phần {n + 1})"
        if section.width_mm is None or section.height_mm is None:
            ctx.emit(
                "page.size",
                None,
                f"Không khai báo khổ giấy{where}",
                "A4 210 × 297 mm",
                "không khai báo (Word mặc định theo máy)",
            )
            continue
        short, long_ = sorted((section.width_mm, section.height_mm))
        if abs(short - A4_MM[0]) > tol or abs(long_ - A4_MM[1]) > tol:
            ctx.emit(
                "page.size",
                None,
                f"Khổ giấy không phải A4{where}",
                "A4 210 × 297 mm",
                f"{fmt_num(section.width_mm, 1)} × {fmt_num(section.height_mm, 1)} mm",
            )
        landscape = section.width_mm > section.height_mm or section.orientation == "landscape"
        # NĐ 30/2020 Phụ lục I: a document whose content is tables not made annexes may be
        # set on the width of A4 (a bảng chấm điểm, a bảng tổng hợp)
        if landscape and n == 0 and not (ctx.lay.title is not None and fold(
                ctx.lay.title.text.split("\n")[0]).startswith(TABLE_TITLES)):
            ctx.emit(
                "page.size",
                None,
                "Trang đầu văn bản phải trình bày theo chiều dài (dọc)",
                "khổ dọc",
                "khổ ngang",
            )


@rule("page.margins")
def page_margins(ctx: Ctx) -> None:
    tol = TOLERANCE["margin_mm"]
    for n, section in enumerate(ctx.facts.sections):
        if (section.width_twips or 0) > (section.height_twips or 1):
            continue  # a landscape section for a wide table keeps its own margins
        where = "" if n == 0 else f" (phần {n + 1})"
        for side, label in _SIDES:
            lo_hi = value_range(f"margin_{side}_mm", ctx.fid)
            if lo_hi is None:
                continue
            lo, hi = lo_hi
            value = getattr(section.margins, f"{side}_mm")
            if not lo - tol <= value <= hi + tol:
                expected = f"{fmt_num(lo)}–{fmt_num(hi)} mm" if hi > lo else f"{fmt_num(lo)} mm"
                ctx.emit(
                    "page.margins",
                    None,
                    f"Lề {label} chưa đúng{where}",
                    expected,
                    f"{fmt_num(value, 1)} mm",
                )


def _all_paragraphs(ctx: Ctx) -> list[tuple[ParagraphFacts, str]]:
    out = [(p, "document") for p in ctx.facts.paragraphs]
    for part in (*ctx.facts.headers, *ctx.facts.footers):
        out += [(p, part.part) for p in part.paragraphs]
    return out


def _fonts_used(run: RunFacts) -> set[str]:
    text = run.text.strip()
    used = set()
    if any(ord(ch) < 0x80 for ch in text):
        used.add(run.font_ascii or "?")
    if any(ord(ch) >= 0x80 for ch in text):
        used.add(run.font_hansi or "?")
    return used


@rule("font.family", "font.color")
def fonts(ctx: Ctx) -> None:
    for p, part in _all_paragraphs(ctx):
        bad_fonts: set[str] = set()
        bad_colors: set[str] = set()
        for run in p.runs:
            if not run.text.strip() or run.hidden:
                continue
            bad_fonts |= {f for f in _fonts_used(run) if f != FONT}
            if run.color not in BLACK:
                bad_colors.add(run.color or "")
        if bad_fonts:
            ctx.emit(
                "font.family",
                p,
                "Phông chữ không phải Times New Roman",
                FONT,
                ", ".join(sorted(bad_fonts)),
                part=part,
            )
        if bad_colors:
            ctx.emit(
                "font.color",
                p,
                "Chữ không màu đen",
                "đen (000000 / tự động)",
                ", ".join(sorted(bad_colors)),
                part=part,
            )


def _page_paragraphs(part: HeaderFacts | None) -> list[ParagraphFacts]:
    if part is None:
        return []
    return [p for p in part.paragraphs if any(re.search(r"\bPAGE\b", f) for f in p.fields)]


@rule("page-number.position", "page-number.first-page")
def page_numbers(ctx: Ctx) -> None:
    facts = ctx.facts
    section = facts.page
    default = facts.header("default")
    first = facts.header("first") if section.title_pg else None
    in_header = _page_paragraphs(default)
    in_footer = _page_paragraphs(facts.footer("default")) + (
        _page_paragraphs(facts.footer("first")) if section.title_pg else []
    )
    if not in_header and in_footer:
        p = in_footer[0]
        ctx.emit(
            "page-number.position",
            p,
            "Số trang phải đặt ở phần lề trên (đầu trang)",
            "đầu trang, canh giữa",
            "chân trang",
            part=_part_of(facts.footers, p),
        )
    elif not in_header and not in_footer and estimate_pages(ctx) > 1.2:
        ctx.emit(
            "page-number.position",
            None,
            "Văn bản nhiều trang nhưng không đánh số trang",
            "số trang ở giữa lề trên, từ trang 2",
            "không có",
        )
    for p in in_header:
        _check_page_paragraph(ctx, p, default.part if default else "")
    if section.title_pg:
        first_parts = [first, facts.footer("first")]
        on_first = [p for part in first_parts for p in _page_paragraphs(part)]
        expected = "đầu trang riêng cho trang 1, không có số"
    else:
        on_first = in_header + in_footer
        expected = "bật “Trang đầu khác” (titlePg), trang 1 không có số"
    if on_first:
        ctx.emit(
            "page-number.first-page",
            None,
            "Trang thứ nhất không hiển thị số trang",
            expected,
            "trang 1 có số trang",
            part=_part_of([*facts.headers, *facts.footers], on_first[0]),
        )


def _part_of(parts: list[HeaderFacts], p: ParagraphFacts) -> str:
    return next((h.part for h in parts if p in h.paragraphs), "")


def _check_page_paragraph(ctx: Ctx, p: ParagraphFacts, part: str) -> None:
    centred = p.alignment == "center" or (
        p.alignment == "left" and p.text.count("\t") == 1 and p.text.startswith("\t")
    )
    if not centred:
        ctx.emit(
            "page-number.position",
            p,
            "Số trang phải canh giữa theo chiều ngang",
            "canh giữa",
            ALIGN_VI.get(p.alignment, p.alignment),
            part=part,
        )
    if any(_NOT_ARABIC.search(f) for f in p.fields if "PAGE" in f):
        ctx.emit(
            "page-number.position",
            p,
            "Số trang phải bằng chữ số Ả Rập",
            "1, 2, 3…",
            "chữ số La Mã hoặc chữ",
            part=part,
        )
    span = whole(ctx.facts, p)
    lo, hi, mark = size_range("so_trang", ctx.fid)
    if any(not lo - 0.25 <= s <= hi + 0.25 for s in span.sizes):
        ctx.emit(
            "page-number.position",
            p,
            "Số trang: cỡ chữ chưa đúng",
            f"{fmt_num(lo)}–{fmt_num(hi)} pt" if hi > lo else f"{fmt_num(lo)} pt",
            ", ".join(f"{fmt_num(s)} pt" for s in span.sizes),
            mark=mark,
            part=part,
        )
    if span.any_italic:
        ctx.emit(
            "page-number.position",
            p,
            "Số trang phải kiểu chữ đứng",
            "chữ đứng",
            "chữ nghiêng",
            part=part,
        )


def estimate_pages(ctx: Ctx) -> float:
    """A rough page count: body paragraph heights over the text height (tables ≈ 2 lines/row)."""
    facts = ctx.facts
    page = facts.page
    text_height = (
        (page.height_twips or 16838) - page.margins.top_twips - page.margins.bottom_twips
    ) / 20
    total = 0.0
    for p in facts.paragraphs:
        if p.in_table is not None:
            continue
        size = p.size_pt or p.mark.size_pt
        avail = max(avail_twips(facts, p) / 20, 50.0)
        lines = max(1, math.ceil(width_pt(p.text, size) / avail))
        total += lines * line_height_pt(p) + (p.spacing_before_twips + p.spacing_after_twips) / 20
    total += sum(t.rows * 2 * 16 for t in facts.tables)
    return total / max(text_height, 1.0)
