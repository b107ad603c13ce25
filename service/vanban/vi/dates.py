"""Dates in Vietnamese official documents.

Input dates are ISO strings, possibly partial — a draft often knows only the month or the
year and leaves the rest for whoever signs: ``"2022-06-29"``, ``"2022-06"``, ``"2022"``
(:meth:`NgayThang.parse`).

Output follows NĐ 30/2020 (``the-thuc.md`` "Numbers and dates"): **a day under 10 and the months
1 and 2 get a leading zero**, other months do not — ``ngày 05 tháng 01 năm 2022``,
``ngày 29 tháng 6 năm 2019``. (The usual explanation: padding January and February keeps
``tháng 1``/``tháng 2`` from being altered into ``tháng 11``/``tháng 12`` by hand.) The same
rule is used for the short form inside text, ``05/01/2022``, ``15/3/2022``
(:func:`ngay_ngan`), although the seed documents are inconsistent there.

Blanks: for a partial date :func:`dong_ngay` leaves a blank of :data:`KHOANG_TRONG` — six
NO-BREAK SPACEs (U+00A0) — in place of `` 05 `` between the words, e.g.
``"ngày\\u00a0\\u00a0\\u00a0\\u00a0\\u00a0\\u00a0tháng 6 năm 2022"``. No-break spaces are used
rather than ordinary ones because they never collapse (HTML previews, tools that squeeze
whitespace, runs written without ``xml:space="preserve"``) and Word will not break the line
inside the blank; in Times New Roman they are exactly as wide as a space, leaving room for a
hand-written two-digit number.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import NoReturn

from vanban.errors import InputError, problem

__all__ = ["GIO_VIET_NAM", "KHOANG_TRONG", "NgayThang", "dong_ngay", "ngay_ngan", "zip_time"]

#: Vietnam's time (UTC+7 all year, no daylight saving).
GIO_VIET_NAM = timezone(timedelta(hours=7), "ICT")


def zip_time(now: datetime | None = None) -> tuple[int, int, int, int, int, int]:
    """A zip entry's date and time (local time, as a file saved by hand): Vietnam's time now,
    not 1980-01-01."""
    stamp = (now or datetime.now(GIO_VIET_NAM)).astimezone(GIO_VIET_NAM)
    return (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)

#: The blank left for a day or month the signer fills in by hand (6 × U+00A0).
KHOANG_TRONG = "\u00a0" * 6

_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")

_FORMS_VI = (
    "Hãy ghi ngày theo một trong các dạng: YYYY-MM-DD (ví dụ 2022-01-05), "
    "YYYY-MM (ví dụ 2022-01, khi chưa biết ngày) hoặc YYYY (ví dụ 2022, khi chỉ biết năm)."
)
_FORMS_EN = "expected YYYY-MM-DD, YYYY-MM or YYYY"


@dataclass(frozen=True)
class NgayThang:
    """A possibly partial date: year, or year + month, or year + month + day."""

    nam: int
    thang: int | None = None
    ngay: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.nam <= 9999:
            raise ValueError(f"year out of range: {self.nam}")
        if self.thang is None:
            if self.ngay is not None:
                raise ValueError("a day needs a month")
            return
        if not 1 <= self.thang <= 12:
            raise ValueError(f"month out of range: {self.thang}")
        if self.ngay is not None:
            last = calendar.monthrange(self.nam, self.thang)[1]
            if not 1 <= self.ngay <= last:
                raise ValueError(f"day out of range: {self.nam}-{self.thang:02d}-{self.ngay}")

    @classmethod
    def parse(cls, value: str, path: str) -> NgayThang:
        """Read ``"YYYY-MM-DD"``, ``"YYYY-MM"`` or ``"YYYY"`` (surrounding spaces ignored).

        :raises InputError: code ``date.invalid`` at ``path`` for any other form or for a date
            that does not exist (``2022-13-40``, ``2023-02-29``).
        """
        text = value.strip() if isinstance(value, str) else None
        match = _ISO.fullmatch(text) if text is not None else None
        if match is None:
            shown = f"“{value}”" if isinstance(value, str) else repr(value)
            _fail(value, path, f"Ngày {shown} không đúng dạng.", "not a date")
        nam = int(match[1])
        thang = int(match[2]) if match[2] else None
        ngay = int(match[3]) if match[3] else None
        if nam == 0:
            _fail(value, path, f"Ngày “{value}” không hợp lệ: không có năm 0000.", "year 0")
        if thang is not None and not 1 <= thang <= 12:
            _fail(
                value,
                path,
                f"Ngày “{value}” không hợp lệ: không có tháng {thang} (tháng từ 01 đến 12).",
                f"no month {thang}",
            )
        if thang is not None and ngay is not None:
            last = calendar.monthrange(nam, thang)[1]
            if not 1 <= ngay <= last:
                _fail(
                    value,
                    path,
                    f"Ngày “{value}” không hợp lệ: tháng {thang} năm {nam} chỉ có {last} ngày.",
                    f"month {thang} of {nam} has {last} days",
                )
        return cls(nam, thang, ngay)

    def to_date(self) -> date | None:
        """The full :class:`datetime.date`, or ``None`` when the day or month is unknown."""
        if self.thang is None or self.ngay is None:
            return None
        return date(self.nam, self.thang, self.ngay)

    def __str__(self) -> str:
        """The ISO form it was parsed from: ``2022-06-29``, ``2022-06`` or ``2022``."""
        parts = [f"{self.nam:04d}"]
        if self.thang is not None:
            parts.append(f"{self.thang:02d}")
        if self.ngay is not None:
            parts.append(f"{self.ngay:02d}")
        return "-".join(parts)


def _fail(value: object, path: str, reason_vi: str, reason_en: str) -> NoReturn:
    raise InputError(
        [
            problem(
                "date.invalid",
                path,
                f"{reason_vi} {_FORMS_VI}",
                f"invalid date {value!r}: {reason_en}; {_FORMS_EN}",
            )
        ]
    )


def _ngay(d: int) -> str:
    """Day: leading zero under 10."""
    return f"{d:02d}"


def _thang(m: int) -> str:
    """Month: leading zero for January and February only."""
    return f"{m:02d}" if m <= 2 else str(m)


def dong_ngay(ngay: NgayThang) -> str:
    """The date part of the place-date line (ô 4).

    ``ngày 05 tháng 01 năm 2022``, ``ngày 29 tháng 6 năm 2019``; with blanks for unknown parts:
    ``ngày⍽tháng 6 năm 2022``, ``ngày⍽tháng⍽năm 2022`` where ⍽ is :data:`KHOANG_TRONG`.
    """
    if ngay.thang is None:
        return f"ngày{KHOANG_TRONG}tháng{KHOANG_TRONG}năm {ngay.nam}"
    if ngay.ngay is None:
        return f"ngày{KHOANG_TRONG}tháng {_thang(ngay.thang)} năm {ngay.nam}"
    return f"ngày {_ngay(ngay.ngay)} tháng {_thang(ngay.thang)} năm {ngay.nam}"


def ngay_ngan(d: date | NgayThang) -> str:
    """Short date used inside text: ``05/01/2022``, ``15/3/2022``, ``18/02/2022``.

    :raises ValueError: for a partial :class:`NgayThang`.
    """
    if isinstance(d, NgayThang):
        full = d.to_date()
        if full is None:
            raise ValueError(f"the short date form needs a full date, got {d}")
        d = full
    return f"{_ngay(d.day)}/{_thang(d.month)}/{d.year}"
