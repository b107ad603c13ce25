"""Body of ``bao-cao-khoi-thi-dua``: the values of mẫu số 02 (seed 002) its Word body reads
(headings, sentences and table headers are Word text in ``template.docx``,
``tools/build_word_bodies.py``; variables in docs/designer-eject.md), numbered without gaps.

The comparison table (II.1.2) goes to a landscape annex (numbered on its own) when it has more
than :data:`WIDE_COLUMNS` columns; the ranking table and proposals come from
:mod:`vanban.scoring.bloc` (the same figures as ``vanban compute``). Award lines of the members
are matched against the vocabulary and totalled per form (name, conferrer, received/proposed).
"""

from __future__ import annotations

from markupsafe import Markup
from vanban_templates.xep_hang_khoi_thi_dua.context import (
    PHU_LUC_BANG_CHAM_DIEM,
    annex_line,
    member_tables,
    proposals,
    ranking_rows,
)

from vanban.context import blocks
from vanban.context.inline import in_sentence, runs
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
from vanban.the_thuc.blocks import closing_sentence
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


#: The numbered headings: ``so.<key>`` is the heading's number ("I.", "2.", "2.1.") when the
#: section is printed, else "" (left out, the numbering closes up).
SECTIONS = ("tinh_hinh", "dac_diem", "trien_khai", "hoat_dong", "giao_uoc", "ket_qua",
            "thi_dua_khen_thuong", "phong_trao", "nhiem_vu_chinh_tri", "khen_thuong",
            "dien_hinh", "danh_gia", "uu_diem", "han_che", "nguyen_nhan", "phuong_huong",
            "nhiem_vu", "giai_phap", "kien_nghi")


def _doan(items: list[str]) -> list[Markup]:
    return [runs(t) for t in items]


def _award_rows(awards: list[tuple[kt.Award, list[str]]]) -> list[dict]:
    """Rows of the awards table (``r.tt``, ``r.ten``, ``r.nguoi_tang``, ``r.tap_the``,
    ``r.ca_nhan``, ``r.don_vi``), in legal rank order."""
    return [{"tt": str(n), "ten": a.ten, "nguoi_tang": a.nguoi_tang,
             "tap_the": so_dem(a.item.tap_the) if a.item.tap_the else "",
             "ca_nhan": so_dem(a.item.ca_nhan) if a.item.ca_nhan else "",
             "don_vi": ", ".join(m) + (" (đề nghị)" if a.item.trang_thai == "de_nghi" else "")}
            for n, (a, m) in enumerate(sorted(awards, key=_rank), start=1)]


def build_context(envelope: Envelope, family: Family, envelope_ctx: dict) -> dict:
    """The values the Word body (``template.docx``, ``tools/build_word_bodies.py``) reads; its
    headings, sentences and table headers are Word text. Documented in
    docs/designer-eject.md."""
    body: BaoCaoKhoiThiDua = envelope.noi_dung
    o = Outline()
    so = dict.fromkeys(SECTIONS, "")

    def head(key: str, level: int, present: object = True) -> None:
        if present:
            so[key] = o.number(level)

    members = _members(body)
    ky = f"năm {body.nam}" if body.loai == "tong-ket-nam" else f"6 tháng đầu năm {body.nam}"
    head("tinh_hinh", 1)
    head("dac_diem", 2)
    if body.hoat_dong or body.giao_uoc or body.khong_ky_giao_uoc or members:
        head("trien_khai", 2)
        head("hoat_dong", 3, body.hoat_dong)
        head("giao_uoc", 3)
    head("ket_qua", 1)
    head("thi_dua_khen_thuong", 2)
    head("phong_trao", 3, body.phong_trao)
    so_sanh: dict = {"bang": "", "tom_tat": "", "y": [], "nhan_xet": [], "phu_luc": False}
    wide_xml = ""
    if body.so_sanh is not None or body.ket_qua_nhiem_vu:
        head("nhiem_vu_chinh_tri", 3)
        if body.so_sanh is not None:
            wide = 2 + 3 * len(body.so_sanh.chi_tieu) > WIDE_COLUMNS
            xml = comparison_table(body.so_sanh, wide)
            # a wide table goes to a landscape annex after nơi nhận (issue 17: a landscape
            # section in the middle left the portrait page before it half empty)
            if wide:
                wide_xml = xml
            # what the table shows, computed from its figures (then the clerk's own remarks)
            first, *rest = comparison.summary(body.so_sanh)
            so_sanh = {"bang": "" if wide else xml, "tom_tat": runs(first),
                       "y": [blocks.gach(t)["runs"] for t in rest],
                       "nhan_xet": _doan(body.so_sanh.nhan_xet), "phu_luc": wide}
    awards, _ = _awards(body)
    xep_hang: dict | str = ""
    annex_members: list[dict] = []
    if awards or body.khen_thuong_doan or body.xep_hang:
        head("khen_thuong", 2)
        if body.xep_hang is not None:
            result = tinh_xep_hang(body.xep_hang)
            basis = [c.strip().rstrip(";,. ") for c in body.xep_hang.can_cu]
            lead = "; ".join(basis)
            if lead and not lead.lower().startswith(("căn cứ", "theo", "xét")):
                lead = "Căn cứ " + lead
            # the members' scoring tables go to the landscape annex (issue 17: in a portrait
            # column the level names stacked one word a line)
            annex_members = member_tables(body.xep_hang, wide=True)
            xep_hang = {
                "can_cu": in_sentence(lead), "nam": body.xep_hang.nam,
                "ten": in_sentence(body.xep_hang.khoi), "bang": ranking_rows(result),
                "de_nghi": proposals(body.xep_hang, result),
                "canh_bao": [in_sentence(c) for c in result.canh_bao],
                "bang_cham_diem_kem": in_sentence(", ".join(
                    u.ten for u in body.xep_hang.don_vi if u.bang_cham_diem is not None)),
            }
    head("dien_hinh", 2, body.dien_hinh)
    if body.danh_gia or body.uu_diem or body.han_che or body.nguyen_nhan:
        head("danh_gia", 1)
        for key in ("uu_diem", "han_che", "nguyen_nhan"):
            head(key, 2, getattr(body, key))
    if body.nhiem_vu or body.giai_phap or body.kien_nghi:
        head("phuong_huong", 1)
        for key in ("nhiem_vu", "giai_phap", "kien_nghi"):
            head(key, 2, getattr(body, key))
    signed = len(members) - len(body.khong_ky_giao_uoc)
    abstract = " ".join(envelope.trich_yeu.split()).rstrip(" .")
    ctx: dict = {
        "so": so,
        "ky": ky,
        "ten": in_sentence(body.khoi),
        "thanh_vien": in_sentence(", ".join(members)),
        "so_thanh_vien": so_dem(len(members)) if members else "",
        "so_ky_giao_uoc": so_dem(signed) if members else "",
        "khong_ky_giao_uoc": in_sentence(", ".join(body.khong_ky_giao_uoc)),
        "dac_diem": _doan(body.dac_diem),
        "hoat_dong": [blocks.gach(t)["runs"] for t in body.hoat_dong],
        "giao_uoc": _doan(body.giao_uoc),
        "phong_trao": _doan(body.phong_trao),
        "ket_qua_nhiem_vu": _doan(body.ket_qua_nhiem_vu),
        "so_sanh": so_sanh,
        "khen_thuong_doan": _doan(body.khen_thuong_doan),
        "khen_thuong_cau": _doan(kt.sentences([a for a, _ in awards], ky, family.tu_ca_nhan)),
        "bang_khen_thuong": _award_rows(awards),
        "xep_hang": xep_hang,
        "dien_hinh": _doan(body.dien_hinh),
        "danh_gia": _doan(body.danh_gia),
        "uu_diem": _doan(body.uu_diem),
        "han_che": _doan(body.han_che),
        "nguyen_nhan": _doan(body.nguyen_nhan),
        "nhiem_vu": _doan(body.nhiem_vu),
        "giai_phap": _doan(body.giai_phap),
        "kien_nghi": _doan(body.kien_nghi),
        "ket_luan": runs(closing_sentence(family, body.ket_luan))
        if body.ket_luan else "",
        "bao_cao_ve": in_sentence(abstract[:1].lower() + abstract[1:]),
        "ket_thuc": family.dau_ket,
    }
    split = True if wide_xml else None
    out: dict = {**ctx, "ngang": "", "khoi_sau": []}
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

