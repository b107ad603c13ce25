"""Body of ``dang-ky-thi-dua``: opening, I. Nội dung thi đua (numbered paragraphs), II. Chỉ tiêu
thi đua cụ thể (1. tập thể, 2. cá nhân: one sentence per target), closing. The headings and the
target sentence ("Phấn đấu 04 phòng, đơn vị đạt danh hiệu …") are Word text in
``template.docx`` (``tools/build_word_bodies.py``); this module gives the values they read."""

from __future__ import annotations

from vanban.context.inline import in_sentence, runs
from vanban.context.outline import Outline
from vanban.errors import Problem
from vanban.model.chi_tieu import ChiTieu
from vanban.model.envelope import Envelope
from vanban.prose import chi_tieu as ct
from vanban.the_thuc.blocks import closing_sentence
from vanban.the_thuc.families import Family
from vanban.vi.numbers import so, so_dem
from vanban.vocab import AwardMatch

from .model import DangKyThiDua

Body = DangKyThiDua


def check(envelope: Envelope) -> list[Problem]:
    body: DangKyThiDua = envelope.noi_dung
    problems: list[Problem] = []
    ct.awards(body.tap_the, "noi_dung.tap_the", problems)
    ct.awards(body.ca_nhan, "noi_dung.ca_nhan", problems)
    return problems


def _target(t: ChiTieu, match: AwardMatch | None) -> dict:
    """One target as the Word body's sentence reads it ("Phấn đấu 04 phòng, đơn vị đạt danh
    hiệu …"): its own sentence when the clerk wrote one, else its figures."""
    number = "" if t.noi_dung else (so_dem(t.so_luong) if t.so_luong is not None
                                     else f"{so(t.ty_le)}%")
    own = ct.own_sentence(t.noi_dung).strip().lstrip("-–•").lstrip() if t.noi_dung else ""
    return {"noi_dung": in_sentence(own),
            "so": number, "ty_le": t.so_luong is None, "muc": t.muc,
            "doi_tuong": in_sentence(str(t.doi_tuong)), "dat": ct.what(t, match)}


def build_context(envelope: Envelope, family: Family, envelope_ctx: dict) -> dict:
    """The values the Word body (``template.docx``, ``tools/build_word_bodies.py``) reads; its
    headings and the target sentences are Word text. Documented in docs/designer-eject.md."""
    body: DangKyThiDua = envelope.noi_dung
    o = Outline()
    so_muc = {"noi_dung": o.number(1) if body.noi_dung else "", "chi_tieu": o.number(1),
              "tap_the": o.number(2) if body.tap_the else "",
              "ca_nhan": o.number(2) if body.ca_nhan else ""}
    groups = {}
    for key, items in (("tap_the", body.tap_the), ("ca_nhan", body.ca_nhan)):
        found = ct.awards(items, f"noi_dung.{key}", [])
        groups[key] = [_target(t, m) for t, m in zip(items, found, strict=True)]
    return {
        "so": so_muc,
        "nam": body.nam,
        "mo_dau": [runs(t) for t in body.mo_dau],
        "noi_dung_thi_dua": [in_sentence(t) for t in body.noi_dung],
        "chi_tieu_tap_the": groups["tap_the"],
        "chi_tieu_ca_nhan": groups["ca_nhan"],
        "ket_luan": runs(closing_sentence(family, body.ket_luan)) if body.ket_luan else "",
        "ket_thuc": family.dau_ket,
    }
