"""Body of ``to-trinh-khen-thuong``: the values its Word body (``template.docx``) reads — căn
cứ lines (law and decree in force on the date, the unit's rules, the minutes), the award prose
of the proposal with counts computed from the list — and the list annexed on its own page
(shell key ``phu_luc``). The sentences themselves ("… kính đề nghị … xem xét, …", "Kính trình
…") are Word text in ``template.docx`` (``tools/build_word_bodies.py``); the variables are
documented in docs/designer-eject.md. Other wording: ``wording.toml`` (this folder).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vanban.context import blocks
from vanban.context.danh_sach_khen_thuong import bang_danh_sach, can_cu, phu_luc, so_van_ban
from vanban.context.inline import in_sentence, runs
from vanban.context.outline import Outline
from vanban.errors import Problem
from vanban.ho_so import danh_sach
from vanban.ho_so.danh_sach import DanhSach, award_problems_raw
from vanban.ho_so.data import wording
from vanban.model.envelope import Envelope, derive_step
from vanban.the_thuc.families import Family
from vanban.vi.dates import NgayThang, dong_ngay

from .model import ToTrinhKhenThuong

#: This form's wording (unconfirmed phrasing kept as data, next to the code).
WORDING = Path(__file__).with_name("wording.toml")

#: The body model of this template (the manifest points here).
Body = ToTrinhKhenThuong


def _w() -> dict[str, Any]:
    return wording(WORDING)


@derive_step
def derive(envelope: Envelope) -> tuple[DanhSach | None, list[Problem]]:
    """The list resolved once (awards matched, grouped, counted): ``check`` reports its
    problems, ``compute`` and ``build_context`` print it."""
    body: ToTrinhKhenThuong = envelope.noi_dung
    return danh_sach.resolve(body.danh_sach, "noi_dung.danh_sach", body.nguoi_quyet_dinh)


def check(envelope: Envelope) -> list[Problem]:
    return derive(envelope)[1]


def compute(envelope: Envelope) -> dict:
    ds = derive(envelope)[0]
    assert ds is not None
    return {"tap_the": ds.so_tap_the, "ca_nhan": ds.so_ca_nhan, "tham_quyen": ds.tham_quyen,
            "cau": ds.cau(),
            "nhom": [{"khen_thuong": n.ten, "tap_the": len(n.tap_the), "ca_nhan": len(n.ca_nhan)}
                     for n in ds.nhom]}


def check_raw(data: dict) -> list[Problem]:
    """Unknown award names, reported even when the input fails its model."""
    return award_problems_raw(data, "danh_sach", "khen_thuong")


def build_context(envelope: Envelope, family: Family, envelope_ctx: dict) -> dict:
    body: ToTrinhKhenThuong = envelope.noi_dung
    w = _w()
    ds = derive(envelope)[0]
    assert ds is not None  # check() ran first
    minutes = None
    if body.bien_ban_ngay:
        ngay = dong_ngay(NgayThang.parse(body.bien_ban_ngay, "")).removeprefix("ngày ")
        minutes = (w["can_cu_bien_ban"].format(hoi_dong=body.hoi_dong, ngay=ngay)
                   if body.hoi_dong else w["can_cu_bien_ban_khong_ten"].format(ngay=ngay))
    co_quan = envelope_ctx["co_quan_trong_cau"]
    annex = Outline()
    annex.table(bang_danh_sach(ds, list(body.cot)))
    kem_theo = w["phu_luc_kem_theo"].format(
        so=so_van_ban(envelope_ctx["so_ky_hieu"]),
        ngay=dong_ngay(NgayThang.parse(envelope.ngay, "ngay")).removeprefix("ngày "),
        co_quan=co_quan)
    return {
        # the body's Word text (template.docx) reads these; docs/designer-eject.md
        "can_cu": [b["runs"] for b in blocks.can_cu_lines(can_cu(envelope, body.can_cu,
                                                                    minutes))],
        "doan": [runs(t) for t in body.doan],
        "nguoi_quyet_dinh": body.nguoi_quyet_dinh,  # twice in the text: plain
        "de_nghi_khen": in_sentence(ds.cau()),
        "thanh_tich": in_sentence(body.thanh_tich.rstrip(".")),
        "ket_thuc": family.dau_ket,
        "phu_luc": phu_luc(w["phu_luc_tieu_de"], kem_theo, annex.blocks),
    }
