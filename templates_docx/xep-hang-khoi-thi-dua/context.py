"""Body of ``xep-hang-khoi-thi-dua``: the bloc's ranking table and its proposals, as values its
Word body reads (sentences and the table's header are Word text in ``template.docx``,
``tools/build_word_bodies.py``; variables in docs/designer-eject.md).

Căn cứ lines, one sentence on the bloc, the table (hạng · đơn vị · điểm các nội dung · điểm
thưởng · điểm trừ · tổng điểm · ghi chú; ties share a rank, "không xét" last), then the proposals
(each form with its units, in rank order) and any warning about a tie at a proposal's edge.
Every figure comes from :func:`vanban.scoring.bloc.tinh_xep_hang` — the same as
``vanban compute``.
"""

from __future__ import annotations

from vanban_templates.bang_cham_diem.context import scoring_table

from vanban.context import blocks
from vanban.context.danh_sach_khen_thuong import so_van_ban
from vanban.context.inline import in_sentence
from vanban.context.tables import Cell, table
from vanban.errors import Problem
from vanban.model.envelope import Envelope
from vanban.model.xep_hang_khoi_thi_dua import XepHangKhoiThiDua
from vanban.scoring.bloc import check_xep_hang, tinh_xep_hang
from vanban.scoring.compute import cham_diem, so_diem
from vanban.scoring.ranking import XepHang
from vanban.scoring.rules import body_rules_raw
from vanban.the_thuc.families import Family
from vanban.vi.dates import NgayThang, dong_ngay
from vanban.vi.numbers import so_dem

Body = XepHangKhoiThiDua

WIDTHS = (15, 47, 17, 16, 15, 16, 39)
#: The landscape annex holding the members' scoring tables (issue 17: in a portrait column a
#: level name stacked one word a line, "Hoàn / thành / xuất sắc / nhiệm / vụ: 10").
PHU_LUC_BANG_CHAM_DIEM = "Bảng chấm điểm của các đơn vị thành viên"
KHONG_XET = "Không xét thi đua"


def check(envelope: Envelope) -> list[Problem]:
    return check_xep_hang(envelope.noi_dung)


def check_raw(data: dict) -> list[Problem]:
    return body_rules_raw(data, XepHangKhoiThiDua, check_xep_hang)


def compute(envelope: Envelope) -> dict:
    return tinh_xep_hang(envelope.noi_dung).to_dict()


def _note(unit) -> str:
    parts = []
    if unit.khong_xet:
        parts.append(KHONG_XET)
    if unit.de_nghi:
        parts.append(f"Đề nghị {unit.de_nghi}")
    if unit.ghi_chu:
        parts.append(unit.ghi_chu)
    return "; ".join(parts)


def ranking_table(result: XepHang) -> str:
    head = [["Hạng", "Đơn vị", "Điểm các nội dung", "Điểm thưởng", "Điểm trừ", "Tổng điểm",
             "Ghi chú"]]
    rows = [[str(u.hang) if u.hang else "—", Cell(u.ten, align="left"), so_diem(u.diem),
             so_diem(u.diem_thuong), so_diem(u.diem_tru), Cell(so_diem(u.tong), bold=True),
             Cell(_note(u), align="left")] for u in result.don_vi]
    return table(head, rows, WIDTHS)


def proposal_sentences(body: XepHangKhoiThiDua, result: XepHang) -> list[str]:
    out = []
    for d, (form, names) in zip(body.de_nghi, result.de_nghi, strict=True):
        who = f"{d.nguoi_tang} tặng " if d.nguoi_tang else ""
        out.append(f"Đề nghị {who}{form} ({so_dem(len(names))} đơn vị): {', '.join(names)}.")
    return out


def member_tables(body: XepHangKhoiThiDua, wide: bool = False) -> list[dict]:
    """The scoring tables members sent, each under its name: nothing the user typed is
    dropped, and the bloc sees how each total was reached (``wide``: on a landscape page)."""
    out = []
    for u in body.don_vi:
        if u.bang_cham_diem is None:
            continue
        detail = u.bang_cham_diem
        # the line ending with ":" stands right before its table, kept with it on the page
        if detail.tieu_de:
            out.append(blocks.doan(detail.tieu_de))
        unit = f"; đơn vị: {detail.don_vi}" if detail.don_vi and detail.don_vi != u.ten else ""
        out.append(blocks.doan(f"**Bảng chấm điểm của {u.ten}** (điểm tính theo bảng chấm "
                               f"điểm đơn vị gửi{unit}):"))
        out.append(blocks.bang(scoring_table(detail, cham_diem(detail), wide)))
    return out


def member_pointer(body: XepHangKhoiThiDua, loai: str = "Báo cáo") -> str | None:
    """The sentence of the text that points to the members' tables in the annex."""
    names = [u.ten for u in body.don_vi if u.bang_cham_diem is not None]
    if not names:
        return None
    return f"(Bảng chấm điểm của {', '.join(names)} tại Phụ lục kèm theo {loai} này.)"


def annex_line(envelope: Envelope, envelope_ctx: dict, loai: str = "Báo cáo") -> str:
    """"(Kèm theo Báo cáo số … ngày … của …)" under the annex's title."""
    so_kh = so_van_ban(envelope_ctx["so_ky_hieu"])
    ngay = dong_ngay(NgayThang.parse(envelope.ngay, "ngay")).removeprefix("ngày ")
    return f"(Kèm theo {loai} số {so_kh} ngày {ngay} của {envelope_ctx['co_quan_trong_cau']})"


def ranking_rows(result: XepHang) -> list[dict]:
    """The rows of the ranking table as the Word body reads them (``r.hang`` "—" when not
    ranked, the points as printed, ``r.ghi_chu`` the notes joined by "; ")."""
    return [{"hang": str(u.hang) if u.hang else "—", "ten": u.ten, "diem": so_diem(u.diem),
             "diem_thuong": so_diem(u.diem_thuong), "diem_tru": so_diem(u.diem_tru),
             "tong": so_diem(u.tong), "ghi_chu": _note(u)} for u in result.don_vi]


def proposals(body: XepHangKhoiThiDua, result: XepHang) -> list[dict]:
    """The proposals as the Word body reads them (``d.nguoi_tang``, ``d.hinh_thuc``, ``d.so``,
    ``d.don_vi``): "Đề nghị … tặng … (… đơn vị): …."."""
    return [{"nguoi_tang": in_sentence(d.nguoi_tang or ""), "hinh_thuc": in_sentence(form),
             "so": so_dem(len(names)), "don_vi": in_sentence(", ".join(names))}
            for d, (form, names) in zip(body.de_nghi, result.de_nghi, strict=True)]


def build_context(envelope: Envelope, family: Family, envelope_ctx: dict) -> dict:
    """The values the Word body (``template.docx``, ``tools/build_word_bodies.py``) reads; its
    sentences and the ranking table's header are Word text. Documented in
    docs/designer-eject.md."""
    body: XepHangKhoiThiDua = envelope.noi_dung
    result = tinh_xep_hang(body)
    ranked = sum(1 for u in result.don_vi if u.hang is not None)
    de_nghi = proposals(body, result)
    members = [u.ten for u in body.don_vi if u.bang_cham_diem is not None]
    pointer = member_pointer(body)
    ctx: dict = {
        "can_cu": [b["runs"] for b in blocks.can_cu_lines(body.can_cu)],
        "ten": in_sentence(body.khoi),
        "nam": body.nam,
        "so_thanh_vien": so_dem(len(body.don_vi)),
        "so_xep_hang": so_dem(ranked),
        "xep_hang": ranking_rows(result),
        "de_nghi": de_nghi,
        "canh_bao": [in_sentence(c) for c in result.canh_bao],
        "khong_xet": in_sentence(", ".join(u.ten for u in result.don_vi if u.khong_xet)),
        "bang_cham_diem_kem": in_sentence(", ".join(members)),
        "ket_thuc": family.dau_ket,
    }
    out: dict = {**ctx, "ngang": "", "khoi_sau": []}
    if pointer:
        out["phu_luc"] = {"tieu_de": ["PHỤ LỤC", PHU_LUC_BANG_CHAM_DIEM.upper()],
                          "kem_theo": annex_line(envelope, envelope_ctx),
                          "khoi": member_tables(body, wide=True), "ngang": True}
    return out
