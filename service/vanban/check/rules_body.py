"""Title block, kính gửi and body rules: document type and abstract (and the rule under it),
công văn ``V/v``, kính gửi, body paragraphs (alignment, first-line indent, spacing, line
spacing, size, ``./.``), heading numbering and heading style."""

from __future__ import annotations

import re

from vanban.check.catalog import TNR_LINE_HEIGHT, TOLERANCE, value_range
from vanban.check.docx_model import ParagraphFacts
from vanban.check.engine import Ctx, rule
from vanban.check.rules_common import (
    check_centred,
    check_dash_items,
    check_rule_length,
    check_solid,
    check_style,
)
from vanban.check.spans import Span, avail_twips, whole
from vanban.check.text import (
    ALIGN_VI,
    VI_LETTERS,
    fmt_num,
    fold,
    is_all_caps_words,
    is_upper,
    nfc,
    roman_value,
    to_roman,
    wrapped_widths,
)

CM_TWIPS = 1440 / 2.54
PHAN = re.compile(r"^(Phần|PHẦN|Chương|CHƯƠNG)\s+([IVXLC]+|\d+)\b")
ROMAN = re.compile(r"^([IVXLC]+)\.\s+\S")
ARABIC = re.compile(r"^(\d{1,2})\.\s+\S")
SUB = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+\S")
LETTER = re.compile(r"^([a-zđ])\)\s*\S")


def _title_continues(type_key: str | None, span: Span) -> bool:
    """The capitals line that completes a báo cáo thành tích's title: ``ĐỀ NGHỊ TẶNG …``
    (NĐ 98/2023 Mẫu 02, 03)."""
    return type_key == "báo cáo thành tích" and fold(span.display).startswith(
        "đề nghị")


@rule("title.type", "title.abstract", "title.rule-under-abstract")
def title(ctx: Ctx) -> None:
    lay = ctx.lay
    if lay.title is None:
        if lay.cong_van or ctx.party and lay.so is not None and lay.kinh_gui is not None:
            _cong_van(ctx)
        else:
            ctx.emit(
                "title.type",
                None,
                "Không tìm thấy tên loại văn bản (hoặc trích yếu “V/v” của công văn)",
                "tên loại in hoa, đậm, canh giữa",
                "không có",
            )
        return
    t = lay.title
    if not is_upper(t.display):
        ctx.emit("title.type", t, "Tên loại văn bản viết in hoa", t.display.upper(), t.display)
    check_style(ctx, "title.type", t, "Tên loại văn bản", bold=True)
    ctx.check_size("title.type", t, "loai_van_ban", "Tên loại văn bản")
    check_centred(ctx, "title.type", t, "Tên loại văn bản")
    if not lay.abstract:
        ctx.emit(
            "title.abstract",
            t,
            "Thiếu trích yếu nội dung dưới tên loại văn bản",
            "trích yếu in thường, đậm, canh giữa",
            "không có",
        )
        return
    continued = False
    for span in lay.abstract:
        caps = is_all_caps_words(span.display)
        # the "ĐỀ NGHỊ TẶNG …" line may be broken by vanban over several capitalised lines
        continued = caps and (_title_continues(lay.type_key, span) or continued)
        if caps and not continued:
            ctx.emit(
                "title.abstract", span, "Trích yếu viết chữ in thường", "chữ thường", "chữ in hoa"
            )
        check_style(ctx, "title.abstract", span, "Trích yếu", bold=True)
        ctx.check_size("title.abstract", span, "trich_yeu", "Trích yếu")
        check_centred(ctx, "title.abstract", span, "Trích yếu")
    last = lay.abstract[-1]
    rid = "title.rule-under-abstract"
    mark = lay.under_abstract
    if mark is None:
        ctx.emit(
            rid,
            last,
            "Thiếu đường kẻ ngang dưới trích yếu",
            "đường kẻ 1/3–1/2 dòng chữ",
            "không có",
        )
        return
    if ctx.party and not mark.dashed:
        ctx.emit(
            rid,
            last,
            "Dưới trích yếu văn bản của Đảng là đường kẻ ngắn nét đứt",
            "nét đứt",
            "nét liền",
        )
    elif not ctx.party:
        check_solid(ctx, rid, last, mark, "trích yếu")
    avail = avail_twips(ctx.facts, last.p) / 20
    longest = max(
        w
        for s in lay.abstract
        for w in wrapped_widths(s.display, s.size or 14.0, avail, bold=s.bold)
    )
    check_rule_length(
        ctx, rid, last, mark, "rule_under_abstract_ratio", longest, "trích yếu", "trích yếu"
    )


def _cong_van(ctx: Ctx) -> None:
    lines = ctx.lay.cong_van
    if not lines:
        return
    first = lines[0]
    text = nfc(first.display)
    if ctx.party:
        if text.lower().startswith("v/v"):
            ctx.emit(
                "title.abstract",
                first,
                "Trích yếu công văn của Đảng không ghi “V/v”",
                "trích yếu không có V/v",
                text[:3],
            )
    elif not text.startswith("V/v"):
        ctx.emit(
            "title.abstract", first, "Trích yếu công văn bắt đầu bằng “V/v”", "V/v …", text[:3]
        )
    for span in lines:
        check_style(
            ctx,
            "title.abstract",
            span,
            "Trích yếu công văn",
            bold=False,
            italic=ctx.party,
        )
        ctx.check_size("title.abstract", span, "trich_yeu_cong_van", "Trích yếu công văn")


@rule("kinh-gui.form")
def kinh_gui(ctx: Ctx) -> None:
    lay = ctx.lay
    span = lay.kinh_gui
    if span is None:
        return
    text = nfc(span.display)
    rid = "kinh-gui.form"
    if not text.startswith("Kính gửi:"):
        ctx.emit(rid, span, "Viết “Kính gửi:” (chữ K hoa, có dấu hai chấm)", "Kính gửi:", text[:10])
    check_style(ctx, rid, span, "Kính gửi", bold=None)
    ctx.check_size(rid, span, "kinh_gui", "Kính gửi")
    inline = text.split(":", 1)[1].strip() if ":" in text else ""
    items = [(s, s.display.strip()) for s in lay.kinh_gui_items]
    if inline.startswith(("-", "–")):
        items.insert(0, (span, inline))
    elif not inline and not items:
        ctx.emit(
            rid,
            span,
            "Thiếu tên cơ quan, cá nhân nhận sau “Kính gửi:”",
            "Kính gửi: <nơi nhận>",
            text,
        )
    check_dash_items(
        ctx, rid, items, sample="- Tên cơ quan", excerpt=20, last_name="nơi nhận cuối"
    )
    starts = {s.p.left_indent_twips + s.p.first_line_indent_twips for s in lay.kinh_gui_items}
    if len(starts) > 1:
        ctx.emit(
            rid,
            lay.kinh_gui_items[0],
            "Các gạch đầu dòng nơi nhận phải thẳng hàng",
            "cùng lề",
            "lệch lề",
        )


def is_heading(p: ParagraphFacts) -> bool:
    text = p.text.strip()
    if PHAN.match(text) or ROMAN.match(text):
        return True
    if (ARABIC.match(text) or SUB.match(text)) and len(text) < 150:
        return not text.endswith((".", ";", ":", ","))
    return is_upper(text) and len(text) < 80 and p.alignment == "center"


@rule(
    "body.alignment", "body.indent", "body.spacing", "body.line-spacing", "body.size", "body.ending"
)
def body(ctx: Ctx) -> None:
    paras = ctx.lay.body
    indent = value_range("first_line_indent_cm", ctx.fid) or (1.0, 1.27)
    tol_cm = TOLERANCE["indent_cm"]
    gap_min = (value_range("paragraph_gap_pt", ctx.fid) or (6, 1000))[0]
    lines_lo, lines_hi = value_range("line_spacing_lines", ctx.fid) or (1.0, 1.5)
    previous: ParagraphFacts | None = None
    for p in paras:
        heading = is_heading(p)
        if not heading:
            if p.alignment not in ("both", "distribute"):
                ctx.emit(
                    "body.alignment",
                    p,
                    "Đoạn văn phải căn đều hai lề",
                    "căn đều hai lề",
                    ALIGN_VI.get(p.alignment, p.alignment),
                )
            cm = p.first_line_indent_twips / CM_TWIPS
            if not indent[0] - tol_cm <= cm <= indent[1] + tol_cm:
                ctx.emit(
                    "body.indent",
                    p,
                    "Lùi đầu dòng chưa đúng",
                    f"{fmt_num(indent[0])}–{fmt_num(indent[1])} cm",
                    f"{fmt_num(cm)} cm",
                )
        if previous is not None and previous.index == p.index - 1:
            gap = (previous.spacing_after_twips + p.spacing_before_twips) / 20
            if gap < gap_min - 0.01:
                ctx.emit(
                    "body.spacing",
                    p,
                    "Khoảng cách giữa các đoạn văn tối thiểu 6 pt",
                    f"≥ {fmt_num(gap_min)} pt",
                    f"{fmt_num(gap)} pt",
                )
        previous = p
        _line_spacing(ctx, p, lines_lo, lines_hi)
        ctx.check_size("body.size", whole(ctx.facts, p), "noi_dung", "Nội dung")
    ending = ctx.family.ket_thuc
    if ending and paras and not paras[-1].text.rstrip().endswith(ending):
        ctx.emit(
            "body.ending",
            paras[-1],
            f"Phần nội dung kết thúc bằng dấu “{ending}”",
            ending,
            "…" + paras[-1].text.rstrip()[-12:],
        )


def _line_spacing(ctx: Ctx, p: ParagraphFacts, lo: float, hi: float) -> None:
    tol = TOLERANCE["lines"]
    if p.line_rule == "auto":
        lines = p.line_spacing / 240
        shown = f"{fmt_num(lines)} dòng"
    else:
        size = p.size_pt or max((r.size_pt for r in p.runs if r.text.strip()), default=14.0)
        natural = size * TNR_LINE_HEIGHT
        pt = p.line_spacing / 20
        lines = max(pt, natural) / natural if p.line_rule == "atLeast" else pt / natural
        shown = f"{'chính xác' if p.line_rule == 'exact' else 'tối thiểu'} {fmt_num(pt)} pt"
    if not lo - tol <= lines <= hi + tol:
        ctx.emit(
            "body.line-spacing",
            p,
            "Khoảng cách dòng từ dòng đơn đến 1,5 dòng",
            f"{fmt_num(lo)}–{fmt_num(hi)} dòng",
            shown,
        )


@rule("heading.sequence", "heading.format")
def headings(ctx: Ctx) -> None:
    counters: dict[str, object] = {}
    for p in ctx.lay.body:
        text = p.text.strip()
        first_line = text.split("\n")[0]
        if m := PHAN.match(first_line):
            _next(
                ctx,
                p,
                counters,
                "phan:" + m.group(1).lower(),
                m.group(2),
                roman=not m.group(2).isdigit(),
                shown=m.group(1) + " {}",
            )
            for key in ("roman", "arabic", "sub", "letter"):
                counters.pop(key, None)
            if p.alignment != "center" or not p.bold:
                ctx.emit(
                    "heading.format",
                    p,
                    "Tiêu đề “Phần/Chương” in đậm, canh giữa",
                    "đậm, canh giữa",
                    ALIGN_VI.get(p.alignment, p.alignment) + ("" if p.bold else ", không đậm"),
                )
        elif m := ROMAN.match(text):
            _next(ctx, p, counters, "roman", m.group(1), roman=True, shown="{}.")
            for key in ("arabic", "sub", "letter"):
                counters.pop(key, None)
            title = whole(ctx.facts, p).display[len(m.group(1)) + 1 :].strip()
            if not is_upper(title):
                ctx.emit(
                    "heading.format", p, "Đề mục La Mã (I., II., …) viết in hoa",
                    f"{m.group(1)}. {title.upper()}"[:40], f"{m.group(1)}. {title}"[:40],
                )  # fmt: skip
            if not p.bold:
                ctx.emit(
                    "heading.format", p, "Đề mục La Mã (I., II., …) in đậm", "chữ đậm",
                    "chữ thường",
                )  # fmt: skip
        elif SUB.match(text):
            _sub(ctx, p, counters, SUB.match(text).group(1))  # type: ignore[union-attr]
            counters.pop("letter", None)
        elif m := ARABIC.match(text):
            _next(ctx, p, counters, "arabic", m.group(1), shown="{}.")
            counters.pop("sub", None)
            counters.pop("letter", None)
        elif m := LETTER.match(text):
            _letter(ctx, p, counters, m.group(1))


def _next(
    ctx: Ctx,
    p: ParagraphFacts,
    counters: dict[str, object],
    key: str,
    label: str,
    *,
    roman: bool = False,
    shown: str,
) -> None:
    value = roman_value(label) if roman else int(label)
    if value is None:
        return
    previous = counters.get(key, 0)
    assert isinstance(previous, int)
    if value != previous + 1:
        want = to_roman(previous + 1) if roman else str(previous + 1)
        ctx.emit(
            "heading.sequence",
            p,
            "Đề mục đánh số không liên tục",
            shown.format(want),
            shown.format(label),
        )
    counters[key] = value


def _sub(ctx: Ctx, p: ParagraphFacts, counters: dict[str, object], label: str) -> None:
    """``1.1.``, ``1.2.``, ``1.2.1.`` …: each number follows the last one under the same parent
    (so ``2.2.`` after ``2.1.3.`` is right), and the first part is the current ``2.``."""
    parts = [int(x) for x in label.split(".")]
    parent, last = tuple(parts[:-1]), parts[-1]
    arabic = counters.get("arabic")
    seen = counters.setdefault("sub", {})
    assert isinstance(seen, dict)
    want = seen.get(parent, 0) + 1
    if isinstance(arabic, int) and parent[0] != arabic or last != want:
        head = arabic if isinstance(arabic, int) else parent[0]
        good = [head, *parent[1:], want]
        ctx.emit(
            "heading.sequence",
            p,
            "Đề mục đánh số không liên tục",
            ".".join(map(str, good)) + ".",
            label + ".",
        )
    seen[parent] = last


def _letter(ctx: Ctx, p: ParagraphFacts, counters: dict[str, object], letter: str) -> None:
    previous = counters.get("letter")
    want = (
        VI_LETTERS[VI_LETTERS.index(previous) + 1]
        if isinstance(previous, str) and previous in VI_LETTERS[:-1]
        else "a"
    )
    if letter != want:
        ctx.emit(
            "heading.sequence",
            p,
            "Điểm đánh theo thứ tự chữ cái tiếng Việt (a, b, c, d, đ, e, g, …)",
            f"{want})",
            f"{letter})",
        )
    counters["letter"] = letter
