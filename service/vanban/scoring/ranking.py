"""The bloc leader's ranking: ranks with ties, Vietnamese order, the proposals.

* units are ordered by total, highest first; equal totals share a rank and the next rank skips
  (1, 2, 2, 4 — "standard competition ranking");
* units with the same total are listed in Vietnamese alphabetical order
  (:func:`vanban.vi.collate.khoa`);
* units marked "không xét thi đua" come last, without a rank, alphabetically;
* proposals (``de_nghi``): the forms are taken in the order given, each going to the next
  ``so_luong`` ranked units — a unit receives at most one proposal. When the last place of a
  form falls inside a tie, the tied units are named in a warning (the bloc must decide).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from vanban.scoring.compute import jnum
from vanban.vi.collate import khoa


@dataclass
class DonViDiem:
    """One member's figures as ranked."""

    ten: str
    diem: Decimal  # points of the content groups
    diem_thuong: Decimal
    diem_tru: Decimal
    khong_xet: bool = False
    ghi_chu: str | None = None
    hang: int | None = None
    de_nghi: str | None = None
    #: The computed scoring table the member sent (``KetQuaChamDiem.to_dict()``), if any.
    bang_cham_diem: dict[str, Any] | None = None

    @property
    def tong(self) -> Decimal:
        return self.diem + self.diem_thuong - self.diem_tru


@dataclass
class XepHang:
    """The ranked table, the proposals and warnings about ties at a proposal's edge."""

    don_vi: list[DonViDiem]
    de_nghi: list[tuple[str, list[str]]] = field(default_factory=list)
    canh_bao: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "xep_hang": [{"hang": u.hang, "ten": u.ten, "diem": jnum(u.diem),
                          "diem_thuong": jnum(u.diem_thuong), "diem_tru": jnum(u.diem_tru),
                          "tong_diem": jnum(u.tong), "khong_xet": u.khong_xet,
                          "de_nghi": u.de_nghi, "ghi_chu": u.ghi_chu,
                          **({"bang_cham_diem": u.bang_cham_diem} if u.bang_cham_diem else {})}
                         for u in self.don_vi],
            "de_nghi": [{"hinh_thuc": f, "don_vi": names} for f, names in self.de_nghi],
            "canh_bao": self.canh_bao,
        }


def xep_hang(units: list[DonViDiem], de_nghi: list[tuple[str, int]] = ()) -> XepHang:
    """Rank ``units`` (mutated: ``hang`` and ``de_nghi`` set) and hand out the proposals."""
    ranked = sorted((u for u in units if not u.khong_xet), key=lambda u: (-u.tong, khoa(u.ten)))
    excluded = sorted((u for u in units if u.khong_xet), key=lambda u: khoa(u.ten))
    previous: Decimal | None = None
    for position, unit in enumerate(ranked, start=1):
        unit.hang = position if unit.tong != previous else ranked[position - 2].hang
        previous = unit.tong
    for unit in excluded:
        unit.hang = None
    out = XepHang(don_vi=ranked + excluded)
    start = 0
    for form, count in de_nghi:
        chosen = ranked[start:start + count]
        for unit in chosen:
            unit.de_nghi = form
        out.de_nghi.append((form, [u.ten for u in chosen]))
        end = start + count
        if chosen and end < len(ranked) and ranked[end].tong == chosen[-1].tong:
            tied = [u.ten for u in ranked if u.tong == chosen[-1].tong]
            out.canh_bao.append(
                f"“{form}”: các đơn vị {', '.join(tied)} bằng điểm nhau ở vị trí cuối được đề "
                "nghị; khối cần bình xét thêm.")
        start = end
    return out
