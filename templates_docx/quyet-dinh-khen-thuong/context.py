"""Body of ``quyet-dinh-khen-thuong``: the values its Word body reads (``template.docx``, built
by ``tools/build_word_bodies.py``, where "QUYẾT ĐỊNH:" and the articles' wording are Word text;
variables in docs/designer-eject.md) — căn cứ, ``Theo đề nghị của … tại Tờ trình số …
ngày …;``, ``QUYẾT ĐỊNH:``, Điều 1 (tặng … cho … tập thể và … cá nhân (có danh sách kèm theo),
đã có thành tích …), Điều 2 (reward money from the base salary in force on the decision date, the
total in figures and words), Điều 3 (effect and who executes); the list annexed on its own page.

The authority line (``tham_quyen``) goes under the title through the shell key
``tham_quyen``. Wording: ``wording.toml`` (this folder).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vanban.context import blocks
from vanban.context.danh_sach_khen_thuong import bang_danh_sach, can_cu, phu_luc, so_van_ban
from vanban.context.inline import in_sentence
from vanban.context.outline import Outline
from vanban.errors import Problem
from vanban.ho_so import danh_sach
from vanban.ho_so.danh_sach import DOI_TUONG_VI, DanhSach, award_problems_raw
from vanban.ho_so.data import wording
from vanban.ho_so.tien_thuong import DongTien, LuongCoSo, TongTien, cho_danh_sach
from vanban.model.envelope import Envelope, derive_step
from vanban.the_thuc.blocks import upper
from vanban.the_thuc.families import TEXT_WIDTH_TWIPS, Family
from vanban.the_thuc.line_breaks import break_name
from vanban.vi.dates import NgayThang, dong_ngay, ngay_ngan
from vanban.vi.numbers import so

from .model import QuyetDinhKhenThuong

#: This form's wording (unconfirmed phrasing kept as data, next to the code).
WORDING = Path(__file__).with_name("wording.toml")

#: The body model of this template (the manifest points here).
Body = QuyetDinhKhenThuong

PATH = "noi_dung.danh_sach"


def _w() -> dict[str, Any]:
    return wording(WORDING)


@dataclass(frozen=True)
class Derived:
    """What this type computes from its input, once (:func:`derive`)."""

    ds: DanhSach | None
    """The resolved list (None when an award name is unknown)."""
    problems: list[Problem]
    rows: list[DongTien] | None = None
    """Reward money per line, the total and the base salary (when ``tien_thuong``)."""
    total: TongTien | None = None
    salary: LuongCoSo | None = None


@derive_step
def derive(envelope: Envelope) -> Derived:
    """The list resolved and the money computed: ``check`` reports their problems,
    ``compute`` and ``build_context`` print them."""
    body: QuyetDinhKhenThuong = envelope.noi_dung
    ds, problems = danh_sach.resolve(body.danh_sach, PATH, body.nguoi_tang)
    if ds is None or not body.tien_thuong:
        return Derived(ds, problems)
    lines = [(d.vi_tri, d.match, d.de_nghi.doi_tuong) for d in ds.dong]
    rows, total, salary, money_problems = cho_danh_sach(
        lines, NgayThang.parse(envelope.ngay, "ngay"), PATH)
    return Derived(ds, problems + money_problems, rows, total, salary)


def check(envelope: Envelope) -> list[Problem]:
    return derive(envelope).problems


def compute(envelope: Envelope) -> dict:
    body: QuyetDinhKhenThuong = envelope.noi_dung
    d = derive(envelope)
    assert d.ds is not None
    out: dict[str, Any] = {"tap_the": d.ds.so_tap_the, "ca_nhan": d.ds.so_ca_nhan,
                           "cau": d.ds.cau()}
    if body.tien_thuong:
        assert d.rows is not None and d.total is not None and d.salary is not None
        out["luong_co_so"] = d.salary.muc
        out["tien_thuong"] = [{"ten": body.danh_sach[r.vi_tri].ten,
                               "he_so": str(r.muc.he_so.normalize()),
                               "so_tien": r.muc.so_tien} for r in d.rows]
        out["tong"] = d.total.so_tien
        out["tong_bang_chu"] = d.total.bang_chu
    return out


def check_raw(data: dict) -> list[Problem]:
    """Unknown award names, reported even when the input fails its model."""
    return award_problems_raw(data, "danh_sach", "khen_thuong")


def build_context(envelope: Envelope, family: Family, envelope_ctx: dict) -> dict:
    body: QuyetDinhKhenThuong = envelope.noi_dung
    w = _w()
    d = derive(envelope)
    ds = d.ds
    assert ds is not None  # check() ran first
    tdn = body.theo_de_nghi
    lines = [*body.can_cu_to_chuc, *can_cu(envelope, body.can_cu, None),
             w["theo_de_nghi"].format(nguoi_de_nghi=undouble(tdn.nguoi_de_nghi), so=tdn.so,
                                      ngay=ngay_ngan(NgayThang.parse(tdn.ngay, "")))]
    tien_thuong: dict[str, Any] = {}
    if body.tien_thuong:
        total, salary = d.total, d.salary
        assert d.rows is not None and total is not None and salary is not None
        amounts = {r.vi_tri: r.muc for r in d.rows}
        muc = []
        for group in ds.nhom:
            for kind, lines_ in (("tap_the", group.tap_the), ("ca_nhan", group.ca_nhan)):
                if lines_:
                    m = amounts[lines_[0].vi_tri]
                    muc.append({"ten": group.ten_trong_cau,
                                "doi_tuong": f"mỗi {DOI_TUONG_VI[kind]}",
                                "so_tien": m.so_tien_text, "he_so": m.he_so_text,
                                "luong": f"{so(salary.muc)} đồng"})
        tien_thuong = {"muc": muc, "tong": total.text, "bang_chu": total.bang_chu,
                       "nguon": in_sentence((body.nguon_kinh_phi or "").rstrip("."))}
    n = 3 if body.tien_thuong else 2  # the article that charges the executors
    annex = Outline()
    if body.tien_thuong:
        annex.table(bang_danh_sach(ds, list(body.cot), d.rows, d.total))
    else:
        annex.table(bang_danh_sach(ds, list(body.cot)))
    kem_theo = w["phu_luc_kem_theo"].format(
        so=so_van_ban(envelope_ctx["so_ky_hieu"]),
        ngay=dong_ngay(NgayThang.parse(envelope.ngay, "ngay")).removeprefix("ngày "),
        co_quan=body.nguoi_tang)
    return {
        # the body's Word text (template.docx) reads these; docs/designer-eject.md
        "can_cu": [b["runs"] for b in blocks.can_cu_lines(lines)],
        "khen_thuong": in_sentence(_capital(ds.cau())),
        "thanh_tich": in_sentence(body.thanh_tich.rstrip(".")),
        "tien_thuong": tien_thuong,
        "dieu_thi_hanh": n,
        "hieu_luc": in_sentence(body.hieu_luc.rstrip()) if body.hieu_luc else "",
        "thi_hanh": in_sentence(", ".join(body.thi_hanh)),
        "ket_thuc": family.dau_ket,
        # "Như Điều 3" in nơi nhận names the article that charges the executors: Điều 2 when
        # there is no money article
        "noi_nhan": [_NHU_DIEU.sub(lambda m: f"{m.group(1)}{n}", line)
                     for line in envelope_ctx["noi_nhan"]],
        # The authority line, broken by vanban at a meaningful point when it cannot stand on
        # one line ("BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI CƠ QUAN\nVÀ DOANH NGHIỆP TỈNH").
        "tham_quyen": "\n".join(break_name(upper(body.tham_quyen), TEXT_WIDTH_TWIPS / 20,
                                            family.sizes.trich_yeu)),
        "phu_luc": phu_luc(w["phu_luc_tieu_de"], kem_theo, annex.blocks),
    }


_NHU_DIEU = re.compile(r"\b(Như Điều )\d+\b")


def undouble(name: str) -> str:
    """A name whose first words are typed twice ("Đảng ủy Đảng ủy Sở Tài chính") once."""
    words = name.split()
    for k in range(min(4, len(words) // 2), 0, -1):
        if [w.casefold() for w in words[:k]] == [w.casefold() for w in words[k:2 * k]]:
            return " ".join(words[k:])
    return name


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
