"""The generic body (templates whose manifest names no module): căn cứ, opening paragraphs,
numbered sections with paragraphs and dash bullets, a closing paragraph kept with the signature.

Two views of the same body: ``khoi`` (the blocks a generic body loops over, what ``vanban
new-template`` scaffolds) and named values for a body whose structure is Word text (the
built-in ``cong-van``, ``tools/build_word_bodies.py``): ``can_cu``, ``mo_dau``, ``muc`` (every
section in reading order, nested ones flattened, each with its level ``cap`` and number ``so``)
and ``ket_luan`` — documented in docs/designer-eject.md.
"""

from __future__ import annotations

from markupsafe import Markup

from vanban.context.inline import in_sentence
from vanban.context.outline import LEVELS, Outline
from vanban.model.envelope import Envelope
from vanban.model.van_ban_chung import MucChung, VanBanChung
from vanban.the_thuc.blocks import closing_sentence
from vanban.the_thuc.families import Family

#: The body model of the generic template.
Body = VanBanChung


def _muc(o: Outline, m: MucChung, level: int, flat: list[dict]) -> None:
    cap = min(level, LEVELS)
    so = o.heading(cap, m.tieu_de)
    start = len(o.blocks)
    o.items(m.doan)
    middle = len(o.blocks)
    o.bullets(m.y)
    flat.append({"cap": cap, "so": so,
                 "tieu_de": in_sentence(m.tieu_de.upper() if cap == 1 else m.tieu_de,
                                        marks=False),
                 "doan": _runs(o, start, middle), "y": _runs(o, middle, len(o.blocks))})
    for child in m.muc:
        _muc(o, child, level + 1, flat)


def _runs(o: Outline, start: int, end: int) -> list[Markup]:
    """The runs of blocks ``start:end`` (made once: a footnote mark is counted once)."""
    return [b["runs"] for b in o.blocks[start:end]]


def build_context(envelope: Envelope, family: Family, envelope_ctx: dict) -> dict:
    body: VanBanChung = envelope.noi_dung
    o = Outline()
    o.can_cu(body.can_cu)
    can_cu = _runs(o, 0, len(o.blocks))
    start = len(o.blocks)
    o.items(body.mo_dau)
    mo_dau = _runs(o, start, len(o.blocks))
    flat: list[dict] = []
    for m in body.muc:
        _muc(o, m, 1, flat)
    if body.ket_luan:
        o.closing(closing_sentence(family, body.ket_luan))
    return {"khoi": o.blocks, "can_cu": can_cu, "mo_dau": mo_dau, "muc": flat,
            "ket_luan": o.blocks[-1]["runs"] if body.ket_luan else ""}
