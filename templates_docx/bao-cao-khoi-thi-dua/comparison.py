"""The bloc report's comparison of key targets: each member's result against plan (or last
year), the percentage, and the bloc's total where the target adds up.

Percentages are ``thuc_hien / chi_tieu × 100`` rounded half-up to one decimal (``104,2``);
none when the reference is missing or zero.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from vanban.errors import Problem, problem
from vanban.scoring.compute import dec, jnum
from vanban.vi.numbers import so_dem

from .model import SoSanh


def ty_le(thuc_hien: float | None, chi_tieu: float | None) -> Decimal | None:
    if thuc_hien is None or not chi_tieu:
        return None
    value = dec(thuc_hien) / dec(chi_tieu) * 100
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def check_so_sanh(s: SoSanh, path: str) -> list[Problem]:
    out = []
    n = len(s.chi_tieu)
    for i, row in enumerate(s.don_vi):
        if len(row.so_lieu) != n:
            out.append(problem(
                "so-sanh.so-cot", f"{path}.don_vi[{i}].so_lieu",
                f"Cần đúng {n} số liệu (một cho mỗi chỉ tiêu, theo thứ tự), đang có "
                f"{len(row.so_lieu)}.", f"expected {n} figures, got {len(row.so_lieu)}"))
    return out


def totals(s: SoSanh) -> list[dict[str, Any] | None]:
    """Per target: the bloc's sums and percentage, or None when the target does not add up."""
    out: list[dict[str, Any] | None] = []
    for k, target in enumerate(s.chi_tieu):
        if target.toan_khoi != "tong":
            out.append(None)
            continue
        refs = [row.so_lieu[k].chi_tieu for row in s.don_vi]
        done = [row.so_lieu[k].thuc_hien for row in s.don_vi]
        ref = sum((dec(v) for v in refs if v is not None), Decimal(0))
        act = sum((dec(v) for v in done if v is not None), Decimal(0))
        out.append({"chi_tieu": jnum(ref), "thuc_hien": jnum(act),
                    "ty_le": jnum(ty_le(float(act), float(ref)))})
    return out


def _n(v: float | None) -> int | float | None:
    return None if v is None else jnum(dec(v))


def to_dict(s: SoSanh) -> dict[str, Any]:
    return {
        "chi_tieu": [t.ten for t in s.chi_tieu],
        "don_vi": [{"don_vi": row.don_vi, "so_lieu": [
            {"chi_tieu": _n(v.chi_tieu), "thuc_hien": _n(v.thuc_hien),
             "ty_le": jnum(ty_le(v.thuc_hien, v.chi_tieu))} for v in row.so_lieu]}
            for row in s.don_vi],
        "toan_khoi": totals(s),
        "chua_dat": [{"chi_tieu": t.ten, "don_vi": names}
                     for t, names in zip(s.chi_tieu, below(s), strict=True)],
        "nhan_xet": summary(s),
    }


def below(s: SoSanh) -> list[list[str]]:
    """Per target, the members whose result is below their plan (or last year's figure)."""
    out: list[list[str]] = []
    for k, _ in enumerate(s.chi_tieu):
        out.append([row.don_vi for row in s.don_vi
                    if row.so_lieu[k].thuc_hien is not None and row.so_lieu[k].chi_tieu
                    and dec(row.so_lieu[k].thuc_hien) < dec(row.so_lieu[k].chi_tieu)])
    return out


def summary(s: SoSanh) -> list[str]:
    """The sentences that describe the table, computed from the same figures: how many
    members reached every target, and who is below which one. Never "cơ bản hoàn thành" when
    the table says otherwise."""
    misses = below(s)
    n = len(s.don_vi)
    short = {u for names in misses for u in names}
    reached = n - len(short)
    ref = "kế hoạch giao" if all(t.so_voi == "ke-hoach" for t in s.chi_tieu) else "mức so sánh"
    if not short:
        return [f"Tất cả {so_dem(n)}/{so_dem(n)} đơn vị thành viên đạt hoặc vượt {ref} ở mọi "
                "chỉ tiêu trong bảng."]
    first = (f"Có {so_dem(reached)}/{so_dem(n)} đơn vị thành viên đạt hoặc vượt {ref} ở mọi "
             f"chỉ tiêu trong bảng; {so_dem(len(short))}/{so_dem(n)} đơn vị chưa đạt ít nhất "
             "một chỉ tiêu:")
    lines = [first]
    for target, names in zip(s.chi_tieu, misses, strict=True):
        if names:
            lines.append(f"{target.ten}: {so_dem(len(names))}/{so_dem(n)} đơn vị chưa đạt "
                         f"({', '.join(names)}).")
    return lines
