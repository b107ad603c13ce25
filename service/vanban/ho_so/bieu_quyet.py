"""Votes of the council (Hội đồng Thi đua – Khen thưởng) on each candidate: percentage of the
WHOLE membership, the threshold that applies to the award, reached or not.

The percentage is never typed: it is computed from the votes for and the number of members
(absent members included — NĐ 98/2023 Điều 30 khoản 7 ◐). Thresholds come from
``vocab/ho_so/nguong_bieu_quyet.toml``. "Reached" is decided in exact integer arithmetic
(``dong_y × 100 ≥ ty_le × members``). The printed percentages are rounded to two decimals
so that the shares of one vote — agree, disagree, did not vote — add up to 100 % (largest
remainders: 8/9 → "88,89%" and 1/9 → "11,11%", not the truncated 88,88 % + 11,11 % = 99,99 %);
the decision is never taken on the printed figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction

from vanban.ho_so.data import find_row, load
from vanban.vi.numbers import so
from vanban.vocab import AwardMatch


@dataclass(frozen=True)
class Nguong:
    """The voting rule for one award."""

    ty_le: Fraction  # percentage of the whole membership
    so_sanh: str  # ">=" or ">"
    bo_phieu: bool  # a secret ballot is required
    can_cu: str

    @property
    def text(self) -> str:
        """As printed: "≥ 80%", "> 50%"."""
        sign = "≥" if self.so_sanh == ">=" else ">"
        return f"{sign} {so(Decimal(self.ty_le.numerator) / self.ty_le.denominator)}%"

    @property
    def loi(self) -> str:
        """In a sentence: "từ 80% trở lên", "trên 50%"."""
        value = so(Decimal(self.ty_le.numerator) / self.ty_le.denominator)
        return f"từ {value}% trở lên" if self.so_sanh == ">=" else f"trên {value}%"


def _rule(row: dict) -> Nguong:
    so_sanh = row.get("so_sanh", ">=")
    if so_sanh not in (">=", ">"):
        raise ValueError(f"nguong_bieu_quyet.toml: so_sanh must be '>=' or '>', got {so_sanh!r}")
    ty_le = Fraction(str(row["ty_le"]))
    if not 0 < ty_le <= 100:
        raise ValueError(f"nguong_bieu_quyet.toml: ty_le out of range: {row['ty_le']}")
    return Nguong(ty_le, so_sanh, bool(row.get("bo_phieu", False)), row.get("can_cu", ""))


def nguong(match: AwardMatch) -> Nguong:
    """The threshold that applies to this award (the data's [mac_dinh] when none is listed)."""
    data = load("nguong_bieu_quyet")
    row = find_row(data.get("nguong", []), match)
    return _rule(row if row is not None else data["mac_dinh"])


@dataclass(frozen=True)
class KetQua:
    """The result of one vote: computed figures, ready to print."""

    dong_y: int
    khong_dong_y: int
    tong_thanh_vien: int
    nguong: Nguong

    @property
    def ty_le(self) -> Fraction:
        """Exact percentage of the whole membership who agreed."""
        return Fraction(self.dong_y * 100, self.tong_thanh_vien)

    @property
    def ty_le_khong_dong_y(self) -> Fraction:
        return Fraction(self.khong_dong_y * 100, self.tong_thanh_vien)

    @property
    def dat(self) -> bool:
        """True when the threshold is reached."""
        if self.nguong.so_sanh == ">=":
            return self.ty_le >= self.nguong.ty_le
        return self.ty_le > self.nguong.ty_le

    @property
    def _printed(self) -> list[str]:
        rest = self.tong_thanh_vien - self.dong_y - self.khong_dong_y
        return phan_tram_chia(
            [self.dong_y, self.khong_dong_y, max(0, rest)], self.tong_thanh_vien)

    @property
    def ty_le_text(self) -> str:
        return self._printed[0]

    @property
    def ty_le_khong_dong_y_text(self) -> str:
        return self._printed[1]


def phan_tram(value: Fraction, decimals: int = 2) -> str:
    """A percentage truncated to ``decimals`` places: 8/9 → "88,88%", 80 → "80%"."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    cut = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_DOWN).normalize()
    return f"{so(cut)}%"


def phan_tram_chia(counts: list[int], total: int, decimals: int = 2) -> list[str]:
    """The shares ``counts / total`` as printed percentages that add up to exactly 100 %
    when the counts add up to ``total``: each rounded down to ``decimals`` places, then the
    missing hundredths given to the largest remainders (ties: the earlier share)."""
    unit = 10 ** decimals
    exact = [Fraction(c * 100 * unit, total) for c in counts]
    floors = [int(x) for x in exact]
    missing = (100 * unit - sum(floors)) if sum(counts) == total else 0
    order = sorted(range(len(counts)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:max(0, missing)]:
        if exact[i] != floors[i]:
            floors[i] += 1
    return [f"{so((Decimal(v) / unit).normalize())}%" for v in floors]


def ket_qua(match: AwardMatch, dong_y: int, khong_dong_y: int, tong_thanh_vien: int) -> KetQua:
    """Compute one vote. Counts must already be validated (see the biên bản model)."""
    if tong_thanh_vien <= 0:
        raise ValueError("a council has at least one member")
    return KetQua(dong_y, khong_dong_y, tong_thanh_vien, nguong(match))
