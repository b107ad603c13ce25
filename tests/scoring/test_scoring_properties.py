"""Property-based tests: the total always equals its parts and never exceeds the scale."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from vanban.model.bang_cham_diem import BangChamDiem
from vanban.scoring.compute import cham_diem
from vanban.scoring.rules import check_bang

halves = st.integers(min_value=0, max_value=80).map(lambda n: n / 2)  # 0, 0,5 … 40


@st.composite
def criterion(draw, depth: int = 0) -> dict:
    if draw(st.booleans()):
        points = sorted(draw(st.lists(halves, min_size=1, max_size=4)), reverse=True)
        levels = dict(zip(["Tốt", "Khá", "TB", "Yếu"], points, strict=False))
        out = {"ten": "Mức", "muc": levels, "xep_loai": draw(st.sampled_from(list(levels)))}
    else:
        standard = draw(halves)
        score = draw(st.integers(min_value=0, max_value=int(standard * 2))) / 2
        out = {"ten": "Điểm", "diem_chuan": standard, "tu_cham": score}
    if depth < 2 and draw(st.integers(0, 3)) == 0:
        out["tieu_chi"] = draw(st.lists(criterion(depth + 1), min_size=1, max_size=2))
    return out


@st.composite
def table(draw) -> dict:
    groups = [{"ten": f"Nhóm {k}", "diem_toi_da": draw(halves),
               "tieu_chi": draw(st.lists(criterion(), min_size=1, max_size=4))}
              for k in range(draw(st.integers(1, 3)))]
    groups[0]["to_chuc_dang_doan_the"] = True
    bonus_cap = draw(st.integers(0, 10))
    bonus = [{"chi_tieu": f"Chỉ tiêu {k}", "ke_hoach": 100, "thuc_hien": 101,
              "diem": draw(st.integers(0, 2)) / 2} for k in range(draw(st.integers(0, 12)))]
    return {"nam": 2021, "don_vi": "Đơn vị", "thang_diem": {
        "diem_toi_da": sum(g["diem_toi_da"] for g in groups) + draw(halves),
        "diem_thuong_toi_da": bonus_cap}, "nhom": groups, "diem_thuong": bonus,
        "khong_co_dang_cong_doan": draw(st.booleans()),
        "diem_tru": {"van_ban_nhac_nho": draw(st.integers(0, 9)),
                     "ho_so_khong_du_dieu_kien": draw(st.integers(0, 15)),
                     "vi_pham_quy_che_khoi": draw(st.booleans())}}


@settings(max_examples=200, deadline=None)
@given(table())
def test_total_equals_its_parts_and_never_exceeds_the_scale(data):
    body = BangChamDiem.model_validate(data)
    assert check_bang(body) == []
    r = cham_diem(body)
    assert r.tong == sum(n.diem for n in r.nhom) + r.diem_thuong - r.tru.tong
    assert r.tru.tong == r.tru.nhac_nho + r.tru.ho_so + r.tru.quy_che + r.tru.khac
    scale = Decimal(str(data["thang_diem"]["diem_toi_da"]))
    bonus_cap = Decimal(data["thang_diem"]["diem_thuong_toi_da"])
    assert r.tong <= scale + bonus_cap
    assert r.diem_thuong <= bonus_cap and r.tru.tong <= Decimal(5)
    for g in r.nhom:
        assert g.diem <= g.tran <= g.diem_toi_da and g.diem == min(g.cong, g.tran)


names = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạ ", min_size=1, max_size=8)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(names, st.integers(0, 20), st.booleans()), min_size=1, max_size=12,
                unique_by=lambda t: t[0]))
def test_rank_is_one_plus_the_units_strictly_ahead(units):
    from vanban.scoring.ranking import DonViDiem, xep_hang
    from vanban.vi.collate import khoa

    members = [DonViDiem(ten=n, diem=Decimal(t) / 2, diem_thuong=Decimal(0),
                         diem_tru=Decimal(0), khong_xet=x) for n, t, x in units]
    ranked = xep_hang(members).don_vi
    considered = [u for u in ranked if not u.khong_xet]
    assert ranked[len(considered):] == [u for u in ranked if u.khong_xet]
    for u in considered:
        assert u.hang == 1 + sum(1 for v in considered if v.tong > u.tong)
    for a, b in zip(considered, considered[1:], strict=False):
        assert a.tong > b.tong or (a.tong == b.tong and khoa(a.ten) <= khoa(b.ten))
    assert all(u.hang is None for u in ranked if u.khong_xet)


@settings(max_examples=15, deadline=None)
@given(table(), st.sampled_from(["nha-nuoc", "dang", "cong-doan"]), st.booleans())
def test_any_valid_table_renders_a_valid_document_with_its_total(data, family, landscape):
    import io

    from docx import Document

    import vanban
    from vanban.check.engine import check_docx
    from vanban.ooxml import validate_docx
    from vanban.vi.numbers import so

    envelope = vanban.example("bang-cham-diem")
    envelope["the_thuc"] = family
    envelope.pop("ky_hieu", None)
    envelope["noi_dung"] = {**data, "trang_ngang": landscape}
    if family == "dang":
        envelope["nguoi_ky"].pop("ky_thay", None)
    docx = vanban.render("bang-cham-diem", envelope)
    assert validate_docx(docx) == []
    assert not check_docx(docx, the_thuc=family).errors
    total = vanban.compute("bang-cham-diem", envelope)["tong_diem"]
    scoring = next(t for t in Document(io.BytesIO(docx)).tables
                   if t.rows[0].cells[0].text == "TT")
    assert scoring.rows[-1].cells[-1].text == so(total)
