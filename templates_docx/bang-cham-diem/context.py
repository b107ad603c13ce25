"""Body of ``bang-cham-diem`` → the scoring table (and its figures for ``vanban compute``).

Title ``BẢNG CHẤM ĐIỂM THI ĐUA NĂM …`` (or the body's ``tieu_de``), the unit's name, then one
table: TT · nội dung tiêu chí · ĐVT · kế hoạch · thực hiện · điểm chuẩn · điểm thưởng · điểm tự
chấm, with a row per group (its ceiling and its score), a row per criterion (nested rows keep
their place), a subtotal row per group (with the cap when it applies), the bonus rows, the
deduction rows and the total. The header row repeats on every page; a wide table turns the
whole document to landscape (:mod:`vanban.render.whole_landscape`). Every figure comes from
:func:`vanban.scoring.compute.cham_diem` — the same as ``vanban compute``.

The body (``template.docx``, built by ``tools/build_word_bodies.py``) holds the header row, the
row layouts and the sentences as Word text over the values of :func:`build_context`
(docs/designer-eject.md); :func:`scoring_table` draws the same rows as code for the members'
tables in the annex of ``xep-hang-khoi-thi-dua`` and ``bao-cao-khoi-thi-dua``.
"""

from __future__ import annotations

from markupsafe import Markup

from vanban.context.inline import in_sentence
from vanban.context.landscape import LANDSCAPE_TEXT_TWIPS
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


#: Row kinds (``d.loai`` in the Word body) printed bold: a group's heading, its subtotal, the
#: headings of the bonus and the deductions, the total.
BOLD_ROWS = frozenset({"nhom", "cong", "diem_thuong", "diem_tru", "tong"})


def _tru_rows(body: BangChamDiem, r: KetQuaChamDiem) -> list[tuple[str, list]]:
    facts, tru = body.diem_tru, r.tru
    rows: list[tuple[str, list]] = []
    if facts.van_ban_nhac_nho:
        rows.append(("tru", ["", Cell(f"Văn bản nhắc nhở, phê bình của Tỉnh ủy, UBND tỉnh: "
                                      f"{so_dem(facts.van_ban_nhac_nho)} văn bản (0,5 điểm/văn "
                                      "bản, tối đa 02 điểm)", align="left"), "Văn bản",
                             "", so(facts.van_ban_nhac_nho), "", "", so_diem(tru.nhac_nho)]))
    if facts.ho_so_khong_du_dieu_kien:
        rows.append(("tru", ["", Cell(f"Hồ sơ đề nghị khen thưởng không đủ điều kiện: "
                                      f"{so_dem(facts.ho_so_khong_du_dieu_kien)} hồ sơ",
                                      align="left"),
                             "Hồ sơ", "", so(facts.ho_so_khong_du_dieu_kien), "", "",
                             so_diem(tru.ho_so)]))
    if facts.vi_pham_quy_che_khoi:
        rows.append(("tru", ["", Cell("Thực hiện chưa nghiêm túc các quy định của khối thi đua",
                                      align="left"), "", "", "", "", "", so_diem(tru.quy_che)]))
    for item in facts.khac:
        rows.append(("tru", ["", Cell(item.ly_do, align="left"), "", "", "", "", "",
                             so(item.diem)]))
    return rows


def table_rows(body: BangChamDiem, r: KetQuaChamDiem) -> list[tuple[str, list]]:
    """The table's rows after its header, each with its kind: ``nhom`` (a group: its ceiling
    and score), ``tieu_chi`` (a criterion, nested ones in their place), ``cong`` (a group's
    subtotal, with the cap when it applies), ``diem_thuong`` and ``thuong`` (the bonus and its
    rows), ``diem_tru`` and ``tru`` (the deductions and their rows), ``tong`` (the total)."""
    rows: list[tuple[str, list]] = []
    for group, g in zip(body.nhom, r.nhom, strict=True):
        rows.append(("nhom", [_bold(group.ma or ""), _label(group.ten), "", "", "",
                              _bold(so(group.diem_toi_da)), "", _bold(so_diem(g.diem))]))
        for row in g.dong:
            rows.extend(("tieu_chi", cells) for cells in _rows(row))
        label = f"Cộng mục {group.ma}" if group.ma else "Cộng"
        note = ""
        if g.nua_tran:
            label += (" (đơn vị không có tổ chức đảng và công đoàn: tối đa 50% = "
                      f"{so_diem(g.tran)} điểm)")
        if g.vuot_tran:
            label += (f" (các tiêu chí cộng {so_diem(g.cong)} điểm; tính tối đa "
                      f"{so_diem(g.tran)} điểm)")
            note = so_diem(g.diem)
        rows.append(("cong", ["", _label(label), "", "", "", _bold(so_diem(g.diem_chuan)), "",
                              _bold(note or so_diem(g.diem))]))
    label = "Điểm thưởng (chỉ tiêu vượt kế hoạch)"
    if r.thuong_vuot_tran:
        label += (f" (cộng {so_diem(r.thuong_cong)} điểm; tính tối đa "
                  f"{so_diem(r.thuong_toi_da)} điểm)")
    scored = r.day_du or bool(body.diem_thuong)
    rows.append(("diem_thuong", ["", _label(label), "", "", "", "",
                                 _bold(so_diem(r.thuong_toi_da)),
                                 _bold(so_diem(r.diem_thuong) if scored else "")]))
    for b in body.diem_thuong:
        rows.append(("thuong", [b.tieu_chi or "", Cell(b.chi_tieu, align="left"),
                                b.don_vi_tinh or "", so(b.ke_hoach), so(b.thuc_hien), "",
                                so(b.diem), ""]))
    rows.append(("diem_tru", ["", _label("Điểm trừ"), "", "", "", "", "",
                              _bold(so_diem(r.tru.tong) if r.day_du or r.tru.tong else "")]))
    rows.extend(_tru_rows(body, r))
    total = so_diem(r.tong)
    rows.append(("tong", ["", _label("TỔNG ĐIỂM (điểm các mục + điểm thưởng − điểm trừ)"), "",
                          "", "", _bold(so_diem(r.diem_chuan)), _bold(so_diem(r.thuong_toi_da)),
                          _bold(total)]))
    return rows


#: The names of the table's columns in the Word body (``d.tt`` … ``d.diem_tu_cham``).
COLUMNS = ("tt", "noi_dung", "dvt", "ke_hoach", "thuc_hien", "diem_chuan", "diem_thuong",
           "diem_tu_cham")


def _text(cell: object) -> str:
    if isinstance(cell, Cell):
        return cell.text
    return "" if cell is None else str(cell)


def word_rows(body: BangChamDiem, r: KetQuaChamDiem) -> list[dict]:
    """The rows as the Word body reads them: ``d.loai`` (see :func:`table_rows`), ``d.dam``
    (a bold row: :data:`BOLD_ROWS`), ``d.nghieng`` (a criterion below the second level: its
    name in italics) and one text a column (:data:`COLUMNS`; a line break is "\\n")."""
    out = []
    for kind, cells in table_rows(body, r):
        name = cells[1]
        out.append({"loai": kind, "dam": kind in BOLD_ROWS,
                    "nghieng": kind not in BOLD_ROWS and isinstance(name, Cell) and name.italic,
                    **{col: _text(c) for col, c in zip(COLUMNS, cells, strict=True)}})
    return out


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
    return table(head, [cells for _, cells in table_rows(body, r)],
                 landscape_widths(body) if wide else WIDTHS,
                 total_twips=LANDSCAPE_TEXT_TWIPS if wide else TEXT_WIDTH_TWIPS)


def build_context(envelope: Envelope, family: Family, envelope_ctx: dict) -> dict:
    """The values the Word body (``template.docx``, ``tools/build_word_bodies.py``) reads; the
    table's header, its row layouts and the sentences under it are Word text. Documented in
    docs/designer-eject.md."""
    body: BangChamDiem = envelope.noi_dung
    r = cham_diem(body)
    wide = _wide(body)
    cot = landscape_widths(body) if wide else twips(WIDTHS, TEXT_WIDTH_TWIPS)
    return {
        "loai_van_ban": body.tieu_de or f"BẢNG CHẤM ĐIỂM THI ĐUA NĂM {body.nam}",
        "hien_so": False,
        "don_vi": in_sentence(body.don_vi or ""),
        "nam": body.nam,
        "dong": word_rows(body, r),
        "cot": cot,
        "day_du": r.day_du,
        "tong": so_diem(r.tong),
        "diem_nhom": so_diem(r.diem_nhom),
        "diem_thuong": so_diem(r.diem_thuong),
        "diem_tru": so_diem(r.tru.tong),
        "khong_xet": r.khong_xet,
        "so_muc": so_dem(len(body.nhom)),
        "diem_chuan": so_diem(r.diem_chuan),
        "thuong_toi_da": so_diem(r.thuong_toi_da),
        "ket_thuc": family.dau_ket,
        # the table is the document: all of it in landscape, the table right after the header
        # (no portrait page holding only the header and title: issue 17)
        "ca_van_ban_ngang": wide,
        "ngang": "",
        "khoi_sau": [],
    }
