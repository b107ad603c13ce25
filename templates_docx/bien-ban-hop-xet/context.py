"""Body of ``bien-ban-hop-xet`` → blocks: time, place, who attended (by name, absent members with
their written opinions), what was considered, the method, the table of votes (percentage of the
whole membership, threshold, reached — computed), conclusions, closing time.

Signatures: THƯ KÝ on the left (shell key ``chu_ky_trai``, replacing nơi nhận) and the chair on
the right (the envelope's ``nguoi_ky``, whose name must be the chair's). The sentences ("Thời
gian bắt đầu: …", "Thành viên có mặt: …", "Hình thức xét: …", "Cuộc họp kết thúc vào …") are Word
text in ``template.docx`` (``tools/build_word_bodies.py``); this module gives the values they
read (docs/designer-eject.md). Other wording (the table's columns, the signatures):
``wording.toml`` (this folder).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from vanban.context.inline import in_sentence, runs
from vanban.context.tables import Cell, table
from vanban.errors import Problem, problem
from vanban.ho_so import bien_ban as rules
from vanban.ho_so.bien_ban import HINH_THUC_VI, KetQuaXet
from vanban.ho_so.danh_sach import award_problems_raw
from vanban.ho_so.data import wording
from vanban.model.bien_ban_hop_xet import BienBanHopXet
from vanban.model.envelope import Envelope
from vanban.model.ho_so import NguoiThamDu
from vanban.the_thuc.families import Family
from vanban.vi.dates import NgayThang, dong_ngay
from vanban.vi.numbers import so_dem
from vanban.vocab import normalize

#: This form's wording (unconfirmed phrasing kept as data, next to the code).
WORDING = Path(__file__).with_name("wording.toml")

#: The body model of this template (the manifest points here).
Body = BienBanHopXet


def _w() -> dict[str, Any]:
    return wording(WORDING)


def _nguoi(p: NguoiThamDu) -> str:
    return f"{p.ho_ten}, {p.chuc_vu}" if p.chuc_vu else p.ho_ten


def _sentence(text: str) -> str:
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", "…", ":")) else text + "."


def check(envelope: Envelope) -> list[Problem]:
    bb: BienBanHopXet = envelope.noi_dung
    out = rules.kiem_tra(bb)
    signer = envelope.nguoi_ky
    if signer.ho_ten and normalize(signer.ho_ten) != normalize(bb.chu_toa.ho_ten):
        out.append(problem(
            "bien_ban.nguoi-ky", "nguoi_ky.ho_ten",
            f"Người ký bên phải biên bản là chủ tọa “{bb.chu_toa.ho_ten}”, không phải "
            f"“{signer.ho_ten}”.", "the minutes are signed by the chair"))
    if normalize(signer.chuc_vu) not in {normalize(t) for t in _w()["chu_toa_ky"]}:
        out.append(problem(
            "bien_ban.chu-toa-ky", "nguoi_ky.chuc_vu",
            f"Bên phải biên bản ghi “{_w()['chu_toa_ky'][0]}” (người chủ trì ký), không phải "
            f"“{signer.chuc_vu}”.", "the right-hand signature of minutes is the chair's"))
    if envelope.noi_nhan:
        out.append(problem(
            "bien_ban.noi-nhan", "noi_nhan",
            "Biên bản không có phần nơi nhận (thư ký ký bên trái): hãy bỏ “noi_nhan”.",
            "minutes have no recipients list"))
    return out


def compute(envelope: Envelope) -> dict:
    """The computed votes as JSON (``vanban compute``)."""
    return {"ket_qua": [_result_json(k) for k in rules.ket_qua_xet(envelope.noi_dung)]}


def _result_json(k: KetQuaXet) -> dict:
    return {"ten": k.phieu.ten, "khen_thuong": k.match.ten_day_du, "dong_y": k.phieu.dong_y,
            "khong_dong_y": k.phieu.khong_dong_y, "ty_le": k.ket_qua.ty_le_text,
            "nguong": k.ket_qua.nguong.text, "dat": k.dat}


#: Collective bodies that hold the meeting, by how the body's name starts; anything else is a
#: council (Hội đồng Thi đua - Khen thưởng).
_TAP_THE = ("Ban Chấp hành", "Ban Thường vụ", "Ban Thường trực", "Chi ủy", "Hội đồng")


def tap_the(hoi_dong: str) -> str:
    """The members' body as the vote line names it: "Ban Chấp hành" for a Party or union
    executive committee, "Hội đồng" for a council."""
    name = " ".join(hoi_dong.split())
    return next((t for t in _TAP_THE if name.casefold().startswith(t.casefold())), "Hội đồng")


def _gio(text: str) -> dict[str, str]:
    gio, phut = text.split(":")
    return {"gio": gio, "phut": phut}


def _results_table(results: list[KetQuaXet]) -> Any:
    c = _w()["cot"]
    header = [[c["stt"], c["ten"], c["khen_thuong"], c["dong_y"], c["khong_dong_y"],
               c["nguong"], c["ket_qua"]]]
    rows = []
    for n, k in enumerate(results, 1):
        name = k.phieu.ten + (f"\n{k.phieu.chuc_vu_don_vi}" if k.phieu.chuc_vu_don_vi else "")
        rows.append([
            str(n), Cell(name, align="left"), Cell(k.match.ten_day_du, align="left"),
            Cell(f"{k.phieu.dong_y}\n({k.ket_qua.ty_le_text})", align="center"),
            Cell(f"{k.phieu.khong_dong_y}\n({k.ket_qua.ty_le_khong_dong_y_text})",
                 align="center"),
            Cell(k.ket_qua.nguong.text, align="center"),
            Cell(_w()["dat"] if k.dat else _w()["khong_dat"], bold=True, align="center")])
    return table(header, rows, widths=[0.8, 4.2, 3.4, 1.7, 1.7, 1.4, 1.5])



def check_raw(data: dict) -> list[Problem]:
    """Unknown award names, reported even when the input fails its model."""
    return award_problems_raw(data, "ket_qua", "khen_thuong")


def build_context(envelope: Envelope, family: Family, envelope_ctx: dict) -> dict:
    bb: BienBanHopXet = envelope.noi_dung
    w = _w()
    ngay = dong_ngay(NgayThang.parse(bb.ngay_hop, "noi_dung.ngay_hop"))
    tong = bb.so_thanh_vien
    results = rules.ket_qua_xet(bb)
    method = HINH_THUC_VI[bb.hinh_thuc]
    values = {
        # the body's Word text (template.docx) reads these; docs/designer-eject.md
        "ngay_hop": ngay,
        "gio_bat_dau": _gio(bb.bat_dau),
        "gio_ket_thuc": _gio(bb.ket_thuc),
        "dia_diem": in_sentence(bb.dia_diem.rstrip(".")),
        "chu_tri": in_sentence(_nguoi(bb.chu_toa)),
        "thu_ky": in_sentence(_nguoi(bb.thu_ky)),
        "so_thanh_vien": so_dem(tong),
        "so_co_mat": so_dem(len(bb.co_mat)),
        "co_mat": [in_sentence(_nguoi(p)) for p in bb.co_mat],
        "so_vang_mat": so_dem(len(bb.vang_mat)),
        "vang_mat": [{"nguoi": in_sentence(_nguoi(p)), "ly_do": in_sentence(p.ly_do or "")}
                     for p in bb.vang_mat],
        "khach_moi": [in_sentence(_nguoi(p)) for p in bb.khach_moi],
        "hoi_dong": in_sentence(bb.hoi_dong),
        "noi_dung_xet": in_sentence(bb.noi_dung_xet.rstrip(".")),
        "dien_bien": [runs(t) for t in bb.dien_bien],
        "y_kien": [{"ho_ten": in_sentence(p.ho_ten), "y_kien": in_sentence(_sentence(p.y_kien))}
                   for p in bb.vang_mat if p.y_kien],
        "hinh_thuc": method,
        "tap_the": tap_the(bb.hoi_dong),
        "bang_ket_qua": _results_table(results),
        "so_dat": so_dem(sum(1 for k in results if k.dat)),
        "so_truong_hop": so_dem(len(results)),
        "ket_luan": [runs(t) for t in bb.ket_luan],
        "ket_thuc": family.dau_ket,
    }
    out: dict[str, Any] = {}
    if not family.chuc_vu_bold:
        # Party: the signer's title is not bold, but in minutes "CHỦ TỌA" stands level with
        # "THƯ KÝ" and is set like it (bold), in the shell's 14 pt
        size = int(family.sizes.chu_ky_chuc_vu * 2)
        out["chu_ky"] = {**envelope_ctx["chu_ky"], "chuc_vu": Markup(
            "</w:t></w:r><w:r><w:rPr><w:b/><w:bCs/>"
            f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr><w:t xml:space="preserve">'
            f"{escape(envelope_ctx['chu_ky']['chuc_vu'])}")}
    return {
        **out,
        **values,
        "noi_nhan": [],
        "chu_ky_trai": {"tieu_de": [w["thu_ky_ky"]], "ghi_chu": None, "ho_ten": bb.thu_ky.ho_ten},
    }
