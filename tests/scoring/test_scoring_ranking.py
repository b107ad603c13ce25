"""Ranking: ties share a rank (1, 2, 2, 4), ties in Vietnamese order, "không xét" last."""

from __future__ import annotations

from decimal import Decimal

from vanban.scoring.ranking import DonViDiem, xep_hang


def _u(ten: str, tong: str, khong_xet: bool = False) -> DonViDiem:
    return DonViDiem(ten=ten, diem=Decimal(tong), diem_thuong=Decimal(0),
                     diem_tru=Decimal(0), khong_xet=khong_xet)


def test_three_way_tie_shares_a_rank_and_the_next_rank_skips():
    r = xep_hang([_u("Sở Y tế", "90"), _u("Đài Phát thanh", "92"), _u("Sở Tư pháp", "92"),
                  _u("Ban Dân tộc", "92"), _u("Sở Nội vụ", "95")])
    assert [(u.hang, u.ten) for u in r.don_vi] == [
        (1, "Sở Nội vụ"), (2, "Ban Dân tộc"), (2, "Đài Phát thanh"), (2, "Sở Tư pháp"),
        (5, "Sở Y tế")]


def test_ties_listed_in_vietnamese_order_not_code_points():
    r = xep_hang([_u("Đoàn Thanh niên", "90"), _u("Ủy ban MTTQ", "90"), _u("Dân vận", "90"),
                  _u("Ăn uống", "90"), _u("Âm nhạc", "90"), _u("An ninh", "90")])
    assert [u.ten for u in r.don_vi] == ["An ninh", "Ăn uống", "Âm nhạc", "Dân vận",
                                         "Đoàn Thanh niên", "Ủy ban MTTQ"]
    assert {u.hang for u in r.don_vi} == {1}


def test_not_considered_units_come_last_without_rank():
    r = xep_hang([_u("Sở A", "99", khong_xet=True), _u("Sở B", "80"), _u("Sở C", "85")])
    assert [(u.hang, u.ten) for u in r.don_vi] == [(1, "Sở C"), (2, "Sở B"), (None, "Sở A")]


def test_proposals_go_to_the_first_units_in_rank_order():
    totals = ["90", "95", "85", "99", "70"]
    units = [_u(f"Đơn vị {c}", t) for c, t in zip("ABCDE", totals, strict=True)]
    units.append(_u("Đơn vị F", "100", khong_xet=True))
    r = xep_hang(units, [("Cờ thi đua của UBND tỉnh", 1), ("Bằng khen của Chủ tịch UBND tỉnh", 2)])
    assert r.de_nghi == [("Cờ thi đua của UBND tỉnh", ["Đơn vị D"]),
                         ("Bằng khen của Chủ tịch UBND tỉnh", ["Đơn vị B", "Đơn vị A"])]
    assert {u.ten: u.de_nghi for u in r.don_vi}["Đơn vị F"] is None
    assert r.canh_bao == []


def test_tie_at_the_edge_of_a_proposal_is_warned():
    r = xep_hang([_u("Sở A", "95"), _u("Sở B", "95"), _u("Sở C", "90")], [("Cờ thi đua", 1)])
    assert r.de_nghi == [("Cờ thi đua", ["Sở A"])]
    assert "Sở A, Sở B" in r.canh_bao[0]


def test_total_is_points_plus_bonus_minus_deductions():
    u = DonViDiem(ten="X", diem=Decimal("88"), diem_thuong=Decimal("2"),
                  diem_tru=Decimal("0.5"))
    assert u.tong == Decimal("89.5")
    d = xep_hang([u]).to_dict()["xep_hang"][0]
    assert (d["hang"], d["tong_diem"], d["diem_tru"]) == (1, 89.5, 0.5)
