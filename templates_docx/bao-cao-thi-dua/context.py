"""Body of ``bao-cao-thi-dua``: the values its Word body reads (headings and sentences are Word
text in ``template.docx``, ``tools/build_word_bodies.py``; variables in docs/designer-eject.md).

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

from markupsafe import Markup

from vanban.context import blocks
from vanban.context.inline import in_sentence, runs
from vanban.context.outline import Outline
from vanban.errors import InputError, Problem
from vanban.model.envelope import Envelope
from vanban.prose import chi_tieu as ct
from vanban.prose import khen_thuong as kt
from vanban.the_thuc.blocks import closing_sentence
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


#: The numbered headings of the report: ``so.<key>`` is the heading's number ("I.", "2.", and
#: "I"/"II" for the two parts) when the section has data, else "" (left out, no gap).
SECTIONS = (
    "phan_1", "dac_diem", "thuan_loi", "kho_khan", "chi_dao", "phong_trao", "ket_qua_dang_ky",
    "dang_ky_tap_the", "dang_ky_ca_nhan", "khen_thuong", "tuyen_truyen", "danh_gia", "uu_diem",
    "han_che", "nguyen_nhan", "bai_hoc", "kien_nghi", "phan_2", "phuong_huong", "giai_phap",
)


def _doan(items: list[str]) -> list[Markup]:
    return [runs(t) for t in items]


def _phong_trao(o: Outline, p: PhongTrao) -> dict:
    end = "" if p.ket_qua and p.ket_qua.rstrip().endswith((".", "!", "?", "…")) else "."
    return {"so": o.number(2), "ten": in_sentence(p.ten, marks=False),
            # the name already says what it is ("Phong trào …", "Cuộc vận động …")
            "co_ten_loai": p.ten.lower().startswith(_PREFIXES),
            "don_vi": in_sentence(p.don_vi or ""), "thoi_gian": in_sentence(p.thoi_gian or ""),
            "noi_dung": runs(p.noi_dung) if p.noi_dung else "",
            "ket_qua": in_sentence(p.ket_qua or ""), "ket_qua_cham": end}


def _muc(o: Outline, m: Muc, level: int, flat: list[dict]) -> None:
    cap = min(level, 5)
    flat.append({"cap": cap, "so": o.number(cap),
                 "tieu_de": in_sentence(m.tieu_de.upper() if cap == 1 else m.tieu_de,
                                        marks=False),
                 "doan": _doan(m.doan)})
    for child in m.muc:
        _muc(o, child, level + 1, flat)


def build(body: BaoCaoThiDua, awards: list[kt.Award], family: Family,
          envelope_ctx: dict, trich_yeu: str) -> dict:
    """The values the Word body (``template.docx``, ``tools/build_word_bodies.py``) reads; its
    headings and sentences are Word text. Documented in docs/designer-eject.md."""
    o = Outline()
    so = dict.fromkeys(SECTIONS, "")
    this, nxt = ky_label(body.ky)
    has_part_two = bool(body.phuong_huong or body.giai_phap)

    def head(key: str, level: int, present: object = True) -> None:
        if present:
            so[key] = o.number(level)

    def phan(key: str) -> None:
        so[key] = o.next_phan()

    if has_part_two:
        phan("phan_1")
    d = body.dac_diem
    if d.gioi_thieu or d.thuan_loi or d.kho_khan:
        head("dac_diem", 1)
        head("thuan_loi", 2, d.thuan_loi)
        head("kho_khan", 2, d.kho_khan)
    head("chi_dao", 1, body.chi_dao)
    phong_trao: list[dict] = []
    if body.phong_trao:
        head("phong_trao", 1)
        phong_trao = [_phong_trao(o, p) for p in body.phong_trao]
    kq = body.ket_qua_dang_ky
    dang_ky: dict = {"tap_the": [], "ca_nhan": [], "tong": ""}
    if kq:
        found = _target_awards(kq, [])
        head("ket_qua_dang_ky", 1)
        for group in ("tap_the", "ca_nhan"):
            items = getattr(kq, group)
            head(f"dang_ky_{group}", 2, items)
            dang_ky[group] = [blocks.gach(ct.result_text(t, m, kq.can_cu or ""))["runs"]
                              for t, m in zip(items, found[group], strict=True)]
        dang_ky["tong"] = ct.totals_text(ct.totals([*kq.tap_the, *kq.ca_nhan]))
    muc: list[dict] = []
    for m in body.muc:
        _muc(o, m, 1, muc)
    head("khen_thuong", 1, awards or body.khen_thuong_doan)
    da_nhan, de_nghi = kt.clauses(awards, family.tu_ca_nhan)
    head("tuyen_truyen", 1, body.tuyen_truyen)
    if body.uu_diem or body.han_che or body.nguyen_nhan or body.bai_hoc:
        head("danh_gia", 1)
        for key in ("uu_diem", "han_che", "nguyen_nhan", "bai_hoc"):
            head(key, 2, getattr(body, key))
    head("kien_nghi", 1, body.kien_nghi)
    if has_part_two:
        phan("phan_2")
        head("phuong_huong", 1, body.phuong_huong)
        head("giai_phap", 1, body.giai_phap)

    return {
        "so": so,
        "ky_nay": this,
        "ky_sau": nxt,
        "gioi_thieu": _doan(d.gioi_thieu),
        "thuan_loi": _doan(d.thuan_loi),
        "kho_khan": _doan(d.kho_khan),
        "chi_dao": _doan(body.chi_dao),
        "phong_trao": phong_trao,
        "ket_qua_dang_ky": dang_ky,
        "muc": muc,
        "khen_thuong_doan": _doan(body.khen_thuong_doan),
        "khen_thuong": {"da_nhan": in_sentence(da_nhan), "de_nghi": in_sentence(de_nghi)},
        "bang_khen_thuong": kt.table_rows(awards),
        "tuyen_truyen": _doan(body.tuyen_truyen),
        "uu_diem": _doan(body.uu_diem),
        "han_che": _doan(body.han_che),
        "nguyen_nhan": _doan(body.nguyen_nhan),
        "bai_hoc": _doan(body.bai_hoc),
        "kien_nghi": _doan(body.kien_nghi),
        "phuong_huong": _doan(body.phuong_huong),
        "giai_phap": _doan(body.giai_phap),
        "ket_luan": runs(closing_sentence(family, body.ket_luan)) if body.ket_luan else "",
        "bao_cao_ve": bao_cao_ve(trich_yeu),
        "ket_thuc": family.dau_ket,
    }


def bao_cao_ve(trich_yeu: str) -> str:
    """The abstract as it reads after "báo cáo" in a sentence."""
    abstract = join_lines(trich_yeu).rstrip(" .")
    return abstract[:1].lower() + abstract[1:]
