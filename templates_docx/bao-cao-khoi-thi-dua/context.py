"""Body of ``bao-cao-khoi-thi-dua`` → the blocks of mẫu số 02 (seed 002), numbered without gaps.

The comparison table (II.1.2) goes to a landscape annex (numbered on its own) when it has more
than :data:`WIDE_COLUMNS` columns; the ranking table and proposals come from
:mod:`vanban.scoring.bloc` (the same figures as ``vanban compute``). Award lines of the members
are matched against the vocabulary and totalled per form (name, conferrer, received/proposed).
"""

from __future__ import annotations

from vanban_templates.xep_hang_khoi_thi_dua.context import (
    PHU_LUC_BANG_CHAM_DIEM,
    annex_line,
    member_pointer,
    member_tables,
    proposal_sentences,
    ranking_table,
)

from vanban.context import blocks
from vanban.context.landscape import LANDSCAPE_TEXT_TWIPS
from vanban.context.outline import Outline
from vanban.context.tables import Cell, table
from vanban.errors import InputError, Problem
from vanban.model.envelope import Envelope
from vanban.model.khen_thuong import KhenThuong
from vanban.prose import khen_thuong as kt
from vanban.scoring.bloc import check_xep_hang, tinh_xep_hang
from vanban.scoring.compute import jnum
from vanban.scoring.rules import body_rules_raw
from vanban.the_thuc.families import TEXT_WIDTH_TWIPS, Family
from vanban.vi.numbers import so, so_dem
from vanban.vocab import find_award

from . import comparison
from .model import BaoCaoKhoiThiDua, SoSanh

Body = BaoCaoKhoiThiDua
#: The landscape annex that holds a wide comparison table, and the line that points to it.
PHU_LUC_TIEU_DE = "PHỤ LỤC"
PHU_LUC_TEN = "Kết quả thực hiện các chỉ tiêu trọng tâm của các đơn vị thành viên"
PHU_LUC_THAM_CHIEU = "(Số liệu chi tiết tại Phụ lục kèm theo Báo cáo này.)"
#: The annex's name when it holds the members' scoring tables (alone, or after the comparison).
#: (two lines, broken before "và": one line is wider than the landscape page at the title size)
PHU_LUC_CA_HAI = ("Kết quả thực hiện các chỉ tiêu trọng tâm\nvà bảng chấm điểm của các đơn vị "
                  "thành viên")
#: A comparison table wider than this many columns goes to a landscape annex.
WIDE_COLUMNS = 8


def _awards(body: BaoCaoKhoiThiDua) -> tuple[list[tuple[kt.Award, list[str]]], list[Problem]]:
    """Award lines totalled per (form, conferrer, status), each with its members."""
    groups: dict[tuple, tuple[kt.Award, list[str]]] = {}
    problems: list[Problem] = []
    for n, item in enumerate(body.khen_thuong):
        try:
            match = find_award(item.ten, item.nguoi_tang, path=f"noi_dung.khen_thuong[{n}].ten")
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        who = item.nguoi_tang or (match.award.nguoi_tang or "")
        key = (match.award.ten, who, item.trang_thai)
        if key not in groups:
            total = KhenThuong.model_construct(  # a sum, built up below (counts start at 0)
                ten=item.ten, nguoi_tang=item.nguoi_tang, tap_the=0, ca_nhan=0,
                trang_thai=item.trang_thai, danh_sach=[])
            groups[key] = (kt.Award(item=total, match=match, index=n), [])
        award, members = groups[key]
        award.item.tap_the += item.tap_the
        award.item.ca_nhan += item.ca_nhan
        award.item.danh_sach.extend(item.danh_sach)
        if item.don_vi not in members:
            members.append(item.don_vi)
    return list(groups.values()), problems


def _rank(group: tuple[kt.Award, list[str]]) -> tuple:
    return (group[0].match.rank_key, group[0].index)


def check_body(body: BaoCaoKhoiThiDua, path: str = "noi_dung") -> list[Problem]:
    out = _awards(body)[1]
    if body.so_sanh is not None:
        out += comparison.check_so_sanh(body.so_sanh, f"{path}.so_sanh")
    if body.xep_hang is not None:
        out += check_xep_hang(body.xep_hang, f"{path}.xep_hang")
    return out


def check(envelope: Envelope) -> list[Problem]:
    return check_body(envelope.noi_dung)


def check_raw(data: dict) -> list[Problem]:
    return body_rules_raw(data, BaoCaoKhoiThiDua, check_body)


def compute(envelope: Envelope) -> dict:
    body: BaoCaoKhoiThiDua = envelope.noi_dung
    out: dict = {"thanh_vien": len(_members(body)),
                 "ky_giao_uoc": len(_members(body)) - len(body.khong_ky_giao_uoc)}
    if body.so_sanh is not None:
        out["so_sanh"] = comparison.to_dict(body.so_sanh)
    awards, _ = _awards(body)
    out["khen_thuong"] = [{"ten": a.ten, "nguoi_tang": a.nguoi_tang, "tap_the": a.item.tap_the,
                           "ca_nhan": a.item.ca_nhan, "trang_thai": a.item.trang_thai,
                           "don_vi": members}
                          for a, members in sorted(awards, key=_rank)]
    if body.xep_hang is not None:
        out["xep_hang"] = tinh_xep_hang(body.xep_hang).to_dict()
    return out


def _members(body: BaoCaoKhoiThiDua) -> list[str]:
    if body.thanh_vien:
        return list(body.thanh_vien)
    return [u.ten for u in body.xep_hang.don_vi] if body.xep_hang else []


def _pct(v) -> str:
    return "" if v is None else so(jnum(v))


def comparison_table(s: SoSanh, wide: bool) -> str:
    head1: list = [Cell("TT", rowspan=2), Cell("Đơn vị", rowspan=2)]
    head2: list = []
    for t in s.chi_tieu:
        unit = f" ({t.don_vi_tinh})" if t.don_vi_tinh else ""
        head1.append(Cell(f"{t.ten}{unit}", colspan=3))
        head2 += ["Kế hoạch" if t.so_voi == "ke-hoach" else "Năm trước", "Thực hiện", "Tỷ lệ (%)"]
    rows: list[list] = []
    for n, row in enumerate(s.don_vi, start=1):
        cells: list = [str(n), Cell(row.don_vi, align="left")]
        for v in row.so_lieu:
            cells += ["" if v.chi_tieu is None else so(v.chi_tieu),
                      "" if v.thuc_hien is None else so(v.thuc_hien),
                      _pct(comparison.ty_le(v.thuc_hien, v.chi_tieu))]
        rows.append(cells)
    sums = comparison.totals(s)
    if any(sums):
        cells = ["", Cell("Toàn khối", bold=True, align="left")]
        for total in sums:
            cells += ["", "", ""] if total is None else [
                Cell(so(total["chi_tieu"]), bold=True), Cell(so(total["thuc_hien"]), bold=True),
                Cell("" if total["ty_le"] is None else so(total["ty_le"]), bold=True)]
        rows.append(cells)
    widths = [8, 40] + [13, 13, 11] * len(s.chi_tieu)
    return table([head1, head2], rows, widths,
                 total_twips=LANDSCAPE_TEXT_TWIPS if wide else TEXT_WIDTH_TWIPS)


def _awards_table(awards: list[tuple[kt.Award, list[str]]]) -> str:
    head = [["TT", "Hình thức khen thưởng, danh hiệu thi đua", "Cấp tặng, công nhận", "Tập thể",
             "Cá nhân", "Đơn vị"]]
    ordered = sorted(awards, key=_rank)
    rows = [[str(n), Cell(a.ten, align="left"), Cell(a.nguoi_tang, align="left"),
             so_dem(a.item.tap_the) if a.item.tap_the else "",
             so_dem(a.item.ca_nhan) if a.item.ca_nhan else "",
             Cell(", ".join(m) + (" (đề nghị)" if a.item.trang_thai == "de_nghi" else ""),
                  align="left")]
            for n, (a, m) in enumerate(ordered, start=1)]
    return table(head, rows, [10, 44, 30, 13, 14, 34])


def build_context(envelope: Envelope, family: Family, envelope_ctx: dict) -> dict:
    body: BaoCaoKhoiThiDua = envelope.noi_dung
    o = Outline()
    members = _members(body)
    ky = f"năm {body.nam}" if body.loai == "tong-ket-nam" else f"6 tháng đầu năm {body.nam}"

    o.heading(1, "Tình hình tổ chức triển khai hoạt động khối")
    o.heading(2, "Đặc điểm tình hình khối thi đua")
    if members:
        o.paragraph(f"{body.khoi} gồm {so_dem(len(members))} đơn vị thành viên: "
                    f"{', '.join(members)}.")
    o.paragraphs(body.dac_diem)
    if body.hoat_dong or body.giao_uoc or body.khong_ky_giao_uoc or members:
        o.heading(2, f"Tình hình triển khai hoạt động khối thi đua {ky}")
        if body.hoat_dong:
            o.heading(3, "Triển khai thực hiện các hoạt động của khối")
            o.bullets(body.hoat_dong)
        o.heading(3, "Việc tổ chức ký giao ước thi đua của khối")
        if members:
            signed = len(members) - len(body.khong_ky_giao_uoc)
            text = (f"Có {so_dem(signed)}/{so_dem(len(members))} đơn vị thành viên tham gia ký "
                    "giao ước thi đua")
            if body.khong_ky_giao_uoc:
                text += f"; các đơn vị không ký giao ước: {', '.join(body.khong_ky_giao_uoc)}"
            o.paragraph(text + ".")
        o.paragraphs(body.giao_uoc)

    o.heading(1, "Kết quả đạt được")
    o.heading(2, "Kết quả đạt được trong phong trào thi đua, công tác khen thưởng")
    if body.phong_trao:
        o.heading(3, "Phong trào thi đua của khối và các đơn vị thành viên")
        o.paragraphs(body.phong_trao)
    split, wide_xml = None, ""
    annex_members: list[dict] = []
    if body.so_sanh is not None or body.ket_qua_nhiem_vu:
        o.heading(3, "Kết quả thực hiện nhiệm vụ chính trị của các thành viên trong khối")
        o.paragraphs(body.ket_qua_nhiem_vu)
        if body.so_sanh is not None:
            wide = 2 + 3 * len(body.so_sanh.chi_tieu) > WIDE_COLUMNS
            xml = comparison_table(body.so_sanh, wide)
            if wide:
                # a wide table goes to a landscape annex after nơi nhận (issue 17: a landscape
                # section in the middle left the portrait page before it half empty)
                split, wide_xml = len(o.blocks), xml
            else:
                o.table(xml)
            # what the table shows, computed from its figures (then the clerk's own remarks)
            first, *rest = comparison.summary(body.so_sanh)
            o.paragraph(first)
            o.bullets(rest)
            o.paragraphs(body.so_sanh.nhan_xet)
            if split is not None:
                o.paragraph(PHU_LUC_THAM_CHIEU)

    awards, _ = _awards(body)
    if awards or body.khen_thuong_doan or body.xep_hang:
        o.heading(2, "Công tác khen thưởng")
        o.paragraphs(body.khen_thuong_doan)
        o.paragraphs(kt.sentences([a for a, _ in awards], ky, family.tu_ca_nhan))
        if awards:
            o.table(_awards_table(awards))
        if body.xep_hang is not None:
            result = tinh_xep_hang(body.xep_hang)
            basis = [c.strip().rstrip(";,. ") for c in body.xep_hang.can_cu]
            lead = "; ".join(basis)
            if lead and not lead.lower().startswith(("căn cứ", "theo", "xét")):
                lead = "Căn cứ " + lead
            o.paragraph(f"{lead + ', k' if lead else 'K'}ết quả chấm điểm, xếp hạng thi đua năm "
                        f"{body.xep_hang.nam} của {body.xep_hang.khoi} như sau:")
            o.table(ranking_table(result))
            o.paragraphs(proposal_sentences(body.xep_hang, result) + result.canh_bao)
            # the members' scoring tables go to the landscape annex (issue 17: in a portrait
            # column the level names stacked one word a line)
            annex_members = member_tables(body.xep_hang, wide=True)
            pointer = member_pointer(body.xep_hang)
            if pointer:
                o.paragraph(pointer)
    if body.dien_hinh:
        o.heading(2, "Công tác tuyên truyền, nhân rộng các gương điển hình tiên tiến")
        o.paragraphs(body.dien_hinh)

    if body.danh_gia or body.uu_diem or body.han_che or body.nguyen_nhan:
        o.heading(1, "Đánh giá tổng quát")
        o.paragraphs(body.danh_gia)
        for title, items in (("Ưu điểm", body.uu_diem), ("Hạn chế, tồn tại", body.han_che),
                             ("Nguyên nhân", body.nguyen_nhan)):
            if items:
                o.heading(2, title)
                o.paragraphs(items)
    if body.nhiem_vu or body.giai_phap or body.kien_nghi:
        o.heading(1, "Phương hướng nhiệm vụ")
        for title, items in (
                ("Nhiệm vụ chủ yếu trong hoạt động của khối", body.nhiem_vu),
                ("Những giải pháp để nâng cao chất lượng hoạt động của khối", body.giai_phap),
                ("Kiến nghị, đề xuất của khối thi đua", body.kien_nghi)):
            if items:
                o.heading(2, title)
                o.paragraphs(items)
    abstract = " ".join(envelope.trich_yeu.split()).rstrip(" .")
    closing = body.ket_luan or (f"Trên đây là báo cáo {abstract[:1].lower() + abstract[1:]} "
                                f"của {envelope_ctx['co_quan_trong_cau']}")
    o.closing(closing.rstrip(" .") + (family.ket_thuc or "."))
    out: dict = {"khoi": o.blocks, "ngang": "", "khoi_sau": []}
    if split is not None or annex_members:
        name = (PHU_LUC_CA_HAI if split is not None and annex_members
                else PHU_LUC_TEN if split is not None else PHU_LUC_BANG_CHAM_DIEM)
        # the title names both parts; each member's table comes under its own lead-in line
        annex: list[dict] = [blocks.bang(wide_xml)] if split is not None else []
        annex.extend(annex_members)
        out["phu_luc"] = {
            "tieu_de": [PHU_LUC_TIEU_DE, *name.upper().split("\n")],
            "kem_theo": annex_line(envelope, envelope_ctx),
            "khoi": annex,
            "ngang": True,
        }
    return out

