"""Reward money (tiền thưởng): a multiple of the base salary (mức lương cơ sở) in force on the
decision date, rounded as the decree says, with totals in figures and in words.

Every figure is data (``vocab/ho_so/tien_thuong.toml``): dated base salaries, dated tables of
multiples per award and kind of recipient, the rounding step and direction. A decision dated
30/6/2026 uses 2.340.000 đ, one dated 01/7/2026 uses 2.530.000 đ.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from typing import Any

from vanban.errors import Problem, problem
from vanban.ho_so.data import find_row, iso, load
from vanban.vi.dates import NgayThang
from vanban.vi.numbers import so
from vanban.vi.words import so_tien_bang_chu
from vanban.vocab import AwardMatch


class KhongCoSoLieu(LookupError):
    """No base salary or no multiple is known for this date / award / recipient."""


@dataclass(frozen=True)
class LuongCoSo:
    muc: int
    tu_ngay: date
    can_cu: str


def _dated(rows: list[dict[str, Any]], on: date) -> dict[str, Any] | None:
    """The newest row whose ``tu_ngay`` is not after ``on``."""
    best = None
    for row in rows:
        start = iso(row["tu_ngay"])
        if start <= on and (best is None or start > iso(best["tu_ngay"])):
            best = row
    return best


def luong_co_so(on: date) -> LuongCoSo:
    """The base salary in force on ``on``."""
    row = _dated(load("tien_thuong")["luong_co_so"], on)
    if row is None:
        raise KhongCoSoLieu(f"no base salary known on {on.isoformat()}")
    return LuongCoSo(int(row["muc"]), iso(row["tu_ngay"]), row.get("can_cu", ""))


def luong_co_so_khoang(first: date, last: date) -> LuongCoSo | None:
    """The base salary when it is the same on every day of [first, last], else None.

    A draft decision dated only "2026-06" still has a known amount; one dated "2026" does not.
    """
    a, b = luong_co_so(first), luong_co_so(last)
    return a if a == b else None


def he_so(match: AwardMatch, doi_tuong: str, on: date) -> Decimal:
    """The multiple of the base salary for this award, recipient kind and date.

    :raises KhongCoSoLieu: when the data has no multiple for it.
    """
    table = _dated(load("tien_thuong")["bang"], on)
    if table is None:
        raise KhongCoSoLieu(f"no table of multiples in force on {on.isoformat()}")
    row = find_row(table.get("he_so", []), match)
    if row is None:
        raise KhongCoSoLieu(f"no multiple for {match.ten_day_du!r} in the table of "
                            f"{table['tu_ngay']}")
    if doi_tuong == "ho_gia_dinh" and "ho_gia_dinh" not in row and "ca_nhan" in row:
        return Decimal(str(row["ca_nhan"])) * Decimal(str(table.get("he_so_ho_gia_dinh", 1)))
    if doi_tuong not in row:
        raise KhongCoSoLieu(f"{match.ten_day_du!r} carries no amount for {doi_tuong}")
    return Decimal(str(row[doi_tuong]))


def lam_tron(amount: Decimal) -> int:
    """Round as ``[lam_tron]`` says (up to the next 10.000 đ by default)."""
    rule = load("tien_thuong")["lam_tron"]
    step = Decimal(int(rule["buoc"]))
    mode = ROUND_CEILING if rule.get("chieu", "len") == "len" else ROUND_HALF_UP
    return int((amount / step).quantize(Decimal(1), rounding=mode) * step)


@dataclass(frozen=True)
class MucThuong:
    """The amount for one recipient."""

    he_so: Decimal
    luong_co_so: int
    so_tien: int

    @property
    def he_so_text(self) -> str:
        return so(self.he_so.normalize())

    @property
    def so_tien_text(self) -> str:
        return f"{so(self.so_tien)} đồng"


def muc_thuong(match: AwardMatch, doi_tuong: str, on: date, base: int | None = None) -> MucThuong:
    """The amount for one recipient of ``match`` on the decision date ``on``."""
    k = he_so(match, doi_tuong, on)
    salary = base if base is not None else luong_co_so(on).muc
    return MucThuong(k, salary, lam_tron(k * salary))


@dataclass(frozen=True)
class TongTien:
    so_tien: int

    @property
    def text(self) -> str:
        return f"{so(self.so_tien)} đồng"

    @property
    def bang_chu(self) -> str:
        """"Một triệu hai trăm nghìn đồng"."""
        return so_tien_bang_chu(self.so_tien)


def tong(amounts: list[MucThuong]) -> TongTien:
    return TongTien(sum(a.so_tien for a in amounts))


# ───────────────────────── a whole list ─────────────────────────


@dataclass(frozen=True)
class DongTien:
    """The amount of one line of a list."""

    vi_tri: int
    muc: MucThuong


def khoang_ngay(ngay: NgayThang) -> tuple[date, date]:
    """First and last day a (possibly partial) date can mean: "2026-06" → 1/6 … 30/6/2026."""
    if ngay.ngay is not None:
        d = date(ngay.nam, ngay.thang or 1, ngay.ngay)
        return d, d
    if ngay.thang is not None:
        last = calendar.monthrange(ngay.nam, ngay.thang)[1]
        return date(ngay.nam, ngay.thang, 1), date(ngay.nam, ngay.thang, last)
    return date(ngay.nam, 1, 1), date(ngay.nam, 12, 31)


def cho_danh_sach(lines: list[tuple[int, AwardMatch, str]], ngay: NgayThang, path: str
                  ) -> tuple[list[DongTien], TongTien | None, LuongCoSo | None, list[Problem]]:
    """Amounts for ``(index, award, doi_tuong)`` lines on the decision date ``ngay``.

    Problems: ``tien_thuong.ngay`` (at ``ngay``) when a partial draft date straddles a change of
    base salary; ``tien_thuong.khong-co-he-so`` (at the line) when the data has no multiple.
    """
    first, last = khoang_ngay(ngay)
    try:
        salary = luong_co_so_khoang(first, last)
    except KhongCoSoLieu as exc:
        return [], None, None, [problem(
            "tien_thuong.luong-co-so", "ngay",
            f"Chưa có mức lương cơ sở áp dụng ngày {first.isoformat()} trong dữ liệu "
            "(vocab/ho_so/tien_thuong.toml).", str(exc))]
    if salary is None:
        return [], None, None, [problem(
            "tien_thuong.ngay", "ngay",
            "Mức lương cơ sở thay đổi trong khoảng ngày của dự thảo: cần ghi đủ ngày ký "
            "(YYYY-MM-DD) để tính tiền thưởng.", "base salary changes within a partial date")]
    rows: list[DongTien] = []
    problems: list[Problem] = []
    for index, match, doi_tuong in lines:
        try:
            rows.append(DongTien(index, muc_thuong(match, doi_tuong, last, salary.muc)))
        except KhongCoSoLieu as exc:
            problems.append(problem(
                "tien_thuong.khong-co-he-so", f"{path}[{index}].khen_thuong",
                f"Chưa có hệ số tiền thưởng của “{match.ten_day_du}” cho "
                f"{'tập thể' if doi_tuong == 'tap_the' else 'cá nhân'} áp dụng ngày "
                f"{last.isoformat()} (vocab/ho_so/tien_thuong.toml); bổ sung dữ liệu hoặc đặt "
                "“tien_thuong”: false.", str(exc)))
    if problems:
        return [], None, salary, problems
    return rows, tong([r.muc for r in rows]), salary, []
