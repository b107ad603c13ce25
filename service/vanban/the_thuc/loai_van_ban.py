"""Document types (tên loại văn bản): the name printed as the title, its abbreviation in the ký
hiệu, and whether the document carries a number.

Two sources make the table a checker uses: the types of Phụ lục III Nghị định 30/2020 (with the
Party's own abbreviations, Hướng dẫn 36-HD/VPTW), which any uploaded document may have, and the
types of the registered templates (each manifest's ``loai_van_ban``, ``viet_tat``,
``viet_tat_dang``, ``co_so``; :meth:`vanban.templates.Registry.loai_van_ban`). A template's type
wins over the table: a new folder declaring ``GIẤY KHEN`` / ``GK`` is known to the checker
without any edit here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class LoaiVanBan:
    ten: str
    """The name as printed (upper case): ``QUYẾT ĐỊNH``."""
    viet_tat: str
    """Its abbreviation in the ký hiệu: ``QĐ`` (``""`` for a công văn)."""
    viet_tat_dang: str | None = None
    """The abbreviation in Party documents when it differs (quy định: ``QĐ``)."""
    co_so: bool = True
    """False for forms with no số, ký hiệu line (báo cáo thành tích, NĐ 98/2023 Mẫu 02, 03)."""

    def viet_tat_for(self, party: bool) -> str:
        return self.viet_tat_dang if party and self.viet_tat_dang is not None else self.viet_tat


def _t(ten: str, viet_tat: str, viet_tat_dang: str | None = None) -> LoaiVanBan:
    return LoaiVanBan(ten, viet_tat, viet_tat_dang)


#: Phụ lục III NĐ 30/2020 (and the Party extras: thông tri, kết luận; quy định is QĐ there).
PHU_LUC_III: tuple[LoaiVanBan, ...] = (
    _t("NGHỊ QUYẾT", "NQ"), _t("QUYẾT ĐỊNH", "QĐ"), _t("CHỈ THỊ", "CT"), _t("QUY CHẾ", "QC"),
    _t("QUY ĐỊNH", "QyĐ", "QĐ"), _t("THÔNG CÁO", "TC"), _t("THÔNG BÁO", "TB"),
    _t("HƯỚNG DẪN", "HD"), _t("CHƯƠNG TRÌNH", "CTr"), _t("KẾ HOẠCH", "KH"),
    _t("PHƯƠNG ÁN", "PA"), _t("ĐỀ ÁN", "ĐA"), _t("DỰ ÁN", "DA"), _t("BÁO CÁO", "BC"),
    _t("BIÊN BẢN", "BB"), _t("TỜ TRÌNH", "TTr"), _t("HỢP ĐỒNG", "HĐ"), _t("CÔNG ĐIỆN", "CĐ"),
    _t("BẢN GHI NHỚ", "BGN"), _t("BẢN THỎA THUẬN", "BTT"), _t("GIẤY ỦY QUYỀN", "GUQ"),
    _t("GIẤY MỜI", "GM"), _t("GIẤY GIỚI THIỆU", "GGT"), _t("GIẤY NGHỈ PHÉP", "GNP"),
    _t("PHIẾU GỬI", "PG"), _t("PHIẾU CHUYỂN", "PC"), _t("PHIẾU BÁO", "PB"),
    _t("KẾT LUẬN", "KL"), _t("THÔNG TRI", "TT"),
)


def merged(*sources: Iterable[LoaiVanBan]) -> list[LoaiVanBan]:
    """The types of every source, a later source's entry replacing an earlier one of the same
    name (compared case-insensitively); types without a name (công văn) are left out."""
    out: dict[str, LoaiVanBan] = {}
    for source in sources:
        for t in source:
            if t.ten.strip():
                out[t.ten.strip().casefold()] = t
    return list(out.values())
