"""The computation of one scoring table (rules of seed 002, II.2, and the spec).

* a criterion scored by level takes its level's points; by points, the unit's ``tu_cham``;
* a group never exceeds its ``diem_toi_da`` (the cap is applied and flagged, not an error) —
  half of it for the Party/union group of a unit that has neither (seed 002, II.1);
* bonus: at most ``thuong_moi_chi_tieu`` per exceeded target (checked by the rules) and at most
  ``diem_thuong_toi_da`` in all (capped and flagged);
* deductions: 0,5 per reminder letter, at most 2; rejected dossiers 1–5 → 1, 6–10 → 1,5,
  11 or more → 2; 1 point for breaking the bloc's rules; plus the bloc's other deductions;
* total = groups + bonus − deductions; a letter about a serious violation → "không xét thi đua".

Arithmetic is in :class:`~decimal.Decimal` (0,5-point steps add exactly). A table whose
criteria are not all scored yet (a blank form, seed 000's appendix) has its standard points
computed and every score left ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from vanban.model.bang_cham_diem import BangChamDiem, DiemTru, TieuChi
from vanban.scoring.rules import criterion_codes
from vanban.vi.numbers import so

ZERO = Decimal(0)
#: Deduction per reminder letter, and their ceiling.
TRU_MOI_NHAC_NHO, TRU_NHAC_NHO_TOI_DA = Decimal("0.5"), Decimal(2)
#: Breaking the bloc's rules.
TRU_QUY_CHE = Decimal(1)
#: Share of the Party/union group a unit without either may get (seed 002, II.1, "Lưu ý").
NUA_TRAN = Decimal("0.5")
LY_DO_KHONG_XET = "Có văn bản phê bình về sai phạm nghiêm trọng"


def dec(x: float | int | Decimal) -> Decimal:
    """The exact decimal a person typed: 9.5 → Decimal("9.5"), never 9.4999…"""
    return x if isinstance(x, Decimal) else Decimal(str(x))


def tru_ho_so(n: int) -> Decimal:
    """Deduction for ``n`` rejected commendation dossiers: 0; 1–5 → 1; 6–10 → 1,5; ≥ 11 → 2."""
    if n <= 0:
        return ZERO
    if n <= 5:
        return Decimal(1)
    if n <= 10:
        return Decimal("1.5")
    return Decimal(2)


def tru_nhac_nho(n: int) -> Decimal:
    """Deduction for ``n`` reminder letters: 0,5 each, at most 2."""
    return min(TRU_MOI_NHAC_NHO * max(n, 0), TRU_NHAC_NHO_TOI_DA)


def jnum(d: Decimal | None) -> int | float | None:
    if d is None:
        return None
    return int(d) if d == d.to_integral_value() else float(d)


def so_diem(d: Decimal | None) -> str:
    """Points as printed: ``87,5``, ``1.859``, ``2``; ``""`` when not computed."""
    return "" if d is None else so(jnum(d))


@dataclass
class Dong:
    """One criterion row of the table, with its sub-rows."""

    path: str
    cap: int  # nesting depth: 1 for a group's criterion, 2 for its sub-row …
    tieu_chi: TieuChi
    diem_chuan: Decimal | None  # the row's own standard (points, or its highest level)
    diem: Decimal | None  # the row's own score; None when not scored yet
    diem_thuong: Decimal | None = None  # a bonus linked to this row by its code
    con: list[Dong] = field(default_factory=list)
    #: A heading row ("3. Cải cách hành chính — 10 điểm" over 3.1 and 3.2): no score of its
    #: own and a standard equal to its children's sum, so it is counted through them only;
    #: ``diem_chuan``/``diem`` show the children's sums. Otherwise a row scored itself, whose
    #: sub-rows (if any) add their own points (seed 000's 2.3).
    tieu_de: bool = False

    @property
    def duoc_cham(self) -> bool:
        return self.diem_chuan is not None and not self.tieu_de

    @property
    def kieu(self) -> str:
        """How the row counts, as compute reports it: ``dong_tieu_de`` (a heading whose
        standard is its sub-criteria's sum) or ``tieu_chi`` (scored itself)."""
        return "dong_tieu_de" if self.tieu_de else "tieu_chi"

    def rows(self) -> list[Dong]:
        out = [self]
        for c in self.con:
            out.extend(c.rows())
        return out

    def to_dict(self) -> dict[str, Any]:
        t = self.tieu_chi
        return {"ma": t.ma, "ten": t.ten, "kieu": self.kieu,
                "diem_chuan": jnum(self.diem_chuan),
                "xep_loai": t.xep_loai, "diem": jnum(self.diem),
                "diem_thuong": jnum(self.diem_thuong),
                "tieu_chi": [c.to_dict() for c in self.con]}


@dataclass
class KetQuaNhom:
    """A group: its standard, the raw sum of its scores, and the capped score."""

    ma: str | None
    ten: str
    diem_toi_da: Decimal
    diem_chuan: Decimal  # sum of the rows' standards
    cong: Decimal | None  # raw sum of scores
    diem: Decimal | None  # min(cong, tran)
    dong: list[Dong]
    tran: Decimal = ZERO  # the ceiling applied: diem_toi_da, or half of it (no Party, no union)

    @property
    def nua_tran(self) -> bool:
        """The ceiling was halved (a unit without Party organisation and trade union)."""
        return self.tran < self.diem_toi_da

    @property
    def vuot_tran(self) -> bool:
        return self.cong is not None and self.cong > self.tran

    def to_dict(self) -> dict[str, Any]:
        return {"ma": self.ma, "ten": self.ten, "diem_toi_da": jnum(self.diem_toi_da),
                "diem_chuan": jnum(self.diem_chuan), "cong": jnum(self.cong),
                "diem": jnum(self.diem), "tran": jnum(self.tran), "vuot_tran": self.vuot_tran,
                "tieu_chi": [d.to_dict() for d in self.dong]}


@dataclass
class KetQuaTru:
    """Each deduction and their sum."""

    nhac_nho: Decimal
    ho_so: Decimal
    quy_che: Decimal
    khac: Decimal
    facts: DiemTru

    @property
    def tong(self) -> Decimal:
        return self.nhac_nho + self.ho_so + self.quy_che + self.khac

    def to_dict(self) -> dict[str, Any]:
        return {"van_ban_nhac_nho": jnum(self.nhac_nho), "ho_so_khong_du_dieu_kien":
                jnum(self.ho_so), "vi_pham_quy_che_khoi": jnum(self.quy_che),
                "khac": jnum(self.khac), "tong": jnum(self.tong)}


@dataclass
class KetQuaChamDiem:
    """Everything the table prints and ``vanban compute`` returns."""

    nhom: list[KetQuaNhom]
    thuong: list[Decimal]  # each bonus, in input order
    thuong_toi_da: Decimal
    tru: KetQuaTru
    khong_xet: bool
    chua_cham: list[str]  # paths of rows not scored yet

    @property
    def day_du(self) -> bool:
        return not self.chua_cham

    @property
    def diem_chuan(self) -> Decimal:
        return sum((n.diem_toi_da for n in self.nhom), ZERO)

    @property
    def diem_nhom(self) -> Decimal | None:
        if not self.day_du:
            return None
        return sum((n.diem or ZERO for n in self.nhom), ZERO)

    @property
    def thuong_cong(self) -> Decimal:
        return sum(self.thuong, ZERO)

    @property
    def diem_thuong(self) -> Decimal:
        return min(self.thuong_cong, self.thuong_toi_da)

    @property
    def thuong_vuot_tran(self) -> bool:
        return self.thuong_cong > self.thuong_toi_da

    @property
    def tong(self) -> Decimal | None:
        groups = self.diem_nhom
        return None if groups is None else groups + self.diem_thuong - self.tru.tong

    def to_dict(self) -> dict[str, Any]:
        return {
            "diem_chuan": jnum(self.diem_chuan),
            "nhom": [n.to_dict() for n in self.nhom],
            "diem_nhom": jnum(self.diem_nhom),
            "diem_thuong": {"tung_chi_tieu": [jnum(d) for d in self.thuong],
                            "cong": jnum(self.thuong_cong), "toi_da": jnum(self.thuong_toi_da),
                            "diem": jnum(self.diem_thuong), "vuot_tran": self.thuong_vuot_tran},
            "diem_tru": self.tru.to_dict(),
            "tong_diem": jnum(self.tong),
            "khong_xet": self.khong_xet,
            "ly_do_khong_xet": LY_DO_KHONG_XET if self.khong_xet else None,
            "day_du": self.day_du,
            "chua_cham": self.chua_cham,
        }


def _row(c: TieuChi, path: str, depth: int, missing: list[str]) -> Dong:
    if c.muc is not None:
        standard = max((dec(v) for v in c.muc.values()), default=ZERO)
        score = dec(c.muc[c.xep_loai]) if c.xep_loai in c.muc else None
    elif c.diem_chuan is not None:
        standard = dec(c.diem_chuan)
        score = None if c.tu_cham is None else dec(c.tu_cham)
    else:
        standard = score = None
    below: list[str] = []
    children = [_row(s, f"{path}.tieu_chi[{k}]", depth + 1, below)
                for k, s in enumerate(c.tieu_chi)]
    heading = (c.muc is None and c.tu_cham is None and standard is not None and bool(children)
               and standard == sum((_standard(ch) for ch in children), ZERO))
    if standard is not None and score is None and not heading:
        missing.append(path)
    missing.extend(below)
    row = Dong(path=path, cap=depth, tieu_chi=c, diem_chuan=standard, diem=score,
               con=children, tieu_de=heading)
    if heading:
        scores = [_score(ch) for ch in children]
        row.diem = None if any(x is None for x in scores) else sum(scores, ZERO)  # type: ignore[arg-type]
    return row


def _standard(row: Dong) -> Decimal:
    """What a row adds to the standard: its own (a heading: its children's), plus its
    children's when it is scored itself."""
    if row.tieu_de:
        return row.diem_chuan or ZERO
    return (row.diem_chuan or ZERO) + sum((_standard(c) for c in row.con), ZERO)


def _score(row: Dong) -> Decimal | None:
    """What a row adds to the score, like :func:`_standard` (None: something unscored)."""
    if row.tieu_de:
        return row.diem
    parts = [row.diem if row.duoc_cham else ZERO, *(_score(c) for c in row.con)]
    return None if any(x is None for x in parts) else sum(parts, ZERO)  # type: ignore[arg-type]


def tinh_diem_tru(facts: DiemTru) -> KetQuaTru:
    return KetQuaTru(
        nhac_nho=tru_nhac_nho(facts.van_ban_nhac_nho),
        ho_so=tru_ho_so(facts.ho_so_khong_du_dieu_kien),
        quy_che=TRU_QUY_CHE if facts.vi_pham_quy_che_khoi else ZERO,
        khac=sum((dec(k.diem) for k in facts.khac), ZERO),
        facts=facts,
    )


def cham_diem(body: BangChamDiem, path: str = "noi_dung") -> KetQuaChamDiem:
    """Compute a scoring table that :func:`vanban.scoring.rules.check_bang` accepted."""
    missing: list[str] = []
    groups = []
    for i, g in enumerate(body.nhom):
        rows = [_row(c, f"{path}.nhom[{i}].tieu_chi[{j}]", 1, missing)
                for j, c in enumerate(g.tieu_chi)]
        flat = [r for row in rows for r in row.rows() if r.duoc_cham]
        standard = sum((r.diem_chuan or ZERO for r in flat), ZERO)
        scored = [r.diem for r in flat]
        raw = None if any(d is None for d in scored) else sum(scored, ZERO)  # type: ignore[arg-type]
        cap = dec(g.diem_toi_da)
        if body.khong_co_dang_cong_doan and g.to_chuc_dang_doan_the:
            cap = cap * NUA_TRAN
        groups.append(KetQuaNhom(ma=g.ma, ten=g.ten, diem_toi_da=dec(g.diem_toi_da),
                                 diem_chuan=standard, cong=raw,
                                 diem=None if raw is None else min(raw, cap), dong=rows,
                                 tran=cap))
    by_path = {r.path: r for g in groups for row in g.dong for r in row.rows()}
    codes = criterion_codes(body, path)
    bonus = [dec(b.diem) for b in body.diem_thuong]
    for b, d in zip(body.diem_thuong, bonus, strict=True):
        found = codes.get((b.tieu_chi or "").strip(), [])
        if len(found) == 1:
            row = by_path[found[0]]
            row.diem_thuong = (row.diem_thuong or ZERO) + d
    return KetQuaChamDiem(
        nhom=groups, thuong=bonus, thuong_toi_da=dec(body.thang_diem.diem_thuong_toi_da),
        tru=tinh_diem_tru(body.diem_tru),
        khong_xet=body.diem_tru.phe_binh_sai_pham_nghiem_trong, chua_cham=missing)
