"""The generic body (templates whose manifest names no module): căn cứ, opening paragraphs,
numbered sections with paragraphs and dash bullets, a closing paragraph kept with the signature.
"""

from __future__ import annotations

from vanban.context.outline import LEVELS, Outline
from vanban.model.envelope import Envelope
from vanban.model.van_ban_chung import MucChung, VanBanChung
from vanban.the_thuc.families import Family

#: The body model of the generic template.
Body = VanBanChung


def _muc(o: Outline, m: MucChung, level: int) -> None:
    o.heading(min(level, LEVELS), m.tieu_de)
    o.items(m.doan)
    o.bullets(m.y)
    for child in m.muc:
        _muc(o, child, level + 1)


def build_context(envelope: Envelope, family: Family, envelope_ctx: dict) -> dict:
    body: VanBanChung = envelope.noi_dung
    o = Outline()
    o.can_cu(body.can_cu)
    o.items(body.mo_dau)
    for m in body.muc:
        _muc(o, m, 1)
    if body.ket_luan:
        o.closing(body.ket_luan)
    return {"khoi": o.blocks}
