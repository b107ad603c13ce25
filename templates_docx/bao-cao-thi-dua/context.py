"""Body of ``bao-cao-thi-dua`` → the blocks the template loops over.

Outline (mẫu số 01, seed 002; sections of seeds 000 and 004), each section only when it has
data, numbered without gaps:

Phần I (when Phần II exists) — kết quả …
  I. Đặc điểm tình hình (1. Thuận lợi, 2. Khó khăn) · II. Công tác lãnh đạo, chỉ đạo ·
  III. Kết quả các phong trào thi đua · free sections (``muc``) · IV. Công tác khen thưởng
  (sentences + table) · V. Tuyên truyền, điển hình tiên tiến · VI. Đánh giá chung
  (ưu điểm, hạn chế, nguyên nhân, bài học) · VII. Kiến nghị, đề xuất
Phần II — phương hướng, nhiệm vụ và giải pháp …
Closing sentence "Trên đây là báo cáo … của …" (+ "./." in State and union documents).
"""

from __future__ import annotations

from vanban.context.outline import Outline
from vanban.errors import InputError, Problem
from vanban.model.envelope import Envelope
from vanban.prose import chi_tieu as ct
from vanban.prose import khen_thuong as kt
from vanban.the_thuc.families import Family
from vanban.vi.text import join_lines
from vanban.vocab import AwardMatch, find_award

from .model import BaoCaoThiDua, KetQuaDangKy, Ky, Muc, PhongTrao

#: The body model of this template (the manifest points here).
Body = BaoCaoThiDua

_PREFIXES = ("phong trào", "cuộc vận động", "cuộc thi", "chương trình", "đợt thi đua")


def ky_label(ky: Ky) -> tuple[str, str]:
    """(this period, next period) as words: "6 tháng đầu năm 2022", "6 tháng cuối năm 2022"."""
    if ky.loai == "so-ket-6-thang":
        return f"6 tháng đầu năm {ky.nam}", f"6 tháng cuối năm {ky.nam}"
    if ky.loai == "tong-ket-nam":
        return f"năm {ky.nam}", f"năm {ky.nam + 1}"
    return f"đợt thi đua {ky.ten_dot}", "thời gian tới"


def _phong_trao(o: Outline, p: PhongTrao) -> None:
    title = p.ten if p.ten.lower().startswith(_PREFIXES) else f"Phong trào thi đua “{p.ten}”"
    o.heading(2, title)
    if p.don_vi and p.thoi_gian:
        o.paragraph(f"Đơn vị phát động: {p.don_vi}; thời gian: {p.thoi_gian}.")
    elif p.don_vi:
        o.paragraph(f"Đơn vị phát động: {p.don_vi}.")
    elif p.thoi_gian:
        o.paragraph(f"Thời gian thực hiện: {p.thoi_gian}.")
    if p.noi_dung:
        o.paragraph(p.noi_dung)
    if p.ket_qua:
        end = "" if p.ket_qua.rstrip().endswith((".", "!", "?", "…")) else "."
        o.paragraph(f"Kết quả: {p.ket_qua}{end}")


def _muc(o: Outline, m: Muc, level: int) -> None:
    o.heading(min(level, 5), m.tieu_de)
    o.paragraphs(m.doan)
    for child in m.muc:
        _muc(o, child, level + 1)


def _section(o: Outline, title: str, paragraphs: list[str]) -> None:
    if paragraphs:
        o.heading(1, title)
        o.paragraphs(paragraphs)


def _sub(o: Outline, title: str, paragraphs: list[str]) -> None:
    if paragraphs:
        o.heading(2, title)
        o.paragraphs(paragraphs)


def resolve_awards(body: BaoCaoThiDua) -> tuple[list[kt.Award], list[Problem]]:
    """Match every award line against the vocabulary; collect every unknown name."""
    awards, problems = [], []
    for n, item in enumerate(body.khen_thuong):
        match = _find(n, item.ten, item.nguoi_tang, problems)
        if match is not None:
            awards.append(kt.Award(item=item, match=match, index=n))
    return awards, problems


def _find(n: int, ten: str, nguoi_tang: str | None, problems: list[Problem]) -> AwardMatch | None:
    """Look award ``n`` up; an unknown name adds its problem (with suggestions) instead."""
    try:
        return find_award(ten, nguoi_tang, path=f"noi_dung.khen_thuong[{n}].ten")
    except InputError as exc:
        problems.extend(exc.problems)
        return None


def _target_awards(kq: KetQuaDangKy | None,
                   problems: list[Problem]) -> dict[str, list]:
    """The award of every registered target, by group (unknown names add problems)."""
    if kq is None:
        return {"tap_the": [], "ca_nhan": []}
    return {"tap_the": ct.awards(kq.tap_the, "noi_dung.ket_qua_dang_ky.tap_the", problems),
            "ca_nhan": ct.awards(kq.ca_nhan, "noi_dung.ket_qua_dang_ky.ca_nhan", problems)}


def check(envelope: Envelope) -> list[Problem]:
    """Problems the model cannot see alone (vocabulary)."""
    problems = resolve_awards(envelope.noi_dung)[1]
    _target_awards(envelope.noi_dung.ket_qua_dang_ky, problems)
    return problems


def compute(envelope: Envelope) -> dict:
    """The figures the report computes: each registered target's evaluation and the totals."""
    kq: KetQuaDangKy | None = envelope.noi_dung.ket_qua_dang_ky
    if kq is None:
        return {"ket_qua_dang_ky": None}
    items = []
    for group in ("tap_the", "ca_nhan"):
        for n, t in enumerate(getattr(kq, group)):
            ev = ct.evaluate(t)
            items.append({"path": f"noi_dung.ket_qua_dang_ky.{group}[{n}]",
                          "danh_gia": ev.status, "vuot": ev.excess})
    return {"ket_qua_dang_ky": {"chi_tieu": items,
                                "tong": ct.totals([*kq.tap_the, *kq.ca_nhan])}}


def _ket_qua_dang_ky(o: Outline, kq: KetQuaDangKy) -> None:
    found = _target_awards(kq, [])
    o.heading(1, "Kết quả thực hiện các chỉ tiêu thi đua đã đăng ký")
    for label, group in (("Đối với tập thể", "tap_the"), ("Đối với cá nhân", "ca_nhan")):
        items = getattr(kq, group)
        if items:
            o.heading(2, label)
            o.bullets([ct.result_text(t, m, kq.can_cu or "")
                       for t, m in zip(items, found[group], strict=True)])
    o.paragraph(ct.totals_text(ct.totals([*kq.tap_the, *kq.ca_nhan])))


def check_raw(data: dict) -> list[Problem]:
    """Vocabulary problems in input that failed the model (award names that are strings)."""
    items = data.get("noi_dung", {}).get("khen_thuong") if isinstance(
        data.get("noi_dung"), dict) else None
    problems: list[Problem] = []
    for n, item in enumerate(items if isinstance(items, list) else []):
        ten = item.get("ten") if isinstance(item, dict) else None
        nguoi_tang = item.get("nguoi_tang") if isinstance(item, dict) else None
        if isinstance(ten, str) and ten.strip():
            _find(n, ten, nguoi_tang if isinstance(nguoi_tang, str) else None, problems)
    return problems


def build_context(envelope: Envelope, family: Family, envelope_ctx: dict) -> dict:
    body: BaoCaoThiDua = envelope.noi_dung
    awards, _ = resolve_awards(body)
    return build(body, awards, family, envelope_ctx, envelope.trich_yeu)


def build(body: BaoCaoThiDua, awards: list[kt.Award], family: Family,
          envelope_ctx: dict, trich_yeu: str) -> dict:
    o = Outline()
    this, nxt = ky_label(body.ky)
    has_part_two = bool(body.phuong_huong or body.giai_phap)
    if has_part_two:
        o.phan(f"Kết quả thực hiện phong trào thi đua, công tác khen thưởng {this}")

    d = body.dac_diem
    if d.gioi_thieu or d.thuan_loi or d.kho_khan:
        o.heading(1, "Đặc điểm tình hình")
        o.paragraphs(d.gioi_thieu)
        _sub(o, "Thuận lợi", d.thuan_loi)
        _sub(o, "Khó khăn", d.kho_khan)
    _section(o, "Công tác lãnh đạo, chỉ đạo, tổ chức thực hiện", body.chi_dao)
    if body.phong_trao:
        o.heading(1, "Kết quả thực hiện các phong trào thi đua")
        for p in body.phong_trao:
            _phong_trao(o, p)
    if body.ket_qua_dang_ky:
        _ket_qua_dang_ky(o, body.ket_qua_dang_ky)
    for m in body.muc:
        _muc(o, m, 1)
    if awards or body.khen_thuong_doan:
        o.heading(1, "Công tác khen thưởng")
        o.paragraphs(body.khen_thuong_doan)
        o.paragraphs(kt.sentences(awards, this, family.tu_ca_nhan))
        if awards:
            o.add({"loai": "bang_khen_thuong", "rows": kt.table_rows(awards)})
    _section(o, "Công tác tuyên truyền, phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến",
             body.tuyen_truyen)
    if body.uu_diem or body.han_che or body.nguyen_nhan or body.bai_hoc:
        o.heading(1, "Đánh giá chung")
        _sub(o, "Ưu điểm", body.uu_diem)
        _sub(o, "Hạn chế, tồn tại", body.han_che)
        _sub(o, "Nguyên nhân", body.nguyen_nhan)
        _sub(o, "Bài học kinh nghiệm", body.bai_hoc)
    _section(o, "Kiến nghị, đề xuất", body.kien_nghi)
    if has_part_two:
        o.phan(f"Phương hướng, nhiệm vụ và giải pháp thực hiện phong trào thi đua, "
               f"công tác khen thưởng {nxt}")
        _section(o, "Phương hướng, nhiệm vụ", body.phuong_huong)
        _section(o, "Giải pháp thực hiện", body.giai_phap)

    o.closing(ket_luan(body, family, envelope_ctx, trich_yeu))
    return {"khoi": o.blocks}


def ket_luan(body: BaoCaoThiDua, family: Family, envelope_ctx: dict, trich_yeu: str) -> str:
    if body.ket_luan:
        return body.ket_luan
    abstract = join_lines(trich_yeu).rstrip(" .")
    abstract = abstract[:1].lower() + abstract[1:]
    return f"Trên đây là báo cáo {abstract} của {envelope_ctx['co_quan_trong_cau']}" + (
        family.ket_thuc or ".")
