"""Awards (``khen_thuong``) in prose and in a table, highest rank first.

"03 tập thể và 01 cá nhân được Thủ tướng Chính phủ tặng Bằng khen; 09 cá nhân được công nhận
danh hiệu “Chiến sĩ thi đua cấp tỉnh”." — forms (hình thức) are *tặng*, titles (danh hiệu) are
*công nhận*, proposals not yet decided are *đề nghị*. Party documents count people as
"đồng chí". Order is the rank of the award (State orders, then Thủ tướng, then ministry or
province, then grassroots), whatever the input order; equal ranks keep input order.
"""

from __future__ import annotations

from dataclasses import dataclass

from vanban.model.khen_thuong import KhenThuong
from vanban.vi.numbers import so_dem
from vanban.vocab import AwardMatch


@dataclass(frozen=True)
class Award:
    """One input line with its vocabulary match."""

    item: KhenThuong
    match: AwardMatch
    index: int

    @property
    def ten(self) -> str:
        return self.match.award.ten

    @property
    def nguoi_tang(self) -> str:
        """Who confers: as the user wrote it, else the award's default."""
        return self.item.nguoi_tang or (self.match.award.nguoi_tang or "")

    @property
    def danh_hieu(self) -> bool:
        return self.match.award.loai == "danh_hieu"


def ranked(awards: list[Award]) -> list[Award]:
    return sorted(awards, key=lambda a: (a.match.rank_key, a.index))


def so_luong(item: KhenThuong, tu_ca_nhan: str) -> str:
    parts = []
    if item.tap_the:
        parts.append(f"{so_dem(item.tap_the)} tập thể")
    if item.ca_nhan:
        parts.append(f"{so_dem(item.ca_nhan)} {tu_ca_nhan}")
    return " và ".join(parts)


def _danh_sach(item: KhenThuong) -> str:
    return f" (gồm: {'; '.join(item.danh_sach)})" if item.danh_sach else ""


def _clause_received(a: Award, tu_ca_nhan: str) -> str:
    who = so_luong(a.item, tu_ca_nhan)
    by = f" {a.nguoi_tang}" if a.nguoi_tang else ""
    if a.danh_hieu:
        return f"{who} được{by} công nhận danh hiệu “{a.ten}”{_danh_sach(a.item)}"
    return f"{who} được{by} tặng {a.ten}{_danh_sach(a.item)}"


def _clause_proposed(a: Award, tu_ca_nhan: str) -> str:
    who = so_luong(a.item, tu_ca_nhan)
    by = a.nguoi_tang or "cấp có thẩm quyền"
    what = f"công nhận danh hiệu “{a.ten}”" if a.danh_hieu else f"tặng {a.ten}"
    return f"đề nghị {by} {what} cho {who}{_danh_sach(a.item)}"


def sentences(awards: list[Award], ky: str, tu_ca_nhan: str) -> list[str]:
    """The award paragraph(s): received awards, then proposals."""
    out = []
    received, proposed = clauses(awards, tu_ca_nhan)
    if received:
        out.append(f"Kết quả khen thưởng {ky}: {received}.")
    if proposed:
        out.append(f"Đã trình cấp trên khen thưởng: {proposed}.")
    return out


def clauses(awards: list[Award], tu_ca_nhan: str) -> tuple[str, str]:
    """(the awards received, the awards proposed) as clauses joined by "; ", in legal rank
    order ("" when none): what a body's Word text puts after its own words."""
    received = [a for a in ranked(awards) if a.item.trang_thai == "da_nhan"]
    proposed = [a for a in ranked(awards) if a.item.trang_thai == "de_nghi"]
    return ("; ".join(_clause_received(a, tu_ca_nhan) for a in received),
            "; ".join(_clause_proposed(a, tu_ca_nhan) for a in proposed))


def table_rows(awards: list[Award]) -> list[dict[str, str]]:
    rows = []
    for n, a in enumerate(ranked(awards), start=1):
        rows.append({
            "tt": str(n),
            "ten": a.ten,
            "nguoi_tang": a.nguoi_tang,
            "tap_the": so_dem(a.item.tap_the) if a.item.tap_the else "",
            "ca_nhan": so_dem(a.item.ca_nhan) if a.item.ca_nhan else "",
            "ghi_chu": "Đề nghị" if a.item.trang_thai == "de_nghi" else "",
        })
    return rows
