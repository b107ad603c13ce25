"""Signature and nơi nhận rules: authority prefix (TM., KT. … / T/M, K/T …), its consistency
with the signer's title (KT. needs a deputy, TM. a collective), style of the authority and
title lines, the signer's name, and the nơi nhận label, list and ``Lưu`` line."""

from __future__ import annotations

import re

from vanban.check.catalog import SECONDARY
from vanban.check.engine import Ctx, rule
from vanban.check.layout import PREFIX, Signature
from vanban.check.rules_common import check_dash_items, check_style
from vanban.check.spans import Span
from vanban.check.text import ALIGN_VI, fold, is_all_caps_words, is_upper, nfc

#: How a written prefix is read: canonical key → (State form, Party form).
_CANON = {
    "TM": "TM",
    "T/M": "TM",
    "T.M": "TM",
    "KT": "KT",
    "K/T": "KT",
    "K.T": "KT",
    "TL": "TL",
    "T/L": "TL",
    "T.L": "TL",
    "TUQ": "TUQ",
    "Q": "Q",
}
_POSTS = re.compile(
    r"^(phó |quyền )?(giám đốc|tổng giám đốc|chủ tịch|chủ nhiệm|bộ trưởng|thủ trưởng|"
    r"bí thư|hiệu trưởng|viện trưởng|chánh |trưởng |tổng cục trưởng|cục trưởng|vụ trưởng|"
    r"thứ trưởng|thủ tướng|tổng thư ký|thư ký|chủ tọa|kế toán trưởng|[a-zđ ]*trưởng\b)"
)
_ACADEMIC = re.compile(r"^(GS|PGS|TS|TSKH|ThS|Th\.S|KS|BS|CN|NCS|Ts|Gs)\.?\s", re.UNICODE)
#: Minimum space left for the hand signature between the title and the name (2 lines).
MIN_SIGNATURE_GAP_PT = 28.0


def _prefix(span: Span) -> tuple[str, str, str]:
    """(prefix as written, canonical key, text after it) of an authority line."""
    text = nfc(span.display).strip()
    m = PREFIX.match(text)
    if m is None:
        return "", "", text
    written = m.group(1)
    key = _CANON.get(written.rstrip(".").upper(), written.rstrip(".").upper())
    return text[: m.end()].strip(), key, text[m.end() :].strip()


def is_post(text: str) -> bool:
    """A single person's post (GIÁM ĐỐC, PHÓ CHỦ TỊCH…), not a collective body."""
    return bool(_POSTS.match(fold(text) + " "))


@rule("signature.prefix", "signature.format", "signature.consistency", "signature.name")
def signature(ctx: Ctx) -> None:
    sig = ctx.lay.signature
    if sig is None or not (sig.authority or sig.titles):
        ctx.emit(
            "signature.format",
            None,
            "Không tìm thấy phần quyền hạn, chức vụ, họ tên người ký",
            "QUYỀN HẠN, CHỨC VỤ (in hoa, đậm) và họ tên",
            "không có",
        )
        return
    forms = ctx.family.quyen_han
    for span in sig.authority:
        written, key, _ = _prefix(span)
        want = forms.get(key)
        if want is not None and not written.startswith(want):
            ctx.emit(
                "signature.prefix", span, "Viết tắt quyền hạn người ký chưa đúng", want, written
            )
        elif want is None:
            ctx.emit(
                "signature.prefix",
                span,
                "Quyền hạn ký không có trong quy định",
                ", ".join(forms.values()),
                written,
            )
    for span in sig.authority:
        _line(ctx, span, "Quyền hạn người ký", "chu_ky_quyen_han", bold=True)
    for span in sig.titles:
        bold = ctx.family.chuc_vu_bold
        _line(
            ctx,
            span,
            "Chức vụ người ký",
            "chu_ky_chuc_vu",
            bold=bold,
            mark=None if ctx.family.chuc_vu_bold else SECONDARY,
        )
    first = (sig.authority or sig.titles)[0]
    if not _on_right(ctx, first):
        ctx.emit(
            "signature.format",
            first,
            "Quyền hạn, chức vụ, họ tên người ký trình bày bên phải, dưới phần nội dung",
            "bên phải",
            "bên trái/giữa trang",
        )
    _consistency(ctx, sig)
    _name(ctx, sig)


def _on_right(ctx: Ctx, span: Span) -> bool:
    if span.side in ("right", "middle") or span.p.alignment == "right":
        return True
    page = ctx.facts.page
    text_width = (page.width_twips or 11906) - page.margins.left_twips - page.margins.right_twips
    return span.p.in_table is None and span.p.left_indent_twips >= text_width / 3


def _line(
    ctx: Ctx, span: Span, label: str, size_key: str, *, bold: bool, mark: str | None = None
) -> None:
    rid = "signature.format"
    if not is_upper(span.display):
        ctx.emit(rid, span, f"{label} viết in hoa", span.display.upper(), span.display)
    if bold and not span.bold:
        ctx.emit(rid, span, f"{label} in đậm", "chữ đậm", "chữ thường", mark=mark)
    elif not bold and span.any_bold:
        ctx.emit(rid, span, f"{label} không in đậm", "chữ thường", "chữ đậm", mark=mark)
    if span.any_italic:
        ctx.emit(rid, span, f"{label} kiểu chữ đứng", "chữ đứng", "chữ nghiêng")
    ctx.check_size(rid, span, size_key, label)


def _consistency(ctx: Ctx, sig: Signature) -> None:
    rid = "signature.consistency"
    forms = ctx.family.quyen_han
    lines = [(_prefix(s), s) for s in sig.authority]
    title = nfc(sig.titles[0].display).strip() if sig.titles else ""
    title_span = sig.titles[0] if sig.titles else sig.authority[-1]
    deputy = fold(title).startswith("phó ")
    for n, ((_, key, after), span) in enumerate(lines):
        nxt = lines[n + 1][0] if n + 1 < len(lines) else None
        if key == "KT":
            if not is_post(after):
                ctx.emit(
                    rid,
                    span,
                    f"{forms['KT']} ghi chức vụ của người đứng đầu, không ghi tên tập thể",
                    f"{forms['KT']} GIÁM ĐỐC",
                    f"{forms['KT']} {after}",
                )
            if nxt is None and not deputy:
                ctx.emit(
                    rid,
                    title_span,
                    f"Ký thay ({forms['KT']}) thì người ký là cấp phó",
                    f"{forms['KT']} {after} / PHÓ {after}"
                    if is_post(after)
                    else f"{forms['KT']} <chức vụ người đứng đầu> / PHÓ <chức vụ>",
                    f"{forms['KT']} {after} / {title}",
                )
            elif ctx.party and nxt is None and fold(title).startswith("phó bí thư"):
                ctx.emit(
                    rid,
                    title_span,
                    "Phó bí thư ký thay mặt tập thể (T/M), không ký K/T",
                    "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ",
                    f"K/T {after} / {title}",
                )
        elif key == "TM":
            if is_post(after):
                ctx.emit(
                    rid,
                    span,
                    f"{forms['TM']} ghi tên tập thể lãnh đạo, không ghi chức vụ",
                    f"{forms['TM']} ỦY BAN NHÂN DÂN",
                    f"{forms['TM']} {after}",
                )
            if nxt is None and deputy and not ctx.party:
                ctx.emit(
                    rid,
                    title_span,
                    f"Cấp phó ký thay người đứng đầu tập thể cần thêm dòng {forms['KT']}",
                    f"{forms['TM']} {after} / {forms['KT']} … / {title}",
                    f"{forms['TM']} {after} / {title}",
                )
        elif key in ("TL", "TUQ") and nxt is None and fold(title) == fold(after):
            ctx.emit(
                rid,
                title_span,
                f"{forms[key]} thì người ký là người được giao, không phải người đứng đầu",
                f"{forms[key]} {after} / CHÁNH VĂN PHÒNG",
                f"{forms[key]} {after} / {title}",
            )
    if not lines and deputy:
        ctx.emit(
            rid,
            title_span,
            f"Cấp phó ký thay người đứng đầu phải ghi {forms['KT']}",
            f"{forms['KT']} {title[4:]} / {title}",
            title,
        )


def _name(ctx: Ctx, sig: Signature) -> None:
    rid = "signature.name"
    name = sig.name
    if name is None:
        if not ctx.lay.draft:
            ctx.emit(
                rid,
                sig.titles[-1] if sig.titles else None,
                "Thiếu họ tên người ký",
                "Họ và tên, in thường, đậm",
                "không có",
            )
        return
    text = nfc(name.display).strip()
    if _ACADEMIC.match(text):
        ctx.emit(
            rid,
            name,
            "Không ghi học hàm, học vị trước họ tên người ký",
            _ACADEMIC.sub("", text),
            text,
        )
    if is_all_caps_words(text):
        ctx.emit(rid, name, "Họ tên người ký viết in thường (hoa chữ cái đầu)", text.title(), text)
    check_style(ctx, rid, name, "Họ tên người ký", bold=True)
    ctx.check_size(rid, name, "chu_ky_ho_ten", "Họ tên người ký")
    if sig.titles and name.p.alignment != sig.titles[0].p.alignment:
        ctx.emit(
            rid,
            name,
            "Họ tên người ký canh giữa dưới chức vụ",
            ALIGN_VI.get(sig.titles[0].p.alignment, sig.titles[0].p.alignment),
            ALIGN_VI.get(name.p.alignment, name.p.alignment),
        )
    if sig.gap_pt < MIN_SIGNATURE_GAP_PT:
        ctx.emit(
            rid,
            name,
            "Chưa chừa khoảng trống để ký giữa chức vụ và họ tên",
            f"≥ {MIN_SIGNATURE_GAP_PT:.0f} pt (khoảng 2 dòng trở lên)",
            f"{sig.gap_pt:.0f} pt",
        )


@rule("noi-nhan.label", "noi-nhan.items", "noi-nhan.luu")
def noi_nhan(ctx: Ctx) -> None:
    lay = ctx.lay
    label = lay.noi_nhan
    want = ctx.family.noi_nhan_label
    if label is None:
        # a second signature on the left replaces nơi nhận (biên bản: THƯ KÝ | CHỦ TỌA); a
        # báo cáo thành tích has no nơi nhận at all (NĐ 98/2023 Mẫu 01-03)
        if (lay.signature is not None and lay.countersign is None
                and lay.type_key != "báo cáo thành tích"):
            ctx.emit("noi-nhan.label", None, "Thiếu phần nơi nhận", want, "không có")
        return
    text = nfc(label.display).strip()
    rid = "noi-nhan.label"
    if not text.startswith(want):
        ctx.emit(rid, label, "Viết “Nơi nhận:” (chữ N hoa, có dấu hai chấm)", want, text[:12])
    if ctx.party:
        if not label.underlined:
            ctx.emit(
                rid, label, "“Nơi nhận:” của văn bản Đảng gạch chân", "gạch chân", "không gạch chân"
            )
    else:
        check_style(ctx, rid, label, "“Nơi nhận:”", bold=True, italic=True)
    ctx.check_size(rid, label, "noi_nhan_nhan", "“Nơi nhận:”")
    if label.side == "right":
        ctx.emit(
            rid,
            label,
            "“Nơi nhận:” ở bên trái, ngang hàng quyền hạn, chức vụ người ký",
            "bên trái",
            "bên phải",
        )
    sig = lay.signature
    if (
        sig is not None
        and sig.name is not None
        and label.p.in_table is None
        and sig.name.p.in_table is None
        and label.index > sig.name.index
    ):
        ctx.emit(
            rid,
            label,
            "“Nơi nhận:” ở bên trái, ngang hàng quyền hạn, chức vụ người ký",
            "ngang hàng chức vụ người ký",
            "dưới chữ ký",
        )
    _items(ctx)


def _items(ctx: Ctx) -> None:
    items = ctx.lay.noi_nhan_items
    rid = "noi-nhan.items"
    if not items:
        ctx.emit(
            rid, ctx.lay.noi_nhan, "Thiếu danh sách nơi nhận", "- …;  - Lưu: VT, …", "không có"
        )
        return
    check_dash_items(
        ctx, rid, [(span, nfc(span.display).strip()) for span in items], sample="- …",
        excerpt=12, last_name="dòng cuối",
        # Party offices end each line with a comma (seeds 000, 001; spec/the-thuc.md §2)
        sep="," if ctx.party else ";",
    )
    for span in items:
        check_style(ctx, rid, span, "Danh sách nơi nhận", bold=False, italic=False)
        ctx.check_size(rid, span, "noi_nhan_ds", "Danh sách nơi nhận")
    last = items[-1]
    text = nfc(last.display).strip()
    body = text.lstrip("-– ").strip()
    rid = "noi-nhan.luu"
    if not body.startswith("Lưu"):
        ctx.emit(
            rid,
            last,
            "Dòng cuối của nơi nhận là “- Lưu: VT, …”",
            "- Lưu Văn phòng …" if ctx.party else "- Lưu: VT, <đơn vị soạn thảo>.",
            text,
        )
        return
    if ctx.party:
        return
    if not re.match(r"^Lưu\s*:", body):
        ctx.emit(rid, last, "Sau chữ “Lưu” có dấu hai chấm", "- Lưu: VT, …", text)
    elif not re.match(r"^Lưu\s*:\s*VT\b", body):
        ctx.emit(
            rid,
            last,
            "Sau “Lưu:” là chữ viết tắt “VT” (văn thư)",
            "- Lưu: VT, …",
            text,
            mark=SECONDARY,
        )
