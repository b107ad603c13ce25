"""Body of ``bao-cao-thanh-tich``, for a collective or an individual (``loai``): the values its
Word body reads (headings, lines and table headers are Word text in ``template.docx``,
``tools/build_word_bodies.py``; variables in docs/designer-eject.md).

Title: ``BÁO CÁO THÀNH TÍCH`` / ``ĐỀ NGHỊ TẶNG (TRUY TẶNG) <AWARD>`` / the recipient's name (the
envelope's ``trich_yeu``, which must be that name). No số (shell key ``hien_so`` false).
Signature blocks: collective — the cấp trình's certification left, the unit head right;
individual — the unit head's confirmation left, the person right, the cấp trình's certification
centred below (shell keys ``chu_ky``, ``chu_ky_trai``, ``chu_ky_duoi``). Wording:
``wording.toml`` (this folder): the title, the signatures, the figures table's columns.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from vanban.context.envelope import title_lines
from vanban.context.inline import in_sentence, runs
from vanban.context.outline import Outline
from vanban.context.tables import Cell, table
from vanban.errors import Problem, problem
from vanban.ho_so.data import wording
from vanban.model.envelope import Envelope
from vanban.the_thuc.blocks import rules as rules_of
from vanban.the_thuc.families import SIGN_LEFT_TWIPS, Family
from vanban.the_thuc.line_breaks import break_name
from vanban.vi.dates import NgayThang, ngay_ngan
from vanban.vocab import normalize

from . import checks as rules
from .model import BangSoLieu, BaoCaoThanhTich, DaKhenThuong

#: This form's wording (unconfirmed phrasing kept as data, next to the code).
WORDING = Path(__file__).with_name("wording.toml")

#: The body model of this template (the manifest points here).
Body = BaoCaoThanhTich


def _w() -> dict[str, Any]:
    return wording(WORDING)


def _year(envelope: Envelope) -> int | None:
    try:
        return NgayThang.parse(envelope.ngay, "ngay").nam
    except Exception:  # the envelope reports a bad date itself
        return None


def check(envelope: Envelope) -> list[Problem]:
    body: BaoCaoThanhTich = envelope.noi_dung
    path = "noi_dung"
    _, out = rules.de_nghi(body.de_nghi.khen_thuong, body.de_nghi.nguoi_tang, body.loai,
                           f"{path}.de_nghi")
    year = _year(envelope)
    out += rules.bang(body.danh_hieu, "danh_hieu", f"{path}.danh_hieu", year)[1]
    out += rules.bang(body.hinh_thuc, "hinh_thuc", f"{path}.hinh_thuc", year)[1]
    if normalize(envelope.trich_yeu) != normalize(body.ten_doi_tuong):
        field = "ly_lich.ho_ten" if body.loai == "ca_nhan" else "dac_diem.ten_tap_the"
        kind = "cá nhân" if body.loai == "ca_nhan" else "tập thể"
        out.append(problem(
            "bao_cao.ten", "trich_yeu",
            f"Dòng tên dưới tiêu đề (trich_yeu) phải là tên {kind} được đề nghị: "
            f"“{body.ten_doi_tuong}” (noi_dung.{field}).",
            "trich_yeu must be the recipient's name"))
    signer = envelope.nguoi_ky.ho_ten
    if body.cap_trinh and signer and normalize(body.cap_trinh.ho_ten) == normalize(signer):
        out.append(problem(
            "bao_cao.cap-trinh", "noi_dung.cap_trinh",
            f"“{signer}” đã ký với tư cách thủ trưởng đơn vị: không ký lần thứ hai làm cấp "
            "trình. Khi đơn vị tự trình khen thưởng, hãy bỏ “cap_trinh”; nếu không, ghi người "
            "của cấp trên trực tiếp.",
            "the unit's head already signs; the cấp trình is the level above (omit cap_trinh "
            "when the unit submits itself)"))
    if envelope.noi_nhan:
        out.append(problem("bao_cao.noi-nhan", "noi_nhan",
                           "Báo cáo thành tích không có “Nơi nhận”: hãy bỏ trường này.",
                           "an achievement report has no recipients list"))
    if envelope.kinh_gui:
        out.append(problem("bao_cao.kinh-gui", "kinh_gui",
                           "Báo cáo thành tích không có “Kính gửi”: hãy bỏ trường này.",
                           "an achievement report has no addressees"))
    return out


def _quyet_dinh(row: DaKhenThuong) -> str:
    parts = []
    if row.so_quyet_dinh:
        parts.append(f"Quyết định số {row.so_quyet_dinh}")
    if row.ngay_quyet_dinh:
        parts.append(f"ngày {ngay_ngan(NgayThang.parse(row.ngay_quyet_dinh, 'ngay'))}")
    text = " ".join(parts)
    if row.co_quan_ban_hanh:
        text = f"{text} của {row.co_quan_ban_hanh}" if text else row.co_quan_ban_hanh
    return text


def _award_rows(rows: list[rules.DongDaNhan]) -> list[dict]:
    """The rows of a table of awards received: ``r.nam``, ``r.ten``, ``r.quyet_dinh``."""
    return [{"nam": str(r.row.nam), "ten": r.match.ten_day_du, "quyet_dinh": _quyet_dinh(r.row)}
            for r in rows]


def _figures(t: BangSoLieu) -> Markup:
    """The table of figures over the years: its columns come from the data (one per year)."""
    c = _w()["chung"]
    header = [[c["cot_chi_tieu"], c["cot_don_vi_tinh"], *[str(y) for y in t.nam]]]
    rows = [[Cell(r.ten, align="left"), r.don_vi_tinh or "", *r.gia_tri] for r in t.chi_tieu]
    return table(header, rows, widths=[5, 2, *[2] * len(t.nam)])


def _sign(title: str, note: str | None, name: str | None, lines: list[str] | None = None
          ) -> dict:
    return {"tieu_de": [title, *(lines or [])], "ghi_chu": note, "ho_ten": name or ""}


def build_context(envelope: Envelope, family: Family, envelope_ctx: dict) -> dict:
    body: BaoCaoThanhTich = envelope.noi_dung
    w = _w()
    part = w[body.loai]
    chung = w["chung"]
    match, _ = rules.de_nghi(body.de_nghi.khen_thuong, body.de_nghi.nguoi_tang, body.loai, "")
    assert match is not None  # check() ran first
    de_nghi = w["de_nghi_truy_tang" if body.de_nghi.truy_tang else "de_nghi"]
    ctx: dict[str, Any] = _body_values(body)
    ky = envelope_ctx["chu_ky"]
    cap_trinh = _sign(chung["cap_trinh"], chung["cap_trinh_ghi_chu"],
                      body.cap_trinh.ho_ten if body.cap_trinh else None,
                      [body.cap_trinh.chuc_vu] if body.cap_trinh else None)
    title = [*title_lines(family, de_nghi.format(khen_thuong=match.ten_day_du.upper())),
             *envelope_ctx["trich_yeu"]]
    ctx.update({
        "hien_so": bool(w.get("hien_so", False)),
        "trich_yeu": title,
        "gach": rules_of(family, envelope_ctx["co_quan"]["ten_dong"], title),
        "noi_nhan": [],
    })
    # The head of the unit signs once: a cấp trình who is the same person as the unit's
    # signer is not printed a second time (issue 17).
    same = bool(body.cap_trinh and ky["ho_ten"]
                and normalize(body.cap_trinh.ho_ten) == normalize(ky["ho_ten"]))
    if body.loai == "ca_nhan":
        assert body.ly_lich is not None
        ctx["chu_ky_trai"] = _sign(part["ky_trai"], part["ky_trai_ghi_chu"], ky["ho_ten"],
                                   [*ky["quyen_han"], ky["chuc_vu"]])
        ctx["chu_ky"] = {"quyen_han": [], "chuc_vu": part["ky_phai"],
                         "ghi_chu": part["ky_phai_ghi_chu"], "ho_ten": body.ly_lich.ho_ten}
        if not same:
            ctx["chu_ky_duoi"] = cap_trinh
    else:
        # both sides say how they sign: "(Ký, đóng dấu)" under the unit's head too
        ctx["chu_ky"] = {**ky, "ghi_chu": part["ky_phai_ghi_chu"]}
        # the left side stays blank rather than showing an empty "Nơi nhận:"
        ctx["chu_ky_trai"] = cap_trinh if not same else _sign("", None, None)
    _level(ctx, family)
    return ctx


#: The numbered headings: ``so.<key>`` is the heading's number ("I.", "2.") when the section is
#: printed, else "" (left out, the numbering closes up).
SECTIONS = ("muc_1", "dac_diem", "chuc_nang", "muc_2", "nhiem_vu", "thanh_tich", "so_lieu",
            "bien_phap", "muc_3", "danh_hieu", "hinh_thuc")

#: The lines of the cá nhân's sơ lược lý lịch, in the form's order (printed when given).
LY_LICH = ("ho_ten", "ngay_sinh", "gioi_tinh", "dien_thoai", "que_quan", "tru_quan", "don_vi",
           "chuc_vu", "trinh_do", "hoc_ham_hoc_vi")


def _doan(items: list[str]) -> list[Markup]:
    return [runs(t) for t in items]


def _body_values(body: BaoCaoThanhTich) -> dict[str, Any]:
    """The values the Word body (``template.docx``, ``tools/build_word_bodies.py``) reads; its
    headings and sentences are Word text. Documented in docs/designer-eject.md."""
    o = Outline()
    so = dict.fromkeys(SECTIONS, "")

    def head(key: str, level: int, present: object = True) -> None:
        if present:
            so[key] = o.number(level)

    head("muc_1", 1)
    ly_lich: dict[str, Any] = dict.fromkeys(LY_LICH, "")
    dac_diem: dict[str, Any] = {"tru_so": "", "dien_thoai": "", "trang_tin": "",
                                "thanh_lap": [], "dac_diem": [], "chuc_nang": []}
    if body.loai == "ca_nhan":
        ll = body.ly_lich
        assert ll is not None
        for key in LY_LICH:
            value = getattr(ll, key)
            if key == "ngay_sinh":
                value = ngay_ngan(NgayThang.parse(value, ""))
            ly_lich[key] = in_sentence(value or "")
    else:
        dd = body.dac_diem
        assert dd is not None
        head("dac_diem", 2)
        head("chuc_nang", 2)
        dac_diem = {"tru_so": in_sentence(dd.tru_so),
                    "dien_thoai": in_sentence(dd.dien_thoai or ""),
                    "trang_tin": in_sentence(dd.trang_tin or ""),
                    "thanh_lap": _doan(dd.thanh_lap), "dac_diem": _doan(dd.dac_diem),
                    "chuc_nang": _doan(dd.chuc_nang)}
    head("muc_2", 1)
    head("nhiem_vu", 2, body.nhiem_vu)
    head("thanh_tich", 2)
    head("so_lieu", 2, body.so_lieu)
    head("bien_phap", 2, body.bien_phap)
    head("muc_3", 1)
    head("danh_hieu", 2)
    head("hinh_thuc", 2)
    return {
        "loai": body.loai,
        "so": so,
        "ly_lich": ly_lich,
        "dac_diem": dac_diem,
        "nhiem_vu": _doan(body.nhiem_vu),
        "thanh_tich": _doan(body.thanh_tich),
        "bang_so_lieu": _figures(body.so_lieu) if body.so_lieu else "",
        "bien_phap": _doan(body.bien_phap),
        "danh_hieu": _award_rows(rules.bang(body.danh_hieu, "danh_hieu", "", None)[0]),
        "hinh_thuc": _award_rows(rules.bang(body.hinh_thuc, "hinh_thuc", "", None)[0]),
    }


def _lines(items: list[str]) -> int:
    return sum(1 + item.count("\n") for item in items)


def _level(ctx: dict[str, Any], family: Family) -> None:
    """The two names of a signature row on one line: the left titles are broken by vanban in
    their column (so the count of lines is known), and the side with fewer lines above its
    name gets empty lines after its titles."""
    left, right = ctx.get("chu_ky_trai"), ctx.get("chu_ky")
    if not left or not right:
        return
    width = SIGN_LEFT_TWIPS / 20
    left["tieu_de"] = ["\n".join(break_name(t, width, family.sizes.chu_ky_chuc_vu)) if t else t
                       for t in left["tieu_de"] if t or len(left["tieu_de"]) > 1]
    n_left = _lines(left["tieu_de"]) + bool(left.get("ghi_chu"))
    n_right = _lines([*right.get("quyen_han", []), right["chuc_vu"]]) + bool(right.get("ghi_chu"))
    if n_left < n_right:
        left["tieu_de"] = [*left["tieu_de"], *[""] * (n_right - n_left)]
    elif n_right < n_left:
        right["quyen_han"] = [*[""] * (n_left - n_right), *right.get("quyen_han", [])]
