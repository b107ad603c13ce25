"""The danh sách table annexed to a tờ trình or a quyết định: grouped by award (I., II. …) and
within an award tập thể then cá nhân with their counts, columns chosen by the document (``cot``),
optionally the amount of each line and the total (a decision with reward money).

Also the annex itself (shell key ``phu_luc``): on its own page after the nơi nhận, with its
heading ``DANH SÁCH …`` and ``(Kèm theo … số … ngày … của …)``; and the căn cứ lines both
documents open with (:func:`can_cu`).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from vanban.context.tables import Cell, table
from vanban.ho_so.danh_sach import DanhSach
from vanban.ho_so.data import legal_bases, wording
from vanban.ho_so.tien_thuong import DongTien, TongTien, khoang_ngay
from vanban.model.envelope import Envelope
from vanban.vi.dates import NgayThang
from vanban.vi.numbers import so, so_thu_tu_la_ma


def _value(line: Any, col: str) -> str:
    d = line.de_nghi
    if col == "khen_thuong":
        return line.match.ten_day_du
    return getattr(d, col) or ""


def bang_danh_sach(ds: DanhSach, cot: list[str], tien: list[DongTien] | None = None,
                   tong: TongTien | None = None) -> Markup:
    w = wording("danh_sach")
    names, widths = w["cot"], w["do_rong"]
    cols = ["stt", *cot]
    if tien is not None:  # the amount stands before "Ghi chú", which closes the row
        at = cols.index("ghi_chu") if "ghi_chu" in cols else len(cols)
        cols.insert(at, "so_tien")
    amounts = {t.vi_tri: t.muc.so_tien for t in tien or []}
    header = [[names[c] for c in cols]]
    rows: list[list[Any]] = []
    span = len(cols)
    for g, group in enumerate(ds.nhom, 1):
        rows.append([Cell(f"{so_thu_tu_la_ma(g)}. {group.ten}", colspan=span, bold=True,
                          align="left")])
        for key, lines in (("nhom_tap_the", group.tap_the), ("nhom_ca_nhan", group.ca_nhan)):
            if not lines:
                continue
            rows.append([Cell(w[key].format(n=f"{len(lines):02d}"), colspan=span, bold=True,
                              align="left")])
            for n, line in enumerate(lines, 1):
                row: list[Any] = [str(n)]
                for c in cols[1:]:
                    if c == "so_tien":
                        row.append(Cell(so(amounts[line.vi_tri]), align="right"))
                        continue
                    text = _value(line, c)
                    row.append(Cell(text, align="center" if c in ("ngay_sinh", "gioi_tinh")
                                    else "left"))
                rows.append(row)
    if tien is not None and tong is not None:
        at = cols.index("so_tien")
        rows.append([Cell(w["tong_cong"], colspan=at, bold=True),
                     Cell(so(tong.so_tien), bold=True, align="right"),
                     *[""] * (span - at - 1)])
    return table(header, rows, widths=[widths[c] for c in cols])


def phu_luc(tieu_de: str, kem_theo: str, khoi: list[dict]) -> dict:
    """The shell's ``phu_luc``: heading lines, the "(Kèm theo …)" line and the blocks."""
    return {"tieu_de": [tieu_de], "kem_theo": kem_theo, "khoi": khoi}


def so_van_ban(so_ky_hieu: str) -> str:
    """"Số: 05/TTr-SNV" → "05/TTr-SNV" (a draft keeps its blank)."""
    text = so_ky_hieu
    for prefix in ("Số:", "Số"):
        if text.startswith(prefix):
            return text[len(prefix):].strip(" ")
    return text


def can_cu(envelope: Envelope, extra: list[str], minutes: str | None) -> list[str]:
    """Căn cứ lines: law and decree in force on the document's date, then ``extra``, then the
    minutes. A draft dated by month or year cites what is in force on its last day."""
    _, last = khoang_ngay(NgayThang.parse(envelope.ngay, "ngay"))
    lines = [*legal_bases(last), *extra]
    if minutes:
        lines.append(minutes)
    return lines
