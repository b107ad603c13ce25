"""Body of ``bang-cham-diem`` → the scoring table (and its figures for ``vanban compute``).

Title ``BẢNG CHẤM ĐIỂM THI ĐUA NĂM …`` (or the body's ``tieu_de``), the unit's name, then one
table: TT · nội dung tiêu chí · ĐVT · kế hoạch · thực hiện · điểm chuẩn · điểm thưởng · điểm tự
chấm, with a row per group (its ceiling and its score), a row per criterion (nested rows keep
their place), a subtotal row per group (with the cap when it applies), the bonus rows, the
deduction rows and the total. The header row repeats on every page; a wide table gets its own
landscape section (:mod:`vanban.context.landscape`). Every figure comes from
:func:`vanban.scoring.compute.cham_diem` — the same as ``vanban compute``.
"""

from __future__ import annotations

from markupsafe import Markup

from vanban.context import blocks
from vanban.context.landscape import LANDSCAPE_TEXT_TWIPS, wide_table
from vanban.context.tables import CELL_MARGINS_TWIPS, TABLE_PT, Cell, fit_widths, table, twips
from vanban.errors import Problem
from vanban.model.bang_cham_diem import BangChamDiem, TieuChi
from vanban.model.envelope import Envelope
from vanban.scoring.compute import Dong, KetQuaChamDiem, cham_diem, so_diem
from vanban.scoring.rules import body_rules_raw, check_bang
from vanban.the_thuc.families import TEXT_WIDTH_TWIPS, Family
from vanban.the_thuc.metrics import text_width_pt
from vanban.vi.numbers import so, so_dem

Body = BangChamDiem

#: Column widths in millimetres on a portrait page (165 mm of text) and a landscape one (252 mm).
WIDTHS = (12, 49, 14, 17, 17, 20, 19, 17)
WIDTHS_NGANG = (10, 99, 20, 20, 20, 40, 22, 21)
#: Unit / plan / actual texts or level names longer than this do not fit the portrait columns.
NARROW_TEXT = 10


def check(envelope: Envelope) -> list[Problem]:
    return check_bang(envelope.noi_dung)


def check_raw(data: dict) -> list[Problem]:
    return body_rules_raw(data, BangChamDiem, check_bang)


def compute(envelope: Envelope) -> dict:
    return cham_diem(envelope.noi_dung).to_dict()


def _value(v: float | str | None) -> str:
    if v is None:
        return ""
    return v if isinstance(v, str) else so(v)


def _standard(row: Dong) -> str:
    t = row.tieu_chi
    if t.muc is not None:
        return "\n".join(f"{name}: {so(points)}" for name, points in t.muc.items())
    return so_diem(row.diem_chuan)


def _score(row: Dong) -> str:
    if row.diem is None:
        return ""
    if row.tieu_chi.muc is not None:
        return f"{so_diem(row.diem)}\n({row.tieu_chi.xep_loai})"
    return so_diem(row.diem)


def _rows(row: Dong) -> list[list]:
    t = row.tieu_chi
    out = [[t.ma or "", Cell(t.ten, align="left", italic=row.cap > 2), t.don_vi_tinh or "",
            _value(t.ke_hoach), _value(t.thuc_hien), _standard(row),
            so_diem(row.diem_thuong), _score(row)]]
    for child in row.con:
        out.extend(_rows(child))
    return out


def _bold(text: str, align: str | None = None) -> Cell:
    return Cell(text, bold=True, align=align)  # type: ignore[arg-type]


def _label(text: str) -> Cell:
    return Cell(text, bold=True, align="left")


def _tru_rows(body: BangChamDiem, r: KetQuaChamDiem) -> list[list]:
    facts, tru = body.diem_tru, r.tru
    rows: list[list] = []
    if facts.van_ban_nhac_nho:
        rows.append(["", Cell(f"Văn bản nhắc nhở, phê bình của Tỉnh ủy, UBND tỉnh: "
                              f"{so_dem(facts.van_ban_nhac_nho)} văn bản (0,5 điểm/văn bản, "
                              "tối đa 02 điểm)", align="left"), "Văn bản",
                     "", so(facts.van_ban_nhac_nho), "", "", so_diem(tru.nhac_nho)])
    if facts.ho_so_khong_du_dieu_kien:
        rows.append(["", Cell(f"Hồ sơ đề nghị khen thưởng không đủ điều kiện: "
                              f"{so_dem(facts.ho_so_khong_du_dieu_kien)} hồ sơ", align="left"),
                     "Hồ sơ", "", so(facts.ho_so_khong_du_dieu_kien), "", "",
                     so_diem(tru.ho_so)])
    if facts.vi_pham_quy_che_khoi:
        rows.append(["", Cell("Thực hiện chưa nghiêm túc các quy định của khối thi đua",
                              align="left"), "", "", "", "", "", so_diem(tru.quy_che)])
    for item in facts.khac:
        rows.append(["", Cell(item.ly_do, align="left"), "", "", "", "", "", so(item.diem)])
    return rows


def _table_rows(body: BangChamDiem, r: KetQuaChamDiem) -> list[list]:
    rows: list[list] = []
    for group, g in zip(body.nhom, r.nhom, strict=True):
        rows.append([_bold(group.ma or ""), _label(group.ten), "", "", "",
                     _bold(so(group.diem_toi_da)), "", _bold(so_diem(g.diem))])
        for row in g.dong:
            rows.extend(_rows(row))
        label = f"Cộng mục {group.ma}" if group.ma else "Cộng"
        note = ""
        if g.nua_tran:
            label += (" (đơn vị không có tổ chức đảng và công đoàn: tối đa 50% = "
                      f"{so_diem(g.tran)} điểm)")
        if g.vuot_tran:
            label += (f" (các tiêu chí cộng {so_diem(g.cong)} điểm; tính tối đa "
                      f"{so_diem(g.tran)} điểm)")
            note = so_diem(g.diem)
        rows.append(["", _label(label), "", "", "", _bold(so_diem(g.diem_chuan)), "",
                     _bold(note or so_diem(g.diem))])
    label = "Điểm thưởng (chỉ tiêu vượt kế hoạch)"
    if r.thuong_vuot_tran:
        label += (f" (cộng {so_diem(r.thuong_cong)} điểm; tính tối đa "
                  f"{so_diem(r.thuong_toi_da)} điểm)")
    scored = r.day_du or bool(body.diem_thuong)
    rows.append(["", _label(label), "", "", "", "", _bold(so_diem(r.thuong_toi_da)),
                 _bold(so_diem(r.diem_thuong) if scored else "")])
    for b in body.diem_thuong:
        rows.append([b.tieu_chi or "", Cell(b.chi_tieu, align="left"), b.don_vi_tinh or "",
                     so(b.ke_hoach), so(b.thuc_hien), "", so(b.diem), ""])
    rows.append(["", _label("Điểm trừ"), "", "", "", "", "",
                 _bold(so_diem(r.tru.tong) if r.day_du or r.tru.tong else "")])
    rows.extend(_tru_rows(body, r))
    total = so_diem(r.tong)
    rows.append(["", _label("TỔNG ĐIỂM (điểm các mục + điểm thưởng − điểm trừ)"), "", "", "",
                 _bold(so_diem(r.diem_chuan)), _bold(so_diem(r.thuong_toi_da)), _bold(total)])
    return rows


def _wide(body: BangChamDiem) -> bool:
    if body.trang_ngang is not None:
        return body.trang_ngang

    def texts(criteria: list[TieuChi]):
        for c in criteria:
            yield from (v for v in (c.don_vi_tinh, c.ke_hoach, c.thuc_hien)
                        if isinstance(v, str))
            yield from c.muc or {}
            yield from texts(c.tieu_chi)

    return any(len(t) > NARROW_TEXT for g in body.nhom for t in texts(g.tieu_chi))


def summary(body: BangChamDiem, r: KetQuaChamDiem) -> list[str]:
    """The sentences under the table (the figures of ``vanban compute``)."""
    if not r.day_du:
        return [f"Bảng tiêu chí gồm {so_dem(len(body.nhom))} mục, tổng điểm chuẩn "
                f"{so_diem(r.diem_chuan)} điểm, điểm thưởng tối đa {so_diem(r.thuong_toi_da)} "
                "điểm; đơn vị tự chấm điểm vào cột “Điểm tự chấm”."]
    out = [f"Tổng điểm tự chấm: **{so_diem(r.tong)} điểm** (điểm các mục "
           f"{so_diem(r.diem_nhom)}; điểm thưởng {so_diem(r.diem_thuong)}; điểm trừ "
           f"{so_diem(r.tru.tong)})."]
    if r.khong_xet:
        out.append("Đơn vị **không được xét thi đua** năm " + str(body.nam)
                   + ": có văn bản phê bình về sai phạm nghiêm trọng.")
    return out


def _levels(criteria: list[TieuChi]):
    for c in criteria:
        if c.muc is not None:
            yield c
        yield from _levels(c.tieu_chi)


def _twips_for(text: str) -> int:
    return int(text_width_pt(text, TABLE_PT) * 20 * 1.08) + CELL_MARGINS_TWIPS


def _half(text: str) -> str:
    """The longer line of ``text`` broken in two at the most balanced space."""
    words = text.split()
    return min((max(" ".join(words[:i]), " ".join(words[i:]), key=len)
                for i in range(1, len(words))), key=len, default=text)


def landscape_widths(body: BangChamDiem) -> list[int]:
    """Landscape column widths (twips) in which a level line of "Điểm chuẩn" ("Hoàn thành xuất
    sắc nhiệm vụ: 10") prints whole and the chosen level under the score takes at most two
    lines; the room comes from the columns that have more than their content needs."""
    cols = twips(WIDTHS_NGANG, LANDSCAPE_TEXT_TWIPS)
    need = [0] * len(cols)
    for c in (c for g in body.nhom for c in _levels(g.tieu_chi)):
        for name, points in (c.muc or {}).items():
            need[5] = max(need[5], _twips_for(f"{name}: {so(points)}"))
        if c.xep_loai:
            need[7] = max(need[7], _twips_for(_half(f"({c.xep_loai})")))
    if sum(need) > sum(cols) // 2:  # levels too long to be kept whole: words only
        return cols
    return fit_widths(cols, need)


def scoring_table(body: BangChamDiem, r: KetQuaChamDiem, wide: bool = False) -> Markup:
    """The scoring table (also printed for each member in ``xep-hang-khoi-thi-dua`` and in the
    bloc report's landscape annex)."""
    head = [["TT", "Nội dung tiêu chí", "ĐVT", f"Kế hoạch {body.nam}",
             f"Thực hiện {body.nam}", "Điểm chuẩn", "Điểm thưởng", "Điểm tự chấm"]]
    return table(head, _table_rows(body, r), landscape_widths(body) if wide else WIDTHS,
                 total_twips=LANDSCAPE_TEXT_TWIPS if wide else TEXT_WIDTH_TWIPS)


def build_context(envelope: Envelope, family: Family, envelope_ctx: dict) -> dict:
    body: BangChamDiem = envelope.noi_dung
    r = cham_diem(body)
    wide = _wide(body)
    xml = scoring_table(body, r, wide)
    before = [blocks.doan(f"Đơn vị: **{body.don_vi}**")] if body.don_vi else []
    sentences = summary(body, r)
    last = sentences[-1].removesuffix(".") + (family.ket_thuc or ".")
    after = [*(blocks.doan(s) for s in sentences[:-1]), blocks.ket_luan(last)]
    title = body.tieu_de or f"BẢNG CHẤM ĐIỂM THI ĐUA NĂM {body.nam}"
    if wide:
        # the table is the document: all of it in landscape, the table right after the header
        # (no portrait page holding only the header and title: issue 17)
        return {"loai_van_ban": title, "khoi": before, "ngang": wide_table(xml),
                "khoi_sau": after, "ca_van_ban_ngang": True, "hien_so": False}
    return {"loai_van_ban": title, "khoi": [*before, blocks.bang(xml)], "ngang": "",
            "khoi_sau": after, "hien_so": False}
