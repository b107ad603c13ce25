"""Numbers and money amounts in Vietnamese words, on top of ``num2words(n, lang="vi")``.

What num2words 0.5.14 (``lang="vi"``) gets wrong — measured, not guessed:

* **Negatives are garbage.** It has no sign handling and indexes its word tables with the
  negative value: ``-5`` → "mười lăm", ``-1`` → "mười chín", ``-10`` → "mười"; from ``-21``
  on it raises ``IndexError``.
* **Decimals are rounded to two places and read as cents.** Every number goes through
  ``"%.2f" % number``: ``0.5`` → "không phẩy năm mươi" (read as 0,50), ``1.05`` → "một phẩy
  năm" (the zero is lost, so 1,05 reads like 1,5), ``0.125`` → "không phẩy mười hai",
  ``3.14159`` → "ba phẩy mười bốn". Decimals are converted through ``float`` too.
* **Large numbers are wrong.** Its scale table says ``10**15`` is "trăm nghìn tỷ", so
  ``10**15`` → "một trăm nghìn tỷ" (should be "một triệu tỷ"); from ``10**18`` it falls
  back to English ("một Quintillion"); and the ``"%.2f"`` float step loses digits beyond
  ~2**53 (``10**17 + 1`` → "một trăm trăm nghìn tỷ").
* **"lẻ" across groups instead of "không trăm".** It inserts "lẻ" whenever the rest after
  a scale word is below 100 and drops empty hundreds: ``1010`` → "một nghìn lẻ mười",
  ``1050`` → "một nghìn lẻ năm mươi", and ``1001000`` → "một triệu một nghìn". The written
  form used for amounts (invoices, payment orders) reads every inner group with its hundreds:
  "một nghìn không trăm mười", "một triệu không trăm lẻ một nghìn".
* **"tư"** is never used: ``24`` → "hai mươi bốn"; documents write "hai mươi tư" after
  "mươi" (14 stays "mười bốn").
* Correct and kept: 0–999 otherwise — "lẻ" for zero tens inside a group (105 → "một trăm
  lẻ năm", 101 → "một trăm lẻ một"), "mốt" after "mươi" only (21 → "hai mươi mốt", 11 →
  "mười một"), "lăm" after "mười"/"mươi" only (15, 25 → "… lăm", 105 → "… lẻ năm"),
  "nghìn" and "tỷ" as scale words; its output is already NFC. No ``to="currency"``.

So num2words stays the engine for what it does right — each group of three digits (1–999),
with "mươi bốn" → "mươi tư" fixed afterwards — and this module does the rest itself: the sign
("âm …"), exact decimal digits via :class:`~decimal.Decimal` ("phẩy", leading zeros of the
fraction read "không": 1,05 → "một phẩy không năm", the remaining digits read as a number:
1,25 → "một phẩy hai mươi lăm"), and the scale words: groups of three named nghìn/triệu,
nine-digit chunks joined with "tỷ" (10**12 → "một nghìn tỷ", 10**15 → "một triệu tỷ",
10**18 → "một tỷ tỷ"), every group after the first read with its hundreds ("không trăm",
"không trăm lẻ"), empty groups skipped.
"""

from __future__ import annotations

import re
from decimal import Decimal

__all__ = ["doc_so", "so_tien_bang_chu"]

_TY = 10**9
_NUMBER_TEXT = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")


def _nhom(g: int) -> str:
    """Words for one group, 1 ≤ g ≤ 999, as num2words says it (plus "tư")."""
    # Imported at first use: num2words loads every language it knows (~40 ms), and most
    # documents (and every batch of reports) never spell a number out.
    from num2words import num2words

    words = num2words(g, lang="vi")
    return re.sub(r"\bmươi bốn\b", "mươi tư", words)


def _nhom_day_du(g: int) -> str:
    """Words for a non-leading group, hundreds always said: 5 → "không trăm lẻ năm"."""
    if g >= 100:
        return _nhom(g)
    if g >= 10:
        return f"không trăm {_nhom(g)}"
    return f"không trăm lẻ {_nhom(g)}"


def _duoi_ty(n: int, dau: bool) -> str:
    """Words for 1 ≤ n < 10**9; ``dau`` says whether it starts the whole number."""
    parts: list[str] = []
    for g, unit in ((n // 1_000_000, "triệu"), (n // 1000 % 1000, "nghìn"), (n % 1000, "")):
        if g == 0:
            continue
        words = _nhom(g) if dau else _nhom_day_du(g)
        dau = False
        parts.append(f"{words} {unit}" if unit else words)
    return " ".join(parts)


def _so_nguyen(n: int, dau: bool = True) -> str:
    """Words for an integer n ≥ 0."""
    if n == 0:
        return "không"
    if n < _TY:
        return _duoi_ty(n, dau)
    cao, thap = divmod(n, _TY)
    words = f"{_so_nguyen(cao, dau)} tỷ"
    if thap:
        words += " " + _duoi_ty(thap, dau=False)
    return words


def _to_decimal(n: int | float | Decimal | str) -> Decimal:
    if isinstance(n, bool):
        raise TypeError("a bool is not a number")
    if isinstance(n, int | Decimal):
        value = Decimal(n)
    elif isinstance(n, float):
        value = Decimal(repr(n))  # shortest round-trip text: 0.1 → 0.1, not 0.1000000000000000055…
    elif isinstance(n, str):
        text = n.strip()
        if not _NUMBER_TEXT.fullmatch(text):
            raise ValueError(
                f"not a number: {n!r} (write digits, an optional sign and one decimal point "
                "or comma, without thousands separators)"
            )
        value = Decimal(text.replace(",", "."))
    else:
        raise TypeError(f"expected int, Decimal or str, got {type(n).__name__}")
    if not value.is_finite():
        raise ValueError(f"cannot read {n!r} aloud")
    return value


def doc_so(n: int | float | Decimal | str) -> str:
    """Read a number in Vietnamese words (lower case).

    ``105`` → "một trăm lẻ năm", ``24`` → "hai mươi tư", ``1200000`` → "một triệu hai trăm
    nghìn", ``1005`` → "một nghìn không trăm lẻ năm", ``-12`` → "âm mười hai",
    ``Decimal("0.5")`` / ``"0,5"`` → "không phẩy năm", ``"1,25"`` → "một phẩy hai mươi lăm",
    ``"1,05"`` → "một phẩy không năm".

    Strings take digits, an optional sign and one decimal point or comma (``"1,5"`` and
    ``"1.5"`` are the same; no thousands separators). Trailing zeros of the fraction are not
    read (1,50 → "một phẩy năm"). Floats are read through their shortest ``repr``.
    """
    value = _to_decimal(n)
    am = value < 0
    digits = format(abs(value).normalize(), "f")
    nguyen, _, thap_phan = digits.partition(".")
    words = _so_nguyen(int(nguyen))
    if thap_phan:
        rest = thap_phan.lstrip("0")
        zeros = len(thap_phan) - len(rest)
        fraction = ["không"] * zeros + ([_so_nguyen(int(rest))] if rest else [])
        words += " phẩy " + " ".join(fraction)
    return f"âm {words}" if am else words


def so_tien_bang_chu(amount: int | Decimal) -> str:
    """A money amount in words for "Bằng chữ: …": ``1200000`` → "Một triệu hai trăm nghìn đồng".

    First letter capitalised, ending in " đồng". ``Decimal("1200000.00")`` is accepted (it is
    a whole number of đồng).

    :raises ValueError: for a negative amount or a fraction of a đồng.
    :raises TypeError: for anything but an int or Decimal (a float amount is not trusted).
    """
    if isinstance(amount, bool) or not isinstance(amount, int | Decimal):
        raise TypeError(f"an amount must be an int or Decimal, got {type(amount).__name__}")
    value = Decimal(amount)
    if not value.is_finite():
        raise ValueError(f"not an amount: {amount!r}")
    if value != value.to_integral_value():
        raise ValueError(f"an amount must be a whole number of đồng, got {amount}")
    if value < 0:
        raise ValueError(f"an amount cannot be negative, got {amount}")
    words = _so_nguyen(int(value))
    return f"{words[0].upper()}{words[1:]} đồng"
