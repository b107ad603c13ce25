"""Body of ``ke-hoach-thi-dua`` (outline of seed 001, the Party's plan for a drive): the values
its Word body reads.

(căn cứ, opening) · I. Mục đích, yêu cầu · II. Nội dung, mục tiêu, thời gian of the drive ·
III. Đối tượng, danh hiệu and hình thức with quotas, tiêu chuẩn · IV. Đăng ký, quy trình, hồ sơ,
deadlines, tổng kết · V. Tổ chức thực hiện per unit · closing sentence. The headings and the
sentences ("Đợt thi đua được thực hiện …", "… trình không quá …", "Trên đây là Kế hoạch …") are
Word text in ``template.docx`` (``tools/build_word_bodies.py``); this module computes what they
read: the heading numbers (``so``: a section without data is left out and the numbering closes
up), dates and deadlines in words, award names as the law spells them, quotas in words, the
clerk's items as runs. Variables: docs/designer-eject.md.
"""

from __future__ import annotations

from markupsafe import Markup

from vanban.context import blocks
from vanban.context.inline import in_sentence, runs
from vanban.context.outline import Outline
from vanban.errors import InputError, Problem, problem
from vanban.model.dates import parse
from vanban.model.envelope import Envelope
from vanban.the_thuc.blocks import closing_sentence
from vanban.the_thuc.families import Family
from vanban.vi.dates import NgayThang, ngay_ngan
from vanban.vi.numbers import so_dem
from vanban.vocab import AwardMatch, find_award

from .model import HinhThuc, KeHoachThiDua

Body = KeHoachThiDua


def tu(ngay: NgayThang) -> str:
    if ngay.ngay is not None:
        return f"từ ngày {ngay_ngan(ngay)}"
    if ngay.thang is not None:
        return f"từ tháng {ngay.thang}/{ngay.nam}"
    return f"từ năm {ngay.nam}"


def den(ngay: NgayThang) -> str:
    if ngay.ngay is not None:
        return f"đến ngày {ngay_ngan(ngay)}"
    if ngay.thang is not None:
        return f"đến hết tháng {ngay.thang}/{ngay.nam}"
    return f"đến hết năm {ngay.nam}"


def han(ngay: NgayThang) -> str:
    if ngay.ngay is not None:
        return f"trước ngày {ngay_ngan(ngay)}"
    if ngay.thang is not None:
        return f"trong tháng {ngay.thang}/{ngay.nam}"
    return f"trong năm {ngay.nam}"


def _awards(body: KeHoachThiDua) -> tuple[list[AwardMatch | None], list[Problem]]:
    found: list[AwardMatch | None] = []
    problems: list[Problem] = []
    for n, item in enumerate(body.khen_thuong):
        try:
            found.append(find_award(item.ten, item.nguoi_tang,
                                    path=f"noi_dung.khen_thuong[{n}].ten"))
        except InputError as exc:
            problems.extend(exc.problems)
            found.append(None)
    return found, problems


def check(envelope: Envelope) -> list[Problem]:
    problems = _awards(envelope.noi_dung)[1]
    if envelope.kinh_gui:
        problems.append(problem(
            "ke_hoach.kinh_gui", "kinh_gui",
            "Kế hoạch không có “Kính gửi”; ghi các nơi cần gửi ở “noi_nhan”.",
            "a plan has no 'Kính gửi'; list the recipients in noi_nhan"))
    return problems


#: The numbered headings of the plan, in reading order: ``so.<key>`` is the heading's number
#: ("I.", "2.", …) when the section has data, else "" (the section is left out and the
#: numbering closes up).
SECTIONS = (
    "muc_dich_yeu_cau", "muc_dich", "yeu_cau",
    "noi_dung_muc_tieu", "noi_dung_thi_dua", "muc_tieu", "khau_hieu", "thoi_gian",
    "doi_tuong_tieu_chuan", "doi_tuong", "khen_thuong", "tieu_chuan", "tieu_chuan_tap_the",
    "tieu_chuan_ca_nhan",
    "dang_ky_quy_trinh", "dang_ky", "quy_trinh", "ho_so", "thoi_han", "tong_ket",
    "to_chuc_thuc_hien",
)


def _gach(items: list[str]) -> list[Markup]:
    return [blocks.gach(t)["runs"] for t in items]


def _doan(items: list[str]) -> list[Markup]:
    return [runs(t) for t in items]


def _hinh_thuc(o: Outline, h: HinhThuc, match: AwardMatch | None) -> dict:
    title = match.ten_day_du if match is not None else h.ten
    if h.nguoi_tang and match is not None and h.nguoi_tang not in title:
        title = f"{title} của {h.nguoi_tang}"
    out: dict = {"so": o.number(3), "ten": in_sentence(title, marks=False), "mo_ta": _doan(h.mo_ta),
                 "so_tap_the": o.number(4) if h.tap_the else "", "tap_the": _gach(h.tap_the)}
    out["so_ca_nhan"] = o.number(4) if h.ca_nhan or h.chi_tieu else ""
    out["ca_nhan"] = _gach(h.ca_nhan)
    out["chi_tieu_nhom"] = in_sentence(h.chi_tieu_nhom or "")
    out["chi_tieu"] = [{"don_vi": in_sentence(c.don_vi), "toi_da": c.toi_da,
                        "so_luong": so_dem(c.toi_da), "doi_tuong": in_sentence(c.doi_tuong)}
                       for c in h.chi_tieu]
    out["ghi_chu"] = [runs(f"*{note}*" if "*" not in note else note) for note in h.ghi_chu]
    return out


def build_context(envelope: Envelope, family: Family, envelope_ctx: dict) -> dict:
    """The values the Word body (``template.docx``, ``tools/build_word_bodies.py``) reads; its
    headings and sentences are Word text. Documented in docs/designer-eject.md."""
    body: KeHoachThiDua = envelope.noi_dung
    matches, _ = _awards(body)
    o = Outline()
    so = dict.fromkeys(SECTIONS, "")

    def head(key: str, level: int) -> None:
        so[key] = o.number(level)

    if body.muc_dich or body.yeu_cau:
        head("muc_dich_yeu_cau", 1)
        if body.muc_dich and body.yeu_cau:
            head("muc_dich", 2)
            head("yeu_cau", 2)

    if body.noi_dung_thi_dua or body.muc_tieu or body.khau_hieu or body.thoi_gian:
        head("noi_dung_muc_tieu", 1)
        for key, present in (("noi_dung_thi_dua", body.noi_dung_thi_dua),
                             ("muc_tieu", body.muc_tieu), ("khau_hieu", body.khau_hieu),
                             ("thoi_gian", body.thoi_gian)):
            if present:
                head(key, 2)

    dt, tc = body.doi_tuong, body.tieu_chuan
    khen_thuong: list[dict] = []
    tieu_chuan: dict = {"chung": runs(tc.chung) if tc.chung else "", "tap_the": [],
                        "ca_nhan": []}
    if dt.tap_the or dt.ca_nhan or body.khen_thuong or tc.chung or tc.tap_the or tc.ca_nhan:
        head("doi_tuong_tieu_chuan", 1)
        if dt.tap_the or dt.ca_nhan:
            head("doi_tuong", 2)
        if body.khen_thuong:
            head("khen_thuong", 2)
            khen_thuong = [_hinh_thuc(o, h, match)
                           for h, match in zip(body.khen_thuong, matches, strict=True)]
        if tc.chung or tc.tap_the or tc.ca_nhan:
            head("tieu_chuan", 2)
            for key, groups in (("tap_the", tc.tap_the), ("ca_nhan", tc.ca_nhan)):
                if groups:
                    head(f"tieu_chuan_{key}", 3)
                    tieu_chuan[key] = [{"so": o.number(4),
                                        "doi_tuong": in_sentence(g.doi_tuong, marks=False),
                                        "y": _gach(g.y)} for g in groups]

    if body.dang_ky or body.quy_trinh or body.ho_so or body.thoi_han or body.tong_ket:
        head("dang_ky_quy_trinh", 1)
        for key in ("dang_ky", "quy_trinh", "ho_so", "thoi_han", "tong_ket"):
            if getattr(body, key):
                head(key, 2)

    to_chuc: list[dict] = []
    if body.to_chuc_thuc_hien:
        head("to_chuc_thuc_hien", 1)
        to_chuc = [{"so": o.number(2), "don_vi": in_sentence(u.don_vi, marks=False),
                    "nhiem_vu": _gach(u.nhiem_vu)}
                   for u in body.to_chuc_thuc_hien]

    t = body.thoi_gian
    return {
        "so": so,
        "can_cu": [b["runs"] for b in blocks.can_cu_lines(body.can_cu)],
        "mo_dau": _doan(body.mo_dau),
        "muc_dich": _gach(body.muc_dich),
        "yeu_cau": _gach(body.yeu_cau),
        "noi_dung_thi_dua": _gach(body.noi_dung_thi_dua),
        # one aim is a paragraph, several are dash bullets
        "muc_tieu": (_gach if len(body.muc_tieu) > 1 else _doan)(body.muc_tieu),
        "khau_hieu": runs(body.khau_hieu) if body.khau_hieu else "",
        "thoi_gian": {"tu": tu(parse(t.tu_ngay)), "den": den(parse(t.den_ngay))} if t else {},
        "doi_tuong": {"tap_the": in_sentence(dt.tap_the or ""),
                      "ca_nhan": in_sentence(dt.ca_nhan or "")},
        "khen_thuong": khen_thuong,
        "tieu_chuan": tieu_chuan,
        "dang_ky": _gach(body.dang_ky),
        "quy_trinh": _gach(body.quy_trinh),
        "ho_so": _gach(body.ho_so),
        "thoi_han": [{"viec": in_sentence(x.viec.rstrip(" .;")), "han": han(parse(x.han))}
                     for x in body.thoi_han],
        "tong_ket": _gach(body.tong_ket),
        "to_chuc_thuc_hien": to_chuc,
        "ket_luan": runs(closing_sentence(family, body.ket_luan)) if body.ket_luan else "",
        "ke_hoach_ve": ke_hoach_ve(envelope),
        "ket_thuc": family.dau_ket,
    }


def ke_hoach_ve(envelope: Envelope) -> str:
    """The abstract as it reads after "Kế hoạch" in a sentence ("phát động đợt thi đua …")."""
    abstract = " ".join(envelope.trich_yeu.split()).rstrip(" .")
    return f"{abstract[:1].lower()}{abstract[1:]}"
