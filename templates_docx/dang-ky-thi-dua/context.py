"""Body of ``dang-ky-thi-dua`` → blocks: opening, I. Nội dung thi đua (numbered paragraphs),
II. Chỉ tiêu thi đua cụ thể (1. tập thể, 2. cá nhân: one sentence per target), closing."""

from __future__ import annotations

from vanban.context.outline import Outline
from vanban.errors import Problem
from vanban.model.envelope import Envelope
from vanban.prose import chi_tieu as ct
from vanban.the_thuc.families import Family

from .model import DangKyThiDua

Body = DangKyThiDua


def check(envelope: Envelope) -> list[Problem]:
    body: DangKyThiDua = envelope.noi_dung
    problems: list[Problem] = []
    ct.awards(body.tap_the, "noi_dung.tap_the", problems)
    ct.awards(body.ca_nhan, "noi_dung.ca_nhan", problems)
    return problems


def build_context(envelope: Envelope, family: Family, envelope_ctx: dict) -> dict:
    body: DangKyThiDua = envelope.noi_dung
    o = Outline()
    o.paragraphs(body.mo_dau)
    if body.noi_dung:
        o.heading(1, "Nội dung thi đua")
        o.paragraphs([f"{n}. {text}" for n, text in enumerate(body.noi_dung, 1)])
    o.heading(1, f"Chỉ tiêu thi đua cụ thể năm {body.nam}")
    for label, items, path in (("Đối với tập thể", body.tap_the, "noi_dung.tap_the"),
                               ("Đối với cá nhân", body.ca_nhan, "noi_dung.ca_nhan")):
        if items:
            o.heading(2, label)
            found = ct.awards(items, path, [])
            o.bullets([ct.target_text(t, m) for t, m in zip(items, found, strict=True)])
    o.closing(body.ket_luan or (
        f"Trên đây là đăng ký thi đua năm {body.nam} của {envelope_ctx['co_quan_trong_cau']}"
        + (family.ket_thuc or ".")))
    return {"khoi": o.blocks}
