"""Numbers as Vietnamese official documents write them.

Conventions (spec ``thi-dua-khen-thuong.md`` "Writing conventions", ``the-thuc.md`` "Numbers and
dates"):

* thousands are grouped with a dot and decimals use a comma: ``4.957``, ``1.234.567``, ``0,5``.
  Grouping and separators come from Babel's ``vi`` locale (:func:`so`), never hand-rolled.
* counts under ten in running text get a leading zero: ``03 tổ đảng``, ``01 tập thể``
  (:func:`so_dem`); zero itself is written ``0``.
* top-level sections use Roman numerals (:func:`so_thu_tu_la_ma`), sub-items the Vietnamese
  alphabet order a, b, c, d, đ, e, g, h, i, k, l, m, n, o, p, q, r, s, t, u, v, x, y
  (:func:`chu_cai_muc`) — there is no f, j, w, z and no ă, â, ê, ô, ơ, ư in that list.

Rounding is half-up (``2,5`` → ``3``), as people and spreadsheets round, not Babel's
banker's rounding; the value is quantised here before Babel formats it.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from babel.numbers import format_decimal

__all__ = ["CHU_CAI_MUC", "chu_cai_muc", "so", "so_dem", "so_thu_tu_la_ma"]

#: Letters for ``a)``, ``b)`` … items, in Vietnamese alphabet order.
CHU_CAI_MUC: tuple[str, ...] = (
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
    "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
)  # fmt: skip

# Fraction digits kept for a float when ``decimals`` is not given (floats are inexact:
# 0.1 + 0.2 must print as "0,3", not "0,30000000000000004").
_FLOAT_MAX_DECIMALS = 3

_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def _to_decimal(n: int | float | Decimal) -> Decimal:
    """Exact Decimal for ``n``; rejects bools, non-numbers, NaN and infinities."""
    if isinstance(n, bool) or not isinstance(n, int | float | Decimal):
        raise TypeError(f"expected int, float or Decimal, got {type(n).__name__}")
    value = Decimal(repr(n)) if isinstance(n, float) else Decimal(n)
    if not value.is_finite():
        raise ValueError(f"cannot write {n!r} as a number")
    return value


def so(n: int | float | Decimal, decimals: int | None = None) -> str:
    """Write a number the Vietnamese way: ``4.957``, ``1.234.567``, ``0,5``, ``-12``.

    :param decimals: fixed number of fraction digits (rounded half-up, zero-padded:
        ``so(2.5, 2) == "2,50"``). ``None`` writes ints as they are, Decimals exactly (trailing
        zeros dropped) and floats rounded to at most 3 fraction digits.
    """
    value = _to_decimal(n)
    if decimals is not None:
        if decimals < 0:
            raise ValueError("decimals must be >= 0")
        value = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        pattern = "#,##0." + "0" * decimals if decimals else "#,##0"
    else:
        if isinstance(n, float):
            value = value.quantize(Decimal(1).scaleb(-_FLOAT_MAX_DECIMALS), rounding=ROUND_HALF_UP)
        pattern = "#,##0.###"  # the pattern's max is ignored: decimal_quantization=False
    if value.is_zero():
        value = abs(value)  # no "-0" or "-0,00"
    return format_decimal(value, format=pattern, locale="vi", decimal_quantization=False)


def so_dem(n: int) -> str:
    """Write a count in running text: ``03``, ``01``, ``12``, ``4.957``; zero is ``0``.

    :raises ValueError: for negative counts.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"a count must be an int, got {type(n).__name__}")
    if n < 0:
        raise ValueError(f"a count cannot be negative: {n}")
    if 0 < n < 10:
        return f"{n:02d}"
    return so(n)


def so_thu_tu_la_ma(n: int) -> str:
    """Roman numeral for section ``n`` (1 → ``I``, 4 → ``IV``, 39 → ``XXXIX``), 1 ≤ n ≤ 3999."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"expected int, got {type(n).__name__}")
    if not 1 <= n <= 3999:
        raise ValueError(f"Roman numerals cover 1..3999, got {n}")
    out: list[str] = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def chu_cai_muc(n: int) -> str:
    """The ``n``-th item letter (1-based): 1 → ``a``, 5 → ``đ``, 6 → ``e``, 23 → ``y``.

    :raises ValueError: outside 1..23 — the decree's list has no further letters; split the
        list into numbered items instead.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"expected int, got {type(n).__name__}")
    if not 1 <= n <= len(CHU_CAI_MUC):
        raise ValueError(f"item letters cover 1..{len(CHU_CAI_MUC)}, got {n}")
    return CHU_CAI_MUC[n - 1]


THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
THOUSANDS_COMMA = re.compile(r"\d{1,3}(?:\.\d{3})*,\d+")
PLAIN_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def read_number(value: Any) -> int | float | None:
    """``8,5`` → 8.5, ``1.234`` → 1234, ``1.234,5`` → 1234.5, ``8.5`` → 8.5, ``-3`` → -3."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value if math.isfinite(value) else None
    if not isinstance(value, str):
        return None
    text = value.strip().replace("\u00a0", "").replace(" ", "")
    sign = -1 if text.startswith(("-", "−")) else 1
    text = text.lstrip("+-−")
    if THOUSANDS.fullmatch(text):
        return sign * int(text.replace(".", ""))
    if THOUSANDS_COMMA.fullmatch(text):
        return sign * float(text.replace(".", "").replace(",", "."))
    if PLAIN_NUMBER.fullmatch(text):
        text = text.replace(",", ".")
        return sign * (float(text) if "." in text else int(text))
    return None
