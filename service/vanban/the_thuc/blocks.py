"""The official elements as render-ready text: header, số/ký hiệu, place-date, signature, nơi nhận.

This is where each element's *content* is decided (case, punctuation, zero padding, prefix per
family); where it stands on the page and in which size is decided by the family's content
block ``content_blocks/<family>.docx`` (built from :mod:`vanban.the_thuc.families`).

Everything returned is plain text except the rule paragraphs (:class:`Rule`), which are whole
``<w:p>`` elements because their length depends on the text above them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from vanban.the_thuc.families import (
    HEADER_LEFT_TWIPS,
    HEADER_RIGHT_TWIPS,
    TEXT_WIDTH_TWIPS,
    TIEU_NGU,
    Family,
)
from vanban.the_thuc.metrics import text_width_pt
from vanban.vi.dates import KHOANG_TRONG, NgayThang, dong_ngay

#: Short rules are this share of the text they underline (the decree: 1/3 to 1/2).
RULE_SHARE = 0.42


@dataclass(frozen=True)
class Rule:
    """A horizontal rule drawn as the top border of an empty, indented paragraph.

    The 4 pt before the paragraph keep the rule clear of the descenders of the text above.
    """

    width_twips: int
    cell_twips: int
    style: str = "single"

    @property
    def indent(self) -> int:
        return max(0, (self.cell_twips - self.width_twips) // 2)

    def __html__(self) -> str:  # rendered by Jinja as raw XML
        return (
            f'<w:p><w:pPr><w:pBdr><w:top w:val="{self.style}" w:sz="6" w:space="1" '
            'w:color="000000"/></w:pBdr><w:spacing w:before="80" w:after="0" w:line="120" '
            f'w:lineRule="exact"/><w:ind w:left="{self.indent}" w:right="{self.indent}"/>'
            '<w:jc w:val="center"/><w:rPr><w:sz w:val="4"/><w:szCs w:val="4"/></w:rPr>'
            "</w:pPr></w:p>"
        )

    def __str__(self) -> str:
        return Markup(self.__html__())


def upper(text: str) -> str:
    """Upper case for the elements the decree sets in capitals (Vietnamese-aware)."""
    return text.upper()


def so_ky_hieu(family: Family, so: int | None, ky_hieu: str) -> str:
    """``Số: 05/BC-SNV`` (State, union), ``Số 05-BC/ĐUK`` (Party), ``Số: 05-HD/TWĐTN-VP``
    (Đoàn): the family's prefix and joint; in a draft the number is the same blank the date
    line leaves for the signer."""
    number = KHOANG_TRONG if so is None else f"{so:02d}"
    return f"{family.so_prefix} {number}{family.noi_so}{ky_hieu}"


def ky_hieu(family: Family, loai_viet_tat: str, co_quan_viet_tat: str,
            don_vi_soan_thao: str | None = None) -> str:
    """Ký hiệu: ``BC-SNV`` (+ ``-TĐKT``) for State; ``BC/ĐUK`` for Party; ``HD/TWĐTN-VP`` for
    the Đoàn; a công văn has no type (or the family's own, ``CV``)."""
    head = f"{loai_viet_tat}{family.noi_loai}{co_quan_viet_tat}" if loai_viet_tat else (
        co_quan_viet_tat)
    if family.don_vi_trong_ky_hieu and don_vi_soan_thao:
        return f"{head}-{don_vi_soan_thao}"
    return head


def dia_danh_ngay(dia_danh: str, ngay: NgayThang) -> str:
    return f"{dia_danh}, {dong_ngay(ngay)}"


def quyen_han_line(family: Family, quyen_han: str | None, thay_cho: str | None) -> str:
    if not quyen_han:
        return ""
    return f"{family.quyen_han[quyen_han]} {upper(thay_cho or '')}".strip()


def quyen_han_lines(family: Family, quyen_han: str | None, thay_cho: str | None,
                    ky_thay: str | None = None) -> list[str]:
    """The authority lines above the signer's title (Điều 13): ``TM. ỦY BAN NHÂN DÂN`` and,
    when a deputy signs for the collective, ``KT. CHỦ TỊCH``."""
    lines = [quyen_han_line(family, quyen_han, thay_cho)] if quyen_han else []
    if quyen_han == "TM" and ky_thay:
        lines.append(quyen_han_line(family, "KT", ky_thay))
    return lines


def closing_sentence(family: Family, text: str) -> str:
    """The clerk's closing sentence ending with the family's mark (State, trade union, Đoàn:
    ``./.``; Party: a full stop). The sentence is kept as typed, the mark added unless it is
    there: "… thực hiện." → "… thực hiện./.", "… thực hiện./." unchanged."""
    text = text.rstrip()
    mark = family.dau_ket
    if text.endswith(mark):
        return text
    if mark.startswith(".") and text.endswith("."):
        return text + mark[1:]
    return text + mark


def _strip_end(text: str) -> str:
    return text.rstrip().rstrip(";,.").rstrip()


def _strip_dash(text: str) -> str:
    text = text.strip()
    return text[1:].lstrip() if text[:1] in "-–" else text


def dash_list(items: list[str], sep: str = ";") -> list[str]:
    """``- A;`` … ``- Z.``: each on its own line, ``sep`` after each (semicolons; commas in
    Party nơi nhận), a period after the last."""
    out = []
    for n, item in enumerate(items):
        end = "." if n == len(items) - 1 else sep
        out.append(f"- {_strip_end(_strip_dash(item))}{end}")
    return out


#: The filing line "Lưu: VT, …" — not the recipient "Lưu trữ tỉnh" (the provincial archives).
_LUU = re.compile(r"^(Lưu)(?!\s+trữ\b)(?=[\s:])\s*:?\s*", re.IGNORECASE)


def with_filing_line(items: list[str], unit: str | None = None) -> list[str]:
    """The recipients, ending with the filing line the decree requires: when the data has no
    ``Lưu …`` line, ``Lưu: VT`` (plus the drafting unit) is added — every document is filed."""
    if any(_LUU.match(item.strip()) for item in items):
        return list(items)
    return [*items, "Lưu: VT" + (f", {unit.strip()}" if unit and unit.strip() else "")]


def noi_nhan_lines(family: Family, items: list[str]) -> list[str]:
    """Nơi nhận as a dash list; the filing line is ``Lưu: VT, …`` in State and union documents
    (Phụ lục I) and ``Lưu …`` without a colon in Party documents (36-HD/VPTW): the family's
    :attr:`~vanban.the_thuc.families.Family.luu_sau`. Party lines end with a comma, the last
    with a period (``- BTV Đảng ủy Khối,`` … ``- Lưu Văn phòng ĐUK.``: seeds 000 and 001,
    spec/the-thuc.md §2), State and union lines with a semicolon: the family's
    :attr:`~vanban.the_thuc.families.Family.noi_nhan_cuoi_dong`."""
    lines = dash_list(items, family.noi_nhan_cuoi_dong)
    sep = family.luu_sau
    return [f"- {_LUU.sub(lambda m: m.group(1) + sep, line[2:], count=1)}"
            if _LUU.match(line[2:]) else line for line in lines]


def kinh_gui_lines(items: list[str]) -> list[str]:
    if len(items) == 1:
        return [items[0].strip()]
    return dash_list(items)


def rule_under(text_lines: list[str], size_pt: float, *, bold: bool, cell_twips: int,
               share: float = RULE_SHARE, style: str = "single") -> Rule:
    """A rule ``share`` as long as the longest line (capped at the cell's width)."""
    longest = max((text_width_pt(t, size_pt, bold=bold) for t in text_lines), default=0.0)
    text_twips = min(int(longest * 20), cell_twips)
    return Rule(int(text_twips * share), cell_twips, style)


def rules(family: Family, co_quan_ten: str, trich_yeu_lines: list[str]) -> dict[str, Rule]:
    s = family.sizes
    right_text = family.header_right[-1]
    right_size = s.tieu_ngu if right_text == TIEU_NGU else s.quoc_hieu
    return {
        "co_quan": rule_under(co_quan_ten.splitlines() or [co_quan_ten], s.co_quan, bold=True,
                              cell_twips=HEADER_LEFT_TWIPS),
        "tieu_ngu": rule_under([right_text], right_size, bold=True,
                               cell_twips=HEADER_RIGHT_TWIPS, share=1.0),
        "trich_yeu": rule_under(trich_yeu_lines, s.trich_yeu, bold=True,
                                cell_twips=TEXT_WIDTH_TWIPS,
                                style=family.gach_trich_yeu),
    }
