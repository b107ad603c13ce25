"""Body of ``ke-hoach-thi-dua`` → blocks (outline of seed 001, the Party's plan for a drive).

(căn cứ, opening) · I. Mục đích, yêu cầu · II. Nội dung, mục tiêu, thời gian of the drive ·
III. Đối tượng, danh hiệu and hình thức with quotas, tiêu chuẩn · IV. Đăng ký, quy trình, hồ sơ,
deadlines, tổng kết · V. Tổ chức thực hiện per unit · closing sentence. Sections without data
are left out and the numbering closes up.
"""

from __future__ import annotations

from vanban.context.outline import Outline
from vanban.errors import InputError, Problem, problem
from vanban.model.dates import parse
from vanban.model.envelope import Envelope
from vanban.the_thuc.families import Family
from vanban.vi.dates import NgayThang, ngay_ngan
from vanban.vi.numbers import so_dem
from vanban.vocab import AwardMatch, find_award

from .model import HinhThuc, KeHoachThiDua, ThoiGian

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


def thoi_gian_cau(t: ThoiGian) -> str:
    """"Đợt thi đua được thực hiện từ ngày 01/10/2024 đến hết tháng 3/2025."."""
    return f"Đợt thi đua được thực hiện {tu(parse(t.tu_ngay))} {den(parse(t.den_ngay))}."


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


def quota_line(h: HinhThuc) -> str:
    parts = [f"{c.don_vi} trình không quá {so_dem(c.toi_da)} {c.doi_tuong}" for c in h.chi_tieu]
    text = "; ".join(parts) + "."
    return f"{h.chi_tieu_nhom}: {text}" if h.chi_tieu_nhom else text


def _hinh_thuc(o: Outline, h: HinhThuc, match: AwardMatch | None) -> None:
    title = match.ten_day_du if match is not None else h.ten
    if h.nguoi_tang and match is not None and h.nguoi_tang not in title:
        title = f"{title} của {h.nguoi_tang}"
    o.heading(3, title)
    o.paragraphs(h.mo_ta)
    quota = quota_line(h) if h.chi_tieu else None
    if h.tap_the:
        o.heading(4, "Tập thể")
        o.bullets(h.tap_the)
    if h.ca_nhan or quota:
        o.heading(4, "Cá nhân")
        o.bullets(h.ca_nhan + ([quota] if quota else []))
    for note in h.ghi_chu:
        o.paragraph(f"*{note}*" if "*" not in note else note)


def _section(o: Outline, level: int, title: str, items: list[str], bullets: bool = True) -> None:
    if items:
        o.heading(level, title)
        (o.bullets if bullets else o.paragraphs)(items)


def build_context(envelope: Envelope, family: Family, envelope_ctx: dict) -> dict:
    body: KeHoachThiDua = envelope.noi_dung
    matches, _ = _awards(body)
    o = Outline()
    o.can_cu(body.can_cu)
    o.paragraphs(body.mo_dau)

    if body.muc_dich and body.yeu_cau:
        o.heading(1, "Mục đích, yêu cầu")
        _section(o, 2, "Mục đích", body.muc_dich)
        _section(o, 2, "Yêu cầu", body.yeu_cau)
    elif body.muc_dich or body.yeu_cau:
        o.heading(1, "Mục đích, yêu cầu")
        o.bullets(body.muc_dich or body.yeu_cau)

    if body.noi_dung_thi_dua or body.muc_tieu or body.khau_hieu or body.thoi_gian:
        o.heading(1, "Nội dung, mục tiêu, thời gian của đợt thi đua")
        _section(o, 2, "Nội dung thi đua", body.noi_dung_thi_dua)
        _section(o, 2, "Mục tiêu thi đua", body.muc_tieu, bullets=len(body.muc_tieu) > 1)
        if body.khau_hieu:
            o.heading(2, "Khẩu hiệu thi đua")
            o.paragraph(body.khau_hieu)
        if body.thoi_gian:
            o.heading(2, "Thời gian thi đua")
            o.paragraph(thoi_gian_cau(body.thoi_gian))

    dt, tc = body.doi_tuong, body.tieu_chuan
    if dt.tap_the or dt.ca_nhan or body.khen_thuong or tc.chung or tc.tap_the or tc.ca_nhan:
        o.heading(1, "Đối tượng thi đua, tiêu chuẩn khen thưởng")
        if dt.tap_the or dt.ca_nhan:
            o.heading(2, "Đối tượng thi đua")
            o.bullets([f"{label}: {text}" for label, text in
                       (("Tập thể", dt.tap_the), ("Cá nhân", dt.ca_nhan)) if text])
        if body.khen_thuong:
            o.heading(2, "Danh hiệu thi đua, hình thức khen thưởng")
            for h, match in zip(body.khen_thuong, matches, strict=True):
                _hinh_thuc(o, h, match)
        if tc.chung or tc.tap_the or tc.ca_nhan:
            o.heading(2, "Tiêu chuẩn khen thưởng")
            if tc.chung:
                o.paragraph(tc.chung)
            for label, groups in (("Tập thể", tc.tap_the), ("Cá nhân", tc.ca_nhan)):
                if groups:
                    o.heading(3, label)
                    for g in groups:
                        o.heading(4, g.doi_tuong)
                        o.bullets(g.y)

    if body.dang_ky or body.quy_trinh or body.ho_so or body.thoi_han or body.tong_ket:
        o.heading(1, "Đăng ký thi đua và quy trình, thời gian, hồ sơ khen thưởng, "
                     "tổng kết đợt thi đua")
        _section(o, 2, "Đăng ký thi đua", body.dang_ky)
        _section(o, 2, "Quy trình bình xét và đề nghị khen thưởng", body.quy_trinh)
        _section(o, 2, "Hồ sơ trình đề nghị khen thưởng", body.ho_so)
        _section(o, 2, "Thời gian trình khen thưởng",
                 [f"{t.viec.rstrip(' .;')} {han(parse(t.han))}." for t in body.thoi_han])
        _section(o, 2, "Công tác tổng kết đợt thi đua", body.tong_ket)

    if body.to_chuc_thuc_hien:
        o.heading(1, "Tổ chức thực hiện")
        for unit in body.to_chuc_thuc_hien:
            o.heading(2, unit.don_vi)
            o.bullets(unit.nhiem_vu)

    o.closing(body.ket_luan or ket_luan(envelope, family, envelope_ctx))
    return {"khoi": o.blocks}


def ket_luan(envelope: Envelope, family: Family, envelope_ctx: dict) -> str:
    abstract = " ".join(envelope.trich_yeu.split()).rstrip(" .")
    return (f"Trên đây là Kế hoạch {abstract[:1].lower()}{abstract[1:]} của "
            f"{envelope_ctx['co_quan_trong_cau']}" + (family.ket_thuc or "."))
