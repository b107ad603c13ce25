"""Where the official elements of a document are: found by their text patterns and positions,
never by style ids, so a document typed by hand is read like one vanban produced.

:func:`locate` returns a :class:`Layout`: the header elements (Quốc hiệu, Tiêu ngữ or
``ĐẢNG CỘNG SẢN VIỆT NAM``, agency lines, the rules under them, số/ký hiệu, place and date),
the title block (type, abstract, its rule), kính gửi, the body paragraphs, the signature
block (authority, title, name) and the nơi nhận block. Anything not found is None / empty;
the rules decide whether that is a problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from vanban.check.docx_model import DocFacts, ParagraphFacts
from vanban.check.spans import RuleMark, Span, following, is_rule_text, rule_under, segments, whole
from vanban.check.text import fold, is_all_caps_words, is_upper
from vanban.the_thuc.loai_van_ban import LoaiVanBan

#: Known document types by their folded name (``quyết định``): see :func:`types_table`.
Types = Mapping[str, LoaiVanBan]

#: Titles of tables issued as documents (not types of Phụ lục III), recognised by their first
#: words: ``BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2021``. Their ký hiệu has no type abbreviation to check.
TABLE_TITLES = ("bảng chấm điểm", "bảng tổng hợp", "bảng xếp hạng", "bảng tiêu chí")

_QH = "cộng hòa xã hội chủ nghĩa việt nam"
_DH = "đảng cộng sản việt nam"
_TN = re.compile(r"độc lập ?- ?tự do ?- ?hạnh phúc")
_SO = re.compile(r"^số\b")
_DATE = re.compile(
    r"\bngày\b.*\btháng\b.*\bnăm\b|\btháng\b.*\bnăm\b\s*\d{4}|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}"
)
_MARKS = {"hỏa tốc", "thượng khẩn", "khẩn", "tuyệt mật", "tối mật", "mật", "dự thảo"}
PREFIX = re.compile(r"^(T/M|K/T|T/L|T\.M\.?|K\.T\.?|T\.L\.?|TM|KT|TL|TUQ|Q\.)(?=[\s.:])[.:]?\s*")
_AGENCY_HEAD = re.compile(
    r"^(UBND|HĐND|ỦY BAN|UỶ BAN|BỘ|SỞ|TỔNG CỤC|CỤC|CHI CỤC|VỤ|BAN|HỘI ĐỒNG|HỘI|PHÒNG|"
    r"TRUNG TÂM|VIỆN|HỌC VIỆN|TRƯỜNG|ĐẠI HỌC|BỆNH VIỆN|VĂN PHÒNG|THANH TRA|KHO BẠC|"
    r"CÔNG AN|BỘ CHỈ HUY|TÒA ÁN|VIỆN KIỂM SÁT|NGÂN HÀNG|CÔNG TY|TẬP ĐOÀN|CHÍNH PHỦ|"
    r"ĐẢNG BỘ|ĐẢNG ỦY|ĐẢNG UỶ|ĐẢNG ĐOÀN|BAN CÁN SỰ|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|"
    r"HUYỆN ỦY|HUYỆN UỶ|QUẬN ỦY|QUẬN UỶ|THỊ ỦY|THỊ UỶ|CHI BỘ|CHI ỦY|ĐẢNG ỦY KHỐI|"
    r"LIÊN ĐOÀN|TỔNG LIÊN ĐOÀN|LĐLĐ|CÔNG ĐOÀN|CĐ[A-ZĐ]*|ĐOÀN|MẶT TRẬN|UBMTTQ)\b"
)
_NOI_NHAN = re.compile(r"^n[ơo]i nh[ậa]n\b")
_KINH_GUI = re.compile(r"^kính gửi\b")
_PARENTHETICAL = re.compile(r"^\(.*\)$")


@dataclass
class Signature:
    """The signature block: authority lines (with prefix), title lines, the name."""

    spans: list[Span]
    authority: list[Span] = field(default_factory=list)
    titles: list[Span] = field(default_factory=list)
    name: Span | None = None
    gap_pt: float = 0.0


@dataclass
class Layout:
    facts: DocFacts
    header: list[Span] = field(default_factory=list)
    quoc_hieu: Span | None = None
    tieu_ngu: Span | None = None
    dang_hieu: Span | None = None
    agency: list[Span] = field(default_factory=list)
    agency_parent: list[Span] = field(default_factory=list)
    under_agency: RuleMark | None = None
    under_tieu_ngu: RuleMark | None = None
    under_dang_hieu: RuleMark | None = None
    so: Span | None = None
    date: Span | None = None
    cong_van: list[Span] = field(default_factory=list)
    draft: bool = False
    title: Span | None = None
    abstract: list[Span] = field(default_factory=list)
    under_abstract: RuleMark | None = None
    kinh_gui: Span | None = None
    kinh_gui_items: list[Span] = field(default_factory=list)
    body: list[ParagraphFacts] = field(default_factory=list)
    signature: Signature | None = None
    #: A second signature on the left of the signer's row, where nơi nhận would stand: THƯ KÝ
    #: of a biên bản (CHỦ TỌA signs right), the unit head or the certifying level of a báo cáo
    #: thành tích.
    countersign: Signature | None = None
    noi_nhan: Span | None = None
    noi_nhan_items: list[Span] = field(default_factory=list)

    types: Types = field(default_factory=dict)

    @property
    def type_key(self) -> str | None:
        return fold(self.title.text) if self.title else None

    @property
    def doc_type(self) -> LoaiVanBan | None:
        """The title's document type, when it is a known one."""
        key = self.type_key
        if key is None:
            return None
        key = " ".join(key.split())
        found = self.types.get(key)
        if found is None and key.startswith(TABLE_TITLES):
            # the criteria table is the blank of the scoring table ("BẢNG TIÊU CHÍ ĐÁNH GIÁ VÀ
            # CHẤM ĐIỂM THI ĐUA …")
            key = key.replace("bảng tiêu chí đánh giá và chấm điểm", "bảng chấm điểm", 1)
            # a table's title goes on with its year or subject ("BẢNG CHẤM ĐIỂM THI ĐUA NĂM
            # 2021"): the longest registered table type it starts with
            tables = [t for name, t in self.types.items() if key.startswith(name)]
            found = max(tables, key=lambda t: len(t.ten), default=None)
        return found


def types_table(types: Iterable[LoaiVanBan] | None = None) -> dict[str, LoaiVanBan]:
    """``types`` keyed by folded name; by default the types the template registry knows
    (Phụ lục III and every registered template's ``loai_van_ban``)."""
    if types is None:
        from vanban.templates import REGISTRY  # the registry loads templates: only when asked

        types = REGISTRY.loai_van_ban()
    return {fold(t.ten): t for t in types}


def locate(facts: DocFacts, types: Types | None = None) -> Layout:
    lay = Layout(facts, types=types if types is not None else types_table())
    paras = facts.paragraphs
    title_i = _find_title(paras, lay.types)
    limit = title_i if title_i is not None else _header_limit(paras)
    _header(lay, paras[:limit])
    after = limit
    if title_i is not None:
        lines = segments(facts, paras[title_i])
        lay.title, lay.abstract = lines[0], lines[1:]
        # A title vanban broke over lines ("BẢNG TIÊU CHÍ … / VÀ CHẤM ĐIỂM …"): capitalised
        # lines of the title's own paragraph continue it.
        while lay.abstract and lay.abstract[0].p is lay.title.p and is_upper(
                lay.abstract[0].text) and lay.abstract[0].text.strip():
            lay.title = replace(lay.title, end=lay.abstract.pop(0).end)
        after = _title_block(lay, title_i)
    after = _kinh_gui(lay, after)
    sig_start = _signature_and_noi_nhan(lay, after)
    lay.body = [p for p in paras[after:sig_start] if p.in_table is None and p.text.strip()]
    return lay


# ------------------------------------------------------------------ header


def _find_title(paras: list[ParagraphFacts], types: Types) -> int | None:
    for p in paras[:60]:
        first = fold(p.text.strip().split("\n")[0])
        if (first in types or first.startswith(TABLE_TITLES)) and not _is_header_cell(p):
            return p.index
    return None


def _is_header_cell(p: ParagraphFacts) -> bool:
    return p.in_table is not None and p.in_table.cell > 0 and p.index < 3


def _header_limit(paras: list[ParagraphFacts]) -> int:
    for p in paras[:40]:
        text = fold(p.text)
        if _KINH_GUI.match(text) or (p.in_table is None and len(text) > 150):
            return p.index
    return min(len(paras), 25)


def _header_spans(lay: Layout, paras: list[ParagraphFacts]) -> list[Span]:
    """Segments of the header lines; in a header typed with tabs, a line with one segment is
    on the left when it has no more tabs before it than the left column of two-column lines."""
    lines = [segments(lay.facts, p) for p in paras]
    lefts = [line[0].tabs for line in lines if len(line) > 1 and line[0].p.in_table is None]
    base = min(lefts, default=0)
    out = []
    for line in lines:
        for span in line:
            if len(line) == 1 and span.p.in_table is None and span.tabs and lefts:
                span = replace(span, side="left" if span.tabs <= base else "right")
            out.append(span)
    return out


def _header(lay: Layout, paras: list[ParagraphFacts]) -> None:
    facts = lay.facts
    seen_so = False
    for span in _header_spans(lay, paras):
        lay.header.append(span)
        key = fold(span.text)
        if _QH in key and lay.quoc_hieu is None:
            lay.quoc_hieu = span
        elif _TN.search(key) and lay.tieu_ngu is None:
            lay.tieu_ngu = span
        elif _DH in key and lay.dang_hieu is None:
            lay.dang_hieu = span
        elif _SO.match(key) and lay.so is None:
            lay.so, seen_so = span, True
        elif key.startswith("v/v"):
            lay.cong_van.append(span)
        elif _DATE.search(key) and lay.date is None:
            lay.date = span
        elif key in _MARKS or key.startswith("dự thảo"):
            lay.draft = lay.draft or key.startswith("dự thảo")
        elif key.strip("* ") == "" or is_rule_text(span.text):
            continue
        elif span.side in ("left", "full") and not seen_so and not lay.cong_van:
            lay.agency.append(span)
        elif span.side == "left" and (lay.cong_van or seen_so):
            lay.cong_van.append(span)
    _split_agency(lay)
    if lay.agency:
        star = _star_under(lay, lay.agency[-1])
        lay.under_agency = star or rule_under(facts, lay.agency[-1])
    if lay.tieu_ngu is not None:
        lay.under_tieu_ngu = rule_under(facts, lay.tieu_ngu)
    if lay.dang_hieu is not None:
        lay.under_dang_hieu = rule_under(facts, lay.dang_hieu)
    if lay.so is not None and "/" in lay.so.text:
        number = lay.so.text.split("/")[0].split("-")[0]
        lay.draft = lay.draft or not any(ch.isdigit() for ch in number)


def _split_agency(lay: Layout) -> None:
    """Parent agency vs issuing agency: a line opening with an agency word (SỞ, UBND, ĐẢNG
    ỦY…) starts a new name, and the last name is the issuer; with one name only, leading
    non-bold lines are the parent."""
    spans = lay.agency
    # a line break inside one paragraph continues the same name ("CÔNG ĐOÀN CƠ SỞ / BAN DÂN
    # TỘC / TỈNH BÌNH PHƯỚC", broken by vanban): only a new paragraph starts a new name
    starts = [k for k, s in enumerate(spans)
              if k == 0 or _AGENCY_HEAD.match(s.display) and s.p is not spans[k - 1].p]
    if len(starts) >= 2:
        k = starts[-1]
    else:
        k = 0
        while k < len(spans) - 1 and not spans[k].any_bold:
            k += 1
    lay.agency_parent, lay.agency = spans[:k], spans[k:]


def _star_under(lay: Layout, span: Span) -> RuleMark | None:
    for q in following(lay.facts, span.p, 2):
        for seg in segments(lay.facts, q):
            if seg.text.strip() and set(seg.text.strip()) <= {"*", " "}:
                return RuleMark("star", 0, False, q)
        if q.text.strip():
            break
    return None


# ------------------------------------------------------------------ title, kính gửi


def _title_block(lay: Layout, title_i: int) -> int:
    """Abstract lines under the title and the rule under them; returns the next index."""
    facts, paras = lay.facts, lay.facts.paragraphs
    i = title_i + 1
    while i < len(paras) and len(lay.abstract) < 4:
        p = paras[i]
        text = p.text.strip()
        if not text or is_rule_text(text) or _KINH_GUI.match(fold(text)):
            break
        if p.alignment != "center" and (lay.abstract or not _abstract_like(p)):
            break
        if lay.abstract and is_all_caps_words(text) and lay.type_key in _AUTHORITY_LINE:
            break  # the issuing authority line of a Quyết định / Nghị quyết / Chỉ thị
        lay.abstract.append(whole(facts, p))
        i += 1
    last = lay.abstract[-1] if lay.abstract else lay.title
    if last is not None:
        lay.under_abstract = rule_under(facts, last)
        if lay.under_abstract is not None:
            i = max(i, lay.under_abstract.p.index + 1)
    return i


_AUTHORITY_LINE = {"quyết định", "nghị quyết", "chỉ thị"}
_NUMBERED = re.compile(r"^([IVXLC]+|\d+(\.\d+)*|[a-zđ])[.)]\s|^(phần|chương|điều)\s", re.I)


def _abstract_like(p: ParagraphFacts) -> bool:
    """The line right under the title is its abstract, even mis-formatted, unless it looks
    like a heading, a căn cứ line or a body paragraph."""
    text = p.text.strip()
    return (
        len(text) < 250
        and not _NUMBERED.match(text)
        and not fold(text).startswith("căn cứ")
        and not (p.alignment == "both" and p.first_line_indent_twips > 0)
    )


def _kinh_gui(lay: Layout, start: int) -> int:
    facts, paras = lay.facts, lay.facts.paragraphs
    for p in paras[start : start + 6]:
        if p.in_table is not None:
            continue
        if _KINH_GUI.match(fold(p.text.strip())):
            lay.kinh_gui = whole(facts, p)
            i = p.index + 1
            while i < len(paras) and _kinh_gui_item(paras[i]):
                lay.kinh_gui_items.append(whole(facts, paras[i]))
                i += 1
            return i
        if p.text.strip():
            break
    return start


def _kinh_gui_item(p: ParagraphFacts) -> bool:
    """A recipient line under “Kính gửi:”: a dash line, or a short indented line ending in
    ``;``/``.`` that is not a body paragraph (those have a first-line indent)."""
    text = p.text.strip()
    if not text or p.in_table is not None:
        return False
    if text[:1] in ("-", "–", "+"):
        return True
    return (
        len(text) < 120
        and text.endswith((";", "."))
        and p.left_indent_twips > 0
        and p.first_line_indent_twips <= 0
    )


# ------------------------------------------------------------------ signature, nơi nhận


def _signature_and_noi_nhan(lay: Layout, body_start: int) -> int:
    """Find both blocks at the end of the document; returns where the body stops."""
    facts, paras = lay.facts, lay.facts.paragraphs
    noi = next(
        (p for p in reversed(paras[body_start:]) if _NOI_NHAN.match(fold(p.text.strip()))), None
    )
    sig_paras: list[ParagraphFacts] = []
    if noi is not None:
        lay.noi_nhan = whole(facts, noi)
        lines = segments(facts, noi)[1:]
        for q in following(facts, noi, 60):
            if PREFIX.match(q.text.strip()) and q.in_table is None:
                break
            lines += segments(facts, q)
        lay.noi_nhan_items = [s for s in lines if s.text.strip()]
        if noi.in_table is not None:
            ref = noi.in_table
            sig_paras = [
                q
                for q in paras
                if q.in_table is not None
                and q.in_table[:2] == ref[:2]
                and q.in_table.cell != ref.cell
            ]
    if not sig_paras:
        sig_paras = _signature_without_table(lay, body_start, noi)
        if noi is None and sig_paras and sig_paras[0].in_table is not None:
            sig_paras = _split_countersign(lay, sig_paras)
    starts = [p.index for p in sig_paras]
    if noi is not None:
        starts.append(_container_start(paras, noi))
    if sig_paras:
        lay.signature = _parse_signature(lay, sig_paras)
        starts.append(_container_start(paras, sig_paras[0]))
    return min([len(paras), *starts])


def _container_start(paras: list[ParagraphFacts], p: ParagraphFacts) -> int:
    if p.in_table is None:
        return p.index
    return next(q.index for q in paras if q.in_table and q.in_table.table == p.in_table.table)


def _signature_without_table(
    lay: Layout, body_start: int, noi: ParagraphFacts | None
) -> list[ParagraphFacts]:
    paras = lay.facts.paragraphs
    end = noi.index if noi is not None and noi.in_table is None else len(paras)
    window = paras[max(body_start, end - 30) : end]
    start = next((p for p in window if PREFIX.match(p.text.strip())), None)
    if start is None:
        # the uppercase title lines after the last body paragraph, wherever they stand
        for p in reversed([p for p in window if p.text.strip()]):
            text = p.text.strip()
            if len(text) > 80 or text.endswith((".", ";", ":", "./.")) or _NUMBERED.match(text):
                break
            if is_upper(text) and len(text) <= 60:
                start = p
        if start is None:
            return []
    if start.in_table is not None:
        return [q for q in paras if q.in_table and q.in_table[:3] == start.in_table[:3]]
    return [q for q in paras[start.index : end] if q.in_table is None]


def _split_countersign(lay: Layout, found: list[ParagraphFacts]) -> list[ParagraphFacts]:
    """Two signatures side by side (no nơi nhận): the right cell is the signer's, the left
    one a countersignature (THƯ KÝ | CHỦ TỌA). Returns the signer's paragraphs."""
    ref = found[0].in_table
    assert ref is not None
    row = [q for q in lay.facts.paragraphs
           if q.in_table is not None and q.in_table[:2] == ref[:2]]
    cells = sorted({q.in_table.cell for q in row if q.text.strip()})  # type: ignore[union-attr]
    if len(cells) < 2:
        return found
    left = [q for q in row if q.in_table.cell == cells[0]]  # type: ignore[union-attr]
    right = [q for q in row if q.in_table.cell == cells[-1]]  # type: ignore[union-attr]
    lay.countersign = _parse_signature(lay, left)
    return right


def _parse_signature(lay: Layout, paras: list[ParagraphFacts]) -> Signature:
    facts = lay.facts
    spans = [s for p in paras for s in segments(facts, p)]
    sig = Signature(spans)
    lines = [s for s in spans if not _PARENTHETICAL.match(s.text.strip())]
    k = 0
    while k < len(lines) and PREFIX.match(lines[k].text.strip()):
        k += 1
    sig.authority = lines[:k]
    rest = lines[k:]
    if not rest:
        return sig
    # title lines: up to the first blank paragraph (the space for the signature)
    titles = [rest[0]]
    for s in rest[1:]:
        between = [q for q in paras if titles[-1].index < q.index < s.index]
        if s.index != titles[-1].index and (between or not is_upper(s.text)):
            break
        titles.append(s)
    sig.titles = titles
    if len(rest) > len(titles):
        sig.name = rest[-1]
        sig.gap_pt = _gap_pt(paras, titles[-1].p, sig.name.p)
    return sig


def _gap_pt(paras: list[ParagraphFacts], above: ParagraphFacts, below: ParagraphFacts) -> float:
    """Vertical space between two paragraphs of the signature block, in points."""
    if above is below:
        return 0.0
    gap = (above.spacing_after_twips + below.spacing_before_twips) / 20
    for q in paras:
        if above.index < q.index < below.index:
            if q.shapes:
                return 1000.0
            gap += line_height_pt(q) + (q.spacing_before_twips + q.spacing_after_twips) / 20
    return gap


def line_height_pt(p: ParagraphFacts) -> float:
    """Height of one line of ``p`` in points (Times New Roman line height 1.15 em)."""
    size = p.size_pt or p.mark.size_pt
    if p.line_rule == "auto":
        return size * 1.15 * p.line_spacing / 240
    if p.line_rule == "exact":
        return p.line_spacing / 20
    return max(p.line_spacing / 20, size * 1.15)
